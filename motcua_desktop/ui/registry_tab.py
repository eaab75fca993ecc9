"""What the units, staff and equipment tabs share: a search box, a sortable table over a
``RecordTableModel`` + ``SearchProxy``, edit on double-click/Enter, a context menu and the
remembered column widths."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .column_layout import ColumnLayout
from .empty_state import EmptyState
from .icons import icon
from .read_only import take_away
from .settings import UiSettings
from .table_model import RecordTableModel, SearchProxy


class RegistryTab(QWidget):
    """Subclasses fill ``self.model``, add filters to ``self.filters`` and implement
    ``reload``, ``add``, ``edit_record`` and ``delete_selected`` (those that write marked
    ``@writes``), and list their writing actions in ``writing_actions``."""

    table_name = "table"
    search_name = "search"

    def __init__(self, model: RecordTableModel, settings: UiSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui_settings = settings
        self.model = model
        self.dialog: QWidget | None = None  # the open editor, if any (tests reach it here)
        self.read_only = False
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit(self)
        self.search.setObjectName(self.search_name)
        self.search.setPlaceholderText(self.tr("Tìm kiếm (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_query)

        self.table = QTableView(self)
        self.table.setObjectName(self.table_name)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # Qt's default indicator is descending: every list starts in report order instead
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Column widths from the rows on screen, not from a thousand rows (each a Python call).
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.verticalHeader().setResizeContentsPrecision(60)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.edit_current)

        self.filters = QHBoxLayout()
        self.filters.addWidget(self.search, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filters)
        self.toolbar_row = QHBoxLayout()
        layout.addLayout(self.toolbar_row)
        self.empty_state = EmptyState(self)  # what to do first, while there is nothing to list
        layout.addWidget(self.empty_state)
        layout.addWidget(self.table)
        self.context_actions: list[QAction | None] = []
        self.columns = ColumnLayout(self.table, model, settings, self.table_name)

    # selection --------------------------------------------------------------------------
    def selected_records(self) -> list[Any]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.record(r) for r in rows]

    def current_record(self) -> Any | None:
        index = self.table.currentIndex()
        if not index.isValid():
            selected = self.selected_records()
            return selected[0] if selected else None
        return self.proxy.record(index.row())

    def select_where(self, predicate) -> None:
        """Select the rows whose record matches (after a reload, to keep the user's place)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        first = None
        for row in range(self.proxy.rowCount()):
            if predicate(self.proxy.record(row)):
                index = self.proxy.index(row, 0)
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
                first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(first)

    def visible_records(self) -> list[Any]:
        return [self.proxy.record(r) for r in range(self.proxy.rowCount())]

    # actions ------------------------------------------------------------------------------
    def make_add_and_edit_actions(self, icon_name: str, label: str, object_name: str) -> None:
        """The tab's "Thêm …" action (Ctrl+N while the tab has focus) and its "Sửa…" action."""
        self.action_add = QAction(icon(icon_name), label, self)
        self.action_add.setObjectName(object_name)
        self.action_add.setShortcut(QKeySequence.StandardKey.New)
        self.action_add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action_add.triggered.connect(self.add)
        self.addAction(self.action_add)
        self.action_edit = QAction(icon("edit"), self.tr("Sửa…"), self)
        self.action_edit.triggered.connect(self.edit_current)

    def action_button(self, action: QAction) -> QPushButton:
        """A button in the tab's tool row for ``action``, shown and enabled as the action is."""
        button = QPushButton(action.icon(), action.text(), self)
        button.clicked.connect(action.trigger)

        def follow() -> None:
            button.setVisible(action.isVisible())
            button.setEnabled(action.isEnabled())

        action.changed.connect(follow)
        self.toolbar_row.addWidget(button)
        return button

    def writing_actions(self) -> list[QAction]:
        """The actions that change the register (hidden in a read-only window)."""
        return [self.action_add, self.action_edit, self.action_delete]

    def set_read_only(self, read_only: bool) -> None:
        """No adding, editing, deleting: the actions go, and double-click or Enter on a row
        opens nothing (``edit_record`` is ``@writes``)."""
        self.read_only = read_only
        take_away(self.writing_actions(), read_only)

    def open_dialog(self, dlg: QWidget) -> None:
        """Show an editor window-modally and keep it in ``self.dialog`` while it is open."""
        dlg.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()

    def edit_current(self) -> None:
        record = self.current_record()
        if record is not None:
            self.edit_record(record)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def refuse(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Không thực hiện được"), message)

    def confirm(self, title: str, message: str) -> bool:
        answer = QMessageBox.question(self, title, message)
        return answer == QMessageBox.StandardButton.Yes

    # columns ----------------------------------------------------------------------------
    def restore_columns(self) -> None:
        """The user's own column layout, if any, is applied when the columns first load."""
        self.columns.rows_changed()

    def fit_columns_once(self) -> None:
        """Without the user's own widths, size the columns from the rows (once there are rows)."""
        if not self.columns.user_set and not self.columns.fitted:
            self.columns.fit()

    def save_columns(self) -> None:
        self.columns.save()

    # to implement ---------------------------------------------------------------------------
    def reload(self) -> None:
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def edit_record(self, record: Any) -> None:
        raise NotImplementedError

    def delete_selected(self) -> None:
        raise NotImplementedError
