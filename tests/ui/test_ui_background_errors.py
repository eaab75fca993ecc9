"""Import and export run in a worker thread: a known problem is shown in its own words, a
bug is logged with its traceback and shown as a program error — never turned into a data
problem without a trace."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from motcua_desktop import errorlog
from motcua_desktop.store.errors import DiskFull
from motcua_desktop.ui.file_actions import BackgroundJob
from motcua_desktop.userdata import log_dir


def _run(qtbot, sample_db_path, job):
    parent = QWidget()
    qtbot.addWidget(parent)
    background = BackgroundJob(parent, sample_db_path, job, "Đang làm…", lambda _: None, "Không xuất được")
    with qtbot.waitSignal(background.finished, timeout=20000) as blocker:
        background.start()
    assert blocker.args == [False]
    return background


@pytest.fixture(autouse=True)
def _close_log():
    yield
    errorlog.shutdown_logging()


def test_a_bug_in_the_job_is_logged_and_shown_as_a_program_error(qtbot, sample_db_path):
    def broken(registry):
        return registry.db.conn.execute("SELECT no_such_column FROM units").fetchall()

    job = _run(qtbot, sample_db_path, broken)
    assert job.dialog.objectName() == "errorDialog"
    assert job.dialog.windowTitle() == "Lỗi chương trình"
    log_file = log_dir() / "motcua.log"
    assert str(log_file) in job.dialog.text()
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "no such column: no_such_column" in logged
    job.dialog.close()


def test_a_known_problem_in_the_job_keeps_its_own_message(qtbot, sample_db_path):
    def full(_registry):
        raise DiskFull("Ổ đĩa đã đầy, không ghi được dữ liệu.")

    job = _run(qtbot, sample_db_path, full)
    assert job.dialog.objectName() == "jobFailedBox"
    assert job.dialog.text() == "Ổ đĩa đã đầy, không ghi được dữ liệu."
    assert not (log_dir() / "motcua.log").exists()
    job.dialog.close()
