"""A data file another program holds SQLite's lock on at start (``BEGIN EXCLUSIVE`` in a
database browser, a sync tool): the window opens read-only with a banner saying why; a file
not even readable is refused with a message, never taken for a damaged one."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QToolBar

from motcua_desktop.store.sqlite_lock import SqliteLock, probe
from motcua_desktop.ui import app as app_module

from .helpers import content

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

_HOLDER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("UPDATE settings SET value = value")  # a write not yet committed
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
""")


@contextmanager
def held_exclusive(path: Path) -> Iterator[None]:
    """Another process holding ``BEGIN EXCLUSIVE`` on ``path`` until the block ends."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.communicate("\n", timeout=10)


def _run_gui_without_event_loop(monkeypatch, path: Path) -> tuple[int, list[str]]:
    """run_gui up to the point the window is shown; the messages it would have shown."""
    shown: list[str] = []
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    return app_module.run_gui(str(path), demo=False), shown


def _main_windows():
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]


def test_probe_tells_a_write_lock_from_a_free_file(sample_db_path):
    assert probe(sample_db_path) is SqliteLock.NONE
    with held_exclusive(sample_db_path):
        assert probe(sample_db_path) is SqliteLock.WRITES
    assert probe(sample_db_path) is SqliteLock.NONE


def test_a_file_locked_by_another_program_opens_read_only_with_the_reason(qtbot, monkeypatch, sample_db_path):
    # Given another program holding SQLite's exclusive lock on the (WAL) data file
    with held_exclusive(sample_db_path):
        before = content(sample_db_path)
        # When the app starts on it
        status, messages = _run_gui_without_event_loop(monkeypatch, sample_db_path)
        # Then no error is shown and the window is read-only, the banner saying why
        assert (status, messages) == (0, [])
        [win] = _main_windows()
        qtbot.addWidget(win)
        assert win.findChild(QToolBar, "readOnlyBanner") is not None
        text = win.findChild(QLabel, "readOnlyBannerText").text()
        assert text.startswith("Chỉ xem — ") and "đang bị một chương trình khác khóa để ghi" in text
        assert win.registry.read_only and win.write_access.read_only
        win.tabs.setCurrentWidget(win.units_tab)
        assert win.units_tab.model.rowCount() == 21  # the data is there to look at
        for tab in (win.units_tab, win.staff_tab):
            assert not tab.action_add.isVisible()
        win.close()
        assert content(sample_db_path) == before


def test_a_file_nobody_can_read_now_is_refused_and_not_offered_a_backup(qtbot, monkeypatch, sample_db_path):
    # Given a rollback-journal file on which another program holds an exclusive lock
    conn = sqlite3.connect(sample_db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with held_exclusive(sample_db_path):
        assert probe(sample_db_path) is SqliteLock.ALL
        offered: list[Path] = []
        monkeypatch.setattr("motcua_desktop.ui.recovery_dialog.ensure_openable", lambda p, *a: offered.append(p))
        # When the app starts on it
        status, messages = _run_gui_without_event_loop(monkeypatch, sample_db_path)
    # Then it says the file is locked (not damaged) and stops; no recovery was offered
    assert status == 1 and offered == []
    [message] = messages
    assert "đang bị một chương trình khác khóa hoàn toàn" in message and "không bị hỏng" in message
