"""Trợ giúp › Hướng dẫn sử dụng opens the Vietnamese user guide inside the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua_desktop import paths
from motcua_desktop.ui import build_main_window
from motcua_desktop.ui.help_menu import GUIDE_FILE, UserGuideDialog, guide_markdown, open_user_guide

# The offscreen platform cannot size or raise windows and says so; not a problem of ours.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")


@pytest.fixture
def window(qtbot, sample_db_path: Path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    yield win
    win.close()


def _guide_action(win):
    return next(a for a in win.help_menu.actions() if a.objectName() == "actionUserGuide")


def test_help_menu_opens_the_user_guide_first_with_f1(window, qtbot) -> None:
    # Given the main window on the sample data
    action = _guide_action(window)
    # Then the guide is the first entry of the help menu, on F1
    assert window.help_menu.actions()[0] is action
    assert action.text().replace("&", "") == "Hướng dẫn sử dụng"
    assert action.shortcut().toString() == "F1"
    # When the user picks it
    action.trigger()
    dialog = window.findChild(UserGuideDialog, "userGuideDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    # Then the guide is shown, in Vietnamese, with its chapters
    text = dialog.browser.toPlainText()
    assert "Hướng dẫn sử dụng Một Cửa Desktop" in text
    for chapter in ("Cài đặt", "Lần mở đầu tiên", "Sử dụng hằng ngày", "Lập và in báo cáo", "Sao lưu"):
        assert chapter in text
    # And picking it again raises the same window instead of opening a second one
    action.trigger()
    assert window.findChildren(UserGuideDialog) == [dialog]


def test_pictures_whose_file_is_missing_are_left_out(tmp_path: Path) -> None:
    (tmp_path / "there.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    guide = tmp_path / GUIDE_FILE
    guide.write_text("# Hướng dẫn\n\n![Có](there.png)\n\n![Chưa có](missing.png)\n\nChữ.\n", encoding="utf-8")
    text = guide_markdown(guide)
    assert "there.png" in text and "missing.png" not in text and "Chữ." in text


def test_guide_missing_from_the_install_is_reported_in_vietnamese(window, monkeypatch, tmp_path, qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(paths, "docs_dir", lambda: tmp_path)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    assert open_user_guide(window) is None
    assert shown and str(tmp_path / GUIDE_FILE) in shown[0][1] and "hướng dẫn" in shown[0][1]
