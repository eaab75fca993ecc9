"""Every sheet of a spreadsheet file as a grid of plain values, numbered as the user sees it.

``.xlsx``/``.xlsm``/``.xls``/``.ods`` are read by calamine (Rust; about four times less CPU
than the streaming lxml reader it replaced at province scale, and it honours the 1904 date
system); ``.csv``/``.txt`` by :mod:`.csvtext`. calamine reads an error cell and a formula
that has no saved result as empty cells, so an ``.xlsx`` holding either is also scanned for
them: they come back as the error text and as :class:`NoResult`, never as blanks; an
``.xls``'s error cells are found by :mod:`.xls_errors` (an ``.xls`` always saves a formula's
result). An ``.ods`` is not scanned (calamine gives what the file saved for the cell:
its text, or the number LibreOffice stored). Cell values: ``str``, ``int``/``float``, ``bool``,
``date``/``datetime``/``time``; an empty cell is ``""`` or ``None``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine as calamine

from ..errors import InputRejected
from .csvtext import decode_csv, delimiter
from .xls_errors import xls_error_cells

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_FILES = (".csv", ".txt")
MAX_CELL_CHARS = 5_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Grid:
    """One sheet: its name and its rows as ``(row number, values)``, values from column A."""

    name: str
    rows: list[tuple[int, tuple[Any, ...]]]


def _password_protected(path: Path, head: bytes) -> bool:
    """An encrypted .xlsx is an OLE file holding ``EncryptionInfo``; so is a protected .xls
    holding a ``FILEPASS`` record (calamine says so itself)."""
    if not head.startswith(_OLE_MAGIC):
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data


def _not_a_spreadsheet(path: Path) -> InputRejected:
    return InputRejected(
        f"không đọc được {path.name}: tệp không phải bảng tính Excel/LibreOffice "
        f"({path.suffix.lower()}) hoặc đã bị hỏng; hãy mở thử bằng Excel hoặc LibreOffice"
    )


def _protected(path: Path) -> InputRejected:
    return InputRejected(
        f"không đọc được {path.name}: tệp được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu "
        "(Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu và nhập lại"
    )


class NoResult(str):
    """A formula cell with no saved result (the text is its formula)."""


_C = rb"<(?:\w+:)?c\s([^>]*)>"
_FORMULA_WITHOUT_VALUE = re.compile(
    _C + rb"\s*<(?:\w+:)?f\b[^>]*?(?:/>|>([^<]*)</(?:\w+:)?f>)"
    rb"\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_ERROR_CELL = re.compile(_C + rb"(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v>([^<]*)</", re.DOTALL)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')


def _position(attrs: bytes) -> tuple[int, int] | None:
    m = _REF.search(attrs)
    if m is None:
        return None
    column = 0
    for ch in m.group(1):
        column = column * 26 + ch - 64
    return int(m.group(2)), column - 1


def _special_cells(path: Path) -> dict[str, dict[tuple[int, int], str]]:
    """Sheet name -> (row, column) -> value for the cells of an .xlsx calamine reads as empty:
    an error (``#REF!``) and a formula with no saved result (:class:`NoResult`, e.g. written
    by a program, never calculated)."""
    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            book = zf.read("xl/workbook.xml")
            rels = zf.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
            targets = dict(re.findall(rb'Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
            targets.update({k: v for v, k in re.findall(rb'Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
            for name, rid in re.findall(rb'<(?:\w+:)?sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"', book):
                target = targets.get(rid, b"").decode()
                part = target.lstrip("/") if target.startswith("/") else "xl/" + target
                if part not in names:
                    continue
                data = zf.read(part)
                cells: dict[tuple[int, int], str] = {}
                if b'"e"' in data:
                    for m in _ERROR_CELL.finditer(data):
                        where = _position(m.group(1))
                        if where and re.search(rb'\bt="e"', m.group(1)):
                            cells[where] = m.group(2).decode("utf-8", "replace")
                if b"<f" in data or b":f" in data:
                    for m in _FORMULA_WITHOUT_VALUE.finditer(data):
                        where = _position(m.group(1))
                        if where and b't="str"' not in m.group(1):
                            cells[where] = NoResult(_xml_text(m.group(2) or b""))
                if cells:
                    out[_xml_text(name)] = cells
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}  # calamine read the file; this check has nothing more to say
    return out


def _patched(rows: list[list[Any]], cells: dict[tuple[int, int], str]) -> None:
    for (row, column), value in cells.items():
        while len(rows) < row:
            rows.append([])
        values = rows[row - 1]
        if len(values) <= column:
            values.extend([""] * (column + 1 - len(values)))
        values[column] = value


def _xml_text(raw: bytes) -> str:
    import html

    return html.unescape(raw.decode("utf-8"))


def _read_spreadsheet(path: Path) -> list[Grid]:
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputRejected(f"không đọc được {path.name}: {exc.strerror or exc}") from None
    if _password_protected(path, head) and path.suffix.lower() != ".xls":
        raise _protected(path)
    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise _protected(path) from None
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, OSError, ValueError,
            TypeError, UnicodeError, OverflowError):  # fmt: skip
        if _password_protected(path, head):
            raise _protected(path) from None
        raise _not_a_spreadsheet(path) from None
    except BaseException as exc:  # a panic inside the Rust reader surfaces as PanicException
        if type(exc).__name__ == "PanicException":
            raise _not_a_spreadsheet(path) from None
        raise
    suffix = path.suffix.lower()
    special: dict[str, dict[tuple[int, int], str]] = (
        _special_cells(path) if suffix in (".xlsx", ".xlsm") else xls_error_cells(path) if suffix == ".xls" else {}
    )
    grids = []
    try:
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            values = sheet.to_python(skip_empty_area=False)
            if name in special:
                _patched(values, special[name])
            grids.append(Grid(name, [(i, tuple(row)) for i, row in enumerate(values, start=1)]))
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, ValueError,
            UnicodeError, OverflowError):  # fmt: skip
        raise _not_a_spreadsheet(path) from None
    except BaseException as exc:
        if type(exc).__name__ == "PanicException":
            raise _not_a_spreadsheet(path) from None
        raise
    finally:
        book.close()
    return grids


def _read_text(path: Path) -> list[Grid]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputRejected(f"không đọc được {path.name}: {exc.strerror or exc}") from None
    if data.startswith((_OLE_MAGIC, b"PK\x03\x04")):
        raise InputRejected(
            f"không đọc được {path.name}: đây là tệp Excel chứ không phải văn bản CSV; "
            "hãy đặt lại đuôi tệp (.xlsx hoặc .xls) rồi nhập"
        )
    text = decode_csv(data, path.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, 10 * MAX_CELL_CHARS))
    try:
        # the record number is the row number Excel shows, even when a quoted cell spans lines
        rows = [(number, tuple(values)) for number, values in enumerate(reader, start=1)]
    except csv.Error as exc:
        why = "ô quá dài" if "field larger" in str(exc) else "dấu ngoặc kép hoặc ký tự lạ không đúng chỗ"
        raise InputRejected(f"{path.name}:{reader.line_num}: tệp CSV bị lỗi định dạng ({why})") from None
    finally:
        csv.field_size_limit(old_limit)
    return [Grid(path.stem, rows)]


def read_book(path: Path) -> list[Grid]:
    """Every sheet of ``path`` (one for a .csv, named after the file); :class:`InputRejected`
    in Vietnamese for a file that is not a spreadsheet, is damaged or has a password."""
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        return _read_spreadsheet(path)
    if suffix in TEXT_FILES:
        return _read_text(path)
    raise InputRejected(
        f"không nhập được {path.name}: chỉ nhận tệp .xlsx, .xls, .ods hoặc .csv"
    )
