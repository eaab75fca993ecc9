"""The optional columns after the contract's and the optional sheet ``Danh mục thiết bị``:
a file without them still imports and leaves those fields as they are; the catalogue sheet
sets each type's order and norm per unit level, from a workbook or a ``.csv`` named after it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook
from xlsx_files import write_xlsx

from motcua_desktop.domain.model import EquipmentType
from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import export_workbook, import_file
from motcua_desktop.store.transfer.columns import EQUIPMENT, STAFF, UNITS

CONTRACT = {sheet.title: [c.label for c in sheet.columns][:n]
            for sheet, n in ((UNITS, 8), (STAFF, 12), (EQUIPMENT, 6))}  # fmt: skip


def as_older_file(path: Path, out: Path) -> Path:
    """The same export as a file written before the optional columns and sheet existed."""
    wb = load_workbook(path)
    sheets = {}
    for title, labels in CONTRACT.items():
        rows = [[c.value for c in row] for row in wb[title].iter_rows()]
        assert rows[0][: len(labels)] == labels
        sheets[title] = [row[: len(labels)] for row in rows]
    return write_xlsx(out, sheets)


def test_the_contract_columns_come_first_in_its_order():
    assert CONTRACT["Đơn vị"] == ["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)",
                                  "Thứ tự", "Ghi chú"]  # fmt: skip
    assert CONTRACT["Cán bộ"][-2:] == ["Điện thoại", "Ghi chú"]
    assert CONTRACT["Thiết bị"] == ["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng",
                                    "Năm sử dụng", "Ghi chú"]  # fmt: skip


def test_an_older_file_reimported_leaves_the_optional_fields_as_they_are(sample_registry, tmp_path):
    reg = sample_registry
    unit = reg.units.list()[0]
    reg.units.update(dataclasses.replace(unit, hotline="0205 3820 123"))
    job = reg.staff.assignments()[0]
    reg.staff.update_assignment(dataclasses.replace(job, decision="QĐ 45/QĐ-UBND"))
    item = reg.equipment.items()[0]
    reg.equipment.update_item(dataclasses.replace(item, serial="SN-1"))
    older = as_older_file(export_workbook(reg, tmp_path / "moi.xlsx"), tmp_path / "cu.xlsx")
    dump = list(reg.db.conn.iterdump())
    summary = import_file(reg, older)
    assert list(reg.db.conn.iterdump()) == dump
    assert not summary.changed
    assert reg.units.by_code(unit.code).hotline == "0205 3820 123"
    assert reg.staff.people()[0].gender  # the sample's genders and qualifications stay
    assert reg.equipment.types()[0].norms == {"huyen": 1, "xa": 1}


def test_an_older_file_imports_into_an_empty_register(sample_registry, registry, tmp_path):
    older = as_older_file(export_workbook(sample_registry, tmp_path / "moi.xlsx"), tmp_path / "cu.xlsx")
    summary = import_file(registry, older)
    assert summary.units.added == 21
    assert summary.sheets == ["units", "staff", "equipment"]
    assert len(summary.new_types) == len({i.type_id for i in sample_registry.equipment.items()})
    types = registry.equipment.types()
    assert types and all(t.norms == {} for t in types)


def test_the_catalogue_sheet_sets_order_and_norms_and_a_blank_cell_removes_a_norm(sample_registry, tmp_path):
    reg = sample_registry
    before = {t.name: t for t in reg.equipment.types()}
    assert before["Máy in"].norms == {"huyen": 4, "xa": 2}
    path = write_xlsx(tmp_path / "danhmuc.xlsx", {"Danh mục thiết bị": [
        ["Loại thiết bị", "Thứ tự", "Định mức Huyện", "dinh muc xa"],
        ["máy in", 40, 5, None],
        ["Máy chiếu", 41, 1, 0],
    ]})  # fmt: skip
    summary = import_file(reg, path)
    assert "- Danh mục thiết bị: thêm 1 loại, cập nhật 1, không đổi 0." in summary.describe()
    after = {t.name: t for t in reg.equipment.types()}
    assert after["Máy in"].norms == {"huyen": 5}  # Xã left blank: no norm any more
    assert after["Máy in"].sort_order == 40
    assert (after["Máy chiếu"].norms, after["Máy chiếu"].sort_order) == ({"huyen": 1, "xa": 0}, 41)
    assert [t.name for t in reg.equipment.types()][-2:] == ["Máy in", "Máy chiếu"]
    # the other types are untouched
    assert after["Máy lấy số tự động"] == before["Máy lấy số tự động"]


def test_a_catalogue_without_a_norm_column_keeps_the_norms(sample_registry, tmp_path):
    path = write_xlsx(tmp_path / "danhmuc.xlsx", {"Danh mục thiết bị": [
        ["Loại thiết bị", "Thứ tự"], ["Máy in", 2]]})  # fmt: skip
    summary = import_file(sample_registry, path)
    assert not summary.changed
    assert sample_registry.equipment.type_by_name("Máy in").norms == {"huyen": 4, "xa": 2}


@pytest.mark.parametrize("name", ["danh_muc_thiet_bi.csv", "Danh mục thiết bị.csv"])
def test_a_csv_named_after_the_catalogue_sheet(registry, tmp_path, name):
    path = tmp_path / name
    path.write_text("Loại thiết bị;Thứ tự;Định mức Huyện;Định mức Xã\r\n"
                    "Máy lấy số tự động;1;1;1\r\nTivi;2;;1\r\n", encoding="utf-8-sig")  # fmt: skip
    summary = import_file(registry, path)
    assert summary.sheets == ["types"]
    assert [(t.name, t.sort_order, t.norms) for t in registry.equipment.types()] == [
        ("Máy lấy số tự động", 1, {"huyen": 1, "xa": 1}), ("Tivi", 2, {"xa": 1})]  # fmt: skip


def test_bad_catalogue_rows_are_named_and_nothing_is_written(sample_registry, tmp_path):
    reg = sample_registry
    reg.equipment.add_type(EquipmentType("Máy chiếu"))
    path = write_xlsx(tmp_path / "loi.xlsx", {"Danh mục thiết bị": [
        ["Loại thiết bị", "Thứ tự", "Định mức Huyện", "Định mức Thôn"],
        ["Máy in", -1, 2, None],  # 2
        ["Tivi", 3, "hai", None],  # 3
        ["MÁY IN", 4, 1, None],  # 4
        [None, 5, 1, None],  # 5
        ["Máy scan", 6, -2, None],  # 6
    ]})  # fmt: skip
    dump = list(reg.db.conn.iterdump())
    with pytest.raises(InputRejected) as info:
        import_file(reg, path)
    assert list(reg.db.conn.iterdump()) == dump
    assert info.value.problems == [
        "loi.xlsx[Danh mục thiết bị]:1: Định mức Thôn: không có cấp 'Thôn' "
        "(cột định mức phải là: Định mức Tỉnh, Định mức Huyện, Định mức Xã)",
        "loi.xlsx[Danh mục thiết bị]:2: Thứ tự: không được âm",
        "loi.xlsx[Danh mục thiết bị]:3: Định mức Huyện: 'hai' không phải là số",
        "loi.xlsx[Danh mục thiết bị]:4: Loại thiết bị: trùng loại thiết bị với dòng 2",
        "loi.xlsx[Danh mục thiết bị]:5: Loại thiết bị: không được để trống",
        "loi.xlsx[Danh mục thiết bị]:6: Định mức Huyện: không được âm",
    ]


def test_optional_columns_are_read_and_checked(registry, tmp_path):
    long_serial = "S" * 101
    path = write_xlsx(tmp_path / "them.xlsx", {
        "Đơn vị": [[*CONTRACT["Đơn vị"], "Tên ĐVHC", "Quyết định thành lập", "Quyết định kiện toàn",
                    "Quy chế", "Đường dây nóng"],
                   ["X1", "Bộ phận Một cửa xã Một", "Xã", "xã", "", "", 1, "", "xã Một",
                    "QĐ 1/QĐ-UBND", "QĐ 2/QĐ-UBND", "QĐ 3/QĐ-UBND", "0205 3 111 222"]],
        "Cán bộ": [[*CONTRACT["Cán bộ"], "Giới tính", "Trình độ", "Quyết định", "Ghi chú cán bộ"],
                   ["A1", "Hoàng Thị Lan", 1990, "X1", "", "Biên chế", "", "", "01/01/2024", "", "",
                    "ghi chú phân công", "Nữ", "Đại học", "QĐ 9/QĐ-UBND", "ghi chú người"]],
        "Thiết bị": [[*CONTRACT["Thiết bị"], "Số hiệu"], ["X1", "Máy in", 1, "Tốt", 2020, "", "SN-7"]],
    })  # fmt: skip
    import_file(registry, path)
    unit = registry.units.by_code("X1")
    assert (unit.admin_name, unit.founding_decision, unit.staffing_decision, unit.rules, unit.hotline) == (
        "xã Một", "QĐ 1/QĐ-UBND", "QĐ 2/QĐ-UBND", "QĐ 3/QĐ-UBND", "0205 3 111 222")  # fmt: skip
    person = registry.staff.person_by_code("A1")
    assert (person.gender, person.qualification, person.notes) == ("Nữ", "Đại học", "ghi chú người")
    (job,) = registry.staff.assignments()
    assert (job.decision, job.notes) == ("QĐ 9/QĐ-UBND", "ghi chú phân công")
    assert registry.equipment.items()[0].serial == "SN-7"
    bad = write_xlsx(tmp_path / "loi.xlsx", {
        "Thiết bị": [[*CONTRACT["Thiết bị"], "Số hiệu"], ["X1", "Máy in", 1, "Tốt", 2020, "", long_serial]]})  # fmt: skip
    with pytest.raises(InputRejected) as info:
        import_file(registry, bad)
    assert info.value.problems[0].startswith("loi.xlsx[Thiết bị]:2: Số hiệu: ")
