"""UI fixtures: the main window on a copy of the sample data, modal boxes answered by the test."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

SAMPLE_DAY = date(2024, 4, 19)

# The offscreen platform plugin cannot pass a shown window's size limits to a window system
# and says so as a warning; that is the test platform talking, not the app. Every other
# Qt warning still fails a test.
_OFFSCREEN_NOTICE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOTICE))


@pytest.fixture
def window(qtbot, sample_db_path):
    """The main window on the sample register, its clock fixed on the seed report's date."""
    from motcua_desktop.ui import build_main_window

    win = build_main_window(sample_db_path, clock=lambda: SAMPLE_DAY)
    qtbot.addWidget(win)
    yield win
    win.close()


class Answers:
    """Stands in for QMessageBox's static dialogs and records what the user was told."""

    def __init__(self, monkeypatch, answer=QMessageBox.StandardButton.Yes):
        self.asked: list[str] = []
        self.warned: list[str] = []
        self.answer = answer
        monkeypatch.setattr(QMessageBox, "question", self._question)
        monkeypatch.setattr(QMessageBox, "warning", self._warning)

    def _question(self, _parent, _title, text, *args, **kwargs):
        self.asked.append(text)
        return self.answer

    def _warning(self, _parent, _title, text, *args, **kwargs):
        self.warned.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def answers(monkeypatch):
    return Answers(monkeypatch)


@pytest.fixture
def pdf_print_dialog():
    """``pdf_print_dialog(out, prepare=None)``: a QPrintDialog stand-in class (below)."""
    return _pdf_print_dialog


def _pdf_print_dialog(out, prepare=None):
    """A stand-in for QPrintDialog: the user clicks "In" with Qt's PDF output as the printer,
    writing to ``out``; ``prepare(printer)`` can set the driver's defaults first."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    class PdfPrintDialog:
        def __init__(self, printer: QPrinter, parent=None):
            self.printer = printer

        def setWindowTitle(self, title):  # noqa: N802 - Qt's name
            pass

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(out))
            if prepare is not None:
                prepare(self.printer)
            return QDialog.DialogCode.Accepted

    return PdfPrintDialog
