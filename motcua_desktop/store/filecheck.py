"""Refuse an import file that would take unbounded time or memory, before parsing it.

An ``.xlsx`` is a zip: a small file can expand to gigabytes (a zip bomb). The sizes its
directory declares bound what Python's zipfile will ever inflate, so checking them is enough.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..domain.text import format_number
from .errors import InputRejected

MAX_FILE_BYTES = 40 * 1024 * 1024  # a province's register is a few MB; 100 MB is not a register
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200  # real sheets compress 5-20x; a bomb thousands of times
MAX_MEMBERS = 5_000
_RATIO_FLOOR = 5 * 1024 * 1024  # small parts may compress a lot (empty styles); ignore them


def _mb(n: int) -> str:
    return f"{format_number(round(n / 1024 / 1024, 1))} MB"


def check_import_file(path: str | Path) -> None:
    """Raise :class:`InputRejected` for a file too big to be a register or a zip bomb."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputRejected(f"không đọc được {path.name} ({exc.strerror or exc})") from None
    if size > MAX_FILE_BYTES:
        raise InputRejected(
            f"không nhập {path.name}: tệp nặng {_mb(size)}, quá giới hạn {_mb(MAX_FILE_BYTES)} "
            "cho một tệp dữ liệu đơn vị, cán bộ, thiết bị; hãy kiểm tra lại có đúng tệp không"
        )
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not zipfile.is_zipfile(path):
        return  # a broken .xlsx is the reader's to refuse, with its own message
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        raise InputRejected(f"không đọc được {path.name}: tệp Excel bị hỏng, hãy mở thử bằng Excel") from None
    if len(members) > MAX_MEMBERS:
        raise InputRejected(f"không nhập {path.name}: tệp Excel có {format_number(len(members))} phần, bất thường")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputRejected(
            f"không nhập {path.name}: khi giải nén tệp sẽ chiếm {_mb(unpacked)}, "
            f"quá giới hạn {_mb(MAX_UNPACKED_BYTES)}; tệp bất thường hoặc bị hỏng"
        )
    for m in members:
        if m.file_size > _RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise InputRejected(
                f"không nhập {path.name}: phần {m.filename} nén bất thường "
                f"({_mb(m.compress_size)} giải nén thành {_mb(m.file_size)}); tệp có thể là bom nén"
            )
