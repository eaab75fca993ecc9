"""Overview: counts per unit from the counting rule, totals, highlighted units, the chart;
it follows the changes made in the other tabs and their undo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from motcua_desktop.domain.model import Assignment, EmploymentKind, Person


@pytest.fixture(autouse=True)
def _overview_tab_shown(window):
    """The tab loads its rows when shown, as for a user clicking it."""
    window.tabs.setCurrentWidget(window.overview_tab)


def test_overview_shows_the_seed_counts_and_total(window):
    tab = window.overview_tab
    rows = tab.model.records()
    assert rows[-1].unit is None and rows[-1].count.total == 119
    assert (rows[-1].count.own, rows[-1].count.sent) == (112, 7)
    district = window.registry.units.by_code("H-CHILANG")
    row = tab.row_for(district.id)
    assert (row.count.total, row.count.own, row.count.sent) == (13, 10, 3)
    last = tab.model.rowCount() - 1
    assert tab.model.index(last, 1).data() == "Tổng cộng"
    assert "19/04/2024" in tab.heading.text()


def test_each_colour_has_one_meaning_shown_in_the_legend(window):
    from motcua_desktop.domain.model import Unit
    from motcua_desktop.ui.table_model import ALERT_BACKGROUND, WARN_TEXT

    tab = window.overview_tab
    # a new unit with nobody working there yet: "no staff", which is not "short of equipment"
    window.ops.add_unit(Unit(code="X-MOI", name="Bộ phận Một cửa xã Mới", level="xa", kind="xa"))
    new = tab.row_for(window.registry.units.by_code("X-MOI").id)
    assert new.count.total == 0
    titles = [c.title for c in tab.model.columns]
    missing_col, total_col = titles.index("Thiết bị thiếu"), titles.index("Tổng số")
    assert any(tab.model.record(r).missing > 0 for r in range(tab.model.rowCount()))
    for r in range(tab.model.rowCount()):
        record = tab.model.record(r)
        red = tab.model.index(r, missing_col).data(Qt.ItemDataRole.ForegroundRole)
        assert (red is not None) == (record.unit is not None and record.missing > 0)
        if red is not None:
            assert red.color() == WARN_TEXT
        # the unit's name is never coloured: red no longer doubles as "no staff"
        assert tab.model.index(r, 1).data(Qt.ItemDataRole.ForegroundRole) is None
        violet = tab.model.index(r, total_col).data(Qt.ItemDataRole.BackgroundRole)
        assert (violet is not None) == (record.unit is not None and record.count.total == 0)
        assert (violet is not None) == (record is new)
    legend = tab.legend.text()
    assert "Chữ đỏ" in legend and "thiếu thiết bị" in legend
    assert "Nền tím" in legend and "chưa có cán bộ" in legend and ALERT_BACKGROUND.name() in legend


def test_chart_has_one_bar_per_unit_and_paints(window, qtbot):
    chart = window.overview_tab.chart
    assert len(chart.bars) == 21
    district = next(b for b in chart.bars if b.label == "huyện Chi Lăng")
    assert (district.own, district.sent) == (10, 3)
    image = chart.grab()
    assert not image.isNull() and image.height() >= 21 * 16


def test_overview_follows_a_transfer_an_end_and_their_undo(window):
    reg = window.registry
    tab = window.overview_tab
    window.tabs.setCurrentWidget(tab)
    dongmo = reg.units.by_code("TT-DONGMO")
    district = reg.units.by_code("H-CHILANG")
    ops = window.ops
    person, assignment = ops.add_staff(
        Person(full_name="Trần Văn Mới"),
        Assignment(None, dongmo.id, EmploymentKind.CU_DEN, sending_agency="Bảo hiểm xã hội huyện",
                   start=date(2024, 1, 1)))
    assert tab.row_for(dongmo.id).count.sent == 1
    ops.transfer(assignment.id, district.id, date(2024, 4, 1))
    assert tab.row_for(dongmo.id).count.sent == 0
    assert tab.row_for(district.id).count.sent == 4
    [current] = [a for a in reg.staff.assignments_of(person.id) if a.end is None]
    ops.end_assignment(current.id, date(2024, 4, 10))
    assert tab.row_for(district.id).count.sent == 3
    assert tab.model.records()[-1].count.total == 119
    for _ in range(3):
        window.action_undo.trigger()
    assert tab.model.records()[-1].count.total == 119
    assert all(p.full_name != "Trần Văn Mới" for p in reg.staff.people())
    assert tab.row_for(dongmo.id).count.sent == 0
