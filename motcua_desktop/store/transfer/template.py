"""The empty import template (``resources/import_template.xlsx``): the sheets with bold,
frozen headers, readable widths and drop-down lists for the value lists (the catalogue sheet
with one ``Định mức`` column per default unit level).

Regenerate the committed file with ``python -m motcua_desktop.store.transfer.template``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ... import paths
from ...domain.model import DEFAULT_LEVELS, DEFAULT_UNIT_KINDS, Condition, EmploymentKind
from .columns import EQUIPMENT, ROW_ID, STAFF, TYPES, UNITS, Column, Sheet, norm_column

TEMPLATE_NAME = "import_template.xlsx"
DATA_ROWS = 2000  # rows the drop-down lists and date formats cover
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def value_lists() -> dict[tuple[str, str], list[str]]:
    """(sheet key, column key) -> the words the column accepts."""
    return {
        (UNITS.key, "level"): [c.label for c in DEFAULT_LEVELS],
        (UNITS.key, "kind"): [c.label for c in DEFAULT_UNIT_KINDS],
        (STAFF.key, "kind"): [k.label for k in EmploymentKind],
        (EQUIPMENT.key, "condition"): [c.label for c in Condition],
    }


# What a header's note tells whoever fills the sheet in.
HINTS = {
    (UNITS.key, "code"): "Mã riêng của đơn vị, không trùng. Nhập lại tệp: đơn vị cùng mã được cập nhật.",
    (UNITS.key, "area_m2"): "Số mét vuông, viết 225,78 hoặc 225.78.",
    (UNITS.key, "sort_order"): "Số thứ tự (STT) trong báo cáo; để trống: xếp cuối danh sách.",
    (STAFF.key, "person_code"): "Các dòng cùng mã là các lần phân công của một người (điều chuyển). "
    "Để trống: một người mới, chương trình tự cấp mã CB…",
    (STAFF.key, "unit_code"): "Mã ở trang Đơn vị (trong tệp này hoặc đã có trong dữ liệu).",
    (STAFF.key, "fields"): "Nhiều lĩnh vực cách nhau bằng dấu chấm phẩy (;).",
    (STAFF.key, "start"): "Ngày dạng dd/mm/yyyy. Để trống: từ trước đến nay.",
    (STAFF.key, "end"): "Ngày cuối cùng còn làm việc, dạng dd/mm/yyyy. Để trống: đang làm việc.",
    (EQUIPMENT.key, "type"): "Loại chưa có trong danh mục sẽ được thêm vào danh mục.",
    (EQUIPMENT.key, "quantity"): "Số nguyên không âm.",
    (UNITS.key, "admin_name"): "Tên đơn vị hành chính (ĐVHC) của bộ phận, ví dụ: xã Quang Lang.",
    (UNITS.key, "rules"): "Số, ngày của quyết định ban hành quy chế hoạt động.",
    (STAFF.key, "decision"): "Quyết định phân công (cử, biệt phái) người này về bộ phận.",
    (EQUIPMENT.key, "serial"): "Số hiệu, số sê-ri hoặc mã tài sản của thiết bị.",
    (TYPES.key, "type"): "Tên loại thiết bị, không trùng. Nhập lại tệp: loại cùng tên được cập nhật.",
    (TYPES.key, "sort_order"): "Thứ tự của loại trong danh mục và trong báo cáo.",
    (TYPES.key, "norm"): "Số thiết bị một bộ phận ở cấp này cần có; để trống: không có định mức.",
}


def _fill_sheet(ws: Worksheet, sheet: Sheet, lists: dict[tuple[str, str], list[str]],
                columns: tuple[Column, ...] | None = None) -> None:
    ws.title = sheet.title
    columns = tuple(c for c in (sheet.columns if columns is None else columns) if c.key != ROW_ID)
    for i, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i, value=column.label)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        hint = HINTS.get((sheet.key, column.key.split(":")[0]))
        if hint:
            cell.comment = Comment(hint, "Một Cửa Desktop", width=260, height=90)
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = column.width
        cells = f"{letter}2:{letter}{DATA_ROWS + 1}"
        words = lists.get((sheet.key, column.key))
        if words:
            dv = DataValidation(type="list", formula1='"' + ",".join(words) + '"', allow_blank=True)
            dv.errorTitle = "Giá trị không hợp lệ"
            dv.error = "Hãy chọn một giá trị trong danh sách: " + ", ".join(words)
            dv.promptTitle = column.label
            dv.prompt = "Chọn: " + ", ".join(words)
            dv.add(cells)
            ws.add_data_validation(dv)
        if column.key in ("start", "end"):
            for row in range(2, DATA_ROWS + 2):
                ws.cell(row=row, column=i).number_format = "DD/MM/YYYY"
    ws.freeze_panes = "A2"


def build_template() -> Workbook:
    wb = Workbook()
    lists = value_lists()
    for index, sheet in enumerate((UNITS, STAFF, EQUIPMENT)):
        _fill_sheet(wb.worksheets[0] if index == 0 else wb.create_sheet(), sheet, lists)
    norms = tuple(norm_column(level.label) for level in DEFAULT_LEVELS)
    _fill_sheet(wb.create_sheet(), TYPES, lists, (*TYPES.columns, *norms))
    wb.properties.creator = "Một Cửa Desktop"
    wb.properties.title = "Mẫu nhập dữ liệu Bộ phận Một cửa"
    fixed = datetime(2024, 1, 1)
    wb.properties.created = wb.properties.modified = fixed
    return wb


def template_path() -> Path:
    return paths.resources_dir() / TEMPLATE_NAME


def write_template(out: Path | None = None) -> Path:
    out = out or template_path()
    build_template().save(out)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = write_template(Path(args[0]) if args else None)
    print(f"Đã ghi mẫu nhập {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
