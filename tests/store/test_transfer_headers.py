"""The workbook's headers are a contract (docs, DESIGN.md): some are read from the field label
registry where the texts agree, and none may move when a label there changes."""

from __future__ import annotations

from motcua_desktop.domain.fields import UnitField
from motcua_desktop.store.transfer.columns import SHEETS

HEADERS = {
    "Đơn vị": ["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú",
               "Tên ĐVHC", "Quyết định thành lập", "Quyết định kiện toàn", "Quy chế",
               "Đường dây nóng", "Mã ĐVHC", "Thuộc đơn vị", "Mã dòng (không sửa)"],
    "Cán bộ": ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức",
               "Cơ quan cử", "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú",
               "Giới tính", "Trình độ", "Quyết định", "Ghi chú cán bộ", "Mã dòng (không sửa)"],
    "Thiết bị": ["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng",
                 "Ghi chú", "Số hiệu", "Mã dòng (không sửa)"],
    "Danh mục thiết bị": ["Loại thiết bị", "Thứ tự", "Mã dòng (không sửa)"],
}  # fmt: skip


def test_every_sheet_keeps_its_headers_exactly():
    assert {s.title: [c.label for c in s.columns] for s in SHEETS} == HEADERS


def test_a_header_that_is_a_field_label_is_the_registry_s():
    units = next(s for s in SHEETS if s.key == "units")
    for column in units.columns:
        if column.key in {k.value for k in UnitField}:
            assert column.label in (UnitField(column.key).label, "Tên ĐVHC")  # the short header
