"""Undo/redo over the store: every user change is a command that calls the repositories.

A command runs its first ``do`` before it is pushed, so a refusal (validation, a unit that
still has staff) reaches the caller as an exception and nothing lands on the stack.
Deleted records are re-inserted with their ids when undone (the repositories keep a given id).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Flag, auto

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..store.errors import StoreError


class Area(Flag):
    """What a change touched. A view names the areas it shows when it subscribes; a change
    reaches the views whose areas it overlaps."""

    UNITS = auto()
    STAFF = auto()
    EQUIPMENT = auto()
    SETTINGS = auto()  # the office's settings and value lists
    PACKAGES = auto()  # data packages received in a province register
    EVERYTHING = UNITS | STAFF | EQUIPMENT | SETTINGS | PACKAGES


class ChangeBus(QObject):
    """The one signal views refresh from: ``changed(areas)``, an :class:`Area`
    (e.g. ``Area.UNITS | Area.STAFF``)."""

    changed = Signal(object)
    failed = Signal(str)

    def notify(self, areas: Area = Area.EVERYTHING) -> None:
        if not isinstance(areas, Area):  # e.g. a name like "units": said here, not in a slot
            raise TypeError(f"ChangeBus.notify nhận một Area, không phải {areas!r}")
        self.changed.emit(areas)


class StoreCommand(QUndoCommand):
    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None],
                 bus: ChangeBus, areas: Area):
        super().__init__(text)
        self._do, self._undo, self._bus, self._areas = do, undo, bus, areas
        self._skip_first_redo = False

    def run_first(self) -> None:
        self._do()
        self._skip_first_redo = True
        self._bus.notify(self._areas)

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._guarded(self._do)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, fn: Callable[[], None]) -> None:
        # An exception must not escape into Qt's C++ undo stack; the user is told instead.
        try:
            fn()
        except (StoreError, ValueError) as exc:
            self._bus.failed.emit(str(exc))
        self._bus.notify(self._areas)


def execute(stack: QUndoStack, command: StoreCommand) -> None:
    """Run ``command`` now (exceptions propagate, nothing is pushed) and record it for undo."""
    command.run_first()
    stack.push(command)


def record_done(stack: QUndoStack, command: StoreCommand) -> None:
    """Record a change already made elsewhere (an import, run off the window's thread):
    pushing does not run it again, undo and redo do."""
    command._skip_first_redo = True
    stack.push(command)
