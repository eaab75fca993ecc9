"""A report being typed survives the app being killed (SIGKILL: no closeEvent, no save):
the next start offers the draft back, and takes it only when the user says so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from . import draft_child

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")

TYPED = " Đoạn gõ thêm trước khi mất điện."


def _kill_while_typing(db: Path) -> None:
    proc = subprocess.Popen([sys.executable, str(Path(draft_child.__file__)), str(db), TYPED],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    try:
        line = proc.stdout.readline().strip()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert line == "ack", proc.stderr.read()
    assert proc.returncode == -signal.SIGKILL


def test_a_report_typed_before_a_sigkill_is_offered_back_on_the_next_start(qtbot, sample_db_path):
    from motcua_desktop.ui import build_main_window

    # Given a clerk typing into the report when the app is killed
    _kill_while_typing(sample_db_path)

    # When the app starts again on the same register
    window = build_main_window(sample_db_path)
    qtbot.addWidget(window)

    # Then a banner offers the draft, and nothing is loaded until the user accepts it
    assert window.draft_offer is not None
    assert "bản nháp" in window.draft_offer.bar.findChild(type(window.file_label), "draftBannerText").text()
    assert window.report_tab is None or TYPED.strip() not in window.report_tab.editor.body.toPlainText()
    window.draft_offer.restore_button.click()
    tab = window.report_tab
    assert tab.editor.body.toPlainText().endswith(TYPED)
    assert tab.dirty  # still to be saved by the user
    assert window.tabs.currentWidget() is window.report_holder
    window.registry.close()


def test_a_discarded_draft_is_not_offered_again(qtbot, sample_db_path):
    from motcua_desktop.ui import build_main_window

    _kill_while_typing(sample_db_path)
    window = build_main_window(sample_db_path)
    qtbot.addWidget(window)
    window.draft_offer.discard_button.click()
    window.registry.close()

    again = build_main_window(sample_db_path)
    qtbot.addWidget(again)
    assert again.draft_offer is None
    again.registry.close()
