"""Units tab: add, edit with invalid input, search, sort, reorder, delete refusal, undo/redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from motcua_desktop.domain.fields import UnitField
from motcua_desktop.domain.model import Unit
from motcua_desktop.ui.commands import Area


@pytest.fixture(autouse=True)
def _units_tab_shown(window):
    """The tab loads its rows when shown, as for a user clicking it."""
    window.tabs.setCurrentWidget(window.units_tab)


def _names(tab):
    return [u.name for u in tab.visible_records()]


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _open_add(window, qtbot):
    window.tabs.setCurrentWidget(window.units_tab)
    window.units_tab.action_add.trigger()
    dialog = window.units_tab.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_adding_a_unit_through_the_dialog_lists_it_last(window, qtbot):
    dialog = _open_add(window, qtbot)
    dialog.code.setText("X-THU")
    dialog.name.clear()
    dialog.name.insert("Bộ phận Một cửa xã Thử Nghiệm")  # as an input method types it
    dialog.kind.setCurrentIndex(dialog.kind.findData("xa"))
    dialog.area.setText("45,5")
    _save(dialog)
    assert not dialog.isVisible()
    tab = window.units_tab
    assert _names(tab)[-1] == "Bộ phận Một cửa xã Thử Nghiệm"
    assert tab.visible_records()[-1].area_m2 == 45.5
    assert tab.selected_records()[0].code == "X-THU"
    assert window.count_label.text().startswith("22 đơn vị")


def test_invalid_input_is_shown_next_to_each_field_and_nothing_is_saved(window, qtbot):
    dialog = _open_add(window, qtbot)
    dialog.code.setText("")
    dialog.name.setText("   ")
    dialog.area.setText("hai trăm")
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.error_text(UnitField.CODE) == "không được để trống"
    assert dialog.error_text(UnitField.NAME) == "không được để trống"
    assert "không phải là số" in dialog.error_text(UnitField.AREA_M2)
    assert dialog.error_line(UnitField.ADDRESS).isHidden()
    assert len(window.registry.units.list()) == 21
    dialog.reject()


def test_duplicate_code_is_refused_with_the_reason(window, qtbot):
    dialog = _open_add(window, qtbot)
    dialog.code.setText("TT-DONGMO")
    dialog.name.setText("Bộ phận Một cửa trùng mã")
    _save(dialog)
    assert dialog.isVisible()
    assert "TT-DONGMO" in dialog.general_error.text() and "đã được dùng" in dialog.general_error.text()
    dialog.reject()


def test_escape_cancels_the_dialog(window, qtbot):
    dialog = _open_add(window, qtbot)
    dialog.name.setText("Không lưu")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert "Không lưu" not in _names(window.units_tab)


def test_editing_a_unit_by_enter_and_undo_redo(window, qtbot):
    tab = window.units_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_where(lambda u: u.code == "TT-DONGMO")
    tab.table.setFocus()
    tab.edit_current()
    dialog = tab.dialog
    assert dialog.name.text() == "Bộ phận Một cửa thị trấn Đồng Mỏ"
    dialog.hotline.setText("0205 3820 999")
    _save(dialog)
    assert window.registry.units.by_code("TT-DONGMO").hotline == "0205 3820 999"
    window.action_undo.trigger()
    assert window.registry.units.by_code("TT-DONGMO").hotline == ""
    window.action_redo.trigger()
    assert window.registry.units.by_code("TT-DONGMO").hotline == "0205 3820 999"


def test_search_filters_as_you_type_without_accents(window, qtbot):
    tab = window.units_tab
    qtbot.keyClicks(tab.search, "dong mo")
    assert "Bộ phận Một cửa thị trấn Đồng Mỏ" in _names(tab)
    assert "Bộ phận Một cửa xã Mai Sao" not in _names(tab)
    tab.search.clear()
    assert len(_names(tab)) == 21


def test_clicking_the_name_header_sorts_in_vietnamese_order(window, qtbot):
    tab = window.units_tab
    tab.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    names = [n.removeprefix("Bộ phận Một cửa ") for n in _names(tab)]
    # huyện < thị trấn < xã; within the communes "Bắc Thủy" (ă) after "Bằng Mạc"? no: by letters
    communes = [n.removeprefix("xã ") for n in names if n.startswith("xã ")]
    from motcua_desktop.domain.text import collation_key

    assert communes == sorted(communes, key=collation_key)
    assert communes.index("Chi Lăng") < communes.index("Gia Lộc") < communes.index("Y Tịch")


def test_moving_a_unit_down_changes_the_report_order_and_undo_restores_it(window, qtbot):
    tab = window.units_tab
    window.tabs.setCurrentWidget(tab)
    before = _names(tab)
    tab.select_where(lambda u: u.name == before[1])
    tab.action_down.trigger()
    after = _names(tab)
    assert after[1] == before[2] and after[2] == before[1]
    assert [u.name for u in window.registry.units.list()] == after
    assert tab.selected_records()[0].name == before[1]
    window.action_undo.trigger()
    assert [u.name for u in window.registry.units.list()] == before


def test_moving_the_first_unit_up_does_nothing(window):
    tab = window.units_tab
    tab.select_where(lambda u: u.sort_order == 1)
    tab.action_up.trigger()
    assert window.undo_stack.count() == 0


def test_deleting_a_unit_with_staff_is_refused_with_the_reason(window, qtbot, monkeypatch):
    tab = window.units_tab
    window.tabs.setCurrentWidget(tab)
    shown = []

    def fake_exec(box):
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    tab.select_where(lambda u: u.code == "TT-DONGMO")
    window.action_delete.trigger()
    assert "Không xóa được Bộ phận Một cửa thị trấn Đồng Mỏ" in shown[0]
    assert "lượt phân công cán bộ" in shown[0]
    assert window.registry.units.by_code("TT-DONGMO") is not None


def test_deleting_a_unit_can_move_its_staff_first_and_undo_brings_all_back(window, qtbot, monkeypatch):
    tab = window.units_tab
    reg = window.registry
    unit = reg.units.by_code("TT-DONGMO")
    staff_before = sorted(a.id for a in reg.staff.assignments() if a.unit_id == unit.id)
    assert staff_before  # else the move below would prove nothing
    target = reg.units.list()[0]

    def choose_move(box):
        move = [b for b in box.buttons() if b.text().startswith("Chuyển sang")][0]
        move.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_move)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (target.name, True))
    tab.select_where(lambda u: u.id == unit.id)
    tab.delete_selected()
    assert reg.units.by_code("TT-DONGMO") is None
    assert all(reg.staff.assignment(i).unit_id == target.id for i in staff_before)
    window.action_undo.trigger()
    assert reg.units.by_code("TT-DONGMO").id == unit.id
    assert sorted(a.id for a in reg.staff.assignments() if a.unit_id == unit.id) == staff_before


def test_deleting_several_empty_units_at_once_and_bringing_them_back(window, answers):
    reg = window.registry
    a = reg.units.add(Unit(code="X-A", name="Bộ phận Một cửa xã A"))
    b = reg.units.add(Unit(code="X-B", name="Bộ phận Một cửa xã B"))
    window.notify_changed(Area.UNITS)
    tab = window.units_tab
    window.tabs.setCurrentWidget(tab)
    tab.select_where(lambda u: u.code in ("X-A", "X-B"))
    window.action_delete.trigger()
    assert "Xóa 2 đơn vị" in answers.asked[0]
    assert reg.units.by_code("X-A") is None and reg.units.by_code("X-B") is None
    window.action_undo.trigger()
    assert reg.units.by_code("X-A").id == a.id and reg.units.by_code("X-B").id == b.id
    assert reg.units.by_code("X-B").sort_order == b.sort_order


def test_a_units_staff_is_one_click_away(window):
    tab = window.units_tab
    tab.select_where(lambda u: u.code == "TT-DONGMO")
    tab.action_staff.trigger()
    assert window.tabs.currentWidget() is window.staff_tab
    units = {r.unit_name for r in window.staff_tab.visible_records()}
    assert units == {"Bộ phận Một cửa thị trấn Đồng Mỏ"}
    window.tabs.setCurrentWidget(tab)
    tab.action_equipment.trigger()
    assert window.tabs.currentWidget() is window.equipment_tab
    assert {r.unit_name for r in window.equipment_tab.visible_records()} == {
        "Bộ phận Một cửa thị trấn Đồng Mỏ"}
