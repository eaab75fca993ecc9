"""Toolbar and menu icons: qtawesome's font icons, with our bundled SVGs until they are loaded.

Importing qtawesome (and qtpy, which pulls in QtOpenGL) and loading its fonts costs as much CPU
as the rest of the window's start-up, so the window first paints with the SVGs in
resources/icons and :func:`load_font_icons` swaps in the font icons just after the first paint.
Where the fonts cannot be loaded (Windows' "block untrusted fonts" policy makes qtawesome raise
FontError, or the package is missing from a trimmed bundle) the SVGs simply stay.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtWidgets import QApplication

from .. import paths

COLOR = "#2b4c7e"

# logical name used in the code -> qtawesome's name; the bundled file is resources/icons/NAME.svg
FONT_NAMES: dict[str, str] = {
    "add": "fa5s.plus",
    "add-person": "fa5s.user-plus",
    "delete": "fa5s.trash-alt",
    "undo": "fa5s.undo",
    "redo": "fa5s.redo",
    "import": "fa5s.file-import",
    "export": "fa5s.file-export",
    "backup": "fa5s.save",
    "preview": "fa5s.eye",
    "print": "fa5s.print",
    "up": "fa5s.arrow-up",
    "down": "fa5s.arrow-down",
    "edit": "fa5s.edit",
    "settings": "fa5s.cog",
    "open": "fa5s.folder-open",
    "new": "fa5s.file",
    "unit": "fa5s.building",
    "equipment": "fa5s.desktop",
    "end-assignment": "fa5s.user-times",
    "transfer": "fa5s.exchange-alt",
    "history": "fa5s.history",
    "quit": "fa5s.sign-out-alt",
    "list": "fa5s.list",
}
ICONS: tuple[str, ...] = tuple(FONT_NAMES)

_font_icons: dict[str, QIcon] = {}  # filled by load_font_icons(); empty means "use the SVGs"


@cache
def bundled_icon(name: str) -> QIcon:
    return QIcon(str(paths.icons_dir() / f"{name}.svg"))


def current_icon(name: str) -> QIcon:
    """What ``name`` draws as right now: the font icon once loaded, else the bundled SVG."""
    return _font_icons.get(name) or bundled_icon(name)


class _SwappableEngine(QIconEngine):
    """Draws whatever :func:`current_icon` gives, so icons already handed to actions and
    buttons change when the font icons arrive."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        current_icon(self._name).paint(painter, rect, Qt.AlignmentFlag.AlignCenter, mode, state)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return current_icon(self._name).pixmap(size, mode, state)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return current_icon(self._name).actualSize(size, mode, state)

    def clone(self) -> QIconEngine:
        return _SwappableEngine(self._name)


@cache
def icon(name: str) -> QIcon:
    """The icon for ``name`` (one of :data:`ICONS`); never raises."""
    if name not in FONT_NAMES:
        raise KeyError(name)
    return QIcon(_SwappableEngine(name))


def _font_awesome_solid() -> Any:
    """qtawesome's Font Awesome 5 solid font alone: ``qtawesome.icon`` would load all eight of its
    fonts (6 MB, most of the load time), and the bundle carries only this one (build.spec)."""
    import qtawesome
    from qtawesome.iconic_font import IconicFont

    solid = [args for args in qtawesome._BUNDLED_FONTS if args[0] == "fa5s"]
    return IconicFont(*solid)


def font_icons_loaded() -> bool:
    return bool(_font_icons)


def load_font_icons() -> bool:
    """Load qtawesome's icons (once) and repaint the windows; False when the font cannot load,
    in which case the bundled SVGs stay. Call after the first paint, never before."""
    if _font_icons:
        return True
    try:
        font = _font_awesome_solid()
        loaded = {name: font.icon(glyph, color=COLOR) for name, glyph in FONT_NAMES.items()}
    except Exception:  # FontError, a missing font file, or qtawesome absent from a bundle
        return False
    _font_icons.update(loaded)
    for widget in QApplication.topLevelWidgets():
        widget.update()
    return True


def reset_for_tests() -> None:
    """Back to the SVGs (tests that simulate a blocked font)."""
    _font_icons.clear()
