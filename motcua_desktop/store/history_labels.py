"""Vietnamese names for what the change history records: tables, actions, fields, and the
values as a person reads them (lists joined, nested settings spread into their fields)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from ..domain.fields import (
    ASSIGNMENT,
    EQUIPMENT_ITEM,
    EQUIPMENT_TYPE,
    NORM,
    PERSON,
    REPORT,
    SETTINGS,
    UNIT,
    EquipmentItemField,
    Labels,
)

# The record type each table holds: its name and its fields' labels (``domain.fields``).
TABLE_RECORDS: dict[str, Labels] = {
    "units": UNIT, "people": PERSON, "assignments": ASSIGNMENT, "equipment": EQUIPMENT_ITEM,
    "equipment_types": EQUIPMENT_TYPE, "equipment_norms": NORM, "settings": SETTINGS,
    "reports": REPORT,
}  # fmt: skip
TABLE_LABELS = {table: labels.record for table, labels in TABLE_RECORDS.items()} | {
    "received_packages": "Gói số liệu đã nhận",
}
ACTION_LABELS = {
    "insert": "Thêm",
    "update": "Sửa",
    "end": "Kết thúc phân công",
    "delete": "Xóa",
    "restore": "Khôi phục từ thùng rác",
}
# Columns that are not a field of the record: the row's number, the settings row's key.
_OWN_LABELS = {"id": "Số bản ghi", "key": "Mục cài đặt"}
# Where a column's name differs from the record's field.
_COLUMN_FIELDS = {"start_date": "start", "end_date": "end"}
# A reference to another record in a table whose record type does not list it.
_REFERENCES = {"type_id": EquipmentItemField.TYPE_ID.label}
SETTING_KEYS = {"organisation": "Thông tin cơ quan"}
APPENDIX_LABELS = {"staff": "Cán bộ", "equipment": "Trang thiết bị"}
_REPORT_LISTS = ("recipients", "noi_nhan", "appendices")


def field_label(table: str, column: str) -> str:
    """A column as the history shows it: its field's label; a reference to another record
    (the history keeps its number) as ``Đơn vị (số)``."""
    if column in _OWN_LABELS:
        return _OWN_LABELS[column]
    record = TABLE_RECORDS.get(table)
    label = record.get(_COLUMN_FIELDS.get(column, column)) if record is not None else None
    label = label or _REFERENCES.get(column)
    if label is None:
        return column
    return f"{label} (số)" if column.endswith("_id") else label


def readable(table: str, values: dict[str, Any] | None) -> dict[str, Any]:
    """A record's values as they are compared and shown: the organisation settings spread
    into their fields, a report's lists (stored as JSON text) decoded."""
    values = dict(values or {})
    if table == "settings" and isinstance(values.get("value"), dict):
        nested = values.pop("value")
        key = str(values.get("key"))
        values["key"] = SETTING_KEYS.get(key, key)
        values.update(nested)
    if table == "reports":
        for name in _REPORT_LISTS:
            if isinstance(values.get(name), str):
                with contextlib.suppress(ValueError):  # not JSON: shown as stored
                    values[name] = json.loads(values[name])
        if isinstance(values.get("appendices"), list):
            values["appendices"] = [APPENDIX_LABELS.get(a, a) for a in values["appendices"]]
    return values


def display(value: object) -> object:
    """A value for a table cell or an export: nothing as empty, a list one item after another."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value
