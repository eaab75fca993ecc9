"""The "Đơn vị" tab: units in report order, move up/down, a unit's staff and equipment
one click away, deletion refused or with the dependents moved, never a silent cascade."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ..domain.fields import UnitField
from ..domain.model import Unit
from ..domain.text import format_number
from ..store.errors import IntegrityRefused, StoreError
from ..store.registry import Registry
from .icons import icon
from .operations import Operations
from .read_only import writes
from .registry_tab import RegistryTab
from .settings import UiSettings
from .table_model import Column, RecordTableModel, number_key


def unit_columns(level_labels: dict[str, str], kind_labels: dict[str, str],
                 names: dict[int, str] | None = None) -> list[Column]:
    names = names or {}
    return [
        Column("STT", lambda u: str(u.sort_order), lambda u: (u.sort_order, u.id or 0), numeric=True),
        Column(UnitField.CODE.label, lambda u: u.code),
        Column(UnitField.NAME.label, lambda u: u.name, fit=True),
        Column(UnitField.LEVEL.label, lambda u: level_labels.get(u.level, u.level)),
        Column(UnitField.KIND.label, lambda u: kind_labels.get(u.kind, u.kind)),
        Column(UnitField.PARENT_ID.label, lambda u: names.get(u.parent_id, "") if u.parent_id else ""),
        Column(UnitField.OFFICIAL_CODE.label, lambda u: u.official_code),
        Column(UnitField.ADDRESS.label, lambda u: u.address),
        Column(UnitField.AREA_M2.label, lambda u: format_number(u.area_m2), lambda u: number_key(u.area_m2),
               numeric=True),
        Column(UnitField.HOTLINE.label, lambda u: u.hotline, hidden=True),
        Column(UnitField.STAFFING_DECISION.label, lambda u: u.staffing_decision, hidden=True),
    ]


class UnitsTab(RegistryTab):
    table_name = "unitsTable"
    search_name = "unitsSearch"
    show_staff_of = Signal(int)
    show_equipment_of = Signal(int)

    def __init__(self, registry: Registry, operations: Operations, settings: UiSettings,
                 parent: QWidget | None = None, load: bool = True):
        self.registry, self.ops = registry, operations
        model = RecordTableModel([], lambda u: f"{u.code} {u.name} {u.admin_name} {u.address}")
        super().__init__(model, settings, parent)
        self.setObjectName("unitsTab")
        self.table.verticalHeader().hide()  # the STT column already numbers the rows

        self.make_add_and_edit_actions("unit", self.tr("Thêm đơn vị"), "actionAddUnit")
        self.action_up = QAction(icon("up"), self.tr("Lên trên"), self)
        self.action_up.setObjectName("actionMoveUnitUp")
        self.action_up.setShortcut(QKeySequence("Alt+Up"))
        self.action_up.triggered.connect(lambda: self.move_current(-1))
        self.action_down = QAction(icon("down"), self.tr("Xuống dưới"), self)
        self.action_down.setObjectName("actionMoveUnitDown")
        self.action_down.setShortcut(QKeySequence("Alt+Down"))
        self.action_down.triggered.connect(lambda: self.move_current(1))
        for action in (self.action_up, self.action_down):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.action_staff = QAction(icon("list"), self.tr("Xem cán bộ của đơn vị"), self)
        self.action_staff.triggered.connect(self._show_staff)
        self.action_equipment = QAction(icon("equipment"), self.tr("Xem thiết bị của đơn vị"), self)
        self.action_equipment.triggered.connect(self._show_equipment)
        self.action_delete = QAction(icon("delete"), self.tr("Xóa"), self)
        self.action_delete.triggered.connect(self.delete_selected)

        for action in (self.action_add, self.action_up, self.action_down, self.action_staff,
                       self.action_equipment):
            self.action_button(action)
        self.toolbar_row.addStretch(1)
        self.context_actions = [self.action_edit, self.action_staff, self.action_equipment, None,
                                self.action_up, self.action_down, None, self.action_delete]
        if load:
            self.reload()

    def reload(self) -> None:
        levels = {c.code: c.label for c in self.registry.units.levels()}
        kinds = {c.code: c.label for c in self.registry.units.kinds()}
        selected = {u.id for u in self.selected_records()}
        units = self.registry.units.list()
        self.model.columns = unit_columns(levels, kinds, {u.id: u.name for u in units if u.id is not None})
        # the columns exist only now (their labels come from the register): the first load
        # sorts by the first, as the other tabs' tables are from the start
        if self.model.sort_by_default(0):
            self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.model.set_rows(units)
        if selected:
            self.select_where(lambda u: u.id in selected)

    # dialogs --------------------------------------------------------------------------------
    def _open_dialog(self, unit: Unit | None) -> QWidget:
        from .unit_dialog import UnitDialog  # loaded when first opened: a quicker start

        dlg = UnitDialog(unit, self.registry.units.levels(), self.registry.units.kinds(), self,
                         units=self.registry.units.list())

        def submit() -> None:
            typed = dlg.unit()
            if unit is None:
                saved = self.ops.add_unit(typed)
                self.select_where(lambda u: u.id == saved.id)
            else:
                self.ops.edit_unit(unit, typed)

        dlg.submit = submit
        self.open_dialog(dlg)
        return dlg

    def writing_actions(self) -> list[QAction]:
        return [*super().writing_actions(), self.action_up, self.action_down]

    @writes
    def add(self) -> None:
        self._open_dialog(None)

    @writes
    def edit_record(self, record: Unit) -> None:
        self._open_dialog(self.registry.units.get(record.id))

    # order -------------------------------------------------------------------------------------
    @writes
    def move_current(self, offset: int) -> None:
        unit = self.current_record()
        if unit is None:
            return
        if self.model.sorted_by() != (0, Qt.SortOrder.AscendingOrder):
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        if self.ops.move_unit(unit.id, offset):
            self.select_where(lambda u: u.id == unit.id)

    def _show_staff(self) -> None:
        unit = self.current_record()
        if unit is not None:
            self.show_staff_of.emit(unit.id)

    def _show_equipment(self) -> None:
        unit = self.current_record()
        if unit is not None:
            self.show_equipment_of.emit(unit.id)

    # delete ------------------------------------------------------------------------------------
    @writes
    def delete_selected(self) -> None:
        units = self.selected_records()
        if not units:
            return
        busy = [u for u in units if any(self.registry.units.dependents(u.id))]
        if not busy:
            names = ", ".join(u.name for u in units[:5]) + ("…" if len(units) > 5 else "")
            question = self.tr("Xóa %1 đơn vị: %2?").replace("%1", str(len(units))).replace("%2", names)
            if self.confirm(self.tr("Xóa đơn vị"), question):
                self._delete([u.id for u in units])
            return
        if len(units) > 1:
            self.refuse(self.tr("Không xóa được: %1 còn cán bộ hoặc thiết bị. Hãy xóa từng đơn vị "
                                "để chuyển cán bộ, thiết bị sang đơn vị khác.")
                        .replace("%1", ", ".join(u.name for u in busy)))
            return
        self._delete_with_dependents(busy[0])

    def _delete(self, ids: list[int]) -> None:
        try:
            self.ops.delete_units(ids)
        except StoreError as exc:
            self.refuse(str(exc))

    def _delete_with_dependents(self, unit: Unit) -> None:
        try:  # the store refuses and says why; nothing is deleted
            self.ops.delete_units([unit.id])
            return
        except IntegrityRefused as exc:
            reason = str(exc)
        others = [u for u in self.registry.units.list() if u.id != unit.id]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Đơn vị còn cán bộ, thiết bị"),
                          reason, QMessageBox.StandardButton.Cancel, self)
        move = box.addButton(self.tr("Chuyển sang đơn vị khác rồi xóa…"),
                             QMessageBox.ButtonRole.AcceptRole)
        move.setEnabled(bool(others))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not move:
            return
        names = [u.name for u in others]
        name, ok = QInputDialog.getItem(self, self.tr("Chuyển sang đơn vị"),
                                        self.tr("Chuyển cán bộ và thiết bị của %1 sang:")
                                        .replace("%1", unit.name), names, 0, False)
        if not ok:
            return
        target = others[names.index(name)]
        try:
            self.ops.move_dependents_and_delete(unit.id, target.id)
        except StoreError as exc:
            self.refuse(str(exc))
