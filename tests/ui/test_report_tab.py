"""The Báo cáo tab: saved reports, editor with insertable figures, live preview, print, save as."""

from __future__ import annotations

from datetime import date

import openpyxl
import pdfplumber
import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton


@pytest.fixture
def tab(qtbot, sample_registry):
    from motcua_desktop.ui.report_tab import ReportTab

    widget = ReportTab(sample_registry)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    return widget


def test_opens_on_the_saved_seed_report_with_a_preview_of_every_page(tab, qtbot):
    assert tab.preview.page_count() == 0  # nothing rendered before the tab is shown
    tab.show()
    qtbot.waitUntil(lambda: tab.preview.page_count() == 5, timeout=5000)
    assert tab.list.count() == 1
    assert "19/04/2024" in tab.list.item(0).text()
    assert tab.editor.title.text() == "Tình hình tổ chức Bộ phận Một cửa cấp huyện, cấp xã trên địa bàn huyện Chi Lăng"
    assert tab.editor.number.text() == ""
    assert tab.preview.page_count() == 5
    assert tab.preview.pages.text() == "5 trang"


def test_the_actions_the_window_shows_exist_by_name(tab):
    for name in ("actionPreviewReport", "actionPrintReport", "actionSaveReportPdf",
                 "actionSaveReportDocx", "actionSaveReportXlsx", "actionNewReport", "actionSaveReport"):
        assert isinstance(tab.findChild(QAction, name), QAction), name


def test_inserting_a_field_puts_its_name_at_the_cursor_and_the_preview_shows_its_value(tab, qtbot):
    body = tab.editor.body
    body.setPlainText("Diện tích trụ sở: ")
    cursor = body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    body.setTextCursor(cursor)
    item = next(tab.editor.fields.item(i) for i in range(tab.editor.fields.count())
                if tab.editor.fields.item(i).data(Qt.ItemDataRole.UserRole) == "{dien_tich_huyen}")
    tab.editor.fields.setCurrentItem(item)
    qtbot.mouseClick(tab.editor.findChild(QPushButton, "reportInsertField"), Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "Diện tích trụ sở: {dien_tich_huyen}"
    tab.findChild(QAction, "actionPreviewReport").trigger()
    with pdfplumber.open(tab.last_pdf) as doc:
        assert "Diện tích trụ sở: 225,78 m²./." in doc.pages[0].extract_text()


def test_edits_update_the_preview_after_a_pause(tab, qtbot):
    tab.editor.title.setText("Báo cáo thử nghiệm xem trước")
    tab.editor.title.textEdited.emit("Báo cáo thử nghiệm xem trước")
    qtbot.waitUntil(lambda: tab.last_pdf is not None and "thử nghiệm xem trước" in _first_page(tab), timeout=5000)


def _first_page(tab) -> str:
    with pdfplumber.open(tab.last_pdf) as doc:
        return doc.pages[0].extract_text()


def test_save_stores_the_edits_and_new_report_copies_the_last_with_todays_date(tab, sample_registry):
    tab.editor.number.setText("45")
    tab.editor.number.textEdited.emit("45")
    assert tab.save()
    assert sample_registry.reports.latest().number == "45"
    assert "45/BC-UBND" in tab.list.item(0).text()
    tab.findChild(QAction, "actionNewReport").trigger()
    draft = tab.editor.report()
    assert draft.id is None and draft.number == "" and draft.report_date == date.today()
    assert draft.body == sample_registry.reports.latest().body
    assert tab.save()
    assert tab.list.count() == 2


def test_a_report_without_title_is_not_saved_and_the_reason_is_shown(tab, sample_registry, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    tab.editor.title.setText("")
    assert not tab.save()
    assert shown and "Trích yếu: không được để trống" in shown[0]
    assert sample_registry.reports.latest().title != ""


@pytest.mark.parametrize("fmt", ["pdf", "docx", "xlsx"])
def test_save_as_writes_the_file_with_the_seeds_figures(tab, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"bao-cao.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert tab.findChild(QAction, {"pdf": "actionSaveReportPdf", "docx": "actionSaveReportDocx",
                                   "xlsx": "actionSaveReportXlsx"}[fmt]) is not None
    out = tab.save_as(fmt)
    assert out == target and target.exists()
    if fmt == "pdf":
        with pdfplumber.open(target) as doc:
            assert "Tổng cộng 119 112 7" in doc.pages[-1].extract_text()
    elif fmt == "docx":
        assert any(row.cells[1].text == "Tổng cộng" and row.cells[2].text == "119"
                   for row in Document(target).tables[2].rows)
    else:
        values = [[c.value for c in r] for r in openpyxl.load_workbook(target).worksheets[0].iter_rows()]
        assert [v if v is not None else "" for v in values[29][:5]] == ["", "Tổng cộng", 119, 112, 7]


def test_print_goes_through_the_print_dialog_and_prints_every_page_at_a4(tab, tmp_path, monkeypatch, pdf_print_dialog):
    from motcua_desktop.ui import report_tab

    out = tmp_path / "may-in.pdf"
    monkeypatch.setattr(report_tab, "QPrintDialog", pdf_print_dialog(out))
    assert tab.print_report() == 5
    with pdfplumber.open(out) as doc:
        assert len(doc.pages) == 5
        assert all(round(p.width) == 595 and round(p.height) == 842 for p in doc.pages)


def test_cancelled_print_dialog_prints_nothing(tab, monkeypatch):
    from motcua_desktop.ui import report_tab

    class CancellingDialog:
        def __init__(self, printer, parent=None):
            pass

        def setWindowTitle(self, title):  # noqa: N802
            pass

        def exec(self):
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(report_tab, "QPrintDialog", CancellingDialog)
    assert tab.print_report() == 0


def test_zoom_buttons_change_the_preview_zoom(tab):
    before = tab.preview.view.zoomFactor()
    tab.preview.zoom_in()
    assert tab.preview.view.zoomFactor() > before
    tab.preview.fit_width()
    assert tab.preview.view.zoomMode() == tab.preview.view.ZoomMode.FitToWidth


def test_save_as_never_writes_over_a_register_or_backup(tab, sample_db_path, tmp_path, monkeypatch):
    """A data file or backup (any SQLite file) is never replaced by a report."""
    target = tmp_path / "bao-cao.pdf"
    target.write_bytes(sample_db_path.read_bytes())  # a backup saved under a report's name
    before = target.read_bytes()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert tab.save_as("pdf") is None
    assert target.read_bytes() == before
    assert len(shown) == 1 and "là một tệp dữ liệu hoặc bản sao lưu" in shown[0]
