"""``motcua submit``: an office's data package for a date.

The package is the export workbook holding that date's figures (the assignments active on the
day), read back by the import reader to compute its check code, plus the sheet ``Thông tin gói``.
The file appears whole or not at all.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import Font

from ... import __version__
from ..errors import InputRejected, StoreError
from ..files import written_whole
from ..outputs import check_output_path
from ..registry import Registry
from ..transfer.exporter import build_workbook, discard_workbook
from ..transfer.reading import read_file
from .info import INFO_SHEET, PackageInfo, check_code

NO_CODE = ("sổ này chưa có mã cơ quan (mã đơn vị hành chính), không lập được gói số liệu; "
           "đặt mã bằng Danh mục › Thiết lập cơ quan từ danh mục đơn vị hành chính… "
           "hoặc tạo sổ bằng: motcua init --office MÃ")


def submit_package(registry: Registry, out: str | Path, as_of: date | None = None,
                   now: datetime | None = None) -> PackageInfo:
    """Write the package of ``registry`` for ``as_of`` (today) to ``out`` (.xlsx)."""
    settings = registry.settings.get()
    if not settings.office_code:
        raise InputRejected(NO_CODE)
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise InputRejected(f"gói số liệu phải có đuôi .xlsx: {out.name}")
    check_output_path(out, registry.path)
    day = as_of or date.today()
    try:
        with written_whole(out, ".xlsx") as tmp:
            wb = build_workbook(registry, day)
            try:
                wb.save(tmp)
            except BaseException:
                discard_workbook(wb)
                raise
            problems: list[str] = []
            sheets = read_file(Path(tmp), problems)  # the code is over what a receiver reads
            if problems:  # the exporter's own file: a bug, not bad input
                raise StoreError("; ".join(problems))
            info = PackageInfo(
                office_code=settings.office_code,
                office_name=settings.issuing_body_short or " ".join(settings.issuing_body),
                data_date=day, made_at=(now or datetime.now()).replace(microsecond=0),
                app_version=__version__, check_code=check_code(sheets), package_id=uuid.uuid4().hex,
            )
            book = load_workbook(tmp)
            sheet = book.create_sheet(INFO_SHEET, 0)
            for label, value in info.rows():
                sheet.append([label, value])
            for cell in sheet["A"]:
                cell.font = Font(bold=True)
            sheet.column_dimensions["A"].width = 16
            sheet.column_dimensions["B"].width = 70
            book.save(tmp)
    except OSError as exc:
        raise StoreError(f"Không ghi được {out}: {exc.strerror or exc}") from None
    if not registry.read_only:  # the report of that date prints the package's check code
        with registry.transaction():
            registry.db.conn.execute(
                "INSERT INTO sent_packages (package_id, data_date, made_at, check_code, file_name) "
                "VALUES (?, ?, ?, ?, ?)",
                [info.package_id, day.isoformat(), info.made_at.isoformat(), info.check_code, out.name])
    return info


def sent_check_code(registry: Registry, day: date) -> str:
    """The check code of the last package this register made for ``day`` ("" if none)."""
    row = registry.db.conn.execute(
        "SELECT check_code FROM sent_packages WHERE data_date = ? ORDER BY id DESC LIMIT 1", [day.isoformat()]
    ).fetchone()
    return str(row[0]) if row else ""

