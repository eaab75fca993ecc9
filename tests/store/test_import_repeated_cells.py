"""A cell value repeated on many rows is read once per sheet, but
values that only compare equal (1, 1.0 and TRUE; a number and its text) still read as
themselves, and a bad cell is reported on every row that has it."""

from __future__ import annotations

import pytest

from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import import_file
from tests.xlsx_files import write_xlsx

UNITS = [["Mã", "Tên đơn vị", "Cấp", "Loại"], ["X1", "Bộ phận Một cửa xã Yên Trạch", "Xã", "xã"]]
HEADER = ["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng", "Ghi chú"]


def test_equal_values_of_other_types_read_as_themselves(registry, tmp_path):
    rows = [["X1", "Máy in", 1, "Tốt", 2015 + i, note] for i, note in enumerate([True, 1, 1.0, "1", True, False])]
    import_file(registry, write_xlsx(tmp_path / "a.xlsx", {"Đơn vị": UNITS, "Thiết bị": [HEADER, *rows]}))
    notes = [i.notes for i in sorted(registry.equipment.items(), key=lambda i: i.year_in_service)]
    assert notes == ["Có", "1", "1", "1", "Có", "Không"]


def test_the_same_bad_cell_is_reported_on_each_row(registry, tmp_path):
    rows = [["X1", "Máy in", "nhiều", "Tốt", 2020, ""] for _ in range(3)]
    with pytest.raises(InputRejected) as refused:
        import_file(registry, write_xlsx(tmp_path / "a.xlsx", {"Đơn vị": UNITS, "Thiết bị": [HEADER, *rows]}))
    assert [d.cell for d in refused.value.details] == ["Thiết bị!C2", "Thiết bị!C3", "Thiết bị!C4"]
