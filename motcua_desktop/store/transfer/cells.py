"""Turning one spreadsheet cell into a value, or a Vietnamese message saying why not.

Cells come from openpyxl (str, int, float, datetime, date, bool) or from a CSV (str).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from ...domain.model import Choice
from ...domain.text import clean_line, fold, format_number, nfc, parse_date, parse_number
from ..sheets.book import MAX_CELL_CHARS, NoResult
from .columns import ERROR_VALUES


class CellProblem(ValueError):
    """The cell cannot be read; the message says why, in Vietnamese."""


def _guard_text(value: str) -> str:
    if type(value) is not str and isinstance(value, NoResult):
        raise CellProblem(
            f"ô có công thức chưa được tính (={value[:40]}), không có giá trị; hãy mở tệp bằng "
            "Excel hoặc LibreOffice, lưu lại rồi nhập, hoặc gõ giá trị vào ô"
        )
    if len(value) > MAX_CELL_CHARS:
        raise CellProblem(
            f"ô dài {format_number(len(value))} ký tự, quá giới hạn {format_number(MAX_CELL_CHARS)} ký tự"
        )
    if "#" in value and value.strip() in ERROR_VALUES:  # every error value starts with #
        raise CellProblem(f"ô bị lỗi công thức ({value.strip()}); hãy sửa công thức hoặc nhập giá trị")
    return value


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip() and not isinstance(value, NoResult))


def text(value: object) -> str:
    """Any cell as text, NFC; a whole number typed as a number reads without ``.0``."""
    if value is None or (value == "" and type(value) is str):  # calamine's empty cell
        return ""
    if isinstance(value, str):
        return nfc(_guard_text(value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def line(value: object) -> str:
    """Any cell as one line of text: :func:`text` with runs of white space folded, in one
    pass (a text cell is normalised once, not once per step)."""
    if type(value) is str:  # the usual cell: calamine's text, or "" for an empty one
        return clean_line(_guard_text(value)) if value else ""
    return clean_line(text(value))


def number(value: object) -> float | None:
    """``225,78``, ``225.78`` or a numeric cell."""
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellProblem(f"'{value}' không phải là số")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        raw = _guard_text(value)
        try:
            return parse_number(raw)
        except ValueError:
            raise CellProblem(f"'{clean_line(raw)[:40]}' không phải là số") from None
    raise CellProblem(f"'{value}' không phải là số")


def integer(value: object) -> int | None:
    result = number(value)
    if result is None:
        return None
    if not result.is_integer():
        raise CellProblem(f"'{text(value)}' không phải là số nguyên")
    return int(result)


def day(value: object) -> date | None:
    """``dd/mm/yyyy`` typed as text, or a real date cell."""
    if is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time):
        raise CellProblem("ô chứa giờ, không phải ngày (cần dạng dd/mm/yyyy)")
    if isinstance(value, str):
        raw = _guard_text(value)
        try:
            return parse_date(raw)
        except ValueError as exc:
            raise CellProblem(str(exc)) from None
    raise CellProblem(f"'{text(value)}' không phải ngày dạng dd/mm/yyyy")


class ChoiceList:
    """A value list (Cấp, Loại, Hình thức, Tình trạng) matched ignoring case and the way
    accents are encoded; a match without any accents is accepted when it is unambiguous."""

    def __init__(self, choices: Iterable[Choice]):
        self.choices = list(choices)
        self._exact: dict[str, str] = {}
        folded: dict[str, set[str]] = {}
        for c in self.choices:
            for name in (c.label, c.code):
                self._exact[clean_line(name).casefold()] = c.code
                folded.setdefault(fold(name.replace("_", " ")), set()).add(c.code)
        self._folded = {k: next(iter(v)) for k, v in folded.items() if len(v) == 1}

    def labels(self) -> str:
        return ", ".join(c.label for c in self.choices)

    def label_of(self, code: str) -> str:
        return next((c.label for c in self.choices if c.code == code), code)

    def code(self, value: object) -> str | None:
        if is_blank(value):
            return None
        raw = text(value)
        found = self._exact.get(clean_line(raw).casefold()) or self._folded.get(fold(raw))
        if found is None:
            raise CellProblem(f"'{clean_line(raw)[:60]}' không có trong danh sách ({self.labels()})")
        return found


def birth_year(value: object) -> int | None:
    """A birth year written as a year (``1985``) or a full date (a date cell, ``19/04/1985``)."""
    if is_blank(value):
        return None
    if isinstance(value, datetime | date):
        return value.year
    if isinstance(value, str) and not clean_line(value).isdigit():
        found = day(value)
        return None if found is None else found.year
    return integer(value)
