"""Errors the store raises, with messages a user can act on."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any


class StoreError(Exception):
    """A problem with the data file that is the user's environment, not a bug."""


class NewerDatabaseError(StoreError):
    """The file was made by a newer version of the app; it is left untouched."""


class NotFoundError(StoreError):
    """A record asked for by id is not (or no longer) in the file."""


class IntegrityRefused(StoreError):
    """A write would break the register's rules (a unit that still has staff, a duplicate code)."""


def friendly(exc: sqlite3.Error, path: str = "") -> StoreError:
    """Translate an SQLite error from the user's environment into a Vietnamese message."""
    text = str(exc).lower()
    where = f" ({path})" if path else ""
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError(f"Ổ đĩa đã đầy, không ghi được dữ liệu{where}. Dữ liệu cũ vẫn nguyên vẹn.")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"Tệp dữ liệu chỉ cho phép đọc, không ghi được{where}.")
    if "locked" in text or "busy" in text:
        return StoreError(f"Tệp dữ liệu đang bị chương trình khác khóa{where}. Hãy thử lại sau.")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(f"Tệp dữ liệu bị hỏng hoặc không phải tệp của chương trình{where}.")
    if "unable to open" in text:
        return StoreError(f"Không mở được tệp dữ liệu{where}.")
    if "unique constraint" in text:
        return IntegrityRefused("Mã này đã có, hãy chọn mã khác.")
    if "foreign key" in text:
        return IntegrityRefused("Bản ghi đang được dùng ở nơi khác nên không thể xóa hoặc đổi.")
    return StoreError(f"Lỗi dữ liệu: {exc}{where}")


class InputRejected(StoreError):
    """A file to import (or other user input) was refused as a whole; nothing was written.

    ``problems`` holds one line per bad row, ``FILE[SHEET]:ROW: column: message``.
    """

    def __init__(self, summary: str, problems: list[str] | None = None, details: Sequence[object] | None = None):
        self.problems = list(problems or [])
        self.details: list[Any] = list(details or [])  # the same problems by cell, for the import preview
        super().__init__(summary)
