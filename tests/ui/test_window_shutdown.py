"""No crash on the way out: timers and workers stop before their register closes."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox


def test_closing_with_a_preview_pending_runs_nothing_against_the_closed_register(window, qtbot, answers):
    answers.answer = QMessageBox.StandardButton.Discard
    window.tabs.setCurrentWidget(window.report_holder)
    tab = window.ensure_report_tab()
    tab.editor.title.setText("Sửa rồi đóng ngay")
    tab.editor.title.textEdited.emit("Sửa rồi đóng ngay")
    assert tab._timer.isActive()  # the preview would render in 0.7 s

    window.close()

    assert window.registry.closed and not tab._timer.isActive()
    qtbot.wait(900)  # an exception in the event loop (closed database) would fail the test


def test_closing_during_an_export_waits_for_it_and_drops_its_result(window, qtbot, monkeypatch, tmp_path):
    release = threading.Event()

    def slow_export(path):
        def job(registry):
            release.wait(5)
            return path
        return job

    monkeypatch.setattr("motcua_desktop.ui.file_menu.export_job", slow_export)
    job = window.files.run_export(tmp_path / "xuat.xlsx")
    assert job.worker.isRunning()
    threading.Timer(0.3, release.set).start()

    window.close()  # must not destroy a running thread (a Qt abort) nor report to a closed window

    assert not job.worker.isRunning() and window.registry.closed
    qtbot.wait(200)
