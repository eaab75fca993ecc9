"""The change history of the selected record (or of the whole register), exportable, and the
trash of deleted records with a button to bring one back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Unit
from ..store.errors import StoreError
from ..store.outputs import check_output_path
from ..store.staff import StaffRow
from ..store.trash import (
    EXPORT_HEADER,
    TABLE_LABELS,
    Change,
    describe,
    export_history,
    export_rows,
    history_of,
    recent_changes,
    trash,
)
from .equipment_tab import EquipmentTab, ItemRow
from .operations import Operations

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from ..store.registry import Registry
    from .registry_tab import RegistryTab
    from .staff_tab import StaffTab
    from .units_tab import UnitsTab


class _Host(Protocol):
    """What the history actions use of their window (the main window is one; it is not
    imported here: it imports this module)."""

    registry: Registry
    ops: Operations
    edit_menu: QMenu
    units_tab: UnitsTab
    staff_tab: StaffTab
    equipment_tab: EquipmentTab

    def tr(self, text: str, /) -> str: ...
    def current_registry_tab(self) -> RegistryTab | None: ...


def records_of(record: Unit | StaffRow | ItemRow) -> list[tuple[str, int]]:
    """The (table, id) pairs a row of a tab stands for: a staff row is a person and an
    assignment."""
    pairs: list[tuple[str, int | None]] = []
    if isinstance(record, StaffRow):
        pairs = [("people", record.person.id), ("assignments", record.assignment.id)]
    elif isinstance(record, ItemRow):
        pairs = [("equipment", record.item.id)]
    elif isinstance(record, Unit):
        pairs = [("units", record.id)]
    return [(table, rid) for table, rid in pairs if rid is not None]


def _table(parent: QWidget, header: tuple[str, ...], name: str) -> QTableWidget:
    table = QTableWidget(0, len(header), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(header))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    # Through the model, which makes the items itself: PySide6 6.12.0's setItem() dropped a
    # reference to None on every call, and a few thousand calls (the whole sample register's
    # history) aborted the program. The pin is now 6.11.3 for that reason (pyproject.toml,
    # tests/packaging/test_pyside_release.py); this way stays safe on either.
    model = table.model()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            model.setData(model.index(r, c), "" if value is None else str(value))
    table.resizeColumnsToContents()


class HistoryDialog(QDialog):
    """One row per changed value: when, what, which field, before, after."""

    def __init__(self, registry, changes: list[Change], title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(title)
        self.registry, self.changes = registry, changes
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("%1 thay đổi").replace("%1", str(len(changes))), self)
        layout.addWidget(self.summary)
        self.table = _table(self, EXPORT_HEADER, "historyTable")
        _fill(self.table, export_rows(registry.db, changes))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(self.tr("Xuất ra tệp…"), self)
        self.export_button.setObjectName("exportHistoryButton")
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.ask_export)
        layout.addWidget(buttons)
        self.resize(980, 480)

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất lịch sử thay đổi"), str(Path.home() / "lich-su-thay-doi.xlsx"),
            self.tr("Bảng tính Excel (*.xlsx);;CSV (*.csv)"),
        )  # fmt: skip
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Path | None:
        try:
            check_output_path(path, self.registry.path)  # never over the register or a backup
            out = export_history(self.registry.db, self.changes, path)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Không xuất được"), str(exc))
            return None
        self.summary.setText(self.tr("Đã xuất %1").replace("%1", str(out)))
        return out


def history_for(registry, record) -> list[Change]:
    changes = [c for table, rid in records_of(record) for c in history_of(registry.db, table, rid)]
    return sorted(changes, key=lambda c: c.id)


class TrashDialog(QDialog):
    """Deleted records, newest first; "Khôi phục" brings the selected one back."""

    HEADER = ("Thời điểm xóa", "Loại", "Bản ghi", "Kèm theo")

    def __init__(self, ops: Operations, on_restored=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(self.tr("Thùng rác — bản ghi đã xóa"))
        self.ops, self.registry, self.on_restored = ops, ops.registry, on_restored
        layout = QVBoxLayout(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.table = _table(self, self.HEADER, "trashTable")
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("Khôi phục"), self)
        self.restore_button.setObjectName("restoreFromTrashButton")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        layout.addWidget(buttons)
        self.resize(820, 420)
        self.reload()

    def reload(self) -> None:
        self.entries = trash(self.registry.db)
        rows = []
        for e in self.entries:
            extra = ""
            if e.dependents:
                what = self.tr("%1 định mức") if e.table == "equipment_types" else self.tr("%1 phân công")
                extra = what.replace("%1", str(len(e.dependents)))
            rows.append((e.deletion.local_time.strftime("%d/%m/%Y %H:%M:%S"), TABLE_LABELS[e.table],
                         describe(self.registry.db, e.deletion), extra))  # fmt: skip
        _fill(self.table, rows)
        if self.entries:
            self.table.selectRow(0)
        else:
            self.message.setText(self.tr("Thùng rác trống."))
        self.restore_button.setEnabled(bool(self.entries) and not self.registry.read_only)

    def restore_selected(self) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.entries):
            return False
        entry = self.entries[row]
        try:
            result = self.ops.restore_deleted(entry.deletion.id)  # one step of the undo history
        except StoreError as exc:
            self.message.setText(str(exc))
            QMessageBox.warning(self, self.tr("Không khôi phục được"), str(exc))
            return False
        text = self.tr("Đã khôi phục %1.").replace("%1", describe(self.registry.db, entry.deletion))
        if result.id_changed:
            text += " " + self.tr("Số bản ghi cũ đã được dùng nên bản ghi nhận số mới %1.").replace("%1", str(result.record_id))
        if self.on_restored is not None:
            self.on_restored()
        self.reload()
        self.message.setText(text)
        return True


class HistoryActions:
    """"Lịch sử thay đổi…" in each tab's context menu and the Sửa menu; "Thùng rác…";
    "Lịch sử toàn bộ…"."""

    def __init__(self, window: _Host):
        self.window = window
        self.dialog: QDialog | None = None
        tr = window.tr
        self.action_history = QAction(tr("Lịch sử thay đổi của dòng đang chọn…"), window)
        self.action_history.setObjectName("actionHistory")
        self.action_history.triggered.connect(self.show_selected)
        self.action_all = QAction(tr("Lịch sử thay đổi toàn bộ…"), window)
        self.action_all.setObjectName("actionAllHistory")
        self.action_all.triggered.connect(self.show_all)
        self.action_trash = QAction(tr("Thùng rác…"), window)
        self.action_trash.setObjectName("actionTrash")
        self.action_trash.triggered.connect(self.show_trash)
        menu = window.edit_menu
        menu.addSeparator()
        for action in (self.action_history, self.action_all, self.action_trash):
            menu.addAction(action)
        for tab in (window.units_tab, window.staff_tab, window.equipment_tab):
            tab.context_actions.extend([None, self.action_history])

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_selected(self) -> QDialog | None:
        tab = self.window.current_registry_tab()
        record = tab.current_record() if tab is not None else None
        if record is None:
            QMessageBox.information(self.window, self.window.tr("Lịch sử thay đổi"),
                                    self.window.tr("Hãy chọn một dòng trong bảng trước."))  # fmt: skip
            return None
        registry = self.window.registry
        changes = history_for(registry, record)
        title = self.window.tr("Lịch sử thay đổi — %1").replace(
            "%1", describe(registry.db, changes[-1]) if changes else "")
        return self._open(HistoryDialog(registry, changes, title, self.window))

    def show_all(self) -> QDialog:
        registry = self.window.registry
        return self._open(HistoryDialog(registry, recent_changes(registry.db, 5000),
                                        self.window.tr("Lịch sử thay đổi toàn bộ dữ liệu"), self.window))  # fmt: skip

    def show_trash(self) -> QDialog:
        # a restore is a step of the window's undo history; its change reaches the tabs (the
        # report list included) through the operations' change bus
        return self._open(TrashDialog(self.window.ops, parent=self.window))
