"""Row identities of the app's export, and the overlap rule of a person's assignments.

Each exported row carries ``Mã dòng (không sửa)``: a kind, the record's id and the
register's tag, e.g. ``PC45@1f2e3d4c`` (assignment 45 of register 1f2e3d4c). Kinds: ``DV``
unit, ``PC`` assignment (a staff row), ``CB`` a person with no assignment (a staff row that
only names them), ``TB`` equipment row, ``LT`` catalogue entry. A tag of another register
means the file came from elsewhere: its ids are ignored and its rows found by content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...domain.text import format_date
from ..registry import Registry

KINDS = {"units": ("DV",), "staff": ("PC", "CB"), "equipment": ("TB",), "types": ("LT",)}
_PATTERN = re.compile(r"^([A-Z]{2})(\d{1,12})@([0-9a-f]{8})$")


def register_tag(registry: Registry) -> str:
    row = registry.db.conn.execute("SELECT tag FROM register_identity WHERE id = 1").fetchone()
    return row[0] if row else ""


def row_id(kind: str, record_id: int | None, tag: str) -> str:
    return f"{kind}{record_id}@{tag}"


@dataclass(frozen=True)
class RowId:
    kind: str
    id: int
    tag: str


class BadRowId(ValueError):
    pass


def parse_row_id(text: str, sheet_key: str) -> RowId | None:
    """None for an empty cell; :class:`BadRowId` (Vietnamese) for a value the export never wrote."""
    text = text.strip()
    if not text:
        return None
    m = _PATTERN.match(text[:2].upper() + text[2:].lower())
    if m is None or m.group(1) not in KINDS[sheet_key]:
        raise BadRowId(
            f"'{text[:30]}' không phải mã dòng do chương trình xuất; cột này không được sửa "
            "(dòng mới thì để trống)"
        )
    return RowId(m.group(1), int(m.group(2)), m.group(3))


@dataclass(frozen=True)
class Span:
    """One assignment of a person as the overlap check sees it, and how to name it."""

    start: date | None
    end: date | None
    unit_id: int | None
    where: str  # "dòng 12" (file) or "phân công đã có tại Xã A từ 01/01/2020" (register)
    row: int | None  # the file row, None for one only in the register


def _overlap(a: Span, b: Span) -> bool:
    a_start, b_start = a.start or date.min, b.start or date.min
    a_end, b_end = a.end or date.max, b.end or date.max
    return a_start <= b_end and b_start <= a_end


def describe_period(start: date | None, end: date | None) -> str:
    first = format_date(start) if start else "trước đây"
    return f"từ {first}" + (f" đến {format_date(end)}" if end else " đến nay")


def overlaps(spans: list[Span]) -> list[tuple[Span, Span]]:
    """Pairs of a person's assignments active on a common day (at least one from the file).
    A transfer that ends one day and starts the next does not overlap."""
    ordered = sorted(spans, key=lambda s: (s.start or date.min, s.end or date.max))
    out = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if (b.start or date.min) > (a.end or date.max):
                break
            if (a.row is not None or b.row is not None) and _overlap(a, b):
                out.append((a, b) if (a.row or 0) >= (b.row or 0) else (b, a))
    return out
