"""File menu: export and import run in the background; a refused import lists the bad rows;
opening another data file and the recent-files list."""

from __future__ import annotations

from motcua_desktop.ui import build_main_window
from motcua_desktop.ui.file_actions import ProblemsDialog


def _run(qtbot, job):
    with qtbot.waitSignal(job.finished, timeout=20000) as blocker:
        pass
    return blocker.args[0]


def test_export_then_import_into_an_empty_register(window, qtbot, tmp_path):
    out = tmp_path / "xuat.xlsx"
    job = window.files.run_export(out)
    assert _run(qtbot, job) is True
    assert out.is_file()
    assert "Đã xuất dữ liệu" in window.statusBar().currentMessage()

    empty = build_main_window(tmp_path / "trong.sqlite")
    qtbot.addWidget(empty)
    assert empty.units_tab.model.rowCount() == 0
    job = empty.files.run_import(out)
    assert job.progress.isVisible() or job.worker.isFinished()
    assert _run(qtbot, job) is True
    empty.tabs.setCurrentWidget(empty.units_tab)  # hidden tabs reload when shown
    assert empty.units_tab.model.rowCount() == 21
    assert "Đã nhập xuat.xlsx" in job.dialog.text()
    job.dialog.close()
    empty.tabs.setCurrentWidget(empty.staff_tab)
    assert empty.staff_tab.model.rowCount() > 0
    empty.close()


def test_a_refused_import_lists_every_bad_row_and_changes_nothing(window, qtbot, tmp_path):
    bad = tmp_path / "Đơn vị.csv"
    bad.write_text(
        "Mã,Tên đơn vị,Cấp,Loại\n"
        "X-MOI,Bộ phận Một cửa xã Mới,Thôn,xã\n"
        ",Bộ phận Một cửa không mã,Xã,xã\n",
        encoding="utf-8",
    )
    job = window.files.run_import(bad)
    assert _run(qtbot, job) is False
    dialog = job.dialog
    assert isinstance(dialog, ProblemsDialog)
    text = dialog.problems.toPlainText()
    assert ":2:" in text and ":3:" in text
    assert len(window.registry.units.list()) == 21
    dialog.close()


def test_opening_another_data_file_switches_the_window_and_remembers_it(window, qtbot, tmp_path,
                                                                       sample_db_path):
    other = tmp_path / "khac.sqlite"
    new = window.files.switch_to(other)
    qtbot.addWidget(new)
    assert new.registry.path == other
    assert str(other.resolve()) == new.ui_settings.recent_files[0]
    new.files._fill_recent()
    assert str(sample_db_path.resolve()) in [a.text() for a in new.files.recent_menu.actions()]
    new.close()


def test_an_unreadable_data_file_is_refused_with_a_message(window, tmp_path, answers):
    junk = tmp_path / "hong.sqlite"
    junk.write_bytes(b"day khong phai tep du lieu" * 100)
    assert window.files.switch_to(junk) is None
    assert answers.warned and "hỏng" in answers.warned[0]
