"""Where the app may write a file the user named (an export, a report, a history list).

Never over the register itself, its ``-wal``/``-shm``/``-journal``/``.lock`` companions, or
any SQLite file (a backup of the register is one): a report written there would destroy data.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import InputRejected

SQLITE_MAGIC = b"SQLite format 3\x00"
_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def check_output_path(out: str | Path, register: str | Path | None) -> Path:
    """``out`` if the app may write there; :class:`InputRejected` naming why not otherwise."""
    out = Path(out)
    if register is not None:
        reg = Path(register)
        for suffix in _COMPANIONS:
            if _same(out, reg.with_name(reg.name + suffix)):
                what = "chính tệp dữ liệu" if not suffix else f"tệp đi kèm tệp dữ liệu ({suffix})"
                raise InputRejected(
                    f"không ghi vào {out}: đây là {what} {reg.name}; hãy chọn tên tệp khác"
                )
    if out.is_file() and is_sqlite_file(out):
        raise InputRejected(
            f"không ghi vào {out}: tệp này là một tệp dữ liệu hoặc bản sao lưu (SQLite); "
            "ghi đè sẽ làm mất dữ liệu, hãy chọn tên tệp khác"
        )
    return out
