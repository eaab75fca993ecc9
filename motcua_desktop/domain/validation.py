"""Cleaning and checking records before they are stored; every message is Vietnamese and
names the field it is about."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

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
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more fields are wrong; ``errors`` lists each with its field's label."""

    def __init__(self, errors: Iterable[FieldError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))


class _Checker:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def line(self, label: str, value: str, *, required: bool = False, limit: int = LINE_MAX) -> str:
        text = clean_line(value) if value else ""  # most optional fields are empty
        if required and not text:
            self.errors.append(FieldError(label, "không được để trống"))
        elif len(text) > limit:
            self.errors.append(FieldError(label, f"dài quá {limit} ký tự ({len(text)} ký tự)"))
        return text

    def text(self, label: str, value: str, *, limit: int = TEXT_MAX) -> str:
        text = nfc(value) if value else ""
        if len(text) > limit:
            self.errors.append(FieldError(label, f"dài quá {limit} ký tự ({len(text)} ký tự)"))
        return text

    def year(self, label: str, value: int | None) -> int | None:
        if value is not None and not EARLIEST_YEAR <= value <= LATEST_YEAR:
            self.errors.append(
                FieldError(label, f"năm {value} không hợp lệ (từ {EARLIEST_YEAR} đến {LATEST_YEAR})")
            )
        return value

    def choice(self, label: str, value: str, allowed: Iterable[str]) -> str:
        allowed = list(allowed)
        if value not in allowed:
            self.errors.append(FieldError(label, f"giá trị '{value}' không có trong danh sách"))
        return value

    def member(self, label: str, value: str, enum: type[_Member]) -> _Member:
        """An enum member from its value. An unknown value is reported (``raise_if_any``
        then refuses the record) and the enum's first member stands in until then."""
        if isinstance(value, enum):  # already a member (the import and the forms give one)
            return value
        try:
            return enum(value)
        except ValueError:
            labels = ", ".join(m.label for m in enum)
            self.errors.append(FieldError(label, f"giá trị '{value}' không hợp lệ (chọn: {labels})"))
            return next(iter(enum))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def clean_unit(unit: Unit, levels: Iterable[str], kinds: Iterable[str]) -> Unit:
    c = _Checker()
    out = replaced(
        unit,
        code=c.line("Mã", unit.code, required=True, limit=50),
        name=c.line("Tên đơn vị", unit.name, required=True, limit=NAME_MAX),
        level=c.choice("Cấp", unit.level, levels),
        kind=c.choice("Loại", unit.kind, kinds),
        admin_name=c.line("Tên đơn vị hành chính", unit.admin_name, limit=NAME_MAX),
        address=c.line("Địa chỉ", unit.address),
        founding_decision=c.text("Quyết định thành lập", unit.founding_decision),
        staffing_decision=c.text("Quyết định kiện toàn", unit.staffing_decision),
        rules=c.text("Quy chế", unit.rules),
        hotline=c.line("Đường dây nóng", unit.hotline, limit=50),
        notes=c.text("Ghi chú", unit.notes),
        official_code=c.line("Mã ĐVHC", unit.official_code, limit=10),
    )
    if out.official_code and not out.official_code.isdigit():
        c.errors.append(FieldError("Mã ĐVHC", f"'{out.official_code}' không phải mã số đơn vị hành chính"))
    if unit.id is not None and unit.parent_id == unit.id:
        c.errors.append(FieldError("Thuộc đơn vị", "một đơn vị không thể thuộc chính nó"))
    if unit.area_m2 is not None and not 0 <= unit.area_m2 <= 1_000_000:
        c.errors.append(FieldError("Diện tích (m²)", "phải là số không âm"))
    c.raise_if_any()
    return out


def clean_person(person: Person) -> Person:
    c = _Checker()
    out = replaced(
        person,
        full_name=c.line("Họ và tên", person.full_name, required=True, limit=NAME_MAX),
        code=c.line("Mã cán bộ", person.code, limit=50),
        birth_year=c.year("Năm sinh", person.birth_year),
        gender=c.line("Giới tính", person.gender, limit=20),
        phone=c.line("Điện thoại", person.phone, limit=50),
        qualification=c.line("Trình độ", person.qualification),
        notes=c.text("Ghi chú", person.notes),
    )
    c.raise_if_any()
    return out


def clean_assignment(assignment: Assignment) -> Assignment:
    c = _Checker()
    fields = tuple(
        f for f in (c.line("Lĩnh vực", f, limit=NAME_MAX) for f in assignment.fields) if f
    )
    out = replaced(
        assignment,
        kind=c.member("Hình thức", assignment.kind, EmploymentKind),
        position=c.line("Chức vụ", assignment.position, limit=NAME_MAX),
        sending_agency=c.line("Cơ quan cử", assignment.sending_agency, limit=NAME_MAX),
        fields=fields,
        decision=c.line("Quyết định", assignment.decision),
        notes=c.text("Ghi chú", assignment.notes),
    )
    if assignment.unit_id is None:
        c.errors.append(FieldError("Đơn vị", "chưa chọn đơn vị"))
    if isinstance(out.kind, EmploymentKind) and out.kind.needs_agency and not out.sending_agency:
        c.errors.append(FieldError(
            "Cơ quan cử", "người có hình thức Cử đến phải ghi cơ quan cử đến (công an, bảo hiểm xã hội, …)"))
    for label, day in (("Từ ngày", out.start), ("Đến ngày", out.end)):
        if day is not None and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            c.errors.append(FieldError(label, f"năm {day.year} không hợp lệ"))
    if out.start and out.end and out.end < out.start:
        c.errors.append(FieldError("Đến ngày", "không được trước ngày bắt đầu"))
    c.raise_if_any()
    return out


def clean_equipment_type(kind: EquipmentType) -> EquipmentType:
    c = _Checker()
    name = c.line("Loại thiết bị", kind.name, required=True, limit=NAME_MAX)
    for level, norm in kind.norms.items():
        if norm < 0:
            c.errors.append(FieldError(f"Định mức ({level})", "không được âm"))
    c.raise_if_any()
    return replaced(kind, name=name, norms=dict(kind.norms))


def clean_equipment_item(item: EquipmentItem) -> EquipmentItem:
    c = _Checker()
    if item.unit_id is None:
        c.errors.append(FieldError("Đơn vị", "chưa chọn đơn vị"))
    if item.type_id is None:
        c.errors.append(FieldError("Loại thiết bị", "chưa chọn loại thiết bị"))
    if item.quantity < 0:
        c.errors.append(FieldError("Số lượng", "không được âm"))
    elif item.quantity > 100_000:
        c.errors.append(FieldError("Số lượng", "lớn bất thường (quá 100.000)"))
    out = replaced(
        item,
        condition=c.member("Tình trạng", item.condition, Condition),
        year_in_service=c.year("Năm sử dụng", item.year_in_service),
        serial=c.line("Số hiệu", item.serial, limit=100),
        notes=c.text("Ghi chú", item.notes),
    )
    c.raise_if_any()
    return out


def clean_settings(settings: OrgSettings) -> OrgSettings:
    c = _Checker()

    def lines(label: str, values: Iterable[str]) -> tuple[str, ...]:
        return tuple(v for v in (c.line(label, x) for x in values) if v)

    out = OrgSettings(
        parent_body=c.line("Cơ quan chủ quản", settings.parent_body),
        issuing_body=lines("Cơ quan ban hành", settings.issuing_body),
        issuing_body_short=c.line("Tên cơ quan viết gọn", settings.issuing_body_short, required=True),
        # a commune or a province after 1/7/2025 has no district
        district_name=c.line("Tên huyện", settings.district_name),
        province_name=c.line("Tên tỉnh", settings.province_name),
        place_name=c.line("Địa danh", settings.place_name, required=True),
        doc_abbreviation=c.line("Ký hiệu văn bản", settings.doc_abbreviation, required=True),
        # the signer stays blank until typed: the report marks it [chưa có: người ký]
        signer_authority=c.line("Quyền hạn ký", settings.signer_authority),
        signer_title=c.line("Chức vụ người ký", settings.signer_title),
        signer_name=c.line("Họ tên người ký", settings.signer_name),
        recipients=lines("Kính gửi", settings.recipients),
        noi_nhan=lines("Nơi nhận", settings.noi_nhan),
        office_code=c.line("Mã cơ quan", settings.office_code, limit=10),
        commune_name=c.line("Tên xã", settings.commune_name),
    )
    if not out.issuing_body:
        c.errors.append(FieldError("Cơ quan ban hành", "không được để trống"))
    c.raise_if_any()
    return out


def check_as_of(day: date | None) -> date:
    if day is None:
        raise ValidationError([FieldError("Ngày số liệu", "chưa chọn ngày")])
    return day
