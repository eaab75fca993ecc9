"""Repositories: domain objects in, the same objects out; the register's rules enforced with
Vietnamese reasons; every refused write leaves the file as it was."""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date

import pytest

from motcua_desktop.domain.model import (
    Assignment,
    Condition,
    EmploymentKind,
    EquipmentItem,
    EquipmentType,
    OrgSettings,
    Person,
    Unit,
)
from motcua_desktop.domain.validation import ValidationError
from motcua_desktop.store import IntegrityRefused, NotFoundError


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _district() -> Unit:
    return Unit(
        code="H-CHILANG",
        name="Bộ phận Một cửa huyện Chi Lăng",
        level="huyen",
        kind="huyen",
        admin_name="Chi Lăng",
        address="Số 02 đường Khu Ga, thị trấn Đồng Mỏ, huyện Chi Lăng",
        area_m2=225.78,
        founding_decision="Kế hoạch số 205/KH-UBND ngày 15/10/2018",
        staffing_decision="Quyết định số 1571/QĐ-UBND ngày 11/4/2024",
        rules="Quyết định số 1618/QĐ-UBND ngày 27/4/2020",
        hotline="0205 3820 123",
        notes="Tầng 1, nhà B",
        sort_order=1,
    )


def _units(registry, *codes: str) -> list[Unit]:
    return [registry.units.add(Unit(code, f"Bộ phận Một cửa xã {code}")) for code in codes]


# units -------------------------------------------------------------------------------------
def test_unit_round_trip_keeps_every_field(registry):
    added = registry.units.add(_district())
    assert added.id is not None
    assert registry.units.get(added.id) == added
    assert registry.units.by_code("H-CHILANG") == added
    changed = dataclasses.replace(added, area_m2=230.5, hotline="", notes="Đã tu sửa")
    registry.units.update(changed)
    assert registry.units.get(added.id) == changed


def test_unit_typed_in_decomposed_unicode_comes_back_composed(registry):
    added = registry.units.add(
        Unit(code="TT-DONGMO", name=nfd("Bộ phận Một cửa thị trấn  Đồng Mỏ"), kind="thi_tran",
             admin_name=nfd("Đồng Mỏ"), address=nfd("Trụ sở UBND thị trấn Đồng Mỏ"))
    )
    stored = registry.units.get(added.id)
    assert stored.name == "Bộ phận Một cửa thị trấn Đồng Mỏ"
    assert stored.admin_name == "Đồng Mỏ"
    assert all(unicodedata.is_normalized("NFC", v) for v in (stored.name, stored.address))
    row = registry.db.conn.execute("SELECT name FROM units WHERE id = ?", [added.id]).fetchone()
    assert row[0] == "Bộ phận Một cửa thị trấn Đồng Mỏ"  # composed in the file itself


def test_unit_without_order_goes_to_the_end_and_value_lists_are_data(registry):
    a, b = _units(registry, "X-A", "X-B")
    assert (a.sort_order, b.sort_order) == (1, 2)
    assert [c.code for c in registry.units.levels()] == ["tinh", "huyen", "xa"]
    assert [c.label for c in registry.units.kinds()] == [
        "huyện", "thị trấn", "xã", "phường", "tỉnh", "thành phố", "đặc khu"]


def test_duplicate_unit_code_is_refused_in_vietnamese_and_nothing_changes(registry):
    (a,) = _units(registry, "X-A")
    with pytest.raises(IntegrityRefused) as info:
        registry.units.add(Unit("X-A", "Bộ phận Một cửa xã Khác"))
    assert str(info.value) == "Mã đơn vị 'X-A' đã được dùng cho Bộ phận Một cửa xã X-A."
    (b,) = _units(registry, "X-B")
    with pytest.raises(IntegrityRefused, match="Mã đơn vị 'X-A' đã được dùng"):
        registry.units.update(dataclasses.replace(b, code="X-A"))
    assert [u.code for u in registry.units.list()] == ["X-A", "X-B"]


def test_unit_with_staff_or_equipment_cannot_be_deleted_and_says_why(registry):
    unit, empty = _units(registry, "X-A", "X-B")
    person = registry.staff.add_person(Person("Nguyễn Văn An"))
    registry.staff.add_assignment(Assignment(person.id, unit.id, start=date(2020, 1, 1)))
    kind = registry.equipment.add_type(EquipmentType("Máy in", {"xa": 2}))
    registry.equipment.add_item(EquipmentItem(unit.id, kind.id, 2))
    with pytest.raises(IntegrityRefused) as info:
        registry.units.delete(unit.id)
    assert str(info.value) == (
        "Không xóa được Bộ phận Một cửa xã X-A: đơn vị còn 1 lượt phân công cán bộ và "
        "1 dòng thiết bị. Hãy chuyển chúng sang đơn vị khác trước."
    )
    assert registry.units.get(unit.id) == unit
    # once its staff and equipment are moved to another unit it can go
    assert registry.units.move_dependents(unit.id, empty.id) == (1, 1)
    registry.units.delete(unit.id)
    assert [u.code for u in registry.units.list()] == ["X-B"]
    with pytest.raises(NotFoundError, match="Không tìm thấy đơn vị"):
        registry.units.get(unit.id)


def test_move_up_and_down_changes_the_report_order(registry):
    a, b, c = _units(registry, "X-A", "X-B", "X-C")
    assert registry.units.move(c.id, -1) is True
    assert [u.code for u in registry.units.list()] == ["X-A", "X-C", "X-B"]
    assert registry.units.move(a.id, +1) is True
    assert [u.code for u in registry.units.list()] == ["X-C", "X-A", "X-B"]
    assert registry.units.move(c.id, -1) is False  # already first
    assert registry.units.move(b.id, +1) is False  # already last
    assert [u.sort_order for u in registry.units.list()] == [1, 2, 3]


# people and assignments --------------------------------------------------------------------
def test_person_round_trip_and_nfc(registry):
    person = registry.staff.add_person(
        Person(full_name=nfd("Đặng  Thùy Trâm"), code="CB01", birth_year=1990, gender="Nữ",
               phone="0912 345 678", qualification=nfd("Đại học Luật"), notes="")
    )
    stored = registry.staff.person(person.id)
    assert stored == person
    assert stored.full_name == "Đặng Thùy Trâm"
    assert stored.qualification == "Đại học Luật"
    assert registry.staff.person_by_code("CB01") == stored


def test_duplicate_person_code_is_refused_but_blank_codes_do_not_collide(registry):
    registry.staff.add_person(Person("Nguyễn Văn An", code="CB01"))
    with pytest.raises(IntegrityRefused, match="Mã cán bộ 'CB01' đã được dùng cho Nguyễn Văn An"):
        registry.staff.add_person(Person("Trần Văn Bình", code="CB01"))
    registry.staff.add_person(Person("Lê Thị Hoa"))
    registry.staff.add_person(Person("Lê Thị Hoa"))
    assert len(registry.staff.people()) == 3


def test_assignment_round_trip(registry):
    (unit,) = _units(registry, "X-A")
    person = registry.staff.add_person(Person("Nguyễn Văn An"))
    a = registry.staff.add_assignment(
        Assignment(person.id, unit.id, EmploymentKind.CU_DEN, position="Viên chức",
                   sending_agency="Chi nhánh Văn phòng đăng ký đất đai huyện Chi Lăng",
                   fields=("Địa chính - Xây dựng", nfd("Tư pháp - Hộ tịch")),
                   decision="Quyết định số 12/QĐ-UBND", start=date(2022, 7, 1), end=date(2025, 6, 30),
                   notes="Cử đến 3 năm")
    )
    stored = registry.staff.assignment(a.id)
    assert stored == a
    assert stored.fields == ("Địa chính - Xây dựng", "Tư pháp - Hộ tịch")
    assert registry.staff.assignments_of(person.id) == [a]


def test_assignment_for_a_missing_person_is_refused(registry):
    (unit,) = _units(registry, "X-A")
    with pytest.raises(NotFoundError, match="Không tìm thấy cán bộ"):
        registry.staff.add_assignment(Assignment(12345, unit.id))
    assert registry.staff.assignments() == []


def test_transfer_ends_the_old_assignment_the_day_before_and_starts_the_new_one(registry):
    a_unit, b_unit = _units(registry, "X-A", "X-B")
    person = registry.staff.add_person(Person("Nguyễn Văn An"))
    old = registry.staff.add_assignment(
        Assignment(person.id, a_unit.id, EmploymentKind.BIEN_CHE, position="Công chức Tư pháp",
                   start=date(2019, 3, 1))
    )
    ended, new = registry.staff.transfer(old.id, b_unit.id, date(2024, 4, 19), position="Công chức Văn hóa")
    assert ended.end == date(2024, 4, 18)
    assert registry.staff.assignment(old.id).end == date(2024, 4, 18)
    assert (new.unit_id, new.start, new.end, new.position) == (b_unit.id, date(2024, 4, 19), None, "Công chức Văn hóa")
    assert new.kind is EmploymentKind.BIEN_CHE and new.person_id == person.id
    # counted at the old unit up to the day before, at the new one from the day itself
    before = {r.unit.code: r.count.total for r in registry.staff_table(date(2024, 4, 18)).rows}
    after = {r.unit.code: r.count.total for r in registry.staff_table(date(2024, 4, 19)).rows}
    assert before == {"X-A": 1, "X-B": 0}
    assert after == {"X-A": 0, "X-B": 1}


def test_transfer_to_the_same_unit_or_before_the_start_is_refused_and_changes_nothing(registry):
    a_unit, b_unit = _units(registry, "X-A", "X-B")
    person = registry.staff.add_person(Person("Nguyễn Văn An"))
    old = registry.staff.add_assignment(Assignment(person.id, a_unit.id, start=date(2024, 1, 10)))
    with pytest.raises(IntegrityRefused, match="Đơn vị mới trùng với đơn vị hiện tại"):
        registry.staff.transfer(old.id, a_unit.id, date(2024, 4, 19))
    with pytest.raises(ValidationError, match="không được trước ngày bắt đầu"):
        registry.staff.transfer(old.id, b_unit.id, date(2024, 1, 1))
    assert registry.staff.assignments() == [old]


def test_people_leave_by_ending_their_assignment(registry):
    (unit,) = _units(registry, "X-A")
    person = registry.staff.add_person(Person("Nguyễn Văn An"))
    a = registry.staff.add_assignment(Assignment(person.id, unit.id, start=date(2020, 1, 1)))
    registry.staff.end_assignment(a.id, date(2023, 12, 31))
    assert registry.staff_table(date(2023, 12, 31)).total.total == 1
    assert registry.staff_table(date(2024, 1, 1)).total.total == 0
    assert [r.person.full_name for r in registry.staff.listing(active_on=date(2023, 6, 1))] == ["Nguyễn Văn An"]
    assert registry.staff.listing(active_on=date(2024, 6, 1)) == []
    assert registry.staff.people() == [person]  # kept for past reports


def test_deleting_a_person_entered_by_mistake_removes_their_assignments(registry):
    (unit,) = _units(registry, "X-A")
    person = registry.staff.add_person(Person("Nhập Nhầm"))
    a = registry.staff.add_assignment(Assignment(person.id, unit.id))
    removed, assignments = registry.staff.delete_person(person.id)
    assert removed == person and assignments == [a]
    assert registry.staff.people() == [] and registry.staff.assignments() == []


# equipment ---------------------------------------------------------------------------------
def test_equipment_type_round_trip_with_norms_and_case_insensitive_names(registry):
    kind = registry.equipment.add_type(EquipmentType("Máy in", {"huyen": 4, "xa": 2}))
    assert registry.equipment.type(kind.id) == kind
    assert registry.equipment.type_by_name(nfd("MÁY IN")) == kind
    with pytest.raises(IntegrityRefused, match="Loại thiết bị 'máy in' đã có trong danh mục"):
        registry.equipment.add_type(EquipmentType("máy in"))
    registry.equipment.update_type(dataclasses.replace(kind, norms={"xa": 3}))
    assert registry.equipment.type(kind.id).norms == {"xa": 3}


def test_equipment_item_round_trip_and_type_in_use_cannot_be_deleted(registry):
    (unit,) = _units(registry, "X-A")
    kind = registry.equipment.add_type(EquipmentType("Máy scan", {"xa": 1}))
    item = registry.equipment.add_item(
        EquipmentItem(unit.id, kind.id, 3, Condition.CHO_THANH_LY, 2016, serial="TS-0042", notes="Hết khấu hao")
    )
    assert registry.equipment.item(item.id) == item
    assert registry.equipment.items(unit.id) == [item]
    registry.equipment.update_item(dataclasses.replace(item, quantity=1, condition=Condition.TOT))
    assert registry.equipment.item(item.id).quantity == 1
    with pytest.raises(IntegrityRefused, match="Không xóa được loại 'Máy scan': còn 1 dòng thiết bị"):
        registry.equipment.delete_type(kind.id)
    registry.equipment.delete_item(item.id)
    registry.equipment.delete_type(kind.id)
    assert registry.equipment.types() == []


def test_negative_quantity_is_refused_before_anything_is_written(registry):
    (unit,) = _units(registry, "X-A")
    kind = registry.equipment.add_type(EquipmentType("Tivi"))
    with pytest.raises(ValidationError, match="Số lượng: không được âm"):
        registry.equipment.add_item(EquipmentItem(unit.id, kind.id, -1))
    assert registry.equipment.items() == []


def test_shortfall_from_the_store(registry):
    (unit,) = _units(registry, "X-A")
    kind = registry.equipment.add_type(EquipmentType("Máy in", {"xa": 2}))
    registry.equipment.add_item(EquipmentItem(unit.id, kind.id, 1, Condition.TOT))
    registry.equipment.add_item(EquipmentItem(unit.id, kind.id, 5, Condition.HONG))
    [row] = registry.shortfall()
    assert (row.type_name, row.norm, row.have, row.missing) == ("Máy in", 2, 1, 1)


# settings ----------------------------------------------------------------------------------
def test_settings_round_trip(registry):
    assert registry.settings.get() == OrgSettings()  # defaults before anything is saved
    mine = OrgSettings(
        issuing_body=("ỦY BAN NHÂN DÂN", nfd("HUYỆN HỮU LŨNG")),
        issuing_body_short="UBND huyện Hữu Lũng",
        district_name="Hữu Lũng",
        place_name="Hữu Lũng",
        signer_name="Hoàng Văn Ước",
        recipients=("Văn phòng UBND tỉnh Lạng Sơn", "Sở Nội vụ tỉnh Lạng Sơn"),
    )
    registry.settings.save(mine)
    stored = registry.settings.get()
    assert stored == dataclasses.replace(mine, issuing_body=("ỦY BAN NHÂN DÂN", "HUYỆN HỮU LŨNG"))


# text stays text ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "name",
    [
        "Robert'); DROP TABLE units;--",
        "x' OR '1'='1",
        "\"; DELETE FROM people; --",
        "Nguyễn Văn An'; UPDATE units SET name='hacked'",
    ],
)
def test_names_that_look_like_sql_are_stored_as_text(registry, name):
    (unit,) = _units(registry, "X-A")
    person = registry.staff.add_person(Person(name, code=name[:40]))
    registry.staff.add_assignment(Assignment(person.id, unit.id))
    kind = registry.equipment.add_type(EquipmentType(name))
    other = registry.units.add(Unit("X-SQL", name))
    assert registry.staff.person(person.id).full_name == name
    assert registry.staff.person_by_code(name[:40]) is not None
    assert registry.equipment.type_by_name(name) == kind
    assert registry.units.get(other.id).name == name
    assert [u.name for u in registry.units.list()] == ["Bộ phận Một cửa xã X-A", name]
    assert len(registry.staff.people()) == 1 and len(registry.staff.assignments()) == 1


def test_transfer_of_an_assignment_that_already_ended_is_refused(registry):
    # Given someone who left X-A at the end of 2023
    a_unit, b_unit = _units(registry, "X-A", "X-B")
    person = registry.staff.add_person(Person("Nguyễn Văn An"))
    old = registry.staff.add_assignment(
        Assignment(person.id, a_unit.id, start=date(2019, 3, 1), end=date(2023, 12, 31))
    )
    # When asked to transfer them from 19/04/2024, Then it is refused: extending the old
    # assignment would count them at X-A for months they were not there
    with pytest.raises(IntegrityRefused, match="đã kết thúc ngày 31/12/2023, trước ngày chuyển 19/04/2024"):
        registry.staff.transfer(old.id, b_unit.id, date(2024, 4, 19))
    assert registry.staff.assignments() == [old]
    assert registry.staff_table(date(2024, 2, 1)).total.total == 0
