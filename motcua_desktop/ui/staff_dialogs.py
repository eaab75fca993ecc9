"""Dialogs of the staff tab: add/edit a person with their assignment, end an assignment,
transfer to another unit, and a person's assignment history."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from ..domain.fields import AssignmentField as A
from ..domain.fields import PersonField as P
from ..domain.model import Assignment, EmploymentKind, Person, Unit
from ..domain.text import format_date
from ..domain.validation import FieldError, ValidationError, clean_assignment, clean_person
from .form import FieldParser, FormDialog, plain
from .table_model import Column, RecordTableModel, date_key

FIELD_SEPARATOR = ";"


def _kind_choices() -> list[tuple[str, object]]:
    return [(k.label, k) for k in EmploymentKind]


def _unit_choices(units: list[Unit]) -> list[tuple[str, object]]:
    return [(u.name, u.id) for u in units]


class StaffDialog(FormDialog):
    """A person and one assignment (the current one when editing)."""

    def __init__(self, units: list[Unit], person: Person | None = None,
                 assignment: Assignment | None = None, parent: QWidget | None = None,
                 default_unit: int | None = None):
        super().__init__(self.tr("Sửa cán bộ") if person else self.tr("Thêm cán bộ"), parent)
        self.setObjectName("staffDialog")
        self.person_before, self.assignment_before = person, assignment
        p = person or Person(full_name="")
        a = assignment or Assignment(None, default_unit)
        self.full_name = self.line(P.FULL_NAME, p.full_name)
        self.code = self.line(P.CODE, p.code, self.tr("để trống nếu chưa có"))
        self.birth_year = self.line(P.BIRTH_YEAR, str(p.birth_year or ""))
        self.gender = self.combo(P.GENDER, [("", ""), ("Nam", "Nam"), ("Nữ", "Nữ")], p.gender)
        self.phone = self.line(P.PHONE, p.phone)
        self.qualification = self.line(P.QUALIFICATION, p.qualification)
        self.unit = self.combo(A.UNIT_ID, _unit_choices(units), a.unit_id)
        self.position = self.line(A.POSITION, a.position)
        self.kind = self.combo(A.KIND, _kind_choices(), EmploymentKind(a.kind))
        self.agency = self.line(A.SENDING_AGENCY, a.sending_agency,
                                self.tr("với cán bộ do cơ quan khác cử đến"))
        self.fields_edit = self.line(A.FIELDS, "; ".join(a.fields),
                                     self.tr("nhiều lĩnh vực cách nhau bởi dấu ;"))
        self.decision = self.line(A.DECISION, a.decision)
        self.start = self.line(A.START, format_date(a.start), "dd/mm/yyyy")
        self.end = self.line(A.END, format_date(a.end), self.tr("để trống nếu đang làm việc"))
        self.notes = self.text(A.NOTES, a.notes)
        self.kind.currentIndexChanged.connect(self._agency_enabled)
        self._agency_enabled()

    def _agency_enabled(self) -> None:
        self.agency.setEnabled(self.kind.currentData() == EmploymentKind.CU_DEN or bool(self.agency.text()))

    def values(self) -> tuple[Person, Assignment]:
        """What was typed; raises ``ValidationError`` naming every wrong field."""
        parser = FieldParser()
        person = dataclasses.replace(
            self.person_before or Person(full_name=""),
            full_name=plain(self.full_name),
            code=plain(self.code),
            birth_year=parser.integer(P.BIRTH_YEAR, self.birth_year.text()),
            gender=self.gender.currentData(),
            phone=plain(self.phone),
            qualification=plain(self.qualification),
        )
        fields = tuple(f.strip() for f in self.fields_edit.text().split(FIELD_SEPARATOR) if f.strip())
        assignment = dataclasses.replace(
            self.assignment_before or Assignment(None, None),
            unit_id=self.unit.currentData(),
            position=plain(self.position),
            kind=EmploymentKind(self.kind.currentData()),  # the combo gives the enum back as str
            sending_agency=plain(self.agency),
            fields=fields,
            decision=plain(self.decision),
            start=parser.day(A.START, self.start.text()),
            end=parser.day(A.END, self.end.text()),
            notes=plain(self.notes),
        )
        more: list[FieldError] = []
        for clean, record in ((clean_person, person), (clean_assignment, assignment)):
            try:
                clean(record)
            except ValidationError as exc:
                more.extend(exc.errors)
        parser.raise_if_any(more)
        return person, assignment


class EndAssignmentDialog(FormDialog):
    """The last working day at the unit (the day itself still counts)."""

    def __init__(self, person_name: str, unit_name: str, parent: QWidget | None = None):
        super().__init__(self.tr("Kết thúc công tác"), parent)
        self.setObjectName("endAssignmentDialog")
        intro = QLabel(self.tr("%1 thôi làm việc tại %2.").replace("%1", person_name)
                       .replace("%2", unit_name), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.last_day = self.line(A.END, format_date(date.today()), "dd/mm/yyyy",
                                  label=self.tr("Ngày kết thúc"))

    def value(self) -> date:
        parser = FieldParser()
        day = parser.day(A.END, self.last_day.text())
        if day is None and not parser.errors:
            parser.errors.append(FieldError(A.END, "chưa nhập ngày"))
        parser.raise_if_any()
        assert day is not None
        return day


class TransferDialog(FormDialog):
    """Another unit from a given day; the old assignment ends the day before."""

    def __init__(self, person_name: str, current_unit: int | None, units: list[Unit],
                 position: str, parent: QWidget | None = None):
        super().__init__(self.tr("Điều chuyển cán bộ"), parent)
        self.setObjectName("transferDialog")
        intro = QLabel(self.tr("Điều chuyển %1 sang đơn vị khác.").replace("%1", person_name), self)
        self.form.addRow(intro)
        others = [u for u in units if u.id != current_unit]
        self.unit = self.combo(A.UNIT_ID, _unit_choices(others), label=self.tr("Đơn vị mới"))
        self.first_day = self.line(A.START, format_date(date.today()), "dd/mm/yyyy")
        self.position = self.line(A.POSITION, position)

    def values(self) -> tuple[int, date, str]:
        parser = FieldParser()
        day = parser.day(A.START, self.first_day.text())
        if day is None and not parser.errors:
            parser.errors.append(FieldError(A.START, "chưa nhập ngày"))
        if self.unit.currentData() is None:
            parser.errors.append(FieldError(A.UNIT_ID, "chưa chọn đơn vị"))
        parser.raise_if_any()
        assert day is not None
        return self.unit.currentData(), day, plain(self.position)


def history_model(unit_names: dict[int, str], parent=None) -> RecordTableModel:
    columns = [
        Column(A.UNIT_ID.label, lambda a: unit_names.get(a.unit_id, "")),
        Column(A.POSITION.label, lambda a: a.position),
        Column(A.KIND.label, lambda a: EmploymentKind(a.kind).label),
        Column(A.SENDING_AGENCY.label, lambda a: a.sending_agency),
        Column(A.START.label, lambda a: format_date(a.start), lambda a: date_key(a.start)),
        Column(A.END.label, lambda a: format_date(a.end) or "nay", lambda a: date_key(a.end)),
    ]
    return RecordTableModel(columns, lambda a: unit_names.get(a.unit_id, ""), parent)


class HistoryDialog(QDialog):
    """Every assignment of one person, oldest first."""

    def __init__(self, person: Person, assignments: list[Assignment], unit_names: dict[int, str],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Quá trình công tác: %1").replace("%1", person.full_name))
        self.resize(760, 300)
        self.model = history_model(unit_names, self)
        self.model.set_rows(assignments)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
