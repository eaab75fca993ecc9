"""Everything a report needs from the register, read once into plain objects.

The content builder and the renderers work from a :class:`ReportData`; only :func:`gather`
touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..domain.counting import Shortfall, StaffCount, StaffTable
from ..domain.model import Choice, EmploymentKind, EquipmentType, OrgSettings, Unit


@dataclass(frozen=True)
class ReportData:
    settings: OrgSettings
    levels: tuple[Choice, ...]
    as_of: date
    staff: StaffTable
    equipment_types: tuple[EquipmentType, ...] = ()
    shortfalls: tuple[Shortfall, ...] = ()
    district_agencies: tuple[str, ...] = ()  # who sends staff to the district unit, as of the day

    @property
    def top_level(self) -> str:
        """The level of the district's own unit: the first level in the value list."""
        return self.levels[0].code if self.levels else "huyen"

    @property
    def district_unit(self) -> Unit | None:
        return next((r.unit for r in self.staff.rows if r.unit.level == self.top_level), None)

    def count_of(self, unit: Unit) -> StaffCount:
        return next((r.count for r in self.staff.rows if r.unit.id == unit.id), StaffCount())

    @property
    def lower_rows(self):
        return tuple(r for r in self.staff.rows if r.unit.level != self.top_level)


def gather(registry, as_of: date) -> ReportData:
    """Read the settings, the appendix as of ``as_of``, the equipment shortfall and who sends
    staff to the district unit."""
    table = registry.staff_table(as_of)
    levels = tuple(registry.units.levels())
    data = ReportData(
        settings=registry.settings.get(),
        levels=levels,
        as_of=as_of,
        staff=table,
        equipment_types=tuple(registry.equipment.types()),
        shortfalls=tuple(registry.shortfall()),
    )
    district = data.district_unit
    agencies: list[str] = []
    if district is not None and data.count_of(district).sent:
        for row in registry.staff.listing(active_on=as_of):
            a = row.assignment
            if a.unit_id == district.id and EmploymentKind(a.kind) is EmploymentKind.CU_DEN:
                name = a.sending_agency.strip()
                if name and name not in agencies:
                    agencies.append(name)
    return ReportData(**{**data.__dict__, "district_agencies": tuple(agencies)})
