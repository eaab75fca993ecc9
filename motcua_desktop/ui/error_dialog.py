"""Errors shown as a Vietnamese dialog naming the log file; the window stays up.

A bug says it is a program error; a known problem of the user's environment (a locked or
full data file, a missing font) is shown in its own words (:func:`~..errorlog.user_title`)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import errorlog


class ErrorDialog(QMessageBox):
    """Non-blocking: opened window-modal so the main window keeps running behind it."""

    def __init__(self, message: str, log_path: Path | None, parent: QWidget | None = None,
                 title: str = errorlog.BUG_TITLE):
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(title)
        self.setText(message)
        self.log_path = log_path
        self.addButton(self.tr("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        # the path can be selected and copied into an e-mail to the helpdesk
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def dialog_for(exc: BaseException, log_path: Path | None, parent: QWidget | None) -> ErrorDialog:
    """The dialog telling the user about ``exc`` (already logged to ``log_path``)."""
    return ErrorDialog(errorlog.user_message(exc, log_path), log_path, parent, errorlog.user_title(exc))


class ErrorReporter:
    """Installed as ``sys.excepthook``; shows one dialog at a time (errors in a burst are
    all logged, the user sees the first)."""

    def __init__(self, parent_getter: Callable[[], QWidget | None]):
        self._parent_getter = parent_getter
        self.dialog: ErrorDialog | None = None
        self.previous = errorlog.install_excepthook(self.show)

    def show(self, exc: BaseException, message: str, log_path: Path | None) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return
        self.dialog = ErrorDialog(message, log_path, self._parent_getter(), errorlog.user_title(exc))
        self.dialog.open()

    def uninstall(self) -> None:
        sys.excepthook = self.previous


def install(parent_getter: Callable[[], QWidget | None]) -> ErrorReporter:
    """Call once the QApplication exists; ``parent_getter()`` gives the window to attach to."""
    errorlog.setup_logging()
    return ErrorReporter(parent_getter)
