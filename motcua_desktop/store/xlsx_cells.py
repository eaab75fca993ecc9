"""Cells of every ``.xlsx`` the app writes hold data, never a formula.

openpyxl stores a string starting with ``=`` as a formula; Excel and LibreOffice also run
``+``, ``-`` and ``@`` when the cell is edited. Such text is written as a string cell with
Excel's quote prefix, so opening or editing the file never runs it.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def keep_as_text(cell: Any) -> Any:
    """Mark an openpyxl cell holding formula-like text as plain text (returns the cell)."""
    if formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
