"""Uncaught exceptions shown as a Vietnamese dialog naming the log file; the window stays up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import errorlog


class ErrorDialog(QMessageBox):
    """Non-blocking: opened window-modal so the main window keeps running behind it."""

    def __init__(self, message: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Đã xảy ra lỗi"))
        self.setText(message)
        self.log_path = log_path
        self.addButton(self.tr("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        # the path can be selected and copied into an e-mail to the helpdesk
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class ErrorReporter:
    """Installed as ``sys.excepthook``; shows one dialog at a time (errors in a burst are
    all logged, the user sees the first)."""

    def __init__(self, parent_getter):
        self._parent_getter = parent_getter
        self.dialog: ErrorDialog | None = None
        self.previous = errorlog.install_excepthook(self.show)

    def show(self, message: str, log_path: Path | None) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return
        self.dialog = ErrorDialog(message, log_path, self._parent_getter())
        self.dialog.open()

    def uninstall(self) -> None:
        import sys

        sys.excepthook = self.previous


def install(parent_getter) -> ErrorReporter:
    """Call once the QApplication exists; ``parent_getter()`` gives the window to attach to."""
    errorlog.setup_logging()
    return ErrorReporter(parent_getter)
