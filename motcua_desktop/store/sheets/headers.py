"""Finding a table in a sheet: its header row (under title rows, possibly split over two rows
with a merged cell on top) and where it ends (a footer: totals, "Người lập biểu", a signature).

A caller describes what it recognises with a :class:`Vocabulary`; the result names columns
by the caller's keys. A column the file splits in two (``Họ và tên`` over ``Họ đệm | Tên``)
becomes one joined column placed after the row's last cell (see :meth:`Header.row_values`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...domain.text import fold, nfc

HEADER_SEARCH_ROWS = 15


def label_key(text: object) -> str:
    """A header or sheet name as compared: no accents, no case, ``²`` as ``2``, one space."""
    compat = unicodedata.normalize("NFKC", str(text))
    return " ".join(re.sub(r"[_\-\s]+", " ", fold(compat)).split())


def _blank(value: object) -> bool:
    return value is None or (type(value) is str and not value.strip())  # NoResult is not blank


def blank_row(values: Sequence[object]) -> bool:
    return all(_blank(v) for v in values)


@dataclass(frozen=True)
class Vocabulary:
    """What a table's headers may say.

    ``recognise(text)`` gives ``(key, label)`` for a header it knows (label: as problems name
    the column) or None. ``parts`` maps a sub-header's :func:`label_key` to ``(key, index)``:
    under a header recognised as ``key``, that sub-column is part ``index`` of it.
    """

    recognise: Callable[[str], tuple[str, str] | None]
    parts: Mapping[str, tuple[str, int]] = field(default_factory=dict)
    min_columns: int = 2


@dataclass
class Header:
    first_row: int  # row number of the header's (top) row
    last_row: int  # data starts below this row
    columns: dict[str, int]  # key -> position in the values of row_values()
    labels: dict[str, str]
    ignored: list[str]  # headers not recognised, as written
    repeated: list[str]  # labels found twice (the first is used)
    joins: list[tuple[int, ...]] = field(default_factory=list)  # positions joined into one column
    width: int = 0  # joined columns are placed from this position on
    texts: dict[str, str] = field(default_factory=dict)  # key -> the header as the file writes it
    clashes: list[tuple[str, str, str]] = field(default_factory=list)  # (label, first header, second)
    seen: list[str] = field(default_factory=list)  # every header of the file, in order

    def row_values(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """A data row with each joined column appended (its parts separated by a space)."""
        if not self.joins:
            return values
        padded = values + (None,) * (self.width - len(values)) if len(values) < self.width else values[: self.width]
        joined = tuple(
            " ".join(str(values[p]).strip() for p in parts if p < len(values) and not _blank(values[p])) or None
            for parts in self.joins
        )
        return padded + joined


def _text(value: object) -> str:
    return "" if _blank(value) else nfc(str(value)).strip()


def _one_row(values: tuple[Any, ...], vocab: Vocabulary) -> Header:
    found: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored, repeated = [], []
    texts: dict[str, str] = {}
    clashes: list[tuple[str, str, str]] = []
    seen: list[str] = []
    for position, value in enumerate(values):
        text = _text(value)
        if not text:
            continue
        seen.append(text)
        hit = vocab.recognise(text)
        if hit is None:
            ignored.append(text)
        elif hit[0] in found:
            repeated.append(hit[1])
            clashes.append((hit[1], texts[hit[0]], text))
        else:
            found[hit[0]], labels[hit[0]], texts[hit[0]] = position, hit[1], text
    return Header(0, 0, found, labels, ignored, repeated, width=len(values), texts=texts,
                  clashes=clashes, seen=seen)


def _two_rows(top: tuple[Any, ...], sub: tuple[Any, ...], vocab: Vocabulary) -> Header | None:
    """The header split over two rows: a merged cell on top (blank to its right in ``top``)
    with its sub-headers below; a cell merged down has its text on top only."""
    width = max(len(top), len(sub))
    found: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored, repeated = [], []
    texts: dict[str, str] = {}
    clashes: list[tuple[str, str, str]] = []
    seen: list[str] = []
    parts: dict[str, dict[int, int]] = {}
    parent_text, parent_hit = "", None
    used_sub = False
    for p in range(width):
        upper = _text(top[p]) if p < len(top) else ""
        lower = _text(sub[p]) if p < len(sub) else ""
        if upper:
            parent_text, parent_hit = upper, vocab.recognise(upper)
        elif not lower:
            parent_text, parent_hit = "", None
            continue
        hit = None
        if lower:
            used_sub = True
            part = vocab.parts.get(label_key(lower))
            if part is not None and parent_hit is not None and parent_hit[0] == part[0]:
                parts.setdefault(part[0], {})[part[1]] = p
                labels.setdefault(part[0], parent_hit[1])
                texts.setdefault(part[0], parent_text)
                continue
            hit, text = vocab.recognise(lower), lower
            if hit is None and parent_text:  # ``Nam`` under ``Ngày, tháng, năm sinh``
                hit = vocab.recognise(f"{parent_text} {lower}")
                text = f"{parent_text} / {lower}" if hit is not None else lower
        else:
            hit, text = parent_hit, upper
        seen.append(text)
        if hit is None:
            ignored.append(text)
        elif hit[0] in found or hit[0] in parts:
            repeated.append(hit[1])
            clashes.append((hit[1], texts.get(hit[0], hit[1]), text))
        else:
            found[hit[0]], labels[hit[0]], texts[hit[0]] = p, hit[1], text
    if not used_sub:
        return None
    joins: list[tuple[int, ...]] = []
    for key, pieces in parts.items():
        if key in found:
            continue
        found[key] = width + len(joins)
        joins.append(tuple(pieces[i] for i in sorted(pieces)))
    return Header(0, 0, found, labels, ignored, repeated, joins, width, texts, clashes, seen)


def find_header(rows: Sequence[tuple[int, tuple[Any, ...]]], vocab: Vocabulary,
                search: int = HEADER_SEARCH_ROWS) -> Header | None:
    """The first row (among the first ``search`` non-blank rows) where at least
    ``vocab.min_columns`` headers are recognised, read together with the row below it when
    that recognises more."""
    seen = 0
    for index, (number, values) in enumerate(rows):
        if blank_row(values):
            continue
        seen += 1
        if seen > search:
            return None
        best = _one_row(values, vocab)
        best.first_row = best.last_row = number
        if index + 1 < len(rows) and best.columns:  # a title row is not the top of a header
            below_number, below = rows[index + 1]
            double = _two_rows(values, below, vocab)
            if double is not None and (len(double.columns), len(double.joins)) > (len(best.columns), 0):
                double.first_row, double.last_row = number, below_number
                best = double
        if len(best.columns) >= vocab.min_columns:
            return best
    return None


_FOOTER_STARTS = (
    "tổng cộng", "tổng số", "tổng:", "cộng:", "người lập", "thủ trưởng", "ký tên",
    "(ký", "ký, ghi rõ", "xác nhận", "nơi nhận", "tm.", "tm ", "kt.", "kt ", "lãnh đạo",
    "tong cong", "tong so", "nguoi lap", "thu truong", "ky ten",
)  # fmt: skip
_FOOTER_EXACT = {"tổng", "cộng", "tổng cộng", "tong", "tong cong"}
_FOOTER_FIRST = frozenset(w[0] for w in _FOOTER_STARTS)
_SUM_LINE = re.compile(r"cộng\s+\d")  # "Cộng 3 người", not a person named Cộng
_DATE_LINE = re.compile(r"ngày\s*\S*\s*tháng\s*\S*\s*năm", re.IGNORECASE)


def footer_text(values: Sequence[object]) -> str | None:
    """The row's first text when the row opens a footer, else None."""
    first = values[0] if values and not _blank(values[0]) else next((v for v in values if not _blank(v)), None)
    if not isinstance(first, str):
        return None
    low = first.strip().casefold()
    if not low or len(low) > 200:
        return None
    if low[0] in _FOOTER_FIRST:
        text = nfc(first)
        folded = text.casefold()
        if folded in _FOOTER_EXACT or folded.startswith(_FOOTER_STARTS) or _SUM_LINE.match(folded):
            return text
    if "th" in low and _DATE_LINE.search(nfc(low)):  # "Đông Sơn, ngày 19 tháng 4 năm 2024"
        return nfc(first)
    return None


def find_footer(rows: Sequence[tuple[int, tuple[Any, ...]]], start: int) -> int | None:
    """Index in ``rows`` (from ``start``) of the row opening the table's footer, or None."""
    for index in range(start, len(rows)):
        if footer_text(rows[index][1]) is not None:
            return index
    return None
