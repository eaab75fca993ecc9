"""Workbooks written the way a user's spreadsheet arrives, for the import tests."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """One sheet per entry, rows appended as given (the first row being the header)."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path
