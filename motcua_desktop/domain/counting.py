"""The appendix's counting rule and the equipment shortfall against the norms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from .model import Assignment, Condition, EmploymentKind, EquipmentItem, EquipmentType, Unit


@dataclass(frozen=True)
class StaffCount:
    """The seed's three columns for one unit (or a sum of units), and the count of every
    staff group (``groups``: EmploymentKind value → people) for the other templates.

    ``total`` counts Biên chế + Biệt phái + Cử đến: Hỗ trợ is shown apart, never in it.
    """

    total: int = 0
    own: int = 0  # Thuộc biên chế (hoặc biệt phái) của BPMC
    sent: int = 0  # do các cơ quan chuyên môn cử đến
    groups: Mapping[str, int] = field(default_factory=dict, compare=False)

    def __add__(self, other: StaffCount) -> StaffCount:
        merged = dict(self.groups)
        for kind, n in other.groups.items():
            merged[kind] = merged.get(kind, 0) + n
        return StaffCount(self.total + other.total, self.own + other.own, self.sent + other.sent, merged)

    def of(self, kinds: Iterable[str]) -> int:
        """People in the given groups (EmploymentKind values)."""
        return sum(self.groups.get(str(k), 0) for k in kinds)

    @property
    def support(self) -> int:
        return self.groups.get(EmploymentKind.HO_TRO.value, 0)


def count_staff(assignments: Iterable[Assignment], as_of: date) -> dict[int, StaffCount]:
    """Count the assignments active on ``as_of`` per unit id and group.

    Active means ``start <= as_of <= end``, a missing start or end being open.
    """
    tally: dict[int, dict[str, int]] = {}
    for a in assignments:
        if a.unit_id is None or not a.active_on(as_of):
            continue
        groups = tally.setdefault(a.unit_id, {})
        kind = EmploymentKind(a.kind).value
        groups[kind] = groups.get(kind, 0) + 1
    return {uid: counted(groups) for uid, groups in tally.items()}


def counted(groups: Mapping[str, int]) -> StaffCount:
    own = sum(n for k, n in groups.items() if EmploymentKind(k).is_own_staff)
    sent = groups.get(EmploymentKind.CU_DEN.value, 0)
    return StaffCount(own + sent, own, sent, dict(groups))


@dataclass(frozen=True)
class UnitCount:
    unit: Unit
    count: StaffCount


@dataclass(frozen=True)
class StaffTable:
    """The appendix: units in report order with their counts, and the total."""

    rows: tuple[UnitCount, ...]
    total: StaffCount


def staff_table(units: Iterable[Unit], counts: Mapping[int, StaffCount]) -> StaffTable:
    ordered = sorted(units, key=lambda u: (u.sort_order, u.id or 0))
    rows = tuple(UnitCount(u, counts.get(u.id or -1, StaffCount())) for u in ordered)
    total = sum((r.count for r in rows), StaffCount())
    return StaffTable(rows, total)


@dataclass(frozen=True)
class Shortfall:
    """One equipment type at one unit: what the norm asks, what works, what is missing."""

    unit_id: int
    type_id: int
    type_name: str
    norm: int
    have: int
    type_order: int = 0  # the type's place in the catalogue

    @property
    def missing(self) -> int:
        return max(0, self.norm - self.have)


def equipment_shortfall(
    units: Iterable[Unit], types: Iterable[EquipmentType], items: Iterable[EquipmentItem]
) -> list[Shortfall]:
    """For every unit and every type with a norm for the unit's level: the norm and how many
    are in working order (broken or awaiting disposal do not count)."""
    working: dict[tuple[int, int], int] = {}
    for item in items:
        if item.unit_id is None or item.type_id is None:
            continue
        if Condition(item.condition) is Condition.TOT:
            key = (item.unit_id, item.type_id)
            working[key] = working.get(key, 0) + item.quantity
    types = sorted(types, key=lambda t: (t.sort_order, t.id or 0))
    out: list[Shortfall] = []
    for unit in sorted(units, key=lambda u: (u.sort_order, u.id or 0)):
        for kind in types:
            norm = kind.norms.get(unit.level, 0)
            have = working.get((unit.id or -1, kind.id or -1), 0)
            if norm or have:
                out.append(
                    Shortfall(unit.id or -1, kind.id or -1, kind.name, norm, have, kind.sort_order)
                )
    return out


def missing_by_type(shortfalls: Iterable[Shortfall]) -> dict[str, int]:
    """Total missing per type name, in catalogue order, only types with something missing."""
    totals: dict[str, int] = {}
    place: dict[str, tuple[int, int]] = {}
    for s in shortfalls:
        if s.missing:
            totals[s.type_name] = totals.get(s.type_name, 0) + s.missing
            place[s.type_name] = (s.type_order, s.type_id)
    # Shortfalls come unit by unit, so first appearance is not catalogue order.
    return {name: totals[name] for name in sorted(totals, key=place.__getitem__)}
