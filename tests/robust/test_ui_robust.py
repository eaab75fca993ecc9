"""The window's side of robustness: backup menu, recovery at start, one writer with a
read-only banner, history per record, the trash."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QToolBar

from motcua_desktop.store.backup import KIND_AUTO, automatic_backup, list_backups
from motcua_desktop.store.health import check_file
from motcua_desktop.ui import build_main_window
from motcua_desktop.ui.commands import Area
from motcua_desktop.userdata import backup_dir

from .helpers import content, corrupt

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class Clicker:
    """Answers the modal dialogs that come up, in order: a button's objectName or text, or
    ``ACCEPT`` for a message box's default button.

    It stops once every step is taken. If a step is still waiting after ``seconds`` it gives
    up: it closes whatever modal dialog is open (so the blocked call returns instead of
    hanging the run) and the test's next look at ``seen`` fails, naming the missing step."""

    def __init__(self, steps: list[str], seconds: float = 30):
        self.steps, self.seen = list(steps), []
        self.deadline = time.monotonic() + seconds
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(20)

    def _tick(self) -> None:
        if not self.steps:
            self.timer.stop()
            return
        w = QApplication.activeModalWidget()
        if time.monotonic() > self.deadline:
            self.timer.stop()
            self.seen.append(("timeout", f"không thấy hộp thoại cho bước {self.steps[0]!r}"))
            if w is not None:
                w.close()
            return
        if w is None:
            return
        step = self.steps[0]
        if step == "ACCEPT":
            self.steps.pop(0)
            self.seen.append((w.objectName(), getattr(w, "text", lambda: "")()))
            w.accept()
            return
        buttons = w.findChildren(QAbstractButton)
        button = next((b for b in buttons if step in (b.objectName(), b.text())), None)
        if button is not None:
            self.steps.pop(0)
            self.seen.append((w.objectName(), getattr(w, "text", lambda: "")()))
            button.click()


@pytest.fixture
def window(qtbot, sample_db_path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    yield win
    win.close()


def _action(win, name: str) -> QAction:
    action = win.findChild(QAction, name)
    assert action is not None, name
    return action


def test_backup_is_in_the_file_menu_and_writes_a_verified_copy(window, tmp_path):
    action = _action(window, "actionBackup")
    assert action in window.backup_actions.menu.actions()
    assert window.backup_actions.menu.menuAction() in window.file_menu.actions()
    usb = tmp_path / "usb"
    usb.mkdir()
    made = window.backup_actions.backup_into(usb)
    assert made.parent == usb and check_file(made) == []
    assert "Đã sao lưu vào" in window.statusBar().currentMessage()


def test_first_start_of_the_day_makes_an_automatic_backup_and_quitting_after_changes_another(qtbot, sample_db_path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    autos = [b for b in list_backups(sample_db_path, [backup_dir()]) if b.kind == KIND_AUTO]
    assert len(autos) == 1
    win.close()  # no change: no new backup
    assert len([b for b in list_backups(sample_db_path, [backup_dir()]) if b.kind == KIND_AUTO]) == 1
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    unit = win.registry.units.list()[0]
    unit.notes = "đã sửa"
    win.registry.units.update(unit)
    win.notify_changed(Area.UNITS)
    win.close()
    autos = [b for b in list_backups(sample_db_path, [backup_dir()]) if b.kind == KIND_AUTO]
    assert len(autos) == 2
    assert content(autos[0].path) == content(sample_db_path)


def test_a_damaged_file_at_start_is_recovered_from_the_newest_good_backup(qtbot, sample_db_path):
    from motcua_desktop.ui.recovery_dialog import ensure_openable

    # Given yesterday's backup, and today the file damaged on disk
    automatic_backup(sample_db_path)
    good = content(sample_db_path)
    corrupt(sample_db_path)
    damaged = sample_db_path.read_bytes()
    # When the app starts on it and the user accepts the offered backup
    clicker = Clicker(["restoreNewestButton", "ACCEPT"])
    path = ensure_openable(sample_db_path, None).path
    assert clicker.steps == [], clicker.seen
    # Then the dialog said what was wrong, the data is back, and the damaged file is kept
    assert clicker.seen[0][0] == "recoveryDialog"
    assert "bị hỏng" in clicker.seen[0][1] and "Bản sao lưu tốt gần nhất" in clicker.seen[0][1]
    assert "Tệp bị hỏng được giữ tại" in clicker.seen[1][1]
    assert path == sample_db_path and check_file(path) == [] and content(path) == good
    kept = [p for p in sample_db_path.parent.iterdir() if "truoc-phuc-hoi" in p.name and p.suffix == ".sqlite"]
    assert [p.read_bytes() for p in kept] == [damaged]
    win = build_main_window(path)
    qtbot.addWidget(win)
    win.tabs.setCurrentWidget(win.units_tab)
    assert win.units_tab.model.rowCount() == 21


def test_the_user_may_quit_instead_and_the_damaged_file_is_left_alone(qtbot, sample_db_path):
    from motcua_desktop.ui.recovery_dialog import ensure_openable

    corrupt(sample_db_path)
    damaged = sample_db_path.read_bytes()
    clicker = Clicker(["quitButton"])
    assert ensure_openable(sample_db_path, None) is None
    assert clicker.steps == [], clicker.seen
    assert clicker.seen[0][0] == "recoveryDialog" and "Không tìm thấy bản sao lưu nào" in clicker.seen[0][1]
    assert sample_db_path.read_bytes() == damaged


_HOLDER = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1])
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    print("locked", flush=True)
    sys.stdin.readline()
""")


def test_a_second_copy_is_told_the_file_is_open_and_gets_a_read_only_window(qtbot, sample_db_path):
    from motcua_desktop.ui.lock import acquire, ask_open_read_only, lock_path

    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(lock_path(sample_db_path))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        access = acquire(sample_db_path)
        assert access.read_only and access.held_elsewhere
        assert "đang được mở trong một cửa sổ Một Cửa khác" in access.reason
        clicker = Clicker(["Mở để xem (chỉ đọc)"])
        assert ask_open_read_only(access) is True
        assert clicker.steps == [], clicker.seen
        assert clicker.seen[0][0] == "alreadyOpenDialog"
        before = content(sample_db_path)
        win = build_main_window(sample_db_path, read_only=True)
        qtbot.addWidget(win)
        banner = win.findChild(QToolBar, "readOnlyBanner")
        assert banner is not None and not banner.isHidden()
        assert "Chỉ xem" in win.findChild(QLabel, "readOnlyBannerText").text()
        for name in ("actionAddUnit", "actionDelete", "actionImport", "actionRestore"):
            assert not _action(win, name).isVisible() or not _action(win, name).isEnabled()
        win.tabs.setCurrentWidget(win.units_tab)
        assert win.units_tab.model.rowCount() == 21
        assert not win.units_tab.action_edit.isVisible() and not win.staff_tab.action_end.isVisible()
        # a double-click on a row opens no edit dialog that could only fail on saving
        win.show()
        qtbot.waitExposed(win)
        table = win.units_tab.table
        where = table.visualRect(table.model().index(0, 1)).center()
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        assert win.units_tab.dialog is None
        win.close()
        assert content(sample_db_path) == before
    finally:
        holder.communicate("\n", timeout=10)


def test_the_first_copy_holds_the_lock_and_releases_it_when_closed(qtbot, sample_db_path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    assert not win.write_access.read_only and win.findChild(QToolBar, "readOnlyBanner") is None
    code = textwrap.dedent("""
        import sys
        from motcua_desktop.ui.lock import acquire
        a = acquire(sys.argv[1])
        print("held" if a.held_elsewhere else "free")
    """)
    other = subprocess.run([sys.executable, "-c", code, str(sample_db_path)], capture_output=True, text=True, encoding="utf-8",
                           timeout=120)
    assert other.stdout.strip() == "held", other.stderr
    win.write_access.release()
    other = subprocess.run([sys.executable, "-c", code, str(sample_db_path)], capture_output=True, text=True, encoding="utf-8",
                           timeout=120)
    assert other.stdout.strip() == "free", other.stderr


def test_a_read_only_folder_opens_with_a_banner_not_an_error(qtbot, sample_db_path, read_only_folder):
    from motcua_desktop.ui.lock import acquire

    folder = read_only_folder(sample_db_path)
    path = folder / sample_db_path.name
    access = acquire(path)
    assert access.read_only and "chỉ cho phép đọc" in access.reason
    win = build_main_window(path, read_only=access.read_only)
    qtbot.addWidget(win)
    assert "chỉ cho phép đọc" in win.findChild(QLabel, "readOnlyBannerText").text()
    assert not _action(win, "actionAddUnit").isVisible()


def test_history_of_the_selected_unit_is_shown_and_exported(window, tmp_path):
    unit = window.registry.units.list()[0]
    unit.hotline = "0205 3820 000"
    window.registry.units.update(unit)
    window.units_tab.reload()
    window.tabs.setCurrentWidget(window.units_tab)
    window.units_tab.select_where(lambda u: u.id == unit.id)
    for tab in (window.units_tab, window.staff_tab, window.equipment_tab):
        assert window.history_actions.action_history in tab.context_actions  # right-click on a row
    dialog = window.history_actions.show_selected()
    assert dialog.windowTitle() == f"Lịch sử thay đổi — {unit.name}"
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert ["Đường dây nóng", "", "0205 3820 000"] in [r[5:] for r in rows]
    assert {r[4] for r in rows} == {"Thêm", "Sửa"}
    out = dialog.export_to(tmp_path / "ls.csv")
    assert "0205 3820 000" in out.read_text(encoding="utf-8-sig")
    dialog.close()


def test_a_deleted_unit_is_restored_from_the_trash_and_shown_again(window):
    from motcua_desktop.domain.model import Unit

    unit = window.registry.units.add(Unit(code="X-XOA", name="Bộ phận Một cửa xã Bị Xóa"))
    window.registry.units.delete(unit.id)
    window.notify_changed(Area.UNITS)
    dialog = window.history_actions.show_trash()
    assert dialog.table.item(0, 2).text() == "Bộ phận Một cửa xã Bị Xóa"
    assert dialog.restore_selected()
    assert "Đã khôi phục Bộ phận Một cửa xã Bị Xóa" in dialog.message.text()
    window.tabs.setCurrentWidget(window.units_tab)
    names = [window.units_tab.model.data(window.units_tab.model.index(r, 1)) for r in range(window.units_tab.model.rowCount())]
    assert window.registry.units.get(unit.id).name == "Bộ phận Một cửa xã Bị Xóa"
    assert window.units_tab.model.rowCount() == 22, names
    dialog.close()


def test_restore_from_the_file_menu_reopens_the_window_on_the_backup(qtbot, sample_db_path, tmp_path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    usb = tmp_path / "usb"
    usb.mkdir()
    made = win.backup_actions.backup_into(usb)
    good = content(sample_db_path)
    unit = win.registry.units.list()[0]
    unit.name = "Tên nhập nhầm"
    win.registry.units.update(unit)
    clicker = Clicker(["ACCEPT"])
    new = win.backup_actions.restore(made)
    assert clicker.steps == [], clicker.seen
    qtbot.addWidget(new)
    assert "Đã phục hồi dữ liệu từ" in clicker.seen[0][1] and "Dữ liệu trước đó được giữ tại" in clicker.seen[0][1]
    assert content(sample_db_path) == good
    assert new.registry.units.list()[0].name != "Tên nhập nhầm"
    kept = [p for p in sample_db_path.parent.iterdir() if "truoc-phuc-hoi" in p.name and p.suffix == ".sqlite"]
    assert len(kept) == 1 and "Tên nhập nhầm" in [u[0] for u in _names(kept[0])]
    new.close()


def _names(path):
    import sqlite3

    from motcua_desktop.store.health import read_only_uri

    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return conn.execute("SELECT name FROM units").fetchall()
    finally:
        conn.close()


def test_the_gui_start_up_checks_the_file_and_recovers_it(qtbot, sample_db_path, monkeypatch):
    """run_gui itself: a corrupted sample is detected and restored before the window opens."""
    from motcua_desktop import errorlog
    from motcua_desktop.ui import app as app_module

    automatic_backup(sample_db_path)
    good = content(sample_db_path)
    corrupt(sample_db_path)
    shown = []
    monkeypatch.setattr(app_module.QApplication, "exec", lambda *a: shown.append(
        [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow" and w.isVisible()]) or 0)
    previous_hook = sys.excepthook
    clicker = Clicker(["restoreNewestButton", "ACCEPT"])
    try:
        assert app_module.run_gui(db=str(sample_db_path), demo=False) == 0
    finally:
        sys.excepthook = previous_hook
        errorlog.shutdown_logging()
    assert clicker.steps == [], clicker.seen
    assert clicker.seen[0][0] == "recoveryDialog"
    assert content(sample_db_path) == good
    [window] = shown[0]
    qtbot.addWidget(window)
    assert window.registry.path == sample_db_path and not window.write_access.read_only
    window.close()


def test_restore_dialog_lists_the_backups_newest_first_and_settings_choose_a_usb_folder(qtbot, sample_db_path, tmp_path):
    from motcua_desktop.store.backup import BackupConfig
    from motcua_desktop.ui.backup_actions import BackupSettingsDialog, RestoreDialog

    first = automatic_backup(sample_db_path)
    second = automatic_backup(sample_db_path)
    dialog = RestoreDialog(sample_db_path)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2 and dialog.selected() == second
    assert "(tự động)" in dialog.list.item(0).text() and first.name in dialog.list.item(1).text()
    settings = BackupSettingsDialog(BackupConfig())
    qtbot.addWidget(settings)
    settings.folder.setText(str(tmp_path / "E"))
    settings.keep.setValue(30)
    assert settings.config() == BackupConfig(tmp_path / "E", 30)


def test_command_line_restore_refuses_while_a_window_has_the_file_open(sample_db_path, tmp_path, capsys):
    from motcua_desktop.cli.main import run
    from motcua_desktop.store.backup import backup_to
    from motcua_desktop.ui.lock import lock_path

    made = backup_to(sample_db_path, tmp_path)
    before = content(sample_db_path)
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(lock_path(sample_db_path))],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "locked"
        capsys.readouterr()
        assert run(["restore", "--db", str(sample_db_path), str(made)]) == 1
        err = capsys.readouterr().err
        assert "đang mở trong cửa sổ Một Cửa" in err and f"tiến trình số {holder.pid}" in err
        assert content(sample_db_path) == before
        assert not [p for p in sample_db_path.parent.iterdir() if "truoc-phuc-hoi" in p.name]
    finally:
        holder.communicate("\n", timeout=10)
    # once that window is closed (its lock gone or stale), the restore goes ahead
    assert run(["restore", "--db", str(sample_db_path), str(made)]) == 0
