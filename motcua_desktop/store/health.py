"""Is a data file intact? A quick check at start, a full one for ``motcua check`` and backups.

Both answer with Vietnamese lines saying what was found (empty: intact) and never change
the file: it is opened read-only. A file that cannot be read now for another reason — another
program's lock, a failing disk read — is not called damaged: that is raised as the
environment's :class:`~.errors.StoreError` (and a mistake of ours as a bug).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .errors import DamagedFile, classify

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every register has from its first migration: a file without them is not ours.
_OUR_TABLES = ("units", "people", "assignments", "equipment")
_MAX_DETAILS = 5


def read_only_uri(path: Path) -> str:
    """An URI opening the file without ever writing it, also in a read-only folder (where a
    WAL file's -shm cannot be created and nobody can be writing)."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    if not os.access(Path(path).parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def _connect_read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _file_problems(path: Path) -> list[str]:
    """What can be told without SQLite: missing, a folder, unreadable, empty, not SQLite."""
    if not path.exists():
        return [f"Không tìm thấy tệp dữ liệu {path}."]
    if path.is_dir():
        return [f"{path} là một thư mục, không phải tệp dữ liệu."]
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        return [f"Không đọc được tệp dữ liệu {path} ({exc.strerror or exc})."]
    if not header:
        return [f"Tệp dữ liệu {path} rỗng (0 byte): không có dữ liệu nào trong đó."]
    if header != SQLITE_HEADER:
        return [
            f"Tệp {path} không phải tệp dữ liệu của chương trình, hoặc phần đầu tệp đã bị hỏng."
        ]
    return []


def _describe_damage(path: Path, lines: list[str], full: bool) -> list[str]:
    what = "kiểm tra toàn bộ" if full else "kiểm tra nhanh"
    problems = [f"Tệp dữ liệu {path} bị hỏng: {what} tìm thấy {len(lines)} lỗi cấu trúc."]
    problems += [f"  chi tiết: {line}" for line in lines[:_MAX_DETAILS]]
    if len(lines) > _MAX_DETAILS:
        problems.append(f"  … và {len(lines) - _MAX_DETAILS} lỗi khác.")
    return problems


def _check(path: Path, *, full: bool) -> list[str]:
    path = Path(path)
    problems = _file_problems(path)
    if problems:
        return problems
    try:
        conn = _connect_read_only(path)
    except sqlite3.Error as exc:
        return [f"Không mở được tệp dữ liệu {path} ({exc})."]
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        pragma = "integrity_check" if full else "quick_check"
        lines = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        if lines != ["ok"]:
            return _describe_damage(path, lines, full)
        missing = [t for t in _OUR_TABLES if t not in tables]
        if missing:
            return [
                f"Tệp {path} là tệp SQLite nhưng không phải tệp dữ liệu của chương trình "
                f"(thiếu bảng {', '.join(missing)})."
            ]
        if full:
            dangling: dict[str, int] = {}
            for table, *_ in conn.execute("PRAGMA foreign_key_check"):
                dangling[table] = dangling.get(table, 0) + 1
            for table, count in sorted(dangling.items()):
                problems.append(
                    f"Tệp dữ liệu {path}: {count} dòng trong bảng {table} trỏ tới bản ghi "
                    "không còn tồn tại."
                )
    except sqlite3.Error as exc:
        problem = classify(exc, str(path))
        if not isinstance(problem, DamagedFile):
            raise problem from exc
        return [f"Tệp dữ liệu {path} bị hỏng, không đọc được ({exc})."]
    finally:
        conn.close()
    return problems


def quick_check(path: str | Path) -> list[str]:
    """The check run at every start (``PRAGMA quick_check``): seconds even on a big file."""
    return _check(Path(path), full=False)


def check_file(path: str | Path) -> list[str]:
    """The full check (``PRAGMA integrity_check`` and references between tables)."""
    return _check(Path(path), full=True)
