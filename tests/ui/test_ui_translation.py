"""Qt's own buttons and menus speak Vietnamese: our qtbase_vi.qm is loaded at start."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from motcua_desktop.ui.i18n import install_translations


def _text(button) -> str:
    return button.text().replace("&", "")


def test_message_box_yes_no_are_vietnamese(qapp, qtbot):
    install_translations(qapp)
    box = QMessageBox(QMessageBox.Icon.Question, "Hỏi", "Xóa?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert _text(box.button(QMessageBox.StandardButton.Yes)) == "Có"
    assert _text(box.button(QMessageBox.StandardButton.No)) == "Không"


def test_button_box_standard_buttons_are_vietnamese(qapp, qtbot):
    install_translations(qapp)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Discard
    )
    qtbot.addWidget(buttons)
    S = QDialogButtonBox.StandardButton
    assert _text(buttons.button(S.Cancel)) == "Hủy"
    assert _text(buttons.button(S.Save)) == "Lưu"
    assert _text(buttons.button(S.Close)) == "Đóng"
    assert _text(buttons.button(S.Apply)) == "Áp dụng"
    assert _text(buttons.button(S.Discard)) == "Không lưu"


def test_line_edit_context_menu_is_vietnamese(qapp, qtbot):
    install_translations(qapp)
    edit = QLineEdit("Đồng Mỏ")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = {a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()}
    assert {"Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"} <= texts
    assert not texts & {"Undo", "Redo", "Copy", "Paste", "Select All"}


def test_translation_is_loaded_once(qapp):
    first = install_translations(qapp)
    assert first is not None
    assert install_translations(qapp) is first
