"""Starting on a register that is on a share: unreadable is not damaged, a dead PC's lock,
and the plain warning for network drives and synced folders (simulated on Linux)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QLabel

from motcua_desktop.store import health
from motcua_desktop.store.backup import automatic_backup
from motcua_desktop.ui import build_main_window

from .helpers import content
from .test_ui_robust import Clicker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize(
    ("error", "said"),
    [
        # what Windows SQLite answered to the old file://server/share URI of a mapped drive
        (sqlite3.OperationalError("invalid uri authority: may-chu"), "Không tới được tệp dữ liệu"),
        (sqlite3.OperationalError("database is locked"), "chương trình khác giữ"),
        (sqlite3.OperationalError("unable to open database file"), "Không tới được tệp dữ liệu"),
    ],
)
def test_a_file_that_cannot_be_read_for_another_reason_is_never_offered_a_restore(
    qtbot, sample_db_path, monkeypatch, error, said
):
    from motcua_desktop.ui.recovery_dialog import ensure_openable

    automatic_backup(sample_db_path)  # a good backup exists: the old dialog offered it by default
    before = sample_db_path.read_bytes()

    def fail(path):
        raise error

    monkeypatch.setattr(health, "_connect_read_only", fail)
    clicker = Clicker(["retryButton", "readOnlyButton"])
    opening = ensure_openable(sample_db_path, None)
    [(first, text), (second, _)] = clicker.seen
    assert first == second == "unreadableDialog"  # asked again after "Thử lại", never a restore
    assert said in text and "không bị coi là hỏng" in text and "Phục hồi từ" not in text
    assert opening is not None and opening.read_only and opening.path == sample_db_path
    assert sample_db_path.read_bytes() == before


def test_the_unreadable_dialogs_default_is_to_try_again_and_it_has_no_restore(qtbot, sample_db_path):
    from PySide6.QtWidgets import QAbstractButton

    from motcua_desktop.store.health import Trouble
    from motcua_desktop.ui.recovery_dialog import UnreadableDialog

    dialog = UnreadableDialog(sample_db_path, Trouble.UNREACHABLE, ["Không mở được tệp."])
    qtbot.addWidget(dialog)
    assert dialog.defaultButton() is dialog.retry_button
    assert [b.text() for b in dialog.findChildren(QAbstractButton) if "Phục hồi" in b.text()] == []


def test_a_file_this_account_may_not_read_says_so(qtbot, sample_db_path, monkeypatch):
    from motcua_desktop.ui.recovery_dialog import ensure_openable

    real_open = type(sample_db_path).open

    def denied(self, *a, **k):
        if self == sample_db_path:
            raise PermissionError(13, "Access is denied")
        return real_open(self, *a, **k)

    monkeypatch.setattr(type(sample_db_path), "open", denied)
    clicker = Clicker(["quitButton"])
    assert ensure_openable(sample_db_path, None) is None
    assert clicker.seen[0][0] == "unreadableDialog" and "không có quyền" in clicker.seen[0][1]


def _lock_from_another_pc(path, host="MAY-KE-TOAN"):
    from motcua_desktop.ui.lock import lock_path

    lock_path(path).write_text(f"4242\nMotCua\n{host}\n0\n0\n", encoding="utf-8")


def test_a_lock_left_by_a_pc_that_crashed_can_be_broken_after_a_clear_question(qtbot, sample_db_path):
    from motcua_desktop.ui.lock import acquire, settle_held

    _lock_from_another_pc(sample_db_path)
    access = acquire(sample_db_path)
    assert access.held_elsewhere and access.other_host == "MAY-KE-TOAN"
    clicker = Clicker(["breakLockButton", "confirmBreakLock"])
    settled = settle_held(access, sample_db_path)
    assert [name for name, _ in clicker.seen] == ["alreadyOpenDialog", "breakLockQuestion"]
    assert "MAY-KE-TOAN" in clicker.seen[1][1] and "đã tắt" in clicker.seen[1][1]
    assert settled is not None and not settled.read_only
    settled.release()


def test_saying_no_to_breaking_the_lock_opens_read_only(qtbot, sample_db_path):
    from motcua_desktop.ui.lock import acquire, lock_path, settle_held

    _lock_from_another_pc(sample_db_path)
    access = acquire(sample_db_path)
    clicker = Clicker(["breakLockButton", "Không, mở để xem"])
    settled = settle_held(access, sample_db_path)
    assert settled is access and settled.read_only and len(clicker.seen) == 2
    assert "MAY-KE-TOAN" in lock_path(sample_db_path).read_text(encoding="utf-8")


def test_a_register_on_a_network_drive_is_opened_with_a_plain_warning(qtbot, sample_db_path, monkeypatch):
    from motcua_desktop.store import location

    monkeypatch.setattr(location, "_linux_mount_type", lambda path: "cifs")
    monkeypatch.setattr(location, "_windows_drive_type", lambda root: 4)  # DRIVE_REMOTE
    before = content(sample_db_path)
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    text = win.findChild(QLabel, "placeBannerText").text()
    assert "nằm trên ổ mạng" in text and "Mỗi lúc chỉ một người được sửa" in text
    assert not win.registry.read_only
    journal = win.registry.db.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "delete"
    win.close()
    assert content(sample_db_path) == before
