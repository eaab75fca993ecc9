"""File menu: export and import run in the background; a refused import lists the bad rows;
opening another data file and the recent-files list."""

from __future__ import annotations

import dataclasses

from openpyxl import load_workbook

from motcua_desktop.ui import build_main_window


def _run(qtbot, job):
    with qtbot.waitSignal(job.finished, timeout=20000) as blocker:
        pass
    return blocker.args[0]


def test_export_then_import_into_an_empty_register(window, qtbot, tmp_path):
    out = tmp_path / "xuat.xlsx"
    job = window.files.run_export(out)
    assert _run(qtbot, job) is True
    assert out.is_file()
    assert "Đã xuất dữ liệu" in window.statusBar().currentMessage()

    empty = build_main_window(tmp_path / "trong.sqlite")
    qtbot.addWidget(empty)
    assert empty.units_tab.model.rowCount() == 0
    flow = empty.files.run_import(out)
    preview = _preview(qtbot, flow)
    assert preview.added.model().rowCount() > 21 and preview.import_button.isEnabled()
    assert _accept(qtbot, flow) is True
    empty.tabs.setCurrentWidget(empty.units_tab)  # hidden tabs reload when shown
    assert empty.units_tab.model.rowCount() == 21
    assert "Đã nhập xuat.xlsx" in flow.dialog.text()
    flow.dialog.close()
    empty.tabs.setCurrentWidget(empty.staff_tab)
    assert empty.staff_tab.model.rowCount() > 0
    empty.close()


def _preview(qtbot, flow):
    with qtbot.waitSignal(flow.mapping_shown, timeout=20000) as blocker:
        pass
    with qtbot.waitSignal(flow.previewed, timeout=20000) as blocker:
        flow.mapping.continue_button.click()
    return blocker.args[0]


def _accept(qtbot, flow):
    with qtbot.waitSignal(flow.finished, timeout=20000) as blocker:
        flow.preview.import_button.click()
    return blocker.args[0]


def test_a_refused_import_lists_every_bad_row_by_cell_and_changes_nothing(window, qtbot, tmp_path):
    bad = tmp_path / "Đơn vị.csv"
    bad.write_text(
        "Mã,Tên đơn vị,Cấp,Loại\n"
        "X-MOI,Bộ phận Một cửa xã Mới,Thôn,xã\n"
        ",Bộ phận Một cửa không mã,Xã,xã\n",
        encoding="utf-8",
    )
    flow = window.files.run_import(bad)
    preview = _preview(qtbot, flow)
    assert not preview.import_button.isEnabled()
    rows = [[preview.errors.model().index(r, c).data() for c in range(4)] for r in range(preview.errors.model().rowCount())]
    assert rows[0][:3] == ["Đơn vị!C2", "Bộ phận Một cửa xã Mới", "Cấp"]
    assert rows[1][:3] == ["Đơn vị!A3", "Bộ phận Một cửa không mã", "Mã"]
    assert len(window.registry.units.list()) == 21
    preview.reject()


def test_the_preview_shows_old_and_new_and_the_import_is_one_undo_step(window, qtbot, tmp_path):
    """Before: an import cleared the undo history and could not be undone."""
    unit = window.registry.units.list()[0]
    window.ops.edit_unit(unit, dataclasses.replace(unit, notes="sửa trước khi nhập"))
    out = tmp_path / "xuat.xlsx"
    assert _run(qtbot, window.files.run_export(out)) is True
    dump = list(window.registry.db.conn.iterdump())
    wb = load_workbook(out)
    wb["Đơn vị"]["B3"] = "Tên mới của đơn vị"
    wb["Cán bộ"].append(["MOI1", "Đặng Văn Mới", 1999, wb["Cán bộ"]["D2"].value, "", "Biên chế"])
    wb.save(out)
    flow = window.files.run_import(out)
    preview = _preview(qtbot, flow)
    changed = [[preview.changed.model().index(r, c).data() for c in range(5)] for r in range(preview.changed.model().rowCount())]
    assert changed == [["Đơn vị", f"Tên mới của đơn vị ({window.registry.units.list()[1].code})",
                        "Tên đơn vị", window.registry.units.list()[1].name, "Tên mới của đơn vị"]]
    assert preview.added.model().index(0, 1).data() == "Đặng Văn Mới (MOI1)"
    assert list(window.registry.db.conn.iterdump()) == dump  # the preview wrote nothing
    assert _accept(qtbot, flow) is True
    flow.dialog.close()
    assert window.registry.units.list()[1].name == "Tên mới của đơn vị"
    assert window.undo_stack.count() == 2 and window.undo_stack.undoText() == "Nhập xuat.xlsx"
    window.undo_stack.undo()  # Ctrl+Z
    data = [line for line in window.registry.db.conn.iterdump() if "change_history" not in line]
    assert data == [line for line in dump if "change_history" not in line]
    window.undo_stack.undo()  # the edit before the import is still undoable
    assert window.registry.units.list()[0].notes == unit.notes
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert window.registry.units.list()[1].name == "Tên mới của đơn vị"


def test_opening_another_data_file_switches_the_window_and_remembers_it(window, qtbot, tmp_path,
                                                                       sample_db_path):
    other = tmp_path / "khac.sqlite"
    new = window.files.switch_to(other)
    qtbot.addWidget(new)
    assert new.registry.path == other
    assert str(other.resolve()) == new.ui_settings.recent_files[0]
    new.files._fill_recent()
    assert str(sample_db_path.resolve()) in [a.text() for a in new.files.recent_menu.actions()]
    new.close()


def test_an_unreadable_data_file_is_refused_with_a_message(window, tmp_path, answers):
    junk = tmp_path / "hong.sqlite"
    junk.write_bytes(b"day khong phai tep du lieu" * 100)
    assert window.files.switch_to(junk) is None
    assert answers.warned and "hỏng" in answers.warned[0]


def test_the_preview_names_a_changed_level_and_kind_by_their_labels(window, qtbot, tmp_path):
    """Before: the changed list showed the codes (xa → huyen) instead of Xã → Huyện."""
    out = tmp_path / "xuat.xlsx"
    assert _run(qtbot, window.files.run_export(out)) is True
    wb = load_workbook(out)
    ws = wb["Đơn vị"]
    columns = {cell.value: cell.column_letter for cell in ws[1]}
    unit = window.registry.units.by_code(ws[f"{columns['Mã']}3"].value)
    assert (unit.level, unit.kind) == ("xa", "thi_tran")
    ws[f"{columns['Cấp']}3"], ws[f"{columns['Loại']}3"] = "Huyện", "Xã"
    wb.save(out)
    flow = window.files.run_import(out)
    preview = _preview(qtbot, flow)
    changed = [[preview.changed.model().index(r, c).data() for c in range(2, 5)]
               for r in range(preview.changed.model().rowCount())]
    assert changed == [["Cấp", "Xã", "Huyện"], ["Loại", "thị trấn", "xã"]]  # not xa → huyen, thi_tran → xa
    preview.reject()


def test_the_window_import_keeps_the_row_ids_and_norm_columns_of_an_export(window, qtbot, tmp_path):
    """Before: the mapping step set "Mã dòng (không sửa)" and "Định mức …" to «Bỏ qua», so an
    exported unit whose Mã was edited came back as a second unit, and norms were not read."""
    out = tmp_path / "xuat.xlsx"
    assert _run(qtbot, window.files.run_export(out)) is True
    wb = load_workbook(out)
    ws = wb["Đơn vị"]
    columns = {cell.value: cell.column_letter for cell in ws[1]}
    old_code = ws[f"{columns['Mã']}3"].value
    ws[f"{columns['Mã']}3"] = "MA-MOI"
    wb.save(out)
    count = len(window.registry.units.list())
    flow = window.files.run_import(out)
    preview = _preview(qtbot, flow)
    assert "Bỏ qua các cột" not in preview.summary_label.text()
    assert preview.added.model().rowCount() == 0
    changed = [[preview.changed.model().index(r, c).data() for c in range(2, 5)]
               for r in range(preview.changed.model().rowCount())]
    assert changed == [["Mã", old_code, "MA-MOI"]]
    assert _accept(qtbot, flow) is True
    flow.dialog.close()
    assert len(window.registry.units.list()) == count
    assert window.registry.units.by_code(old_code) is None
