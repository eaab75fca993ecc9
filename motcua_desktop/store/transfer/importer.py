"""Importing a workbook: read, check every row against the file and the register, then write
everything in one transaction — or nothing, with every bad row named.

Re-importing updates instead of duplicating:

- a unit is the one with the same ``Mã`` (case ignored);
- a person is the one with the same ``Mã cán bộ``; a row without a code is a person of their
  own and gets a new code (``CB00001`` …), unless the register already holds exactly one
  person of the same name with an assignment at the same unit from the same day (the same
  file imported again, or the app's own export of a person who has no code);
- an assignment is the one of the same person at the same unit with the same ``Từ ngày``;
- an equipment row is the one of the same unit, type, condition and year in service;
- a catalogue entry (sheet ``Danh mục thiết bị``) is the one of the same name (case ignored);
  a blank ``Định mức <cấp>`` cell means that level has no norm.

When the register holds several records with the same key, the file's rows take them one by
one in order, so importing the same file twice never doubles anything. Columns missing from
the file leave the stored values as they are.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from ...domain.model import Assignment, EquipmentItem, EquipmentType, Person, Unit
from ...domain.text import clean_line, fold, format_number
from ..equipment import type_key
from ..errors import InputRejected
from ..registry import Registry
from ..rows import (
    PERSON_COLUMNS,
    assignment_from_row,
    assignment_to_row,
    iso,
    item_from_row,
    item_to_row,
    person_from_row,
    person_to_row,
)
from .cells import ChoiceList
from .columns import SHEET_ORDER
from .parents import check_parents, write_parents
from .parsing import (
    EMPTY,
    EquipmentIn,
    Problems,
    StaffIn,
    TypeIn,
    UnitIn,
    parse_equipment,
    parse_staff,
    parse_types,
    parse_units,
)
from .reading import RawSheet, read_file
from .summary import ImportSummary

CODE_PREFIX = "CB"


_V = TypeVar("_V")


class _Stored(Protocol):
    @property
    def id(self) -> int | None: ...


_Record = TypeVar("_Record", bound=_Stored)


class _Codes(Generic[_V]):
    """Looks a code up exactly first, then ignoring case."""

    def __init__(self) -> None:
        self.exact: dict[str, _V] = {}
        self.folded: dict[str, _V] = {}

    def put(self, code: str, value: _V) -> None:
        self.exact[code] = value
        self.folded.setdefault(code.casefold(), value)

    def get(self, code: str) -> _V | None:
        if code in self.exact:
            return self.exact[code]
        return self.folded.get(code.casefold())

    def __contains__(self, code: str) -> bool:
        return code in self.exact or code.casefold() in self.folded


class _Register:
    """What the import needs from the register, read once (no query per row)."""

    def __init__(self, registry: Registry):
        self.units: _Codes[Unit] = _Codes()
        for unit in registry.units.list():
            self.units.put(unit.code, unit)
        self.people: _Codes[Person] = _Codes()
        self.person_codes: set[str] = set()
        self.max_person_id = 0
        for row in registry.db.query(f"SELECT {', '.join(_PERSON_SQL_COLUMNS)} FROM people"):
            self.max_person_id = max(self.max_person_id, row["id"])
            if row["code"]:
                self.people.put(row["code"], person_from_row(row))
                self.person_codes.add(row["code"].casefold())
        # rows without a code find a person again by name, unit and first day (if only one
        # person fits); people with no assignment and no code by name alone
        self.by_name: dict[tuple[str, int | None, str | None], Person | None] = {}
        for row in registry.db.query(
            f"SELECT {', '.join('p.' + c for c in _PERSON_SQL_COLUMNS)}, a.unit_id, a.start_date "
            "FROM people p LEFT JOIN assignments a ON a.person_id = p.id ORDER BY p.id"
        ):
            unit_id, start = row["unit_id"], row["start_date"]
            if unit_id is None and row["code"]:
                continue
            key = (fold(row["full_name"]), unit_id, start)
            person = person_from_row(row)
            known = self.by_name.get(key, person)
            self.by_name[key] = person if known is not None and known.id == person.id else None
        self.assignments: dict[tuple[int | None, int | None, str | None], list[Assignment]] = defaultdict(list)
        conn_rows = registry.db.query("SELECT * FROM assignments ORDER BY id")
        for r in conn_rows:
            self.assignments[(r["person_id"], r["unit_id"], r["start_date"])].append(assignment_from_row(r))
        self.types = {type_key(t.name): t for t in registry.equipment.types()}
        self.items: dict[tuple[int | None, int | None, str, int | None], list[EquipmentItem]] = defaultdict(list)
        for r in registry.db.query("SELECT * FROM equipment ORDER BY id"):
            item = item_from_row(r)
            self.items[(item.unit_id, item.type_id, item.condition.value, item.year_in_service)].append(item)


def _file_unit_codes(raw: RawSheet | None, problems: Problems) -> set[str]:
    """Every unit code the file's unit sheet names, bad rows included (so a staff row is not
    also blamed for pointing at a unit whose own row has a mistake); a code twice is a problem."""
    if raw is None or "code" not in raw.columns:
        return set()
    position = raw.columns["code"]
    first: dict[str, int] = {}
    for number, values in raw.rows:
        value = values[position] if position < len(values) else None
        key = clean_line("" if value is None else str(value)).casefold()
        if not key:
            continue
        if key in first:
            problems.add(raw, number, raw.sheet.column("code").label, f"trùng mã với dòng {first[key]}")
        else:
            first[key] = number
    return set(first)


def _known_unit(code: str, register: _Register, file_codes: set[str]) -> bool:
    return code in register.units or code.casefold() in file_codes


def _check_refs(rows: list[StaffIn] | list[EquipmentIn], register: _Register, file_codes: set[str], problems: Problems) -> None:
    for s in rows:
        if s.unit_code and not _known_unit(s.unit_code, register, file_codes):
            problems.add(s.raw, s.row, "Mã đơn vị",
                         f"không có đơn vị mã '{s.unit_code}' trong tệp hay trong dữ liệu")


def _group_people(staff_in: list[StaffIn], register: _Register, problems: Problems) -> list[list[StaffIn]]:
    """Rows with the same person code together (in file order); each uncoded row alone."""
    groups: dict[str, list[StaffIn]] = {}
    out: list[list[StaffIn]] = []
    for s in staff_in:
        if not s.person_code:
            out.append([s])
            continue
        key = s.person_code.casefold()
        if key not in groups:
            groups[key] = []
            out.append(groups[key])
        groups[key].append(s)
    for group in out:
        named = [s for s in group if s.full_name]
        for s in named[1:]:
            if s.full_name.casefold() != named[0].full_name.casefold():
                problems.add(s.raw, s.row, "Họ và tên",
                             f"khác với dòng {named[0].row} ('{named[0].full_name}') cùng mã cán bộ")
        years = [s for s in group if s.birth_year is not None]
        for s in years[1:]:
            if s.birth_year != years[0].birth_year:
                problems.add(s.raw, s.row, "Năm sinh",
                             f"khác với dòng {years[0].row} ({years[0].birth_year}) cùng mã cán bộ")
        if not named and register.people.get(group[0].person_code) is None:
            problems.add(group[0].raw, group[0].row, "Họ và tên", EMPTY)
    return out


def import_file(registry: Registry, path: str | Path) -> ImportSummary:
    """Import a ``.xlsx`` or ``.csv`` in the workbook format; all or nothing.

    Raises :class:`InputRejected` listing every bad row as ``FILE[SHEET]:ROW: column: message``.
    """
    path = Path(path)
    read_problems: list[str] = []
    sheets = read_file(path, read_problems)
    problems = Problems()
    for line in read_problems:
        problems.whole(line)
    by_key = {raw.sheet.key: raw for raw in sheets}
    summary = ImportSummary(path.name)
    summary.sheets = [k for k in SHEET_ORDER if k in by_key]
    summary.ignored_columns = [f"{raw.title}: {h}" for raw in sheets for h in raw.ignored]

    levels, kinds = ChoiceList(registry.units.levels()), ChoiceList(registry.units.kinds())
    units_in = parse_units(by_key["units"], levels, kinds, problems) if "units" in by_key else []
    staff_in = parse_staff(by_key["staff"], problems) if "staff" in by_key else []
    equipment_in = parse_equipment(by_key["equipment"], problems) if "equipment" in by_key else []
    types_in = parse_types(by_key["types"], levels, problems) if "types" in by_key else []

    register = _Register(registry)
    file_codes = _file_unit_codes(by_key.get("units"), problems)
    _check_refs(staff_in, register, file_codes, problems)
    _check_refs(equipment_in, register, file_codes, problems)
    check_parents(units_in, lambda code: _known_unit(code, register, file_codes), problems)
    groups = _group_people(staff_in, register, problems)

    if problems:
        lines = problems.lines()
        raise InputRejected(
            f"không nhập {path.name}: {format_number(problems.rows())} chỗ có lỗi "
            f"({format_number(len(lines))} lỗi); dữ liệu chưa thay đổi gì",
            lines,
        )
    if not (units_in or staff_in or equipment_in or types_in):
        raise InputRejected(f"{path.name} không có dòng dữ liệu nào để nhập")
    with registry.transaction():
        unit_ids = _write_units(registry, register, units_in, summary)
        type_ids = _write_types(registry, register, types_in, equipment_in, summary)
        _write_staff(registry, register, groups, unit_ids, summary)
        _write_equipment(registry, register, equipment_in, unit_ids, type_ids, summary)
    return summary


# writing -------------------------------------------------------------------------------

_UNIT_FIELDS = ("name", "level", "kind", "admin_name", "address", "area_m2", "founding_decision",
                "staffing_decision", "rules", "hotline", "notes", "official_code")  # fmt: skip


def _write_units(registry: Registry, register: _Register, units_in: list[UnitIn],
                 summary: ImportSummary) -> _Codes[int | None]:
    ids: _Codes[int | None] = _Codes()
    for code, unit in register.units.exact.items():
        ids.put(code, unit.id)
    for u in units_in:
        existing: Unit | None = register.units.get(u.unit.code)
        if existing is None:
            added = registry.units.add(dataclasses.replace(u.unit, sort_order=u.order or 0))
            ids.put(added.code, added.id)
            summary.units.added += 1
            continue
        changes = {f: getattr(u.unit, f) for f in _UNIT_FIELDS if f in u.present}
        if u.order is not None:
            changes["sort_order"] = u.order
        merged = dataclasses.replace(existing, **changes)
        if merged != existing:
            registry.units.update(merged)
            summary.units.updated += 1
        else:
            summary.units.unchanged += 1
    write_parents(registry, units_in, ids.get)
    return ids


def _write_types(registry: Registry, register: _Register, types_in: list[TypeIn],
                 equipment_in: list[EquipmentIn], summary: ImportSummary) -> dict[str, int | None]:
    ids = {key: t.id for key, t in register.types.items()}
    for t in types_in:
        key = type_key(t.name)
        existing = register.types.get(key)
        norms = dict(existing.norms) if existing is not None else {}
        for level, value in t.norms.items():
            if value is None:
                norms.pop(level, None)
            else:
                norms[level] = value
        if existing is None:
            added = registry.equipment.add_type(EquipmentType(t.name, norms, t.order or 0))
            if t.order is not None and added.sort_order != t.order:  # 0 is asked for, not "last"
                added = registry.equipment.update_type(dataclasses.replace(added, sort_order=t.order))
            register.types[key] = added
            ids[key] = added.id
            summary.types.added += 1
            continue
        changes: dict[str, Any] = {"norms": norms}
        if t.order is not None:
            changes["sort_order"] = t.order
        merged = dataclasses.replace(existing, **changes)
        if merged != existing:
            registry.equipment.update_type(merged)
            summary.types.updated += 1
        else:
            summary.types.unchanged += 1
    for e in equipment_in:
        key = type_key(e.type_name)
        if key not in ids:
            ids[key] = registry.equipment.add_type(EquipmentType(e.type_name)).id
            summary.new_types.append(e.type_name)
    return ids


def _next_code(used: set[str], start: int) -> tuple[str, int]:
    n = start
    while f"{CODE_PREFIX}{n:05d}".casefold() in used:
        n += 1
    code = f"{CODE_PREFIX}{n:05d}"
    used.add(code.casefold())
    return code, n + 1


def _person_of(group: list[StaffIn], register: _Register, unit_ids: _Codes[int | None]) -> Person | None:
    first = group[0]
    if first.person_code:
        return register.people.get(first.person_code)
    a = first.assignment
    unit_id = unit_ids.get(first.unit_code) if first.unit_code else None
    return register.by_name.get((fold(first.full_name), unit_id, iso(a.start) if a else None))


def _merged_person(group: list[StaffIn], base: Person) -> Person:
    present = group[0].present
    changes: dict[str, Any] = {}
    names = [s.full_name for s in group if s.full_name]
    if names:
        changes["full_name"] = names[0]
    if "birth_year" in present:
        changes["birth_year"] = next((s.birth_year for s in group if s.birth_year is not None), None)
    for key in ("phone", "gender", "qualification"):
        if key in present:
            changes[key] = next((getattr(s, key) for s in group if getattr(s, key)), "")
    only = [s for s in group if s.assignment is None]
    if "person_notes" in present:
        changes["notes"] = next((s.person_notes for s in group if s.person_notes), "")
    elif only and "notes" in present:
        changes["notes"] = only[0].person_notes
    return dataclasses.replace(base, **changes)


_PERSON_SQL_COLUMNS = PERSON_COLUMNS
_PERSON_FIELDS = tuple(c for c in PERSON_COLUMNS if c != "id")


def _write_staff(registry: Registry, register: _Register, groups: list[list[StaffIn]],
                 unit_ids: _Codes[int | None], summary: ImportSummary) -> None:
    conn = registry.db.conn
    used = set(register.person_codes) | {g[0].person_code.casefold() for g in groups if g[0].person_code}
    counter, next_id = 1, register.max_person_id + 1
    new_people: list[Person] = []
    changed_people: list[Person] = []
    assignments_new: list[Assignment] = []
    assignments_changed: list[Assignment] = []
    seen: set[int] = set()
    for group in groups:
        existing = _person_of(group, register, unit_ids)
        if existing is None:
            code = group[0].person_code
            if not code:
                code, counter = _next_code(used, counter)
                summary.generated_codes.append(code)
            person = _merged_person(group, Person("", code, id=next_id))
            next_id += 1
            new_people.append(person)
            summary.people.added += 1
        else:
            person = _merged_person(group, existing)
            assert existing.id is not None  # read from the register
            if existing.id not in seen:
                seen.add(existing.id)
                if person != existing:
                    changed_people.append(person)
                    summary.people.updated += 1
                else:
                    summary.people.unchanged += 1
        for s in group:
            if s.assignment is not None:
                _plan_assignment(s, person.id, unit_ids, register, summary, assignments_new, assignments_changed)
    if new_people:
        conn.executemany(
            f"INSERT INTO people (id, {', '.join(_PERSON_FIELDS)}) "
            f"VALUES (?, {', '.join('?' * len(_PERSON_FIELDS))})",
            [(p.id, *person_to_row(p).values()) for p in new_people],
        )
    if changed_people:
        fields = [f for f in _PERSON_FIELDS if f != "code"]
        conn.executemany(
            f"UPDATE people SET {', '.join(f'{f} = ?' for f in fields)} WHERE id = ?",
            [(*(person_to_row(p)[f] for f in fields), p.id) for p in changed_people],
        )
    _insert_update(conn, "assignments", assignment_to_row, assignments_new, assignments_changed)


def _plan_assignment(s: StaffIn, person_id: int | None, unit_ids: _Codes[int | None], register: _Register,
                     summary: ImportSummary, new: list[Assignment], changed: list[Assignment]) -> None:
    assert s.assignment is not None  # called only for rows that hold an assignment
    a = dataclasses.replace(s.assignment, person_id=person_id, unit_id=unit_ids.get(s.unit_code))
    pool = register.assignments.get((person_id, a.unit_id, iso(a.start)))
    if not pool:
        new.append(a)
        summary.assignments.added += 1
        return
    existing = pool.pop(0)
    changes: dict[str, Any] = {"kind": a.kind}
    for key in ("position", "sending_agency", "fields", "decision", "end", "notes"):
        if key in s.present:
            changes[key] = getattr(a, key)
    merged = dataclasses.replace(existing, **changes)
    if merged != existing:
        changed.append(merged)
        summary.assignments.updated += 1
    else:
        summary.assignments.unchanged += 1


def _insert_update(conn: sqlite3.Connection, table: str, to_row: Callable[[_Record], Mapping[str, object]],
                   new: list[_Record], changed: list[_Record]) -> None:
    if new:
        columns = list(to_row(new[0]))
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [list(to_row(record).values()) for record in new],
        )
    if changed:
        columns = list(to_row(changed[0]))
        conn.executemany(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
            [[*to_row(record).values(), record.id] for record in changed],
        )


def _write_equipment(registry: Registry, register: _Register, equipment_in: list[EquipmentIn],
                     unit_ids: _Codes[int | None], type_ids: dict[str, int | None],
                     summary: ImportSummary) -> None:
    new: list[EquipmentItem] = []
    changed: list[EquipmentItem] = []
    for e in equipment_in:
        item = dataclasses.replace(e.item, unit_id=unit_ids.get(e.unit_code), type_id=type_ids[type_key(e.type_name)])
        pool = register.items.get((item.unit_id, item.type_id, item.condition.value, item.year_in_service))
        if not pool:
            new.append(item)
            summary.equipment.added += 1
            continue
        existing = pool.pop(0)
        changes: dict[str, Any] = {"quantity": item.quantity}
        for key in ("serial", "notes"):
            if key in e.present:
                changes[key] = getattr(item, key)
        merged = dataclasses.replace(existing, **changes)
        if merged != existing:
            changed.append(merged)
            summary.equipment.updated += 1
        else:
            summary.equipment.unchanged += 1
    _insert_update(registry.db.conn, "equipment", item_to_row, new, changed)
