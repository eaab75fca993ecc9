"""Staff tab: add (own and sent by an agency), edit with invalid input, filters, former staff,
end an assignment, transfer, history, delete, undo/redo, sort by given name."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from motcua_desktop.domain.fields import AssignmentField, PersonField
from motcua_desktop.domain.model import EmploymentKind
from motcua_desktop.domain.text import person_name_key


@pytest.fixture(autouse=True)
def _staff_tab_shown(window):
    """The tab loads its rows when shown, as for a user clicking it."""
    window.tabs.setCurrentWidget(window.staff_tab)


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _open_add(window):
    window.tabs.setCurrentWidget(window.staff_tab)
    window.staff_tab.action_add.trigger()
    return window.staff_tab.dialog


def _unit(window, code):
    return window.registry.units.by_code(code)


def _rows_named(window, name):
    return [r for r in window.staff_tab.model.records() if r.person.full_name == name]


def test_adding_a_person_sent_by_an_agency(window):
    dialog = _open_add(window)
    unit = _unit(window, "TT-DONGMO")
    dialog.full_name.setText("Hoàng Thị Thử")
    dialog.unit.setCurrentIndex(dialog.unit.findData(unit.id))
    dialog.kind.setCurrentIndex(dialog.kind.findData(EmploymentKind.CU_DEN))
    dialog.agency.setText("Công an huyện Chi Lăng")
    dialog.fields_edit.setText("Tư pháp - Hộ tịch; Địa chính - Xây dựng")
    dialog.start.setText("01/03/2024")
    _save(dialog)
    assert not dialog.isVisible()
    [row] = _rows_named(window, "Hoàng Thị Thử")
    assert row.assignment.sending_agency == "Công an huyện Chi Lăng"
    assert row.assignment.fields == ("Tư pháp - Hộ tịch", "Địa chính - Xây dựng")
    assert row.assignment.start == date(2024, 3, 1)
    assert window.staff_tab.selected_records()[0].person.full_name == "Hoàng Thị Thử"


def test_a_person_sent_by_an_agency_needs_the_agency_and_dates_must_be_real(window):
    dialog = _open_add(window)
    dialog.full_name.setText("")
    dialog.kind.setCurrentIndex(dialog.kind.findData(EmploymentKind.CU_DEN))
    dialog.birth_year.setText("1850")
    dialog.start.setText("31/02/2024")
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.error_text(PersonField.FULL_NAME) == "không được để trống"
    assert "cơ quan" in dialog.error_text(AssignmentField.SENDING_AGENCY)
    assert "1850" in dialog.error_text(PersonField.BIRTH_YEAR)
    assert "không có trên lịch" in dialog.error_text(AssignmentField.START)
    dialog.reject()


def test_end_before_start_is_refused_next_to_the_end_date(window):
    dialog = _open_add(window)
    dialog.full_name.setText("Lê Văn Sai")
    dialog.start.setText("10/04/2024")
    dialog.end.setText("01/04/2024")
    _save(dialog)
    assert dialog.error_text(AssignmentField.END) == "không được trước ngày bắt đầu"
    dialog.reject()


def test_names_are_sorted_by_given_name_by_default(window):
    names = [r.person.full_name for r in window.staff_tab.visible_records()]
    assert names == sorted(names, key=person_name_key)
    assert window.staff_tab.table.horizontalHeader().sortIndicatorSection() == 0


def test_filter_by_unit_and_kind_and_search(window, qtbot):
    tab = window.staff_tab
    unit = _unit(window, "H-CHILANG")
    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData(unit.id))
    assert len(tab.visible_records()) == 13
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData(EmploymentKind.CU_DEN))
    rows = tab.visible_records()
    assert len(rows) == 3 and all(r.assignment.kind is EmploymentKind.CU_DEN for r in rows)
    qtbot.keyClicks(tab.search, "dang ky dat dai")
    assert [r.assignment.sending_agency for r in tab.visible_records()] == [
        "Chi nhánh Văn phòng đăng ký đất đai huyện Chi Lăng"]


def test_former_staff_are_hidden_until_asked_for(window):
    tab = window.staff_tab
    shown = len(tab.visible_records())
    tab.show_former.setChecked(True)
    everyone = tab.visible_records()
    assert len(everyone) > shown
    assert any(r.assignment.end and r.assignment.end < date(2024, 4, 19) for r in everyone)
    assert window.ui_settings.show_former_staff is True


def _select_first_of(window, code):
    tab = window.staff_tab
    unit = _unit(window, code)
    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData(unit.id))
    row = tab.visible_records()[0]
    tab.unit_filter.setCurrentIndex(0)
    tab.select_where(lambda r: r.assignment.id == row.assignment.id)
    return row


def test_ending_an_assignment_removes_the_person_from_the_current_list(window):
    tab = window.staff_tab
    window.tabs.setCurrentWidget(tab)
    row = _select_first_of(window, "TT-DONGMO")
    tab.action_end.trigger()
    dialog = tab.dialog
    dialog.last_day.setText("18/04/2024")
    _save(dialog)
    assert window.registry.staff.assignment(row.assignment.id).end == date(2024, 4, 18)
    assert row.assignment.id not in {r.assignment.id for r in tab.visible_records()}
    window.action_undo.trigger()
    assert window.registry.staff.assignment(row.assignment.id).end is None
    assert row.assignment.id in {r.assignment.id for r in tab.visible_records()}


def test_ending_before_the_start_is_refused(window):
    tab = window.staff_tab
    row = _select_first_of(window, "TT-DONGMO")
    tab.end_current()
    tab.dialog.last_day.setText("01/01/2000")
    _save(tab.dialog)
    assert tab.dialog.isVisible()
    assert tab.dialog.error_text(AssignmentField.END) == "không được trước ngày bắt đầu"
    assert window.registry.staff.assignment(row.assignment.id).end is None
    tab.dialog.reject()


def test_transfer_moves_a_person_and_keeps_the_history(window):
    tab = window.staff_tab
    window.tabs.setCurrentWidget(tab)
    row = _select_first_of(window, "TT-DONGMO")
    target = _unit(window, "H-CHILANG")
    tab.action_transfer.trigger()
    dialog = tab.dialog
    dialog.unit.setCurrentIndex(dialog.unit.findData(target.id))
    dialog.first_day.setText("15/04/2024")
    _save(dialog)
    history = window.registry.staff.assignments_of(row.person.id)
    assert [(a.unit_id, a.end) for a in history] == [
        (row.assignment.unit_id, date(2024, 4, 14)), (target.id, None)]
    [current] = [r for r in tab.model.records() if r.person.id == row.person.id]
    assert current.unit_name == target.name
    tab.select_where(lambda r: r.person.id == row.person.id)
    tab.history_current()
    assert tab.dialog.model.rowCount() == 2
    assert tab.dialog.model.index(1, 5).data() == "nay"
    tab.dialog.reject()
    window.action_undo.trigger()
    assert [(a.unit_id, a.end) for a in window.registry.staff.assignments_of(row.person.id)] == [
        (row.assignment.unit_id, None)]
    window.action_redo.trigger()
    assert len(window.registry.staff.assignments_of(row.person.id)) == 2


def test_editing_a_person_and_undo(window):
    tab = window.staff_tab
    row = _select_first_of(window, "X-MAISAO") if _unit(window, "X-MAISAO") else _select_first_of(window, "TT-DONGMO")
    tab.table.setFocus()
    tab.edit_current()
    tab.dialog.phone.setText("0912 000 111")
    tab.dialog.position.setText("Công chức Văn phòng - Thống kê")
    _save(tab.dialog)
    assert window.registry.staff.person(row.person.id).phone == "0912 000 111"
    assert window.registry.staff.assignment(row.assignment.id).position == "Công chức Văn phòng - Thống kê"
    window.action_undo.trigger()
    assert window.registry.staff.person(row.person.id).phone == row.person.phone


def test_deleting_rows_entered_by_mistake_asks_and_undo_brings_them_back(window, answers):
    tab = window.staff_tab
    window.tabs.setCurrentWidget(tab)
    rows = tab.visible_records()[:3]
    ids = {r.assignment.id for r in rows}
    tab.select_where(lambda r: r.assignment.id in ids)
    window.action_delete.trigger()
    assert "Kết thúc công tác" in answers.asked[0]
    assert not ids & {r.assignment.id for r in tab.model.records()}
    window.action_undo.trigger()
    assert ids <= {r.assignment.id for r in tab.model.records()}
    assert {window.registry.staff.person(r.person.id).full_name for r in rows} == {
        r.person.full_name for r in rows}


def test_delete_is_not_done_when_the_user_says_no(window, answers):
    from PySide6.QtWidgets import QMessageBox

    answers.answer = QMessageBox.StandardButton.No
    tab = window.staff_tab
    window.tabs.setCurrentWidget(tab)
    first = tab.visible_records()[0]
    tab.select_where(lambda r: r.assignment.id == first.assignment.id)
    window.action_delete.trigger()
    assert window.registry.staff.assignment(first.assignment.id)
    assert window.undo_stack.count() == 0


def test_sorting_by_start_date_is_chronological(window):
    tab = window.staff_tab
    tab.table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    starts = [r.assignment.start for r in tab.visible_records() if r.assignment.start]
    assert starts == sorted(starts)
