"""Every field a person can get wrong, by key, and its Vietnamese label: one registry per
record type, read by every layer.

A field's key is the record's own attribute name (``UnitField.NAME == "name"``,
``AssignmentField.UNIT_ID == "unit_id"``); the label is what a person reads beside the input,
in an error message, in the change history and (where the texts agree) in an import header.
Errors carry the key (:class:`~.validation.FieldError`); the label is looked up here when the
error is shown, so a label is spelled once.

Adding a field: a member in its record's enum and its label in the record's ``Labels``; both
are checked when this module loads (a member without a label, or a label without a member,
is an error at import time).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class FieldKey(StrEnum):
    """A field of one record type; its members compare equal to the attribute's name."""

    @property
    def label(self) -> str:
        return _REGISTRY[type(self)].label(self)


class Labels:
    """The labels of one record type's fields, checked against its enum of keys."""

    def __init__(self, keys: type[FieldKey], record: str, labels: Mapping[str, str]):
        missing = sorted(set(keys) - set(labels))
        extra = sorted(set(labels) - {str(k) for k in keys})
        if missing or extra:
            raise ValueError(f"{keys.__name__}: no label for {missing}, no field for {extra}")
        self.keys = keys
        self.record = record  # what a person calls the record ("Đơn vị", "Cán bộ")
        self._labels = MappingProxyType(dict(labels))
        _REGISTRY[keys] = self

    def label(self, key: str) -> str:
        return self._labels[key]

    def get(self, key: str) -> str | None:
        return self._labels.get(key)

    def items(self) -> list[tuple[FieldKey, str]]:
        return [(self.keys(k), v) for k, v in self._labels.items()]


_REGISTRY: dict[type[FieldKey], Labels] = {}


def labels_of(keys: type[FieldKey]) -> Labels:
    return _REGISTRY[keys]


def registries() -> tuple[Labels, ...]:
    return tuple(_REGISTRY.values())


# records of the register -------------------------------------------------------------------
class UnitField(FieldKey):
    CODE = "code"
    NAME = "name"
    LEVEL = "level"
    KIND = "kind"
    ADMIN_NAME = "admin_name"
    ADDRESS = "address"
    AREA_M2 = "area_m2"
    FOUNDING_DECISION = "founding_decision"
    STAFFING_DECISION = "staffing_decision"
    RULES = "rules"
    HOTLINE = "hotline"
    NOTES = "notes"
    SORT_ORDER = "sort_order"
    PARENT_ID = "parent_id"
    OFFICIAL_CODE = "official_code"


UNIT = Labels(UnitField, "Đơn vị", {
    "code": "Mã", "name": "Tên đơn vị", "level": "Cấp", "kind": "Loại",
    "admin_name": "Tên đơn vị hành chính", "address": "Địa chỉ", "area_m2": "Diện tích (m²)",
    "founding_decision": "Quyết định thành lập", "staffing_decision": "Quyết định kiện toàn",
    "rules": "Quy chế", "hotline": "Đường dây nóng", "notes": "Ghi chú", "sort_order": "Thứ tự",
    "parent_id": "Thuộc đơn vị", "official_code": "Mã ĐVHC",
})  # fmt: skip


class PersonField(FieldKey):
    FULL_NAME = "full_name"
    CODE = "code"
    BIRTH_YEAR = "birth_year"
    GENDER = "gender"
    PHONE = "phone"
    QUALIFICATION = "qualification"
    NOTES = "notes"


PERSON = Labels(PersonField, "Cán bộ", {
    "full_name": "Họ và tên", "code": "Mã cán bộ", "birth_year": "Năm sinh",
    "gender": "Giới tính", "phone": "Điện thoại", "qualification": "Trình độ", "notes": "Ghi chú",
})  # fmt: skip


class AssignmentField(FieldKey):
    PERSON_ID = "person_id"
    UNIT_ID = "unit_id"
    KIND = "kind"
    POSITION = "position"
    SENDING_AGENCY = "sending_agency"
    FIELDS = "fields"
    DECISION = "decision"
    START = "start"
    END = "end"
    NOTES = "notes"


ASSIGNMENT = Labels(AssignmentField, "Phân công", {
    "person_id": "Cán bộ", "unit_id": "Đơn vị", "kind": "Hình thức", "position": "Chức vụ",
    "sending_agency": "Cơ quan cử", "fields": "Lĩnh vực", "decision": "Quyết định",
    "start": "Từ ngày", "end": "Đến ngày", "notes": "Ghi chú",
})  # fmt: skip


class EquipmentTypeField(FieldKey):
    NAME = "name"
    NORMS = "norms"  # one per unit level: FieldError's ``item`` names the level
    SORT_ORDER = "sort_order"


EQUIPMENT_TYPE = Labels(EquipmentTypeField, "Danh mục thiết bị", {
    "name": "Loại thiết bị", "norms": "Định mức", "sort_order": "Thứ tự",
})  # fmt: skip


class NormField(FieldKey):
    """A stored norm: how many of a type a unit of a level should have."""

    LEVEL = "level"
    QUANTITY = "quantity"


NORM = Labels(NormField, "Định mức thiết bị", {"level": "Cấp", "quantity": "Định mức (số lượng)"})


class EquipmentItemField(FieldKey):
    UNIT_ID = "unit_id"
    TYPE_ID = "type_id"
    QUANTITY = "quantity"
    CONDITION = "condition"
    YEAR_IN_SERVICE = "year_in_service"
    SERIAL = "serial"
    NOTES = "notes"


EQUIPMENT_ITEM = Labels(EquipmentItemField, "Thiết bị", {
    "unit_id": "Đơn vị", "type_id": "Loại thiết bị", "quantity": "Số lượng",
    "condition": "Tình trạng", "year_in_service": "Năm sử dụng", "serial": "Số hiệu",
    "notes": "Ghi chú",
})  # fmt: skip


class SettingsField(FieldKey):
    PARENT_BODY = "parent_body"
    ISSUING_BODY = "issuing_body"
    ISSUING_BODY_SHORT = "issuing_body_short"
    DISTRICT_NAME = "district_name"
    PROVINCE_NAME = "province_name"
    PLACE_NAME = "place_name"
    DOC_ABBREVIATION = "doc_abbreviation"
    SIGNER_AUTHORITY = "signer_authority"
    SIGNER_TITLE = "signer_title"
    SIGNER_NAME = "signer_name"
    RECIPIENTS = "recipients"
    NOI_NHAN = "noi_nhan"
    OFFICE_CODE = "office_code"
    COMMUNE_NAME = "commune_name"


SETTINGS = Labels(SettingsField, "Thông tin cơ quan", {
    "parent_body": "Cơ quan chủ quản", "issuing_body": "Cơ quan ban hành",
    "issuing_body_short": "Tên cơ quan viết gọn", "district_name": "Tên huyện",
    "province_name": "Tên tỉnh", "place_name": "Địa danh", "doc_abbreviation": "Ký hiệu văn bản",
    "signer_authority": "Quyền hạn ký", "signer_title": "Chức vụ người ký",
    "signer_name": "Họ tên người ký", "recipients": "Kính gửi", "noi_nhan": "Nơi nhận",
    "office_code": "Mã cơ quan", "commune_name": "Tên xã",
})  # fmt: skip


class ReportField(FieldKey):
    NUMBER = "number"
    REPORT_DATE = "report_date"
    PLACE = "place"
    RECIPIENTS = "recipients"
    TITLE = "title"
    BODY = "body"
    SIGNER_AUTHORITY = "signer_authority"
    SIGNER_TITLE = "signer_title"
    SIGNER_NAME = "signer_name"
    NOI_NHAN = "noi_nhan"
    APPENDICES = "appendices"
    AS_OF = "as_of"
    TEMPLATE = "template"


REPORT = Labels(ReportField, "Báo cáo đã lưu", {
    "number": "Số văn bản", "report_date": "Ngày báo cáo", "place": "Địa danh",
    "recipients": "Kính gửi", "title": "Trích yếu", "body": "Nội dung",
    "signer_authority": "Quyền hạn ký", "signer_title": "Chức vụ người ký",
    "signer_name": "Họ tên người ký", "noi_nhan": "Nơi nhận", "appendices": "Phụ lục",
    "as_of": "Số liệu tính đến ngày", "template": "Mẫu báo cáo",
})  # fmt: skip


class TemplateField(FieldKey):
    """A user's own report template."""

    NAME = "name"
    BASE = "base"


TEMPLATE = Labels(TemplateField, "Mẫu báo cáo", {"name": "Tên mẫu", "base": "Mẫu gốc"})


class ChoiceField(FieldKey):
    """An entry of a value list (unit levels, kinds of administrative unit)."""

    LABEL = "label"


CHOICE = Labels(ChoiceField, "Danh sách giá trị", {"label": "Tên"})


# what a report is written to -----------------------------------------------------------------
class OutputField(FieldKey):
    """Where a report goes: a file, a printer; and the command line's options for them."""

    FILE = "file"
    PRINTER = "printer"
    PDF = "pdf"
    OUT = "out"
    FORMAT = "format"
    REPORT = "report"
    TEMPLATE = "template"
    PRINT = "print"


OUTPUT = Labels(OutputField, "Kết quả", {
    "file": "Tệp kết quả", "printer": "Máy in", "pdf": "Tệp PDF", "out": "--out",
    "format": "--format", "report": "--report", "template": "--template", "print": "--print",
})  # fmt: skip
