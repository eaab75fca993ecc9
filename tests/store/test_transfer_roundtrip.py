"""Export writes the import format: export → import into an empty register gives the same data,
export → re-import into the same register changes nothing; formulas are never written."""

from __future__ import annotations

import dataclasses
import re
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
    """Every cell but the row ids (they name records of the register the file came from)."""
    wb = load_workbook(path)
    out = {ws.title: [tuple(c.value for c in row)[:-1] for row in ws.iter_rows()] for ws in wb}
    assert all(ws.cell(1, ws.max_column).value == "Mã dòng (không sửa)" for ws in wb)
    # equipment rows are listed in catalogue order, which a fresh register builds in file order
    out["Thiết bị"] = [out["Thiết bị"][0], *sorted(out["Thiết bị"][1:], key=repr)]
    return out


def _without(record, *names):
    return tuple((k, v) for k, v in dataclasses.asdict(record).items() if k not in ("id", *names))


def contents(registry: Registry) -> dict[str, list]:
    """Every field of the register, with ids replaced by what a user knows a record by (unit
    code, type name), in an order that does not depend on ids. A person without a code gets one
    on import (``CB00001`` …): such a code is compared as "generated"."""
    units = registry.units.list()
    unit_code = {u.id: u.code for u in units}
    types = registry.equipment.types()
    type_name = {t.id: t.name for t in types}
    jobs: dict[int, list] = {}
    for a in registry.staff.assignments():
        jobs.setdefault(a.person_id, []).append(
            (unit_code[a.unit_id], *_without(a, "person_id", "unit_id"))
        )
    people = []
    for p in registry.staff.people():
        code = p.code if p.code and not re.fullmatch(r"CB\d{5}", p.code) else "(generated)"
        people.append((code, _without(p, "code"), sorted(jobs.get(p.id, []), key=repr)))
    items = [(unit_code[i.unit_id], type_name[i.type_id], *_without(i, "unit_id", "type_id"))
             for i in registry.equipment.items()]  # fmt: skip
    return {
        "units": [(unit_code.get(u.parent_id), *_without(u, "parent_id")) for u in units],
        "people": sorted(people, key=repr),
        "equipment": sorted(items, key=repr),
        "types": [_without(t) for t in types],
    }


def assert_same_register(target: Registry, source: Registry) -> None:
    got, expected = contents(target), contents(source)
    for part in expected:
        assert got[part] == expected[part], part


def test_sample_export_imports_into_an_empty_register_as_the_same_data(sample_registry, tmp_path):
    # every field the register holds is set somewhere: also those the sample leaves empty
    reg = sample_registry
    unit = reg.units.list()[3]
    reg.units.update(dataclasses.replace(unit, hotline="0205 3820 123", rules="Quyết định số 12/QĐ-UBND\nngày 01/02/2024"))
    job = reg.staff.assignments()[5]
    reg.staff.update_assignment(dataclasses.replace(job, decision="Quyết định số 45/QĐ-UBND"))
    item = reg.equipment.items()[7]
    reg.equipment.update_item(dataclasses.replace(item, serial="=SN-0042"))
    kind = reg.equipment.types()[2]
    reg.equipment.update_type(dataclasses.replace(kind, norms={"xa": 0}))  # no norm for Huyện
    reg.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 1}))  # no unit has one yet
    first = export_workbook(sample_registry, tmp_path / "mau.xlsx")
    fresh = Registry.open(tmp_path / "moi.sqlite")
    try:
        summary = import_file(fresh, first)
        assert summary.people.added == len(sample_registry.staff.people())
        assert summary.types.added == len(sample_registry.equipment.types())
        assert_same_register(fresh, sample_registry)
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
    assert wb.sheetnames == ["Đơn vị", "Cán bộ", "Thiết bị", "Danh mục thiết bị"]
    # the contract's columns first, in its order; the optional ones after them
    assert [c.value for c in wb["Đơn vị"][1]] == [
        "Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú",
        "Tên ĐVHC", "Quyết định thành lập", "Quyết định kiện toàn", "Quy chế", "Đường dây nóng",
        "Mã ĐVHC", "Thuộc đơn vị", "Mã dòng (không sửa)"]  # fmt: skip
    staff = wb["Cán bộ"]
    assert [c.value for c in staff[1]] == [
        "Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức", "Cơ quan cử",
        "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú",
        "Giới tính", "Trình độ", "Quyết định", "Ghi chú cán bộ", "Mã dòng (không sửa)"]  # fmt: skip
    assert [c.value for c in wb["Thiết bị"][1]] == [
        "Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng", "Ghi chú", "Số hiệu",
        "Mã dòng (không sửa)"]  # fmt: skip
    catalogue = [[c.value for c in row] for row in wb["Danh mục thiết bị"].iter_rows()]
    assert catalogue[0] == ["Loại thiết bị", "Thứ tự", "Định mức Tỉnh", "Định mức Huyện", "Định mức Xã",
                            "Mã dòng (không sửa)"]
    assert [row[:-1] for row in catalogue[1:3]] == [["Máy lấy số tự động", 1, None, 1, 1], ["Máy in", 2, None, 4, 2]]
    assert staff.freeze_panes == "A2"
    assert staff["I2"].number_format == "DD/MM/YYYY"
    assert {c.value for c in staff["F"][1:]} == {"Biên chế", "Biệt phái", "Cử đến"}  # the seed has no Hỗ trợ
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
    assert committed.sheetnames == ["Đơn vị", "Cán bộ", "Thiết bị", "Danh mục thiết bị"]
    assert [c.value for c in committed["Danh mục thiết bị"][1]] == [
        "Loại thiết bị", "Thứ tự", "Định mức Tỉnh", "Định mức Huyện", "Định mức Xã"]  # fmt: skip
    formulas = {dv.formula1 for ws in committed for dv in ws.data_validations.dataValidation}
    assert formulas == {'"Tỉnh,Huyện,Xã"', '"huyện,thị trấn,xã,phường,tỉnh,thành phố,đặc khu"',
                        '"Biên chế,Biệt phái,Cử đến,Hỗ trợ"', '"Tốt,Hỏng,Chờ thanh lý"'}  # fmt: skip
    assert committed["Đơn vị"].column_dimensions["B"].width >= 30
    assert "dd/mm/yyyy" in committed["Cán bộ"]["I1"].comment.text


# property: random registers survive export → import -------------------------------------

VI_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÂƯ"
vi_text = st.text(alphabet=VI_LETTERS + " -=+@;'", min_size=1, max_size=25).map(clean_line).filter(bool)
codes = st.text(alphabet="ABCXYZ0129-_", min_size=1, max_size=6)
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


maybe_text = st.one_of(st.just(""), vi_text)
# multi-line text as the register keeps it (a "text" field, not a "line")
long_text = st.lists(vi_text, min_size=1, max_size=3).map("\n".join)
maybe_long = st.one_of(st.just(""), long_text)
TYPE_NAMES = ["Máy in", "Tivi", "Máy scan", "Máy chiếu"]


@st.composite
def registers(draw):
    unit_codes = draw(st.lists(codes, min_size=1, max_size=4, unique_by=str.casefold))
    units = [
        Unit(code, draw(vi_text), level=draw(st.sampled_from(["tinh", "huyen", "xa"])),
             kind=draw(st.sampled_from(["huyen", "thi_tran", "xa", "phuong", "tinh", "thanh_pho", "dac_khu"])),
             official_code=draw(st.one_of(st.just(""), st.from_regex(r"[0-9]{2}|[0-9]{5}", fullmatch=True))),
             admin_name=draw(maybe_text), address=draw(maybe_text),
             area_m2=draw(st.one_of(st.none(), st.integers(0, 10**6).map(lambda x: x / 100))),
             founding_decision=draw(maybe_long), staffing_decision=draw(maybe_long),
             rules=draw(maybe_long),
             hotline=draw(st.one_of(st.just(""), st.from_regex(r"0[0-9]{9}", fullmatch=True))),
             notes=draw(maybe_long))
        for code in unit_codes
    ]  # fmt: skip
    people = []
    person_codes = draw(st.lists(codes, max_size=6, unique_by=str.casefold))
    for code in person_codes:
        jobs = []
        count = draw(st.integers(0, 3))
        # one after another, as the import requires (no two assignments on one day)
        ends = sorted(draw(st.lists(days, min_size=2 * count, max_size=2 * count, unique=True)))
        for i in range(count):
            start, end = ends[2 * i], ends[2 * i + 1]
            if i == 0 and draw(st.booleans()):
                start = None
            if i == count - 1 and draw(st.booleans()):
                end = None
            jobs.append((draw(st.integers(0, len(units) - 1)), draw(st.sampled_from(list(EmploymentKind))),
                         draw(maybe_text),
                         tuple(draw(st.lists(vi_text.map(lambda s: s.replace(";", "")).filter(bool), max_size=2))),
                         start, end, draw(maybe_text), draw(maybe_text), draw(maybe_long)))  # fmt: skip
        people.append((Person(draw(vi_text), code, draw(st.one_of(st.none(), st.integers(1940, 2005))),
                              gender=draw(st.sampled_from(["", "Nam", "Nữ"])),
                              phone=draw(st.one_of(st.just(""), st.from_regex(r"0[0-9]{9}", fullmatch=True))),
                              qualification=draw(maybe_text),
                              notes=draw(maybe_long)),
                       jobs))  # fmt: skip
    types = draw(st.lists(st.tuples(st.sampled_from(TYPE_NAMES),
                                    st.dictionaries(st.sampled_from(["huyen", "xa"]), st.integers(0, 20)),
                                    st.integers(0, 30)),
                          max_size=4, unique_by=lambda t: t[0]))  # fmt: skip
    items = draw(st.lists(st.tuples(st.integers(0, len(units) - 1), st.sampled_from(TYPE_NAMES),
                                    st.integers(0, 50), st.sampled_from(list(Condition)),
                                    st.one_of(st.none(), st.integers(2000, 2030)),
                                    st.one_of(st.just(""), codes), maybe_long), max_size=5))  # fmt: skip
    return units, people, types, items


def fill(registry: Registry, data) -> None:
    units, people, catalogue, items = data
    with registry.transaction():
        stored = [registry.units.add(Unit(**{**u.__dict__})) for u in units]
        for i, unit in enumerate(stored):  # every odd unit under the first (a điểm tiếp nhận)
            if i % 2:
                registry.units.update(dataclasses.replace(unit, parent_id=stored[0].id))
        for person, jobs in people:
            p = registry.staff.add_person(Person(**{**person.__dict__}))
            for unit_index, kind, position, fields, start, end, agency, decision, notes in jobs:
                if kind is EmploymentKind.CU_DEN and not agency:
                    agency = "Công an xã"  # required for Cử đến
                registry.staff.add_assignment(Assignment(p.id, stored[unit_index].id, kind, position, agency,
                                                         fields=fields, decision=decision, start=start,
                                                         end=end, notes=notes))  # fmt: skip
        types = {}
        for name, norms, order in catalogue:
            kind = registry.equipment.add_type(EquipmentType(name, norms))
            if order:  # 0: keep the place add_type gave it
                registry.equipment.update_type(dataclasses.replace(kind, sort_order=order))
            types[name] = kind.id
        for unit_index, type_name, quantity, condition, year, serial, notes in items:
            if type_name not in types:
                types[type_name] = registry.equipment.add_type(EquipmentType(type_name)).id
            registry.equipment.add_item(EquipmentItem(stored[unit_index].id, types[type_name], quantity,
                                                      condition, year, serial, notes))  # fmt: skip


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
            assert_same_register(target, source)
            assert workbook_values(export_workbook(target, tmp / "b.xlsx")) == workbook_values(first)
            for day in (date(2000, 1, 1), date(2015, 6, 15), date(2030, 12, 31)):
                assert [(r.unit.code, r.count, dict(r.count.groups)) for r in target.staff_table(day).rows] == [
                    (r.unit.code, r.count, dict(r.count.groups)) for r in source.staff_table(day).rows
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
