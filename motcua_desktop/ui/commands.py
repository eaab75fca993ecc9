"""Undo/redo over the store: every user change is a command that calls the repositories.

A command runs its first ``do`` before it is pushed, so a refusal (validation, a unit that
still has staff) reaches the caller as an exception and nothing lands on the stack.
Deleted records are re-inserted with their ids when undone (the repositories keep a given id).
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..errors import is_bug


class ChangeBus(QObject):
    """The one signal views refresh from: ``changed(areas)`` with e.g. {"units", "staff"}."""

    changed = Signal(object)
    failed = Signal(str)

    def notify(self, *areas: str) -> None:
        self.changed.emit(set(areas) or {"units", "staff", "equipment", "settings"})


class StoreCommand(QUndoCommand):
    """One user change: ``do`` and ``undo`` each run in their own transaction.

    Undo or redo can fail when the data changed underneath (another window, a restore from
    the trash): the write is rolled back and the data stays as it was. The command then marks
    itself obsolete, so QUndoStack drops it instead of moving its index past it, and the rest
    of the history is cleared (once the stack has finished with this command): older steps
    were recorded against data that no longer is, and must not claim they can be undone. The
    user is told which step failed, why, and that the history is gone.
    """

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None],
                 bus: ChangeBus, areas: tuple[str, ...]):
        super().__init__(text)
        self._do, self._undo, self._bus, self._areas = do, undo, bus, areas
        self._skip_first_redo = False
        self._stack: QUndoStack | None = None

    def run_first(self) -> None:
        self._do()
        self._skip_first_redo = True
        self._bus.notify(*self._areas)

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._guarded(self._do, undoing=False)

    def undo(self) -> None:
        self._guarded(self._undo, undoing=True)

    def _guarded(self, fn: Callable[[], None], *, undoing: bool) -> None:
        # An exception must not escape into Qt's C++ undo stack; the user is told instead.
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - every failure leaves the stack consistent
            self._failed(exc, undoing)
        self._bus.notify(*self._areas)

    def _failed(self, exc: Exception, undoing: bool) -> None:
        self.setObsolete(True)  # QUndoStack removes it and keeps its index where the data is
        what = "hoàn tác" if undoing else "làm lại"
        reason = "lỗi chương trình (chi tiết trong tệp nhật ký)" if is_bug(exc) else str(exc)
        message = (
            f"Không {what} được “{self.text()}”: {reason}\n\n"
            f"Dữ liệu giữ nguyên như trước khi bấm {what.capitalize()}. Lịch sử hoàn tác đã "
            "được xóa, vì các bước cũ hơn được ghi với dữ liệu khác với dữ liệu hiện có."
        )
        stack, bus = self._stack, self._bus

        def tell() -> None:
            # After the stack is done with this command: clearing it, or a message box's event
            # loop (which could clear it), while it still runs the command would delete it.
            if stack is not None:
                stack.clear()
            if is_bug(exc):  # logged with its traceback and shown as a program error
                sys.excepthook(type(exc), exc, exc.__traceback__)
            bus.failed.emit(message)

        QTimer.singleShot(0, stack if stack is not None else bus, tell)

def execute(stack: QUndoStack, command: StoreCommand) -> None:
    """Run ``command`` now (exceptions propagate, nothing is pushed) and record it for undo."""
    command.run_first()
    command._stack = stack
    stack.push(command)


def record_done(stack: QUndoStack, command: StoreCommand) -> None:
    """Record a change already made elsewhere (an import, run off the window's thread):
    pushing does not run it again, undo and redo do."""
    command._skip_first_redo = True
    command._stack = stack
    stack.push(command)
