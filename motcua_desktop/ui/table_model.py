"""A read-only table of records with a Vietnamese sort-key role, and the search proxy over it.

Province scale (20,000 staff rows, 50,000 equipment rows) sets the design. Qt's
``QSortFilterProxyModel`` calls ``filterAcceptsRow``/``lessThan`` once per row or comparison;
from Python that costs 1-2 µs each, so a keystroke over 50,000 rows would take ~100 ms and a
sort seconds. Instead the proxy decides in one Python pass over text folded once per row
(``search_fold``) which rows match, and the source model exposes only those (a cheap model
reset: Qt then maps just the matching rows, in C++); sorting runs in Python's ``sorted`` on
sort keys computed once per column.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

from ..domain.text import collation_key, fold, nfc

FOLD_AFTER_MS = 300
WARN_TEXT = QColor("#a4161a")  # red text: short of something (equipment below the norm)
ALERT_BACKGROUND = QColor("#e6dcf5")  # light violet: nobody there (a unit without staff)
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


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str | None]:
    """Each precomposed Latin letter to what ``fold`` makes of it; combining marks dropped.
    Built at the first search (a few hundredths of a second), not at start-up."""
    table: dict[int, str | None] = {}
    for code in range(0x80, 0x2000):
        ch = chr(code)
        if unicodedata.combining(ch):
            table[code] = None
        else:
            folded = fold(ch)
            if folded != ch and len(folded) == 1:
                table[code] = folded
    return table


def search_fold(text: str) -> str:
    """``domain.text.fold`` for search, ~10x faster on long lists: a translation table
    instead of decomposing every string (same result on any NFC or NFD text)."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_fold_table())
    return " ".join(text.lower().split())


UNIT_PREFIX = "Bộ phận Một cửa "


def short_unit_name(name: str) -> str:
    """"xã Mai Sao" for "Bộ phận Một cửa xã Mai Sao": in a column of units the common
    prefix only pushes the useful part out of view."""
    return name[len(UNIT_PREFIX):] if name.startswith(UNIT_PREFIX) else name


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
    fit: bool = False  # a name: as wide as its longest text (see column_layout)
    warn: Callable[[Any], bool] | None = None  # this cell in red text (e.g. equipment missing)
    alert: Callable[[Any], bool] | None = None  # this cell on the alert background (no staff)
    hidden: bool = False  # rarely used: hidden until chosen from the header's menu


_COLOURED = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)


def _dark_palette() -> bool:
    from PySide6.QtGui import QGuiApplication, QPalette

    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128


def warning_text_colour() -> QColor:
    """Red text that reads on the current background: darker on light, lighter on dark."""
    return QColor("#ff8a80") if _dark_palette() else QColor(WARN_TEXT)


def _warning_brush(role: int, highlight_role: int) -> QBrush:
    """The warning colours, readable in light and dark mode alike: a pale red row always gets
    dark text (in dark mode the palette's text is white: white on pink could not be read),
    and red text is lighter on a dark background."""
    if highlight_role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(warning_text_colour())
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(QColor("#1f1f1f"))
    return QBrush(QColor("#fde2e1"))


class RecordTableModel(QAbstractTableModel):
    """Rows of records (any objects), of which ``visible`` ones are shown (all by default);
    ``highlight`` marks rows to show in a warning colour."""

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
        self._visible: list[int] | None = None  # positions in _rows shown, None: all
        self._folded: list[str] | None = None  # computed at the first search
        self._keys: dict[int, list[Any]] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._filter: Callable[[], list[int] | None] | None = None
        self.generation = 0  # bumped whenever row positions change (reset or sort)

    # loading ----------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._folded = None
        self._keys = {}
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.generation += 1
        self._visible = self._filter() if self._filter else None
        self.endResetModel()
        # Fold the search texts while the user looks at the new rows, not at the first key
        # (nor before the window has painted them).
        QTimer.singleShot(FOLD_AFTER_MS, self, self.folded)

    def set_filter(self, rows_to_show: Callable[[], list[int] | None]) -> None:
        """``rows_to_show`` (positions in ``records()``) is asked again after every load/sort."""
        self._filter = rows_to_show

    def show_only(self, rows: list[int] | None) -> None:
        """Show these positions of ``records()`` (in that order), or all with None."""
        self.beginResetModel()
        self._visible = rows
        self.endResetModel()

    def record(self, row: int) -> Any:
        """The record shown on ``row``."""
        return self._rows[row if self._visible is None else self._visible[row]]

    def records(self) -> list[Any]:
        """Every loaded record, shown or not."""
        return list(self._rows)

    def folded(self) -> list[str]:
        """Each record's searchable text, folded once (at the first search after a load)."""
        if self._folded is None:
            text = self._search_text
            self._folded = [search_fold(text(r)) for r in self._rows]
        return self._folded

    def sort_key(self, row: int, column: int) -> Any:
        return self._column_keys(column)[row if self._visible is None else self._visible[row]]

    def _column_keys(self, column: int) -> list[Any]:
        keys = self._keys.get(column)
        if keys is None:
            col = self.columns[column]
            fn = col.sort_key or (lambda r, c=col: text_key(c.display(r)))
            keys = self._keys[column] = [fn(r) for r in self._rows]
        return keys

    # Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        if parent.isValid():
            return 0
        return len(self._rows) if self._visible is None else len(self._visible)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        record = self.record(index.row())
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.display(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.warn is not None and col.warn(record):
            return QBrush(warning_text_colour())
        if role in _COLOURED and col.alert is not None and col.alert(record):
            # dark text on the light alert colour: the palette's text is white in dark mode
            return QBrush(ALERT_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else QColor("#1f1f1f"))
        if role in (self._highlight_role, Qt.ItemDataRole.ForegroundRole) and self._highlight and self._highlight(record):
            return _warning_brush(role, self._highlight_role)
        if role == SORT_ROLE:
            return self.sort_key(index.row(), index.column())
        if role == RECORD_ROLE:
            return record
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            return QCoreApplication.translate("Column", self.columns[section].title)
        return str(section + 1)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the rows are kept in (None: as loaded)."""
        return self._sort

    def sort_by_default(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> bool:
        """Keep the rows in ``column``'s order from the next load on, unless a sort was
        chosen already; True when this became the order."""
        if self._sort is not None or not 0 <= column < len(self.columns):
            return False
        self._sort = (column, order)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_records = [id(self.record(i.row())) for i in old_persistent]
        self._apply_sort(column, order)
        self._sort = (column, order)
        self.generation += 1
        self._visible = self._filter() if self._filter else None
        position = {id(self.record(n)): n for n in range(self.rowCount())}
        self.changePersistentIndexList(
            old_persistent,
            [self.index(position[r], i.column()) if r in position else QModelIndex()
             for r, i in zip(old_records, old_persistent, strict=True)],
        )
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        keys = self._column_keys(column)
        reverse = order == Qt.SortOrder.DescendingOrder
        perm = sorted(range(len(self._rows)), key=keys.__getitem__, reverse=reverse)
        self._rows = [self._rows[i] for i in perm]
        if self._folded is not None:
            self._folded = [self._folded[i] for i in perm]
        self._keys = {c: [k[i] for i in perm] for c, k in self._keys.items()}


class SearchProxy(QSortFilterProxyModel):
    """Accent- and case-insensitive search (every word of the query must occur) plus
    optional predicates (unit, kind) over a ``RecordTableModel``; sorting by the model's
    sort keys. The matching rows are found in one pass (narrowing the previous result while
    the user keeps typing) and the source shows only those; see the module docstring."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._model: RecordTableModel | None = None
        self._words: list[str] = []
        self._predicates: dict[str, Callable[[Any], bool]] = {}
        self._matched: tuple[int, list[str], list[int]] | None = None  # generation, words, rows
        self.setSortRole(SORT_ROLE)

    def setSourceModel(self, model: RecordTableModel) -> None:  # noqa: N802 - Qt's name
        self._model = model
        model.set_filter(self._rows_to_show)
        super().setSourceModel(model)

    def source(self) -> RecordTableModel:
        assert self._model is not None
        return self._model

    def set_query(self, text: str) -> None:
        words = search_fold(text).split()
        if words == self._words:
            return
        self._words = words
        self.source().show_only(self._rows_to_show())

    def set_predicate(self, name: str, predicate: Callable[[Any], bool] | None) -> None:
        if predicate is None:
            self._predicates.pop(name, None)
        else:
            self._predicates[name] = predicate
        self.source().show_only(self._rows_to_show())

    def _word_matches(self, model: RecordTableModel) -> list[int] | None:
        """Positions of the records containing every query word (None: no query)."""
        words = self._words
        if not words:
            return None
        folded = model.folded()
        rows: list[int] | None = None
        todo = words
        if self._matched is not None and self._matched[0] == model.generation:
            _gen, old_words, old_rows = self._matched
            # Typing on only narrows: every old word is still inside some new word, so
            # only the old matches need checking, and only for the words that changed.
            if all(any(o in w for w in words) for o in old_words):
                rows, todo = old_rows, [w for w in words if w not in old_words]
        for word in todo:
            if rows is None:
                rows = [i for i, text in enumerate(folded) if word in text]
            else:
                rows = [i for i in rows if word in folded[i]]
        self._matched = (model.generation, list(words), rows)
        return rows

    def _rows_to_show(self) -> list[int] | None:
        model = self.source()
        rows = self._word_matches(model)
        if self._predicates:
            preds = list(self._predicates.values())
            records = model.records()
            candidates = range(len(records)) if rows is None else rows
            rows = [i for i in candidates if all(p(records[i]) for p in preds)]
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.source().sort(column, order)

    def record(self, proxy_row: int) -> Any:
        return self.source().record(self.mapToSource(self.index(proxy_row, 0)).row())
