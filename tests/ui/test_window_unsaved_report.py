"""Nothing typed into a report is lost: quitting, opening another register and restoring a
backup each ask Lưu / Không lưu / Hủy while the report has unsaved edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from motcua_desktop.store.report_draft import load_draft
from motcua_desktop.store.reports import SavedReport

SB = QMessageBox.StandardButton


def _type_into_report(window, text: str):
    window.tabs.setCurrentWidget(window.report_holder)
    tab = window.ensure_report_tab()
    tab.editor.title.setText(text)
    tab.editor.title.textEdited.emit(text)
    assert tab.dirty
    return tab


def _saved_titles(window) -> list[str]:
    return [r.title for r in window.registry.reports.list()]


def test_quitting_with_an_unsaved_report_and_cancel_keeps_the_window_and_the_text(window, answers):
    answers.answer = SB.Cancel
    tab = _type_into_report(window, "Báo cáo quý chưa lưu")
    window.show()

    window.files.action_quit.trigger()  # Ctrl+Q

    assert len(answers.asked) == 1 and "chưa được lưu" in answers.asked[0]
    assert window.isVisible() and not window.registry.closed
    assert tab.editor.title.text() == "Báo cáo quý chưa lưu"


def test_quitting_and_saving_stores_the_report(window, answers):
    answers.answer = SB.Save
    _type_into_report(window, "Báo cáo được lưu khi thoát")
    window.close()
    assert window.registry.closed
    from motcua_desktop.store import Registry

    reg = Registry.open(window.registry.path)
    try:
        assert "Báo cáo được lưu khi thoát" in [r.title for r in reg.reports.list()]
    finally:
        reg.close()
    assert load_draft(window.registry.path) is None  # saved: no draft left to offer


def test_quitting_without_saving_drops_the_edits_and_their_draft(window, answers):
    answers.answer = SB.Discard
    tab = _type_into_report(window, "Bản bỏ đi")
    tab.write_draft()
    assert load_draft(window.registry.path) is not None
    window.close()
    assert window.registry.closed
    assert load_draft(window.registry.path) is None


def test_opening_another_register_asks_first_and_cancel_stays(window, answers, tmp_path: Path):
    answers.answer = SB.Cancel
    _type_into_report(window, "Chưa lưu trước khi mở tệp khác")
    other = tmp_path / "khac.sqlite"

    assert window.files.switch_to(other) is None

    assert answers.asked and "mở tệp khác" in answers.asked[0]
    assert not other.exists() and not window.registry.closed


def test_restoring_a_backup_asks_first_and_cancel_changes_nothing(window, answers, tmp_path: Path):
    from motcua_desktop.store.backup import backup_to

    backup = backup_to(Path(window.registry.path), tmp_path / "saoluu")
    answers.answer = SB.Cancel
    _type_into_report(window, "Chưa lưu trước khi phục hồi")

    assert window.backup_actions.restore(backup) is None

    assert answers.asked and "phục hồi" in answers.asked[0]
    assert not window.registry.closed
    assert window.registry.units.list()  # still open and readable


def test_switching_reports_asks_too(window, answers):
    answers.answer = SB.Cancel
    tab = _type_into_report(window, "Đang sửa")
    tab.new_report()
    assert answers.asked
    assert tab.editor.title.text() == "Đang sửa"


@pytest.mark.parametrize("answer", [SB.Save, SB.Discard])
def test_no_question_once_the_edits_are_saved_or_dropped(window, answers, answer):
    answers.answer = answer
    tab = _type_into_report(window, "Một lần hỏi")
    assert tab.may_leave()
    assert tab.may_leave()
    assert len(answers.asked) == 1
    assert isinstance(tab.editor.report(), SavedReport)
