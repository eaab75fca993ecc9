"""The reusable reader layer (motcua_desktop.store.sheets) on its own: it knows nothing of the
import template, only the vocabulary a caller gives it (the column-mapping import builds on it)."""

from __future__ import annotations

import pytest

from motcua_desktop.store.sheets import Vocabulary, find_footer, find_header
from motcua_desktop.store.sheets.headers import footer_text, label_key

WORDS = {"ho va ten": "name", "ngay sinh": "born", "don vi": "unit"}
VOCAB = Vocabulary(lambda text: (WORDS[label_key(text)], text) if label_key(text) in WORDS else None,
                   {"ho dem": ("name", 0), "ten": ("name", 1)})


def test_header_under_titles_and_split_over_two_rows():
    rows = [(1, ("DANH SÁCH",)), (2, ()), (3, ("STT", "Họ và tên", None, "Đơn vị")),
            (4, (None, "Họ đệm", "Tên", None)), (5, (1, "Lê Văn", "An", "Xã A"))]
    header = find_header(rows, VOCAB)
    assert (header.first_row, header.last_row) == (3, 4)
    assert header.ignored == ["STT"]
    values = header.row_values(rows[4][1])
    assert values[header.columns["name"]] == "Lê Văn An" and values[header.columns["unit"]] == "Xã A"


def test_a_data_row_under_the_header_is_not_taken_for_a_second_header_row():
    rows = [(1, ("Họ và tên", "Đơn vị")), (2, ("Tên", "Xã A"))]
    header = find_header(rows, VOCAB)
    assert header.last_row == 1 and not header.joins


@pytest.mark.parametrize(("text", "footer"), [
    ("Tổng cộng: 3 người", True), ("Cộng 3 người", True), ("Người lập biểu", True),
    ("Đông Sơn, ngày 19 tháng 4 năm 2024", True), ("TM. ỦY BAN NHÂN DÂN", True),
    ("Cộng Văn An", False), ("Nguyễn Văn Thành", False), ("Tống Thị Lan", False),
])  # fmt: skip
def test_footer_lines(text, footer):
    assert (footer_text((None, text)) is not None) is footer


def test_the_footer_ends_the_table():
    rows = [(1, ("Họ và tên",)), (2, ("An",)), (3, ("Tổng cộng: 1",)), (4, ("Lê Văn Cường",))]
    assert find_footer(rows, 1) == 2
