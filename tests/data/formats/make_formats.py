"""Writes the same small register as .xlsx, .xls, .ods and .csv files (run once; the files
are committed so the tests need neither Excel nor LibreOffice):

    .venv/bin/python tests/data/formats/make_formats.py

.xls by xlwt, .ods by odfpy, .xlsx by openpyxl; the .csv files are one per sheet, UTF-8.
Dates are real date cells (text in the .csv), numbers real numbers.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

SHEETS: dict[str, list[list]] = {
    "Đơn vị": [
        ["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú"],
        ["H-DS", "Bộ phận Một cửa huyện Đông Sơn", "Huyện", "huyện", "Thị trấn Rừng Thông", 225.78, 1, ""],
        ["XA-DT", "Bộ phận Một cửa xã Đông Tiến", "Xã", "xã", "", 48.5, 2, "Trụ sở mới"],
    ],
    "Cán bộ": [
        ["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức", "Cơ quan cử",
         "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"],
        ["P1", "Lê Thị Hòa", 1985, "H-DS", "Công chức Tư pháp", "Biên chế", "", "Tư pháp - Hộ tịch",
         date(2020, 1, 1), None, "0912345678", ""],
        ["P2", "Nguyễn Văn Đức", 1979, "H-DS", "Chuyên viên", "Cử đến", "Chi nhánh VP đăng ký đất đai",
         "Đất đai; Xây dựng", date(2019, 3, 15), date(2024, 5, 31), "", "đã chuyển"],
        ["P2", "Nguyễn Văn Đức", 1979, "XA-DT", "Chuyên viên", "Biệt phái", "", "Đất đai",
         date(2024, 6, 1), None, "", ""],
    ],
    "Thiết bị": [
        ["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng", "Ghi chú"],
        ["H-DS", "Máy in", 2, "Tốt", 2021, ""],
        ["XA-DT", "Máy vi tính", 3, "Hỏng", 2018, "chờ sửa"],
    ],
}
CSV_NAMES = {"Đơn vị": "don_vi.csv", "Cán bộ": "can_bo.csv", "Thiết bị": "thiet_bi.csv"}


def write_xlsx(path: Path) -> None:
    sys.path.insert(0, str(HERE.parents[1]))
    from xlsx_files import write_xlsx as write  # openpyxl gives date cells a date format itself

    write(path, SHEETS)


def write_xls(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    dates = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for title, rows in SHEETS.items():
        sheet = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, date):
                    sheet.write(r, c, value, dates)
                else:
                    sheet.write(r, c, value)
    book.save(str(path))


def write_ods(path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for title, rows in SHEETS.items():
        table = Table(name=title)
        for row in rows:
            tr = TableRow()
            for value in row:
                if value is None or value == "":
                    tr.addElement(TableCell())
                    continue
                if isinstance(value, date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat())
                    text = value.strftime("%d/%m/%Y")
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value)
                    text = str(value)
                else:
                    cell = TableCell(valuetype="string")
                    text = value
                cell.addElement(P(text=text))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


def write_csv(folder: Path) -> None:
    for title, rows in SHEETS.items():
        with (folder / CSV_NAMES[title]).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            for row in rows:
                writer.writerow(["" if v is None else v.strftime("%d/%m/%Y") if isinstance(v, date)
                                 else str(v).replace(".", ",") if isinstance(v, float) else v
                                 for v in row])  # fmt: skip


def main() -> None:
    write_xlsx(HERE / "du_lieu.xlsx")
    write_xls(HERE / "du_lieu.xls")
    write_ods(HERE / "du_lieu.ods")
    (HERE / "csv").mkdir(exist_ok=True)
    write_csv(HERE / "csv")


if __name__ == "__main__":
    main()
