"""Undoing an add (Ctrl+Z on a new unit, person, equipment, report…) takes the record back
without offering it in the trash (Thùng rác) as if the user had deleted it; a record the user
deletes is still there, and undoing a restore from the trash puts the record back into it."""

from __future__ import annotations

from datetime import date

import pytest

from motcua_desktop.domain.model import Assignment, EquipmentItem, EquipmentType, Person, Unit
from motcua_desktop.store.reports import SavedReport
from motcua_desktop.store.trash import trash
from tests.ui.test_ui_import_undo_trash import _trash_rows

_UNIT = Unit("X-MOI", "Bộ phận Một cửa xã Mới", "xa", "xa")


def test_an_added_unit_undone_is_not_in_the_trash_but_deleted_by_the_user_it_is(window):
    before = _trash_rows(window)
    unit = window.ops.add_unit(_UNIT)

    window.action_undo.trigger()  # Ctrl+Z

    assert window.registry.units.by_code("X-MOI") is None
    assert _trash_rows(window) == before
    window.action_redo.trigger()  # Ctrl+Y: back with its id
    assert window.registry.units.by_code("X-MOI").id == unit.id
    window.ops.delete_units([unit.id])  # the user's own delete: the trash's to offer
    assert _trash_rows(window) == [["Đơn vị", "Bộ phận Một cửa xã Mới"], *before]


def test_a_person_added_with_an_assignment_then_undone_leaves_the_trash_as_it_was(window):
    before = _trash_rows(window)
    unit = window.ops.add_unit(_UNIT)
    person, assignment = window.ops.add_staff(Person(full_name="Vi Văn An"),
                                              Assignment(None, unit.id, start=date(2024, 1, 1)))

    window.action_undo.trigger()  # the person and their assignment
    assert _trash_rows(window) == before
    window.action_undo.trigger()  # the unit
    assert _trash_rows(window) == before
    assert trash(window.registry.db) == []

    window.action_redo.trigger()
    window.action_redo.trigger()
    assert window.registry.staff.person(person.id).full_name == "Vi Văn An"
    assert window.registry.staff.assignment(assignment.id).unit_id == unit.id


def _add_item(window):
    unit = window.registry.units.list()[0]
    window.ops.add_item(EquipmentItem(unit.id, window.registry.equipment.types()[0].id, 7))


def _transfer(window):
    current = next(a for a in window.registry.staff.assignments() if a.end is None)
    target = next(u for u in window.registry.units.list() if u.id != current.unit_id)
    window.ops.transfer(current.id, target.id, date(2025, 3, 1))


@pytest.mark.parametrize("add", [
    _add_item,
    _transfer,
    lambda w: w.ops.save_type(None, EquipmentType("Máy chiếu", {"huyen": 2})),
    lambda w: w.ops.save_report(SavedReport(date(2024, 6, 30), "Báo cáo đột xuất")),
], ids=["equipment", "transfer", "equipment-type", "report"])
def test_every_add_undone_leaves_the_trash_as_it_was(window, add):
    before = _trash_rows(window)
    add(window)
    window.action_undo.trigger()
    assert _trash_rows(window) == before


def test_undoing_a_restore_puts_the_record_back_in_the_trash_to_restore_again(window):
    registry = window.registry
    unit = window.ops.add_unit(_UNIT)
    window.ops.delete_units([unit.id])
    dialog = window.history_actions.show_trash()
    dialog.table.selectRow(0)
    assert dialog.restore_selected()
    dialog.close()
    assert registry.units.by_code("X-MOI").id == unit.id
    assert ["Đơn vị", "Bộ phận Một cửa xã Mới"] not in _trash_rows(window)

    window.action_undo.trigger()  # Ctrl+Z on the restore: deleted again, into the trash

    assert registry.units.by_code("X-MOI") is None
    assert _trash_rows(window)[0] == ["Đơn vị", "Bộ phận Một cửa xã Mới"]
    dialog = window.history_actions.show_trash()
    dialog.table.selectRow(0)
    assert dialog.restore_selected()  # and can be restored from there again
    dialog.close()
    assert registry.units.by_code("X-MOI").id == unit.id
