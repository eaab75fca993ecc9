"""Toolbar and menu icons: the SVGs in resources/icons, drawn for this app in one colour.

They used to come from qtawesome's icon fonts, with these files as the fallback when Windows'
"block untrusted fonts" policy refused the fonts. Importing qtawesome (and qtpy, which pulls in
QtOpenGL) and loading its fonts took half of the window's start-up CPU, for icons these files
already draw; so the files are the icons now, on every platform, frozen or not.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from .. import paths

# the logical names used in the code; each is resources/icons/NAME.svg
ICONS: tuple[str, ...] = (
    "add", "add-person", "delete", "undo", "redo", "import", "export", "backup", "preview",
    "print", "up", "down", "edit", "settings", "open", "new", "unit", "equipment",
    "end-assignment", "transfer", "history", "quit", "list",
)


def bundled_icon(name: str) -> QIcon:
    return QIcon(str(paths.icons_dir() / f"{name}.svg"))


@cache
def icon(name: str) -> QIcon:
    """The icon for ``name`` (one of :data:`ICONS`); never raises."""
    return bundled_icon(name)
