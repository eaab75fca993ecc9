"""Units (Bộ phận Một cửa) and their value lists: levels and kinds of administrative unit."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.fields import ChoiceField
from ..domain.model import Choice, Unit
from ..domain.text import clean_line, fold
from ..domain.validation import FieldError, ValidationError, clean_unit
from .connection import Database
from .database import transaction
from .errors import IntegrityRefused, NotFoundError
from .rows import unit_from_row, unit_to_row
from .schema import UNIT_COLUMNS
from .writes import insert_row, update_row, upsert_row

_SELECT = f"SELECT {', '.join(UNIT_COLUMNS)} FROM units"
_VALUE_LISTS = {"unit_levels": "level", "unit_kinds": "kind"}  # table -> the units column using it


class UnitRepository:
    def __init__(self, db: Database):
        self.db = db

    def levels(self) -> list[Choice]:
        rows = self.db.conn.execute("SELECT code, label, sort_order FROM unit_levels ORDER BY sort_order")
        return [Choice(*r) for r in rows]

    def kinds(self) -> list[Choice]:
        rows = self.db.conn.execute("SELECT code, label, sort_order FROM unit_kinds ORDER BY sort_order")
        return [Choice(*r) for r in rows]

    def save_choice(self, table: str, choice: Choice) -> Choice:
        """Add a level or kind of unit, or rename one (the code stays: units keep pointing at it)."""
        if table not in _VALUE_LISTS:
            raise ValueError(table)
        label = clean_line(choice.label or "")
        code = "_".join(fold(choice.code or label).split()) if (choice.code or label) else ""
        if not label or not code:
            raise ValidationError([FieldError(ChoiceField.LABEL, "không được để trống")])
        with transaction(self.db):
            clash = self.db.conn.execute(
                f"SELECT code FROM {table} WHERE lower(label) = lower(?) AND code != ?", [label, code]).fetchone()
            if clash:
                raise IntegrityRefused(f"'{label}' đã có trong danh sách.")
            order = choice.sort_order or self.db.conn.execute(
                f"SELECT COALESCE(MAX(sort_order), 0) + 1 FROM {table}").fetchone()[0]
            upsert_row(self.db.conn, table, {"code": code, "label": label, "sort_order": order}, ["code"])
        return Choice(code, label, order)

    def delete_choice(self, table: str, code: str) -> None:
        """Remove a level or kind no unit uses; otherwise refuse and say how many use it."""
        if table not in _VALUE_LISTS:
            raise ValueError(table)
        column = _VALUE_LISTS[table]
        with transaction(self.db):
            used = self.db.conn.execute(f"SELECT COUNT(*) FROM units WHERE {column} = ?", [code]).fetchone()[0]
            if used:
                raise IntegrityRefused(f"Không xóa được: {used} đơn vị đang dùng giá trị này.")
            if table == "unit_levels":
                self.db.conn.execute("DELETE FROM equipment_norms WHERE level = ?", [code])
            self.db.conn.execute(f"DELETE FROM {table} WHERE code = ?", [code])

    def list(self) -> list[Unit]:
        """All units in report order (STT)."""
        return [unit_from_row(r) for r in self.db.query(f"{_SELECT} ORDER BY sort_order, id")]

    def get(self, unit_id: int) -> Unit:
        rows = list(self.db.query(f"{_SELECT} WHERE id = ?", [unit_id]))
        if not rows:
            raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")
        return unit_from_row(rows[0])

    def by_code(self, code: str) -> Unit | None:
        rows = list(self.db.query(f"{_SELECT} WHERE code = ?", [code]))
        return unit_from_row(rows[0]) if rows else None

    def _clean(self, unit: Unit) -> Unit:
        return clean_unit(unit, [c.code for c in self.levels()], [c.code for c in self.kinds()])

    def _check_code_free(self, unit: Unit) -> None:
        other = self.by_code(unit.code)
        if other is not None and other.id != unit.id:
            raise IntegrityRefused(f"Mã đơn vị '{unit.code}' đã được dùng cho {other.name}.")

    def add(self, unit: Unit) -> Unit:
        """Store a new unit; without an order it goes to the end of the list."""
        unit = self._clean(unit)
        with transaction(self.db):
            self._check_code_free(unit)
            if not unit.sort_order:
                last = self.db.conn.execute("SELECT COALESCE(MAX(sort_order), 0) FROM units").fetchone()[0]
                unit.sort_order = last + 1
            row = unit_to_row(unit)
            if unit.id is not None:  # bringing a deleted unit back keeps its id
                row["id"] = unit.id
            unit.id = insert_row(self.db.conn, "units", row)
        return unit

    def update(self, unit: Unit) -> Unit:
        unit = self._clean(unit)
        with transaction(self.db):
            self.get(unit.id or -1)
            self._check_code_free(unit)
            row = unit_to_row(unit)
            update_row(self.db.conn, "units", unit.id, row)
        return unit

    def dependents(self, unit_id: int) -> tuple[int, int]:
        """(assignments, equipment rows) that point at the unit."""
        staff = self.db.conn.execute(
            "SELECT COUNT(*) FROM assignments WHERE unit_id = ?", [unit_id]
        ).fetchone()[0]
        items = self.db.conn.execute(
            "SELECT COUNT(*) FROM equipment WHERE unit_id = ?", [unit_id]
        ).fetchone()[0]
        return staff, items

    def delete(self, unit_id: int) -> Unit:
        """Delete a unit with no staff and no equipment; otherwise refuse and say why."""
        with transaction(self.db):
            unit = self.get(unit_id)
            staff, items = self.dependents(unit_id)
            if staff or items:
                parts = []
                if staff:
                    parts.append(f"{staff} lượt phân công cán bộ")
                if items:
                    parts.append(f"{items} dòng thiết bị")
                raise IntegrityRefused(
                    f"Không xóa được {unit.name}: đơn vị còn {' và '.join(parts)}. "
                    "Hãy chuyển chúng sang đơn vị khác trước."
                )
            self.db.conn.execute("DELETE FROM units WHERE id = ?", [unit_id])
        return unit

    def move_dependents(self, from_id: int, to_id: int) -> tuple[int, int]:
        """Move every assignment and equipment row of one unit to another."""
        with transaction(self.db):
            self.get(to_id)
            staff = self.db.conn.execute(
                "UPDATE assignments SET unit_id = ? WHERE unit_id = ?", [to_id, from_id]
            ).rowcount
            items = self.db.conn.execute(
                "UPDATE equipment SET unit_id = ? WHERE unit_id = ?", [to_id, from_id]
            ).rowcount
        return staff, items

    def set_order(self, unit_ids: Sequence[int]) -> None:
        """Renumber the report order (STT) to follow ``unit_ids``."""
        with transaction(self.db):
            for position, unit_id in enumerate(unit_ids, start=1):
                self.db.conn.execute("UPDATE units SET sort_order = ? WHERE id = ?", [position, unit_id])

    def move(self, unit_id: int, offset: int) -> bool:
        """Move a unit up (negative) or down in the report order; False at either end."""
        ids = [u.id for u in self.list()]
        if unit_id not in ids:
            raise NotFoundError(f"Không tìm thấy đơn vị số {unit_id}.")
        i = ids.index(unit_id)
        j = i + offset
        if not 0 <= j < len(ids):
            return False
        ids[i], ids[j] = ids[j], ids[i]
        self.set_order([x for x in ids if x is not None])
        return True
