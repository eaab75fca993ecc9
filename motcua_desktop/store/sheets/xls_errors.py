"""Error cells of an ``.xls`` (``#REF!``, ``#DIV/0!`` …), which calamine reads as empty cells.

python-calamine 0.9 turns calamine's error value into ``""`` and offers no other way to see it
(it has no error type in its API), so a formula gone wrong would import as a blank. They are
found in the file's own records instead: an ``.xls`` (BIFF8, Excel 97 to today) is an OLE
compound file (read by ``olefile``) whose ``Workbook`` stream holds, for each sheet, a
``BOOLERR`` record for a cell holding an error value and a ``FORMULA`` record whose saved
result may be an error. Only those two record types are looked at; everything else is
calamine's. Excel 95 files (BIFF5) are not scanned: their error cells still read as blanks.
"""

from __future__ import annotations

import struct
from pathlib import Path

_BOF, _EOF, _BOUNDSHEET, _BOOLERR, _FORMULA = 0x0809, 0x000A, 0x0085, 0x0205, 0x0006
_BIFF8 = 0x0600
ERROR_CODES = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
               0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}  # fmt: skip

Cells = dict[tuple[int, int], str]  # (row as numbered on screen, column from 0) -> "#REF!"


def _records(data: bytes, start: int) -> list[tuple[int, bytes]]:
    """The records of one substream, from its BOF at ``start`` to its EOF."""
    out: list[tuple[int, bytes]] = []
    pos = start
    while pos + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, pos)
        out.append((kind, data[pos + 4 : pos + 4 + size]))
        pos += 4 + size
        if kind == _EOF:
            break
    return out


def _sheet_name(body: bytes) -> str:
    """BOUNDSHEET's name: a ShortXLUnicodeString (length, flags, Latin-1 or UTF-16 text)."""
    length, flags = body[6], body[7]
    raw = body[8 : 8 + length * (2 if flags & 1 else 1)]
    return raw.decode("utf-16-le") if flags & 1 else raw.decode("latin-1")


def _errors_in(records: list[tuple[int, bytes]]) -> Cells:
    cells: Cells = {}
    for kind, body in records:
        if kind == _BOOLERR and len(body) >= 8 and body[7] == 1:
            row, column = struct.unpack_from("<HH", body)
            cells[(row + 1, column)] = ERROR_CODES.get(body[6], "#N/A")
        elif kind == _FORMULA and len(body) >= 14 and body[6] == 2 and body[12:14] == b"\xff\xff":
            row, column = struct.unpack_from("<HH", body)
            cells[(row + 1, column)] = ERROR_CODES.get(body[8], "#N/A")
    return cells


def workbook_errors(data: bytes) -> dict[str, Cells]:
    """Sheet name -> its error cells, from a BIFF8 ``Workbook`` stream."""
    globals_ = _records(data, 0)
    if not globals_ or globals_[0][0] != _BOF or struct.unpack_from("<H", globals_[0][1])[0] != _BIFF8:
        return {}
    out: dict[str, Cells] = {}
    for kind, body in globals_:
        if kind != _BOUNDSHEET or len(body) < 8:
            continue
        (offset,) = struct.unpack_from("<I", body)
        cells = _errors_in(_records(data, offset))
        if cells:
            out[_sheet_name(body)] = cells
    return out


def xls_error_cells(path: Path) -> dict[str, Cells]:
    """Sheet name -> (row, column) -> error text for every error cell of an ``.xls``; empty
    when the file is not one this can read (calamine has read it already: nothing is lost
    but the check)."""
    import olefile  # type: ignore[import-untyped]  # only an .xls needs it

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("Workbook"):
                return {}  # an Excel 95 "Book" stream
            data = ole.openstream("Workbook").read()
        return workbook_errors(data)
    except (OSError, ValueError, IndexError, struct.error, UnicodeDecodeError):
        return {}
