"""From raw rows to checked records, one sheet at a time, every problem named by file, sheet,
row and column. Nothing here looks at the database; :mod:`.importer` does the cross-checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from ...domain.model import (
    Assignment,
    Choice,
    Condition,
    EmploymentKind,
    EquipmentItem,
    EquipmentType,
    Person,
    Unit,
    replaced,
)
from ...domain.text import clean_line
from ...domain.validation import (
    FieldError,
    ValidationError,
    clean_assignment,
    clean_equipment_item,
    clean_equipment_type,
    clean_person,
    clean_unit,
)
from . import cells
from .cells import CellProblem, ChoiceList
from .columns import NORM_KEY_PREFIX, ROW_ID, SHEET_ORDER, SHEETS, norm_level_text
from .identity import BadRowId, RowId, parse_row_id
from .meanings import BIRTH_DATE, BIRTH_FEMALE, BIRTH_MALE
from .reading import RawSheet

# Value lists that are code, not data.
EMPLOYMENT_KINDS = ChoiceList(Choice(k.value, k.label) for k in EmploymentKind)
CONDITIONS = ChoiceList(Choice(c.value, c.label) for c in Condition)


@dataclass(frozen=True)
class Problem:
    """One problem as the import preview shows it: the cell (``Cán bộ!F12``), whose row it
    is (the person's name, the unit's), the column and what is wrong."""

    cell: str
    who: str
    label: str
    message: str


_WHO = {"staff": ("full_name",), "units": ("name", "code"), "equipment": ("unit_code", "type"),
        "types": ("type",)}  # fmt: skip


def _who(raw: RawSheet, row: int) -> str:
    values = raw.values_of(row)
    for key in _WHO[raw.sheet.key]:
        position = raw.columns.get(key)
        if position is not None and position < len(values) and values[position] not in (None, ""):
            return clean_line(str(values[position]))[:60]
    return ""


class Problems:
    """Row problems in the order the user reads them: sheet by sheet, row by row."""

    def __init__(self) -> None:
        self._items: list[tuple[int, int, int, str, Problem]] = []

    def whole(self, line: str) -> None:
        self._items.append((-1, 0, len(self._items), line, Problem("", "", "", line)))

    def add(self, raw: RawSheet, row: int, label: str, message: str) -> None:
        order = SHEET_ORDER.index(raw.sheet.key)
        key = next((k for k, v in raw.labels.items() if v == label), None)
        detail = Problem(raw.cell(row, key), _who(raw, row), label, message)
        self._items.append((order, row, len(self._items), f"{raw.where(row)}: {label}: {message}", detail))

    def lines(self) -> list[str]:
        return [item[3] for item in sorted(self._items, key=lambda i: i[:3])]

    def details(self) -> list[Problem]:
        return [item[4] for item in sorted(self._items, key=lambda i: i[:3])]

    def rows(self) -> int:
        return len({(o, r) for o, r, *_ in self._items})

    def __bool__(self) -> bool:
        return bool(self._items)


_T = TypeVar("_T")
_MEMO_SIZE = 200_000  # cells read, per sheet, whose value is kept for the rows that repeat it


class RowReader:
    """One row's cells by column key; a cell that cannot be read is reported once."""

    def __init__(self, raw: RawSheet, row: int, values: tuple[object, ...], problems: Problems):
        self.raw, self.row, self.values, self.problems = raw, row, values, problems
        self.failed: set[str] = set()  # labels already reported
        self.failed_keys: set[str] = set()

    def has(self, key: str) -> bool:
        return key in self.raw.columns

    def _get(self, key: str, convert: Callable[[object], _T], required: str = "") -> _T | None:
        position = self.raw.columns.get(key)
        value = self.values[position] if position is not None and position < len(self.values) else None
        memo = self.raw.memo
        slot = (convert, type(value), value)  # the type too: 1, 1.0 and True are equal keys
        result: _T | None
        try:
            result = memo[slot]
        except KeyError:
            try:
                result = convert(value)
            except CellProblem as exc:  # not kept: each bad cell is reported on its own row
                self.report(self.label(key), str(exc))
                return None
            if len(memo) < _MEMO_SIZE:
                memo[slot] = result
        if required and (result is None or result == ""):
            self.report(self.label(key), required)
        return result

    def label(self, key: str) -> str:
        return self.raw.labels.get(key) or _LABELS.get((key, self.raw.sheet.key), key)

    def report(self, label: str, message: str) -> None:
        if label not in self.failed:
            self.failed.add(label)
            self.problems.add(self.raw, self.row, label, message)

    def text(self, key: str, required: str = "") -> str:
        return self._get(key, cells.text, required) or ""

    def line(self, key: str, required: str = "") -> str:
        return self._get(key, cells.line, required) or ""

    def integer(self, key: str, required: str = "") -> int | None:
        return self._get(key, cells.integer, required)

    def number(self, key: str) -> float | None:
        return self._get(key, cells.number)

    def day(self, key: str) -> date | None:
        return self._get(key, cells.day)

    def birth(self, key: str) -> int | None:
        before = len(self.failed)
        year = self._get(key, cells.birth_year)
        if len(self.failed) > before:
            self.failed_keys.add(key)
        return year

    def row_id(self) -> RowId | None:
        text = self.line(ROW_ID) if ROW_ID in self.raw.columns else ""
        try:
            return parse_row_id(text, self.raw.sheet.key)
        except BadRowId as exc:
            self.report(self.label(ROW_ID), str(exc))
            return None

    def choice(self, key: str, choices: ChoiceList, required: str = "") -> str | None:
        return self._get(key, choices.code, required)

    def validated(self, check: Callable[..., _T], *args: Any) -> _T | None:
        """Run a domain check, turning each field error into a row problem."""
        try:
            return check(*args)
        except ValidationError as exc:
            for error in exc.errors:
                self.report(_column_label(error, self.raw.sheet.key), error.message)
            return None


EMPTY = "không được để trống"
_LABELS = {(c.key, s.key): c.label for s in SHEETS for c in s.columns}


def _column_label(error: FieldError, sheet: str) -> str:
    """A domain check's field as the sheet's header names it (``Tên ĐVHC`` for the unit's
    ``admin_name``); a field with no column of its own by its label."""
    return error.label if error.item else _LABELS.get((str(error.key), sheet), error.label)


@dataclass
class UnitIn:
    row: int
    raw: RawSheet
    unit: Unit
    present: frozenset[str]
    order: int | None
    row_id: RowId | None = None
    parent_code: str = ""  # ``Thuộc đơn vị``: the parent unit's Mã


@dataclass
class StaffIn:
    row: int
    raw: RawSheet
    person_code: str
    full_name: str
    birth_year: int | None
    phone: str
    gender: str
    qualification: str
    unit_code: str
    assignment: Assignment | None  # None: a row that only records a person
    person_notes: str
    present: frozenset[str]
    problem_labels: set[str] = field(default_factory=set)
    row_id: RowId | None = None


@dataclass
class EquipmentIn:
    row: int
    raw: RawSheet
    unit_code: str
    type_name: str
    item: EquipmentItem
    present: frozenset[str]
    row_id: RowId | None = None


@dataclass
class TypeIn:
    row: int
    raw: RawSheet
    name: str
    order: int | None
    norms: dict[str, int | None]  # level code -> norm; None: the cell is blank (no norm)
    row_id: RowId | None = None


def parse_units(raw: RawSheet, levels: ChoiceList, kinds: ChoiceList, problems: Problems) -> list[UnitIn]:
    out = []
    for number, values in raw.rows:
        r = RowReader(raw, number, values, problems)
        level = r.choice("level", levels, f"{EMPTY} ({levels.labels()})")
        kind = r.choice("kind", kinds, f"{EMPTY} ({kinds.labels()})")
        unit = Unit(
            code=r.line("code"),
            name=r.line("name"),
            level=level or levels.choices[0].code,
            kind=kind or kinds.choices[0].code,
            admin_name=r.line("admin_name"),
            address=r.line("address"),
            area_m2=r.number("area_m2"),
            founding_decision=r.text("founding_decision"),
            staffing_decision=r.text("staffing_decision"),
            rules=r.text("rules"),
            hotline=r.line("hotline"),
            notes=r.text("notes"),
            official_code=r.line("official_code"),
        )
        parent_code = r.line("parent_code")
        if parent_code and parent_code.casefold() == unit.code.casefold():
            r.report(raw.sheet.column("parent_code").label, "một đơn vị không thể thuộc chính nó")
        order = r.integer("sort_order")
        if order is not None and order < 0:
            r.report(raw.sheet.column("sort_order").label, "không được âm")
        checked = r.validated(
            clean_unit, unit, [c.code for c in levels.choices], [c.code for c in kinds.choices]
        )
        rid = r.row_id()
        if checked is not None and not r.failed:
            out.append(UnitIn(number, raw, checked, frozenset(raw.columns), order, rid, parent_code))
    return out


def parse_staff(raw: RawSheet, problems: Problems) -> list[StaffIn]:
    out = []
    present = _present(raw)
    for number, values in raw.rows:
        r = RowReader(raw, number, values, problems)
        code = r.line("person_code")
        name = r.line("full_name", "" if code else EMPTY)
        unit_code = r.line("unit_code")
        kind = r.choice("kind", EMPLOYMENT_KINDS)
        position, agency = r.line("position"), r.line("sending_agency")
        fields = tuple(f for f in (clean_line(x) for x in r.text("fields").split(";")) if f)
        start, end = r.day("start"), r.day("end")
        notes, decision = r.text("notes"), r.line("decision")
        person_only = not (unit_code or kind or position or agency or fields or start or end or decision)
        born, gender = _birth(r)
        person = r.validated(
            clean_person,
            Person(full_name=name or "?", code=code, birth_year=born,
                   gender=gender, phone=r.line("phone"),
                   qualification=r.line("qualification"),
                   notes=r.text("person_notes") or (notes if person_only else "")),
        )  # fmt: skip
        assignment = None
        if not person_only:
            if not unit_code:
                r.report(raw.sheet.column("unit_code").label, EMPTY)
            if kind is None:
                r.report(raw.sheet.column("kind").label, f"{EMPTY} ({EMPLOYMENT_KINDS.labels()})")
            assignment = r.validated(
                clean_assignment,
                Assignment(None, 0, EmploymentKind(kind or EmploymentKind.BIEN_CHE), position,
                           agency, fields, decision=decision, start=start, end=end, notes=notes),
            )
        rid = r.row_id()
        if rid is not None and rid.kind == "CB" and not person_only:
            r.report(r.label(ROW_ID), "mã dòng của một người chưa có phân công, nhưng dòng có "
                     "thông tin phân công; hãy xóa ô này để nhập phân công mới")
        if person is not None and not r.failed:
            out.append(
                StaffIn(number, raw, code, name, person.birth_year, person.phone, person.gender,
                        person.qualification, unit_code, assignment, person.notes,
                        present, row_id=rid)
            )
    return out


def _present(raw: RawSheet) -> frozenset[str]:
    """The fields the sheet gives: ``Ngày sinh`` gives the birth year, ``Nam``/``Nữ`` the gender too."""
    keys = set(raw.columns)
    if keys & {BIRTH_DATE, BIRTH_MALE, BIRTH_FEMALE}:
        keys.add("birth_year")
    if keys & {BIRTH_MALE, BIRTH_FEMALE}:
        keys.add("gender")
    return frozenset(keys)


def _birth(r: RowReader) -> tuple[int | None, str]:
    """The birth year from ``Năm sinh``, ``Ngày sinh`` or the date under ``Nam``/``Nữ`` (which
    also gives the gender when there is no ``Giới tính`` column)."""
    gender = r.line("gender")
    for key, sex in (("birth_year", ""), (BIRTH_DATE, ""), (BIRTH_MALE, "Nam"), (BIRTH_FEMALE, "Nữ")):
        if not r.has(key):
            continue
        year = r.birth(key)
        if year is not None or key in r.failed_keys:
            return year, gender or sex
    return None, gender


def parse_equipment(raw: RawSheet, problems: Problems) -> list[EquipmentIn]:
    out = []
    types: dict[str, EquipmentType | None] = {}  # a few names repeated on every row
    checked_items: dict[tuple[Any, ...], EquipmentItem] = {}  # and a few quantity/condition/year mixes
    for number, values in raw.rows:
        r = RowReader(raw, number, values, problems)
        unit_code = r.line("unit_code", EMPTY)
        name = r.line("type")
        if name in types:
            kind = types[name]
        else:
            kind = r.validated(clean_equipment_type, EquipmentType(name))
            if kind is not None:
                types[name] = kind
        item = EquipmentItem(
            0, 0,
            quantity=r.integer("quantity", EMPTY) or 0,
            condition=Condition(r.choice("condition", CONDITIONS) or Condition.TOT),
            year_in_service=r.integer("year_in_service"),
            serial=r.line("serial"),
            notes=r.text("notes"),
        )  # fmt: skip
        mix = (item.quantity, item.condition, item.year_in_service, item.serial, item.notes)
        known = checked_items.get(mix)
        checked = replaced(known) if known is not None else r.validated(clean_equipment_item, item)
        if known is None and checked is not None and len(checked_items) < _MEMO_SIZE:
            checked_items[mix] = checked
        rid = r.row_id()
        if kind is not None and checked is not None and not r.failed:
            out.append(EquipmentIn(number, raw, unit_code, kind.name, checked, frozenset(raw.columns), rid))
    return out


def _norm_levels(raw: RawSheet, levels: ChoiceList, problems: Problems) -> dict[str, str]:
    """Column key -> level code for each ``Định mức <cấp>`` column; an unknown level is a problem
    of the header row."""
    out: dict[str, str] = {}
    taken: dict[str, str] = {}
    for key in raw.columns:
        if not key.startswith(NORM_KEY_PREFIX):
            continue
        label = raw.labels[key]
        text = norm_level_text(label)
        try:
            level = levels.code(text) if text else None
        except CellProblem:
            level = None
        if level is None:
            problems.add(raw, raw.header_row, label,
                         f"không có cấp '{text}' (cột định mức phải là: "
                         + ", ".join(f"Định mức {c.label}" for c in levels.choices) + ")")
        elif level in taken:
            problems.add(raw, raw.header_row, label, f"trùng cấp với cột '{taken[level]}'")
        else:
            out[key], taken[level] = level, label
    return out


def parse_types(raw: RawSheet, levels: ChoiceList, problems: Problems) -> list[TypeIn]:
    """The catalogue sheet: one row per type, its place in the list and its norm per level."""
    out = []
    columns = _norm_levels(raw, levels, problems)
    first: dict[str, int] = {}
    label = raw.labels.get("type") or raw.sheet.column("type").label
    for number, values in raw.rows:
        r = RowReader(raw, number, values, problems)
        name = r.line("type", EMPTY)
        order = r.integer("sort_order")
        if order is not None and order < 0:
            r.report(raw.labels.get("sort_order") or raw.sheet.column("sort_order").label, "không được âm")
        norms: dict[str, int | None] = {}
        for key, level in columns.items():
            value = r.integer(key)
            if value is not None and value < 0:
                r.report(raw.labels[key], "không được âm")
            norms[level] = value
        kind = r.validated(clean_equipment_type, EquipmentType(name)) if name else None
        if kind is not None:
            key = kind.name.casefold()
            if key in first:
                r.report(label, f"trùng loại thiết bị với dòng {first[key]}")
            else:
                first[key] = number
        rid = r.row_id()
        if kind is not None and not r.failed:
            out.append(TypeIn(number, raw, kind.name, order, norms, rid))
    return out
