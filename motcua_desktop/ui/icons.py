"""Toolbar and menu icons: qtawesome's font icons, or our bundled SVGs when the icon font
cannot be loaded (Windows' "block untrusted fonts" policy makes qtawesome raise FontError)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from .. import paths

# logical name -> (qtawesome name, bundled file in resources/icons)
ICONS: dict[str, str] = {
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


def bundled_icon(name: str) -> QIcon:
    return QIcon(str(paths.icons_dir() / f"{name}.svg"))


@cache
def _font_icons_work() -> bool:
    """Whether qtawesome can draw at all; decided once so a blocked font costs one try."""
    try:
        import qtawesome

        qtawesome.icon(ICONS["add"])
    except Exception:  # FontError, or any failure to load the font files
        return False
    return True


def icon(name: str) -> QIcon:
    """The icon for ``name``; never raises for a known name."""
    if _font_icons_work():
        try:
            import qtawesome

            return qtawesome.icon(ICONS[name], color="#2b4c7e")
        except Exception:
            pass
    return bundled_icon(name)


def reset_cache() -> None:
    """Forget whether the font works (tests that simulate a blocked font)."""
    _font_icons_work.cache_clear()
