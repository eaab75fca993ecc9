"""Block and row kinds are enums: a misspelt kind fails when the element is built, and every
kind the content can produce has a style in every renderer."""

from __future__ import annotations

import pytest

from motcua_desktop.report import layout
from motcua_desktop.report.appendix import TableRow
from motcua_desktop.report.content import Block, split_blocks
from motcua_desktop.report.kinds import BlockKind, RowKind


def test_a_kind_given_as_a_string_is_refused():
    with pytest.raises(TypeError, match="BlockKind"):
        Block("I. Kết quả", "section")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="RowKind"):
        TableRow(("", "Tổng cộng"), "totl")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        TableRow(("", "Tổng cộng"), BlockKind.SECTION)  # type: ignore[arg-type]


def test_the_body_is_split_into_blocks_of_each_kind():
    blocks = split_blocks("I. Kết quả\n\n1. Tiếp nhận\n\na) Hồ sơ\n\nCâu văn kết thúc.")
    assert [b.kind for b in blocks] == [BlockKind.SECTION, BlockKind.HEADING1, BlockKind.HEADING2,
                                       BlockKind.BODY]  # fmt: skip
    assert all(type(b.kind) is BlockKind for b in blocks)


def test_every_block_kind_has_a_pdf_style():
    from motcua_desktop.report.fonts import report_fonts
    from motcua_desktop.report.pdf import _styles

    styles = _styles(report_fonts())
    assert set(BlockKind) <= set(styles)


def test_bold_rows_are_the_headings_groups_and_totals():
    assert {k for k in RowKind if layout.emphasised(k)} == {RowKind.SECTION, RowKind.GROUP, RowKind.TOTAL}
