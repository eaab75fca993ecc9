"""Add or edit a unit (Bộ phận Một cửa): every field of the design, errors next to fields."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QWidget

from ..domain.fields import UnitField as F
from ..domain.grouping import descendants
from ..domain.model import Choice, Unit
from ..domain.validation import ValidationError, clean_unit
from .form import FieldParser, FormDialog, plain, show_number


class UnitDialog(FormDialog):
    def __init__(self, unit: Unit | None, levels: list[Choice], kinds: list[Choice],
                 parent: QWidget | None = None, units: list[Unit] | None = None):
        title = self.tr("Sửa đơn vị") if unit else self.tr("Thêm đơn vị")
        super().__init__(title, parent)
        self.setObjectName("unitDialog")
        self.original = unit
        u = unit or Unit(code="", name="Bộ phận Một cửa ")
        self._levels, self._kinds = levels, kinds
        self.code = self.line(F.CODE, u.code, self.tr("ví dụ: X-MAISAO"))
        self.name = self.line(F.NAME, u.name)
        self.level = self.combo(F.LEVEL, [(c.label, c.code) for c in levels], u.level)
        self.kind = self.combo(F.KIND, [(c.label, c.code) for c in kinds], u.kind)
        self.admin_name = self.line(F.ADMIN_NAME, u.admin_name, self.tr("ví dụ: Mai Sao"))
        # a điểm tiếp nhận under its commune centre, a chi nhánh under the province centre;
        # neither the unit itself nor a unit under it can be its parent
        below = descendants(units or [], u.id) if u.id is not None else set()
        parents = [(self.tr("— không thuộc đơn vị nào —"), None)] + [
            (f"{x.name} ({x.code})", x.id) for x in (units or []) if x.id != u.id and x.id not in below]
        self.parent_unit = self.combo(F.PARENT_ID, parents, u.parent_id)
        self.parent_unit.setObjectName("unitParent")
        self.official_code = self.line(F.OFFICIAL_CODE, u.official_code, self.tr("ví dụ: 06463"))
        self.address = self.line(F.ADDRESS, u.address)
        self.area = self.line(F.AREA_M2, show_number(u.area_m2), "225,78")
        self.founding = self.text(F.FOUNDING_DECISION, u.founding_decision)
        self.staffing = self.text(F.STAFFING_DECISION, u.staffing_decision)
        self.rules = self.text(F.RULES, u.rules)
        self.hotline = self.line(F.HOTLINE, u.hotline)
        self.notes = self.text(F.NOTES, u.notes)

    def unit(self) -> Unit:
        """The unit as typed; raises ``ValidationError`` with every wrong field."""
        parser = FieldParser()
        area = parser.number(F.AREA_M2, self.area.text())
        base = self.original or Unit(code="", name="")
        unit = dataclasses.replace(
            base,
            code=plain(self.code),
            name=plain(self.name),
            level=self.level.currentData(),
            kind=self.kind.currentData(),
            admin_name=plain(self.admin_name),
            address=plain(self.address),
            area_m2=area,
            founding_decision=plain(self.founding),
            staffing_decision=plain(self.staffing),
            rules=plain(self.rules),
            hotline=plain(self.hotline),
            notes=plain(self.notes),
            parent_id=self.parent_unit.currentData(),
            official_code=plain(self.official_code),
        )
        more = []
        try:
            clean_unit(unit, [c.code for c in self._levels], [c.code for c in self._kinds])
        except ValidationError as exc:
            more = exc.errors
        parser.raise_if_any(more)
        return unit
