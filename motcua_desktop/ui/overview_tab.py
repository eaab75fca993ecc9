"""The "Tổng quan" tab: per unit the appendix's three staff counts and the equipment still
missing, district totals, units below the norm highlighted, and a bar chart of staff."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.counting import StaffCount
from ..domain.grouping import tree_order
from ..domain.model import Unit
from ..domain.text import format_date, format_number
from ..store.registry import Registry
from .bar_chart import Bar, StaffBarChart
from .empty_state import EmptyState
from .table_model import ALERT_BACKGROUND, WARN_TEXT, Column, RecordTableModel, short_unit_name


@dataclass(frozen=True)
class OverviewRow:
    unit: Unit | None  # None: the "Tổng cộng" row
    count: StaffCount
    missing: int
    missing_types: str
    position: int = 0  # place in the tree order: a unit's điểm tiếp nhận right after it
    depth: int = 0
    level: str = ""

    @property
    def below_norm(self) -> bool:
        return self.unit is not None and (self.missing > 0 or self.count.total == 0)


def _order(r: OverviewRow) -> tuple:
    return (1, 0, 0) if r.unit is None else (0, r.position, r.unit.id or 0)


def _name(r: OverviewRow) -> str:
    if r.unit is None:
        return "Tổng cộng"
    return ("    " * r.depth + "↳ " if r.depth else "") + _short(r.unit.name)


def overview_columns() -> list[Column]:
    # One meaning per colour: red text = equipment below the norm (in the two equipment
    # columns only); violet background = a unit with nobody working there (its Tổng số).
    short = lambda r: r.unit is not None and r.missing > 0  # noqa: E731
    empty = lambda r: r.unit is not None and r.count.total == 0  # noqa: E731
    return [
        Column("STT", lambda r: "" if r.unit is None else str(r.unit.sort_order), _order, numeric=True),
        Column("Đơn vị", _name, lambda r: (r.unit is None, r.unit.name if r.unit else "")),
        Column("Tổng số", lambda r: format_number(r.count.total), lambda r: r.count.total, numeric=True,
               alert=empty),
        Column("Biên chế, biệt phái", lambda r: format_number(r.count.own),
               lambda r: r.count.own, numeric=True),
        Column("Cơ quan khác cử đến", lambda r: format_number(r.count.sent),
               lambda r: r.count.sent, numeric=True),
        Column("Hỗ trợ", lambda r: format_number(r.count.support), lambda r: r.count.support, numeric=True),
        Column("Cấp", lambda r: r.level),
        Column("Thiết bị thiếu", lambda r: format_number(r.missing), lambda r: r.missing, numeric=True,
               warn=short),
        Column("Thiếu loại", lambda r: r.missing_types, warn=short),
    ]


def _short(name: str) -> str:
    """The part of a unit's name worth the room: after "Bộ phận Một cửa" or the centre's name."""
    return short_unit_name(name).removeprefix("Trung tâm Phục vụ hành chính công ")


class OverviewTab(QWidget):
    def __init__(self, registry: Registry, parent: QWidget | None = None,
                 clock: Callable[[], date] = date.today, load: bool = True):
        super().__init__(parent)
        self.setObjectName("overviewTab")
        self.registry = registry
        self.today = clock  # today's date, asked at each use (the window stays open past midnight)
        self.heading = QLabel(self)
        self.heading.setObjectName("overviewHeading")
        self.heading.setWordWrap(True)
        self.heading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.model = RecordTableModel(overview_columns(), lambda r: r.unit.name if r.unit else "", self)
        self.legend = QLabel(self)
        self.legend.setObjectName("overviewLegend")
        self.legend.setWordWrap(True)
        self.legend.setText(self.tr(
            "<span style='color:%1'><b>Chữ đỏ</b></span>: còn thiếu thiết bị so với định mức"
            " &nbsp;·&nbsp; <span style='background:%2'>&nbsp;<b>Nền tím</b>&nbsp;</span>: "
            "đơn vị chưa có cán bộ nào &nbsp;·&nbsp; Biểu đồ: số cán bộ mỗi đơn vị theo thứ tự báo cáo")
            .replace("%1", WARN_TEXT.name()).replace("%2", ALERT_BACKGROUND.name()))
        self.table = QTableView(self)
        self.table.setObjectName("overviewTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.chart = StaffBarChart(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chart)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 330])  # at 1024 px the equipment columns stay in view
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.legend)
        self.empty_state = EmptyState(self)
        layout.addWidget(self.empty_state)
        layout.addWidget(splitter, 1)
        if load:
            self.reload()
        for column, width in enumerate((40, 150, 62, 124, 138, 96)):
            self.table.setColumnWidth(column, width)

    def set_read_only(self, read_only: bool) -> None:
        """The overview only shows figures: nothing here writes."""

    def reload(self) -> None:
        today = self.today()
        table = self.registry.staff_table(today)
        missing: dict[int, list[str]] = {}
        missing_count: dict[int, int] = {}
        for s in self.registry.shortfall():
            if s.missing:
                missing.setdefault(s.unit_id, []).append(f"{s.missing} {s.type_name}")
                missing_count[s.unit_id] = missing_count.get(s.unit_id, 0) + s.missing
        levels = {c.code: c.label for c in self.registry.units.levels()}
        rows = [OverviewRow(t.row.unit, t.row.count, missing_count.get(t.row.unit.id, 0),
                            "; ".join(missing.get(t.row.unit.id, [])), i, t.depth,
                            levels.get(t.row.unit.level, t.row.unit.level))
                for i, t in enumerate(tree_order(table.rows))]
        total_missing = sum(missing_count.values())
        rows.append(OverviewRow(None, table.total, total_missing, ""))
        self.model.set_rows(rows)
        below = sum(1 for r in rows if r.unit is not None and r.missing > 0)
        empty = sum(1 for r in rows if r.unit is not None and r.count.total == 0)
        self.heading.setText(self.tr(
            "Số liệu ngày %1: %2 đơn vị, %3 cán bộ (%4 thuộc biên chế hoặc biệt phái, %5 do cơ quan "
            "chuyên môn cử đến). %6 đơn vị còn thiếu thiết bị so với định mức (chữ đỏ); %7 đơn vị "
            "chưa có cán bộ (nền tím)."
        ).replace("%7", format_number(empty)).replace("%1", format_date(today)).replace("%2", format_number(len(table.rows)))
            .replace("%3", format_number(table.total.total)).replace("%4", format_number(table.total.own))
            .replace("%5", format_number(table.total.sent)).replace("%6", format_number(below)))
        self.chart.set_bars([
            Bar(("· " * r.depth) + _short(r.unit.name), r.count.own, r.count.sent, r.count.total == 0)
            for r in rows if r.unit is not None
        ])

    def row_for(self, unit_id: int) -> OverviewRow | None:
        for r in self.model.records():
            if r.unit is not None and r.unit.id == unit_id:
                return r
        return None
