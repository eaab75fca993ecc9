"""From a file to the template's sheets: each sheet of the book recognised by its name (with
or without accents, any case, a year after it) or else by its header row; a sheet that is
neither is refused by name, never skipped. The table is read from under its header to its
footer (which is noted, not imported); a formula without a saved result is refused by cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from ...domain.text import format_number
from ..errors import InputRejected
from ..filecheck import check_import_file
from ..sheets import Grid, Header, Vocabulary, find_footer, find_header, read_book
from ..sheets.book import MAX_CELL_CHARS
from ..sheets.headers import blank_row, footer_text
from .columns import SHEETS, Sheet, header_column, sheet_for_name
from .meanings import SIGNATURES, extra_column, field_by_meaning, written_as
from .options import IGNORE, ImportOptions, default_for, resolve_field

__all__ = ["MAX_CELL_CHARS", "MAX_ROWS", "RawSheet", "read_file"]

MAX_ROWS = 200_000

# ``Họ và tên`` merged over ``Họ đệm | Tên``: the two halves of the name, joined.
NAME_PARTS = {"ho": ("full_name", 0), "ho dem": ("full_name", 0), "ho va ten dem": ("full_name", 0),
              "ho va dem": ("full_name", 0), "ho, dem": ("full_name", 0), "ten": ("full_name", 1)}  # fmt: skip


def vocabulary(sheet: Sheet, options: ImportOptions | None = None, sheet_name: str = "") -> Vocabulary:
    def recognise(text: str) -> tuple[str, str] | None:
        chosen = options.field_for(sheet_name, text) if options is not None else None
        if chosen is not None:  # the user's choice over recognition
            picked = resolve_field(sheet, chosen) if chosen != IGNORE else None
            return None if picked is None else (picked.key, picked.label)
        column = header_column(sheet, text)
        if column is None:
            key = field_by_meaning(sheet.key, text)
            column = None if key is None else (extra_column(sheet.key, key) or sheet.column(key))
        return None if column is None else (column.key, column.label)

    return Vocabulary(recognise, NAME_PARTS if sheet.key == "staff" else {})


@dataclass
class RawSheet:
    """One sheet of the file: where its header is, which column holds what, and its rows."""

    file_name: str
    title: str  # as the problems name it
    sheet: Sheet
    header_row: int = 1
    columns: dict[str, int] = field(default_factory=dict)  # column key -> position
    labels: dict[str, str] = field(default_factory=dict)  # column key -> header, as problems name it
    ignored: list[str] = field(default_factory=list)  # headers that are not ours
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)  # (row number shown, values)
    notes: list[str] = field(default_factory=list)  # what the reader left out, and why
    header: Header | None = None
    unit_from_sheet: bool = False  # no unit column: the sheet's name names the rows' unit
    seen: list[str] = field(default_factory=list)  # the sheet's headers as written
    _by_number: dict[int, tuple[Any, ...]] | None = field(default=None, repr=False)
    # (conversion, type, cell value) -> value read: the same unit code, kind or year repeats on
    # thousands of rows, and reading it once is a third of a province import's parsing time
    memo: dict[tuple[Any, type, Any], Any] = field(default_factory=dict, repr=False)

    def values_of(self, row: int) -> tuple[Any, ...]:
        if self._by_number is None:
            self._by_number = dict(self.rows)
        return self._by_number.get(row, ())

    def where(self, row: int) -> str:
        return f"{self.file_name}[{self.title}]:{row}"

    def cell(self, row: int, key: str | None) -> str:
        """``Cán bộ!F12``: the cell of ``key`` on ``row`` as Excel names it (the row alone
        when the column is not in the file)."""
        position = self.columns.get(key) if key else None
        if position is not None and self.header is not None and position >= self.header.width:
            extra = position - self.header.width
            position = self.header.joins[extra][0] if extra < len(self.header.joins) else None
        letter = get_column_letter(position + 1) if position is not None else ""
        return f"{self.title}!{letter}{row}"


_NUMBERING = re.compile(r"^\(?(\d{1,2}|[a-zA-Z])\)?$")


def _numbering(values: tuple[Any, ...]) -> bool:
    """``(1) (2) (3)`` or ``A B 1 2``: the column numbers official forms print under the header."""
    cells = [str(v).strip() for v in values if not blank_row((v,))]
    return len(cells) >= 2 and all(_NUMBERING.match(c) for c in cells)


def _seen(header: Header) -> str:
    return ", ".join(f"'{h}'" for h in header.seen)


def _table(raw: RawSheet, grid: Grid, header: Header, problems: list[str],
           options: ImportOptions | None = None, by_name: bool = True) -> bool:
    """Keep the non-blank rows between the header and the footer. False: refused as a whole."""
    raw.header, raw.header_row, raw.seen = header, header.last_row, header.seen
    raw.columns, raw.labels, raw.ignored = header.columns, header.labels, header.ignored
    for label, first, second in header.clashes:
        problems.append(
            f"{raw.where(header.first_row)}: {label}: cột bị lặp lại: hai cột '{first}' và '{second}' "
            f"cùng là {label}; hãy bỏ qua một cột (--map \"{second}=\")"
        )
    rows = grid.rows
    start = next(i for i, (n, _) in enumerate(rows) if n == header.last_row) + 1
    end = find_footer(rows, start)
    if end is not None:
        raw.notes.append(
            f"{raw.title}: dòng {rows[end][0]} '{(footer_text(rows[end][1]) or '')[:40]}' và các dòng dưới "
            "là chân bảng, không nhập"
        )
    for number, values in rows[start:end]:
        if blank_row(values):
            continue
        if len(raw.rows) >= MAX_ROWS:
            problems.append(
                f"{raw.file_name}[{raw.title}]: có hơn {format_number(MAX_ROWS)} dòng dữ liệu, "
                "quá giới hạn một lần nhập; hãy chia thành nhiều tệp"
            )
            return False
        if not raw.rows and _numbering(values):
            raw.notes.append(f"{raw.title}: dòng {number} là số thứ tự cột, không nhập")
            continue
        raw.rows.append((number, header.row_values(values)))
    missing = []
    width = header.width + len(header.joins)
    for column in raw.sheet.columns:
        if column.key in raw.columns:
            continue
        value = default_for(options, raw.sheet, column.key)
        if value is None and column.key == "unit_code" and not by_name:
            value, raw.unit_from_sheet = grid.name, True  # one sheet per commune, named after it
            raw.notes.append(f"{raw.title}: không có cột đơn vị; các dòng thuộc đơn vị theo tên trang '{grid.name}'")
        if value is not None:
            _fill(raw, column.key, column.label, value, width)
            width += 1
        elif column.required:
            missing.append(column)
    for column in missing:
        problems.append(
            f"{raw.where(raw.header_row)}: {column.label}: thiếu cột này (thường ghi là "
            + ", ".join(f"'{w}'" for w in written_as(raw.sheet.key, column.key))
            + f"; các cột đã thấy: {_seen(header)}); hãy chọn cột cho trường này "
            f"(--map \"TÊN CỘT={column.label}\") hoặc một giá trị chung (--default \"{column.label}=...\")"
        )
    return not missing


def _fill(raw: RawSheet, key: str, label: str, value: str, position: int) -> None:
    """A field the file lacks, the same value on every row, as a column after the file's own."""
    raw.columns[key], raw.labels[key] = position, label
    raw.rows = [(n, tuple(v) + (None,) * (position - len(v)) + (value,) if len(v) <= position
                 else tuple(v[:position]) + (value,)) for n, v in raw.rows]  # fmt: skip


def sheet_by_header(grid: Grid, options: ImportOptions | None) -> tuple[Sheet, Header] | None:
    """What a sheet holds, from its headers whatever it is called: the kinds whose telling
    columns (:data:`.meanings.SIGNATURES`) it has; of several, the one recognising most columns."""
    fits = []
    for sheet in SHEETS:
        header = find_header(grid.rows, vocabulary(sheet, options, grid.name))
        if header is not None and SIGNATURES[sheet.key] <= set(header.columns):
            fits.append((len(header.columns), sheet, header))
    fits.sort(key=lambda f: -f[0])
    if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0]):
        return None
    return fits[0][1], fits[0][2]


def _names() -> str:
    return ", ".join(f"'{s.title}'" for s in SHEETS)


def read_file(path: Path, problems: list[str], options: ImportOptions | None = None,
              aside: dict[str, Grid] | None = None) -> list[RawSheet]:
    """The file's sheets of the import format; a sheet named as a key of ``aside`` (a data
    package's ``Thông tin gói``) is handed back there instead of being read as data."""
    if not path.is_file():
        raise InputRejected(f"không tìm thấy tệp {path}")
    check_import_file(path)  # size and zip-bomb guard before any parsing
    grids = read_book(path)
    is_csv = path.suffix.lower() in (".csv", ".txt")
    sheets: list[RawSheet] = []
    seen: dict[str, str] = {}
    for grid in grids:
        if aside is not None and grid.name in aside:
            aside[grid.name] = grid
            continue
        if all(blank_row(values) for _, values in grid.rows):
            continue  # an empty sheet holds nothing to lose
        sheet = sheet_for_name(grid.name)
        header = None
        how = ""
        if sheet is None:
            found = sheet_by_header(grid, options)
            if found is None:
                where = f"tệp {path.name}" if is_csv else f"trang '{grid.name}' của {path.name}"
                raise InputRejected(
                    f"không nhập {path.name}: không nhận ra {where} là trang nào của mẫu nhập "
                    f"({_names()}) theo tên hay theo dòng tiêu đề; hãy đổi tên "
                    + ("tệp (ví dụ can_bo.csv)" if is_csv else "trang hoặc xóa trang đó")
                )
            sheet, header = found
            how = f"{'tệp' if is_csv else 'trang'} '{grid.name}' được nhận là trang {sheet.title} theo dòng tiêu đề"
        if sheet.key in seen and not how:  # office lists: one sheet per unit, each of one kind
            problems.append(f"{path.name}[{grid.name}]: trùng với trang '{seen[sheet.key]}' ({sheet.title}) trong tệp")
            continue
        seen[sheet.key] = grid.name
        raw = RawSheet(path.name, sheet.title if is_csv else grid.name, sheet)
        if how:
            raw.notes.append(how)
        header = header or find_header(grid.rows, vocabulary(sheet, options, grid.name))
        if header is None:
            labels = ", ".join(c.label for c in sheet.columns if c.required)
            problems.append(f"{raw.where(1)}: không tìm thấy dòng tiêu đề (cần ít nhất các cột: {labels})")
            continue
        if _table(raw, grid, header, problems, options, by_name=not how):
            sheets.append(raw)
    if not sheets and not problems:
        raise InputRejected(
            f"{path.name} không có trang nào tên {_names()}; hãy dùng tệp mẫu nhập hoặc tệp xuất từ chương trình"
        )
    return sheets
