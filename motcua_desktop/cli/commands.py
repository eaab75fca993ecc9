"""Sub-commands of ``motcua``: arguments here, the work in the modules each handler calls."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.text import parse_date
from ..store.registry import Registry
from ..userdata import default_db_path
from .errors import UserError

Handler = Callable[[argparse.Namespace], int | None]


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


def existing_db(args: argparse.Namespace) -> Path:
    """The ``--db`` of every command but ``init``: it must be a SQLite file already.

    A zero-byte or foreign file would otherwise be turned into a new register (or written
    over); it is bad input instead."""
    from ..store.outputs import is_sqlite_file

    path = _db_path(args)
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

    return check_output_path(out, _db_path(args))


def open_existing(args: argparse.Namespace, *, read_only: bool = False) -> Registry:
    return Registry.open(existing_db(args), read_only=read_only)


def as_of_arg(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ: {exc}") from None


def cmd_init(args: argparse.Namespace) -> int:
    from ..domain.office import UnknownOfficeCode, office_setup
    from ..store.office import set_up_office
    from ..store.sample import load_sample

    path = _db_path(args)
    office = getattr(args, "office", None)
    if office is not None:
        try:
            office_setup(office)  # an unknown code is refused before any file is made
        except UnknownOfficeCode as exc:
            raise UserError(str(exc)) from None
    if path.exists() and path.stat().st_size > 0:
        registry = Registry.open(path)
        if not registry.is_empty():
            registry.close()
            raise UserError(f"tệp {path} đã có dữ liệu; không ghi đè")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        registry = Registry.open(path)
    try:
        if getattr(args, "demo", False):
            load_sample(registry)
        else:
            from ..store.new_register import start_new_register

            start_new_register(registry)
        who = ""
        if office is not None:
            setup = set_up_office(registry, office)
            who = f" cho {setup.settings.issuing_body_short} (mã {setup.admin.code})"
        units = len(registry.units.list())
        people = len(registry.staff.people())
    finally:
        registry.close()
    print(f"Đã tạo {path}{who}: {units} đơn vị, {people} cán bộ.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..store.transfer import import_file
    from ..store.transfer.options import parse_options

    options = parse_options(args.map or [], args.default or [])
    registry = open_existing(args)
    try:
        summary = import_file(registry, Path(args.file), options=options)
    finally:
        registry.close()
    print(summary.describe())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from ..store.transfer import export_workbook

    check_out(args, args.out)
    registry = open_existing(args, read_only=True)
    try:
        export_workbook(registry, Path(args.out))
    finally:
        registry.close()
    print(f"Đã xuất {args.out}")
    return 0


def _send_to_printer(pdf: Path, printer: str | None) -> int:
    from ..ui.printing import print_pdf_file  # Qt is loaded only when printing

    return print_pdf_file(pdf, printer)


def cmd_report(args: argparse.Namespace) -> int:
    from ..report.cli import run_report_command

    if getattr(args, "out", None):
        check_out(args, args.out)
    registry = open_existing(args)
    try:
        return run_report_command(registry, args, send_to_printer=_send_to_printer)
    finally:
        registry.close()


def cmd_check(args: argparse.Namespace) -> int:
    from ..store.health import check_file

    path = _db_path(args)
    if not path.exists():
        raise UserError(f"không có tệp dữ liệu {path}")
    problems = check_file(path)  # a damaged or foreign file is what this command diagnoses
    if problems:
        for line in problems:
            print(f"motcua: {line}", file=sys.stderr)
        return 1
    print(f"{path}: tệp dữ liệu nguyên vẹn.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ..store.backup import backup_to

    db = existing_db(args)
    out_arg = Path(args.out)
    if not out_arg.is_dir():
        check_out(args, out_arg)
    out = backup_to(db, out_arg)
    print(f"Đã sao lưu vào {out}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..store.backup import restore_from

    kept = restore_from(_db_path(args), Path(args.file))
    print(f"Đã phục hồi từ {args.file}" + (f"; bản cũ giữ tại {kept}" if kept else ""))
    return 0


def register(sub: argparse._SubParsersAction[Any]) -> None:  # of main._Parser
    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--db", default=argparse.SUPPRESS, help="tệp dữ liệu")
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, "tạo tệp dữ liệu mới")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="nạp dữ liệu mẫu")
    which.add_argument("--office", metavar="MÃ", default=argparse.SUPPRESS,
                       help="lập cho cơ quan theo mã đơn vị hành chính: 2 chữ số là tỉnh "
                            "(ví dụ 20), 5 chữ số là xã, phường, đặc khu (ví dụ 06463)")

    p = add("import", cmd_import, "nhập đơn vị, cán bộ, thiết bị từ tệp .xlsx, .xls, .ods hoặc .csv")
    p.add_argument("file", help="tệp .xlsx, .xls, .ods hoặc .csv")
    p.add_argument("--map", action="append", metavar='"TÊN CỘT=trường"',
                   help='cột của tệp chứa trường nào (ví dụ "Nơi công tác=Mã đơn vị"); '
                   '"TÊN CỘT=" để bỏ qua cột; dùng nhiều lần được')
    p.add_argument("--default", action="append", metavar='"trường=giá trị"',
                   help='giá trị cho mọi dòng khi tệp không có cột đó (ví dụ "Hình thức=Biên chế")')

    p = add("export", cmd_export, "xuất toàn bộ dữ liệu ra tệp .xlsx theo mẫu nhập")
    p.add_argument("--out", required=True, help="tệp .xlsx")

    p = add("report", cmd_report, "lập báo cáo ra tệp PDF, Word hoặc Excel, hoặc in ra máy in")
    p.add_argument("--out", help="tệp kết quả (.pdf, .docx, .xlsx)")
    p.add_argument("--report", type=int, help="số thứ tự của báo cáo đã lưu (mặc định: mới nhất)")
    p.add_argument("--as-of", type=as_of_arg, help="ngày lấy số liệu (YYYY-MM-DD hoặc dd/mm/yyyy)")
    p.add_argument("--format", choices=["pdf", "docx", "xlsx"], help="định dạng (mặc định: theo đuôi tệp)")
    p.add_argument("--template", metavar="MẪU",
                   help="mẫu báo cáo (huyen-2018, xa-2025, tinh-2025 hoặc mẫu riêng; mặc định: theo cấp của sổ)")
    p.add_argument("--print", action="store_true", help="gửi ra máy in thay vì ghi tệp")
    p.add_argument("--printer", help="tên máy in (mặc định: máy in mặc định)")

    add("check", cmd_check, "kiểm tra tính toàn vẹn của tệp dữ liệu")

    from .packages import register as register_packages

    register_packages(add)

    p = add("backup", cmd_backup, "sao lưu tệp dữ liệu")
    p.add_argument("--out", required=True, help="tệp hoặc thư mục sao lưu")

    p = add("restore", cmd_restore, "phục hồi tệp dữ liệu từ bản sao lưu")
    p.add_argument("file", help="tệp sao lưu")
