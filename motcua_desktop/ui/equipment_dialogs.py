"""Dialogs of the equipment tab: an equipment row, and the catalogue of types with norms."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import EquipmentItemField as I
from ..domain.fields import EquipmentTypeField as T
from ..domain.model import Choice, Condition, EquipmentItem, EquipmentType, Unit
from ..domain.validation import (
    FieldError,
    ValidationError,
    clean_equipment_item,
    clean_equipment_type,
)
from ..store.errors import StoreError
from .form import FieldParser, FormDialog, plain
from .operations import Operations
from .table_model import Column, RecordTableModel, number_key


class ItemDialog(FormDialog):
    def __init__(self, units: list[Unit], types: list[EquipmentType], item: EquipmentItem | None = None,
                 parent: QWidget | None = None, default_unit: int | None = None):
        super().__init__(self.tr("Sửa thiết bị") if item else self.tr("Thêm thiết bị"), parent)
        self.setObjectName("itemDialog")
        self.before = item
        it = item or EquipmentItem(default_unit, types[0].id if types else None)
        self.unit = self.combo(I.UNIT_ID, [(u.name, u.id) for u in units], it.unit_id)
        self.type = self.combo(I.TYPE_ID, [(t.name, t.id) for t in types], it.type_id)
        self.quantity = self.line(I.QUANTITY, str(it.quantity))
        self.condition = self.combo(I.CONDITION, [(c.label, c) for c in Condition],
                                    Condition(it.condition))
        self.year = self.line(I.YEAR_IN_SERVICE, str(it.year_in_service or ""))
        self.serial = self.line(I.SERIAL, it.serial, self.tr("không bắt buộc"))
        self.notes = self.text(I.NOTES, it.notes)

    def item(self) -> EquipmentItem:
        parser = FieldParser()
        item = dataclasses.replace(
            self.before or EquipmentItem(None, None),
            unit_id=self.unit.currentData(),
            type_id=self.type.currentData(),
            quantity=parser.integer(I.QUANTITY, self.quantity.text(), default=0) or 0,
            condition=Condition(self.condition.currentData()),  # the combo gives back a str
            year_in_service=parser.integer(I.YEAR_IN_SERVICE, self.year.text()),
            serial=plain(self.serial),
            notes=plain(self.notes),
        )
        more: list[FieldError] = []
        try:
            clean_equipment_item(item)
        except ValidationError as exc:
            more = exc.errors
        parser.raise_if_any(more)
        return item


def norm_label(level: Choice) -> str:
    return f"{T.NORMS.label} ({level.label})"


class TypeDialog(FormDialog):
    """A catalogue entry: its name and how many a unit of each level should have."""

    def __init__(self, levels: list[Choice], kind: EquipmentType | None = None,
                 parent: QWidget | None = None):
        super().__init__(self.tr("Sửa loại thiết bị") if kind else self.tr("Thêm loại thiết bị"), parent)
        self.setObjectName("typeDialog")
        self.before, self.levels = kind, levels
        k = kind or EquipmentType("")
        self.name = self.line(T.NAME, k.name)
        self.norms = {
            lv.code: self.line(T.NORMS, str(k.norms.get(lv.code, 0)), label=norm_label(lv), item=lv.code)
            for lv in levels
        }

    def value(self) -> EquipmentType:
        parser = FieldParser()
        norms = {
            code: parser.integer(T.NORMS, edit.text(), default=0, item=code) or 0
            for code, edit in self.norms.items()
        }
        kind = dataclasses.replace(self.before or EquipmentType(""), name=plain(self.name),
                                   norms={c: n for c, n in norms.items() if n})
        more: list[FieldError] = []
        try:
            clean_equipment_type(dataclasses.replace(kind, norms=norms))
        except ValidationError as exc:
            more = exc.errors
        parser.raise_if_any(more)
        return kind


def catalogue_model(levels: list[Choice], parent=None) -> RecordTableModel:
    columns = [Column(T.NAME.label, lambda t: t.name)]
    for lv in levels:
        columns.append(Column(norm_label(lv), lambda t, c=lv.code: str(t.norms.get(c, 0)),
                              lambda t, c=lv.code: number_key(t.norms.get(c, 0)), numeric=True))
    return RecordTableModel(columns, lambda t: t.name, parent)


class CatalogueDialog(QDialog):
    """The equipment catalogue and its norms per level; changes are undoable."""

    def __init__(self, operations: Operations, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("catalogueDialog")
        self.setWindowTitle(self.tr("Danh mục thiết bị và định mức"))
        self.resize(640, 400)
        self.ops = operations
        self.levels = operations.registry.units.levels()
        self.model = catalogue_model(self.levels, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("Thêm loại…"), self.add), (self.tr("Sửa…"), self.edit_current),
                           (self.tr("Xóa"), self.delete_current)):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.editor: TypeDialog | None = None
        self.reload()
        self.table.resizeColumnsToContents()

    def reload(self) -> None:
        self.model.set_rows(self.ops.registry.equipment.types())

    def _current(self) -> EquipmentType | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def _open(self, kind: EquipmentType | None) -> TypeDialog:
        dlg = TypeDialog(self.levels, kind, self)

        def submit() -> None:
            self.ops.save_type(kind, dlg.value())
            self.reload()

        dlg.submit = submit
        dlg.finished.connect(lambda _r: setattr(self, "editor", None))
        self.editor = dlg
        dlg.open()
        return dlg

    def add(self) -> None:
        self._open(None)

    def edit_current(self) -> None:
        kind = self._current()
        if kind is not None:
            self._open(kind)

    def delete_current(self) -> None:
        kind = self._current()
        if kind is None:
            return
        try:
            self.ops.delete_type(kind.id)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Không xóa được"), str(exc))
        self.reload()
