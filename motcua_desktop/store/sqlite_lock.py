"""Is a data file locked at the SQLite level by another program (a sync tool, a database
browser holding ``BEGIN EXCLUSIVE``)? Asked once at start, without waiting and without
changing the file, so the window can open read-only and say why instead of failing later."""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

from .health import read_only_uri
from .uri import sqlite_uri


class SqliteLock(Enum):
    NONE = "none"  # we may write
    WRITES = "writes"  # another connection is writing: we can read, not write
    ALL = "all"  # not even reading is possible (a rollback-journal file, or exclusive locking)


def _is_lock_error(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def probe(path: str | Path) -> SqliteLock:
    """How far another connection's lock keeps us out of ``path`` right now (no waiting).

    A missing file, or an error that is not a lock (damage, a read-only folder), answers
    NONE: the checks that follow at start report those in their own words."""
    path = Path(path)
    if not path.is_file():
        return SqliteLock.NONE
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return SqliteLock.NONE
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            return SqliteLock.ALL if _is_lock_error(exc) else SqliteLock.NONE
    finally:
        conn.close()
    try:
        # mode=rw: probing must never create a file; BEGIN IMMEDIATE takes the write lock a
        # save would need, and ROLLBACK gives it back at once without writing anything
        conn = sqlite3.connect(sqlite_uri(path, mode="rw"), uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return SqliteLock.NONE
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        except sqlite3.Error as exc:
            return SqliteLock.WRITES if _is_lock_error(exc) else SqliteLock.NONE
    finally:
        conn.close()
    return SqliteLock.NONE


def explain(path: str | Path, lock: SqliteLock) -> str:
    """The Vietnamese sentence for the banner (WRITES) or the refusal (ALL)."""
    if lock is SqliteLock.WRITES:
        return (
            f"Tệp dữ liệu {path} đang bị một chương trình khác khóa để ghi (ví dụ một phần mềm "
            "xem cơ sở dữ liệu hay đồng bộ tệp đang mở nó). Cửa sổ này chỉ để xem; hãy đóng "
            "chương trình kia rồi mở lại Một Cửa Desktop để sửa dữ liệu."
        )
    if lock is SqliteLock.ALL:
        return (
            f"Tệp dữ liệu {path} đang bị một chương trình khác khóa hoàn toàn, không đọc được "
            "lúc này (tệp không bị hỏng và không bị thay đổi). Hãy đóng chương trình kia "
            "(ví dụ phần mềm xem cơ sở dữ liệu hay đồng bộ tệp) rồi mở lại."
        )
    return ""
