"""Icons come from qtawesome, or from our SVGs when its fonts cannot load (FontError)."""

from __future__ import annotations

import pytest

from motcua_desktop.ui import icons


@pytest.fixture(autouse=True)
def _fresh_cache():
    icons.reset_cache()
    yield
    icons.reset_cache()


def test_every_icon_has_a_bundled_fallback_file():
    from motcua_desktop import paths

    for name in icons.ICONS:
        assert (paths.icons_dir() / f"{name}.svg").is_file(), name


def test_font_icons_are_used_when_qtawesome_works(qapp):
    assert not icons.icon("add").isNull()
    assert icons._font_icons_work()


def test_blocked_icon_font_falls_back_to_bundled_svgs(qapp, monkeypatch):
    import qtawesome
    from qtawesome.iconic_font import FontError

    def blocked(*_args, **_kwargs):
        raise FontError("Font is blocked by policy")

    monkeypatch.setattr(qtawesome, "icon", blocked)
    for name in icons.ICONS:
        result = icons.icon(name)
        assert not result.isNull(), name
        assert not result.pixmap(24, 24).isNull(), name


def test_window_builds_with_the_icon_font_blocked(qtbot, sample_db_path, monkeypatch):
    import qtawesome

    monkeypatch.setattr(qtawesome, "icon", lambda *a, **k: (_ for _ in ()).throw(OSError("blocked")))
    from motcua_desktop.ui import build_main_window

    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    assert not win.action_undo.icon().isNull()
    win.close()
