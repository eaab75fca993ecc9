"""Organisation settings dialog: edits saved, invalid input named per field, undoable."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from motcua_desktop.domain.fields import SettingsField


def _save(dialog):
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_changing_the_signer_is_saved_and_can_be_undone(window):
    before = window.registry.settings.get()
    window.open_org_settings()
    dialog = window.dialog
    assert dialog.signer_name.text() == before.signer_name
    dialog.signer_name.setText("Lê Thị Ký")
    dialog.noi_nhan.setPlainText("Như trên\nLưu: VT")
    _save(dialog)
    saved = window.registry.settings.get()
    assert saved.signer_name == "Lê Thị Ký" and saved.noi_nhan == ("Như trên", "Lưu: VT")
    window.action_undo.trigger()
    assert window.registry.settings.get().signer_name == before.signer_name


def test_required_fields_are_named_when_empty(window):
    window.open_org_settings()
    dialog = window.dialog
    dialog.signer_name.setText("")
    dialog.place.setText("")
    dialog.issuing_body.setPlainText("")
    _save(dialog)
    assert dialog.isVisible()
    assert dialog.error_text(SettingsField.SIGNER_NAME) == ""  # the signer may wait until it is known
    assert dialog.error_text(SettingsField.PLACE_NAME) == "không được để trống"
    assert dialog.error_text(SettingsField.ISSUING_BODY) == "không được để trống"
    dialog.reject()
