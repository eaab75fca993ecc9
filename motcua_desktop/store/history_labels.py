"""Vietnamese names for what the change history records: tables, actions, fields, and the
values as a person reads them (lists joined, nested settings spread into their fields)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

TABLE_LABELS = {
    "units": "Đơn vị", "people": "Cán bộ", "assignments": "Phân công", "equipment": "Thiết bị",
    "equipment_types": "Danh mục thiết bị", "equipment_norms": "Định mức thiết bị",
    "settings": "Thông tin cơ quan", "reports": "Báo cáo đã lưu", "received_packages": "Gói số liệu đã nhận",
}  # fmt: skip
ACTION_LABELS = {
    "insert": "Thêm",
    "update": "Sửa",
    "end": "Kết thúc phân công",
    "delete": "Xóa",
    "restore": "Khôi phục từ thùng rác",
}
FIELD_LABELS = {
    "id": "Số bản ghi", "code": "Mã", "name": "Tên đơn vị", "level": "Cấp", "kind": "Loại",
    "admin_name": "Tên đơn vị hành chính", "address": "Địa chỉ", "area_m2": "Diện tích (m²)",
    "founding_decision": "Quyết định thành lập", "staffing_decision": "Quyết định kiện toàn",
    "rules": "Quy chế", "hotline": "Đường dây nóng", "notes": "Ghi chú", "sort_order": "Thứ tự",
    "full_name": "Họ và tên", "birth_year": "Năm sinh", "gender": "Giới tính",
    "phone": "Điện thoại", "qualification": "Trình độ", "person_id": "Cán bộ (số)",
    "unit_id": "Đơn vị (số)", "position": "Chức vụ", "sending_agency": "Cơ quan cử",
    "fields": "Lĩnh vực", "decision": "Quyết định", "start_date": "Từ ngày",
    "end_date": "Đến ngày", "type_id": "Loại thiết bị (số)", "quantity": "Số lượng",
    "condition": "Tình trạng", "year_in_service": "Năm sử dụng", "serial": "Số hiệu",
    "parent_id": "Thuộc đơn vị (số)", "official_code": "Mã ĐVHC",
}  # fmt: skip
# Where a column means something else in another table (the labels of the settings and report
# fields are those of the "Thông tin cơ quan" dialog and the report editor).
TABLE_FIELD_LABELS = {
    "equipment_types": {"name": "Tên loại thiết bị"},
    "equipment_norms": {"level": "Cấp", "quantity": "Định mức (số lượng)"},
    "settings": {
        "key": "Mục cài đặt", "parent_body": "Cơ quan chủ quản",
        "issuing_body": "Cơ quan ban hành", "issuing_body_short": "Tên cơ quan viết gọn",
        "district_name": "Tên huyện", "province_name": "Tên tỉnh", "place_name": "Địa danh",
        "doc_abbreviation": "Ký hiệu văn bản", "signer_authority": "Quyền hạn ký",
        "signer_title": "Chức vụ người ký", "signer_name": "Họ tên người ký",
        "recipients": "Kính gửi", "noi_nhan": "Nơi nhận",
    },
    "reports": {
        "number": "Số văn bản", "report_date": "Ngày báo cáo", "place": "Địa danh",
        "recipients": "Kính gửi", "title": "Trích yếu", "body": "Nội dung",
        "signer_authority": "Quyền hạn ký", "signer_title": "Chức vụ người ký",
        "signer_name": "Họ tên người ký", "noi_nhan": "Nơi nhận", "appendices": "Phụ lục",
        "as_of": "Số liệu tính đến ngày", "template": "Mẫu báo cáo",
    },
}  # fmt: skip
SETTING_KEYS = {"organisation": "Thông tin cơ quan"}
APPENDIX_LABELS = {"staff": "Cán bộ", "equipment": "Trang thiết bị"}
_REPORT_LISTS = ("recipients", "noi_nhan", "appendices")


def field_label(table: str, column: str) -> str:
    return TABLE_FIELD_LABELS.get(table, {}).get(column) or FIELD_LABELS.get(column, column)


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
