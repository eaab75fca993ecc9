"""A read-only table of records with a Vietnamese sort-key role, and the search proxy over it.

Province scale (20,000 staff rows) sets the design: folded search text is computed once per
row when rows are loaded, sort keys once per column when first sorted, and sorting runs in
Python's ``sorted`` on those keys instead of through ``lessThan`` (two Python calls per
comparison would take seconds).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ..domain.text import collation_key, fold, nfc

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@lru_cache(maxsize=65536)
def text_key(value: str) -> tuple:
    """Vietnamese collation of a cell, cached: columns repeat the same words a lot."""
    return collation_key(value)


def name_key(full_name: str) -> tuple:
    """Given name first, as ``domain.text.person_name_key``, with the cached collation."""
    words = nfc(full_name).split()
    if not words:
        return text_key(""), text_key("")
    return text_key(words[-1]), text_key(" ".join(words[:-1]))


def number_key(value: float | int | None) -> tuple:
    """Numbers numerically, blanks last."""
    return (1, 0) if value is None else (0, value)


def date_key(value: date | None) -> tuple:
    return (1, date.min) if value is None else (0, value)


@dataclass(frozen=True)
class Column:
    """One column: its header, how a record shows in it and how it sorts (default: the
    Vietnamese collation of the shown text)."""

    title: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    numeric: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows of records (any objects); ``highlight`` marks rows to show in a warning colour."""

    def __init__(
        self,
        columns: Sequence[Column],
        search_text: Callable[[Any], str],
        parent=None,
        highlight: Callable[[Any], bool] | None = None,
        highlight_text: bool = False,
    ):
        super().__init__(parent)
        self._highlight_role = (Qt.ItemDataRole.ForegroundRole if highlight_text
                                else Qt.ItemDataRole.BackgroundRole)
        self.columns = list(columns)
        self._search_text = search_text
        self._highlight = highlight
        self._rows: list[Any] = []
        self._folded: list[str] = []
        self._keys: dict[int, list[Any]] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.generation = 0  # bumped whenever row positions change (reset or sort)

    # loading ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._folded = [fold(self._search_text(r)) for r in self._rows]
        self._keys = {}
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.generation += 1
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def records(self) -> list[Any]:
        return list(self._rows)

    def folded(self) -> list[str]:
        return self._folded

    def sort_key(self, row: int, column: int) -> Any:
        return self._column_keys(column)[row]

    def _column_keys(self, column: int) -> list[Any]:
        keys = self._keys.get(column)
        if keys is None:
            col = self.columns[column]
            fn = col.sort_key or (lambda r, c=col: text_key(c.display(r)))
            keys = self._keys[column] = [fn(r) for r in self._rows]
        return keys

    # Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.display(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self._highlight_role and self._highlight and self._highlight(record):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#a4161a"))
            return QBrush(QColor("#fde2e1"))
        if role == SORT_ROLE:
            return self.sort_key(index.row(), index.column())
        if role == RECORD_ROLE:
            return record
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [id(self._rows[i.row()]) for i in old_persistent]
        self._apply_sort(column, order)
        self._sort = (column, order)
        position = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old_persistent,
            [self.index(position[r], i.column()) for r, i in zip(old_rows, old_persistent, strict=True)],
        )
        self.generation += 1
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        keys = self._column_keys(column)
        reverse = order == Qt.SortOrder.DescendingOrder
        perm = sorted(range(len(self._rows)), key=keys.__getitem__, reverse=reverse)
        self._rows = [self._rows[i] for i in perm]
        self._folded = [self._folded[i] for i in perm]
        self._keys = {c: [k[i] for i in perm] for c, k in self._keys.items()}


class SearchProxy(QSortFilterProxyModel):
    """Accent- and case-insensitive search (every word of the query must occur) plus
    optional predicates (unit, kind); sorting is delegated to the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._predicates: dict[str, Callable[[Any], bool]] = {}
        self._accepted: bytearray = bytearray()
        self._generation = -1
        self.setSortRole(SORT_ROLE)

    def source(self) -> RecordTableModel:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        return model

    def set_query(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        self._words = words
        self._refilter()

    def query_words(self) -> list[str]:
        return list(self._words)

    def set_predicate(self, name: str, predicate: Callable[[Any], bool] | None) -> None:
        if predicate is None:
            self._predicates.pop(name, None)
        else:
            self._predicates[name] = predicate
        self._refilter()

    def _refilter(self) -> None:
        self.beginFilterChange()
        self._compute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _compute(self) -> None:
        model = self.source()
        folded = model.folded()
        words = self._words
        if words:
            flags = [all(w in text for w in words) for text in folded]
        else:
            flags = [True] * len(folded)
        if self._predicates:
            preds = list(self._predicates.values())
            records = model.records()
            flags = [f and all(p(r) for p in preds) for f, r in zip(flags, records, strict=True)]
        self._accepted = bytearray(flags)
        self._generation = model.generation

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self.source().generation != self._generation:
            self._compute()
        return source_row < len(self._accepted) and bool(self._accepted[source_row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def record(self, proxy_row: int) -> Any:
        return self.source().record(self.mapToSource(self.index(proxy_row, 0)).row())
