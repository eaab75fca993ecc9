"""The Báo cáo tab: saved reports, the editor, a live PDF preview, print and save as files.

Self-contained: it needs only the registry; the window adds it, gives it its undoable
operations (saving and deleting a report are steps of the window's undo history) and shows its
actions (``actionPreviewReport``, ``actionPrintReport``) on the toolbar.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTemporaryDir, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
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
from ..store.errors import InputRejected
from ..store.outputs import check_output_path
from ..store.registry import Registry
from ..store.report_draft import discard_draft, save_draft
from ..store.reports import SavedReport, clean_report
from .commands import ChangeBus
from .missing_prompt import confirm_missing
from .operations import Operations
from .printing import print_pdf
from .read_only import take_away
from .report_editor import ReportEditor
from .report_files import ask_output_file
from .report_preview import ReportPreview
from .settings import UiSettings
from .template_picker import TemplatePicker

PREVIEW_DELAY_MS = 700  # after the last keystroke; a render takes a few tenths of a second
FIRST_PREVIEW_MS = 100  # after the tab is first shown: the window paints before any render
DRAFT_DELAY_MS = 400  # an unsaved edit is on disk this long after the last keystroke


class ReportTab(QWidget):
    def __init__(self, registry: Registry, parent: QWidget | None = None, settings: UiSettings | None = None,
                 ops: Operations | None = None, clock: Callable[[], date] = date.today):
        super().__init__(parent)
        self.setObjectName("reportTab")
        self.registry, self.settings, self.clock = registry, settings, clock
        if ops is None:  # on its own (no window): an undo history of its own
            ops = Operations(registry, QUndoStack(self), ChangeBus(self))
            ops.bus.changed.connect(lambda _areas: self.reload())
        self.ops = ops
        self._dirty = False
        self._temp = QTemporaryDir()
        self._preview_serial = 0
        self._last_pdf: Path | None = None
        self._stale = True  # the preview does not show the editor's report yet
        self.read_only = False
        self.register_path = registry.path

        self.list = QListWidget(self, objectName="reportList")
        self.list.currentItemChanged.connect(self._list_selection)
        self.editor = ReportEditor(self)
        self.editor.changed.connect(self._edited)
        self.templates = TemplatePicker(ops, self.editor.report, self)
        self.templates.switched.connect(self._switch_template)
        self.preview = ReportPreview(self)
        self.status = QLabel(self, objectName="reportStatus")
        self.status.setWordWrap(True)

        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        self._make_actions()

        bar = QToolBar(self)  # too narrow for every button: the rest behind its » button
        bar.setObjectName("reportToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.action_new, self.action_save, self.action_delete, None, self.action_preview,
                       self.action_print, None, self.action_pdf, self.action_docx, self.action_xlsx):
            bar.addSeparator() if action is None else bar.addAction(action)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Báo cáo đã lưu:"), left))
        left_layout.addWidget(self.list, 1)
        self.list.setMinimumWidth(120)
        self.list.setWordWrap(True)  # date, number and title read whole in a narrow pane
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        # Saved list | editor | preview: the user drags the handles (or collapses the list or
        # the preview) to give the editor most of the width.
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("reportSplit")
        split.addWidget(left)
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.templates)
        middle_layout.addWidget(self.editor, 1)
        split.addWidget(middle)
        split.addWidget(self.preview)
        split.setCollapsible(1, False)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([170, 560, 420])
        self.split = split
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self.reload_list()
        latest = self.registry.reports.latest()
        self.load_report(latest or new_report(self.registry, self.clock()))

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
        self.action_preview = self._action("actionPreviewReport", self.tr("Cập nhật xem trước"),
                                           self.show_preview, QKeySequence(Qt.Key.Key_F5))
        self.action_preview.setToolTip(self.tr(
            "Bản xem trước tự cập nhật khi sửa; F5 cập nhật ngay và hiện lại khung xem trước."))
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
        self.editor.set_organisation(self.registry.settings.get())
        self.editor.set_report(report)
        self.templates.show_for(report)
        self._dirty = False
        self._select(report.id)
        self._stale = True
        if self.isVisible():
            self.refresh_preview()
        # not shown yet (built while the window opens): rendered once it is, see showEvent

    def _list_selection(self, current: QListWidgetItem | None, previous) -> None:
        if current is None:
            return
        if not self._may_leave():
            self._select(self.editor.report().id)
            return
        self.load_report(self.registry.reports.get(current.data(Qt.ItemDataRole.UserRole)))

    @property
    def dirty(self) -> bool:
        """The editor holds edits not saved into the register."""
        return self._dirty

    def _may_leave(self) -> bool:
        return self.may_leave(self.tr("Lưu lại trước khi chuyển?"))

    def may_leave(self, question: str = "") -> bool:
        """Unsaved edits: Lưu (save, stay if that fails), Không lưu (drop them and their
        draft) or Hủy (stay). True when the caller may go on; always in a read-only window,
        which cannot save (a draft shown there stays on disk for a window that can)."""
        if not self._dirty or self.read_only:
            return True
        answer = QMessageBox.question(
            self, self.tr("Báo cáo chưa lưu"),
            self.tr("Báo cáo \"%1\" đang sửa chưa được lưu.").replace("%1", self.editor.title.text())
            + " " + (question or self.tr("Lưu lại trước khi tiếp tục?")),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            self._draft_timer.stop()
            self._forget_draft()
            return True
        return False

    def _edited(self) -> None:
        self._dirty = True
        self._stale = True
        self._timer.start(PREVIEW_DELAY_MS)
        self._draft_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # figures may have changed in the other tabs since the last preview
        super().showEvent(event)
        if self._stale and self._last_pdf is None:
            self._timer.start(FIRST_PREVIEW_MS)
        else:
            self._timer.start(PREVIEW_DELAY_MS)

    def set_read_only(self, read_only: bool) -> None:
        """No new report, no saving or deleting, the editor only shows; preview, print and
        save as a file stay (they write no register)."""
        self.read_only = read_only
        take_away((self.action_new, self.action_save, self.action_delete), read_only)
        self.editor.set_read_only(read_only)
        self.templates.set_read_only(read_only)

    # draft --------------------------------------------------------------------------------------
    def write_draft(self) -> None:
        """Put the unsaved report on disk (called shortly after each edit)."""
        self._draft_timer.stop()
        if not self._dirty or self.register_path is None:
            return
        try:
            save_draft(self.register_path, self.editor.report())
        except OSError as exc:  # never stop the user typing; say it
            self.status.setText(self.tr("Chưa giữ được bản nháp: %1").replace("%1", str(exc.strerror or exc)))

    def _forget_draft(self) -> None:
        if self.register_path is not None:
            with contextlib.suppress(OSError):  # a draft left behind is only offered again
                discard_draft(self.register_path)

    def restore_draft(self, report: SavedReport) -> None:
        """Put a draft kept from an earlier session back into the editor, unsaved."""
        self.editor.set_report(report)
        self._select(report.id)
        self._edited()
        self.refresh_preview()
        self.status.setText(self.tr("Đã mở lại bản nháp chưa lưu. Bấm \"Lưu báo cáo\" để giữ."))

    def shutdown(self) -> None:
        """Stop every pending render and write before the register closes."""
        self._timer.stop()
        if self._draft_timer.isActive():
            self.write_draft()
        self._draft_timer.stop()

    # commands -----------------------------------------------------------------------------------
    def new_report(self) -> None:
        if not self.read_only and self._may_leave():
            self.load_report(new_report(self.registry, self.clock()))
            self._edited()
            self.status.setText(self.tr("Báo cáo mới (chưa lưu), chép từ báo cáo gần nhất."))

    def save(self) -> bool:
        if self.read_only:
            return False
        try:
            saved = self.ops.save_report(self.editor.report())
        except (ValidationError, KnownProblem) as exc:
            self._warn(self.tr("Chưa lưu được báo cáo"), str(exc))
            return False
        self.editor.set_report(saved)
        self._dirty = False
        self._draft_timer.stop()
        self._forget_draft()
        self.reload_list(saved.id)
        self.status.setText(self.tr("Đã lưu báo cáo."))
        return True

    def delete(self) -> None:
        report = self.editor.report()
        if report.id is None or self.read_only:
            return
        answer = QMessageBox.question(self, self.tr("Xóa báo cáo"),
                                      self.tr("Xóa báo cáo \"%1\"?").replace("%1", report.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ops.delete_report(report.id)
        self.reload_list()
        latest = self.registry.reports.latest()
        self._dirty = False
        self._draft_timer.stop()
        self._forget_draft()  # the edits of a deleted report are not offered back
        self.load_report(latest or new_report(self.registry, self.clock()))

    def _content(self) -> ReportContent | None:
        try:
            report = clean_report(self.editor.report())
            return content_for(self.registry, report)
        except (ValidationError, KnownProblem) as exc:
            self.status.setText(str(exc))
            return None

    def reload(self) -> None:
        """The register changed (an edit, an import, a restore, an undo): the figures may have
        too, and what the report takes from the organisation's settings; the saved reports may
        have (the editor follows them unless it holds unsaved edits)."""
        shown = self.editor.report()
        stored = {r.id: r for r in self.registry.reports.list()}
        if not self._dirty and shown.id is not None and stored.get(shown.id) != shown:
            self.load_report(stored.get(shown.id) or self.registry.reports.latest() or new_report(self.registry))
        self.reload_list(self.editor.report().id)
        self.templates.show_for(self.editor.report())
        self.editor.set_organisation(self.registry.settings.get())
        self.refresh_preview()

    @property
    def last_pdf(self) -> Path | None:
        """The preview's PDF of what the editor shows (rendered now if it is out of date)."""
        if self._stale:
            self.refresh_preview()
        return self._last_pdf

    def show_preview(self) -> None:
        """F5: render now and make sure the preview pane is open (it may be collapsed)."""
        sizes = self.split.sizes()
        if sizes[2] == 0:
            sizes[2] = max(320, sizes[1] // 2)
            sizes[1] = max(200, sizes[1] - sizes[2])
            self.split.setSizes(sizes)
        self.refresh_preview()

    def _switch_template(self, report: SavedReport) -> None:
        self.editor.set_report(report)
        self._edited()

    def refresh_preview(self) -> None:
        """Render what the editor shows now and display it."""
        self._timer.stop()
        if self.registry.closed:  # a late timer of a closed register
            return
        self._stale = False
        content = self._content()
        if content is None:
            return
        self._preview_serial += 1
        # two files in turn: the viewer may still hold the previous one open (Windows)
        path = Path(self._temp.path()) / f"xem-truoc-{self._preview_serial % 2}.pdf"
        self.preview.document.close()
        render(content, path, "pdf")
        self._last_pdf = path
        pages = self.preview.show_pdf(path, self.tr("Số liệu %1").replace("%1", content.as_of_text))
        self.status.setText(self.tr("Xem trước: %1 trang.").replace("%1", str(pages)))

    def print_report(self) -> int:
        """The system's print dialog, then every page at true size on A4; returns pages sent."""
        self.refresh_preview()
        if self._last_pdf is None:
            return 0
        content = self._content()
        if content is None or not confirm_missing(self, content, self.tr("in")):
            return 0
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("In báo cáo"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        try:
            pages = print_pdf(self._last_pdf, printer, self.editor.report().title)
        except ValidationError as exc:
            self._warn(self.tr("Không in được"), str(exc))
            return 0
        self.status.setText(self.tr("Đã gửi %1 trang đến máy in.").replace("%1", str(pages)))
        return pages

    def save_as(self, fmt: str) -> Path | None:
        out = ask_output_file(self, self.settings, self.editor.report().report_date, fmt)
        if out is None:
            return None
        content = self._content()
        if content is None or not confirm_missing(self, content, self.tr("lưu thành tệp")):
            return None
        try:
            check_output_path(out, self.registry.path)  # never over the register or a backup
            render(content, out, fmt)
        except InputRejected as exc:
            self._warn(self.tr("Không ghi được tệp"), str(exc))
            return None
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
