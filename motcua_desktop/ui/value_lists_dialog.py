"""Danh mục → Cấp và loại đơn vị: the unit levels and kinds of administrative unit are data
the user extends (a new level, "đặc khu", a renamed label), each list with add, rename, delete."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Choice
from ..domain.validation import ValidationError
from ..store.errors import StoreError
from .operations import Operations

LISTS = (("unit_levels", "Cấp đơn vị"), ("unit_kinds", "Loại đơn vị hành chính"))


class ValueListsDialog(QDialog):
    def __init__(self, ops: Operations, parent: QWidget | None = None, on_change=None):
        super().__init__(parent)
        self.setObjectName("valueListsDialog")
        self.setWindowTitle(self.tr("Cấp và loại đơn vị"))
        self.ops, self.registry, self.on_change = ops, ops.registry, on_change
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.lists: dict[str, QListWidget] = {}
        for table, title in LISTS:
            box = QVBoxLayout()
            box.addWidget(QLabel(self.tr(title), self))
            widget = QListWidget(self, objectName=f"list_{table}")
            self.lists[table] = widget
            box.addWidget(widget)
            buttons = QHBoxLayout()
            for text, slot in ((self.tr("Thêm…"), self._add), (self.tr("Đổi tên…"), self._rename),
                               (self.tr("Xóa"), self._delete)):
                b = QPushButton(text, self)
                b.clicked.connect(lambda _c=False, t=table, f=slot: f(t))
                buttons.addWidget(b)
            box.addLayout(buttons)
            row.addLayout(box)
        layout.addLayout(row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def _choices(self, table: str) -> list[Choice]:
        units = self.registry.units
        return units.levels() if table == "unit_levels" else units.kinds()

    def reload(self) -> None:
        for table, widget in self.lists.items():
            widget.clear()
            for c in self._choices(table):
                item = QListWidgetItem(c.label)
                item.setData(256, c)
                widget.addItem(item)

    def _current(self, table: str) -> Choice | None:
        item = self.lists[table].currentItem()
        return item.data(256) if item else None

    def _save(self, table: str, choice: Choice) -> None:
        try:
            self.ops.save_choice(table, choice)
        except (ValidationError, StoreError) as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self._changed()

    def _add(self, table: str) -> None:
        label, ok = QInputDialog.getText(self, self.tr("Thêm"), self.tr("Tên:"))
        if ok and label.strip():
            self._save(table, Choice("", label))

    def _rename(self, table: str) -> None:
        current = self._current(table)
        if current is None:
            return
        label, ok = QInputDialog.getText(self, self.tr("Đổi tên"), self.tr("Tên:"), text=current.label)
        if ok and label.strip():
            self._save(table, Choice(current.code, label, current.sort_order))

    def _delete(self, table: str) -> None:
        current = self._current(table)
        if current is None:
            return
        try:
            self.ops.delete_choice(table, current.code)
        except StoreError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self._changed()

    def _changed(self) -> None:
        self.reload()
        if self.on_change is not None:
            self.on_change()
