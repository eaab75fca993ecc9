"""The "Tệp" menu: new, open another data file, recent files, import, export, send to the
province, quit.

Another data file opens in a new window made by the ``open_window`` the main window hands
over (this module does not import the window's)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ..store.errors import StoreError
from ..store.new_register import start_new_register
from ..store.registry import Registry
from .file_actions import BackgroundJob, export_job
from .icons import icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QStatusBar

    from .import_preview import ImportFlow
    from .settings import UiSettings


class _Host(Protocol):
    """What the Tệp menu uses of its window (the main window is one; it is not imported here:
    it imports this module)."""

    registry: Registry
    ui_settings: UiSettings
    clock: Callable[[], date]  # for "Gửi số liệu lên tỉnh…"

    def tr(self, text: str, /) -> str: ...
    def menuBar(self) -> QMenuBar: ...
    def statusBar(self) -> QStatusBar: ...
    def close(self) -> bool: ...
    def may_close(self, question: str = "") -> bool: ...
    def save_state(self) -> None: ...


DATA_FILTER = "Tệp dữ liệu Một Cửa (*.sqlite *.db);;Tất cả các tệp (*)"
IMPORT_FILTER = "Bảng tính (*.xlsx *.xls *.ods *.csv);;Tất cả các tệp (*)"
EXPORT_FILTER = "Bảng tính Excel (*.xlsx)"

_open_windows: set[QMainWindow] = set()  # windows opened from another one stay alive here


class FileMenu:
    def __init__(self, window: _Host, open_window: Callable[[Registry], QMainWindow]):
        self.window, self._open_window = window, open_window
        tr = window.tr
        self.menu = window.menuBar().addMenu(tr("&Tệp"))
        self.action_new = self._action("actionNewFile", "new", tr("Tạo tệp dữ liệu mới…"),
                                       self.new_file, QKeySequence("Ctrl+Shift+N"))
        self.action_open = self._action("actionOpenFile", "open", tr("Mở tệp dữ liệu khác…"),
                                        self.open_file, QKeySequence.StandardKey.Open)
        self.recent_menu = self.menu.addMenu(tr("Tệp đã mở gần đây"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.menu.addSeparator()
        self.action_import = self._action("actionImport", "import", tr("Nhập từ Excel/CSV…"),
                                          self.import_file, QKeySequence("Ctrl+I"))
        self.action_submit_package = self._action("actionSubmitPackage", None, tr("Gửi số liệu lên tỉnh…"),
                                                  self.submit_package, None)
        self.action_export = self._action("actionExport", "export", tr("Xuất ra Excel…"),
                                          self.export_file, QKeySequence("Ctrl+E"))
        self.menu.addSeparator()
        self.quit_separator = self.menu.addSeparator()
        self.action_quit = self._action("actionQuit", "quit", tr("Thoát"), window.close,
                                        QKeySequence("Ctrl+Q"))
        self.job: BackgroundJob | None = None
        self.import_flow: ImportFlow | None = None
        self._fill_recent()

    def _action(self, name: str, icon_name: str | None, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | None) -> QAction:
        action = QAction(icon(icon_name), text, self.window) if icon_name else QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    # data files -----------------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        current = str(Path(self.window.registry.path).resolve())
        recent = [p for p in self.window.ui_settings.recent_files if p != current]
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.switch_to(Path(p)))
        self.recent_menu.setEnabled(bool(recent))

    def _folder(self) -> str:
        return self.window.ui_settings.last_directory

    def new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.window.tr("Tạo tệp dữ liệu mới"),
                                              str(Path(self._folder()) / "motcua-moi.sqlite"), DATA_FILTER)
        if path:
            if Path(path).exists():
                QMessageBox.warning(self.window, self.window.tr("Tệp đã có"), self.window.tr(
                    "Tệp %1 đã có. Hãy chọn tên khác, hoặc dùng \"Mở tệp dữ liệu khác\".")
                    .replace("%1", path))
                return
            self.switch_to(Path(path))

    def open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.window.tr("Mở tệp dữ liệu"),
                                              self._folder(), DATA_FILTER)
        if path:
            self.switch_to(Path(path))

    def switch_to(self, path: Path) -> QMainWindow | None:
        """Open ``path`` in a new window and close this one; on failure say why and stay."""
        if not self.window.may_close(self.window.tr("Lưu lại trước khi mở tệp khác?")):
            return None

        try:
            created = not path.exists()
            registry = Registry.open(path)
            if created:
                start_new_register(registry)
        except StoreError as exc:
            QMessageBox.warning(self.window, self.window.tr("Không mở được tệp"), str(exc))
            self.window.ui_settings.remove_recent_file(str(path))
            return None
        settings = self.window.ui_settings
        settings.add_recent_file(path)
        settings.last_directory = str(path.parent)
        self.window.save_state()
        new = self._open_window(registry)
        _open_windows.add(new)
        new.destroyed.connect(lambda _o=None, w=new: _open_windows.discard(w))
        new.show()
        self.window.close()
        return new

    # import / export ------------------------------------------------------------------------
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.window.tr("Nhập dữ liệu"),
                                              self._folder(), IMPORT_FILTER)
        if path:
            self.run_import(Path(path))

    def run_import(self, path: Path) -> ImportFlow:
        """Preview, then import as one undoable step (see :mod:`.import_preview`)."""
        from .import_preview import ImportFlow

        self.window.ui_settings.last_directory = str(path.parent)
        self.import_flow = ImportFlow(self.window, path).start()
        return self.import_flow

    def submit_package(self) -> Path | None:
        """"Gửi số liệu lên tỉnh…": a data package of this register for the province."""
        from .consolidation_tab import submit_dialog  # the package modules load when first used

        return submit_dialog(self.window)

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.window.tr("Xuất dữ liệu"),
                                              str(Path(self._folder()) / "motcua-du-lieu.xlsx"),
                                              EXPORT_FILTER)
        if path:
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
            self.run_export(Path(path))

    def run_export(self, path: Path) -> BackgroundJob:
        self.window.ui_settings.last_directory = str(path.parent)

        def done(written) -> None:
            self.window.statusBar().showMessage(
                self.window.tr("Đã xuất dữ liệu ra %1").replace("%1", str(written)), 10000)

        return self._start(export_job(path), self.window.tr("Đang xuất ra %1…").replace("%1", path.name),
                           done, self.window.tr("Không xuất được dữ liệu"))

    def _start(self, job, text, done, failure_title) -> BackgroundJob:
        self.job = BackgroundJob(self.window, Path(self.window.registry.path), job, text, done,
                                 failure_title)
        self.job.start()
        return self.job
