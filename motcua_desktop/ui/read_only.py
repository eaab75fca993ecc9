"""Read-only mode, one contract for every tab: the window calls ``set_read_only`` on each of
its tabs, and each tab takes away what writes (its actions, buttons and editors).

A read-only window is a second copy on a file another copy is editing, a read-only file or
folder, or a file another program holds locked: the banner says which (``ui/lock.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar, cast

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class ReadOnlyAware(Protocol):
    """A tab of the main window."""

    def set_read_only(self, read_only: bool) -> None: ...


def set_tabs_read_only(tabs: Iterable[QWidget], read_only: bool) -> None:
    """Every tab of the window: each must implement :class:`ReadOnlyAware` (one that does
    not fails here, loudly, rather than stay editable)."""
    for tab in tabs:
        cast(ReadOnlyAware, tab).set_read_only(read_only)


def take_away(actions: Iterable[QAction], read_only: bool) -> None:
    """Hide and disable the actions that write (their buttons follow, see ``action_button``)."""
    for action in actions:
        action.setEnabled(not read_only)
        action.setVisible(not read_only)


_F = TypeVar("_F", bound=Callable[..., Any])


def writes(method: _F) -> _F:
    """A tab's method that changes the register: does nothing in a read-only tab (its
    actions are hidden already; this also stops a double-click, Enter or a direct call)."""

    @functools.wraps(method)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        if self.read_only:
            return None
        return method(self, *args, **kwargs)

    return cast(_F, guarded)
