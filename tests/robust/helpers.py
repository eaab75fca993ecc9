"""Shared by the robustness tests: damaging a file, fingerprinting a register's content."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

_TABLES = ("units", "people", "assignments", "equipment", "equipment_types", "settings")


def corrupt(path: Path, *, page: int = 3, header: bool = False) -> None:
    """Overwrite part of one page (or the file header) with garbage, as a failing disk would."""
    data = bytearray(path.read_bytes())
    if header:
        data[0:100] = b"\x00garbage" * 12 + b"\x00" * 4
    else:
        page_size = int.from_bytes(data[16:18], "big") or 65536
        start = page_size * (page - 1)
        data[start : start + 600] = b"\xa5" * 600
    path.write_bytes(bytes(data))


def content(path: Path) -> str:
    """A digest of every row of the register's tables (not of the bytes: WAL may differ)."""
    from motcua_desktop.store.health import read_only_uri

    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        h = hashlib.sha256()
        for table in _TABLES:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()
