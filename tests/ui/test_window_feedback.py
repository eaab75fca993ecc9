"""Feedback the user can see: a status-bar message after changes that do not show in the list,
units in report order everywhere, save/open dialogs that remember their folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog


def _current_assignment(window, unit_code: str):
    unit = window.registry.units.by_code(unit_code)
    return next(a for a in window.registry.staff.assignments()
                if a.unit_id == unit.id and a.end is None), unit


def test_ending_an_assignment_says_who_and_when_in_the_status_bar(window):
    assignment, _ = _current_assignment(window, "H-CHILANG")
    name = window.registry.staff.person(assignment.person_id).full_name

    window.ops.end_assignment(assignment.id, date(2024, 4, 18))

    message = window.statusBar().currentMessage()
    assert "Kết thúc công tác của " + name in message and "18/04/2024" in message
    window.undo_stack.undo()
    assert window.statusBar().currentMessage().startswith("Đã hoàn tác: Kết thúc công tác của " + name)


def test_a_transfer_says_where_to(window):
    assignment, _ = _current_assignment(window, "H-CHILANG")
    target = window.registry.units.list()[5]
    window.ops.transfer(assignment.id, target.id, date(2024, 4, 20))
    message = window.statusBar().currentMessage()
    assert "Điều chuyển" in message and target.name in message and "20/04/2024" in message


def test_equipment_and_its_shortfall_are_listed_in_report_order(window):
    window.tabs.setCurrentWidget(window.equipment_tab)
    tab = window.equipment_tab
    order = {u.id: u.sort_order for u in window.registry.units.list()}
    shown = [order[tab.proxy.record(r).item.unit_id] for r in range(tab.proxy.rowCount())]
    assert shown == sorted(shown) and shown[0] == 1
    short = [order[tab.short_proxy.record(r).shortfall.unit_id] for r in range(tab.short_proxy.rowCount())]
    assert short == sorted(short)
    for view in (tab.table, tab.short_table):
        assert view.horizontalHeader().sortIndicatorOrder().name == "AscendingOrder"


def test_the_report_save_dialog_remembers_the_folder(window, monkeypatch, tmp_path: Path):
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    asked: list[str] = []

    def save_name(_parent, _title, suggested, _filter, *args, **kwargs):
        asked.append(suggested)
        return str(folder / "bc.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window.tabs.setCurrentWidget(window.report_holder)
    tab = window.ensure_report_tab()
    assert tab.save_as("pdf") == folder / "bc.pdf"
    tab.save_as("docx")
    assert Path(asked[1]).parent == folder  # the second dialog opens where the first saved
    assert window.ui_settings.last_directory == str(folder)
