"""A read-only window: every tab takes away what writes, the report tab included (it is built
after the window went read-only), and the edits are refused however they are asked for."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QPushButton

from motcua_desktop.ui import build_main_window

# Every action of a tab that changes the register, by the name tests and menus know it by.
WRITING = ("actionAddUnit", "actionAddStaff", "actionAddEquipment", "actionMoveUnitUp",
           "actionMoveUnitDown", "actionEndAssignment", "actionTransfer",
           "actionEquipmentCatalogue", "actionNewReport", "actionSaveReport",
           "actionDeleteReport")  # fmt: skip


@pytest.fixture
def read_only_window(qtbot, sample_db_path, monkeypatch):
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)  # a delete would ask first: it must not get that far
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    win = build_main_window(sample_db_path, read_only=True)
    qtbot.addWidget(win)
    win.asked = asked
    yield win
    win.close()


def _tab_actions(win) -> dict[str, QAction]:
    tabs = [win.tabs.widget(i) for i in range(win.tabs.count())]
    found = {}
    for tab in tabs:
        content = getattr(tab, "content", None) or tab  # the report tab sits in its holder
        for action in content.findChildren(QAction):
            if action.objectName():
                found[action.objectName()] = action
    return found


def test_no_action_that_writes_is_enabled_on_any_tab(read_only_window):
    win = read_only_window
    report_tab = win.ensure_report_tab()  # built now, after the window went read-only
    actions = _tab_actions(win)
    assert set(WRITING) <= set(actions)  # the names are real: the test would see a rename
    for name in WRITING:
        assert not actions[name].isEnabled() and not actions[name].isVisible(), name
    for tab in (win.units_tab, win.staff_tab, win.equipment_tab):
        for action in tab.writing_actions():
            assert not action.isEnabled(), action.text()
        buttons = {b.text(): b for b in tab.findChildren(QPushButton)}
        assert buttons[tab.action_add.text()].isHidden()  # the tool row's "Thêm …" went too
    assert not report_tab.action_save.isEnabled()  # "Lưu báo cáo"
    assert report_tab.templates.save_button.isHidden()  # "Lưu thành mẫu riêng…"
    assert report_tab.editor.body.isReadOnly() and report_tab.editor.title.isReadOnly()
    # what writes no register stays: preview, print, save as a file
    assert report_tab.action_print.isEnabled() and report_tab.action_pdf.isEnabled()


def content(path) -> list[tuple]:
    """Every row of the register's tables, read beside the window's own connection."""
    from motcua_desktop.store.health import read_only_uri

    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [(t, *row) for t in tables for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY 1')]
    finally:
        conn.close()


def test_the_edits_are_refused_however_asked(read_only_window, qtbot, sample_db_path):
    win = read_only_window
    before = content(sample_db_path)
    win.show()
    qtbot.waitExposed(win)
    for tab in (win.units_tab, win.staff_tab, win.equipment_tab):
        win.tabs.setCurrentWidget(tab)
        tab.reload()
        tab.table.selectRow(0)
        tab.add()
        tab.edit_current()
        tab.delete_selected()
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
        assert tab.dialog is None, tab.objectName()
    win.units_tab.move_current(1)
    win.staff_tab.end_current()
    win.staff_tab.transfer_current()
    win.equipment_tab.open_catalogue()
    assert win.staff_tab.dialog is None and win.equipment_tab.dialog is None
    assert win.asked == []  # not even asked to confirm a delete
    report_tab = win.ensure_report_tab()
    saved = len(win.registry.reports.list())
    report_tab.editor.title.setText("Sửa trong cửa sổ chỉ xem")
    assert report_tab.save() is False
    report_tab.delete()
    report_tab.new_report()
    assert len(win.registry.reports.list()) == saved
    win.close()
    assert content(sample_db_path) == before


def test_a_tab_without_set_read_only_fails_loudly(read_only_window):
    """The window does not probe its tabs: one added without the contract is an error."""
    from PySide6.QtWidgets import QWidget

    win = read_only_window
    win.set_read_only(True)  # every tab the window builds has it
    win.add_tab(QWidget(), "Thử")
    with pytest.raises(AttributeError, match="set_read_only"):
        win.set_read_only(True)


def test_a_draft_shown_read_only_does_not_hold_the_window_open(read_only_window):
    """The draft cannot be saved here: closing neither asks to save it nor is refused."""
    win = read_only_window
    report_tab = win.ensure_report_tab()
    draft = report_tab.editor.report()
    draft.title = "Bản nháp từ phiên trước"
    report_tab.restore_draft(draft)
    assert report_tab.dirty
    assert report_tab.may_leave() is True
    assert win.asked == []
