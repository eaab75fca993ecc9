"""``motcua report``: which report, which figures, which format, file or printer."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..domain.fields import OutputField
from ..domain.text import format_date
from ..domain.validation import FieldError, ValidationError
from ..store.errors import NotFoundError, StoreError
from ..store.registry import Registry
from ..store.reports import APPENDIX_STAFF, apply_template
from .render import format_of, render
from .service import choose_report, content_for

# (pdf file, printer name or None) -> pages sent; given by the command line, which may start Qt.
PrintFunction = Callable[[Path, str | None], int]


def run_report_command(registry: Registry, args: argparse.Namespace, send_to_printer: PrintFunction | None = None) -> int:
    to_printer = bool(getattr(args, "print", False))
    out: str | None = getattr(args, "out", None)
    if to_printer:
        fmt = "pdf"
    elif out:
        fmt = format_of(Path(out), getattr(args, "format", None))
    else:
        raise ValidationError([FieldError(OutputField.OUT, "chưa cho tệp kết quả (hoặc dùng --print để in)")])
    if to_printer and getattr(args, "format", None) not in (None, "pdf"):
        raise ValidationError([FieldError(OutputField.FORMAT, "khi in chỉ dùng được định dạng pdf")])
    try:
        report = choose_report(registry, getattr(args, "report", None))
    except NotFoundError as exc:
        raise ValidationError([FieldError(OutputField.REPORT, str(exc))]) from None
    template = getattr(args, "template", None)
    if template:
        try:
            report = apply_template(report, registry.templates.get(template))
        except NotFoundError:
            keys = ", ".join(t.key for t in registry.templates.all())
            raise ValidationError([FieldError(OutputField.TEMPLATE, f"không có mẫu '{template}' (có: {keys})")]) from None
    if fmt == "xlsx" and APPENDIX_STAFF not in report.appendices:
        # the workbook is the staff appendix first of all, whatever the document includes
        report = dataclasses.replace(report, appendices=(APPENDIX_STAFF, *report.appendices))
    content = content_for(registry, report, getattr(args, "as_of", None))
    as_of = getattr(args, "as_of", None) or report.figures_date
    if content.missing:  # the window asks; the command line says it and goes on
        print(f"motcua: lưu ý: báo cáo còn thiếu {', '.join(content.missing)}", file=sys.stderr)

    if to_printer:
        if send_to_printer is None:
            raise ValidationError([FieldError(OutputField.PRINT, "không in được từ chỗ này")])
        with tempfile.TemporaryDirectory(prefix="motcua-in-") as folder:
            pdf = render(content, Path(folder) / "bao-cao.pdf", "pdf")
            pages = send_to_printer(pdf, getattr(args, "printer", None))
        where = args.printer or "máy in mặc định"
        print(f"Đã gửi {pages} trang báo cáo đến {where} (số liệu ngày {format_date(as_of)}).")
        return 0

    assert out, "checked on entry: without --print there is a file"
    target = Path(out)
    if target.parent and not target.parent.exists():
        raise ValidationError([FieldError(OutputField.OUT, f"không có thư mục {target.parent}")])
    try:
        render(content, target, fmt)
    except PermissionError:
        raise StoreError(f"Không ghi được {target}: tệp đang mở ở chương trình khác hoặc không có quyền ghi.") from None
    except OSError as exc:
        raise StoreError(f"Không ghi được {target}: {exc.strerror or exc}") from None
    print(f"Đã ghi {target} (số liệu ngày {format_date(as_of)}).", file=sys.stdout)
    return 0
