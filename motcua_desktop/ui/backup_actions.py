"""Backup and restore in the File menu (``actionBackup``) and the automatic backups (first
start of the day, quitting after changes) of one window."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..store.backup import BackupConfig, automatic_backup, backup_to, daily_backup, list_backups
from ..store.errors import StoreError
from .settings import UiSettings

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QStatusBar

    from ..store.registry import Registry
    from .file_menu import FileMenu


class _Host(Protocol):
    """What the backups use of their window (the main window is one; it is not imported here:
    it imports this module)."""

    registry: Registry
    ui_settings: UiSettings
    file_menu: QMenu
    files: FileMenu
    data_changed: SignalInstance

    def tr(self, text: str, /) -> str: ...
    def statusBar(self) -> QStatusBar: ...
    def installEventFilter(self, watcher: QObject, /) -> None: ...
    def may_close(self, question: str = "") -> bool: ...


log = logging.getLogger(__name__)
BACKUP_FILTER = "Tệp sao lưu Một Cửa (*.sqlite *.db);;Tất cả các tệp (*)"


class BackupSettingsDialog(QDialog):
    """Where automatic backups go (a USB stick is fine) and how many are kept."""

    def __init__(self, config: BackupConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupSettingsDialog")
        self.setWindowTitle(self.tr("Thiết lập sao lưu tự động"))
        form = QFormLayout(self)
        self.folder = QLineEdit(str(config.folder) if config.folder else "", self)
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("Mặc định: thư mục dữ liệu của chương trình"))
        browse = QPushButton(self.tr("Chọn…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Thư mục sao lưu:"), row)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 365)
        self.keep.setValue(config.keep)
        form.addRow(self.tr("Số bản tự động giữ lại:"), self.keep)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục sao lưu"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def config(self) -> BackupConfig:
        text = self.folder.text().strip()
        return BackupConfig(Path(text) if text else None, self.keep.value())


class RestoreDialog(QDialog):
    """The backups found (newest first) or a file chosen by hand."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, settings: UiSettings | None = None):
        super().__init__(parent)
        self.settings = settings  # where the file chooser starts: the folder last used
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Phục hồi từ bản sao lưu"))
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        for info in list_backups(db_path):
            item = QListWidgetItem(info.label)
            item.setToolTip(str(info.path))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        other = QPushButton(self.tr("Chọn tệp khác…"), self)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self._choose)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.chosen: Path | None = None
        self.resize(640, 360)

    def _choose(self) -> None:
        settings = self.settings
        start = settings.last_directory if settings is not None else ""
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp sao lưu"), start, self.tr(BACKUP_FILTER))
        if path:
            self.chosen = Path(path)
            if settings is not None:
                settings.last_directory = str(self.chosen.parent)
            self.accept()

    def selected(self) -> Path | None:
        if self.chosen is not None:
            return self.chosen
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


class BackupActions(QObject):
    """The "Sao lưu và phục hồi" submenu of Tệp, and the automatic backups of one window."""

    def __init__(self, window: _Host, read_only: bool = False):
        super().__init__(window)
        self.window, self.read_only = window, read_only
        self.changed = False
        self.dialog: QDialog | None = None
        tr = window.tr
        menu = window.file_menu
        sub = QMenu(tr("Sao lưu và phục hồi"), menu)
        sub.setObjectName("backupMenu")
        menu.insertMenu(window.files.quit_separator, sub)  # above "Thoát"
        self.menu = sub
        self.action_backup = self._action(sub, "actionBackup", tr("Sao lưu ngay…"), self.ask_backup)
        self.action_restore = self._action(sub, "actionRestore", tr("Phục hồi từ bản sao lưu…"), self.ask_restore)
        self.action_settings = self._action(sub, "actionBackupSettings", tr("Thiết lập sao lưu tự động…"), self.ask_settings)
        window.data_changed.connect(self._mark_changed)
        window.installEventFilter(self)
        if not read_only:
            self.backup_at_start()

    def _action(self, menu, name: str, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    @property
    def db_path(self) -> Path:
        path = self.window.registry.path
        assert path is not None, "a window's register is a file"
        return path

    def _mark_changed(self) -> None:
        self.changed = True

    # automatic --------------------------------------------------------------------------
    def backup_at_start(self) -> Path | None:
        try:
            return daily_backup(self.db_path)
        except StoreError as exc:  # never stop the user working for a backup; say it in the bar
            log.warning("Sao lưu tự động khi mở không được: %s", exc)
            self.window.statusBar().showMessage(self.window.tr("Chưa sao lưu tự động được: %1").replace("%1", str(exc)), 15000)
            return None

    def backup_on_quit(self) -> Path | None:
        if not self.changed or self.read_only:
            return None
        self.changed = False
        try:
            return automatic_backup(self.db_path)
        except StoreError as exc:
            log.warning("Sao lưu tự động khi thoát không được: %s", exc)
            return None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.backup_on_quit()
        return False

    # by hand ----------------------------------------------------------------------------
    def ask_backup(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.window.tr("Chọn nơi lưu bản sao (ví dụ ổ USB)"), str(BackupConfig.load().target_folder())
        )  # fmt: skip
        return self.backup_into(Path(folder)) if folder else None

    def backup_into(self, folder: Path) -> Path | None:
        try:
            made = backup_to(self.db_path, folder)
        except StoreError as exc:
            QMessageBox.warning(self.window, self.window.tr("Không sao lưu được"), str(exc))
            return None
        self.window.statusBar().showMessage(self.window.tr("Đã sao lưu vào %1").replace("%1", str(made)), 15000)
        return made

    def ask_restore(self) -> None:
        dialog = RestoreDialog(self.db_path, self.window, self.window.ui_settings)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.selected() is None:
            return
        source = dialog.selected()
        answer = QMessageBox.question(self.window, self.window.tr("Phục hồi dữ liệu"), self.window.tr(
            "Thay dữ liệu hiện tại bằng bản sao lưu %1?\nDữ liệu hiện tại được giữ lại thành một tệp "
            "bên cạnh, không bị xóa.").replace("%1", source.name))  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(source)

    def restore(self, source: Path):
        """Close the register, put the backup in place, reopen in a new window."""
        from ..store.backup import restore_from

        path = self.db_path
        if not self.window.may_close(self.window.tr("Lưu lại trước khi phục hồi?")):
            return None
        self.window.registry.close()
        try:
            kept = restore_from(path, source)
        except StoreError as exc:
            QMessageBox.warning(self.window, self.window.tr("Không phục hồi được"), str(exc))
            kept = None
        else:
            QMessageBox.information(self.window, self.window.tr("Đã phục hồi"), self.window.tr(
                "Đã phục hồi dữ liệu từ %1.").replace("%1", str(source))
                + (self.window.tr("\nDữ liệu trước đó được giữ tại %1.").replace("%1", str(kept)) if kept else ""))  # fmt: skip
        self.changed = False
        return self.window.files.switch_to(path)  # the file as it now is, in a fresh window

    def ask_settings(self) -> BackupConfig | None:
        dialog = BackupSettingsDialog(BackupConfig.load(), self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        config = dialog.config()
        try:
            config.save()
        except (StoreError, OSError) as exc:
            QMessageBox.warning(self.window, self.window.tr("Không lưu được"), str(exc))
            return None
        return config

