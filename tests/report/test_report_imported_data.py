"""A register imported from a workbook we did not write: the appendix in PDF, DOCX and XLSX
follows the counting rule as of the chosen date (transfers, leavers, late starters)."""

from __future__ import annotations

import unicodedata

import openpyxl
import pdfplumber
import pytest
from docx import Document
from report_seed import run_cli

UNITS = [
    ("H01", "Bộ phận Một cửa huyện Hữu Lũng", "Huyện", "huyện", "Số 1 đường Chính, thị trấn Hữu Lũng", "120,5", 1),
    ("X02", "Bộ phận Một cửa xã Yên Thịnh", "Xã", "xã", "", "", 3),
    ("T03", "Bộ phận Một cửa thị trấn Hữu Lũng", "Xã", "thị trấn", "", "", 2),
]
STAFF = [  # Mã cán bộ, Họ và tên, Mã đơn vị, Hình thức, Cơ quan cử, Từ ngày, Đến ngày
    ("A1", "Nguyễn Văn An", "H01", "Biên chế", "", "01/01/2020", ""),
    ("B2", "Trần Thị Bình", "H01", "cử đến", "Công an huyện Hữu Lũng", "01/07/2022", "31/05/2024"),
    ("C3", "Lê Văn Cường", "X02", "Biên chế", "", "01/01/2019", "14/03/2024"),
    ("C3", "Lê Văn Cường", "T03", "Biệt phái", "", "15/03/2024", ""),
    ("D4", "Phạm Thị Dung", "X02", "Cử đến", "Bảo hiểm xã hội huyện", "01/07/2024", ""),
    ("E5", unicodedata.normalize("NFD", "Hoàng Văn Ếch"), "X02", "Biên chế", "", "30/06/2024", ""),
    ("F6", "Đỗ Thị Phượng", "X02", "Cử đến", "Chi nhánh Văn phòng đăng ký đất đai", "01/01/2023", "30/06/2024"),
]
# (unit, total, own, sent) in the workbook's order (Thứ tự), and the totals
EXPECTED = {
    "2024-06-30": ([("Bộ phận Một cửa huyện Hữu Lũng", 1, 1, 0), ("Bộ phận Một cửa thị trấn Hữu Lũng", 1, 1, 0),
                    ("Bộ phận Một cửa xã Yên Thịnh", 2, 1, 1)], (4, 3, 1)),
    "2024-03-14": ([("Bộ phận Một cửa huyện Hữu Lũng", 2, 1, 1), ("Bộ phận Một cửa thị trấn Hữu Lũng", 0, 0, 0),
                    ("Bộ phận Một cửa xã Yên Thịnh", 2, 1, 1)], (4, 2, 2)),
}


@pytest.fixture
def imported_db(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Đơn vị"
    ws.append(["Mã", "Tên đơn vị", "Cấp", "Loại", "Địa chỉ", "Diện tích (m²)", "Thứ tự", "Ghi chú"])
    for u in UNITS:
        ws.append([*u, ""])
    ws = wb.create_sheet("Cán bộ")
    ws.append(["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Chức vụ", "Hình thức", "Cơ quan cử",
               "Lĩnh vực", "Từ ngày", "Đến ngày", "Điện thoại", "Ghi chú"])
    for code, name, unit, kind, agency, start, end in STAFF:
        ws.append([code, name, None, unit, "", kind, agency, "", start, end, "", ""])
    book = tmp_path / "ngoai.xlsx"
    wb.save(book)
    db = tmp_path / "huu_lung.sqlite"
    assert run_cli("init", "--db", str(db)) == 0
    assert run_cli("import", "--db", str(db), str(book)) == 0
    return db


@pytest.mark.parametrize("as_of", sorted(EXPECTED))
def test_appendix_follows_the_counting_rule_in_every_format(imported_db, tmp_path, as_of):
    rows, totals = EXPECTED[as_of]
    for fmt in ("pdf", "docx", "xlsx"):
        out = tmp_path / f"bc-{as_of}.{fmt}"
        assert run_cli("report", "--db", str(imported_db), "--as-of", as_of, "--out", str(out)) == 0
        got_rows, got_total = _read(out, fmt)
        assert got_rows == rows, fmt
        assert got_total == totals, fmt


def _read(path, fmt):
    if fmt == "xlsx":
        cells = [[c.value for c in r] for r in openpyxl.load_workbook(path).worksheets[0].iter_rows()]
    elif fmt == "docx":
        cells = [[c.text for c in r.cells] for r in Document(path).tables[2].rows]
    else:
        with pdfplumber.open(path) as doc:
            cells = [r for p in doc.pages for t in p.extract_tables() for r in t]
    units = [(r[1].replace("\n", " "), int(r[2] or 0), int(r[3] or 0), int(r[4] or 0))
             for r in cells if r[0] is not None and str(r[0]).isdigit()]
    total = next(tuple(int(v or 0) for v in r[2:5]) for r in cells if r[1] == "Tổng cộng")
    return units, total
