"""Undoing an import (Ctrl+Z) takes back the rows it added without putting them in
the trash (Thùng rác) as deleted records to "restore"; what the user deleted stays there,
and the undo history before the import still works."""

from __future__ import annotations

from motcua_desktop.store.trash import trash
from tests.ui.test_ui_files import _accept, _preview
from tests.xlsx_files import write_xlsx


def _trash_rows(window) -> list[list[str]]:
    dialog = window.history_actions.show_trash()
    rows = [[dialog.table.item(r, c).text() for c in range(1, 3)] for r in range(dialog.table.rowCount())]
    dialog.close()
    return rows


def _new_file(tmp_path, unit_code: str):
    return write_xlsx(tmp_path / "moi.xlsx", {
        "Đơn vị": [["Mã", "Tên đơn vị", "Cấp", "Loại"], ["X-MOI", "Bộ phận Một cửa xã Mới Nhập", "Xã", "xã"]],
        "Cán bộ": [["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Hình thức", "Từ ngày"],
                   ["MOI1", "Đặng Văn Mới", 1999, "X-MOI", "Biên chế", "01/01/2026"]],
        "Thiết bị": [["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng"], [unit_code, "Máy in", 2, "Tốt"]],
    })


def test_an_undone_import_leaves_nothing_in_the_trash_and_the_earlier_undo_still_works(window, qtbot, tmp_path):
    registry = window.registry
    item = registry.equipment.items()[0]
    window.ops.delete_items([item.id])  # a record the user deleted: the trash's to offer
    deleted = _trash_rows(window)
    assert len(deleted) == 1 and deleted[0][0] == "Thiết bị"

    flow = window.files.run_import(_new_file(tmp_path, registry.units.list()[0].code))
    _preview(qtbot, flow)
    assert _accept(qtbot, flow) is True
    flow.dialog.close()
    assert registry.units.by_code("X-MOI") is not None
    window.undo_stack.undo()  # Ctrl+Z: the import
    assert registry.units.by_code("X-MOI") is None
    assert _trash_rows(window) == deleted  # not the unit, person, assignment and printers
    assert [e.deletion.record_id for e in trash(registry.db)] == [item.id]

    window.undo_stack.undo()  # the deletion before the import
    assert item.id in [i.id for i in registry.equipment.items()]
    assert _trash_rows(window) == []
    window.undo_stack.redo()
    window.undo_stack.redo()  # the import again, then taken back again
    assert registry.units.by_code("X-MOI") is not None
    window.undo_stack.undo()
    assert _trash_rows(window) == deleted


def test_a_row_the_user_deletes_after_an_import_is_in_the_trash(window, qtbot, tmp_path):
    registry = window.registry
    flow = window.files.run_import(_new_file(tmp_path, "X-MOI"))
    _preview(qtbot, flow)
    assert _accept(qtbot, flow) is True
    flow.dialog.close()
    added = next(i for i in registry.equipment.items() if i.unit_id == registry.units.by_code("X-MOI").id)
    window.ops.delete_items([added.id])
    assert _trash_rows(window) == [["Thiết bị", "2 Máy in tại Bộ phận Một cửa xã Mới Nhập"]]
