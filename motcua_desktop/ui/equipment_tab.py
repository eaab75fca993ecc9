"""The "Trang thiết bị" tab: quantity rows per unit and type, filters, the shortfall against
the norms, and the catalogue editor."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.counting import Shortfall, equipment_shortfall
from ..domain.fields import EquipmentItemField
from ..domain.model import Condition, EquipmentItem
from ..store.errors import StoreError
from ..store.registry import Registry
from .icons import icon
from .operations import Operations
from .read_only import writes
from .registry_tab import RegistryTab
from .settings import UiSettings
from .table_model import Column, RecordTableModel, SearchProxy, number_key, short_unit_name

ALL = None


@dataclass(frozen=True)
class ItemRow:
    item: EquipmentItem
    unit_name: str
    unit_order: int
    type_name: str
    type_order: int


@dataclass(frozen=True)
class ShortRow:
    shortfall: Shortfall
    unit_name: str
    unit_order: int


def item_columns() -> list[Column]:
    return [
        Column(EquipmentItemField.UNIT_ID.label, lambda r: short_unit_name(r.unit_name), lambda r: (r.unit_order, r.item.unit_id),
               fit=True),
        Column(EquipmentItemField.TYPE_ID.label, lambda r: r.type_name, lambda r: (r.type_order, r.item.type_id), fit=True),
        Column(EquipmentItemField.QUANTITY.label, lambda r: str(r.item.quantity), lambda r: number_key(r.item.quantity), numeric=True),
        Column(EquipmentItemField.CONDITION.label, lambda r: Condition(r.item.condition).label),
        Column(EquipmentItemField.YEAR_IN_SERVICE.label, lambda r: str(r.item.year_in_service or ""),
               lambda r: number_key(r.item.year_in_service), numeric=True),
        Column(EquipmentItemField.SERIAL.label, lambda r: r.item.serial, hidden=True),
        Column(EquipmentItemField.NOTES.label, lambda r: r.item.notes),
    ]


def shortfall_columns() -> list[Column]:
    return [
        Column("Đơn vị", lambda r: short_unit_name(r.unit_name), lambda r: (r.unit_order, r.shortfall.unit_id)),
        Column("Loại thiết bị", lambda r: r.shortfall.type_name),
        Column("Định mức", lambda r: str(r.shortfall.norm), lambda r: r.shortfall.norm, numeric=True),
        Column("Đang dùng tốt", lambda r: str(r.shortfall.have), lambda r: r.shortfall.have, numeric=True),
        Column("Còn thiếu", lambda r: str(r.shortfall.missing), lambda r: r.shortfall.missing, numeric=True),
    ]


class EquipmentTab(RegistryTab):
    table_name = "equipmentTable"
    search_name = "equipmentSearch"

    def __init__(self, registry: Registry, operations: Operations, settings: UiSettings,
                 parent: QWidget | None = None, load: bool = True):
        self.registry, self.ops = registry, operations
        labels = {c: c.label for c in Condition}
        model = RecordTableModel(item_columns(), lambda r: f"{r.unit_name} {r.type_name} {r.item.serial} "
                                 f"{labels[r.item.condition]} {r.item.notes}")
        super().__init__(model, settings, parent)
        self.setObjectName("equipmentTab")
        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("equipmentUnitFilter")
        self.unit_filter.setMinimumContentsLength(24)
        self.type_filter = QComboBox(self)
        self.type_filter.setObjectName("equipmentTypeFilter")
        self.filters.addWidget(self.unit_filter, 2)
        self.filters.addWidget(self.type_filter, 1)
        self.unit_filter.currentIndexChanged.connect(self._apply_filters)
        self.type_filter.currentIndexChanged.connect(self._apply_filters)

        self.short_model = RecordTableModel(shortfall_columns(), lambda r: r.unit_name, self)
        self.short_proxy = SearchProxy(self)
        self.short_proxy.setSourceModel(self.short_model)
        self.short_table = QTableView(self)
        self.short_table.setObjectName("shortfallTable")
        self.short_table.setModel(self.short_proxy)
        self.short_table.setSortingEnabled(True)
        self.short_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # report order, as the report
        for column, width in enumerate((220, 220, 80, 110, 80)):
            self.short_table.setColumnWidth(column, width)
        self.short_table.verticalHeader().setDefaultSectionSize(24)
        self.short_label = QLabel(self)
        # The table sits in a splitter with the shortfall list below it.
        layout = self.layout()
        layout.removeWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.short_label)
        lower_layout.addWidget(self.short_table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)

        self.make_add_and_edit_actions("equipment", self.tr("Thêm thiết bị"), "actionAddEquipment")
        self.action_catalogue = QAction(icon("settings"), self.tr("Danh mục và định mức…"), self)
        self.action_catalogue.setObjectName("actionEquipmentCatalogue")
        self.action_catalogue.triggered.connect(self.open_catalogue)
        self.action_delete = QAction(icon("delete"), self.tr("Xóa"), self)
        self.action_delete.triggered.connect(self.delete_selected)
        for action in (self.action_add, self.action_catalogue):
            self.action_button(action)
        self.toolbar_row.addStretch(1)
        self.context_actions = [self.action_edit, None, self.action_delete]
        if load:
            self.reload()

    def reload(self) -> None:
        units = self.registry.units.list()
        types = self.registry.equipment.types()
        unit_of = {u.id: u for u in units}
        type_of = {t.id: t for t in types}
        self._refill(self.unit_filter, self.tr("Mọi đơn vị"), [(u.name, u.id) for u in units])
        self._refill(self.type_filter, self.tr("Mọi loại thiết bị"), [(t.name, t.id) for t in types])
        selected = {r.item.id for r in self.selected_records()}
        items = self.registry.equipment.items()
        rows = [
            ItemRow(i, unit_of[i.unit_id].name, unit_of[i.unit_id].sort_order,
                    type_of[i.type_id].name, type_of[i.type_id].sort_order)
            for i in items
            if i.unit_id in unit_of and i.type_id in type_of
        ]
        self.model.set_rows(rows)
        shortfalls = [s for s in equipment_shortfall(units, types, items) if s.missing]
        self.short_model.set_rows([
            ShortRow(s, unit_of[s.unit_id].name, unit_of[s.unit_id].sort_order)
            for s in shortfalls if s.unit_id in unit_of
        ])
        self._apply_filters()
        if selected:
            self.select_where(lambda r: r.item.id in selected)

    def _refill(self, box: QComboBox, all_text: str, items: list[tuple[str, int]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(all_text, ALL)
        for text, data in items:
            box.addItem(text, data)
        box.setCurrentIndex(max(box.findData(current), 0))
        box.blockSignals(False)

    def _apply_filters(self) -> None:
        unit_id = self.unit_filter.currentData()
        type_id = self.type_filter.currentData()
        by_unit = None if unit_id is ALL else (lambda r: r.item.unit_id == unit_id)
        self.proxy.set_predicate("unit", by_unit)
        self.proxy.set_predicate("type", None if type_id is ALL else (lambda r: r.item.type_id == type_id))
        self.short_proxy.set_predicate(
            "unit", None if unit_id is ALL else (lambda r: r.shortfall.unit_id == unit_id))
        self.short_proxy.set_predicate(
            "type", None if type_id is ALL else (lambda r: r.shortfall.type_id == type_id))
        missing = sum(self.short_proxy.record(r).shortfall.missing for r in range(self.short_proxy.rowCount()))
        if missing:
            text = self.tr("Còn thiếu so với định mức: %1 thiết bị").replace("%1", str(missing))
        elif self.unit_filter.count() <= 1:  # only "Mọi đơn vị": nothing to compare yet
            text = self.tr("Chưa có đơn vị nào để so với định mức.")
        elif not self.type_filter.count() > 1 or not any(t.norms for t in self.registry.equipment.types()):
            text = self.tr("Chưa đặt định mức thiết bị (Danh mục và định mức…).")
        else:
            text = self.tr("Đủ thiết bị theo định mức.")
        self.short_label.setText(text)

    def show_unit(self, unit_id: int) -> None:
        self.search.clear()
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(unit_id), 0))

    # dialogs ------------------------------------------------------------------------------
    def writing_actions(self) -> list[QAction]:
        return [*super().writing_actions(), self.action_catalogue]

    @writes
    def add(self) -> None:
        types = self.registry.equipment.types()
        if not types:
            if self.confirm(self.tr("Danh mục thiết bị còn trống"), self.tr(
                    "Chưa có loại thiết bị nào trong danh mục. Mở danh mục để thêm các loại "
                    "thiết bị và định mức ngay bây giờ?")):
                self.open_catalogue()
            return
        if not self.registry.units.list():
            self.refuse(self.tr("Chưa có đơn vị nào. Hãy thêm các Bộ phận Một cửa ở tab Đơn vị trước."))
            return
        from .equipment_dialogs import ItemDialog  # dialogs load when first opened: a quicker start

        dlg = ItemDialog(self.registry.units.list(), types, parent=self,
                         default_unit=self.unit_filter.currentData())

        def submit() -> None:
            saved = self.ops.add_item(dlg.item())
            self.select_where(lambda r: r.item.id == saved.id)

        dlg.submit = submit
        self.open_dialog(dlg)

    @writes
    def edit_record(self, record: ItemRow) -> None:
        before = self.registry.equipment.item(record.item.id)
        from .equipment_dialogs import ItemDialog

        dlg = ItemDialog(self.registry.units.list(), self.registry.equipment.types(), before, self)
        dlg.submit = lambda: self.ops.edit_item(before, dlg.item())
        self.open_dialog(dlg)

    @writes
    def open_catalogue(self) -> None:
        from .equipment_dialogs import CatalogueDialog

        dlg = CatalogueDialog(self.ops, self)
        self.open_dialog(dlg)

    @writes
    def delete_selected(self) -> None:
        rows = self.selected_records()
        if not rows:
            return
        question = self.tr("Xóa %1 dòng thiết bị?").replace("%1", str(len(rows)))
        if not self.confirm(self.tr("Xóa thiết bị"), question):
            return
        try:
            self.ops.delete_items([r.item.id for r in rows])
        except StoreError as exc:
            self.refuse(str(exc))
