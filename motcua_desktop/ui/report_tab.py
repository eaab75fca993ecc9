"""The Báo cáo tab: saved reports, the editor, a live PDF preview, print and save as files.

Self-contained: it needs only the registry; the window adds it and shows its actions
(``actionPreviewReport``, ``actionPrintReport``) on the toolbar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTemporaryDir, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import format_date
from ..domain.validation import ValidationError
from ..errors import KnownProblem
from ..report.content import ReportContent, number_text
from ..report.fonts import FontError
from ..report.render import render
from ..report.service import content_for, new_report
from ..store.reports import SavedReport, clean_report
from .printing import print_pdf
from .report_editor import ReportEditor
from .report_preview import ReportPreview

PREVIEW_DELAY_MS = 700  # after the last keystroke; a render takes a few tenths of a second


class ReportTab(QWidget):
    def __init__(self, registry, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportTab")
        self.registry = registry
        self._dirty = False
        self._temp = QTemporaryDir()
        self._preview_serial = 0
        self.last_pdf: Path | None = None

        self.list = QListWidget(self, objectName="reportList")
        self.list.currentItemChanged.connect(self._list_selection)
        self.editor = ReportEditor(self)
        self.editor.changed.connect(self._edited)
        self.preview = ReportPreview(self)
        self.status = QLabel(self, objectName="reportStatus")
        self.status.setWordWrap(True)

        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._make_actions()

        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.action_new, self.action_save, self.action_delete, None, self.action_preview,
                       self.action_print, None, self.action_pdf, self.action_docx, self.action_xlsx):
            bar.addSeparator() if action is None else bar.addAction(action)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Báo cáo đã lưu:"), left))
        left_layout.addWidget(self.list, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 3)
        split.setSizes([220, 640, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.reload_list()
        latest = self.registry.reports.latest()
        self.load_report(latest or new_report(self.registry))

    # actions ------------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.action_new = self._action("actionNewReport", self.tr("Báo cáo mới"), self.new_report)
        self.action_save = self._action("actionSaveReport", self.tr("Lưu báo cáo"), self.save,
                                        QKeySequence.StandardKey.Save)
        self.action_delete = self._action("actionDeleteReport", self.tr("Xóa báo cáo"), self.delete)
        self.action_preview = self._action("actionPreviewReport", self.tr("Xem trước báo cáo"),
                                           self.refresh_preview, QKeySequence(Qt.Key.Key_F5))
        self.action_print = self._action("actionPrintReport", self.tr("In báo cáo…"), self.print_report,
                                         QKeySequence.StandardKey.Print)
        self.action_pdf = self._action("actionSaveReportPdf", self.tr("Lưu thành PDF…"),
                                       lambda: self.save_as("pdf"))
        self.action_docx = self._action("actionSaveReportDocx", self.tr("Lưu thành Word…"),
                                        lambda: self.save_as("docx"))
        self.action_xlsx = self._action("actionSaveReportXlsx", self.tr("Lưu thành Excel…"),
                                        lambda: self.save_as("xlsx"))

    # list and loading ---------------------------------------------------------------------------
    def _label(self, report: SavedReport) -> str:
        abbreviation = self.registry.settings.get().doc_abbreviation
        number = number_text(report.number).strip() or "…"
        return f"{format_date(report.report_date)} — {number}/{abbreviation}\n{report.title}"

    def reload_list(self, select_id: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for report in self.registry.reports.list():
            item = QListWidgetItem(self._label(report), self.list)
            item.setData(Qt.ItemDataRole.UserRole, report.id)
            if report.id == select_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _select(self, report_id: int | None) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == report_id:
                self.list.setCurrentRow(i)
        self.list.blockSignals(False)

    def load_report(self, report: SavedReport) -> None:
        self.editor.set_report(report)
        self._dirty = False
        self._select(report.id)
        self.refresh_preview()

    def _list_selection(self, current: QListWidgetItem | None, previous) -> None:
        if current is None:
            return
        if not self._may_leave():
            self._select(self.editor.report().id)
            return
        self.load_report(self.registry.reports.get(current.data(Qt.ItemDataRole.UserRole)))

    def _may_leave(self) -> bool:
        """Unsaved edits: save, drop or stay."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Báo cáo chưa lưu"), self.tr("Báo cáo đang sửa chưa được lưu. Lưu lại trước khi chuyển?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _edited(self) -> None:
        self._dirty = True
        self._timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # figures may have changed in the other tabs since the last preview
        super().showEvent(event)
        self._timer.start()

    # commands -----------------------------------------------------------------------------------
    def new_report(self) -> None:
        if self._may_leave():
            self.load_report(new_report(self.registry, date.today()))
            self._dirty = True
            self.status.setText(self.tr("Báo cáo mới (chưa lưu), chép từ báo cáo gần nhất."))

    def save(self) -> bool:
        try:
            saved = self.registry.reports.save(self.editor.report())
        except (ValidationError, KnownProblem) as exc:
            self._warn(self.tr("Chưa lưu được báo cáo"), str(exc))
            return False
        self.editor.set_report(saved)
        self._dirty = False
        self.reload_list(saved.id)
        self.status.setText(self.tr("Đã lưu báo cáo."))
        return True

    def delete(self) -> None:
        report = self.editor.report()
        if report.id is None:
            return
        answer = QMessageBox.question(self, self.tr("Xóa báo cáo"),
                                      self.tr("Xóa báo cáo \"%1\"?").replace("%1", report.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.registry.reports.delete(report.id)
        self.reload_list()
        latest = self.registry.reports.latest()
        self._dirty = False
        self.load_report(latest or new_report(self.registry))

    def _content(self) -> ReportContent | None:
        try:
            report = clean_report(self.editor.report())
            return content_for(self.registry, report)
        except (ValidationError, KnownProblem) as exc:
            self.status.setText(str(exc))
            return None

    def reload(self) -> None:
        """The register changed (an edit, an import, a restore): the figures may have too."""
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Render what the editor shows now and display it."""
        self._timer.stop()
        content = self._content()
        if content is None:
            return
        self._preview_serial += 1
        # two files in turn: the viewer may still hold the previous one open (Windows)
        path = Path(self._temp.path()) / f"xem-truoc-{self._preview_serial % 2}.pdf"
        self.preview.document.close()
        render(content, path, "pdf")
        self.last_pdf = path
        pages = self.preview.show_pdf(path, self.tr("Số liệu %1").replace("%1", content.as_of_text))
        self.status.setText(self.tr("Xem trước: %1 trang.").replace("%1", str(pages)))

    def print_report(self) -> int:
        """The system's print dialog, then every page at true size on A4; returns pages sent."""
        self.refresh_preview()
        if self.last_pdf is None:
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In báo cáo"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        try:
            pages = print_pdf(self.last_pdf, printer, self.editor.report().title)
        except ValidationError as exc:
            self._warn(self.tr("Không in được"), str(exc))
            return 0
        self.status.setText(self.tr("Đã gửi %1 trang đến máy in.").replace("%1", str(pages)))
        return pages

    def save_as(self, fmt: str) -> Path | None:
        filters = {"pdf": self.tr("Tệp PDF (*.pdf)"), "docx": self.tr("Tệp Word (*.docx)"),
                   "xlsx": self.tr("Tệp Excel (*.xlsx)")}
        report = self.editor.report()
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"Bao-cao-{report.report_date.isoformat()}.{fmt}")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu báo cáo thành tệp"), suggested, filters[fmt])
        if not name:
            return None
        out = Path(name)
        if out.suffix.lower() != f".{fmt}":
            out = out.with_name(out.name + f".{fmt}")
        content = self._content()
        if content is None:
            return None
        try:
            render(content, out, fmt)
        except OSError as exc:
            self._warn(self.tr("Không ghi được tệp"), f"{out}: {exc.strerror or exc}")
            return None
        except FontError as exc:
            self._warn(self.tr("Không lập được báo cáo"), str(exc))
            return None
        self.status.setText(self.tr("Đã lưu %1").replace("%1", str(out)))
        return out

    def _warn(self, title: str, message: str) -> None:
        self.status.setText(message)
        QMessageBox.warning(self, title, message)
