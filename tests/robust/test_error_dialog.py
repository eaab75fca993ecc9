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
    assert dialog.windowTitle() == "Lỗi chương trình"
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


def _raise_uncaught(exc: BaseException) -> None:
    try:
        raise exc
    except BaseException:
        sys.excepthook(*sys.exc_info())


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_an_sql_mistake_is_shown_as_a_program_error_not_as_a_damaged_file(reporter, registry):
    from motcua_desktop.store.database import transaction
    from motcua_desktop.store.errors import StoreBug

    _, rep = reporter
    with pytest.raises(StoreBug) as info, transaction(registry.db):
        registry.db.conn.execute("SELECT no_such_column FROM units")
    _raise_uncaught(info.value)
    dialog = rep.dialog
    assert dialog.windowTitle() == "Lỗi chương trình"
    assert "lỗi của chương trình, không phải do tệp dữ liệu" in dialog.text()
    assert "hỏng" not in dialog.text() and "Lỗi dữ liệu" not in dialog.text()
    logged = (log_dir() / "motcua.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "no such column: no_such_column" in logged


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_a_full_disk_is_shown_in_its_own_words_not_as_a_program_error(reporter):
    from motcua_desktop.store.errors import DiskFull

    _, rep = reporter
    _raise_uncaught(DiskFull("Ổ đĩa đã đầy, không ghi được dữ liệu."))
    assert rep.dialog.windowTitle() == "Không thực hiện được"
    assert rep.dialog.text().startswith("Ổ đĩa đã đầy") and "lỗi của chương trình" not in rep.dialog.text()


def test_a_font_problem_is_a_known_problem_of_its_own_kind():
    from motcua_desktop.errors import KnownProblem
    from motcua_desktop.report.fonts import FontError
    from motcua_desktop.store.errors import StoreError

    exc = FontError("Thiếu tệp phông chữ của chương trình: LiberationSerif-Bold.ttf.")
    assert isinstance(exc, KnownProblem) and not isinstance(exc, StoreError)
    assert errorlog.user_title(exc) == "Không thực hiện được"
    assert errorlog.user_message(exc, None).startswith("Thiếu tệp phông chữ")


def test_a_bug_before_the_window_opens_is_logged_and_shown_as_a_program_error(qtbot, sample_db_path, monkeypatch):
    import sqlite3

    from motcua_desktop.ui import app as app_module
    from motcua_desktop.ui.error_dialog import ErrorDialog

    shown = []
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: shown.append((self.windowTitle(), self.text())) or 0)

    def broken(*_args, **_kwargs):
        raise sqlite3.OperationalError("no such column: units.colour")

    monkeypatch.setattr("motcua_desktop.ui.build_main_window", broken)
    try:
        assert app_module.run_gui(db=str(sample_db_path), demo=False) == 1
    finally:
        errorlog.shutdown_logging()
    [(title, text)] = shown
    assert title == "Lỗi chương trình" and "lỗi của chương trình" in text
    logged = (log_dir() / "motcua.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "no such column: units.colour" in logged
