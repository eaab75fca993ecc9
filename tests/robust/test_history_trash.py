"""Change history written by triggers, read back per record, exported; the trash."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from openpyxl import load_workbook

from motcua_desktop.domain.model import Assignment, EmploymentKind, Person, Unit
from motcua_desktop.store.errors import IntegrityRefused
from motcua_desktop.store.trash import export_history, history_of, restore, trash


def _unit(registry, code="X-TEST", name="Bộ phận Một cửa xã Thử"):
    return registry.units.add(Unit(code=code, name=name))


def test_every_add_edit_end_and_delete_is_recorded_with_values_before_and_after(registry):
    # Given a unit and a person working there
    unit = _unit(registry)
    person = registry.staff.add_person(Person(full_name="Nguyễn Văn An"))
    a = registry.staff.add_assignment(Assignment(person.id, unit.id, EmploymentKind.BIEN_CHE, start=date(2024, 1, 1)))
    # When the unit is renamed, the assignment ended, then deleted
    unit.name = "Bộ phận Một cửa xã Thử Mới"
    registry.units.update(unit)
    registry.staff.end_assignment(a.id, date(2024, 6, 30))
    registry.staff.delete_assignment(a.id)
    # Then each step is in the record's history with its values
    unit_history = history_of(registry.db, "units", unit.id)
    assert [c.kind_label for c in unit_history] == ["Thêm", "Sửa"]
    assert unit_history[1].changed_fields() == [
        ("name", "Bộ phận Một cửa xã Thử", "Bộ phận Một cửa xã Thử Mới")
    ]
    kinds = [c.kind_label for c in history_of(registry.db, "assignments", a.id)]
    assert kinds == ["Thêm", "Kết thúc phân công", "Xóa"]
    ended = history_of(registry.db, "assignments", a.id)[1]
    assert ended.before["end_date"] is None and ended.after["end_date"] == "2024-06-30"


def test_a_rolled_back_write_leaves_no_history(registry):
    unit = _unit(registry)
    with pytest.raises(RuntimeError), registry.transaction():
        registry.units.update(Unit(code="X-TEST", name="Tên tạm", id=unit.id))
        raise RuntimeError("người dùng hủy")
    assert [c.action for c in history_of(registry.db, "units", unit.id)] == ["insert"]


def test_an_edit_that_changes_nothing_is_not_recorded(registry):
    unit = _unit(registry)
    registry.units.update(unit)
    assert len(history_of(registry.db, "units", unit.id)) == 1


def test_deleted_unit_goes_to_trash_and_comes_back_with_its_old_id(registry):
    unit = _unit(registry)
    registry.units.delete(unit.id)
    entries = trash(registry.db)
    assert [(e.table, e.values["name"]) for e in entries] == [("units", "Bộ phận Một cửa xã Thử")]
    restored = restore(registry.db, entries[0].deletion.id)
    assert restored.record_id == unit.id and not restored.id_changed
    assert registry.units.get(unit.id).name == "Bộ phận Một cửa xã Thử"
    assert trash(registry.db) == []
    assert [c.kind_label for c in history_of(registry.db, "units", unit.id)] == [
        "Thêm", "Xóa", "Khôi phục từ thùng rác"
    ]


def test_a_person_comes_back_with_the_assignments_deleted_with_them(registry):
    unit = _unit(registry)
    person = registry.staff.add_person(Person(full_name="Lê Thị Bình", code="CB01"))
    for kind in (EmploymentKind.BIEN_CHE, EmploymentKind.CU_DEN):
        agency = "Công an huyện" if kind is EmploymentKind.CU_DEN else ""
        registry.staff.add_assignment(Assignment(person.id, unit.id, kind, sending_agency=agency))
    registry.staff.delete_person(person.id)
    [entry] = trash(registry.db)
    assert entry.table == "people" and len(entry.dependents) == 2
    result = restore(registry.db, entry.deletion.id)
    assert result.count == 3
    assert [a.kind for a in registry.staff.assignments_of(result.record_id)] == [
        EmploymentKind.BIEN_CHE, EmploymentKind.CU_DEN
    ]


def test_restore_is_refused_clearly_when_the_unit_no_longer_exists(registry):
    unit = _unit(registry)
    person = registry.staff.add_person(Person(full_name="Trần Văn Cường"))
    a = registry.staff.add_assignment(Assignment(person.id, unit.id))
    registry.staff.delete_assignment(a.id)
    registry.units.delete(unit.id)
    assignment_entry = next(e for e in trash(registry.db) if e.table == "assignments")
    with pytest.raises(IntegrityRefused, match="đơn vị \"Bộ phận Một cửa xã Thử\" không còn"):
        restore(registry.db, assignment_entry.deletion.id)
    assert registry.staff.assignments() == []  # nothing half-restored
    assert len(trash(registry.db)) == 2


def test_restore_refuses_a_code_now_used_by_another_unit(registry):
    unit = _unit(registry)
    registry.units.delete(unit.id)
    _unit(registry, name="Đơn vị mới cùng mã")
    with pytest.raises(IntegrityRefused, match="mã đơn vị 'X-TEST' đã được dùng cho Đơn vị mới cùng mã"):
        restore(registry.db, trash(registry.db)[0].deletion.id)


def test_history_exports_to_csv_and_xlsx_with_formulas_kept_as_text(registry, tmp_path):
    unit = _unit(registry, name="=HYPERLINK(\"http://x\")")
    changes = history_of(registry.db, "units", unit.id)
    out_csv = export_history(registry.db, changes, tmp_path / "ls.csv")
    rows = list(csv.reader(out_csv.open(encoding="utf-8-sig")))
    assert rows[0][:5] == ["Thời điểm", "Bảng", "Số bản ghi", "Bản ghi", "Thao tác"]
    name_row = next(r for r in rows if r[5] == "Tên đơn vị")
    assert name_row[7] == "'=HYPERLINK(\"http://x\")"
    out_xlsx = export_history(registry.db, changes, tmp_path / "ls.xlsx")
    ws = load_workbook(out_xlsx).active
    cell = next(r[7] for r in ws.iter_rows(min_row=2) if r[5].value == "Tên đơn vị")
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"
