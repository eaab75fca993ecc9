"""Errors the store raises, with messages a user can act on, and the one place that sorts
SQLite's errors into the user's environment and the program's bugs — by SQLite's result
code (``sqlite_errorcode``, Python 3.11+), never by the wording of its message."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from ..errors import KnownProblem


class StoreError(KnownProblem):
    """A problem with the data file or the user's input that is not a bug."""


class NewerDatabaseError(StoreError):
    """The file was made by a newer version of the app; it is left untouched."""


class NotFoundError(StoreError):
    """A record asked for by id is not (or no longer) in the file."""


class IntegrityRefused(StoreError):
    """A write would break the register's rules (a unit that still has staff, a duplicate code)."""


class FileLocked(StoreError):
    """Another program (or another copy of this one) holds SQLite's lock on the file."""


class DiskFull(StoreError):
    """The disk (or the user's quota) is full; nothing was written."""


class ReadOnlyFile(StoreError):
    """The file or its folder may be read but not written."""


class CannotOpen(StoreError):
    """The file cannot be opened at all: a missing folder, no permission, a dropped drive."""


class DamagedFile(StoreError):
    """The file is not an SQLite database, or its content is damaged."""


class DiskFailed(StoreError):
    """The disk failed a read or a write: a network drive gone, a USB stick pulled, a bad disk."""


class StoreBug(Exception):
    """The program's own mistake in talking to SQLite: a column or table that does not
    exist, an SQL syntax error, a closed connection, a value of the wrong type.

    Deliberately not a :class:`StoreError`: nothing that handles the user's problems
    catches it, so it reaches the error reporter, which logs its traceback and says it is a
    program error. ``__cause__`` holds the SQLite error."""


# SQLite's primary result codes (https://sqlite.org/rescode.html); an extended code keeps
# its primary code in the low byte (SQLITE_IOERR_SHORT_READ = 522 = 10 | 2 << 8).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PROTOCOL = 15
SQLITE_CONSTRAINT = 19
SQLITE_AUTH = 23
SQLITE_NOTADB = 26
# extended codes of SQLITE_CONSTRAINT that a user's action can cause
SQLITE_CONSTRAINT_FOREIGNKEY = 787
SQLITE_CONSTRAINT_PRIMARYKEY = 1555
SQLITE_CONSTRAINT_UNIQUE = 2067


def sqlite_code(exc: sqlite3.Error) -> int | None:
    """SQLite's (extended) result code, or None for an error raised by Python's sqlite3
    module itself (a closed connection, a wrong number of parameters): always a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code if isinstance(code, int) else None


def _where(path: str) -> str:
    return f" ({path})" if path else ""


def classify(exc: sqlite3.Error, path: str = "", doing: str = "") -> StoreError | StoreBug:
    """The exception to raise in place of an SQLite error (``raise classify(exc) from exc``);
    ``doing`` (``"Không sao lưu được"``) goes before its message.

    The user's environment — locked, full, read-only, unopenable, damaged — and a write the
    register's rules refuse become a :class:`StoreError` with a Vietnamese message; every
    other code (SQLITE_ERROR: no such column, syntax error; a NOT NULL or CHECK constraint
    our validation should have caught; misuse) is a :class:`StoreBug`."""
    problem = _classify(exc, _where(path))
    if doing:
        return type(problem)(f"{doing}: {problem}")
    return problem


def _classify(exc: sqlite3.Error, where: str) -> StoreError | StoreBug:
    code = sqlite_code(exc)
    primary = None if code is None else code & 0xFF
    if primary in (SQLITE_BUSY, SQLITE_LOCKED, SQLITE_PROTOCOL):
        return FileLocked(f"Tệp dữ liệu đang bị chương trình khác khóa{where}. Hãy thử lại sau.")
    if primary == SQLITE_FULL:
        return DiskFull(f"Ổ đĩa đã đầy, không ghi được dữ liệu{where}. Dữ liệu cũ vẫn nguyên vẹn.")
    if primary in (SQLITE_READONLY, SQLITE_PERM, SQLITE_AUTH):
        return ReadOnlyFile(f"Tệp dữ liệu chỉ cho phép đọc, không ghi được{where}.")
    if primary == SQLITE_CANTOPEN:
        return CannotOpen(f"Không mở được tệp dữ liệu{where}: thư mục không có, không có quyền "
                          "hoặc ổ đĩa không truy cập được.")
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedFile(f"Tệp dữ liệu bị hỏng hoặc không phải tệp của chương trình{where}.")
    if primary == SQLITE_IOERR:
        return DiskFailed(f"Lỗi đọc/ghi ổ đĩa khi dùng tệp dữ liệu{where} (ổ mạng bị ngắt, "
                           "thiết bị USB bị rút hoặc ổ đĩa hỏng). Hãy kiểm tra ổ đĩa rồi thử lại.")
    if code in (SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY):
        return IntegrityRefused("Mã này đã có, hãy chọn mã khác.")
    if code == SQLITE_CONSTRAINT_FOREIGNKEY:
        return IntegrityRefused("Bản ghi đang được dùng ở nơi khác nên không thể xóa hoặc đổi.")
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    return StoreBug(f"Lỗi chương trình khi dùng tệp dữ liệu{where}: {name}: {exc}")


def is_lock(exc: sqlite3.Error) -> bool:
    """Whether another connection's lock refused the statement (SQLITE_BUSY, SQLITE_LOCKED)."""
    code = sqlite_code(exc)
    return code is not None and code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)


class InputRejected(StoreError):
    """A file to import (or other user input) was refused as a whole; nothing was written.

    ``problems`` holds one line per bad row, ``FILE[SHEET]:ROW: column: message``.
    """

    def __init__(self, summary: str, problems: list[str] | None = None, details: Sequence[object] | None = None):
        self.problems = list(problems or [])
        self.details: list[Any] = list(details or [])  # the same problems by cell, for the import preview
        super().__init__(summary)
