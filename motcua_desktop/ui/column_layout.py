"""Column widths and visibility of a list: name columns as wide as their text (measured on the
rows once data first arrives, capped), rarely used columns hidden until asked for from the
header's context menu, and the user's own widths remembered only once they have set them."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from .settings import UiSettings
from .table_model import RecordTableModel

FIT_CAP = 380  # px: a name column never takes more than this unless the user drags it
OTHER_CAP = 220  # px: any other column, sized to its header and first rows
SAMPLE_ROWS = 3000  # rows measured for a name column (a province has 20,000 people)
PADDING = 28  # cell margins and the sort arrow


class ColumnLayout(QObject):
    def __init__(self, table: QTableView, model: RecordTableModel, settings: UiSettings, key: str):
        super().__init__(table)
        self.table, self.model, self.settings, self.key = table, model, settings, key
        self.header = table.horizontalHeader()
        self.user_set = False  # the user dragged a width or chose columns: keep their layout
        self.fitted = False  # sized from real rows (an empty list is sized again later)
        self._busy = False
        self._laid_out_columns = 0
        self.header.sectionResized.connect(self._resized)
        self.header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.header.customContextMenuRequested.connect(self.show_menu)
        model.modelReset.connect(self.rows_changed)

    # layout -----------------------------------------------------------------------------
    def rows_changed(self) -> None:
        """After a load: lay the columns out the first time there are columns, and size
        them from the rows the first time there are rows."""
        columns = self.model.columnCount()
        if columns and columns != self._laid_out_columns:
            self._laid_out_columns = columns
            self._first_layout()
        if not self.user_set and not self.fitted and self.model.rowCount() > 0:
            self.fit()

    def _first_layout(self) -> None:
        state = self.settings.column_state(self.key)
        self._busy = True
        try:
            if state is not None and self.header.restoreState(state) and self.header.count() == self.model.columnCount():
                self.user_set = True
                return
        finally:
            self._busy = False
        self.reset(forget=False)

    def fit(self) -> None:
        """Name columns to their longest text (capped), the others to header and first rows."""
        self._busy = True
        try:
            metrics = self.table.fontMetrics()
            head_metrics = self.header.fontMetrics()
            rows = self.model.records()[:SAMPLE_ROWS]
            for index, column in enumerate(self.model.columns):
                if self.header.isSectionHidden(index):
                    continue
                head = head_metrics.horizontalAdvance(column.title) + PADDING
                if column.fit:
                    widest = max((metrics.horizontalAdvance(column.display(r)) for r in rows), default=0)
                    self.header.resizeSection(index, min(max(head, widest + PADDING), FIT_CAP))
                else:
                    self.table.resizeColumnToContents(index)
                    self.header.resizeSection(index, min(max(head, self.header.sectionSize(index)), OTHER_CAP))
            self.fitted = bool(rows)
        finally:
            self._busy = False

    def _resized(self, _index: int, _old: int, _new: int) -> None:
        # Qt resizes the stretched last section itself whenever the window changes size
        if not self._busy and _index != self._last_visible():
            self.user_set = True

    def _last_visible(self) -> int:
        for logical in reversed(range(self.header.count())):
            if not self.header.isSectionHidden(logical):
                return logical
        return -1

    # choosing columns -------------------------------------------------------------------
    def menu(self) -> QMenu:
        menu = QMenu(self.table)
        menu.setObjectName("columnMenu")
        for index, column in enumerate(self.model.columns):
            action = QAction(column.title, menu)
            action.setCheckable(True)
            action.setChecked(not self.header.isSectionHidden(index))
            action.toggled.connect(lambda on, i=index: self.set_column_shown(i, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("Trở về mặc định (cột và độ rộng)"))
        reset.triggered.connect(self.reset)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        self.menu().popup(self.header.mapToGlobal(pos))

    def set_column_shown(self, index: int, shown: bool) -> None:
        if not shown and sum(not self.header.isSectionHidden(i) for i in range(self.header.count())) <= 1:
            return  # the last visible column stays
        self.header.setSectionHidden(index, not shown)
        self.user_set = True
        if shown:
            self._busy = True
            try:
                self.table.resizeColumnToContents(index)
                self.header.resizeSection(index, min(self.header.sectionSize(index), FIT_CAP))
            finally:
                self._busy = False

    def reset(self, forget: bool = True) -> None:
        """The columns as the program lays them out: rare ones hidden, widths from the rows."""
        self.user_set = False
        if forget:
            self.settings.clear_column_state(self.key)
        self._busy = True
        try:
            for index, column in enumerate(self.model.columns):
                self.header.setSectionHidden(index, column.hidden)
        finally:
            self._busy = False
        self.fit()

    # remembering ------------------------------------------------------------------------
    def save(self) -> None:
        if self.user_set:
            self.settings.set_column_state(self.key, self.header.saveState())
        else:  # widths the program chose are chosen again next time, from the rows then
            self.settings.clear_column_state(self.key)
