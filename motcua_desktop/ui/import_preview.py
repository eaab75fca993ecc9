"""Importing a file from the window: a dry run in the background, a preview of what would be
added, changed (old → new) and left alone, or of every error by cell and name; then the
import itself as ONE step of the undo history (Ctrl+Z puts the register back exactly, and
the steps before it stay undoable).

Before the preview, the mapping step (:mod:`.import_mapping`): which field each column of
the file holds, and values for the fields it lacks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import format_number
from ..store.errors import InputRejected
from ..store.registry import Registry
from .commands import StoreCommand, record_done
from .file_actions import BackgroundJob

# Rows whose height follows their text (a long error message wraps); past this many, every
# row is one line high and the full text is in its tooltip, so that a province's first import
# (100,000 rows) opens at once.
WRAPPED_ROWS = 500


class PreviewRows(QAbstractTableModel):
    """The preview's lines as a read-only model: the view asks only for the rows it shows,
    so every line is there to scroll to, however many."""

    def __init__(self, headers: list[str], rows: list[tuple[str, ...]], parent: QObject | None = None):
        super().__init__(parent)
        self.headers, self.rows = headers, rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.isValid():
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def _table(parent: QWidget, name: str, headers: list[str], rows: list[tuple[str, ...]]) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(PreviewRows(headers, rows, table))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(200)  # column widths from the first rows, not all of them
    for column in range(len(headers) - 1):
        table.resizeColumnToContents(column)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    wrapped = len(rows) <= WRAPPED_ROWS
    table.setWordWrap(wrapped)
    if wrapped:
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ImportPreviewDialog(QDialog):
    """What importing the file would do, before anything is written; or why it cannot."""

    def __init__(self, file_name: str, summary: Any | None, refused: InputRejected | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(self.tr("Xem trước khi nhập %1").replace("%1", file_name))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("Nhập"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        cancel = buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if refused is not None:
            text = (str(refused) + "\n" + self.tr("Chưa có gì được ghi vào dữ liệu. Hãy sửa các ô sau "
                                                 "trong tệp rồi nhập lại."))
            rows = [(d.cell, d.who, d.label, d.message) for d in refused.details] or [
                ("", "", "", line) for line in refused.problems]
            if not rows:
                rows = [("", "", "", str(refused))]
            self.errors = _table(self, "errorsTable", [self.tr("Ô"), self.tr("Cán bộ / đơn vị"),
                                                       self.tr("Cột"), self.tr("Lỗi")], rows)
            self.tabs.addTab(self.errors, self.tr("Lỗi (%1)").replace("%1", format_number(len(rows))))
            self.import_button.setEnabled(False)
        else:
            assert summary is not None
            lines = summary.describe().splitlines()[1:]
            changed = bool(summary.added_rows or summary.changed_rows)
            head = self.tr("Chưa có gì được ghi. Nếu nhập, chương trình sẽ:") if changed else self.tr(
                "Tệp không làm thay đổi dữ liệu.")
            text = head + "\n" + "\n".join(lines)
            self.added = _table(self, "addedTable", [self.tr("Trang"), self.tr("Bản ghi")],
                                [(c.table, c.who) for c in summary.added_rows])
            self.changed = _table(self, "changedTable",
                                  [self.tr("Trang"), self.tr("Bản ghi"), self.tr("Trường"),
                                   self.tr("Giá trị cũ"), self.tr("Giá trị mới")],
                                  [(c.table, c.who, c.field, c.old, c.new) for c in summary.changed_rows])
            self.tabs.addTab(self.added, self.tr("Thêm mới (%1)").replace(
                "%1", format_number(len(summary.added_rows))))
            self.tabs.addTab(self.changed, self.tr("Thay đổi (%1)").replace(
                "%1", format_number(len(summary.changed_rows))))
            self.import_button.setEnabled(changed)
        self.summary_label = QLabel(text, self)
        self.summary_label.setObjectName("previewSummary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)


class ImportFlow(QObject):
    """Preview, then import, then one undo step; ``finished(True)`` once the data changed."""

    finished = Signal(bool)
    mapping_shown = Signal(object)  # the mapping dialog, shown
    previewed = Signal(object)  # the preview dialog, shown

    def __init__(self, window: Any, path: Path):
        super().__init__(window)
        self.window, self.path = window, path
        self.job: BackgroundJob | None = None
        self.preview: ImportPreviewDialog | None = None
        self.dialog: QWidget | None = None
        self.mapping: Any = None
        self.options: Any = None

    def start(self) -> ImportFlow:
        path = self.path

        def plan(registry: Registry) -> Any:
            from ..store.transfer.plan import plan_file

            return plan_file(path), [u.name for u in registry.units.list()]

        self._run(plan, self.window.tr("Đang đọc %1…"), self._show_mapping)
        return self

    def _show_mapping(self, result: Any) -> None:
        from .import_mapping import ImportMappingDialog

        plans, units = result
        self.mapping = ImportMappingDialog(self.path.name, plans, units, self.window.ui_settings, self.window)
        self.mapping.accepted.connect(self._dry_run)
        self.mapping.rejected.connect(lambda: self.finished.emit(False))
        self.mapping.open()
        self.mapping_shown.emit(self.mapping)

    def _dry_run(self) -> None:
        path = self.path
        self.mapping.remember()
        options = self.options = self.mapping.options()

        def dry_run(registry: Registry) -> Any:
            from ..store.transfer import import_file

            return import_file(registry, path, dry_run=True, journal=True, options=options)

        self._run(dry_run, self.window.tr("Đang đọc %1…"), self._show_preview)

    def _run(self, job: Any, busy: str, done: Any) -> None:
        self.job = BackgroundJob(self.window, Path(self.window.registry.path), job,
                                 busy.replace("%1", self.path.name), done,
                                 self.window.tr("Không nhập được dữ liệu"), on_refused=self._refused)
        self.job.start()

    def _refused(self, exc: Exception) -> bool:
        if not isinstance(exc, InputRejected):
            self.finished.emit(False)
            return False  # the job's own message box
        self._open_preview(None, exc)
        return True

    def _show_preview(self, summary: Any) -> None:
        self._open_preview(summary, None)

    def _open_preview(self, summary: Any | None, refused: InputRejected | None) -> None:
        self.preview = ImportPreviewDialog(self.path.name, summary, refused, self.window)
        self.preview.accepted.connect(self._import)
        self.preview.rejected.connect(lambda: self.finished.emit(False))
        self.preview.open()
        self.previewed.emit(self.preview)

    def _import(self) -> None:
        path, options = self.path, self.options

        def run(registry: Registry) -> Any:
            from ..store.transfer import import_file

            return import_file(registry, path, journal=True, options=options)

        self._run(run, self.window.tr("Đang nhập %1…"), self._imported)

    def _imported(self, summary: Any) -> None:
        window = self.window
        journal = summary.journal
        registry = window.registry

        def apply(backwards: bool) -> None:
            with registry.transaction():
                journal.apply(registry.db.conn, backwards=backwards)

        if journal:
            command = StoreCommand(window.tr("Nhập %1").replace("%1", self.path.name),
                                   lambda: apply(False), lambda: apply(True), window.bus,
                                   ("units", "staff", "equipment"))
            record_done(window.undo_stack, command)
        window.notify_changed()
        box = QMessageBox(QMessageBox.Icon.Information, window.tr("Đã nhập dữ liệu"),
                          summary.describe() + "\n\n" + window.tr("Muốn trả lại như cũ: Sửa › Hoàn tác (Ctrl+Z)."),
                          QMessageBox.StandardButton.Ok, window)
        box.setObjectName("importDoneBox")
        self.dialog = box
        box.open()
        self.finished.emit(True)
