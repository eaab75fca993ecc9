"""Equipment tab: add/edit/delete with undo, filters, the shortfall, the catalogue and norms."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from motcua_desktop.domain.fields import EquipmentItemField, EquipmentTypeField
from motcua_desktop.domain.model import Condition


@pytest.fixture(autouse=True)
def _equipment_tab_shown(window):
    """The tab loads its rows when shown, as for a user clicking it."""
    window.tabs.setCurrentWidget(window.equipment_tab)


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _missing(window, unit_id, type_name):
    return sum(s.missing for s in window.registry.shortfall()
               if s.unit_id == unit_id and s.type_name == type_name)


def test_adding_equipment_reduces_the_shortfall_and_undo_restores_it(window):
    tab = window.equipment_tab
    window.tabs.setCurrentWidget(tab)
    reg = window.registry
    short = next(s for s in reg.shortfall() if s.missing)
    tab.action_add.trigger()
    dialog = tab.dialog
    dialog.unit.setCurrentIndex(dialog.unit.findData(short.unit_id))
    dialog.type.setCurrentIndex(dialog.type.findData(short.type_id))
    dialog.quantity.setText(str(short.missing))
    dialog.year.setText("2024")
    _save(dialog)
    assert not dialog.isVisible()
    assert _missing(window, short.unit_id, short.type_name) == 0
    assert tab.selected_records()[0].item.quantity == short.missing
    window.action_undo.trigger()
    assert _missing(window, short.unit_id, short.type_name) == short.missing


def test_broken_equipment_does_not_count_towards_the_norm(window):
    tab = window.equipment_tab
    reg = window.registry
    short = next(s for s in reg.shortfall() if s.missing)
    tab.add()
    dialog = tab.dialog
    dialog.unit.setCurrentIndex(dialog.unit.findData(short.unit_id))
    dialog.type.setCurrentIndex(dialog.type.findData(short.type_id))
    dialog.quantity.setText("5")
    dialog.condition.setCurrentIndex(dialog.condition.findData(Condition.HONG))
    _save(dialog)
    assert _missing(window, short.unit_id, short.type_name) == short.missing
    assert any(r.item.condition == Condition.HONG for r in tab.model.records())


def test_invalid_quantity_and_year_are_shown_next_to_their_fields(window):
    tab = window.equipment_tab
    tab.add()
    dialog = tab.dialog
    dialog.quantity.setText("hai")
    dialog.year.setText("3024")
    _save(dialog)
    assert dialog.isVisible()
    assert "không phải là số nguyên" in dialog.error_text(EquipmentItemField.QUANTITY)
    assert "3024" in dialog.error_text(EquipmentItemField.YEAR_IN_SERVICE)
    dialog.reject()


def test_filter_by_unit_and_type_also_filters_the_shortfall(window):
    tab = window.equipment_tab
    unit = window.registry.units.by_code("TT-DONGMO")
    tab.unit_filter.setCurrentIndex(tab.unit_filter.findData(unit.id))
    assert {r.unit_name for r in tab.visible_records()} == {unit.name}
    shortfall_units = {tab.short_proxy.record(r).unit_name for r in range(tab.short_proxy.rowCount())}
    assert shortfall_units <= {unit.name}
    kind = window.registry.equipment.types()[1]
    tab.type_filter.setCurrentIndex(tab.type_filter.findData(kind.id))
    assert {r.type_name for r in tab.visible_records()} <= {kind.name}
    assert tab.short_label.text().startswith(("Còn thiếu", "Đủ thiết bị"))


def test_editing_and_deleting_rows_with_undo(window, answers):
    tab = window.equipment_tab
    window.tabs.setCurrentWidget(tab)
    reg = window.registry
    first = tab.visible_records()[0]
    tab.select_where(lambda r: r.item.id == first.item.id)
    tab.edit_current()
    tab.dialog.quantity.setText("7")
    _save(tab.dialog)
    assert reg.equipment.item(first.item.id).quantity == 7
    ids = {r.item.id for r in tab.visible_records()[:2]}
    tab.select_where(lambda r: r.item.id in ids)
    window.action_delete.trigger()
    assert answers.asked == ["Xóa 2 dòng thiết bị?"]
    assert not ids & {i.id for i in reg.equipment.items()}
    window.action_undo.trigger()
    assert ids <= {i.id for i in reg.equipment.items()}
    window.action_undo.trigger()
    assert reg.equipment.item(first.item.id).quantity == first.item.quantity


def test_catalogue_editor_changes_a_norm_and_the_shortfall_follows(window):
    tab = window.equipment_tab
    reg = window.registry
    tab.open_catalogue()
    catalogue = tab.dialog
    kind = reg.equipment.types()[0]
    row = next(r for r in range(catalogue.model.rowCount()) if catalogue.model.record(r).id == kind.id)
    catalogue.table.setCurrentIndex(catalogue.model.index(row, 0))
    catalogue.edit_current()
    editor = catalogue.editor
    editor.norms["xa"].setText("9")
    _save(editor)
    assert reg.equipment.type(kind.id).norms["xa"] == 9
    commune = next(u for u in reg.units.list() if u.level == "xa")
    assert any(s.type_id == kind.id and s.norm == 9 for s in reg.shortfall() if s.unit_id == commune.id)
    catalogue.add()
    catalogue.editor.name.setText("Máy đọc mã QR")
    catalogue.editor.norms["xa"].setText("-1")
    _save(catalogue.editor)
    assert catalogue.editor.error_text(EquipmentTypeField.NORMS, "xa") == "không được âm"
    catalogue.editor.norms["xa"].setText("1")
    _save(catalogue.editor)
    assert reg.equipment.type_by_name("máy đọc mã qr") is not None
    catalogue.reject()
    window.action_undo.trigger()
    assert reg.equipment.type_by_name("Máy đọc mã QR") is None
    window.action_undo.trigger()
    assert reg.equipment.type(kind.id).norms == kind.norms


def test_a_type_in_use_cannot_be_deleted(window, answers):
    tab = window.equipment_tab
    tab.open_catalogue()
    catalogue = tab.dialog
    catalogue.table.setCurrentIndex(catalogue.model.index(0, 0))
    used = catalogue.model.record(0)
    catalogue.delete_current()
    assert answers.warned and "còn" in answers.warned[0] and used.name in answers.warned[0]
    assert window.registry.equipment.type(used.id)
    catalogue.reject()
