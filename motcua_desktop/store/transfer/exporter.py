"""Writing the whole register as an import workbook, so that importing it gives the same data.

Text that Excel would take for a formula (starting with ``=``, ``+``, ``-`` or ``@``) is stored
as a plain string cell with Excel's quote prefix, so opening the file never runs it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ...domain.model import Assignment, Choice, Person
from ...domain.text import person_name_key
from ..errors import InputRejected, StoreError
from ..files import written_whole
from ..outputs import check_output_path
from ..registry import Registry
from ..xlsx_cells import formula_like
from .cells import ChoiceList
from .columns import EQUIPMENT, ROW_ID, STAFF, TYPES, UNITS, Column, Sheet, norm_column
from .identity import register_tag, row_id
from .parsing import CONDITIONS, EMPLOYMENT_KINDS

DATE_FORMAT = "DD/MM/YYYY"
AREA_FORMAT = "#,##0.00"
_BOLD = Font(bold=True)
_ROW_ID_FONT = Font(bold=True, italic=True, color="808080")  # the column nobody edits
CellValue = str | int | float | date | None
# openpyxl's write-only sheet; its stubs lack what it takes over from Worksheet
# (column_dimensions, freeze_panes), so it is typed loosely here
_Sheet = Any


def _cell(ws: _Sheet, value: CellValue, number_format: str | None = None) -> object:
    """A plain value where openpyxl gets it right by itself (fast), a styled cell otherwise."""
    text_formula = formula_like(value)
    if not text_formula and (number_format is None or value is None):
        return value
    cell = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]  # the stubs omit date
    if text_formula:
        cell.data_type = "s"  # openpyxl took it for a formula: keep it text
        cell.quotePrefix = True  # and Excel keeps it text even when the cell is edited
    if number_format:
        cell.number_format = number_format
    return cell


def _sheet(wb: Workbook, sheet: Sheet, columns: tuple[Column, ...] | None = None) -> _Sheet:
    columns = sheet.columns if columns is None else columns
    ws: _Sheet = wb.create_sheet(sheet.title)
    for i, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = column.width
    ws.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(ws, value=column.label)
        cell.font = _ROW_ID_FONT if column.key == ROW_ID else _BOLD
        header.append(cell)
    ws.append(header)
    return ws


def build_workbook(registry: Registry, as_of: date | None = None) -> Workbook:
    """The register as an import workbook; with ``as_of``, only the assignments active on that
    day (and the people holding one): the figures of that date, as a data package sends them."""
    wb = Workbook(write_only=True)
    try:
        _fill(wb, registry, as_of)
    except BaseException:
        discard_workbook(wb)
        raise
    return wb


def _fill(wb: Workbook, registry: Registry, as_of: date | None = None) -> None:
    levels, kinds = ChoiceList(registry.units.levels()), ChoiceList(registry.units.kinds())
    units = registry.units.list()
    order = {u.id: i for i, u in enumerate(units)}
    code_of = {u.id: u.code for u in units}

    tag = register_tag(registry)
    ws = _sheet(wb, UNITS)
    for u in units:
        ws.append([
            _cell(ws, u.code), _cell(ws, u.name), _cell(ws, levels.label_of(u.level)),
            _cell(ws, kinds.label_of(u.kind)), _cell(ws, u.address),
            _cell(ws, u.area_m2, AREA_FORMAT), _cell(ws, u.sort_order), _cell(ws, u.notes),
            _cell(ws, u.admin_name), _cell(ws, u.founding_decision), _cell(ws, u.staffing_decision),
            _cell(ws, u.rules), _cell(ws, u.hotline), _cell(ws, u.official_code),
            _cell(ws, code_of.get(u.parent_id, "") if u.parent_id else ""), row_id("DV", u.id, tag),
        ])  # fmt: skip

    ws = _sheet(wb, STAFF)
    people = {p.id: p for p in registry.staff.people()}
    rows: list[tuple[int, Person, Assignment | None]] = []
    with_assignments: set[int | None] = set()
    for a in registry.staff.assignments():
        if as_of is not None and not a.active_on(as_of):
            continue
        with_assignments.add(a.person_id)
        rows.append((order.get(a.unit_id, 0), people[a.person_id], a))
    if as_of is None:
        rows += [(len(units), p, None) for pid, p in people.items() if pid not in with_assignments]
    rows.sort(key=lambda r: (r[0], person_name_key(r[1].full_name), r[1].id,
                             r[2].start.toordinal() if r[2] and r[2].start else 0,
                             r[2].id if r[2] else 0))  # fmt: skip
    for _, p, held in rows:
        if held is None:  # a person with no assignment yet: a row that only names them
            values: list[CellValue] = [p.code, p.full_name, p.birth_year, None, None, None, None, None, None, None,
                      p.phone, p.notes, p.gender, p.qualification, None, p.notes,
                      row_id("CB", p.id, tag)]  # fmt: skip
        else:
            values = [p.code, p.full_name, p.birth_year, code_of.get(held.unit_id), held.position,
                      EMPLOYMENT_KINDS.label_of(held.kind.value), held.sending_agency,
                      "; ".join(held.fields), held.start, held.end, p.phone, held.notes, p.gender,
                      p.qualification, held.decision, p.notes, row_id("PC", held.id, tag)]  # fmt: skip
        ws.append([_cell(ws, v, DATE_FORMAT if i in (8, 9) else None) for i, v in enumerate(values)])

    ws = _sheet(wb, EQUIPMENT)
    types = registry.equipment.types()
    type_order = {t.id: i for i, t in enumerate(types)}
    type_name = {t.id: t.name for t in types}
    items = sorted(registry.equipment.items(),
                   key=lambda i: (order.get(i.unit_id, 0), type_order.get(i.type_id, 0), i.id))
    for item in items:
        ws.append([
            _cell(ws, code_of.get(item.unit_id)), _cell(ws, type_name.get(item.type_id)),
            _cell(ws, item.quantity), _cell(ws, CONDITIONS.label_of(item.condition.value)),
            _cell(ws, item.year_in_service), _cell(ws, item.notes), _cell(ws, item.serial),
            row_id("TB", item.id, tag),
        ])  # fmt: skip

    # the catalogue: every type (also those no unit has yet), in order, with its norms
    ws = _sheet(wb, TYPES, type_columns(levels.choices))
    for t in types:
        ws.append([_cell(ws, t.name), _cell(ws, t.sort_order),
                   *(_cell(ws, t.norms.get(level.code)) for level in levels.choices),
                   row_id("LT", t.id, tag)])  # fmt: skip


def type_columns(levels: Iterable[Choice]) -> tuple[Column, ...]:
    """The catalogue sheet's columns for the register's unit levels."""
    own = tuple(c for c in TYPES.columns if c.key != ROW_ID)
    return (*own, *(norm_column(level.label) for level in levels), TYPES.column(ROW_ID))


def discard_workbook(wb: Workbook) -> None:
    """Finish and delete what a write-only workbook left behind when it is not saved.

    Each sheet streams its rows into a temporary file through a generator that stays open
    until the sheet is closed; a workbook dropped half-way leaves those generators to the
    garbage collector, which closes them in any order (lxml then raises "not in an element"
    from a finaliser) and the temporary files to the interpreter's exit."""
    for ws in wb.worksheets:
        if not ws.closed:
            with contextlib.suppress(Exception):  # only cleaning up after an earlier failure
                ws.close()
        writer = getattr(ws, "_writer", None)  # openpyxl's write-only sheets stream through it
        if writer is not None and isinstance(writer.out, str) and os.path.exists(writer.out):
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()


def export_workbook(registry: Registry, path: str | Path) -> Path:
    """Write the register to ``path`` (.xlsx); the file appears whole or not at all."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputRejected(f"tệp xuất phải có đuôi .xlsx: {path.name}")
    check_output_path(path, registry.path)
    wb = None
    saved = False
    try:
        wb = build_workbook(registry)
        with written_whole(path, ".xlsx") as tmp:
            wb.save(tmp)
            saved = True
    except OSError as exc:
        raise StoreError(f"Không ghi được {path}: {exc.strerror or exc}") from None
    finally:
        if wb is not None and not saved:
            discard_workbook(wb)
    return path
