"""What every command reads from its arguments: the data file (``--db``), an ``--out`` that must
not be the register, a date. Shared by ``commands`` and ``packages``, which import it and not
each other."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..domain.text import parse_date
from ..store.registry import Registry
from ..userdata import default_db_path
from .errors import UserError


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def existing_db(args: argparse.Namespace) -> Path:
    """The ``--db`` of every command but ``init``: it must be a SQLite file already.

    A zero-byte or foreign file would otherwise be turned into a new register (or written
    over); it is bad input instead."""
    from ..store.outputs import is_sqlite_file

    path = db_path(args)
    if not path.exists():
        raise UserError(f"không có tệp dữ liệu {path} (tạo bằng: motcua init --db {path})")
    if path.is_dir():
        raise UserError(f"{path} là một thư mục, không phải tệp dữ liệu")
    if path.stat().st_size == 0:
        raise UserError(f"tệp dữ liệu {path} rỗng (0 byte); tạo tệp mới bằng: motcua init --db {path}")
    if not is_sqlite_file(path):
        raise UserError(f"{path} không phải tệp dữ liệu của Một Cửa Desktop (không phải tệp SQLite)")
    return path


def check_out(args: argparse.Namespace, out: str | Path) -> Path:
    """Refuse an ``--out`` that is the register, its companions or a backup."""
    from ..store.outputs import check_output_path

    return check_output_path(out, db_path(args))


def open_existing(args: argparse.Namespace, *, read_only: bool = False) -> Registry:
    return Registry.open(existing_db(args), read_only=read_only)


def as_of_arg(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {exc}") from None
