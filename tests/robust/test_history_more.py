"""The history also covers the equipment catalogue and its norms, the organisation settings
and saved reports (migration 0004); the trash brings back a catalogue entry with its norms
and a saved report."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from old_schema import old_copy

from motcua_desktop.domain.model import EquipmentItem, EquipmentType, Unit
from motcua_desktop.store import Registry
from motcua_desktop.store.database import build_migrations
from motcua_desktop.store.errors import IntegrityRefused
from motcua_desktop.store.reports import SavedReport
from motcua_desktop.store.sample import load_sample
from motcua_desktop.store.trash import export_rows, history_of, recent_changes, restore, trash
from motcua_desktop.ui import build_main_window

# the offscreen platform's notice when a dialog opens; not a problem of ours
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _kinds(changes):
    return [(c.table, c.kind_label) for c in changes]


def test_catalogue_entries_and_their_norms_are_recorded_under_the_entry(registry):
    # Given a new catalogue entry with norms for both levels
    kind = registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2, "xa": 1}))
    # When it is renamed, one norm changed, one removed, then it is deleted
    registry.equipment.update_type(dataclasses.replace(kind, name="Máy chiếu đa năng", norms={"huyen": 3}))
    registry.equipment.delete_type(kind.id)
    # Then the entry's history holds every step, the norms filed under the entry with their level
    changes = history_of(registry.db, "equipment_types", kind.id)
    assert _kinds(changes) == [
        ("equipment_types", "Thêm"), ("equipment_norms", "Thêm"), ("equipment_norms", "Thêm"),
        ("equipment_types", "Sửa"), ("equipment_norms", "Xóa"), ("equipment_norms", "Sửa"),
        ("equipment_norms", "Xóa"), ("equipment_types", "Xóa"),
    ]  # fmt: skip
    assert changes[3].changed_fields() == [("name", "Máy chiếu", "Máy chiếu đa năng")]
    removed, edited = changes[4], changes[5]
    assert removed.before == {"type_id": kind.id, "level": "xa", "quantity": 1} and removed.after is None
    assert edited.before["level"] == "huyen" and (edited.before["quantity"], edited.after["quantity"]) == (2, 3)
    assert changes[-1].before["name"] == "Máy chiếu đa năng"


def test_saving_a_catalogue_entry_unchanged_records_nothing(registry):
    kind = registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2}))
    registry.equipment.update_type(kind)
    assert len(history_of(registry.db, "equipment_types", kind.id)) == 2


def _office(registry):
    """A register set up for an office (a new one is blank and cannot be saved as it is)."""
    from motcua_desktop.domain.office import office_setup

    return dataclasses.replace(office_setup("06463").settings, signer_name="Nguyễn Hùng Mạnh")


def test_settings_changes_are_recorded_with_key_and_value(registry):
    settings = _office(registry)
    registry.settings.save(settings)
    registry.settings.save(dataclasses.replace(settings, signer_name="Lương Đình Tư"))
    rowid = registry.db.conn.execute("SELECT rowid FROM settings WHERE key = 'organisation'").fetchone()[0]
    added, edited = history_of(registry.db, "settings", rowid)
    assert added.action == "insert" and added.after["key"] == "organisation"
    assert added.after["value"]["signer_name"] == "Nguyễn Hùng Mạnh"
    assert edited.before["value"]["signer_name"] == "Nguyễn Hùng Mạnh"
    assert edited.after["value"]["signer_name"] == "Lương Đình Tư"
    # only the setting that changed is listed as changed
    assert edited.changed_fields() == [("signer_name", "Nguyễn Hùng Mạnh", "Lương Đình Tư")]


def test_saved_reports_are_recorded_and_a_save_changing_nothing_is_not(registry):
    report = registry.reports.save(SavedReport(date(2024, 4, 19), "Báo cáo tình hình Bộ phận Một cửa"))
    registry.reports.save(report)  # only updated_at moves
    registry.reports.save(dataclasses.replace(report, number="125"))
    registry.reports.delete(report.id)
    changes = history_of(registry.db, "reports", report.id)
    assert [c.kind_label for c in changes] == ["Thêm", "Sửa", "Xóa"]
    assert changes[1].changed_fields() == [("number", "", "125")]
    assert changes[2].before["title"] == "Báo cáo tình hình Bộ phận Một cửa"


def test_rolled_back_writes_to_catalogue_settings_and_reports_record_nothing(registry):
    before = registry.db.conn.execute("SELECT COUNT(*) FROM change_history").fetchone()[0]
    with pytest.raises(RuntimeError), registry.transaction():
        registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2}))
        registry.settings.save(dataclasses.replace(_office(registry), signer_name="Tạm"))
        registry.reports.save(SavedReport(date(2024, 4, 19), "Tạm"))
        raise RuntimeError("người dùng hủy")
    assert registry.db.conn.execute("SELECT COUNT(*) FROM change_history").fetchone()[0] == before
    assert registry.equipment.type_by_name("Máy chiếu") is None


def test_history_lists_them_with_vietnamese_labels(registry):
    kind = registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2}))
    registry.equipment.update_type(dataclasses.replace(kind, norms={"huyen": 4}))
    registry.settings.save(dataclasses.replace(_office(registry), province_name="Cao Bằng"))
    registry.reports.save(SavedReport(date(2024, 4, 19), "Báo cáo quý II", number="125"))
    rows = export_rows(registry.db, recent_changes(registry.db))
    # (Bảng, Bản ghi, Thao tác, Trường, Giá trị cũ, Giá trị mới)
    seen = [(r[1], r[3], r[4], r[5], r[6], r[7]) for r in rows]
    assert ("Định mức thiết bị", "Định mức Máy chiếu, cấp Huyện", "Sửa", "Định mức (số lượng)", 2, 4) in seen
    assert ("Danh mục thiết bị", "Máy chiếu", "Thêm", "Loại thiết bị", "", "Máy chiếu") in seen
    assert ("Thông tin cơ quan", "Thông tin cơ quan", "Thêm", "Tên tỉnh", "", "Cao Bằng") in seen
    assert ("Báo cáo đã lưu", "Báo cáo số 125 ngày 19/04/2024", "Thêm", "Trích yếu", "", "Báo cáo quý II") in seen
    noi_nhan = next(r for r in seen if r[0] == "Thông tin cơ quan" and r[3] == "Nơi nhận")
    assert noi_nhan[5] == "Như trên; Lưu: VT"
    appendices = next(r for r in seen if r[0] == "Báo cáo đã lưu" and r[3] == "Phụ lục")
    assert appendices[5] == "Cán bộ"
    assert not [r for r in seen if r[3] in ("name", "quantity", "value", "key", "title")]


def test_the_history_window_shows_catalogue_and_report_changes(qtbot, sample_db_path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    # Given a catalogue entry added to the sample register (whose history has thousands of rows)
    kind = win.registry.equipment.add_type(EquipmentType("Máy chiếu", {"xa": 1}))
    # When the whole register's history is opened
    dialog = win.history_actions.show_all()
    # Then the entry and its norm are listed in Vietnamese, newest first
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    newest = [r[1:] for r in rows[:6]]
    assert ["Định mức thiết bị", str(kind.id), "Định mức Máy chiếu, cấp Xã", "Thêm", "Định mức (số lượng)", "", "1"] in newest
    assert ["Danh mục thiết bị", str(kind.id), "Máy chiếu", "Thêm", "Loại thiết bị", "", "Máy chiếu"] in newest
    assert "Báo cáo đã lưu" in {r[1] for r in rows}  # the sample's report, saved after 0004
    dialog.close()
    win.close()


def test_a_deleted_catalogue_entry_comes_back_with_its_norms(registry):
    kind = registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2, "xa": 1}))
    registry.equipment.delete_type(kind.id)
    [entry] = trash(registry.db)
    assert entry.table == "equipment_types" and len(entry.dependents) == 2
    result = restore(registry.db, entry.deletion.id)
    assert result.count == 3 and not result.id_changed
    back = registry.equipment.type(kind.id)
    assert (back.name, back.norms) == ("Máy chiếu", {"huyen": 2, "xa": 1})
    assert registry.equipment.type_by_name("máy chiếu") == back  # name key recomputed
    assert trash(registry.db) == []
    assert [c.kind_label for c in history_of(registry.db, "equipment_types", kind.id)][-3:] == [
        "Khôi phục từ thùng rác"
    ] * 3


def test_a_catalogue_entry_whose_name_is_taken_again_is_not_restored(registry):
    kind = registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2}))
    registry.equipment.delete_type(kind.id)
    registry.equipment.add_type(EquipmentType("MÁY CHIẾU"))
    entry = next(e for e in trash(registry.db) if e.table == "equipment_types")
    with pytest.raises(IntegrityRefused, match="loại thiết bị 'MÁY CHIẾU' đã có trong danh mục"):
        restore(registry.db, entry.deletion.id)
    assert [t.name for t in registry.equipment.types()] == ["MÁY CHIẾU"]


def test_a_norm_removed_by_an_edit_is_history_not_trash(registry):
    kind = registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2, "xa": 1}))
    registry.equipment.update_type(dataclasses.replace(kind, norms={"huyen": 2}))
    assert trash(registry.db) == []


def test_a_deleted_report_comes_back_from_the_trash(registry):
    report = registry.reports.save(
        SavedReport(date(2024, 4, 19), "Báo cáo quý II", number="125", noi_nhan=("Như trên", "Lưu: VT"))
    )
    registry.reports.delete(report.id)
    [entry] = trash(registry.db)
    assert entry.table == "reports"
    restore(registry.db, entry.deletion.id)
    back = registry.reports.get(report.id)
    assert (back.title, back.number, back.noi_nhan) == ("Báo cáo quý II", "125", ("Như trên", "Lưu: VT"))


def test_a_restored_catalogue_entry_can_carry_equipment_again(registry):
    unit = registry.units.add(Unit(code="X-A", name="Bộ phận Một cửa xã A"))
    kind = registry.equipment.add_type(EquipmentType("Máy chiếu"))
    registry.equipment.delete_type(kind.id)
    restore(registry.db, trash(registry.db)[0].deletion.id)
    item = registry.equipment.add_item(EquipmentItem(unit.id, kind.id, 1))
    assert registry.equipment.item(item.id).type_id == kind.id


def test_a_sample_file_at_0003_upgrades_and_then_records_catalogue_changes(tmp_path):
    # Given the sample register made by an app that knew migrations up to 0003
    sample = tmp_path / "sample.sqlite"
    current = Registry.open(sample)
    load_sample(current)
    current.close()
    path = tmp_path / "old.sqlite"
    old_copy(sample, path, "0003_history")
    old = Registry.open(path, migrate=False)
    types_before = [(t.name, t.norms) for t in old.equipment.types()]
    history_before = old.db.conn.execute("SELECT COUNT(*) FROM change_history").fetchone()[0]
    assert [m.name for m in build_migrations().applied(old.db)][-1] == "0003_history"
    old.close()
    # When the current app opens it
    reg = Registry.open(path)
    try:
        # Then 0004 is applied and recorded, nothing is lost, and new writes are recorded
        assert "0004_history_catalogue_settings_reports" in [m.name for m in build_migrations().applied(reg.db)]
        assert [(t.name, t.norms) for t in reg.equipment.types()] == types_before
        assert reg.db.conn.execute("SELECT COUNT(*) FROM change_history").fetchone()[0] == history_before
        assert len(reg.units.list()) == 21 and reg.reports.latest() is not None
        first = reg.equipment.types()[0]
        reg.equipment.update_type(dataclasses.replace(first, norms={**first.norms, "xa": 9}))
        report = reg.reports.latest()
        reg.reports.save(dataclasses.replace(report, number="99"))
        assert history_of(reg.db, "equipment_types", first.id)[-1].after["quantity"] == 9
        assert history_of(reg.db, "reports", report.id)[-1].changed_fields() == [("number", "", "99")]
    finally:
        reg.close()


def test_the_trash_window_restores_a_catalogue_entry_and_a_report_into_the_report_list(qtbot, sample_db_path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    report_tab = win.ensure_report_tab()
    # Given a catalogue entry with two norms and a saved report, both deleted
    kind = win.registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2, "xa": 1}))
    win.registry.equipment.delete_type(kind.id)
    report = win.registry.reports.save(SavedReport(date(2024, 6, 30), "Báo cáo quý II", number="125"))
    win.registry.reports.delete(report.id)
    # When the trash is opened
    dialog = win.history_actions.show_trash()
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(2)]
    # Then both are listed in Vietnamese, newest first, the entry with its norms
    assert [r[1:] for r in rows] == [
        ["Báo cáo đã lưu", "Báo cáo số 125 ngày 30/06/2024", ""],
        ["Danh mục thiết bị", "Máy chiếu", "2 định mức"],
    ]
    # and restoring them brings them back where the user looks for them
    dialog.table.selectRow(1)
    assert dialog.restore_selected()
    assert "Đã khôi phục Máy chiếu" in dialog.message.text()
    assert win.registry.equipment.type(kind.id).norms == {"huyen": 2, "xa": 1}
    dialog.table.selectRow(0)
    assert dialog.restore_selected()
    win.tabs.setCurrentWidget(win.report_holder)  # where the user looks for it
    titles = [report_tab.list.item(i).text() for i in range(report_tab.list.count())]
    assert any("Báo cáo quý II" in t for t in titles)
    dialog.close()
    win.close()
