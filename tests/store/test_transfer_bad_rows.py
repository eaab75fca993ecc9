"""A workbook with bad rows is refused whole: every bad row named as FILE[SHEET]:ROW: column:
message, and the register left exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from xlsx_files import write_xlsx

from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import import_file, reading

UNIT_HEADER = ["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú"]
STAFF_HEADER = ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức",
                "Cơ quan cử", "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"]  # fmt: skip
EQUIPMENT_HEADER = ["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng", "Ghi chú"]


def staff_row(code="", name="Nguyễn Văn An", unit="H-CHILANG", kind="Biên chế", start="01/01/2024",
              end="") -> list:
    return [code, name, 1990, unit, "", kind, "", "", start, end, "", ""]


def refused(registry, path: Path) -> InputRejected:
    dump = list(registry.db.conn.iterdump())
    with pytest.raises(InputRejected) as info:
        import_file(registry, path)
    assert list(registry.db.conn.iterdump()) == dump, "the register changed"
    return info.value


def test_each_bad_row_is_named_and_nothing_is_written(sample_registry, tmp_path):
    path = write_xlsx(tmp_path / "loi.xlsx", {
        "Đơn vị": [UNIT_HEADER, ["XA-MOI", "Bộ phận Một cửa xã Mới", "Xã", "xã", "", "", "", ""]],
        "Cán bộ": [
            STAFF_HEADER,
            staff_row(unit="KHONG-CO"),  # 2
            staff_row(kind="Hợp đồng"),  # 3
            staff_row(start="31/02/2024"),  # 4
            staff_row(name=""),  # 5
            staff_row(name="#REF!"),  # 6
            staff_row(name="A" * 5000),  # 7
            staff_row(start="01/05/2024", end="30/04/2024"),  # 8
            staff_row(code="MOI1", unit="XA-MOI"),  # 9: good, refers to the unit above
        ],
        "Thiết bị": [EQUIPMENT_HEADER, ["H-CHILANG", "Máy in", -1, "Tốt", 2020, ""],
                     ["XA-MOI", "Máy in", 1, "Tốt", 2020, ""]],
    })  # fmt: skip
    error = refused(sample_registry, path)
    assert error.problems == [
        "loi.xlsx[Cán bộ]:2: Mã đơn vị: không có đơn vị nào mã hay tên 'KHONG-CO' trong tệp hay trong dữ liệu",
        "loi.xlsx[Cán bộ]:3: Hình thức: 'Hợp đồng' không có trong danh sách (Biên chế, Biệt phái, Cử đến, Hỗ trợ)",
        "loi.xlsx[Cán bộ]:4: Từ ngày: ngày 31/02/2024 không có trên lịch",
        "loi.xlsx[Cán bộ]:5: Họ và tên: không được để trống",
        "loi.xlsx[Cán bộ]:6: Họ và tên: ô bị lỗi công thức (#REF!); hãy sửa công thức hoặc nhập giá trị",
        "loi.xlsx[Cán bộ]:7: Họ và tên: dài quá 200 ký tự (5000 ký tự)",
        "loi.xlsx[Cán bộ]:8: Đến ngày: không được trước ngày bắt đầu",
        "loi.xlsx[Thiết bị]:2: Số lượng: không được âm",
    ]
    assert "loi.xlsx" in str(error) and "chưa thay đổi" in str(error)


def test_unit_sheet_problems(registry, tmp_path):
    path = write_xlsx(tmp_path / "don_vi_loi.xlsx", {
        "Đơn vị": [
            UNIT_HEADER,
            ["A", "Bộ phận Một cửa xã A", "Thôn", "xã", "", "", "", ""],
            ["B", "Bộ phận Một cửa xã B", "Xã", "khu phố", "", "-3", "", ""],
            ["A", "Bộ phận Một cửa xã A lần hai", "Xã", "xã", "", "", "", ""],
            ["C", "", "Xã", "xã", "", "nhiều", "", ""],
            ["D", "Bộ phận Một cửa xã D", "", "xã", "", "", "", ""],
        ],
    })  # fmt: skip
    problems = refused(registry, path).problems
    assert problems == [
        "don_vi_loi.xlsx[Đơn vị]:2: Cấp: 'Thôn' không có trong danh sách (Tỉnh, Huyện, Xã)",
        "don_vi_loi.xlsx[Đơn vị]:3: Loại: 'khu phố' không có trong danh sách "
        "(huyện, thị trấn, xã, phường, tỉnh, thành phố, đặc khu)",
        "don_vi_loi.xlsx[Đơn vị]:3: Diện tích (m²): phải là số không âm",
        "don_vi_loi.xlsx[Đơn vị]:4: Mã: trùng mã với dòng 2",
        "don_vi_loi.xlsx[Đơn vị]:5: Diện tích (m²): 'nhiều' không phải là số",
        "don_vi_loi.xlsx[Đơn vị]:5: Tên đơn vị: không được để trống",
        "don_vi_loi.xlsx[Đơn vị]:6: Cấp: không được để trống (Tỉnh, Huyện, Xã)",
    ]
    assert registry.units.list() == []


def test_rows_of_one_person_that_disagree(registry, tmp_path):
    path = write_xlsx(tmp_path / "mau_thuan.xlsx", {
        "Đơn vị": [UNIT_HEADER, ["A", "Bộ phận Một cửa xã A", "Xã", "xã", "", "", "", ""]],
        "Cán bộ": [STAFF_HEADER, staff_row(code="P1", unit="A"),
                   staff_row(code="P1", name="Nguyễn Văn Bình", unit="A", start="01/02/2024"),
                   staff_row(code="P2", name="", unit="A")],
    })  # fmt: skip
    assert refused(registry, path).problems == [
        "mau_thuan.xlsx[Cán bộ]:3: Họ và tên: khác với dòng 2 ('Nguyễn Văn An') cùng mã cán bộ",
        "mau_thuan.xlsx[Cán bộ]:4: Họ và tên: không được để trống",
    ]


def test_a_cell_over_the_size_guard_is_refused_with_a_clear_message(registry, tmp_path):
    path = write_xlsx(tmp_path / "dai.xlsx", {
        "Đơn vị": [UNIT_HEADER, ["A", "Bộ phận Một cửa xã A", "Xã", "xã", "", "", "", "x" * 6000]],
    })  # fmt: skip
    assert refused(registry, path).problems == [
        "dai.xlsx[Đơn vị]:2: Ghi chú: ô dài 6.000 ký tự, quá giới hạn 5.000 ký tự"
    ]


def test_a_sheet_over_the_row_guard_is_refused_whole(registry, tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    rows = [[f"X{i}", f"Bộ phận Một cửa xã {i}", "Xã", "xã", "", "", "", ""] for i in range(4)]
    path = write_xlsx(tmp_path / "nhieu.xlsx", {"Đơn vị": [UNIT_HEADER, *rows]})
    problems = refused(registry, path).problems
    assert problems == [
        "nhieu.xlsx[Đơn vị]: có hơn 3 dòng dữ liệu, quá giới hạn một lần nhập; hãy chia thành nhiều tệp"
    ]


def test_a_missing_required_column_names_the_header_row(registry, tmp_path):
    path = write_xlsx(tmp_path / "thieu_cot.xlsx", {
        "Cán bộ": [["Mã cán bộ", "Họ và tên", "Mã đơn vị"], ["P1", "Nguyễn Văn An", "A"]],
    })  # fmt: skip
    assert refused(registry, path).problems == [
        "thieu_cot.xlsx[Cán bộ]:1: Hình thức: thiếu cột này (thường ghi là 'Hình thức', 'Hình thức làm việc', "
        "'Hình thức bố trí'; các cột đã thấy: 'Mã cán bộ', 'Họ và tên', 'Mã đơn vị'); hãy chọn cột cho trường "
        "này (--map \"TÊN CỘT=Hình thức\") hoặc một giá trị chung (--default \"Hình thức=...\")"
    ]


def test_row_numbers_are_the_spreadsheets_even_after_blank_rows(registry, tmp_path):
    path = write_xlsx(tmp_path / "dong_trong.xlsx", {
        "Đơn vị": [UNIT_HEADER, ["A", "Bộ phận Một cửa xã A", "Xã", "xã", "", "", "", ""], [], [],
                   ["B", "Bộ phận Một cửa xã B", "Phường", "xã", "", "", "", ""]],
    })  # fmt: skip
    assert refused(registry, path).problems == [
        "dong_trong.xlsx[Đơn vị]:5: Cấp: 'Phường' không có trong danh sách (Tỉnh, Huyện, Xã)"
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("du_lieu.xlsx", b"not a zip", "tệp không phải bảng tính Excel/LibreOffice (.xlsx)"),
        ("du_lieu.ods", b"x", "tệp không phải bảng tính Excel/LibreOffice (.ods)"),
        ("du_lieu.xls", b"x" * 600, "tệp không phải bảng tính Excel/LibreOffice (.xls)"),
        ("du_lieu.pdf", b"%PDF-1.4", "chỉ nhận tệp .xlsx, .xls, .ods hoặc .csv"),
        ("bang_luong.csv", "Mã;Tên\n".encode(), "không nhận ra tệp bang_luong.csv là trang nào"),
    ],
)
def test_files_that_are_not_an_import_workbook(registry, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert message in str(refused(registry, path))


def test_a_workbook_without_our_sheets(registry, tmp_path):
    path = write_xlsx(tmp_path / "khac.xlsx", {"Sheet1": [["a", "b"]]})
    assert "không nhận ra trang 'Sheet1' của khac.xlsx là trang nào của mẫu nhập" in str(
        refused(registry, path))


def test_an_unrecognised_sheet_beside_ours_is_named_not_skipped(registry, tmp_path):
    """Before: a sheet 'Cán bộ 2024' or 'Sheet1' was skipped without a word."""
    path = write_xlsx(tmp_path / "hai.xlsx", {
        "Đơn vị": [UNIT_HEADER, ["A", "Bộ phận Một cửa xã A", "Xã", "xã", "", "", "", ""]],
        "Bảng lương": [["Họ tên", "Lương"], ["Nguyễn Văn A", 5]],
    })  # fmt: skip
    error = refused(registry, path)
    assert "trang 'Bảng lương'" in str(error)
    assert registry.units.list() == []
