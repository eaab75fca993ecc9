"""Export writes the import format: export → import into an empty register gives the same data,
export → re-import into the same register changes nothing; formulas are never written."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from motcua_desktop.domain.model import (
    Assignment,
    Condition,
    EmploymentKind,
    EquipmentItem,
    EquipmentType,
    Person,
    Unit,
)
from motcua_desktop.domain.text import clean_line
from motcua_desktop.store import Registry
from motcua_desktop.store.transfer import export_workbook, import_file
from motcua_desktop.store.transfer.template import build_template, template_path


def workbook_values(path: Path) -> dict[str, list[tuple]]:
    wb = load_workbook(path)
    out = {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in wb}
    # equipment rows are listed in catalogue order, which a fresh register builds in file order
    out["Thiết bị"] = [out["Thiết bị"][0], *sorted(out["Thiết bị"][1:], key=repr)]
    return out


def test_sample_export_imports_into_an_empty_register_as_the_same_data(sample_registry, tmp_path):
    first = export_workbook(sample_registry, tmp_path / "mau.xlsx")
    fresh = Registry.open(tmp_path / "moi.sqlite")
    try:
        summary = import_file(fresh, first)
        assert summary.people.added == len(sample_registry.staff.people())
        for day in (date(2024, 4, 19), date(2023, 1, 1), date(2025, 1, 1)):
            expected = [(r.unit.code, r.count) for r in sample_registry.staff_table(day).rows]
            assert [(r.unit.code, r.count) for r in fresh.staff_table(day).rows] == expected
        second = export_workbook(fresh, tmp_path / "lai.xlsx")
    finally:
        fresh.close()
    assert workbook_values(second) == workbook_values(first)


def test_export_then_reimport_into_the_same_register_changes_nothing(sample_registry, tmp_path):
    path = export_workbook(sample_registry, tmp_path / "mau.xlsx")
    dump = list(sample_registry.db.conn.iterdump())
    summary = import_file(sample_registry, path)
    assert list(sample_registry.db.conn.iterdump()) == dump
    assert not summary.changed


def test_text_that_looks_like_a_formula_is_written_as_text(registry, tmp_path):
    unit = registry.units.add(Unit("=1+1", "=HYPERLINK(\"http://x\",\"bấm\")", notes="@SUM(A1)"))
    person = registry.staff.add_person(Person("+Nguyễn Văn A", code="-CB1", phone="+84 912"))
    registry.staff.add_assignment(Assignment(person.id, unit.id, position="-Trưởng", start=date(2024, 1, 1)))
    path = export_workbook(registry, tmp_path / "congthuc.xlsx")
    wb = load_workbook(path)  # not data_only: a formula would show as one
    texts = [c for ws in wb for row in ws.iter_rows(min_row=2) for c in row
             if isinstance(c.value, str) and c.value[:1] in "=+-@"]  # fmt: skip
    assert {c.value for c in texts} >= {"=1+1", '=HYPERLINK("http://x","bấm")', "@SUM(A1)",
                                       "+Nguyễn Văn A", "-CB1", "+84 912", "-Trưởng"}  # fmt: skip
    assert all(c.data_type == "s" for c in texts)
    assert all(c.quotePrefix for c in texts)
    # and it comes back as the same text
    fresh = Registry.open(tmp_path / "moi.sqlite")
    try:
        import_file(fresh, path)
        assert fresh.units.by_code("=1+1").name == '=HYPERLINK("http://x","bấm")'
        assert fresh.staff.person_by_code("-CB1").phone == "+84 912"
    finally:
        fresh.close()


def test_export_shows_dates_and_labels_as_an_officer_types_them(sample_registry, tmp_path):
    wb = load_workbook(export_workbook(sample_registry, tmp_path / "mau.xlsx"))
    assert wb.sheetnames == ["Đơn vị", "Cán bộ", "Thiết bị"]
    staff = wb["Cán bộ"]
    assert [c.value for c in staff[1]] == [
        "Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức", "Cơ quan cử",
        "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"]  # fmt: skip
    assert staff.freeze_panes == "A2"
    assert staff["I2"].number_format == "DD/MM/YYYY"
    assert {c.value for c in staff["F"][1:]} == {"Biên chế", "Biệt phái", "Cử đến"}
    units = wb["Đơn vị"]
    assert (units["C2"].value, units["D2"].value, units["F2"].value) == ("Huyện", "huyện", 225.78)


def test_the_committed_template_is_what_the_code_builds():
    committed = load_workbook(template_path())
    built = build_template()
    for ws in built:
        other = committed[ws.title]
        assert [c.value for c in other[1]] == [c.value for c in ws[1]]
        assert all(c.font.bold for c in other[1])
        assert other.freeze_panes == "A2"
        lists = sorted(dv.formula1 for dv in other.data_validations.dataValidation)
        assert lists == sorted(dv.formula1 for dv in ws.data_validations.dataValidation)
    assert committed.sheetnames == ["Đơn vị", "Cán bộ", "Thiết bị"]
    formulas = {dv.formula1 for ws in committed for dv in ws.data_validations.dataValidation}
    assert formulas == {'"Huyện,Xã"', '"huyện,thị trấn,xã,phường"', '"Biên chế,Biệt phái,Cử đến"',
                        '"Tốt,Hỏng,Chờ thanh lý"'}  # fmt: skip
    assert committed["Đơn vị"].column_dimensions["B"].width >= 30
    assert "dd/mm/yyyy" in committed["Cán bộ"]["I1"].comment.text


# property: random registers survive export → import -------------------------------------

VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÂƯ"
vi_text = st.text(alphabet=VI_LETTERS + " -=+@;'", min_size=1, max_size=25).map(clean_line).filter(bool)
codes = st.text(alphabet="ABCXYZ0129-_", min_size=1, max_size=6)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def registers(draw):
    unit_codes = draw(st.lists(codes, min_size=1, max_size=4, unique_by=str.casefold))
    units = [
        Unit(code, draw(vi_text), level=draw(st.sampled_from(["huyen", "xa"])),
             kind=draw(st.sampled_from(["huyen", "thi_tran", "xa", "phuong"])),
             address=draw(st.one_of(st.just(""), vi_text)),
             area_m2=draw(st.one_of(st.none(), st.integers(0, 10**6).map(lambda x: x / 100))),
             notes=draw(st.one_of(st.just(""), vi_text)))
        for code in unit_codes
    ]  # fmt: skip
    people = []
    person_codes = draw(st.lists(codes, max_size=6, unique_by=str.casefold))
    for code in person_codes:
        jobs = []
        for _ in range(draw(st.integers(0, 3))):
            start = draw(st.one_of(st.none(), days))
            end = draw(st.one_of(st.none(), days))
            if start and end and end < start:
                start, end = end, start
            jobs.append((draw(st.integers(0, len(units) - 1)), draw(st.sampled_from(list(EmploymentKind))),
                         draw(st.one_of(st.just(""), vi_text)),
                         tuple(draw(st.lists(vi_text.map(lambda s: s.replace(";", "")).filter(bool), max_size=2))),
                         start, end))  # fmt: skip
        people.append((Person(draw(vi_text), code, draw(st.one_of(st.none(), st.integers(1940, 2005))),
                              phone=draw(st.one_of(st.just(""), st.from_regex(r"0[0-9]{9}", fullmatch=True)))),
                       jobs))  # fmt: skip
    items = draw(st.lists(st.tuples(st.integers(0, len(units) - 1), st.sampled_from(["Máy in", "Tivi", "Máy scan"]),
                                    st.integers(0, 50), st.sampled_from(list(Condition)),
                                    st.one_of(st.none(), st.integers(2000, 2030))), max_size=5))  # fmt: skip
    return units, people, items


def fill(registry: Registry, data) -> None:
    units, people, items = data
    with registry.transaction():
        stored = [registry.units.add(Unit(**{**u.__dict__})) for u in units]
        for person, jobs in people:
            p = registry.staff.add_person(Person(**{**person.__dict__}))
            for unit_index, kind, position, fields, start, end in jobs:
                registry.staff.add_assignment(Assignment(p.id, stored[unit_index].id, kind, position,
                                                         fields=fields, start=start, end=end))
        types = {}
        for unit_index, type_name, quantity, condition, year in items:
            if type_name not in types:
                types[type_name] = registry.equipment.add_type(EquipmentType(type_name)).id
            registry.equipment.add_item(EquipmentItem(stored[unit_index].id, types[type_name], quantity,
                                                      condition, year))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(registers())
def test_property_export_import_round_trip(data):
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        source = Registry.open(tmp / "a.sqlite")
        target = Registry.open(tmp / "b.sqlite")
        try:
            fill(source, data)
            first = export_workbook(source, tmp / "a.xlsx")
            import_file(target, first)
            assert workbook_values(export_workbook(target, tmp / "b.xlsx")) == workbook_values(first)
            for day in (date(2000, 1, 1), date(2015, 6, 15), date(2030, 12, 31)):
                assert [(r.unit.code, r.count) for r in target.staff_table(day).rows] == [
                    (r.unit.code, r.count) for r in source.staff_table(day).rows
                ]
            dump = list(source.db.conn.iterdump())
            again = import_file(source, first)
            assert list(source.db.conn.iterdump()) == dump
            assert not again.changed
        finally:
            source.close()
            target.close()


def test_dates_far_apart_still_count_inclusively(registry, tmp_path):
    unit = registry.units.add(Unit("U", "Bộ phận Một cửa xã U"))
    p = registry.staff.add_person(Person("Mai Thị Hoa", code="H"))
    start = date(2024, 1, 31)
    registry.staff.add_assignment(Assignment(p.id, unit.id, start=start, end=start + timedelta(days=1)))
    fresh = Registry.open(tmp_path / "moi.sqlite")
    try:
        import_file(fresh, export_workbook(registry, tmp_path / "x.xlsx"))
        assert fresh.staff_table(date(2024, 2, 1)).total.total == 1
        assert fresh.staff_table(date(2024, 2, 2)).total.total == 0
    finally:
        fresh.close()
