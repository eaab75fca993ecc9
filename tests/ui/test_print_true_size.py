"""The window's print path lands the report on the paper exactly where the report's PDF has
it: A4, no driver margin, 1:1. Qt's PDF output stands in for the printer; its defaults are set
as a Windows printer hands them over (Letter, margins, not full page)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF, QSize
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

DPI = 50  # 1 px = 0.5 mm
_DARK = re.compile(rb"[\x00-\x7f]")


def _page(path: Path, index: int) -> tuple[tuple[float, float], tuple[int, int, int, int]]:
    """(page size in points, box of the ink in pixels at DPI: left, top, right, bottom)."""
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    size = doc.pagePointSize(index)
    image = doc.render(index, QSize(round(size.width() / 72 * DPI), round(size.height() / 72 * DPI)))
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data, stride, w = bytes(gray.constBits()), gray.bytesPerLine(), gray.width()
    rows = [data[y * stride : y * stride + w] for y in range(gray.height())]
    inked = [y for y, row in enumerate(rows) if _DARK.search(row)]
    lefts = [m.start() for row in rows if (m := _DARK.search(row))]
    rights = [w - 1 - m.start() for row in rows if (m := _DARK.search(row[::-1]))]
    doc.close()
    return (round(size.width(), 1), round(size.height(), 1)), (min(lefts), inked[0], max(rights), inked[-1])


@pytest.fixture
def tab(qtbot, sample_registry):
    from motcua_desktop.ui.report_tab import ReportTab

    widget = ReportTab(sample_registry)
    qtbot.addWidget(widget)
    return widget


def test_printing_from_the_window_puts_every_page_where_the_reports_pdf_has_it(tab, tmp_path, monkeypatch, pdf_print_dialog):
    from motcua_desktop.ui import report_tab

    def windows_defaults(printer: QPrinter) -> None:  # a printer whose driver says Letter, margins
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        printer.setFullPage(False)
        printer.setPageMargins(QMarginsF(6.35, 6.35, 6.35, 6.35), QPageLayout.Unit.Millimeter)

    out = tmp_path / "may-in.pdf"
    monkeypatch.setattr(report_tab, "QPrintDialog", pdf_print_dialog(out, windows_defaults))
    pages = tab.print_report()
    assert pages == 5
    for index in (0, 4):  # the first page and the appendix
        printed, reference = _page(out, index), _page(tab.last_pdf, index)
        for size in (printed[0], reference[0]):  # A4: 595.3 x 841.9 points (Qt rounds to whole ones)
            assert abs(size[0] - 595.3) < 0.5 and abs(size[1] - 841.9) < 0.5, size
        # the ink sits in the same place to within 1 px (0.5 mm) on every side
        assert all(abs(a - b) <= 1 for a, b in zip(printed[1], reference[1], strict=True)), (printed, reference)


def test_the_command_line_and_the_window_share_one_print_function():
    """One function sets A4, full page and 1:1; both paths call it."""
    root = Path(__file__).resolve().parents[2] / "motcua_desktop"
    window = (root / "ui" / "report_tab.py").read_text(encoding="utf-8")
    printing = (root / "ui" / "printing.py").read_text(encoding="utf-8")
    assert "print_pdf(" in window and "setFullPage" not in window
    assert printing.count("setFullPage(True)") == 1 and "set_true_size(printer)" in printing
