"""Everything a report needs from the register, read once into plain objects.

The content builder and the renderers work from a :class:`ReportData`; only :func:`gather`
touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.counting import Shortfall, StaffCount, StaffTable, UnitCount
from ..domain.model import Choice, EmploymentKind, EquipmentType, OrgSettings, Unit
from ..domain.templates import ReportTemplate
from ..store.registry import Registry


@dataclass(frozen=True)
class ReportData:
    settings: OrgSettings
    levels: tuple[Choice, ...]
    as_of: date
    staff: StaffTable
    equipment_types: tuple[EquipmentType, ...] = ()
    shortfalls: tuple[Shortfall, ...] = ()
    district_agencies: tuple[str, ...] = ()  # who sends staff to the office's own unit, as of the day
    agencies: tuple[str, ...] = ()  # who sends staff to any unit, as of the day
    template: ReportTemplate | None = None
    # official codes of the communes a province has no data package from ("chưa nộp"); empty
    # in a register that has never received one
    missing_offices: frozenset[str] = frozenset()
    reporting_offices: frozenset[str] = frozenset()  # those it holds a package from
    package_code: str = ""  # Mã kiểm tra of the package this office sent for this date

    @property
    def top_level(self) -> str:
        """The highest level any unit has (levels ranked by the value list's order)."""
        present = {r.unit.level for r in self.staff.rows}
        for c in self.levels:
            if c.code in present:
                return c.code
        return self.levels[0].code if self.levels else "huyen"

    @property
    def district_unit(self) -> Unit | None:
        """The office's own unit: the first top-level unit without a parent."""
        top = self.top_level
        return next((r.unit for r in self.staff.rows if r.unit.level == top and r.unit.parent_id is None), None)

    def count_of(self, unit: Unit) -> StaffCount:
        return next((r.count for r in self.staff.rows if r.unit.id == unit.id), StaffCount())

    @property
    def lower_rows(self) -> tuple[UnitCount, ...]:
        """Units of the lower level(s) that are not under another unit (the communes)."""
        return tuple(r for r in self.staff.rows if r.unit.level != self.top_level and r.unit.parent_id is None)

    @property
    def sub_units(self) -> tuple[UnitCount, ...]:
        """Điểm tiếp nhận and chi nhánh: units under another unit."""
        return tuple(r for r in self.staff.rows if r.unit.parent_id is not None)


def gather(registry: Registry, as_of: date, template: ReportTemplate | None = None) -> ReportData:
    """Read the settings, the appendix as of ``as_of``, the equipment shortfall and who sends
    staff (to the office's own unit, and anywhere)."""
    table = registry.staff_table(as_of)
    levels = tuple(registry.units.levels())
    data = ReportData(
        settings=registry.settings.get(),
        levels=levels,
        as_of=as_of,
        staff=table,
        equipment_types=tuple(registry.equipment.types()),
        shortfalls=tuple(registry.shortfall()),
        template=template,
    )
    district = data.district_unit
    own: list[str] = []
    anywhere: list[str] = []
    if data.staff.total.sent:
        for row in registry.staff.listing(active_on=as_of):
            a = row.assignment
            if EmploymentKind(a.kind) is not EmploymentKind.CU_DEN:
                continue
            name = a.sending_agency.strip()
            if name and name not in anywhere:
                anywhere.append(name)
            if district is not None and a.unit_id == district.id and name and name not in own:
                own.append(name)
    from ..store.packages.submit import sent_check_code
    from ..store.packages.tracking import offices_with_package, offices_without_package

    return ReportData(**{**data.__dict__, "district_agencies": tuple(own), "agencies": tuple(anywhere),
                         "missing_offices": offices_without_package(registry),
                         "reporting_offices": offices_with_package(registry),
                         "package_code": sent_check_code(registry, as_of)})
