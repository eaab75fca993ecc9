"""How a row finds its record. Each test here failed on the importer before it:
codes silently renamed someone else, edited keys added rows beside the old ones, overlapping
assignments were accepted, and people the file left out were not mentioned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from xlsx_files import write_xlsx

from motcua_desktop.domain.model import (
    Assignment,
    Condition,
    EquipmentItem,
    EquipmentType,
    Person,
    Unit,
)
from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import export_workbook, import_file

UNIT_HEADER = ["Mã", "Tên đơn vị", "Cấp", "Loại"]
STAFF_HEADER = ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Hình thức", "Từ ngày", "Đến ngày"]


def refused(registry, path: Path) -> InputRejected:
    dump = list(registry.db.conn.iterdump())
    with pytest.raises(InputRejected) as info:
        import_file(registry, path)
    assert list(registry.db.conn.iterdump()) == dump  # nothing written
    return info.value


@pytest.fixture
def commune(registry):
    """Xã A with person 1 (Nguyễn Văn An, 1980), one open assignment and a printer."""
    a = registry.units.add(Unit("XA-A", "Bộ phận Một cửa xã A"))
    registry.units.add(Unit("XA-B", "Bộ phận Một cửa xã B"))
    p = registry.staff.add_person(Person("Nguyễn Văn An", code="1", birth_year=1980))
    registry.staff.add_assignment(Assignment(p.id, a.id, start=date(2020, 1, 1)))
    kind = registry.equipment.add_type(EquipmentType("Máy in"))
    registry.equipment.add_item(EquipmentItem(a.id, kind.id, 2, Condition.TOT, 2020))
    return registry


def test_a_code_naming_someone_else_is_an_error_naming_both(commune, tmp_path):
    """Before: commune B's staff number 1 silently renamed commune A's and got a second job."""
    path = write_xlsx(tmp_path / "xa_b.xlsx", {"Cán bộ": [
        STAFF_HEADER, ["1", "Trần Thị Bình", 1992, "XA-B", "Biên chế", "01/03/2021", ""]]})
    error = refused(commune, path)
    assert error.problems == [
        "xa_b.xlsx[Cán bộ]:2: Mã cán bộ: mã '1' trong dữ liệu là của 'Nguyễn Văn An', sinh 1980, "
        "ở Bộ phận Một cửa xã A, khác tên và năm sinh với dòng này ('Trần Thị Bình'); nếu là "
        "hai người, hãy dùng mã khác cho người mới"
    ]
    assert error.details[0].cell == "Cán bộ!A2" and error.details[0].who == "Trần Thị Bình"


def test_a_code_with_the_same_birth_year_corrects_the_name(commune, tmp_path):
    path = write_xlsx(tmp_path / "sua_ten.xlsx", {"Cán bộ": [
        STAFF_HEADER, ["1", "Nguyễn Văn Ân", 1980, "XA-A", "Biên chế", "01/01/2020", ""]]})
    summary = import_file(commune, path)
    assert (summary.people.updated, summary.assignments.unchanged) == (1, 1)
    assert [p.full_name for p in commune.staff.people()] == ["Nguyễn Văn Ân"]


def _export_rows(registry, tmp_path, sheet):
    path = export_workbook(registry, tmp_path / "xuat.xlsx")
    wb = load_workbook(path)
    return path, wb, wb[sheet]


def _set(path, wb, ws, header, row, value):
    column = [c.value for c in ws[1]].index(header) + 1
    ws.cell(row=row, column=column, value=value)
    wb.save(path)


@pytest.mark.parametrize(("header", "value", "check"), [
    ("Từ ngày", date(2019, 6, 1), lambda r: r.staff.assignments()[0].start == date(2019, 6, 1)),
    ("Mã đơn vị", "XA-B", lambda r: r.staff.assignments()[0].unit_id == r.units.by_code("XA-B").id),
    ("Mã cán bộ", "A-001", lambda r: r.staff.people()[0].code == "A-001"),
])  # fmt: skip
def test_editing_a_key_of_an_exported_staff_row_updates_it(commune, tmp_path, header, value, check):
    """Before: a changed Từ ngày or Mã đơn vị added a second assignment (a person counted twice)."""
    path, wb, ws = _export_rows(commune, tmp_path, "Cán bộ")
    _set(path, wb, ws, header, 2, value)
    summary = import_file(commune, path)
    assert len(commune.staff.assignments()) == 1 and len(commune.staff.people()) == 1
    assert summary.assignments.added == 0 and summary.people.added == 0
    assert check(commune)


def test_editing_a_units_code_renames_it(commune, tmp_path):
    path, wb, ws = _export_rows(commune, tmp_path, "Đơn vị")
    _set(path, wb, ws, "Mã", 2, "XA-A-MOI")
    import_file(commune, path)
    assert [u.code for u in commune.units.list()] == ["XA-A-MOI", "XA-B"]


@pytest.mark.parametrize(("header", "value", "field", "expected"), [
    ("Tình trạng", "Hỏng", "condition", Condition.HONG),
    ("Năm sử dụng", 2018, "year_in_service", 2018),
])  # fmt: skip
def test_editing_equipment_condition_or_year_updates_the_row(commune, tmp_path, header, value, field, expected):
    """Before: the printers were counted as both Tốt and Hỏng."""
    path, wb, ws = _export_rows(commune, tmp_path, "Thiết bị")
    _set(path, wb, ws, header, 2, value)
    import_file(commune, path)
    items = commune.equipment.items()
    assert len(items) == 1 and getattr(items[0], field) == expected and items[0].quantity == 2


def test_a_row_id_of_a_deleted_record_is_an_error(commune, tmp_path):
    path, wb, ws = _export_rows(commune, tmp_path, "Thiết bị")
    commune.equipment.delete_item(commune.equipment.items()[0].id)
    error = refused(commune, path)
    assert error.problems == [
        "xuat.xlsx[Thiết bị]:2: Mã dòng (không sửa): không còn bản ghi này trong dữ liệu (đã bị xóa "
        "sau khi xuất tệp?); hãy xóa ô này để nhập như dòng mới"
    ]


def test_a_file_exported_from_another_register_is_matched_by_content(commune, registry_b, tmp_path):
    path = export_workbook(commune, tmp_path / "khac.xlsx")
    first = import_file(registry_b, path)
    assert first.units.added == 2
    again = import_file(registry_b, path)
    assert not again.changed
    assert any("tệp dữ liệu khác" in note for note in again.notes)


@pytest.fixture
def registry_b(tmp_path):
    from motcua_desktop.store import Registry

    reg = Registry.open(tmp_path / "b.sqlite")
    yield reg
    reg.close()


@pytest.mark.parametrize(("rows", "problem"), [
    ([["7", "Lê Văn Cường", 1990, "XA-A", "Biên chế", "01/01/2024", ""],
      ["7", "Lê Văn Cường", 1990, "XA-A", "Biên chế", "01/02/2024", ""]],
     "x.xlsx[Cán bộ]:3: Từ ngày: trùng thời gian với dòng 2 (Bộ phận Một cửa xã A, từ 01/01/2024 "
     "đến nay)"),  # two open at once in one unit
    ([["1", "Nguyễn Văn An", 1980, "XA-B", "Biên chế", "01/06/2024", ""]],
     "x.xlsx[Cán bộ]:2: Từ ngày: trùng thời gian với phân công đã có tại Bộ phận Một cửa xã A từ "
     "01/01/2020 đến nay"),  # active in two units on one day, against the register
])  # fmt: skip
def test_overlapping_assignments_are_refused_naming_both(commune, tmp_path, rows, problem):
    path = write_xlsx(tmp_path / "x.xlsx", {"Cán bộ": [STAFF_HEADER, *rows]})
    assert refused(commune, path).problems == [
        problem + ": một người không thể có hai phân công cùng lúc (điều chuyển thì ngày bắt đầu "
        "nơi mới phải sau ngày kết thúc nơi cũ)"
    ]


def test_a_transfer_ending_one_day_and_starting_the_next_is_fine(commune, tmp_path):
    path = write_xlsx(tmp_path / "dieu_chuyen.xlsx", {"Cán bộ": [
        STAFF_HEADER, ["1", "Nguyễn Văn An", 1980, "XA-A", "Biên chế", "01/01/2020", "31/05/2024"],
        ["1", "Nguyễn Văn An", 1980, "XA-B", "Biên chế", "01/06/2024", ""]]})  # fmt: skip
    summary = import_file(commune, path)
    assert (summary.assignments.updated, summary.assignments.added) == (1, 1)
    counts = {r.unit.code: r.count.total for r in commune.staff_table(date(2024, 6, 1)).rows}
    assert counts == {"XA-A": 0, "XA-B": 1}


def test_people_the_file_omits_are_named_and_untouched(commune, tmp_path):
    before = commune.staff.people()
    path = write_xlsx(tmp_path / "mot_nguoi.xlsx", {"Cán bộ": [
        STAFF_HEADER, ["2", "Phạm Thị Dung", 1995, "XA-B", "Biên chế", "01/01/2024", ""]]})
    summary = import_file(commune, path)
    assert summary.omitted == ["Nguyễn Văn An (1)"]
    assert ("- 1 cán bộ có trong dữ liệu nhưng không có trong tệp, giữ nguyên không đổi: "
            "Nguyễn Văn An (1).") in summary.describe()
    assert [p for p in commune.staff.people() if p.code == "1"] == before


def test_the_register_is_read_inside_the_write_transaction(commune, tmp_path, monkeypatch):
    """Before: the snapshot was read before the write transaction began, so a concurrent
    import could change the register in between and one of the two updates was lost."""
    from motcua_desktop.store.transfer import register_view

    seen = []
    original = register_view.RegisterView.__init__

    def spy(self, registry):
        seen.append(registry.db.conn.in_transaction)
        original(self, registry)

    monkeypatch.setattr(register_view.RegisterView, "__init__", spy)
    path = write_xlsx(tmp_path / "x.xlsx", {"Đơn vị": [UNIT_HEADER, ["XA-C", "Bộ phận Một cửa xã C", "Xã", "xã"]]})
    import_file(commune, path)
    assert seen == [True]


def test_a_concurrent_writer_makes_the_import_wait_then_fail_with_a_true_message(commune, tmp_path):
    import sqlite3

    path = write_xlsx(tmp_path / "x.xlsx", {"Đơn vị": [UNIT_HEADER, ["XA-C", "Bộ phận Một cửa xã C", "Xã", "xã"]]})
    other = sqlite3.connect(commune.path, timeout=0.1)
    other.execute("BEGIN IMMEDIATE")  # another import holding the write lock
    commune.db.conn.execute("PRAGMA busy_timeout = 300")
    try:
        with pytest.raises(Exception) as info:
            import_file(commune, path)
        assert "đang được ghi bởi một cửa sổ hoặc một lệnh khác" in str(info.value)
        assert "Chưa có gì thay đổi" in str(info.value)
    finally:
        other.rollback()
        other.close()
    assert import_file(commune, path).units.added == 1  # once the other one is done


def test_an_import_waits_for_a_concurrent_writer_and_then_succeeds(commune, tmp_path):
    import sqlite3
    import threading

    path = write_xlsx(tmp_path / "x.xlsx", {"Đơn vị": [UNIT_HEADER, ["XA-C", "Bộ phận Một cửa xã C", "Xã", "xã"]]})
    other = sqlite3.connect(commune.path, timeout=0.1, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE units SET notes = 'ghi bởi cửa sổ khác' WHERE code = 'XA-B'")
    releaser = threading.Timer(0.5, other.commit)
    releaser.start()
    try:
        assert import_file(commune, path).units.added == 1  # waited, then wrote
    finally:
        releaser.join()
        other.close()
    notes = {u.code: u.notes for u in commune.units.list()}
    assert notes["XA-B"] == "ghi bởi cửa sổ khác" and "XA-C" in notes  # neither change lost
