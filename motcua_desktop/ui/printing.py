"""Printing a finished report PDF through Qt (on Linux: CUPS), each page at its true size.

The PDF is the one document: the printer gets its pages drawn edge to edge on the paper, so
the margins of Nghị định 30 are the PDF's, not the printer driver's.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from ..domain.fields import OutputField
from ..domain.validation import FieldError, ValidationError

RENDER_DPI = 300  # enough for text on paper; 1200 dpi pages would take 0.5 GB each


def printer_names() -> list[str]:
    return [str(n) for n in QPrinterInfo.availablePrinterNames()]


def make_printer(name: str | None = None) -> QPrinter:
    """A printer set up for A4 full-page output; a name that does not exist is refused."""
    if name:
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            known = ", ".join(printer_names()) or "không có máy in nào"
            raise ValidationError([FieldError(OutputField.PRINTER, f"không có máy in tên '{name}' (các máy in hiện có: {known})")])
    else:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            if not printer_names():
                raise ValidationError([FieldError(OutputField.PRINTER, "máy tính này chưa cài máy in nào")])
            info = QPrinterInfo.printerInfo(printer_names()[0])
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def set_true_size(printer: QPrinter) -> None:
    """A4, the whole sheet (no driver margins added to the PDF's own), 1:1 scale.

    Called by :func:`print_pdf` on every printer, whether it came from the window's print
    dialog (which hands over the driver's defaults: often Letter with margins on Windows) or
    from the command line: the margins of Nghị định 30 are the PDF's, not the printer's."""
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def print_pdf(pdf_path: str | Path, printer: QPrinter, title: str = "Báo cáo") -> int:
    """Send every page of ``pdf_path`` to ``printer`` at true size on A4; returns the number
    of pages printed. The one print path of the window and the command line."""
    _app()
    set_true_size(printer)
    document = QPdfDocument()
    status = document.load(str(pdf_path))
    if status != QPdfDocument.Error.None_ or document.pageCount() == 0:
        raise ValidationError([FieldError(OutputField.PDF, f"không đọc được {pdf_path}")])
    printer.setDocName(title)
    painter = QPainter()
    pages = document.pageCount()
    for index in range(pages):
        size = document.pagePointSize(index)
        landscape = size.width() > size.height()
        orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        printer.setPageOrientation(orientation)
        if index == 0:
            if not painter.begin(printer):
                raise ValidationError([FieldError(OutputField.PRINTER, f"không mở được máy in '{printer.printerName()}'")])
        elif not printer.newPage():
            painter.end()
            raise ValidationError([FieldError(OutputField.PRINTER, "máy in từ chối trang tiếp theo")])
        # the page fills the paper at the device's resolution; the picture of it is drawn at
        # no more than RENDER_DPI whatever the printer reports (1200 dpi is common)
        device_dpi = printer.resolution()
        render_dpi = min(device_dpi, RENDER_DPI)
        pixels = QSize(round(size.width() / 72 * render_dpi), round(size.height() / 72 * render_dpi))
        image = document.render(index, pixels)
        target = QRectF(0, 0, size.width() / 72 * device_dpi, size.height() / 72 * device_dpi)
        painter.drawImage(target, image)
    painter.end()
    document.close()
    return pages


def print_pdf_file(pdf_path: str | Path, printer_name: str | None = None) -> int:
    """The command line's ``--print [--printer NAME]``."""
    _app()
    return print_pdf(pdf_path, make_printer(printer_name), Path(pdf_path).stem)
