"""Reading an import file into plain rows: the sheets of an ``.xlsx`` (cached values, streamed
by :mod:`.xlsx_stream`) or the one sheet of a ``.csv`` in the encodings Vietnamese Excel saves."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...domain.text import format_number
from ..errors import InputRejected
from ..filecheck import check_import_file
from .columns import SHEETS, Sheet, header_column, sheet_for_name
from .xlsx_stream import XlsxError, XlsxReader

MAX_ROWS = 200_000
MAX_CELL_CHARS = 5_000
_HEADER_SEARCH_ROWS = 10


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
    rows: list[tuple[int, tuple[object, ...]]] = field(default_factory=list)  # (row number shown, values)

    def where(self, row: int) -> str:
        return f"{self.file_name}[{self.title}]:{row}"


def _blank(values: tuple[object, ...]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _collect(raw: RawSheet, rows: Iterable[tuple[int, tuple[object, ...]]], problems: list[str]) -> bool:
    """Find the header among the first rows, then keep the non-blank rows below it.

    False when the sheet is refused as a whole (no header, too many rows)."""
    header_found = False
    count = 0
    for number, values in rows:
        if not header_found:
            if _blank(values):
                continue
            if number > _HEADER_SEARCH_ROWS:
                break
            found: dict[str, int] = {}
            labels: dict[str, str] = {}
            for position, value in enumerate(values):
                column = header_column(raw.sheet, value)
                if column is not None:
                    if column.key in found:
                        problems.append(f"{raw.where(number)}: {column.label}: cột bị lặp lại")
                    found[column.key] = position
                    labels[column.key] = column.label
            if len(found) >= 2:
                header_found = True
                raw.header_row = number
                raw.columns = found
                raw.labels = labels
                raw.ignored = [
                    str(v).strip() for v in values
                    if v is not None and str(v).strip() and header_column(raw.sheet, v) is None
                ]
            continue
        if _blank(values):
            continue
        count += 1
        if count > MAX_ROWS:
            problems.append(
                f"{raw.file_name}[{raw.title}]: có hơn {format_number(MAX_ROWS)} dòng dữ liệu, "
                "quá giới hạn một lần nhập; hãy chia thành nhiều tệp"
            )
            return False
        raw.rows.append((number, values))
    if not header_found:
        required = ", ".join(c.label for c in raw.sheet.columns if c.required)
        problems.append(
            f"{raw.file_name}[{raw.title}]:1: không tìm thấy dòng tiêu đề "
            f"(cần ít nhất các cột: {required})"
        )
        return False
    missing = [c.label for c in raw.sheet.columns if c.required and c.key not in raw.columns]
    for label in missing:
        problems.append(f"{raw.where(raw.header_row)}: {label}: thiếu cột này")
    return not missing


def read_xlsx(path: Path, problems: list[str]) -> list[RawSheet]:
    try:
        book = XlsxReader(path)
    except XlsxError as exc:
        raise InputRejected(
            f"không đọc được {path.name}: không phải tệp Excel .xlsx hợp lệ ({exc})"
        ) from None
    sheets: list[RawSheet] = []
    try:
        seen: set[str] = set()
        for title, part in book.sheets:
            sheet = sheet_for_name(title)
            if sheet is None:
                continue
            if sheet.key in seen:
                problems.append(f"{path.name}[{title}]: trùng với một trang {sheet.title} khác trong tệp")
                continue
            seen.add(sheet.key)
            raw = RawSheet(path.name, title, sheet)
            if _collect(raw, book.rows(part), problems):
                sheets.append(raw)
    except XlsxError as exc:
        raise InputRejected(f"không đọc được {path.name}: tệp .xlsx bị hỏng ({exc})") from None
    finally:
        book.close()
    if not sheets and not problems:
        raise InputRejected(
            f"{path.name} không có trang nào tên "
            + ", ".join(f"'{s.title}'" for s in SHEETS)
            + "; hãy dùng tệp mẫu nhập hoặc tệp xuất từ chương trình"
        )
    return sheets


def decode_csv(data: bytes) -> str:
    """UTF-8 with or without BOM, UTF-16 (with BOM, or recognised by its zero bytes),
    otherwise Windows-1258."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")  # a broken file is refused by row, not by a crash
    head = data[:400]
    if len(head) >= 4 and head.count(0) * 3 > len(head):  # UTF-16 that lost its BOM
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1258", errors="replace")


def _delimiter(text: str) -> str:
    """Vietnamese Excel saves ``;`` (decimal comma locale), ``,`` elsewhere, tab as UTF-16."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in ("\t", ";", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, problems: list[str]) -> list[RawSheet]:
    sheet = sheet_for_name(path.stem)
    if sheet is None:
        raise InputRejected(
            f"không biết tệp {path.name} chứa trang nào: hãy đặt tên tệp là "
            + ", ".join(f"'{s.title}.csv'" for s in SHEETS)
            + " (có hoặc không dấu, ví dụ can_bo.csv)"
        )
    try:
        text = decode_csv(path.read_bytes())
    except OSError as exc:
        raise InputRejected(f"không đọc được {path.name}: {exc.strerror or exc}") from None
    raw = RawSheet(path.name, sheet.title, sheet)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, 10 * MAX_CELL_CHARS))

    def rows() -> Iterator[tuple[int, tuple[object, ...]]]:
        # the record number is the row number Excel shows, even when a quoted cell spans lines
        for number, values in enumerate(reader, start=1):
            yield number, tuple(values)

    try:
        ok = _collect(raw, rows(), problems)
    except csv.Error as exc:
        raise InputRejected(f"{path.name}:{reader.line_num}: tệp CSV bị lỗi định dạng ({exc})") from None
    finally:
        csv.field_size_limit(old_limit)
    return [raw] if ok else []


def read_file(path: Path, problems: list[str]) -> list[RawSheet]:
    if not path.is_file():
        raise InputRejected(f"không tìm thấy tệp {path}")
    check_import_file(path)  # size and zip-bomb guard before any parsing
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, problems)
    if suffix in (".csv", ".txt"):
        return read_csv(path, problems)
    raise InputRejected(f"không nhập được {path.name}: chỉ nhận tệp .xlsx hoặc .csv")
