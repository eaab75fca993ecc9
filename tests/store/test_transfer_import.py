"""Importing a workbook the app did not write: other units, transfers, people who left or start
later, seconded staff, decimal commas, decomposed Unicode; counted as of several dates."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from xlsx_files import write_xlsx

from motcua_desktop.domain.model import EmploymentKind
from motcua_desktop.store.transfer import import_file

UNIT_HEADER = ["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú"]
STAFF_HEADER = ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức",
                "Cơ quan cử", "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"]  # fmt: skip
EQUIPMENT_HEADER = ["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng", "Ghi chú"]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def foreign_workbook(path: Path) -> Path:
    """Đông Sơn district, typed by hand: headers in other case, rows out of order, NFD names."""
    units = [
        ["mã", "TÊN ĐƠN VỊ", "cấp", "loại", "Địa  chỉ", "Diện tích (m2)", "Thứ tự", "Ghi chú"],
        ["XA-B", "Bộ phận Một cửa xã Đông Hòa", "xã", "XÃ", "Thôn Đông", "40,5", 4, ""],
        ["DS", nfd("Bộ phận Một cửa huyện Đông Sơn"), "Huyện", nfd("huyện"), "Số 1 Lê Lợi", "225,78", 1, ""],
        ["XA-A", "Bộ phận Một cửa xã Đông Tiến", nfd("Xã"), "xã", "", 38.25, 3, ""],
        ["TT-RUNG", "Bộ phận Một cửa thị trấn Rừng Thông", "Xã", "Thị Trấn", "", "1.209,5", 2, ""],
    ]
    staff = [
        STAFF_HEADER,
        ["P1", nfd("Lê Thị Hoà"), 1985, "DS", "Chuyên viên", "Biên chế", "", "Tư pháp - Hộ tịch",
         "01/01/2020", "", "0912345678", ""],
        ["P2", "Trần Văn Đức", "1990", "XA-A", "Công chức", nfd("biên chế"), "", "Địa chính - Xây dựng",
         "01/03/2019", "31/12/2023", "", "chuyển sang xã Đông Hòa"],
        ["P2", "", "", "XA-B", "Công chức", "BIÊN CHẾ", "", "Địa chính - Xây dựng; Văn hóa - Xã hội",
         date(2024, 1, 1), None, "", ""],
        ["P3", "Hoàng Thị Mến", None, "XA-A", "", "Biệt phái", "", "", "01/01/2018", "15/02/2024", "", "đã nghỉ"],
        ["P4", "Vũ Quang Huy", 1995, "XA-B", "Viên chức", nfd("cử đến"), "Bảo hiểm xã hội huyện",
         "", "01/05/2024", "", "", "bắt đầu sau ngày báo cáo"],
        ["P5", nfd("Đặng Ngọc Ánh"), 1988, "DS", "Chuyên viên", "BIỆT PHÁI", "Sở Nội vụ", "",
         datetime(2023, 6, 1), None, "", ""],
        ["P6", "Nông Văn Sơn", 1979, "DS", "Cán bộ công an", "Cử đến", "Công an huyện", "", None, None, "", ""],
        ["", nfd("Lường Thị Yến"), 1992, "TT-RUNG", "", "Biên Chế", "", "", "15/08/2021", "", "", ""],
    ]
    equipment = [
        EQUIPMENT_HEADER,
        ["DS", "Máy in", "2", "Tốt", 2020, ""],
        ["DS", "MÁY IN", 1, "hỏng", "2015", ""],
        ["XA-A", "Máy vi tính", 3.0, nfd("Tốt"), None, ""],
        ["XA-B", "Máy vi tính", 1, nfd("chờ thanh lý"), 2012, ""],
    ]
    return write_xlsx(path, {"Đơn vị": units, "Cán bộ": staff, "Thiết bị": equipment})


def counts(registry, day: date) -> dict[str, tuple[int, int, int]]:
    table = registry.staff_table(day)
    return {r.unit.code: (r.count.total, r.count.own, r.count.sent) for r in table.rows}


@pytest.fixture
def imported(registry, tmp_path):
    summary = import_file(registry, foreign_workbook(tmp_path / "dong_son.xlsx"))
    return registry, summary


def test_foreign_workbook_counts_as_the_appendix_does_on_the_report_date(imported):
    registry, _ = imported
    assert counts(registry, date(2024, 4, 19)) == {
        "DS": (3, 2, 1),  # biên chế + biệt phái + cử đến without a start date
        "TT-RUNG": (1, 1, 0),
        "XA-A": (0, 0, 0),  # one moved away at the end of 2023, one left in February
        "XA-B": (1, 1, 0),  # the transfer in; the person from 01/05/2024 is not yet there
    }
    assert registry.staff_table(date(2024, 4, 19)).total.total == 5


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 1, 1), {"DS": (1, 0, 1), "TT-RUNG": (0, 0, 0), "XA-A": (1, 1, 0), "XA-B": (0, 0, 0)}),
        (date(2023, 12, 31), {"DS": (3, 2, 1), "TT-RUNG": (1, 1, 0), "XA-A": (2, 2, 0), "XA-B": (0, 0, 0)}),
        (date(2024, 1, 1), {"DS": (3, 2, 1), "TT-RUNG": (1, 1, 0), "XA-A": (1, 1, 0), "XA-B": (1, 1, 0)}),
        (date(2024, 2, 15), {"DS": (3, 2, 1), "TT-RUNG": (1, 1, 0), "XA-A": (1, 1, 0), "XA-B": (1, 1, 0)}),
        (date(2024, 2, 16), {"DS": (3, 2, 1), "TT-RUNG": (1, 1, 0), "XA-A": (0, 0, 0), "XA-B": (1, 1, 0)}),
        (date(2024, 5, 1), {"DS": (3, 2, 1), "TT-RUNG": (1, 1, 0), "XA-A": (0, 0, 0), "XA-B": (2, 1, 1)}),
    ],
)
def test_foreign_workbook_counts_as_of_other_dates(imported, day, expected):
    registry, _ = imported
    assert counts(registry, day) == expected


def test_units_follow_the_files_order_column_and_read_decimal_commas(imported):
    registry, _ = imported
    units = registry.units.list()
    assert [u.code for u in units] == ["DS", "TT-RUNG", "XA-A", "XA-B"]
    by_code = {u.code: u for u in units}
    assert by_code["DS"].area_m2 == pytest.approx(225.78)
    assert by_code["XA-B"].area_m2 == pytest.approx(40.5)
    assert by_code["XA-A"].area_m2 == pytest.approx(38.25)
    assert by_code["TT-RUNG"].area_m2 == pytest.approx(1209.5)
    assert (by_code["DS"].level, by_code["DS"].kind) == ("huyen", "huyen")
    assert (by_code["TT-RUNG"].level, by_code["TT-RUNG"].kind) == ("xa", "thi_tran")
    assert by_code["DS"].name == "Bộ phận Một cửa huyện Đông Sơn"  # stored composed (NFC)


def test_decomposed_names_are_stored_composed_and_the_transfer_is_one_person(imported):
    registry, _ = imported
    people = {p.code: p for p in registry.staff.people()}
    assert people["P1"].full_name == "Lê Thị Hoà"
    assert unicodedata.is_normalized("NFC", people["P5"].full_name)
    assert len(people) == 7
    moves = registry.staff.assignments_of(people["P2"].id)
    assert [(registry.units.get(a.unit_id).code, a.start, a.end) for a in moves] == [
        ("XA-A", date(2019, 3, 1), date(2023, 12, 31)),
        ("XA-B", date(2024, 1, 1), None),
    ]
    assert moves[1].fields == ("Địa chính - Xây dựng", "Văn hóa - Xã hội")
    kinds = {registry.staff.assignments_of(people[c].id)[0].kind for c in ("P3", "P5")}
    assert kinds == {EmploymentKind.BIET_PHAI}
    assert registry.staff.assignments_of(people["P4"].id)[0].sending_agency == "Bảo hiểm xã hội huyện"


def test_a_person_without_code_gets_a_generated_code_named_in_the_summary(imported):
    registry, summary = imported
    yen = next(p for p in registry.staff.people() if p.full_name == "Lường Thị Yến")
    assert yen.code == "CB00001"
    assert summary.generated_codes == ["CB00001"]
    assert "CB00001" in summary.describe()


def test_summary_tells_what_was_added_per_sheet(imported):
    _, summary = imported
    text = summary.describe()
    assert "Đơn vị: thêm 4 đơn vị" in text
    assert "Cán bộ: thêm 7 người" in text
    assert "phân công: thêm 8 dòng" in text
    assert "Thiết bị: thêm 4 dòng" in text
    assert "Loại thiết bị mới thêm vào danh mục: Máy in, Máy vi tính." in text


def test_equipment_types_match_ignoring_case_and_conditions_ignoring_encoding(imported):
    registry, _ = imported
    assert [t.name for t in registry.equipment.types()] == ["Máy in", "Máy vi tính"]
    items = registry.equipment.items()
    assert sorted((i.quantity, i.condition.value) for i in items) == [
        (1, "cho_thanh_ly"), (1, "hong"), (2, "tot"), (3, "tot")
    ]


def test_reimporting_the_same_workbook_changes_nothing(imported, tmp_path):
    registry, _ = imported
    dump = list(registry.db.conn.iterdump())
    again = import_file(registry, foreign_workbook(tmp_path / "dong_son_lan_2.xlsx"))
    assert list(registry.db.conn.iterdump()) == dump
    assert not again.changed
    assert "dữ liệu không thay đổi" in again.describe()
    assert (again.units.unchanged, again.assignments.unchanged, again.equipment.unchanged) == (4, 8, 4)


def test_reimport_updates_by_code_instead_of_duplicating(imported, tmp_path):
    registry, _ = imported
    edited = write_xlsx(tmp_path / "sua.xlsx", {
        "Đơn vị": [UNIT_HEADER, ["xa-a", "Bộ phận Một cửa xã Đông Tiến (mới)", "Xã", "xã", "", "", "", ""]],
        "Cán bộ": [STAFF_HEADER,
                   ["P3", "Hoàng Thị Mến", 1980, "XA-A", "", "Biệt phái", "", "", "01/01/2018",
                    "31/03/2024", "", "đã nghỉ"]],
    })  # fmt: skip
    summary = import_file(registry, edited)
    assert (summary.units.updated, summary.units.added) == (1, 0)
    assert (summary.people.updated, summary.people.added) == (1, 0)
    assert (summary.assignments.updated, summary.assignments.added) == (1, 0)
    assert len(registry.units.list()) == 4
    unit = registry.units.by_code("XA-A")
    assert unit.name == "Bộ phận Một cửa xã Đông Tiến (mới)"
    assert unit.area_m2 is None  # the file said blank
    assert unit.sort_order == 3  # blank order keeps the stored one
    men = registry.staff.person_by_code("P3")
    assert men.birth_year == 1980
    assert [a.end for a in registry.staff.assignments_of(men.id)] == [date(2024, 3, 31)]
    assert counts(registry, date(2024, 3, 1))["XA-A"] == (1, 1, 0)


def test_missing_columns_keep_stored_values(imported, tmp_path):
    registry, _ = imported
    only_names = write_xlsx(tmp_path / "ten.xlsx", {
        "Cán bộ": [["Mã cán bộ", "Họ và tên", "Mã đơn vị", "Hình thức", "Từ ngày"],
                   ["P1", "Lê Thị Hòa", "DS", "Biên chế", "01/01/2020"]],
    })  # fmt: skip
    summary = import_file(registry, only_names)
    p1 = registry.staff.person_by_code("P1")
    assert p1.full_name == "Lê Thị Hòa"
    assert (p1.birth_year, p1.phone) == (1985, "0912345678")
    assert registry.staff.assignments_of(p1.id)[0].fields == ("Tư pháp - Hộ tịch",)
    assert summary.assignments.unchanged == 1


def test_rows_refer_to_units_already_in_the_register(sample_registry, tmp_path):
    before = counts(sample_registry, date(2024, 4, 19))
    unit = sample_registry.units.list()[1]
    path = write_xlsx(tmp_path / "them.xlsx", {
        "Cán bộ": [STAFF_HEADER, ["MOI01", "Phan Thị Quỳnh", 1999, unit.code, "", "Cử đến",
                                  "Chi nhánh Văn phòng đăng ký đất đai", "", "01/04/2024", "", "", ""]],
        "Thiết bị": [EQUIPMENT_HEADER, [unit.code, "máy IN", 1, "Tốt", 2024, ""],
                     [unit.code, "Máy hủy tài liệu", 1, "Tốt", 2024, ""]],
    })  # fmt: skip
    summary = import_file(sample_registry, path)
    after = counts(sample_registry, date(2024, 4, 19))
    t, o, s = before[unit.code]
    assert after[unit.code] == (t + 1, o, s + 1)
    assert summary.new_types == ["Máy hủy tài liệu"]
    assert "Máy hủy tài liệu" in summary.describe()
    names = [t.name for t in sample_registry.equipment.types()]
    assert names.count("Máy in") == 1 and "máy IN" not in names


def test_header_below_a_title_row_and_unknown_columns(registry, tmp_path):
    path = write_xlsx(tmp_path / "co_tieu_de.xlsx", {
        "don_vi": [["DANH SÁCH BỘ PHẬN MỘT CỬA"], [],
                   UNIT_HEADER + ["Người lập"],
                   ["X1", "Bộ phận Một cửa xã Một", "Xã", "xã", "", "", "", "", "Nam"]],
    })  # fmt: skip
    summary = import_file(registry, path)
    assert [u.code for u in registry.units.list()] == ["X1"]
    assert "Người lập" in summary.describe()
