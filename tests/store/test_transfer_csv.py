"""A .csv holds one sheet named by its file name, in the encodings Vietnamese Excel saves:
UTF-8 with or without BOM, UTF-16 with BOM (tab-separated) or without, Windows-1258 (tones
as combining marks)."""

from __future__ import annotations

import codecs
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import import_file

UNITS = [
    ["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú"],
    ["H-1", "Bộ phận Một cửa huyện Hữu Lũng", "Huyện", "huyện", "Phố Chợ", "225,78", "1", ""],
    ["X-2", "Bộ phận Một cửa xã Quyết Thắng", "Xã", "xã", "", "", "2", ""],
]
STAFF = [
    ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức", "Cơ quan cử",
     "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"],
    ["A1", "Nguyễn Thị Thuỷ", "1987", "H-1", "Chuyên viên", "Biên chế", "", "Tư pháp - Hộ tịch",
     "01/02/2020", "", "0987654321", ""],
    ["A2", "Đỗ Ngọc Ưng", "", "X-2", "", "Biệt phái", "", "", "05/01/2024", "", "", "có dấu; chấm phẩy"],
    ["A3", "Lý Văn Mạnh", "", "X-2", "", "Cử đến", "Công an huyện", "", "", "18/04/2024", "", ""],
]  # fmt: skip

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """As Windows writes Vietnamese in code page 1258: base letters with ă â ê ô ơ ư đ
    precomposed, tones as combining marks."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", ch)
        letter = unicodedata.normalize("NFC", "".join(m for m in decomposed if m not in _TONES))
        tone = "".join(m for m in decomposed if m in _TONES)
        out += (letter + tone).encode("cp1258")
    return out


def csv_text(rows: list[list[str]], delimiter: str) -> str:
    def quote(value: str) -> str:
        return f'"{value}"' if delimiter in value or '"' in value else value

    return "\r\n".join(delimiter.join(quote(v) for v in row) for row in rows) + "\r\n"


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-bom": lambda text: text.encode("utf-16"),  # Python writes the BOM
    "utf-16-le-no-bom": lambda text: text.encode("utf-16-le"),
    "windows-1258": to_cp1258,
}
DELIMITERS = {"utf-8": ",", "utf-8-bom": ";", "utf-16-bom": "\t", "utf-16-le-no-bom": "\t",
              "windows-1258": ";"}


def write_csv(path: Path, rows, encoding: str) -> Path:
    path.write_bytes(ENCODINGS[encoding](csv_text(rows, DELIMITERS[encoding])))
    return path


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_units_then_staff_csv_in_each_encoding(registry, tmp_path, encoding):
    write_csv(tmp_path / "don_vi.csv", UNITS, encoding)
    write_csv(tmp_path / "Cán bộ.csv", STAFF, encoding)
    units = import_file(registry, tmp_path / "don_vi.csv")
    staff = import_file(registry, tmp_path / "Cán bộ.csv")
    assert units.units.added == 2 and staff.assignments.added == 3
    people = {p.code: p for p in registry.staff.people()}
    assert people["A1"].full_name == "Nguyễn Thị Thuỷ"
    assert people["A2"].full_name == "Đỗ Ngọc Ưng"
    assert all(unicodedata.is_normalized("NFC", p.full_name) for p in people.values())
    assert registry.units.by_code("H-1").area_m2 == pytest.approx(225.78)
    table = {r.unit.code: (r.count.total, r.count.own, r.count.sent)
             for r in registry.staff_table(date(2024, 4, 19)).rows}  # fmt: skip
    assert table == {"H-1": (1, 1, 0), "X-2": (1, 1, 0)}  # A3 left the day before
    a2 = registry.staff.assignments_of(people["A2"].id)[0]
    assert a2.notes == "có dấu; chấm phẩy"


@pytest.mark.parametrize("name", ["Cán bộ.csv", "can_bo.csv", "CAN BO.csv", "can-bo.csv",
                                  unicodedata.normalize("NFD", "Cán bộ.csv")])  # fmt: skip
def test_the_file_name_says_which_sheet(sample_registry, tmp_path, name):
    unit = sample_registry.units.list()[0].code
    rows = [STAFF[0], ["N1", "Hà Thị Lan", "", unit, "", "Biên chế", "", "", "01/01/2024", "", "", ""]]
    summary = import_file(sample_registry, write_csv(tmp_path / name, rows, "utf-8"))
    assert summary.assignments.added == 1


def test_equipment_csv_and_row_numbers_in_problems(sample_registry, tmp_path):
    unit = sample_registry.units.list()[0].code
    rows = [
        ["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng", "Ghi chú"],
        [unit, "Máy scan", "2", "Tốt", "2021", ""],
        [unit, "Máy scan", "hai", "Tốt", "2021", ""],
        [unit, "Máy scan", "1,5", "Mới", "2021", ""],
    ]
    path = write_csv(tmp_path / "thiet_bi.csv", rows, "windows-1258")
    with pytest.raises(InputRejected) as info:
        import_file(sample_registry, path)
    assert info.value.problems == [
        "thiet_bi.csv[Thiết bị]:3: Số lượng: 'hai' không phải là số",
        "thiet_bi.csv[Thiết bị]:4: Số lượng: '1,5' không phải là số nguyên",
        "thiet_bi.csv[Thiết bị]:4: Tình trạng: 'Mới' không có trong danh sách (Tốt, Hỏng, Chờ thanh lý)",
    ]
