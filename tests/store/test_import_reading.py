"""Reading what offices really send. Each test failed before: such sheets were
skipped without a word, footers became people, a two-row header made a person called
"Họ đệm", a stray byte turned a CSV into mojibake, 1904 dates were four years early, and a
formula without a saved value became a blank."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.utils.datetime import MAC_EPOCH
from xlsx_files import write_xlsx

from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import import_file

UNITS = [["Mã", "Tên đơn vị", "Cấp", "Loại"], ["XA-A", "Bộ phận Một cửa xã A", "Xã", "xã"]]
STAFF_HEADER = ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Hình thức", "Từ ngày"]
ROW = ["P1", "Nguyễn Văn An", 1980, "XA-A", "Biên chế", "01/01/2020"]


def names(registry) -> list[str]:
    return sorted(p.full_name for p in registry.staff.people())


def refused(registry, path: Path) -> InputRejected:
    with pytest.raises(InputRejected) as info:
        import_file(registry, path)
    assert registry.units.list() == [] and registry.staff.people() == []
    return info.value


@pytest.mark.parametrize("title", ["Cán bộ 2024", "CAN BO", "can_bo năm 2024", "Danh sách cán bộ"])
def test_sheet_names_with_year_case_or_no_accents(registry, tmp_path, title):
    path = write_xlsx(tmp_path / "t.xlsx", {"Đơn vị": UNITS, title: [STAFF_HEADER, ROW]})
    assert import_file(registry, path).people.added == 1


def test_a_sheet_named_sheet1_is_recognised_by_its_header(registry, tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", {"Đơn vị": UNITS, "Sheet1": [STAFF_HEADER, ROW]})
    summary = import_file(registry, path)
    assert names(registry) == ["Nguyễn Văn An"]
    assert "trang 'Sheet1' được nhận là trang Cán bộ theo dòng tiêu đề" in summary.describe()


def test_header_under_title_rows_and_a_footer_that_is_not_data(registry, tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", {"Đơn vị": UNITS, "Cán bộ": [
        ["UBND HUYỆN ĐÔNG SƠN"], ["DANH SÁCH CÁN BỘ BỘ PHẬN MỘT CỬA"], [], STAFF_HEADER, ROW,
        ["P2", "Trần Thị Bình", 1990, "XA-A", "Biên chế", "01/01/2021"], [],
        ["Tổng cộng: 2 người"], [None, None, "Đông Sơn, ngày 19 tháng 4 năm 2024"],
        [None, "Người lập biểu", None, None, "Thủ trưởng đơn vị"], [None, "Lê Văn Cường"],
    ]})  # fmt: skip
    summary = import_file(registry, path)
    assert names(registry) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert "Cán bộ: dòng 8 'Tổng cộng: 2 người' và các dòng dưới là chân bảng, không nhập" in summary.describe()


def test_a_two_row_header_with_the_name_split_under_a_merged_cell(registry, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Cán bộ"
    ws.append(["Mã cán bộ", "Họ và tên", None, "Năm sinh", "Mã đơn vị", "Hình thức", "Từ ngày"])
    ws.append([None, "Họ đệm", "Tên", None, None, None, None])
    ws.merge_cells("B1:C1")
    for col in "ADEFG":
        ws.merge_cells(f"{col}1:{col}2")
    ws.append(["P1", "Nguyễn Văn", "An", 1980, "XA-A", "Biên chế", "01/01/2020"])
    units = wb.create_sheet("Đơn vị")
    for row in UNITS:
        units.append(row)
    wb.save(tmp_path / "t.xlsx")
    import_file(registry, tmp_path / "t.xlsx")
    assert names(registry) == ["Nguyễn Văn An"]


def test_a_workbook_on_the_1904_date_system(registry, tmp_path):
    wb = Workbook()
    wb.epoch = MAC_EPOCH
    ws = wb.active
    ws.title = "Cán bộ"
    ws.append(STAFF_HEADER)
    ws.append([*ROW[:5], date(2020, 1, 1)])
    ws["F2"].number_format = "DD/MM/YYYY"
    units = wb.create_sheet("Đơn vị")
    for row in UNITS:
        units.append(row)
    wb.save(tmp_path / "mac.xlsx")
    import_file(registry, tmp_path / "mac.xlsx")
    assert registry.staff.assignments()[0].start == date(2020, 1, 1)


def test_a_formula_without_a_saved_value_is_an_error_naming_the_cell(registry, tmp_path):
    path = write_xlsx(tmp_path / "f.xlsx", {"Đơn vị": UNITS, "Cán bộ": [
        STAFF_HEADER, ["P1", "Nguyễn Văn An", "=1979+1", "XA-A", "Biên chế", "01/01/2020"]]})
    error = refused(registry, path)
    assert error.problems == [
        "f.xlsx[Cán bộ]:2: Năm sinh: ô có công thức chưa được tính (=1979+1), không có giá trị; "
        "hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập, hoặc gõ giá trị vào ô"
    ]
    assert (error.details[0].cell, error.details[0].who) == ("Cán bộ!C2", "Nguyễn Văn An")


def _csv(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "can_bo.csv"
    path.write_bytes(data)
    return path


def test_a_stray_byte_in_a_utf8_csv_is_refused_not_read_as_1258(registry, tmp_path):
    text = ";".join(STAFF_HEADER) + "\nP1;Nguyễn Văn An;1980;XA-A;Biên chế;01/01/2020\n"
    data = text.encode("utf-8").replace(b"An;1980", b"An\xff;1980")
    error = refused(registry, _csv(tmp_path, data))
    assert "tệp viết bằng mã UTF-8 nhưng dòng 2 có byte hỏng" in str(error)


def cp1258(text: str) -> bytes:
    """As Vietnamese Windows writes it: base letters (â, ơ, đ …) precomposed, tones combining."""
    import unicodedata

    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts[1:] if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


def test_a_windows_1258_csv_still_imports(registry, tmp_path):
    write_xlsx(tmp_path / "u.xlsx", {"Đơn vị": UNITS})
    import_file(registry, tmp_path / "u.xlsx")
    text = ";".join(STAFF_HEADER) + "\nP1;Lê Văn An;1980;XA-A;Biên chế;01/01/2020\n"
    import_file(registry, _csv(tmp_path, cp1258(text)))
    assert names(registry) == ["Lê Văn An"]


def test_bytes_that_are_no_known_encoding_are_refused(registry, tmp_path):
    data = b"M\x81;H\x8d\n"  # undefined in Windows-1258, not UTF-8
    assert "không phải văn bản UTF-8, UTF-16 hay Windows-1258" in str(refused(registry, _csv(tmp_path, data)))


def test_a_password_protected_workbook_has_its_own_message(registry, tmp_path):
    path = tmp_path / "mat_khau.xlsx"  # what Excel writes: an OLE file with an encrypted package
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le")
                     + b"\0" * 1024)
    assert "tệp được đặt mật khẩu" in str(refused(registry, path))
