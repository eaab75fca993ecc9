"""``motcua submit``, ``receive`` and ``tracking``: data packages between offices."""

from __future__ import annotations

import argparse
from pathlib import Path

from .args import as_of_arg, check_out, open_existing
from .errors import UserError


def cmd_submit(args: argparse.Namespace) -> int:
    from ..store.packages import submit_package

    registry = open_existing(args)
    try:
        info = submit_package(registry, check_out(args, args.out), args.as_of)
    finally:
        registry.close()
    print(f"Đã lập gói số liệu {args.out}: {info.office_name} (mã {info.office_code}), "
          f"số liệu ngày {info.data_date:%d/%m/%Y}, Mã kiểm tra {info.check_code}")
    return 0


def cmd_receive(args: argparse.Namespace) -> int:
    from ..store.packages import receive_packages

    registry = open_existing(args)
    try:
        receipt = receive_packages(registry, [Path(f) for f in args.files], replace_newer=args.replace_newer)
    finally:
        registry.close()
    print(receipt.describe())
    return 0


def cmd_tracking(args: argparse.Namespace) -> int:
    from ..domain.periods import NOT_SENT, PeriodError, PeriodKind, period_of
    from ..store.packages import export_tracking, tracking

    try:
        period = period_of(PeriodKind(args.period) if args.period else None, args.date)
    except PeriodError as exc:
        raise UserError(str(exc)) from None
    registry = open_existing(args, read_only=True)
    try:
        rows = tracking(registry, period)
        if args.out:
            export_tracking(rows, period, check_out(args, args.out), registry.path)
    finally:
        registry.close()
    print(f"{period.label}: số liệu từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}")
    for i, r in enumerate(rows, start=1):
        print("\t".join((str(i), *r.cells()[:6])))
    sent = len({r.office_code for r in rows if r.status != NOT_SENT})
    print(f"Đã gửi: {sent}/{len({r.office_code for r in rows})}" + (f"; đã ghi {args.out}" if args.out else ""))
    return 0


def register(add: object) -> None:
    """Add the three commands through ``commands.register``'s ``add``."""
    assert callable(add)
    p = add("submit", cmd_submit, "lập gói số liệu gửi lên tỉnh (tệp .xlsx)")
    p.add_argument("--out", required=True, help="tệp gói số liệu .xlsx")
    p.add_argument("--as-of", type=as_of_arg, help="ngày số liệu (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định: hôm nay)")

    p = add("receive", cmd_receive, "nhận gói số liệu của các xã vào sổ của tỉnh (tất cả hoặc không gói nào)")
    p.add_argument("files", nargs="+", metavar="GÓI", help="tệp gói số liệu .xlsx")
    p.add_argument("--replace-newer", action="store_true",
                   help="nhận cả gói cũ hơn gói đang giữ của cùng cơ quan (thay gói mới hơn)")

    p = add("tracking", cmd_tracking, "theo dõi các xã đã gửi, chưa gửi số liệu cho một ngày hoặc kỳ báo cáo")
    p.add_argument("--date", type=as_of_arg, required=True, help="ngày số liệu hoặc một ngày trong kỳ")
    p.add_argument("--period", choices=["thang", "quy", "6thang", "nam"],
                   help="kỳ báo cáo theo NĐ 09/2019 Điều 12 (mặc định: đúng ngày --date)")
    p.add_argument("--out", help="ghi danh sách ra tệp .xlsx")
