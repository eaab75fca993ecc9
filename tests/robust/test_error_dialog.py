"""Uncaught exceptions: logged to a rotating file in the data folder, shown in Vietnamese."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QPushButton

from motcua_desktop import errorlog
from motcua_desktop.userdata import log_dir


@pytest.fixture
def reporter(qtbot):
    from motcua_desktop.ui.error_dialog import install

    window = QPushButton("Lưu")
    qtbot.addWidget(window)
    window.show()
    rep = install(lambda: window)
    yield window, rep
    rep.uninstall()
    errorlog.shutdown_logging()


# the offscreen platform cannot size a message box; a real screen can
@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
@pytest.mark.qt_no_exception_capture
def test_a_crash_in_a_button_is_logged_and_shown_and_the_window_stays_usable(reporter, qtbot):
    window, rep = reporter
    calls = []

    def broken():
        calls.append(1)
        raise ZeroDivisionError("chia cho 0 trong mã tính toán")

    window.clicked.connect(broken)
    # When the user clicks a button whose code fails
    window.click()
    # Then a Vietnamese dialog names the log file, which holds the traceback
    dialog = rep.dialog
    assert dialog is not None and dialog.isVisible()
    log_file = log_dir() / "motcua.log"
    assert dialog.windowTitle() == "Đã xảy ra lỗi"
    assert "lỗi không lường trước" in dialog.text() and str(log_file) in dialog.text()
    assert "Bạn có thể tiếp tục làm việc" in dialog.text()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError: chia cho 0 trong mã tính toán" in logged
    # And the window still works: a second click runs again and does not stack dialogs
    window.click()
    assert len(calls) == 2 and window.isEnabled() and rep.dialog is dialog
    assert log_file.read_text(encoding="utf-8").count("ZeroDivisionError: chia") == 2


def test_a_store_error_shows_its_own_message():
    from motcua_desktop.store.errors import StoreError

    text = errorlog.user_message(StoreError("Ổ đĩa đã đầy, không ghi được dữ liệu."), None)
    assert text.startswith("Ổ đĩa đã đầy") and "Không ghi được tệp nhật ký" in text


def test_the_log_rotates_instead_of_growing_without_end():
    try:
        errorlog.setup_logging()
        big = "x" * 10_000
        for _ in range(300):
            errorlog.log.info(big)
        files = sorted(p.name for p in log_dir().iterdir())
        assert "motcua.log.1" in files and len(files) <= errorlog.BACKUP_COUNT + 1
        assert all(p.stat().st_size <= errorlog.MAX_BYTES + 20_000 for p in log_dir().iterdir())
    finally:
        errorlog.shutdown_logging()


def test_without_a_dialog_the_hook_prints_the_message(capsys):
    previous = errorlog.install_excepthook(None)
    try:
        try:
            raise ValueError("hỏng")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        assert "lỗi không lường trước" in capsys.readouterr().err
    finally:
        sys.excepthook = previous
        errorlog.shutdown_logging()
