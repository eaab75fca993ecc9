"""Every field a dialog can get an error on has its input in the dialog, so the error shows
next to it; the few fields a dialog does not edit are listed here with the reason."""

from __future__ import annotations

import inspect
import re
from types import ModuleType

import pytest

from motcua_desktop.domain import validation
from motcua_desktop.domain.fields import (
    AssignmentField,
    EquipmentItemField,
    EquipmentTypeField,
    FieldKey,
    PersonField,
    SettingsField,
    UnitField,
)
from motcua_desktop.domain.model import Choice, EquipmentType, OrgSettings, Unit
from motcua_desktop.store import staff as staff_store
from motcua_desktop.ui import equipment_dialogs, org_settings_dialog, staff_dialogs, unit_dialog

LEVELS = [Choice("huyen", "Huyện"), Choice("xa", "Xã")]
KINDS = [Choice("xa", "xã")]
UNITS = [Unit("H", "Bộ phận Một cửa huyện", id=1), Unit("X", "Bộ phận Một cửa xã", id=2)]
TYPES = [EquipmentType("Máy tính", {"xa": 2}, id=1)]

_KEY = re.compile(r"\b(\w+)\.([A-Z][A-Z0-9_]*)\b")


def keys_in(*sources: tuple[ModuleType, object]) -> set[FieldKey]:
    """The field keys a piece of code names (``UnitField.NAME``, or ``F.NAME`` by an alias)."""
    found: set[FieldKey] = set()
    for module, code in sources:
        for owner, member in _KEY.findall(inspect.getsource(code)):
            kind = getattr(module, owner, None)
            if isinstance(kind, type) and issubclass(kind, FieldKey):
                found.add(getattr(kind, member))
    return found


def _dialogs():
    v = validation
    return [
        ("unit", lambda: unit_dialog.UnitDialog(None, LEVELS, KINDS, units=UNITS),
         keys_in((v, v.clean_unit), (unit_dialog, unit_dialog.UnitDialog)), set()),
        ("staff", lambda: staff_dialogs.StaffDialog(UNITS),
         keys_in((v, v.clean_person), (v, v.clean_assignment), (staff_dialogs, staff_dialogs.StaffDialog)),
         # the dialog's "Ghi chú" is the assignment's; a person's own notes come from an import
         {PersonField.NOTES}),
        ("end", lambda: staff_dialogs.EndAssignmentDialog("A", "B"),
         keys_in((staff_dialogs, staff_dialogs.EndAssignmentDialog),
                 (staff_store, staff_store.StaffRepository.end_assignment)),
         set()),
        ("transfer", lambda: staff_dialogs.TransferDialog("A", 1, UNITS, ""),
         keys_in((staff_dialogs, staff_dialogs.TransferDialog)), set()),
        ("item", lambda: equipment_dialogs.ItemDialog(UNITS, TYPES),
         keys_in((v, v.clean_equipment_item), (equipment_dialogs, equipment_dialogs.ItemDialog)), set()),
        ("type", lambda: equipment_dialogs.TypeDialog(LEVELS),
         keys_in((v, v.clean_equipment_type), (equipment_dialogs, equipment_dialogs.TypeDialog)), set()),
        ("settings", lambda: org_settings_dialog.OrgSettingsDialog(OrgSettings()),
         keys_in((v, v.clean_settings), (org_settings_dialog, org_settings_dialog.OrgSettingsDialog)),
         # chosen in the office set-up dialog (from the official list), not typed here
         {SettingsField.OFFICE_CODE, SettingsField.COMMUNE_NAME}),
    ]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "keys", "elsewhere"), _dialogs(), ids=[d[0] for d in _dialogs()])
def test_every_field_a_dialog_can_get_an_error_on_has_its_input(qtbot, name, make, keys, elsewhere):
    dialog = make()
    qtbot.addWidget(dialog)
    assert keys, name  # the scan found what the dialog checks
    for key in keys - elsewhere:
        if key is EquipmentTypeField.NORMS:  # one input per level
            assert all(dialog.has_field(key, level.code) for level in LEVELS)
        else:
            assert dialog.has_field(key), f"{name}: no input for {type(key).__name__}.{key.name}"
    for key in elsewhere:
        assert key in keys and not dialog.has_field(key)  # the exception is still needed


def test_the_inputs_are_labelled_from_the_registry(qtbot):
    dialog = unit_dialog.UnitDialog(None, LEVELS, KINDS, units=UNITS)
    qtbot.addWidget(dialog)
    labels = {dialog.form.labelForField(dialog.fields[slot].parentWidget()).text(): slot[1]
              for slot in dialog.fields}  # fmt: skip
    assert labels["Tên đơn vị"] == "name" and labels["Diện tích (m²)"] == "area_m2"
    assert {UnitField(k).label for k in labels.values()} == set(labels)
    staff = staff_dialogs.StaffDialog(UNITS)
    qtbot.addWidget(staff)
    assert staff.full_name.accessibleName() == PersonField.FULL_NAME.label == "Họ và tên"
    end = staff_dialogs.EndAssignmentDialog("A", "B")
    qtbot.addWidget(end)
    assert end.last_day.accessibleName() == "Ngày kết thúc"  # named for its purpose there
    assert end.has_field(AssignmentField.END)


def test_an_error_about_a_field_lands_next_to_its_input(qtbot):
    dialog = equipment_dialogs.ItemDialog(UNITS, TYPES)
    qtbot.addWidget(dialog)
    from motcua_desktop.domain.validation import FieldError

    dialog.show_errors([FieldError(EquipmentItemField.SERIAL, "quá dài"),
                        FieldError(UnitField.NAME, "không được để trống")])  # fmt: skip
    assert dialog.error_text(EquipmentItemField.SERIAL) == "quá dài"
    # a unit's name is no field of this form: at the top, with its label
    assert dialog.general_error.text() == "Tên đơn vị: không được để trống"
