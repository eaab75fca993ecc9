"""What the import needs from the register, read once inside the import's own write
transaction (so nothing read can change before the write), indexed for lookups."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from typing import Any

from ...domain.model import Assignment, EquipmentItem, EquipmentType, Person, Unit
from ...domain.text import fold
from ..equipment import type_key
from ..registry import Registry
from ..rows import assignment_from_row, item_from_row, person_from_row
from ..schema import PERSON_COLUMNS
from .identity import register_tag


class Codes:
    """Looks a code up exactly first, then ignoring case."""

    def __init__(self) -> None:
        self.exact: dict[str, object] = {}
        self.folded: dict[str, object] = {}

    def put(self, code: str, value: object) -> None:
        self.exact[code] = value
        self.folded.setdefault(code.casefold(), value)

    def get(self, code: str) -> Any:
        if code in self.exact:
            return self.exact[code]
        return self.folded.get(code.casefold())

    def __contains__(self, code: str) -> bool:
        return code in self.exact or code.casefold() in self.folded


class RegisterView:
    def __init__(self, registry: Registry):
        self.tag = register_tag(registry)
        self.unit_list: list[Unit] = registry.units.list()
        self.units = Codes()
        self.unit_by_id: dict[int, Unit] = {}
        for unit in self.unit_list:
            self.units.put(unit.code, unit)
            self.unit_by_id[unit.id or 0] = unit
        self.people = Codes()
        self.person_by_id: dict[int, Person] = {}
        self.person_codes: set[str] = set()
        self.max_person_id = 0
        for row in registry.db.query(f"SELECT {', '.join(PERSON_COLUMNS)} FROM people"):
            person = person_from_row(row)
            self.person_by_id[row["id"]] = person
            self.max_person_id = max(self.max_person_id, row["id"])
            if row["code"]:
                self.people.put(row["code"], person)
                self.person_codes.add(row["code"].casefold())
        self.assignment_by_id: dict[int, Assignment] = {}
        self.assignments_of: dict[int, list[Assignment]] = defaultdict(list)
        self.assignments: dict[tuple[Any, ...], list[Assignment]] = defaultdict(list)
        for r in registry.db.query("SELECT * FROM assignments ORDER BY id"):
            a = assignment_from_row(r)
            self.assignment_by_id[a.id or 0] = a
            self.assignments_of[a.person_id or 0].append(a)
            self.assignments[(a.person_id, a.unit_id, r["start_date"])].append(a)
        self.types: dict[str, EquipmentType] = {type_key(t.name): t for t in registry.equipment.types()}
        self.type_by_id = {t.id: t for t in self.types.values()}
        self.item_by_id: dict[int, EquipmentItem] = {}
        self.items: dict[tuple[Any, ...], list[EquipmentItem]] = defaultdict(list)
        for r in registry.db.query("SELECT * FROM equipment ORDER BY id"):
            item = item_from_row(r)
            self.item_by_id[item.id or 0] = item
            self.items[(item.unit_id, item.type_id, item.condition.value, item.year_in_service)].append(item)

    @cached_property
    def by_name(self) -> dict[tuple[Any, ...], Person | None]:
        """Rows without a code find a person again by name, unit and first day (if only one
        person fits); people with no assignment and no code by name alone. Made when a row
        first needs it: a file that gives every person's code never does."""
        by_name: dict[tuple[Any, ...], Person | None] = {}
        for pid, person in self.person_by_id.items():
            spans: list[Assignment | None] = list(self.assignments_of.get(pid, [])) or [None]
            for job in spans:
                if job is None and person.code:
                    continue
                key = (fold(person.full_name), job.unit_id if job else None,
                       job.start.isoformat() if job and job.start else None)  # fmt: skip
                known = by_name.get(key, person)
                by_name[key] = person if known is not None and known.id == pid else None
        return by_name

    def unit_name(self, unit_id: int | None) -> str:
        unit = self.unit_by_id.get(unit_id or 0)
        return unit.name if unit else "?"
