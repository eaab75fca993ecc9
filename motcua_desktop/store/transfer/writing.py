"""The import's identity rules applied and written (see :mod:`.importer` for the rules)."""

from __future__ import annotations

import dataclasses
from typing import Any

from ...domain.model import Assignment, EquipmentItem, EquipmentType, Person, Unit, replaced
from ...domain.text import fold, person_name_key
from ..equipment import type_key
from ..registry import Registry
from ..rows import assignment_to_row, item_to_row, person_to_row, unit_to_row
from ..schema import PERSON_COLUMNS
from ..writes import update_many
from .bulk_history import BulkHistory
from .columns import ROW_ID, ROW_ID_LABEL
from .identity import RowId, Span, describe_period, overlaps
from .parsing import EMPTY, EquipmentIn, Problems, StaffIn, TypeIn, UnitIn
from .register_view import Codes, RegisterView
from .summary import ImportSummary

CODE_PREFIX = "CB"
_PERSON_FIELDS = tuple(c for c in PERSON_COLUMNS if c != "id")
_UNIT_FIELDS = ("code", "name", "level", "kind", "admin_name", "address", "area_m2", "founding_decision",
                "staffing_decision", "rules", "hotline", "notes", "official_code")  # fmt: skip
_GONE = "không còn bản ghi này trong dữ liệu (đã bị xóa sau khi xuất tệp?); hãy xóa ô này để nhập như dòng mới"


@dataclasses.dataclass
class Group:
    """The file's rows of one person, and the register's person they are (None: new)."""

    rows: list[StaffIn]
    person: Person | None = None


def _next_code(used: set[str], start: int) -> tuple[str, int]:
    n = start
    while f"{CODE_PREFIX}{n:05d}".casefold() in used:
        n += 1
    code = f"{CODE_PREFIX}{n:05d}"
    used.add(code.casefold())
    return code, n + 1


def _person_values(person: Person) -> tuple[Any, ...]:
    row = person_to_row(person)
    return tuple(row[f] for f in _PERSON_FIELDS)


def _insert_update(history: BulkHistory, table: str, to_row: Any, new: list[Any], changed: list[Any]) -> None:
    if new:
        history.insert_many(table, list(to_row(new[0])), [tuple(to_row(x).values()) for x in new])
    if changed:
        update_many(history.conn, table, list(to_row(changed[0])), [(*to_row(x).values(), x.id) for x in changed])


class Writer:
    def __init__(self, registry: Registry, register: RegisterView, problems: Problems,
                 summary: ImportSummary):
        self.registry, self.register, self.problems, self.summary = registry, register, problems, summary
        self.foreign_ids = False
        self._type_keys: dict[str, str] = {}
        self.history = BulkHistory(registry.db.conn)  # for the big inserts

    def _type_key(self, name: str) -> str:
        """:func:`type_key` of a name, worked out once per name (a few names, 50,000 rows)."""
        key = self._type_keys.get(name)
        if key is None:
            key = self._type_keys[name] = type_key(name)
        return key

    # row ids ------------------------------------------------------------------------------
    def _own(self, rid: RowId | None) -> RowId | None:
        """The id if it is this register's; another register's ids are ignored (noted once)."""
        if rid is None:
            return None
        if rid.tag != self.register.tag:
            if not self.foreign_ids:
                self.foreign_ids = True
                self.summary.notes.append(
                    "tệp được xuất từ một tệp dữ liệu khác: cột Mã dòng được bỏ qua, các dòng "
                    "được nhận theo nội dung (mã đơn vị, mã cán bộ …)"
                )
            return None
        return rid

    def check_ids(self, units_in: list[UnitIn], staff_in: list[StaffIn],
                  equipment_in: list[EquipmentIn], types_in: list[TypeIn]) -> None:
        """Every id names a record that exists, and only one row carries it."""
        reg = self.register
        tables: dict[str, dict[Any, Any]] = {
            "DV": reg.unit_by_id, "PC": reg.assignment_by_id, "CB": reg.person_by_id,
            "TB": reg.item_by_id, "LT": reg.type_by_id}  # fmt: skip
        for rows in (units_in, staff_in, equipment_in, types_in):
            first: dict[tuple[str, int], int] = {}
            for r in rows:
                r.row_id = self._own(r.row_id)
                if r.row_id is None:
                    continue
                label = r.raw.labels.get(ROW_ID, ROW_ID_LABEL)
                key = (r.row_id.kind, r.row_id.id)
                if r.row_id.id not in tables[r.row_id.kind]:
                    self.problems.add(r.raw, r.row, label, _GONE)
                elif key in first:
                    self.problems.add(r.raw, r.row, label,
                                      f"trùng với dòng {first[key]}: mỗi mã dòng chỉ ở một dòng "
                                      "(dòng chép thêm thì xóa ô này)")
                else:
                    first[key] = r.row

    # people -------------------------------------------------------------------------------
    def group_people(self, staff_in: list[StaffIn]) -> list[Group]:
        """Rows of one person together (in file order): by id, else by code, else each alone
        (found again by name, unit and first day)."""
        reg = self.register
        groups: dict[tuple[Any, ...], Group] = {}
        out: list[Group] = []
        for s in staff_in:
            person: Person | None = None
            if s.row_id is not None and s.row_id.id in (reg.assignment_by_id if s.row_id.kind == "PC" else reg.person_by_id):
                pid = reg.assignment_by_id[s.row_id.id].person_id if s.row_id.kind == "PC" else s.row_id.id
                person = reg.person_by_id[pid or 0]
            elif s.person_code:
                person = reg.people.get(s.person_code)
                if person is not None:
                    self._same_person(s, person)
            key = ("id", person.id) if person is not None else (
                ("code", s.person_code.casefold()) if s.person_code else ("row", id(s.raw), s.row))
            if key not in groups:
                groups[key] = Group([], person)
                out.append(groups[key])
            groups[key].rows.append(s)
        codes: dict[str, tuple[Group, StaffIn]] = {}
        for group in out:
            self._agree(group)
            code = next((s.person_code for s in group.rows if s.person_code), "")
            if not code and group.person is not None:
                code = group.person.code
            if code:
                seen = codes.setdefault(code.casefold(), (group, group.rows[0]))
                if seen[0] is not group:
                    s = next(r for r in group.rows if r.person_code) if any(r.person_code for r in group.rows) else group.rows[0]
                    self.problems.add(s.raw, s.row, "Mã cán bộ",
                                      f"mã '{code}' trùng với dòng {seen[1].row} ('{seen[1].full_name}'), "
                                      "một người khác")
                owner = reg.people.get(code)
                if owner is not None and group.person is not None and owner.id != group.person.id:
                    s = next((r for r in group.rows if r.person_code), group.rows[0])
                    self.problems.add(s.raw, s.row, "Mã cán bộ",
                                      f"mã '{code}' trong dữ liệu đã là của {self._named(owner)}, "
                                      f"còn dòng này là {self._named(group.person)}")
        for group in out:
            if group.person is None and group.rows[0].assignment is not None and not group.rows[0].person_code:
                s = group.rows[0]
                unit = reg.units.get(s.unit_code) if s.unit_code else None
                start = s.assignment.start.isoformat() if s.assignment and s.assignment.start else None
                group.person = reg.by_name.get((fold(s.full_name), unit.id if unit else None, start))
            elif group.person is None and not group.rows[0].person_code:
                group.person = reg.by_name.get((fold(group.rows[0].full_name), None, None))
        return out

    def _named(self, person: Person) -> str:
        year = f", sinh {person.birth_year}" if person.birth_year else ""
        units = self.register.assignments_of.get(person.id or 0)
        where = f", ở {self.register.unit_name(units[-1].unit_id)}" if units else ""
        return f"'{person.full_name}'{year}{where}"

    def _same_person(self, s: StaffIn, person: Person) -> None:
        """A code names the same person unless both the name and the birth year differ."""
        same_name = (not s.full_name or s.full_name == person.full_name
                     or person_name_key(s.full_name) == person_name_key(person.full_name))
        # a year the row does not give (or the register lacks) says nothing against it
        same_year = s.birth_year is None or person.birth_year is None or s.birth_year == person.birth_year
        if not same_name and not same_year:
            self.problems.add(s.raw, s.row, "Mã cán bộ",
                              f"mã '{s.person_code}' trong dữ liệu là của {self._named(person)}, khác "
                              f"tên và năm sinh với dòng này ('{s.full_name}'); nếu là hai người, "
                              "hãy dùng mã khác cho người mới")

    def _agree(self, group: Group) -> None:
        rows = group.rows
        named = [s for s in rows if s.full_name]
        for s in named[1:]:
            if s.full_name.casefold() != named[0].full_name.casefold():
                self.problems.add(s.raw, s.row, "Họ và tên",
                                  f"khác với dòng {named[0].row} ('{named[0].full_name}') cùng mã cán bộ")
        years = [s for s in rows if s.birth_year is not None]
        for s in years[1:]:
            if s.birth_year != years[0].birth_year:
                self.problems.add(s.raw, s.row, "Năm sinh",
                                  f"khác với dòng {years[0].row} ({years[0].birth_year}) cùng mã cán bộ")
        coded = [s for s in rows if s.person_code]
        for s in coded[1:]:
            if s.person_code.casefold() != coded[0].person_code.casefold():
                self.problems.add(s.raw, s.row, "Mã cán bộ",
                                  f"khác với dòng {coded[0].row} ('{coded[0].person_code}') cùng một người")
        if not named and group.person is None:
            self.problems.add(rows[0].raw, rows[0].row, "Họ và tên", EMPTY)

    def omitted_people(self, groups: list[Group]) -> list[str]:
        named = {g.person.id for g in groups if g.person is not None}
        left = [p for pid, p in self.register.person_by_id.items() if pid not in named]
        return [p.full_name + (f" ({p.code})" if p.code else "")
                for p in sorted(left, key=lambda p: person_name_key(p.full_name))]

    # units and catalogue --------------------------------------------------------------------
    def units(self, units_in: list[UnitIn]) -> Codes:
        reg, ids = self.register, Codes()
        for code, unit in reg.units.exact.items():
            ids.put(code, getattr(unit, "id", None))
        # new units are inserted together at the end, with the ids SQLite would give them;
        # one without an order goes last, as UnitRepository.add puts it
        orders = {unit.id: unit.sort_order for unit in reg.unit_list}
        last = max(orders.values(), default=0)
        next_id = max((i or 0 for i in orders), default=0) + 1
        new: list[Unit] = []
        for u in units_in:
            existing: Unit | None = reg.unit_by_id[u.row_id.id] if u.row_id else reg.units.get(u.unit.code)
            if existing is None:
                unit = replaced(u.unit, id=next_id, sort_order=u.order or last + 1)
                next_id, last, orders[unit.id] = next_id + 1, max(last, unit.sort_order), unit.sort_order
                new.append(unit)
                ids.put(unit.code, unit.id)
                self.summary.units.added += 1
                continue
            changes: dict[str, Any] = {f: getattr(u.unit, f) for f in _UNIT_FIELDS if f in u.present}
            if u.row_id is None:  # found by its code: the code stays as the register spells it
                changes.pop("code", None)
            if u.order is not None:
                changes["sort_order"] = u.order
            merged = replaced(existing, **changes)
            if merged.code.casefold() != existing.code.casefold():
                other = reg.units.get(merged.code)
                if other is not None and other.id != existing.id:
                    self.problems.add(u.raw, u.row, u.raw.labels.get("code", "Mã"),
                                      f"mã '{merged.code}' đã là của đơn vị '{other.name}' trong dữ liệu")
                    continue
            ids.put(merged.code, existing.id)
            if merged != existing:
                self.registry.units.update(merged)
                orders[existing.id] = merged.sort_order
                last = max(orders.values()) if existing.sort_order == last else max(last, merged.sort_order)
                self.summary.units.updated += 1
            else:
                self.summary.units.unchanged += 1
        if new:
            columns = ["id", *unit_to_row(new[0])]
            self.history.insert_many("units", columns, [(x.id, *unit_to_row(x).values()) for x in new])
        return ids

    def types(self, types_in: list[TypeIn], equipment_in: list[EquipmentIn]) -> dict[str, int | None]:
        reg, eq = self.register, self.registry.equipment
        ids: dict[str, int | None] = {key: t.id for key, t in reg.types.items()}
        for t in types_in:
            key = type_key(t.name)
            existing = reg.type_by_id[t.row_id.id] if t.row_id else reg.types.get(key)
            norms = dict(existing.norms) if existing is not None else {}
            for level, value in t.norms.items():
                if value is None:
                    norms.pop(level, None)
                else:
                    norms[level] = value
            if existing is None:
                added = eq.add_type(EquipmentType(t.name, norms, t.order or 0))
                if t.order is not None and added.sort_order != t.order:  # 0 is asked for, not "last"
                    added = eq.update_type(replaced(added, sort_order=t.order))
                reg.types[key] = added
                ids[key] = added.id
                self.summary.types.added += 1
                continue
            changes: dict[str, Any] = {"norms": norms}
            if t.row_id is not None:  # the row of this very entry: its name may be edited
                other = reg.types.get(key)
                if other is not None and other.id != existing.id:
                    self.problems.add(t.raw, t.row, t.raw.labels.get("type", "Loại thiết bị"),
                                      f"tên '{t.name}' đã là của một loại khác trong danh mục")
                    continue
                changes["name"] = t.name
            if t.order is not None:
                changes["sort_order"] = t.order
            merged = replaced(existing, **changes)
            ids[key] = existing.id
            if merged != existing:
                eq.update_type(merged)
                self.summary.types.updated += 1
            else:
                self.summary.types.unchanged += 1
        for e in equipment_in:
            key = self._type_key(e.type_name)
            if key not in ids:
                ids[key] = eq.add_type(EquipmentType(e.type_name)).id
                self.summary.new_types.append(e.type_name)
        return ids

    # staff ----------------------------------------------------------------------------------
    def _merged_person(self, group: list[StaffIn], base: Person) -> Person:
        present = group[0].present
        changes: dict[str, Any] = {}
        names = [s.full_name for s in group if s.full_name]
        if names:
            changes["full_name"] = names[0]
        codes = [s.person_code for s in group if s.person_code]
        if codes:
            changes["code"] = codes[0]
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
        return replaced(base, **changes)

    def staff(self, groups: list[Group], unit_ids: Codes) -> None:
        reg, summary = self.register, self.summary
        used = set(reg.person_codes) | {s.person_code.casefold() for g in groups for s in g.rows if s.person_code}
        counter, next_id = 1, reg.max_person_id + 1
        new_people, changed_people = [], []
        new_a: list[Assignment] = []
        changed_a: list[Assignment] = []
        claimed = {s.row_id.id for g in groups for s in g.rows if s.row_id and s.row_id.kind == "PC"}
        for group in groups:
            if group.person is None:
                person = self._merged_person(group.rows, Person("", "", id=next_id))
                if not person.code:
                    code, counter = _next_code(used, counter)
                    person = replaced(person, code=code)
                    summary.generated_codes.append(code)
                next_id += 1
                new_people.append(person)
                summary.people.added += 1
            else:
                person = self._merged_person(group.rows, group.person)
                if person != group.person:
                    changed_people.append(person)
                    summary.people.updated += 1
                else:
                    summary.people.unchanged += 1
            final: dict[int | None, tuple[Assignment, StaffIn | None]] = {
                a.id: (a, None) for a in reg.assignments_of.get(person.id or 0, [])}
            added: list[tuple[Assignment, StaffIn | None]] = []
            for s in group.rows:
                if s.assignment is None:
                    continue
                planned, old = self._plan_assignment(s, person.id, unit_ids, claimed)
                if old is None:
                    new_a.append(planned)
                    added.append((planned, s))
                    summary.assignments.added += 1
                else:
                    final[old.id] = (planned, s)
                    if planned != old:
                        changed_a.append(planned)
                        summary.assignments.updated += 1
                    else:
                        summary.assignments.unchanged += 1
            self._check_overlaps(list(final.values()) + added)
        conn = self.registry.db.conn
        if new_people:
            self.history.insert_many("people", ("id", *_PERSON_FIELDS), [(p.id, *_person_values(p)) for p in new_people])
        if changed_people:
            update_many(conn, "people", _PERSON_FIELDS, [(*_person_values(p), p.id) for p in changed_people])
        _insert_update(self.history, "assignments", assignment_to_row, new_a, changed_a)

    def _plan_assignment(self, s: StaffIn, person_id: int | None, unit_ids: Codes,
                         claimed: set[int]) -> tuple[Assignment, Assignment | None]:
        assert s.assignment is not None
        a = replaced(s.assignment, person_id=person_id, unit_id=unit_ids.get(s.unit_code))
        if s.row_id is not None and s.row_id.kind == "PC":
            existing: Assignment | None = self.register.assignment_by_id[s.row_id.id]
        else:
            key = (person_id, a.unit_id, a.start.isoformat() if a.start else None)
            pool = [x for x in self.register.assignments.get(key, []) if x.id not in claimed]
            existing = pool[0] if pool else None
            if existing is not None:
                claimed.add(existing.id or 0)
        if existing is None:
            return a, None
        changes: dict[str, Any] = {"kind": a.kind, "unit_id": a.unit_id, "person_id": person_id}
        for name in ("position", "sending_agency", "fields", "decision", "start", "end", "notes"):
            if name in s.present:
                changes[name] = getattr(a, name)
        return replaced(existing, **changes), existing

    def _check_overlaps(self, spans: list[tuple[Assignment, StaffIn | None]]) -> None:
        if len(spans) < 2:
            return
        view = [Span(a.start, a.end, a.unit_id,
                     f"dòng {s.row}" if s else
                     f"phân công đã có tại {self.register.unit_name(a.unit_id)} {describe_period(a.start, a.end)}",
                     s.row if s else None) for a, s in spans]  # fmt: skip
        rows = {s.row: s for _, s in spans if s is not None}
        for later, other in overlaps(view):
            s = rows[later.row or 0]
            where = other.where + (f" ({self.register.unit_name(other.unit_id)}, "
                                   f"{describe_period(other.start, other.end)})" if other.row else "")
            self.problems.add(s.raw, s.row, s.raw.labels.get("start", "Từ ngày"),
                              f"trùng thời gian với {where}: một người không thể có hai phân công "
                              "cùng lúc (điều chuyển thì ngày bắt đầu nơi mới phải sau ngày kết thúc nơi cũ)")

    # equipment ------------------------------------------------------------------------------
    def equipment(self, equipment_in: list[EquipmentIn], unit_ids: Codes, type_ids: dict[str, int | None]) -> None:
        new: list[EquipmentItem] = []
        changed: list[EquipmentItem] = []
        claimed = {e.row_id.id for e in equipment_in if e.row_id}
        for e in equipment_in:
            item = replaced(e.item, unit_id=unit_ids.get(e.unit_code), type_id=type_ids[self._type_key(e.type_name)])
            if e.row_id is not None:
                existing: EquipmentItem | None = self.register.item_by_id[e.row_id.id]
            else:
                key = (item.unit_id, item.type_id, item.condition.value, item.year_in_service)
                pool = [x for x in self.register.items.get(key, []) if x.id not in claimed]
                existing = pool[0] if pool else None
                if existing is not None:
                    claimed.add(existing.id or 0)
            if existing is None:
                new.append(item)
                self.summary.equipment.added += 1
                continue
            changes: dict[str, Any] = {"quantity": item.quantity, "unit_id": item.unit_id, "type_id": item.type_id,
                                       "condition": item.condition, "year_in_service": item.year_in_service}
            for name in ("serial", "notes"):
                if name in e.present:
                    changes[name] = getattr(item, name)
            merged = replaced(existing, **changes)
            if merged != existing:
                changed.append(merged)
                self.summary.equipment.updated += 1
            else:
                self.summary.equipment.unchanged += 1
        _insert_update(self.history, "equipment", item_to_row, new, changed)
