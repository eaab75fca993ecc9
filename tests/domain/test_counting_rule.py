"""The appendix's counting rule and the equipment shortfall, as pure functions."""

from __future__ import annotations

from datetime import date

from motcua_desktop.domain.counting import (
    StaffCount,
    count_staff,
    equipment_shortfall,
    missing_by_type,
    staff_table,
)
from motcua_desktop.domain.model import (
    Assignment,
    Condition,
    EmploymentKind,
    EquipmentItem,
    EquipmentType,
    Unit,
)

BC, BP, CD = EmploymentKind.BIEN_CHE, EmploymentKind.BIET_PHAI, EmploymentKind.CU_DEN
D = date(2024, 4, 19)


def _a(unit_id, kind=BC, start=None, end=None) -> Assignment:
    return Assignment(person_id=None, unit_id=unit_id, kind=kind, start=start, end=end)


def test_both_ends_of_an_assignment_count():
    a = _a(1, start=date(2024, 4, 19), end=date(2024, 4, 19))
    assert count_staff([a], D) == {1: StaffCount(1, 1, 0)}
    assert count_staff([a], date(2024, 4, 18)) == {}
    assert count_staff([a], date(2024, 4, 20)) == {}


def test_missing_start_means_since_always_and_missing_end_still_running():
    since_always = _a(1, end=date(2024, 12, 31))
    still_running = _a(1, start=date(2020, 1, 1))
    open_both = _a(1)
    assert count_staff([since_always, still_running, open_both], D)[1] == StaffCount(3, 3, 0)
    assert count_staff([since_always, still_running, open_both], date(1990, 1, 1))[1] == StaffCount(2, 2, 0)
    assert count_staff([since_always, still_running, open_both], date(2030, 1, 1))[1] == StaffCount(2, 2, 0)


def test_three_columns_own_counts_bien_che_and_biet_phai_sent_counts_cu_den():
    rows = [_a(1, BC), _a(1, BC), _a(1, BP), _a(1, CD), _a(2, CD)]
    counts = count_staff(rows, D)
    assert counts[1] == StaffCount(total=4, own=3, sent=1)
    assert counts[2] == StaffCount(total=1, own=0, sent=1)


def test_left_before_and_starting_after_the_date_are_not_counted():
    rows = [
        _a(1, start=date(2019, 3, 1), end=date(2023, 12, 31)),  # left
        _a(1, start=date(2024, 6, 1)),  # not yet
        _a(1, start=date(2018, 1, 1)),
    ]
    assert count_staff(rows, D)[1] == StaffCount(1, 1, 0)


def test_a_transfer_counts_once_at_each_unit_on_each_side_of_the_day():
    rows = [_a(1, start=date(2020, 1, 1), end=date(2024, 4, 18)), _a(2, start=date(2024, 4, 19))]
    assert count_staff(rows, date(2024, 4, 18)) == {1: StaffCount(1, 1, 0)}
    assert count_staff(rows, D) == {2: StaffCount(1, 1, 0)}


def test_staff_table_lists_units_in_report_order_with_zero_rows_and_a_total():
    units = [
        Unit("X-B", "Bộ phận Một cửa xã B", sort_order=3, id=30),
        Unit("H", "Bộ phận Một cửa huyện", level="huyen", kind="huyen", sort_order=1, id=10),
        Unit("X-A", "Bộ phận Một cửa xã A", sort_order=2, id=20),
    ]
    counts = count_staff([_a(10, BC), _a(10, CD), _a(10, CD), _a(30, BP)], D)
    table = staff_table(units, counts)
    assert [r.unit.code for r in table.rows] == ["H", "X-A", "X-B"]
    assert [r.count for r in table.rows] == [StaffCount(3, 1, 2), StaffCount(0, 0, 0), StaffCount(1, 1, 0)]
    assert table.total == StaffCount(4, 2, 2)


def _catalogue() -> list[EquipmentType]:
    return [
        EquipmentType("Máy lấy số tự động", {"huyen": 1, "xa": 1}, sort_order=1, id=1),
        EquipmentType("Máy in", {"huyen": 4, "xa": 2}, sort_order=2, id=2),
        EquipmentType("Tivi", {"huyen": 1}, sort_order=3, id=3),
    ]


def test_shortfall_counts_only_working_equipment_against_the_norm():
    units = [Unit("X-A", "xã A", level="xa", sort_order=1, id=1)]
    items = [
        EquipmentItem(1, 2, 1, Condition.TOT),
        EquipmentItem(1, 2, 3, Condition.HONG),  # broken printers do not fill the norm
        EquipmentItem(1, 2, 1, Condition.CHO_THANH_LY),
        EquipmentItem(1, 1, 1, Condition.TOT),
    ]
    rows = {s.type_name: s for s in equipment_shortfall(units, _catalogue(), items)}
    assert (rows["Máy in"].norm, rows["Máy in"].have, rows["Máy in"].missing) == (2, 1, 1)
    assert rows["Máy lấy số tự động"].missing == 0
    assert "Tivi" not in rows  # no norm at commune level and none there


def test_more_than_the_norm_is_never_negative_missing():
    units = [Unit("X-A", "xã A", level="xa", sort_order=1, id=1)]
    items = [EquipmentItem(1, 3, 2, Condition.TOT)]  # two TVs, no norm
    rows = equipment_shortfall(units, _catalogue(), items)
    tv = next(s for s in rows if s.type_name == "Tivi")
    assert (tv.norm, tv.have, tv.missing) == (0, 2, 0)


def test_missing_by_type_sums_over_units_in_catalogue_order():
    units = [
        Unit("H", "huyện", level="huyen", kind="huyen", sort_order=1, id=1),
        Unit("X-A", "xã A", level="xa", sort_order=2, id=2),
    ]
    items = [
        EquipmentItem(1, 1, 1, Condition.TOT),  # district has its number machine
        EquipmentItem(1, 2, 4, Condition.TOT),  # and its printers
        EquipmentItem(2, 2, 2, Condition.TOT),
    ]
    # The district misses only a TV; the commune misses a number machine: the catalogue
    # puts the number machine first even though the district's row comes first.
    assert list(missing_by_type(equipment_shortfall(units, _catalogue(), items)).items()) == [
        ("Máy lấy số tự động", 1),
        ("Tivi", 1),
    ]
    items.append(EquipmentItem(2, 1, 1, Condition.HONG))
    assert missing_by_type(equipment_shortfall(units, _catalogue(), items))["Máy lấy số tự động"] == 1
