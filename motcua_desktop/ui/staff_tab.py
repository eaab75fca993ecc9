"""The "Cán bộ" tab: one row per current assignment (or all, with former staff), filters by
unit and kind, add/edit, end an assignment or transfer instead of deleting, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from ..domain.fields import AssignmentField, PersonField
from ..domain.model import EmploymentKind
from ..domain.text import format_date
from ..store.errors import StoreError
from ..store.registry import Registry
from ..store.staff import StaffRow
from .icons import icon
from .operations import Operations
from .read_only import writes
from .registry_tab import RegistryTab
from .settings import UiSettings
from .table_model import Column, RecordTableModel, date_key, name_key, number_key, short_unit_name

ALL = None


def staff_columns() -> list[Column]:
    return [
        Column(PersonField.FULL_NAME.label, lambda r: r.person.full_name, lambda r: name_key(r.person.full_name), fit=True),
        Column(AssignmentField.UNIT_ID.label, lambda r: short_unit_name(r.unit_name), lambda r: (r.unit_order, r.assignment.unit_id),
               fit=True),
        Column(AssignmentField.POSITION.label, lambda r: r.assignment.position),
        Column(AssignmentField.KIND.label, lambda r: EmploymentKind(r.assignment.kind).label),
        Column(AssignmentField.SENDING_AGENCY.label, lambda r: r.assignment.sending_agency),
        Column(AssignmentField.FIELDS.label, lambda r: "; ".join(r.assignment.fields)),
        Column(AssignmentField.START.label, lambda r: format_date(r.assignment.start), lambda r: date_key(r.assignment.start)),
        Column(AssignmentField.END.label, lambda r: format_date(r.assignment.end), lambda r: date_key(r.assignment.end)),
        Column(PersonField.BIRTH_YEAR.label, lambda r: str(r.person.birth_year or ""),
               lambda r: number_key(r.person.birth_year), numeric=True, hidden=True),
        Column(PersonField.PHONE.label, lambda r: r.person.phone, hidden=True),
    ]


def _search_text(r: StaffRow) -> str:
    a = r.assignment
    return " ".join((r.person.full_name, r.person.code, r.unit_name, a.position, a.sending_agency,
                     " ".join(a.fields), r.person.phone))


class StaffTab(RegistryTab):
    table_name = "staffTable"
    search_name = "staffSearch"

    def __init__(self, registry: Registry, operations: Operations, settings: UiSettings,
                 parent: QWidget | None = None, clock: Callable[[], date] = date.today, load: bool = True):
        self.registry, self.ops = registry, operations
        self.today = clock  # today's date, asked at each use (the window stays open past midnight)
        model = RecordTableModel(staff_columns(), _search_text,
                                 highlight=lambda r: not r.assignment.active_on(self.today()))
        super().__init__(model, settings, parent)
        self.setObjectName("staffTab")

        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("staffUnitFilter")
        self.unit_filter.setMinimumContentsLength(24)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("staffKindFilter")
        self.kind_filter.addItem(self.tr("Mọi hình thức"), ALL)
        for kind in EmploymentKind:
            self.kind_filter.addItem(kind.label, kind)
        self.show_former = QCheckBox(self.tr("Hiện cả cán bộ đã nghỉ"), self)
        self.show_former.setObjectName("staffShowFormer")
        self.show_former.setChecked(settings.show_former_staff)
        self.filters.addWidget(self.unit_filter, 2)
        self.filters.addWidget(self.kind_filter, 1)
        self.filters.addWidget(self.show_former)
        self.unit_filter.currentIndexChanged.connect(self._apply_filters)
        self.kind_filter.currentIndexChanged.connect(self._apply_filters)
        self.show_former.toggled.connect(self._former_toggled)

        self.make_add_and_edit_actions("add-person", self.tr("Thêm cán bộ"), "actionAddStaff")
        self.action_end = QAction(icon("end-assignment"), self.tr("Kết thúc công tác…"), self)
        self.action_end.setObjectName("actionEndAssignment")
        self.action_end.triggered.connect(self.end_current)
        self.action_transfer = QAction(icon("transfer"), self.tr("Điều chuyển…"), self)
        self.action_transfer.setObjectName("actionTransfer")
        self.action_transfer.triggered.connect(self.transfer_current)
        self.action_history = QAction(icon("history"), self.tr("Quá trình công tác"), self)
        self.action_history.triggered.connect(self.history_current)
        self.action_delete = QAction(icon("delete"), self.tr("Xóa (nhập nhầm)"), self)
        self.action_delete.triggered.connect(self.delete_selected)
        for action in (self.action_add, self.action_end, self.action_transfer, self.action_history):
            self.action_button(action)
        self.toolbar_row.addStretch(1)
        self.context_actions = [self.action_edit, self.action_end, self.action_transfer,
                                self.action_history, None, self.action_delete]
        if load:
            self.reload()

    # data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.unit_filter.currentData()
        self.unit_filter.blockSignals(True)
        self.unit_filter.clear()
        self.unit_filter.addItem(self.tr("Mọi đơn vị"), ALL)
        for unit in self.registry.units.list():
            self.unit_filter.addItem(unit.name, unit.id)
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(current), 0))
        self.unit_filter.blockSignals(False)
        selected = {r.assignment.id for r in self.selected_records()}
        active_on = None if self.show_former.isChecked() else self.today()
        self.model.set_rows(self.registry.staff.listing(active_on=active_on))
        self._apply_filters()
        if selected:
            self.select_where(lambda r: r.assignment.id in selected)

    def _apply_filters(self) -> None:
        unit_id = self.unit_filter.currentData()
        kind = self.kind_filter.currentData()
        self.proxy.set_predicate("unit", None if unit_id is ALL else
                                 (lambda r: r.assignment.unit_id == unit_id))
        self.proxy.set_predicate("kind", None if kind is ALL else (lambda r: r.assignment.kind == kind))

    def _former_toggled(self, checked: bool) -> None:
        self.ui_settings.show_former_staff = checked
        self.reload()

    def show_unit(self, unit_id: int) -> None:
        """Only the staff of one unit (from the units tab)."""
        self.search.clear()
        self.unit_filter.setCurrentIndex(max(self.unit_filter.findData(unit_id), 0))

    # dialogs ------------------------------------------------------------------------------
    @writes
    def add(self) -> None:
        unit_id = self.unit_filter.currentData()
        from .staff_dialogs import StaffDialog  # loaded when first opened
        dlg = StaffDialog(self.registry.units.list(), parent=self, default_unit=unit_id)

        def submit() -> None:
            person, assignment = dlg.values()
            _p, saved = self.ops.add_staff(person, assignment)
            self.select_where(lambda r: r.assignment.id == saved.id)

        dlg.submit = submit
        self.open_dialog(dlg)

    @writes
    def edit_record(self, record: StaffRow) -> None:
        person = self.registry.staff.person(record.person.id)
        assignment = self.registry.staff.assignment(record.assignment.id)
        from .staff_dialogs import StaffDialog  # loaded when first opened
        dlg = StaffDialog(self.registry.units.list(), person, assignment, self)

        def submit() -> None:
            new_person, new_assignment = dlg.values()
            self.ops.edit_staff(person, new_person, assignment, new_assignment)

        dlg.submit = submit
        self.open_dialog(dlg)

    def writing_actions(self) -> list[QAction]:
        return [*super().writing_actions(), self.action_end, self.action_transfer]

    @writes
    def end_current(self) -> None:
        row = self.current_record()
        if row is None:
            return
        from .staff_dialogs import EndAssignmentDialog  # loaded when first opened
        dlg = EndAssignmentDialog(row.person.full_name, row.unit_name, self)
        dlg.submit = lambda: self.ops.end_assignment(row.assignment.id, dlg.value())
        self.open_dialog(dlg)

    @writes
    def transfer_current(self) -> None:
        row = self.current_record()
        if row is None:
            return
        from .staff_dialogs import TransferDialog  # loaded when first opened
        dlg = TransferDialog(row.person.full_name, row.assignment.unit_id,
                             self.registry.units.list(), row.assignment.position, self)

        def submit() -> None:
            unit_id, first_day, position = dlg.values()
            self.ops.transfer(row.assignment.id, unit_id, first_day, position=position)

        dlg.submit = submit
        self.open_dialog(dlg)

    def history_current(self) -> None:
        row = self.current_record()
        if row is None:
            return
        names = {u.id: u.name for u in self.registry.units.list()}
        from .staff_dialogs import HistoryDialog  # loaded when first opened
        dlg = HistoryDialog(row.person, self.registry.staff.assignments_of(row.person.id), names, self)
        self.open_dialog(dlg)

    @writes
    def delete_selected(self) -> None:
        rows = self.selected_records()
        if not rows:
            return
        names = ", ".join(r.person.full_name for r in rows[:5]) + ("…" if len(rows) > 5 else "")
        question = self.tr(
            "Xóa hẳn %1 dòng phân công (%2)?\n\nChỉ xóa khi nhập nhầm. Cán bộ nghỉ việc hoặc "
            "chuyển đi thì dùng \"Kết thúc công tác\" hoặc \"Điều chuyển\" để báo cáo các kỳ "
            "trước vẫn đúng."
        ).replace("%1", str(len(rows))).replace("%2", names)
        if not self.confirm(self.tr("Xóa cán bộ"), question):
            return
        try:
            self.ops.delete_assignments([r.assignment.id for r in rows])
        except StoreError as exc:
            self.refuse(str(exc))
