"""Is a data file intact? A quick check at start, a full one for ``motcua check`` and backups.

Both answer with Vietnamese lines saying what was found (empty: intact) and never change
the file: it is opened read-only.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from .location import can_write_folder
from .uri import sqlite_uri

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every register has from its first migration: a file without them is not ours.
_OUR_TABLES = ("units", "people", "assignments", "equipment")
_MAX_DETAILS = 5
_WIN_SHARING_VIOLATION = (32, 33)  # another process has the file open without sharing


class Trouble(Enum):
    """Why a file could not be read. Only DAMAGED may be cured by restoring a backup over it;
    the others say nothing about the file's content."""

    DAMAGED = "damaged"
    LOCKED = "locked"  # another program holds it
    UNREACHABLE = "unreachable"  # a share that is gone, a disk error, a missing file
    PERMISSION = "permission"  # this user may not read it


def _sqlite_trouble(exc: sqlite3.Error) -> Trouble:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return Trouble.LOCKED
    if "unable to open" in text or "disk i/o" in text or "invalid uri" in text:
        return Trouble.UNREACHABLE
    if "readonly" in text or "permission" in text or "access denied" in text or "not authorized" in text:
        return Trouble.PERMISSION
    return Trouble.DAMAGED


def _os_trouble(exc: OSError) -> Trouble:
    if getattr(exc, "winerror", None) in _WIN_SHARING_VIOLATION:
        return Trouble.LOCKED
    if isinstance(exc, PermissionError):
        return Trouble.PERMISSION
    return Trouble.UNREACHABLE


def read_only_uri(path: Path) -> str:
    """An URI opening the file without ever writing it, also in a read-only folder (where a
    WAL file's -shm cannot be created and nobody can be writing)."""
    return sqlite_uri(path, mode="ro", immutable=not can_write_folder(Path(path).absolute().parent))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def register_id(path: str | Path) -> int | None:
    """The register's identity (``PRAGMA user_version``, set when it is first opened for
    writing), read from the file's header without SQLite: it is there even when the rest
    of the file is damaged. None when the header cannot be read or holds no identity."""
    try:
        with Path(path).open("rb") as fh:
            header = fh.read(64)
    except OSError:
        return None
    if len(header) < 64 or not header.startswith(SQLITE_HEADER):
        return None
    value = int.from_bytes(header[60:64], "big", signed=True)
    return value if value > 0 else None


def _file_problems(path: Path) -> tuple[Trouble, list[str]] | None:
    """What can be told without SQLite: missing, a folder, unreadable, empty, not SQLite."""
    if not path.exists():
        return Trouble.UNREACHABLE, [f"Không tìm thấy tệp dữ liệu {path}."]
    if path.is_dir():
        return Trouble.DAMAGED, [f"{path} là một thư mục, không phải tệp dữ liệu."]
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        return _os_trouble(exc), [f"Không đọc được tệp dữ liệu {path} ({exc.strerror or exc})."]
    if not header:
        return Trouble.DAMAGED, [f"Tệp dữ liệu {path} rỗng (0 byte): không có dữ liệu nào trong đó."]
    if header != SQLITE_HEADER:
        return Trouble.DAMAGED, [
            f"Tệp {path} không phải tệp dữ liệu của chương trình, hoặc phần đầu tệp đã bị hỏng."
        ]
    return None


def _describe_damage(path: Path, lines: list[str], full: bool) -> list[str]:
    what = "kiểm tra toàn bộ" if full else "kiểm tra nhanh"
    problems = [f"Tệp dữ liệu {path} bị hỏng: {what} tìm thấy {len(lines)} lỗi cấu trúc."]
    problems += [f"  chi tiết: {line}" for line in lines[:_MAX_DETAILS]]
    if len(lines) > _MAX_DETAILS:
        problems.append(f"  … và {len(lines) - _MAX_DETAILS} lỗi khác.")
    return problems


def _check(path: Path, *, full: bool) -> tuple[Trouble | None, list[str]]:
    path = Path(path)
    found = _file_problems(path)
    if found:
        return found
    try:
        conn = _connect_read_only(path)
    except sqlite3.Error as exc:
        return _sqlite_trouble(exc), [f"Không mở được tệp dữ liệu {path} ({exc})."]
    problems: list[str] = []
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        pragma = "integrity_check" if full else "quick_check"
        lines = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        if lines != ["ok"]:
            return Trouble.DAMAGED, _describe_damage(path, lines, full)
        missing = [t for t in _OUR_TABLES if t not in tables]
        if missing:
            return Trouble.DAMAGED, [
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
    except sqlite3.DatabaseError as exc:
        trouble = _sqlite_trouble(exc)
        if trouble is Trouble.DAMAGED:
            return trouble, [f"Tệp dữ liệu {path} bị hỏng, không đọc được ({exc})."]
        return trouble, [f"Không đọc được tệp dữ liệu {path} lúc này ({exc})."]
    finally:
        conn.close()
    return (Trouble.DAMAGED if problems else None), problems


def diagnose(path: str | Path) -> tuple[Trouble | None, list[str]]:
    """The quick check with the reason it failed: (None, []) for a file that reads well."""
    return _check(Path(path), full=False)


def quick_check(path: str | Path) -> list[str]:
    """The check run at every start (``PRAGMA quick_check``): seconds even on a big file."""
    return _check(Path(path), full=False)[1]


def check_file(path: str | Path) -> list[str]:
    """The full check (``PRAGMA integrity_check`` and references between tables)."""
    return _check(Path(path), full=True)[1]
