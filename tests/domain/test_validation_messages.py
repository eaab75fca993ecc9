"""Validation: every refusal is Vietnamese and names the field a user has to correct."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from motcua_desktop.domain.fields import SettingsField, UnitField
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
from motcua_desktop.domain.validation import (
    ValidationError,
    check_as_of,
    clean_assignment,
    clean_equipment_item,
    clean_equipment_type,
    clean_person,
    clean_settings,
    clean_unit,
)

LEVELS = ["huyen", "xa"]
KINDS = ["huyen", "thi_tran", "xa", "phuong"]


def _messages(exc: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(e) for e in exc.value.errors]


def test_empty_unit_name_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as info:
        clean_unit(Unit(code="X-A", name="   "), LEVELS, KINDS)
    assert _messages(info) == ["Tên đơn vị: không được để trống"]


def test_a_5000_character_name_is_refused_with_its_length():
    with pytest.raises(ValidationError) as info:
        clean_unit(Unit(code="X-A", name="a" * 5000), LEVELS, KINDS)
    assert _messages(info) == ["Tên đơn vị: dài quá 200 ký tự (5000 ký tự)"]
    with pytest.raises(ValidationError) as info:
        clean_person(Person(full_name="Nguyễn " * 800))
    assert _messages(info)[0].startswith("Họ và tên: dài quá 200 ký tự")


def test_unknown_level_and_kind_are_refused():
    with pytest.raises(ValidationError) as info:
        clean_unit(Unit(code="X-A", name="Bộ phận Một cửa xã A", level="tinh", kind="quan"), LEVELS, KINDS)
    assert _messages(info) == [
        "Cấp: giá trị 'tinh' không có trong danh sách",
        "Loại: giá trị 'quan' không có trong danh sách",
    ]


def test_every_bad_field_is_reported_at_once():
    with pytest.raises(ValidationError) as info:
        clean_unit(Unit(code="", name="", level="?", area_m2=-1), LEVELS, KINDS)
    keys = [e.key for e in info.value.errors]
    assert keys == [UnitField.CODE, UnitField.NAME, UnitField.LEVEL, UnitField.AREA_M2]
    assert keys == ["code", "name", "level", "area_m2"]  # the record's attribute names
    assert [e.label for e in info.value.errors] == ["Mã", "Tên đơn vị", "Cấp", "Diện tích (m²)"]
    assert "Diện tích (m²): phải là số không âm" in str(info.value)


def test_clean_unit_normalises_text_to_nfc_single_spaced():
    nfd = unicodedata.normalize("NFD", "Bộ phận  Một cửa\txã Đồng Mỏ ")
    unit = clean_unit(Unit(code=" X-DM ", name=nfd, address=nfd), LEVELS, KINDS)
    assert unit.name == "Bộ phận Một cửa xã Đồng Mỏ"
    assert unit.code == "X-DM"
    assert unicodedata.is_normalized("NFC", unit.address)


def test_negative_quantity_is_refused():
    with pytest.raises(ValidationError) as info:
        clean_equipment_item(EquipmentItem(unit_id=1, type_id=1, quantity=-2))
    assert _messages(info) == ["Số lượng: không được âm"]


def test_negative_norm_is_refused_naming_the_level():
    with pytest.raises(ValidationError) as info:
        clean_equipment_type(EquipmentType("Máy in", {"xa": -1}))
    assert _messages(info) == ["Định mức (xa): không được âm"]


def test_equipment_item_without_unit_or_type_or_with_unknown_condition():
    with pytest.raises(ValidationError) as info:
        clean_equipment_item(EquipmentItem(unit_id=None, type_id=None, condition="vo"))
    assert [e.key for e in info.value.errors] == ["unit_id", "type_id", "condition"]
    assert [e.label for e in info.value.errors] == ["Đơn vị", "Loại thiết bị", "Tình trạng"]
    assert "Tình trạng: giá trị 'vo' không hợp lệ (chọn: Tốt, Hỏng, Chờ thanh lý)" in str(info.value)
    assert clean_equipment_item(EquipmentItem(1, 1, condition="hong")).condition is Condition.HONG


def test_end_before_start_is_refused():
    with pytest.raises(ValidationError) as info:
        clean_assignment(Assignment(1, 1, start=date(2024, 5, 1), end=date(2024, 4, 30)))
    assert _messages(info) == ["Đến ngày: không được trước ngày bắt đầu"]
    # the same day both ends is one day of work, not an error
    one_day = clean_assignment(Assignment(1, 1, start=date(2024, 5, 1), end=date(2024, 5, 1)))
    assert one_day.active_on(date(2024, 5, 1))


def test_unknown_employment_kind_is_a_field_error_not_a_crash():
    with pytest.raises(ValidationError) as info:
        clean_assignment(Assignment(1, 1, kind="hop_dong"))
    assert _messages(info) == ["Hình thức: giá trị 'hop_dong' không hợp lệ (chọn: Biên chế, Biệt phái, Cử đến, Hỗ trợ)"]
    assert clean_assignment(Assignment(1, 1, kind="cu_den", sending_agency="Công an xã")).kind is EmploymentKind.CU_DEN
    assert clean_assignment(Assignment(1, 1, kind="ho_tro")).kind is EmploymentKind.HO_TRO


def test_cu_den_without_sending_agency_is_refused_naming_the_field():
    with pytest.raises(ValidationError) as info:
        clean_assignment(Assignment(1, 1, kind="cu_den"))
    assert _messages(info) == [
        "Cơ quan cử: người có hình thức Cử đến phải ghi cơ quan cử đến (công an, bảo hiểm xã hội, …)"]


def test_assignment_needs_a_unit_and_sane_years():
    with pytest.raises(ValidationError) as info:
        clean_assignment(Assignment(1, None, start=date(1066, 1, 1)))
    assert _messages(info) == ["Đơn vị: chưa chọn đơn vị", "Từ ngày: năm 1066 không hợp lệ"]


def test_birth_year_out_of_range():
    with pytest.raises(ValidationError) as info:
        clean_person(Person(full_name="Lý Thị Yến", birth_year=19))
    assert _messages(info) == ["Năm sinh: năm 19 không hợp lệ (từ 1900 đến 2100)"]


def test_assignment_fields_are_cleaned_and_blank_ones_dropped():
    a = clean_assignment(Assignment(1, 1, fields=(" Tư pháp -  Hộ tịch ", "", "  ")))
    assert a.fields == ("Tư pháp - Hộ tịch",)


def test_settings_need_the_issuing_body_but_the_signer_may_wait():
    with pytest.raises(ValidationError) as info:
        clean_settings(OrgSettings(issuing_body=(" ",), issuing_body_short="UBND xã Chi Lăng", place_name="Chi Lăng"))
    assert [e.key for e in info.value.errors] == [SettingsField.ISSUING_BODY]
    office = OrgSettings(issuing_body=("ỦY BAN NHÂN DÂN", "XÃ CHI LĂNG"), issuing_body_short="UBND xã Chi Lăng",
                         province_name="Lạng Sơn", place_name="Chi Lăng", office_code="06463")
    assert clean_settings(office).signer_name == ""  # blank until typed


def test_a_new_register_carries_nothing_of_the_seed():
    blank = OrgSettings()
    text = repr(blank)
    for word in ("Chi Lăng", "Lạng Sơn", "Nguyễn Hùng Mạnh", "HVT", "huyện"):
        assert word not in text
    assert blank.issuing_body == () and blank.signer_name == "" and blank.recipients == ()


def test_report_date_must_be_chosen():
    with pytest.raises(ValidationError, match="Số liệu tính đến ngày: chưa chọn ngày"):
        check_as_of(None)
    assert check_as_of(date(2024, 4, 19)) == date(2024, 4, 19)
