"""The import's mapping step: an office's own list shows each column with the field it was
recognised as; the user maps what was not recognised, sets a value for a missing field, sees
the preview, imports in one undo step; the next file with the same headers opens with the
same choices."""

from __future__ import annotations

from xlsx_files import write_xlsx

HEADER = ["STT", "Họ và tên", "Năm sinh", "Nơi tiếp nhận", "Ghi chú"]


def _mapping(qtbot, flow):
    with qtbot.waitSignal(flow.mapping_shown, timeout=20000) as blocker:
        pass
    return blocker.args[0]


def _rows(dialog, index=0):
    page = dialog.pages[index]
    return [(page.table.item(r, 0).text(), page.boxes[r].currentText()) for r in range(page.table.rowCount())]


def test_map_a_column_set_a_default_preview_import_and_remember(window, qtbot, tmp_path):
    first = write_xlsx(tmp_path / "ds.xlsx", {"DS CB": [
        ["DANH SÁCH CÁN BỘ"], [], HEADER,
        [1, "Trần Văn Mới", 1990, "xã Mai Sao", ""], [2, "Lò Thị Hoa", 1995, "Nhân Lý", ""],
    ]})  # fmt: skip
    people = len(window.registry.db.conn.execute("SELECT id FROM people").fetchall())

    flow = window.files.run_import(first)
    dialog = _mapping(qtbot, flow)

    assert _rows(dialog) == [("STT", "— Bỏ qua —"), ("Họ và tên", "Họ và tên"), ("Năm sinh", "Năm sinh"),
                             ("Nơi tiếp nhận", "— Bỏ qua —"), ("Ghi chú", "Ghi chú")]  # fmt: skip
    page = dialog.pages[0]
    page.boxes[3].setCurrentIndex(page.boxes[3].findText("Mã đơn vị"))
    page.defaults["kind"].setCurrentText("Biên chế")
    with qtbot.waitSignal(flow.previewed, timeout=20000) as blocker:
        dialog.continue_button.click()
    preview = blocker.args[0]
    assert [preview.added.model().index(r, 1).data() for r in range(preview.added.model().rowCount())][:1] == ["Trần Văn Mới (CB00001)"]
    with qtbot.waitSignal(flow.finished, timeout=20000):
        preview.import_button.click()
    flow.dialog.close()
    units = dict(window.registry.db.conn.execute(
        "SELECT p.full_name, u.code FROM people p JOIN assignments a ON a.person_id = p.id "
        "JOIN units u ON u.id = a.unit_id WHERE p.full_name IN ('Trần Văn Mới', 'Lò Thị Hoa')").fetchall())
    assert units == {"Trần Văn Mới": "X-MAISAO", "Lò Thị Hoa": "X-NHANLY"}
    assert window.undo_stack.undoText() == "Nhập ds.xlsx"
    window.undo_stack.undo()
    assert len(window.registry.db.conn.execute("SELECT id FROM people").fetchall()) == people

    second = write_xlsx(tmp_path / "ds thang 5.xlsx", {"DS CB": [HEADER, [1, "Bế Văn Một", 1981, "Gia Lộc", ""]]})
    again = _mapping(qtbot, window.files.run_import(second))
    assert _rows(again)[3] == ("Nơi tiếp nhận", "Mã đơn vị")
    assert again.pages[0].defaults["kind"].currentText() == "Biên chế"
    again.reject()


def test_one_sheet_per_commune_shows_each_sheet_and_its_unit_by_name(window, qtbot, tmp_path):
    header = ["STT", "Họ và tên", "Năm sinh", "Hình thức"]
    book = write_xlsx(tmp_path / "theo xa.xlsx", {
        "Mai Sao": [header, [1, "Bế Văn Một", 1981, "Biên chế"]],
        "Vân An": [header, [1, "Mã Văn Ba", 1975, "Biệt phái"]],
    })  # fmt: skip
    flow = window.files.run_import(book)
    dialog = _mapping(qtbot, flow)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["Mai Sao", "Vân An"]
    assert dialog.pages[1].defaults["unit_code"].lineEdit().placeholderText() == "theo tên trang: Vân An"
    with qtbot.waitSignal(flow.previewed, timeout=20000) as blocker:
        dialog.continue_button.click()
    assert blocker.args[0].added.model().rowCount() == 4  # two people, two assignments
    blocker.args[0].reject()
