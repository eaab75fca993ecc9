"""Danh mục → Thiết lập cơ quan (from the official unit list) and Cấp và loại đơn vị; the
set-up dialog also opens by itself on an empty register that has no office yet."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from ..domain.validation import ValidationError
from ..store.errors import StoreError
from .commands import Area

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from ..store.registry import Registry
    from .office_setup_dialog import OfficeSetupDialog
    from .operations import Operations


class _Host(Protocol):
    """What the office actions use of their window (the main window is one; it is not
    imported here: it imports this module)."""

    registry: Registry
    ops: Operations
    tools_menu: QMenu
    action_catalogue: QAction

    def tr(self, text: str, /) -> str: ...
    def notify_changed(self, areas: Area = ..., /) -> None: ...


class OfficeActions:
    def __init__(self, window: _Host):
        self.window = window
        self.action_setup = QAction(window.tr("Thiết lập cơ quan từ danh mục đơn vị hành chính…"), window)
        self.action_setup.setObjectName("actionOfficeSetup")
        self.action_setup.triggered.connect(self.open_setup)
        self.action_lists = QAction(window.tr("Cấp và loại đơn vị…"), window)
        self.action_lists.setObjectName("actionValueLists")
        self.action_lists.triggered.connect(self.open_value_lists)
        menu = window.tools_menu
        menu.insertAction(window.action_catalogue, self.action_setup)
        menu.addAction(self.action_lists)
        self.dialog: QDialog | None = None

    def needs_setup(self) -> bool:
        registry = self.window.registry
        return (not registry.read_only and registry.is_empty()
                and not registry.settings.get().office_code and not registry.settings.get().issuing_body)

    def open_setup(self) -> None:
        # loaded when first opened: the official unit list costs start-up time otherwise
        from .office_setup_dialog import OfficeSetupDialog

        current = self.window.registry.settings.get().office_code
        dlg = OfficeSetupDialog(self.window, current)
        dlg.accepted.connect(lambda: self._apply(dlg))
        dlg.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()

    def _apply(self, dlg: OfficeSetupDialog) -> None:
        try:
            self.window.ops.set_up_office(dlg.code(), dlg.create_units.isChecked())
        except (ValidationError, StoreError) as exc:
            QMessageBox.warning(self.window, dlg.windowTitle(), str(exc))

    def open_value_lists(self) -> None:
        from .value_lists_dialog import ValueListsDialog

        dlg = ValueListsDialog(self.window.ops, self.window,
                               on_change=lambda: self.window.notify_changed(Area.UNITS | Area.EQUIPMENT))
        dlg.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()


    def offer_setup(self) -> bool:
        """On an empty register with no office yet, open the set-up once the window is up;
        True when it will."""
        if not self.needs_setup():
            return False
        registry = self.window.registry

        def ask() -> None:  # if the window still shows that register, open and unchanged
            if self.window.registry is registry and not registry.closed and self.needs_setup():
                self.open_setup()

        QTimer.singleShot(0, self.window, ask)
        return True
