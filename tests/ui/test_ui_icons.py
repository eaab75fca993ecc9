"""Icons: the bundled SVGs at the first paint, qtawesome's font icons just after it, and the
SVGs for good when the icon font cannot load (Windows' "block untrusted fonts" policy)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from motcua_desktop.ui import icons


@pytest.fixture(autouse=True)
def _svg_icons_again():
    icons.reset_for_tests()
    yield
    icons.reset_for_tests()


def _image(icon) -> QImage:
    return icon.pixmap(24, 24).toImage()


def test_every_icon_has_its_bundled_file_and_draws(qapp):
    from motcua_desktop import paths

    for name in icons.ICONS:
        assert (paths.icons_dir() / f"{name}.svg").is_file(), name
        image = _image(icons.icon(name))
        assert not image.isNull() and image != QImage(), name


def test_window_paints_first_with_svgs_then_swaps_in_font_icons(window, qtbot):
    action = window.units_tab.action_add
    # (that qtawesome is not even imported before the first paint: test_window_startup.py)
    before = _image(action.icon())
    assert before == _image(icons.bundled_icon("unit"))

    window.show()
    qtbot.waitUntil(icons.font_icons_loaded, timeout=5000)

    after = _image(action.icon())  # the same QIcon the action already held
    assert after != before
    import qtawesome

    assert after == _image(qtawesome.icon(icons.FONT_NAMES["unit"], color=icons.COLOR))


def test_only_the_solid_font_is_loaded(qapp):
    assert icons.load_font_icons()
    font = icons._font_awesome_solid()
    assert list(font.fontname) == ["fa5s"]


def test_a_blocked_icon_font_leaves_the_svgs(qapp, monkeypatch):
    from qtawesome import iconic_font

    def refuse(*args, **kwargs):
        raise iconic_font.FontError("untrusted font blocked")

    monkeypatch.setattr(iconic_font.IconicFont, "load_font", refuse)
    assert icons.load_font_icons() is False
    assert not icons.font_icons_loaded()
    for name in icons.ICONS:
        assert _image(icons.icon(name)) == _image(icons.bundled_icon(name)), name
