"""Lists offices already keep import into the sample register through ``motcua import``: their
own headers, units by name, one sheet per commune, the birth date under ``Nam``/``Nữ``; each bad
variant exits 2 naming what it saw and leaves the register as it was."""

from __future__ import annotations

from datetime import date

import pytest
from office_lists import SIGNED, TITLE, count, dump, equipment, people, write_csv, write_xls
from xlsx_files import write_xlsx

from motcua_desktop.cli.main import run


def motcua_import(db, path, *extra: str) -> int:
    return run(["import", "--db", str(db), str(path), *extra])


def test_a_list_with_a_title_its_own_headers_and_units_by_full_or_short_name_xlsx(sample_db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "Danh sách.xlsx", {"Sheet1": [
        TITLE, [],
        ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đơn vị công tác", "Hình thức", "Cơ quan cử", "Ghi chú"],
        [1, "Trần Văn Mới", 1990, "Công chức Tư pháp", "Bộ phận Một cửa xã Mai Sao", "Biên chế", "", ""],
        [2, "Lò Thị Hoa", 1995, "Văn phòng", "xã Nhân Lý", "biên chế", "", ""],
        [3, "Hoàng Văn Ba", 1988, "Địa chính", "Trung tâm Phục vụ hành chính công xã Chi Lăng", "Biệt phái", "", ""],
        # Cử đến names who sends (issue-9's rule)
        [4, "Nông Thị Tư", 1979, "Văn hóa", "VÂN AN", "Cử đến", "Phòng Văn hóa - Thông tin", ""],
        *SIGNED,
    ]})  # fmt: skip
    before = count(sample_db_path, "people")

    assert motcua_import(sample_db_path, path) == 0

    out = capsys.readouterr().out
    assert "thêm 4 người" in out
    assert "Bỏ qua các cột không thuộc mẫu nhập: Sheet1: STT" in out
    assert "'Người lập biểu' và các dòng dưới là chân bảng" in out
    assert count(sample_db_path, "people") == before + 4
    assert people(sample_db_path, ["Trần Văn Mới", "Lò Thị Hoa", "Hoàng Văn Ba", "Nông Thị Tư"]) == {
        "Trần Văn Mới": (1990, "", "X-MAISAO", "bien_che", "Công chức Tư pháp"),
        "Lò Thị Hoa": (1995, "", "X-NHANLY", "bien_che", "Văn phòng"),
        "Hoàng Văn Ba": (1988, "", "X-CHILANG", "biet_phai", "Địa chính"),
        "Nông Thị Tư": (1979, "", "X-VANAN", "cu_den", "Văn hóa"),
    }


def test_birth_dates_under_nam_and_nu_give_year_and_gender_xls_with_a_default_kind(sample_db_path, tmp_path, capsys):
    rows = [
        TITLE,
        ["TT", "Họ tên", "Ngày, tháng, năm sinh", None, "Chức vụ", "Nơi làm việc"],
        [None, None, "Nam", "Nữ", None, None],
        [1, "Vi Văn Khỏe", date(1980, 3, 2), None, "Công chức", "Mai Sao"],
        [2, "Vi Thị Lành", None, "06/05/1992", "Công chức", "Gia Lộc"],
        [3, "Hà Thị Mến", None, date(2001, 1, 9), "Văn thư", "x-bangmac"],
        *SIGNED,
    ]
    path = write_xls(tmp_path / "ds cb.xls", {"DS CB": rows}, {"DS CB": [(1, 1, 2, 3)]})

    assert motcua_import(sample_db_path, path, "--default", "Hình thức=Biên chế") == 0

    assert "thêm 3 người" in capsys.readouterr().out
    assert people(sample_db_path, ["Vi Văn Khỏe", "Vi Thị Lành", "Hà Thị Mến"]) == {
        "Vi Văn Khỏe": (1980, "Nam", "X-MAISAO", "bien_che", "Công chức"),
        "Vi Thị Lành": (1992, "Nữ", "X-GIALOC", "bien_che", "Công chức"),
        "Hà Thị Mến": (2001, "Nữ", "X-BANGMAC", "bien_che", "Văn thư"),
    }


def test_a_csv_with_a_full_birth_date_and_a_mapped_unit_column(sample_db_path, tmp_path, capsys):
    path = write_csv(tmp_path / "danh_sach.csv", [
        ["STT", "Họ tên cán bộ", "Ngày sinh", "Giới tính", "Nơi tiếp nhận hồ sơ", "Hình thức làm việc"],
        ["1", "Lý Văn Sáng", "15/08/1987", "Nam", "Bộ phận Một cửa thị trấn Đồng Mỏ", "Biên chế"],
        ["2", "Đàm Thị Thu", "1993", "Nữ", "thị trấn Chi Lăng", "Biệt phái"],
    ])  # fmt: skip

    assert motcua_import(sample_db_path, path, "--map", "Nơi tiếp nhận hồ sơ=Mã đơn vị") == 0

    assert "thêm 2 người" in capsys.readouterr().out
    assert people(sample_db_path, ["Lý Văn Sáng", "Đàm Thị Thu"]) == {
        "Lý Văn Sáng": (1987, "Nam", "TT-DONGMO", "bien_che", ""),
        "Đàm Thị Thu": (1993, "Nữ", "TT-CHILANG", "biet_phai", ""),
    }


def test_one_sheet_per_commune_named_after_it_supplies_the_unit_xlsx(sample_db_path, tmp_path, capsys):
    header = ["STT", "Họ và tên", "Năm sinh", "Chức vụ"]
    path = write_xlsx(tmp_path / "theo xã.xlsx", {
        "Mai Sao": [TITLE, header, [1, "Bế Văn Một", 1981, "Tư pháp"], [2, "Bế Thị Hai", 1990, "Địa chính"]],
        "xã Nhân Lý": [header, [1, "Mã Văn Ba", 1975, "Văn phòng"]],
        "Bộ phận Một cửa xã Hòa Bình": [header, [1, "Mông Thị Bốn", 1999, "Văn hóa"], *SIGNED],
    })  # fmt: skip
    before = count(sample_db_path, "assignments")

    assert motcua_import(sample_db_path, path, "--default", "Hình thức=Biên chế") == 0

    out = capsys.readouterr().out
    assert "thêm 4 người" in out
    assert "các dòng thuộc đơn vị theo tên trang 'Mai Sao'" in out
    assert count(sample_db_path, "assignments") == before + 4
    found = people(sample_db_path, ["Bế Văn Một", "Bế Thị Hai", "Mã Văn Ba", "Mông Thị Bốn"])
    assert {name: row[2] for name, row in found.items()} == {
        "Bế Văn Một": "X-MAISAO", "Bế Thị Hai": "X-MAISAO", "Mã Văn Ba": "X-NHANLY", "Mông Thị Bốn": "X-HOABINH"
    }  # fmt: skip


def test_an_equipment_list_with_its_own_headers_xlsx(sample_db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "tài sản.xlsx", {"Danh sách": [
        ["BẢNG KÊ TRANG THIẾT BỊ"], [],
        ["STT", "Tên thiết bị", "ĐVT", "SL", "Tình trạng", "Đơn vị"],
        [1, "Máy quét tài liệu A3", "Cái", 2, "Tốt", "xã Mai Sao"],
        [2, "Máy quét tài liệu A3", "Cái", 1, "hỏng", "Bộ phận Một cửa xã Y Tịch"],
        ["Tổng cộng", "", "", 3],
    ]})  # fmt: skip

    assert motcua_import(sample_db_path, path) == 0

    out = capsys.readouterr().out
    assert "STT" in out and "ĐVT" in out  # named as ignored
    assert equipment(sample_db_path, "Máy quét tài liệu A3") == {"X-MAISAO": (2, "tot"), "X-YTICH": (1, "hong")}


def test_an_equipment_list_kept_one_sheet_per_commune_xls(sample_db_path, tmp_path):
    header = ["TT", "Loại thiết bị", "ĐVT", "Số lượng", "Tình trạng"]
    path = write_xls(tmp_path / "thiết bị.xls", {
        "Vân An": [header, [1, "Ki-ốt tra cứu", "Bộ", 1, "Tốt"]],
        "Gia Lộc": [header, [1, "Ki-ốt tra cứu", "Bộ", 3, "Chờ thanh lý"]],
    })  # fmt: skip
    before = count(sample_db_path, "equipment")

    assert motcua_import(sample_db_path, path) == 0

    assert count(sample_db_path, "equipment") == before + 2
    assert equipment(sample_db_path, "Ki-ốt tra cứu") == {"X-VANAN": (1, "tot"), "X-GIALOC": (3, "cho_thanh_ly")}


def refused(db, path, capsys, *extra: str) -> str:
    before = dump(db)
    assert motcua_import(db, path, *extra) == 2
    assert dump(db) == before
    return capsys.readouterr().err


STAFF = ["STT", "Họ và tên", "Năm sinh", "Đơn vị", "Hình thức"]


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".csv"])
def test_an_ambiguous_unit_name_exits_2_listing_the_candidates(sample_db_path, tmp_path, capsys, suffix):
    rows = [STAFF, [1, "Trần Văn Mới", 1990, "Chi Lăng", "Biên chế"]]
    path = tmp_path / f"ds{suffix}"
    {".xlsx": lambda: write_xlsx(path, {"DS": rows}), ".xls": lambda: write_xls(path, {"DS": rows}),
     ".csv": lambda: write_csv(path, rows)}[suffix]()  # fmt: skip

    err = refused(sample_db_path, path, capsys)

    assert ":2: Mã đơn vị: 'Chi Lăng' có thể là 3 đơn vị: Bộ phận Một cửa huyện Chi Lăng (mã H-CHILANG); " \
        "Bộ phận Một cửa thị trấn Chi Lăng (mã TT-CHILANG); Bộ phận Một cửa xã Chi Lăng (mã X-CHILANG)" in err


def test_an_unknown_unit_name_suggests_the_close_ones(sample_db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": [STAFF, [1, "Trần Văn Mới", 1990, "xã Mai Sau", "Biên chế"]]})

    err = refused(sample_db_path, path, capsys)

    assert "không có đơn vị nào mã hay tên 'xã Mai Sau'" in err
    assert "gần giống: Bộ phận Một cửa xã Mai Sao (mã X-MAISAO)" in err


def test_two_columns_claiming_one_field_exit_2_naming_both(sample_db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": [
        ["STT", "Họ và tên", "Đơn vị", "Nơi làm việc", "Hình thức"],
        [1, "Trần Văn Mới", "xã Mai Sao", "xã Mai Sao", "Biên chế"],
    ]})  # fmt: skip

    err = refused(sample_db_path, path, capsys)

    assert "ds.xlsx[DS]:1: Mã đơn vị: cột bị lặp lại: hai cột 'Đơn vị' và 'Nơi làm việc' cùng là Mã đơn vị" in err
    # and the user's way out works
    assert motcua_import(sample_db_path, path, "--map", "Nơi làm việc=") == 0


def test_a_required_field_missing_without_default_exits_2_naming_expected_and_seen(sample_db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"Mai Sao": [
        ["STT", "Họ và tên", "Năm sinh", "Chức vụ"], [1, "Trần Văn Mới", 1990, "Tư pháp"]]})

    err = refused(sample_db_path, path, capsys)

    assert "ds.xlsx[Mai Sao]:1: Hình thức: thiếu cột này (thường ghi là 'Hình thức', 'Hình thức làm việc'" in err
    assert "các cột đã thấy: 'STT', 'Họ và tên', 'Năm sinh', 'Chức vụ'" in err


def test_a_sheet_whose_name_is_no_unit_and_no_unit_column_exits_2(sample_db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"Sheet1": [
        ["STT", "Họ và tên", "Hình thức"], [1, "Trần Văn Mới", "Biên chế"], [2, "Lò Thị Hoa", "Biên chế"]]})

    err = refused(sample_db_path, path, capsys)

    assert err.count("trang không có cột đơn vị (các cột đã thấy: STT, Họ và tên, Hình thức)") == 1
    assert "'Sheet1'" in err


def test_a_map_or_default_naming_no_field_exits_2(sample_db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"DS": [STAFF, [1, "Trần Văn Mới", 1990, "xã Mai Sao", "Biên chế"]]})

    err = refused(sample_db_path, path, capsys, "--default", "Quê quán=Lạng Sơn")

    assert 'không có trường "Quê quán"' in err


def test_the_column_numbers_under_the_header_are_not_a_person(sample_db_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "ds.xlsx", {"Biểu 01": [
        TITLE,
        ["STT", "Họ và tên", "Năm sinh", "Đơn vị", "Hình thức"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        [1, "Trần Văn Mới", 1990, "xã Mai Sao", "Biên chế"],
    ]})  # fmt: skip
    before = count(sample_db_path, "people")

    assert motcua_import(sample_db_path, path) == 0

    assert "Biểu 01: dòng 3 là số thứ tự cột, không nhập" in capsys.readouterr().out
    assert count(sample_db_path, "people") == before + 1
