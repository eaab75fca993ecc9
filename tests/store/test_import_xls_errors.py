"""An error cell of an .xls (#REF!, #DIV/0!) is an error naming the cell, as in an
.xlsx; before, calamine read it as a blank and the row was imported without the value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xlwt

from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.sheets import read_book
from motcua_desktop.store.sheets.xls_errors import xls_error_cells
from motcua_desktop.store.transfer import import_file

UNITS = [["Mã", "Tên đơn vị", "Cấp", "Loại"], ["X1", "Bộ phận Một cửa xã Yên Trạch", "Xã", "xã"]]
STAFF = [["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Hình thức", "Từ ngày"],
         ["P1", "Lường Thị Hà", 1985, "X1", "Biên chế", "01/01/2020"],
         ["P2", "Nông Văn Sơn", None, "X1", "Biên chế", None]]  # fmt: skip


def _xls(path: Path) -> Path:
    """Cán bộ!C3 holds #REF! as a value (a BOOLERR record, as Excel saves a pasted error) and
    Cán bộ!F3 a formula whose saved result is #DIV/0! (a FORMULA record)."""
    book = xlwt.Workbook(encoding="utf-8")
    for title, rows in (("Đơn vị", UNITS), ("Cán bộ", STAFF)):
        sheet = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
    staff = book.get_sheet(1)
    staff.row(2).set_cell_error(2, "#REF!")
    staff.write(2, 5, xlwt.Formula("1/0"))
    book.save(str(path))
    # xlwt saves a formula's result as an empty text; make it the error Excel would save
    data = bytearray(path.read_bytes())
    record = re.search(rb"\x06\x00..\x02\x00\x05\x00", data, re.DOTALL)  # FORMULA at row 2, column 5
    assert record is not None
    result = record.start() + 4 + 6  # after the row, column and format
    assert data[result] == 3 and data[result + 6 : result + 8] == b"\xff\xff"
    data[result], data[result + 2] = 2, 0x07  # an error result: #DIV/0!
    path.write_bytes(bytes(data))
    return path


def test_error_cells_of_an_xls_are_found(tmp_path):
    path = _xls(tmp_path / "loi.xls")
    assert xls_error_cells(path) == {"Cán bộ": {(3, 2): "#REF!", (3, 5): "#DIV/0!"}}
    grid = next(g for g in read_book(path) if g.name == "Cán bộ")
    assert grid.rows[2][1][2] == "#REF!" and grid.rows[2][1][5] == "#DIV/0!"


def test_an_xls_error_cell_is_an_error_naming_the_cell_and_nothing_is_imported(registry, tmp_path):
    with pytest.raises(InputRejected) as refused:
        import_file(registry, _xls(tmp_path / "loi.xls"))
    found = {d.cell: (d.who, d.label, d.message) for d in refused.value.details}
    assert found == {
        "Cán bộ!C3": ("Nông Văn Sơn", "Năm sinh", "ô bị lỗi công thức (#REF!); hãy sửa công thức hoặc nhập giá trị"),
        "Cán bộ!F3": ("Nông Văn Sơn", "Từ ngày", "ô bị lỗi công thức (#DIV/0!); hãy sửa công thức hoặc nhập giá trị"),
    }
    assert registry.staff.people() == []


def test_an_xls_without_error_cells_and_a_file_that_is_not_one_give_none(tmp_path):
    formats = Path(__file__).resolve().parents[1] / "data" / "formats"
    assert xls_error_cells(formats / "du_lieu.xls") == {}
    not_ole = tmp_path / "hong.xls"
    not_ole.write_bytes(b"PK\x03\x04 not an OLE file")
    assert xls_error_cells(not_ole) == {}
