"""Qt's own dialogs (file, print, page set-up) ask for no text our qtbase_vi leaves English.

A spying translator, installed in front of ours, records every (context, text) Qt looks up
while each dialog is shown; each must have a Vietnamese translation in qtbase_vi.qm.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog

# looked up by Qt but not words: a layout switch, a key name, typographic units
NOT_WORDS = {"QT_LAYOUT_DIRECTION", "Ctrl", "mm"}


class _Spy(QTranslator):
    def __init__(self, ours: QTranslator, parent):
        super().__init__(parent)
        self.ours, self.missing = ours, set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102
        if source and re.search(r"[A-Za-z]{2,}", source) and source not in NOT_WORDS \
                and not self.ours.translate(context, source, disambiguation, n):
            self.missing.add((context, source))
        return ""

    def isEmpty(self):  # noqa: N802, D102
        return False


@pytest.fixture
def spy(qapp):
    from motcua_desktop.ui.i18n import install_translations

    ours = install_translations(qapp)
    assert ours is not None
    spy = _Spy(ours, qapp)
    QApplication.installTranslator(spy)
    yield spy
    QApplication.removeTranslator(spy)


def _show(dialog, qapp) -> None:
    dialog.show()
    qapp.processEvents()
    dialog.reject()


def test_file_dialogs_are_all_vietnamese(spy, qapp, tmp_path):
    (tmp_path / "du-lieu.sqlite").write_bytes(b"")
    (tmp_path / "bao-cao.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "thu-muc").mkdir()
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "Mở", str(tmp_path), "Tệp dữ liệu (*.sqlite);;Tất cả các tệp (*)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        _show(dialog, qapp)
    assert not spy.missing, sorted(spy.missing)


def test_print_and_page_setup_dialogs_are_all_vietnamese(spy, qapp):
    printer = QPrinter()
    _show(QPrintDialog(printer), qapp)
    _show(QPageSetupDialog(printer), qapp)
    assert not spy.missing, sorted(spy.missing)
