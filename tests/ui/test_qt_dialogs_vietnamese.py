"""Qt's own dialogs (file, print, page set-up) ask for no text our qtbase_vi leaves English.

A spying translator, installed in front of ours, records every (context, text) Qt looks up
while each dialog is shown; each must have a Vietnamese translation in qtbase_vi.qm.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSizeF, QTranslator
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QFileDialog

# looked up by Qt but not words: a layout switch, a key name, typographic units
NOT_WORDS = {"QT_LAYOUT_DIRECTION", "Ctrl", "mm"}
# key names stay as printed on the keycaps (Alt, Del, Enter), as Vietnamese Windows shows them
KEYCAPS = "QShortcut"


class _Spy(QTranslator):
    def __init__(self, ours: QTranslator, parent):
        super().__init__(parent)
        self.ours, self.missing = ours, set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102
        if source and re.search(r"[A-Za-z]{2,}", source) and source not in NOT_WORDS \
                and context != KEYCAPS \
                and not self.ours.translate(context, source, disambiguation, n):
            self.missing.add((context, source))
        return None  # a null string: "not mine", so Qt asks the next translator (ours)

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
    assert not spy.missing, "\n".join(map(str, sorted(spy.missing)))


def test_print_dialog_is_all_vietnamese(spy, qapp):
    printer = QPrinter()  # kept alive: the dialog holds a pointer to it
    _show(QPrintDialog(printer), qapp)
    assert not spy.missing, "\n".join(map(str, sorted(spy.missing)))


def test_page_setup_dialog_is_all_vietnamese(spy, qapp):
    if not QPrinterInfo.availablePrinterNames():
        pytest.skip("no printer installed: Qt's page set-up dialog needs one (.ci/run adds cups-pdf)")
    printer = QPrinter()
    _show(QPageSetupDialog(printer), qapp)
    assert not spy.missing, "\n".join(map(str, sorted(spy.missing)))


def test_every_paper_size_name_is_vietnamese(spy):
    """Without a printer the dialogs list every paper size Qt knows, by these names."""
    for size in QPageSize.PageSizeId:
        QPageSize.name(size)
    for unit in QPageSize.Unit:  # a size of the user's own, in each unit
        QPageSize(QSizeF(8.5, 11.5), unit).name()
    assert not spy.missing, "\n".join(map(str, sorted(spy.missing)))
