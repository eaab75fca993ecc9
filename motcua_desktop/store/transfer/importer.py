"""Importing a workbook: read, check every row against the file and the register, then write
everything in one transaction — or nothing, with every bad row named.

How a row finds its record (the identity rules; the user guide says the same):

1. A row exported by the app carries ``Mã dòng (không sửa)`` (see :mod:`.identity`): it
   updates exactly that record, whatever else was edited on the row (a unit's ``Mã``, a
   person's ``Từ ngày`` or ``Mã đơn vị``, equipment's ``Tình trạng``). An id whose record is
   gone is an error; an id from another register is ignored (the row is found by content).
2. A row without an id is found by content:
   - a unit by ``Mã`` (case ignored);
   - a person by ``Mã cán bộ``. A code whose person in the register has another name and not
     the same birth year is a different person: an error naming both, never an overwrite.
     A row without a code is a person of their own and gets a new code (``CB00001`` …),
     unless the register holds exactly one person of that name at the same unit from the
     same day (the same file imported again);
   - an assignment by person, unit and ``Từ ngày``;
   - an equipment row by unit, type, condition and year in service;
   - a catalogue entry by name (case ignored); a blank ``Định mức <cấp>`` removes that norm.
   When the register holds several records with the same key, the file's rows take them
   one by one in order, so importing the same file twice never doubles anything.
3. A person's assignments may not overlap: two open at once, or active in two units on one
   day, is refused naming both rows (a transfer that ends one day and starts the next is
   fine).
4. Columns missing from the file leave the stored values as they are; people the register
   holds that the file does not name are listed in the summary and left untouched.

The register is read inside the write transaction (``BEGIN IMMEDIATE``), so two imports at
once cannot lose each other's changes: the second waits, or is told the file is busy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ...domain.text import clean_line, format_number
from ..database import write_transaction
from ..errors import InputRejected
from ..registry import Registry
from .cells import ChoiceList
from .columns import SHEET_ORDER
from .journal import catalogue_labels, describe, difference, snapshot
from .options import ImportOptions
from .parents import check_parents, write_parents
from .parsing import Problems, UnitIn, parse_equipment, parse_staff, parse_types, parse_units
from .reading import RawSheet, read_file
from .register_view import RegisterView
from .summary import ImportSummary
from .unit_names import UnitNames, UnknownUnit
from .writing import Writer

_R = TypeVar("_R")


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


def _check_refs(rows: list[Any], register: RegisterView, file_codes: set[str], names: UnitNames,
                problems: Problems) -> None:
    """Each row's unit, written as a code or a name, becomes its code; a sheet named after a
    unit that is not one is told once, not on every row."""
    told: set[int] = set()
    for s in rows:
        if not s.unit_code or s.unit_code in register.units or s.unit_code.casefold() in file_codes:
            continue
        try:
            s.unit_code = names.code(s.unit_code)
        except UnknownUnit as exc:
            if not s.raw.unit_from_sheet:
                problems.add(s.raw, s.row, s.raw.labels.get("unit_code", "Mã đơn vị"), str(exc))
            elif id(s.raw) not in told:
                told.add(id(s.raw))
                problems.add(s.raw, s.raw.header_row, "Mã đơn vị",
                             f"trang không có cột đơn vị (các cột đã thấy: {', '.join(s.raw.seen)}) và tên "
                             f"trang không chỉ một đơn vị: {exc}")


def _names(register: RegisterView, units_in: list[UnitIn]) -> UnitNames:
    mine = [(u.unit.code, u.unit.name, u.unit.admin_name) for u in units_in]
    return UnitNames(mine + [(u.code, u.name, u.admin_name) for u in register.unit_list])


def _parse_all(sheets: list[RawSheet], parse: Callable[[RawSheet], list[_R]]) -> list[_R]:
    return [row for raw in sheets for row in parse(raw)]


def _refuse(path: Path, problems: Problems) -> InputRejected:
    lines = problems.lines()
    return InputRejected(
        f"không nhập {path.name}: {format_number(problems.rows())} chỗ có lỗi "
        f"({format_number(len(lines))} lỗi); dữ liệu chưa thay đổi gì",
        lines,
        problems.details(),
    )


def import_file(registry: Registry, path: str | Path, *, dry_run: bool = False,
                journal: bool = False, options: ImportOptions | None = None) -> ImportSummary:
    """Import a ``.xlsx``/``.xls``/``.ods``/``.csv`` in the workbook format; all or nothing.

    ``dry_run``: do everything, then roll back (the preview's figures). ``journal``: keep
    every row changed (``summary.journal``, for undo) and the preview's lines. Raises
    :class:`InputRejected` listing every bad row as ``FILE[SHEET]:ROW: column: message``.
    """
    path = Path(path)
    read_problems: list[str] = []
    sheets = read_file(path, read_problems, options)
    problems = Problems()
    for line in read_problems:
        problems.whole(line)
    by_key: dict[str, list[RawSheet]] = {}
    for raw in sheets:
        by_key.setdefault(raw.sheet.key, []).append(raw)
    summary = ImportSummary(path.name)
    summary.sheets = [k for k in SHEET_ORDER if k in by_key]
    summary.ignored_columns = [f"{raw.title}: {h}" for raw in sheets for h in raw.ignored]
    summary.notes = [note for raw in sheets for note in raw.notes]

    with write_transaction(registry.db, commit=not dry_run):
        levels, kinds = ChoiceList(registry.units.levels()), ChoiceList(registry.units.kinds())
        units_in = _parse_all(by_key.get("units", []), lambda r: parse_units(r, levels, kinds, problems))
        staff_in = _parse_all(by_key.get("staff", []), lambda r: parse_staff(r, problems))
        equipment_in = _parse_all(by_key.get("equipment", []), lambda r: parse_equipment(r, problems))
        types_in = _parse_all(by_key.get("types", []), lambda r: parse_types(r, levels, problems))

        register = RegisterView(registry)
        writer = Writer(registry, register, problems, summary)
        file_codes = _file_unit_codes(next(iter(by_key.get("units", [])), None), problems)
        names = _names(register, units_in)
        _check_refs(staff_in, register, file_codes, names, problems)
        _check_refs(equipment_in, register, file_codes, names, problems)
        writer.check_ids(units_in, staff_in, equipment_in, types_in)
        check_parents(units_in, lambda code: code in register.units or code.casefold() in file_codes, problems)
        groups = writer.group_people(staff_in)
        if problems:
            raise _refuse(path, problems)
        if not (units_in or staff_in or equipment_in or types_in):
            raise InputRejected(f"{path.name} không có dòng dữ liệu nào để nhập")
        before = snapshot(registry.db.conn) if journal else None
        with writer.history:  # the history of the rows added: one statement per table
            unit_ids = writer.units(units_in)
            write_parents(registry, units_in, unit_ids.get)
            type_ids = writer.types(types_in, equipment_in)
            writer.staff(groups, unit_ids)
            writer.equipment(equipment_in, unit_ids, type_ids)
            if problems:  # what only the planned records show (overlaps, codes taken): nothing kept
                raise _refuse(path, problems)
        if "staff" in by_key:
            summary.omitted = writer.omitted_people(groups)
        if before is not None:
            summary.journal = difference(before, snapshot(registry.db.conn))
            summary.added_rows, summary.changed_rows = describe(
                summary.journal, before, catalogue_labels(levels.choices, kinds.choices))
    return summary
