"""Icons are the bundled SVGs: every one the code names is there and draws."""

from __future__ import annotations

import sys

from motcua_desktop.ui import icons


def test_every_icon_has_its_bundled_file_and_draws(qapp):
    from motcua_desktop import paths

    for name in icons.ICONS:
        assert (paths.icons_dir() / f"{name}.svg").is_file(), name
        pixmap = icons.icon(name).pixmap(24, 24)
        assert not pixmap.isNull() and not pixmap.toImage().isNull(), name


def test_the_window_draws_its_icons_without_an_icon_font(window):
    # qtawesome (and qtpy's QtOpenGL) once took half the start-up: no longer imported
    assert "qtawesome" not in sys.modules
    assert not window.units_tab.action_add.icon().isNull()
