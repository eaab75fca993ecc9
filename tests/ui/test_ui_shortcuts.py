"""Keyboard: Ctrl+N adds in the current tab, Delete deletes, Ctrl+F searches, Ctrl+Z/Ctrl+Y
undo and redo across tabs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from motcua_desktop.domain.model import Unit
from motcua_desktop.ui.commands import Area

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shown(window, qtbot):
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    return window


def test_ctrl_n_opens_the_add_dialog_of_the_current_tab(shown, qtbot):
    for tab, name in ((shown.units_tab, "unitDialog"), (shown.staff_tab, "staffDialog"),
                      (shown.equipment_tab, "itemDialog")):
        shown.tabs.setCurrentWidget(tab)
        tab.table.setFocus()
        qtbot.keyClick(tab.table, Qt.Key.Key_N, CTRL)
        assert tab.dialog is not None and tab.dialog.objectName() == name
        tab.dialog.reject()


def test_ctrl_f_focuses_the_search_box(shown, qtbot):
    shown.tabs.setCurrentWidget(shown.staff_tab)
    shown.staff_tab.table.setFocus()
    qtbot.keyClick(shown.staff_tab.table, Qt.Key.Key_F, CTRL)
    assert shown.staff_tab.search.hasFocus()


def test_delete_key_asks_then_deletes_and_ctrl_z_ctrl_y_undo_redo(shown, qtbot, answers):
    reg = shown.registry
    reg.units.add(Unit(code="X-XOA", name="Bộ phận Một cửa xã Sẽ Xóa"))
    shown.notify_changed(Area.UNITS)
    tab = shown.units_tab
    shown.tabs.setCurrentWidget(tab)
    tab.select_where(lambda u: u.code == "X-XOA")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert answers.asked and reg.units.by_code("X-XOA") is None
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    assert reg.units.by_code("X-XOA") is not None
    qtbot.keyClick(tab.table, Qt.Key.Key_Y, CTRL)
    assert reg.units.by_code("X-XOA") is None


def test_undo_runs_across_tabs_in_reverse_order(shown):
    """A unit added, a person added to it, equipment added: undo takes them back newest
    first whichever tab is showing, and redo brings them back with the same ids."""
    from datetime import date

    from motcua_desktop.domain.model import Assignment, EquipmentItem, Person

    ops, reg = shown.ops, shown.registry
    unit = ops.add_unit(Unit(code="X-MOI", name="Bộ phận Một cửa xã Mới"))
    _p, assignment = ops.add_staff(Person(full_name="Vi Văn An"),
                                   Assignment(None, unit.id, start=date(2024, 1, 1)))
    kind = reg.equipment.types()[0]
    item = ops.add_item(EquipmentItem(unit.id, kind.id, 2))
    shown.tabs.setCurrentWidget(shown.overview_tab)
    assert shown.overview_tab.row_for(unit.id).count.total == 1
    for _ in range(3):
        shown.action_undo.trigger()
    assert reg.units.by_code("X-MOI") is None and not reg.equipment.items(unit.id)
    assert shown.overview_tab.row_for(unit.id) is None
    for _ in range(3):
        shown.action_redo.trigger()
    assert reg.units.by_code("X-MOI").id == unit.id
    assert reg.staff.assignment(assignment.id).unit_id == unit.id
    assert reg.equipment.item(item.id).quantity == 2
    shown.tabs.setCurrentWidget(shown.staff_tab)
    assert assignment.id in {r.assignment.id for r in shown.staff_tab.model.records()}
