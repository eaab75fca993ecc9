"""What kind of element a paragraph of the body or a row of an appendix table is: the
renderers choose its style from this, so a kind is a closed set, never a free string."""

from __future__ import annotations

from enum import StrEnum


class BlockKind(StrEnum):
    """A paragraph of the report's body, recognised by its numbering."""

    BODY = "body"
    SECTION = "section"  # I., II. …
    HEADING1 = "heading1"  # 1., 2. …
    HEADING2 = "heading2"  # a), b) …


class RowKind(StrEnum):
    """A row of an appendix table."""

    SECTION = "section"  # one cell across the whole table (the levels of a province)
    GROUP = "group"  # a group's subtotal: I, II …
    UNIT = "unit"  # one unit's figures
    TOTAL = "total"  # Tổng cộng, Còn thiếu


def require(value: object, kind: type[StrEnum]) -> None:
    """Refuse a kind given as a string (or a member of another enum) when an element is
    built, so a misspelt kind fails in the tests instead of printing in the wrong style."""
    if not isinstance(value, kind):
        raise TypeError(f"{value!r} is not a {kind.__name__}")
