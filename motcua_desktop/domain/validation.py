"""Cleaning and checking records before they are stored; every message is Vietnamese and
names the field it is about (by key: the label comes from :mod:`.fields`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from .fields import (
    AssignmentField,
    EquipmentItemField,
    EquipmentTypeField,
    FieldKey,
    PersonField,
    ReportField,
    SettingsField,
    UnitField,
)
from .model import (
    Assignment,
    Condition,
    EmploymentKind,
    EquipmentItem,
    EquipmentType,
    OrgSettings,
    Person,
    Unit,
    replaced,
)
from .text import clean_line, nfc

NAME_MAX = 200
LINE_MAX = 500
TEXT_MAX = 4000
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


_Member = TypeVar("_Member", EmploymentKind, Condition)


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field, named by its key (never by its label); ``item`` names
    the entry of a field that holds one value per something (a norm per unit level)."""

    key: FieldKey
    message: str
    item: str = ""

    @property
    def label(self) -> str:
        """The field as a person reads it: ``Năm sinh``, ``Định mức (xa)``."""
        return f"{self.key.label} ({self.item})" if self.item else self.key.label

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


class ValidationError(ValueError):
    """One or more fields are wrong; ``errors`` lists each with its field's key."""

    def __init__(self, errors: Iterable[FieldError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


class _Checker:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def line(self, key: FieldKey, value: str, *, required: bool = False, limit: int = LINE_MAX) -> str:
        text = clean_line(value) if value else ""  # most optional fields are empty
        if required and not text:
            self.errors.append(FieldError(key, "không được để trống"))
        elif len(text) > limit:
            self.errors.append(FieldError(key, f"dài quá {limit} ký tự ({len(text)} ký tự)"))
        return text

    def text(self, key: FieldKey, value: str, *, limit: int = TEXT_MAX) -> str:
        text = nfc(value) if value else ""
        if len(text) > limit:
            self.errors.append(FieldError(key, f"dài quá {limit} ký tự ({len(text)} ký tự)"))
        return text

    def year(self, key: FieldKey, value: int | None) -> int | None:
        if value is not None and not EARLIEST_YEAR <= value <= LATEST_YEAR:
            self.errors.append(
                FieldError(key, f"năm {value} không hợp lệ (từ {EARLIEST_YEAR} đến {LATEST_YEAR})")
            )
        return value

    def choice(self, key: FieldKey, value: str, allowed: Iterable[str]) -> str:
        allowed = list(allowed)
        if value not in allowed:
            self.errors.append(FieldError(key, f"giá trị '{value}' không có trong danh sách"))
        return value

    def member(self, key: FieldKey, value: str, enum: type[_Member]) -> _Member:
        """An enum member from its value. An unknown value is reported (``raise_if_any``
        then refuses the record) and the enum's first member stands in until then."""
        if isinstance(value, enum):  # already a member (the import and the forms give one)
            return value
        try:
            return enum(value)
        except ValueError:
            choices = ", ".join(m.label for m in enum)
            self.errors.append(FieldError(key, f"giá trị '{value}' không hợp lệ (chọn: {choices})"))
            return next(iter(enum))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def clean_unit(unit: Unit, levels: Iterable[str], kinds: Iterable[str]) -> Unit:
    c = _Checker()
    out = replaced(
        unit,
        code=c.line(UnitField.CODE, unit.code, required=True, limit=50),
        name=c.line(UnitField.NAME, unit.name, required=True, limit=NAME_MAX),
        level=c.choice(UnitField.LEVEL, unit.level, levels),
        kind=c.choice(UnitField.KIND, unit.kind, kinds),
        admin_name=c.line(UnitField.ADMIN_NAME, unit.admin_name, limit=NAME_MAX),
        address=c.line(UnitField.ADDRESS, unit.address),
        founding_decision=c.text(UnitField.FOUNDING_DECISION, unit.founding_decision),
        staffing_decision=c.text(UnitField.STAFFING_DECISION, unit.staffing_decision),
        rules=c.text(UnitField.RULES, unit.rules),
        hotline=c.line(UnitField.HOTLINE, unit.hotline, limit=50),
        notes=c.text(UnitField.NOTES, unit.notes),
        official_code=c.line(UnitField.OFFICIAL_CODE, unit.official_code, limit=10),
    )
    if out.official_code and not out.official_code.isdigit():
        c.errors.append(FieldError(UnitField.OFFICIAL_CODE, f"'{out.official_code}' không phải mã số đơn vị hành chính"))
    if unit.id is not None and unit.parent_id == unit.id:
        c.errors.append(FieldError(UnitField.PARENT_ID, "một đơn vị không thể thuộc chính nó"))
    if unit.area_m2 is not None and not 0 <= unit.area_m2 <= 1_000_000:
        c.errors.append(FieldError(UnitField.AREA_M2, "phải là số không âm"))
    c.raise_if_any()
    return out


def clean_person(person: Person) -> Person:
    c = _Checker()
    out = replaced(
        person,
        full_name=c.line(PersonField.FULL_NAME, person.full_name, required=True, limit=NAME_MAX),
        code=c.line(PersonField.CODE, person.code, limit=50),
        birth_year=c.year(PersonField.BIRTH_YEAR, person.birth_year),
        gender=c.line(PersonField.GENDER, person.gender, limit=20),
        phone=c.line(PersonField.PHONE, person.phone, limit=50),
        qualification=c.line(PersonField.QUALIFICATION, person.qualification),
        notes=c.text(PersonField.NOTES, person.notes),
    )
    c.raise_if_any()
    return out


def clean_assignment(assignment: Assignment) -> Assignment:
    c = _Checker()
    fields = tuple(
        f for f in (c.line(AssignmentField.FIELDS, f, limit=NAME_MAX) for f in assignment.fields) if f
    )
    out = replaced(
        assignment,
        kind=c.member(AssignmentField.KIND, assignment.kind, EmploymentKind),
        position=c.line(AssignmentField.POSITION, assignment.position, limit=NAME_MAX),
        sending_agency=c.line(AssignmentField.SENDING_AGENCY, assignment.sending_agency, limit=NAME_MAX),
        fields=fields,
        decision=c.line(AssignmentField.DECISION, assignment.decision),
        notes=c.text(AssignmentField.NOTES, assignment.notes),
    )
    if assignment.unit_id is None:
        c.errors.append(FieldError(AssignmentField.UNIT_ID, "chưa chọn đơn vị"))
    if isinstance(out.kind, EmploymentKind) and out.kind.needs_agency and not out.sending_agency:
        c.errors.append(FieldError(
            AssignmentField.SENDING_AGENCY, "người có hình thức Cử đến phải ghi cơ quan cử đến (công an, bảo hiểm xã hội, …)"))
    for key, day in ((AssignmentField.START, out.start), (AssignmentField.END, out.end)):
        if day is not None and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            c.errors.append(FieldError(key, f"năm {day.year} không hợp lệ"))
    if out.start and out.end and out.end < out.start:
        c.errors.append(FieldError(AssignmentField.END, "không được trước ngày bắt đầu"))
    c.raise_if_any()
    return out


def clean_equipment_type(kind: EquipmentType) -> EquipmentType:
    c = _Checker()
    name = c.line(EquipmentTypeField.NAME, kind.name, required=True, limit=NAME_MAX)
    for level, norm in kind.norms.items():
        if norm < 0:
            c.errors.append(FieldError(EquipmentTypeField.NORMS, "không được âm", level))
    c.raise_if_any()
    return replaced(kind, name=name, norms=dict(kind.norms))


def clean_equipment_item(item: EquipmentItem) -> EquipmentItem:
    c = _Checker()
    if item.unit_id is None:
        c.errors.append(FieldError(EquipmentItemField.UNIT_ID, "chưa chọn đơn vị"))
    if item.type_id is None:
        c.errors.append(FieldError(EquipmentItemField.TYPE_ID, "chưa chọn loại thiết bị"))
    if item.quantity < 0:
        c.errors.append(FieldError(EquipmentItemField.QUANTITY, "không được âm"))
    elif item.quantity > 100_000:
        c.errors.append(FieldError(EquipmentItemField.QUANTITY, "lớn bất thường (quá 100.000)"))
    out = replaced(
        item,
        condition=c.member(EquipmentItemField.CONDITION, item.condition, Condition),
        year_in_service=c.year(EquipmentItemField.YEAR_IN_SERVICE, item.year_in_service),
        serial=c.line(EquipmentItemField.SERIAL, item.serial, limit=100),
        notes=c.text(EquipmentItemField.NOTES, item.notes),
    )
    c.raise_if_any()
    return out


def clean_settings(settings: OrgSettings) -> OrgSettings:
    c = _Checker()

    def lines(key: FieldKey, values: Iterable[str]) -> tuple[str, ...]:
        return tuple(v for v in (c.line(key, x) for x in values) if v)

    out = OrgSettings(
        parent_body=c.line(SettingsField.PARENT_BODY, settings.parent_body),
        issuing_body=lines(SettingsField.ISSUING_BODY, settings.issuing_body),
        issuing_body_short=c.line(SettingsField.ISSUING_BODY_SHORT, settings.issuing_body_short, required=True),
        # a commune or a province after 1/7/2025 has no district
        district_name=c.line(SettingsField.DISTRICT_NAME, settings.district_name),
        province_name=c.line(SettingsField.PROVINCE_NAME, settings.province_name),
        place_name=c.line(SettingsField.PLACE_NAME, settings.place_name, required=True),
        doc_abbreviation=c.line(SettingsField.DOC_ABBREVIATION, settings.doc_abbreviation, required=True),
        # the signer stays blank until typed: the report marks it [chưa có: người ký]
        signer_authority=c.line(SettingsField.SIGNER_AUTHORITY, settings.signer_authority),
        signer_title=c.line(SettingsField.SIGNER_TITLE, settings.signer_title),
        signer_name=c.line(SettingsField.SIGNER_NAME, settings.signer_name),
        recipients=lines(SettingsField.RECIPIENTS, settings.recipients),
        noi_nhan=lines(SettingsField.NOI_NHAN, settings.noi_nhan),
        office_code=c.line(SettingsField.OFFICE_CODE, settings.office_code, limit=10),
        commune_name=c.line(SettingsField.COMMUNE_NAME, settings.commune_name),
    )
    if not out.issuing_body:
        c.errors.append(FieldError(SettingsField.ISSUING_BODY, "không được để trống"))
    c.raise_if_any()
    return out


def check_as_of(day: date | None) -> date:
    if day is None:
        raise ValidationError([FieldError(ReportField.AS_OF, "chưa chọn ngày")])
    return day
