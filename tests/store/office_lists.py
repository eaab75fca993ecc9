"""Lists in the shapes offices keep them (title rows, their own headers, units by name, one
sheet per commune, the birth date under ``Nam``/``Nữ``, signatures under the table), written
as .xlsx, .xls and .csv for the import tests."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

Rows = list[list[Any]]


def write_xls(path: Path, sheets: dict[str, Rows], merges: dict[str, list[tuple[int, int, int, int]]] | None = None) -> Path:
    """``merges``: (first row, last row, first column, last column), 0-based, per sheet."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    dates = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for title, rows in sheets.items():
        sheet = book.add_sheet(title)
        merged = {(r1, c1): (r2, c2) for r1, r2, c1, c2 in (merges or {}).get(title, [])}
        covered = {(r, c) for (r1, c1), (r2, c2) in merged.items() for r in range(r1, r2 + 1)
                   for c in range(c1, c2 + 1) if (r, c) != (r1, c1)}  # fmt: skip
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                style = dates if isinstance(value, date | datetime) else xlwt.Style.default_style
                if (r, c) in merged:
                    r2, c2 = merged[r, c]
                    sheet.write_merge(r, r2, c, c2, value, style)
                elif value is not None:
                    sheet.write(r, c, value, style)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: Rows) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(["" if v is None else v for v in row] for row in rows)
    return path


TITLE = ["DANH SÁCH CÁN BỘ, CÔNG CHỨC LÀM VIỆC TẠI BỘ PHẬN MỘT CỬA"]
SIGNED = [[], ["", "", "Người lập biểu", "", "", "Thủ trưởng đơn vị"], ["", "", "(Ký, ghi rõ họ tên)"]]


def people(db: Path, names: list[str]) -> dict[str, tuple[Any, ...]]:
    """name -> (birth year, gender, unit code, kind, position) as the register holds them."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT p.full_name, p.birth_year, p.gender, u.code, a.kind, a.position FROM people p "
            "LEFT JOIN assignments a ON a.person_id = p.id LEFT JOIN units u ON u.id = a.unit_id "
            f"WHERE p.full_name IN ({','.join('?' * len(names))})",
            names,
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: tuple(r[1:]) for r in rows}


def equipment(db: Path, type_name: str) -> dict[str, tuple[int, str]]:
    """unit code -> (quantity, condition) of one equipment type."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT u.code, e.quantity, e.condition FROM equipment e JOIN units u ON u.id = e.unit_id "
            "JOIN equipment_types t ON t.id = e.type_id WHERE t.name = ?",
            (type_name,),
        ).fetchall()
    finally:
        conn.close()
    return {r[0]: (r[1], r[2]) for r in rows}


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
