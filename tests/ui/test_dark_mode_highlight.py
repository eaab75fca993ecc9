"""Highlighted rows stay readable in Windows' dark mode, where the palette's text is white."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from motcua_desktop.ui.table_model import Column, RecordTableModel


def _luminance(c: QColor) -> float:
    def chan(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * chan(c.redF()) + 0.7152 * chan(c.greenF()) + 0.0722 * chan(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture
def dark(qapp):
    before = QGuiApplication.palette()
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#ffffff"))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def _shown(model: RecordTableModel, palette: QPalette, row: int) -> tuple[QColor, QColor]:
    """(text colour, background colour) a view paints the row's first cell with."""
    index = model.index(row, 0)
    fg = index.data(Qt.ItemDataRole.ForegroundRole)
    bg = index.data(Qt.ItemDataRole.BackgroundRole)
    return (fg.color() if fg is not None else palette.color(QPalette.ColorRole.Text),
            bg.color() if bg is not None else palette.color(QPalette.ColorRole.Base))  # fmt: skip


@pytest.mark.parametrize("highlight_text", [False, True])
def test_highlighted_rows_are_readable_in_dark_mode(dark, highlight_text):
    model = RecordTableModel([Column("Tên", str)], str, highlight=lambda r: r == "đã nghỉ",
                             highlight_text=highlight_text)  # fmt: skip
    model.set_rows(["đang làm", "đã nghỉ"])
    text, background = _shown(model, dark, 1)
    assert contrast(text, background) >= 4.5, (text.name(), background.name())
    plain_text, plain_background = _shown(model, dark, 0)
    assert contrast(plain_text, plain_background) >= 4.5
    assert (text.name(), background.name()) != (plain_text.name(), plain_background.name())  # still marked
