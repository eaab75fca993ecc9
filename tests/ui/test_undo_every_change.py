"""Every change made in the window is a step of its undo history: saving and deleting a
report, a restore from the trash, the levels and kinds of unit, the user's templates. Ctrl+Z
takes it back, Ctrl+Y does it again."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QInputDialog

from motcua_desktop.domain.model import Choice, EquipmentType
from motcua_desktop.store.reports import SavedReport
from motcua_desktop.store.trash import trash


def _report_tab(window):
    window.tabs.setCurrentWidget(window.report_holder)
    return window.ensure_report_tab()


def _type_title(tab, text: str) -> None:
    tab.editor.title.setText(text)
    tab.editor.title.textEdited.emit(text)


def test_saving_a_report_is_undone_and_redone_with_ctrl_z_and_ctrl_y(window):
    tab = _report_tab(window)
    before = window.registry.reports.latest()
    _type_title(tab, "Báo cáo sáu tháng đầu năm 2024")
    tab.action_save.trigger()
    assert window.registry.reports.get(before.id).title == "Báo cáo sáu tháng đầu năm 2024"
    assert "Lưu báo cáo" in window.action_undo.toolTip()

    window.action_undo.trigger()

    assert window.registry.reports.get(before.id).title == before.title
    assert tab.editor.title.text() == before.title  # the editor follows: no unsaved edits
    assert not tab.dirty
    window.action_redo.trigger()
    assert window.registry.reports.get(before.id).title == "Báo cáo sáu tháng đầu năm 2024"
    assert tab.editor.title.text() == "Báo cáo sáu tháng đầu năm 2024"


def test_a_new_report_saved_then_undone_leaves_the_list_and_comes_back_with_its_id(window):
    tab = _report_tab(window)
    count = tab.list.count()
    tab.new_report()
    _type_title(tab, "Báo cáo đột xuất")
    tab.action_save.trigger()
    saved = tab.editor.report()
    assert tab.list.count() == count + 1

    window.action_undo.trigger()
    assert tab.list.count() == count
    assert all(r.id != saved.id for r in window.registry.reports.list())
    window.action_redo.trigger()
    assert window.registry.reports.get(saved.id).title == "Báo cáo đột xuất"
    assert tab.list.count() == count + 1


def test_deleting_a_report_is_undone_with_its_template(window, answers):
    tab = _report_tab(window)
    report = window.ops.save_report(SavedReport(date(2024, 6, 30), "Báo cáo quý II", number="125",
                                                template="tinh-2025"))
    tab.load_report(report)

    tab.action_delete.trigger()
    assert all(r.id != report.id for r in window.registry.reports.list())

    window.action_undo.trigger()
    back = window.registry.reports.get(report.id)
    assert (back.title, back.number, back.template) == ("Báo cáo quý II", "125", "tinh-2025")
    assert any("Báo cáo quý II" in tab.list.item(i).text() for i in range(tab.list.count()))


def test_a_restore_from_the_trash_is_one_undo_step_and_keeps_the_older_history(window):
    registry = window.registry
    kind = window.ops.save_type(None, EquipmentType("Máy chiếu", {"huyen": 2}))
    window.ops.delete_type(kind.id)
    steps = window.undo_stack.count()
    dialog = window.history_actions.show_trash()
    dialog.table.selectRow(0)

    assert dialog.restore_selected()
    assert registry.equipment.type(kind.id).norms == {"huyen": 2}
    assert window.undo_stack.count() == steps + 1  # the older steps are still there
    assert window.action_undo.toolTip().endswith("Khôi phục Máy chiếu từ thùng rác")

    window.action_undo.trigger()  # back into the trash
    assert registry.equipment.type_by_name("Máy chiếu") is None
    assert [e.deletion.record_id for e in trash(registry.db) if e.table == "equipment_types"][:1] == [kind.id]
    window.action_redo.trigger()  # and out again, with its id and norms
    assert registry.equipment.type(kind.id).norms == {"huyen": 2}
    assert not any(e.table == "equipment_types" for e in trash(registry.db))
    window.action_undo.trigger()
    window.action_undo.trigger()  # the older steps: the delete, then the add
    assert registry.equipment.type(kind.id).name == "Máy chiếu"
    dialog.close()


def test_levels_and_kinds_are_undone_a_deleted_level_with_its_norms(window):
    registry = window.registry
    window.ops.save_choice("unit_levels", Choice("", "Đặc khu"))
    code = next(c.code for c in registry.units.levels() if c.label == "Đặc khu")
    kind = window.ops.save_type(None, EquipmentType("Máy chiếu", {code: 3}))

    window.ops.delete_choice("unit_levels", code)
    assert code not in registry.equipment.type(kind.id).norms
    window.action_undo.trigger()
    assert any(c.label == "Đặc khu" for c in registry.units.levels())
    assert registry.equipment.type(kind.id).norms == {code: 3}

    renamed = window.ops.save_choice("unit_levels", Choice(code, "Đặc khu kinh tế"))
    assert renamed.code == code
    window.action_undo.trigger()
    assert [c.label for c in registry.units.levels() if c.code == code] == ["Đặc khu"]


def test_the_value_list_dialog_writes_through_the_undo_history(window, monkeypatch):
    from motcua_desktop.ui.value_lists_dialog import ValueListsDialog

    dialog = ValueListsDialog(window.ops, window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Đặc khu", True))
    dialog._add("unit_levels")
    assert "Đặc khu" in [dialog.lists["unit_levels"].item(i).text()
                         for i in range(dialog.lists["unit_levels"].count())]
    window.action_undo.trigger()
    assert all(c.label != "Đặc khu" for c in window.registry.units.levels())
    dialog.close()


def test_saving_a_template_of_ones_own_is_undone(window, monkeypatch):
    tab = _report_tab(window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mẫu của phòng", True))
    saved = tab.templates.save_as_template()
    assert saved is not None and window.registry.templates.user_template(saved.key) is not None
    window.action_undo.trigger()
    assert window.registry.templates.user_template(saved.key) is None
    assert tab.templates.combo.findData(saved.key) == -1
