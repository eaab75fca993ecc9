"""A table's first order is asked of the model through its public API (``sort_by_default``,
``sorted_by``); no tab reaches into the model's private state."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt

from motcua_desktop.ui.table_model import Column, RecordTableModel

UI = Path(__file__).resolve().parents[2] / "motcua_desktop" / "ui"
ROWS = [("Bình", 3), ("An", 1), ("Đức", 2)]


def _model() -> RecordTableModel:
    return RecordTableModel([Column("Tên", lambda r: r[0]), Column("Số", lambda r: str(r[1]), sort_key=lambda r: r[1])],
                            lambda r: r[0])


def _names(model: RecordTableModel) -> list[str]:
    return [model.record(i)[0] for i in range(model.rowCount())]


def test_a_default_sort_orders_the_next_load(qtbot):
    model = _model()
    assert model.sorted_by() is None
    assert model.sort_by_default(1)
    model.set_rows(ROWS)
    assert _names(model) == ["An", "Đức", "Bình"]
    assert model.sorted_by() == (1, Qt.SortOrder.AscendingOrder)


def test_a_sort_the_user_chose_is_kept_over_a_default(qtbot):
    model = _model()
    model.set_rows(ROWS)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert not model.sort_by_default(1)
    model.set_rows(ROWS)
    assert _names(model) == ["Đức", "Bình", "An"]  # Vietnamese collation: Đ after D, after B


def test_a_default_on_a_column_that_does_not_exist_is_refused(qtbot):
    model = _model()
    assert not model.sort_by_default(5) and model.sorted_by() is None


def test_the_units_tab_starts_in_report_order_and_knows_it(window):
    window.tabs.setCurrentWidget(window.units_tab)
    assert window.units_tab.model.sorted_by() == (0, Qt.SortOrder.AscendingOrder)
    header = window.units_tab.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.AscendingOrder)


def test_no_module_touches_another_objects_private_sort():
    found = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr == "_sort"
                    and not (isinstance(node.value, ast.Name) and node.value.id == "self")):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert found == []
