"""The form that edits one saved report, and the list of figures it can insert into the text."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.fields import ReportField
from ..report.fields import FIELDS
from ..store.reports import APPENDIX_EQUIPMENT, APPENDIX_STAFF, SavedReport


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _scrolled(page: QWidget) -> QScrollArea:
    """A page that scrolls rather than forcing the window taller than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class ReportEditor(QWidget):
    """Edits a :class:`SavedReport`; ``changed`` fires on every edit the user makes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._report: SavedReport | None = None
        self._loading = False

        self.number = QLineEdit(self, objectName="reportNumber")
        self.number.setPlaceholderText(self.tr("để trống đến khi ký, vào sổ"))
        self.report_date = QDateEdit(self, objectName="reportDate", calendarPopup=True)
        self.report_date.setDisplayFormat("dd/MM/yyyy")
        self.own_as_of = QCheckBox(self.tr("Số liệu tính đến ngày khác:"), self, objectName="reportOwnAsOf")
        self.as_of = QDateEdit(self, objectName="reportAsOf", calendarPopup=True)
        self.as_of.setDisplayFormat("dd/MM/yyyy")
        self.place = QLineEdit(self, objectName="reportPlace")
        self.title = QLineEdit(self, objectName="reportTitle")
        self.recipients = QPlainTextEdit(self, objectName="reportRecipients")
        self.recipients.setPlaceholderText(self.tr("mỗi nơi một dòng"))
        self.recipients.setMinimumHeight(52)
        self.signer_authority = QLineEdit(self, objectName="reportSignerAuthority")
        self.signer_title = QLineEdit(self, objectName="reportSignerTitle")
        self.signer_name = QLineEdit(self, objectName="reportSignerName")
        self.noi_nhan = QPlainTextEdit(self, objectName="reportNoiNhan")
        self.noi_nhan.setPlaceholderText(self.tr("mỗi nơi một dòng; dòng cuối: Lưu: VT, …"))
        self.noi_nhan.setMinimumHeight(100)
        self.staff_appendix = QCheckBox(self.tr("Phụ lục số lượng cán bộ, công chức, viên chức"),
                                        self, objectName="reportStaffAppendix")
        self.equipment_appendix = QCheckBox(self.tr("Phụ lục trang thiết bị so với định mức"),
                                            self, objectName="reportEquipmentAppendix")
        self.body = QPlainTextEdit(self, objectName="reportBody")
        self.body.setToolTip(self.tr(
            "Các đoạn cách nhau một dòng trống. Dòng bắt đầu bằng \"1.\", \"a)\" hoặc \"I.\" là đề mục. "
            "Số liệu chèn từ danh sách bên cạnh, dạng {ten_truong}."))

        self.fields = QListWidget(self, objectName="reportFields")
        self.fields.setWordWrap(True)  # a description is read whole, never cut
        self.fields.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.fields.setAlternatingRowColors(True)
        self.fields.setSpacing(2)
        self.fields.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap when the pane is resized
        self.fields.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for f in FIELDS:
            # the Vietnamese description first; the code it inserts below, for the curious
            item = QListWidgetItem(f"{self.tr(f.label)}\n    {f.token}", self.fields)
            item.setData(Qt.ItemDataRole.UserRole, f.token)
            item.setToolTip(self.tr("Chèn %1 vào nội dung").replace("%1", f.token))
        self.fields.itemDoubleClicked.connect(lambda item: self.insert_field(item.data(Qt.ItemDataRole.UserRole)))
        insert = QPushButton(self.tr("Chèn số liệu vào nội dung"), self, objectName="reportInsertField")
        insert.clicked.connect(self._insert_current)
        self.insert_button = insert

        # The header fields, the narrative and the signature are pages of their own, so the
        # narrative gets the editor's whole height (a five-page text needs it) and the editor
        # still fits beside the preview on a 1024×768 screen.
        header = QWidget(self)
        form = QFormLayout(header)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number, 1)
        number_row.addWidget(QLabel(self.tr("Ngày:"), self))
        number_row.addWidget(self.report_date)
        form.addRow(self.tr("Số:"), number_row)
        as_of_row = QHBoxLayout()
        as_of_row.addWidget(self.own_as_of)
        as_of_row.addWidget(self.as_of)
        as_of_row.addStretch(1)
        form.addRow("", as_of_row)
        form.addRow(f"{ReportField.PLACE.label}:", self.place)
        form.addRow(f"{ReportField.TITLE.label}:", self.title)
        form.addRow(f"{ReportField.RECIPIENTS.label}:", self.recipients)

        sign = QWidget(self)
        sign_form = QFormLayout(sign)
        sign_form.addRow(f"{ReportField.SIGNER_AUTHORITY.label}:", self.signer_authority)
        sign_form.addRow(self.tr("Chức vụ:"), self.signer_title)
        sign_form.addRow(self.tr("Họ và tên:"), self.signer_name)
        sign_form.addRow(f"{ReportField.NOI_NHAN.label}:", self.noi_nhan)
        sign_form.addRow(self.tr("Kèm theo:"), self.staff_appendix)
        sign_form.addRow("", self.equipment_appendix)

        field_box = QWidget(self)
        field_layout = QVBoxLayout(field_box)
        field_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Số liệu lấy từ dữ liệu (nháy đúp để chèn):"), field_box)
        hint.setWordWrap(True)
        field_layout.addWidget(hint)
        field_layout.addWidget(self.fields)
        field_layout.addWidget(insert)
        self.text_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.text_split.setObjectName("reportTextSplit")
        self.text_split.addWidget(self.body)
        self.text_split.addWidget(field_box)
        self.text_split.setStretchFactor(0, 3)
        self.text_split.setStretchFactor(1, 1)
        self.text_split.setCollapsible(0, False)
        self.text_split.setSizes([520, 200])

        self.pages = QTabWidget(self)
        self.pages.setObjectName("reportEditorPages")
        self.pages.addTab(self.text_split, self.tr("Nội dung báo cáo"))
        self.pages.addTab(_scrolled(header), self.tr("Số, ngày, kính gửi"))
        self.pages.addTab(_scrolled(sign), self.tr("Người ký, nơi nhận"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages, 1)

        for edit in (self.number, self.place, self.title, self.signer_authority, self.signer_title, self.signer_name):
            edit.textEdited.connect(self._edited)
        for plain in (self.recipients, self.noi_nhan, self.body):
            plain.textChanged.connect(self._edited)
        for day in (self.report_date, self.as_of):
            day.dateChanged.connect(self._edited)
        for box in (self.own_as_of, self.staff_appendix, self.equipment_appendix):
            box.toggled.connect(self._edited)
        self.own_as_of.toggled.connect(self.as_of.setEnabled)

    def set_read_only(self, read_only: bool) -> None:
        """The report can be read, its text selected and copied, but not changed."""
        for edit in (self.number, self.place, self.title, self.signer_authority, self.signer_title,
                     self.signer_name, self.recipients, self.noi_nhan, self.body,
                     self.report_date, self.as_of):
            edit.setReadOnly(read_only)
        for widget in (self.own_as_of, self.staff_appendix, self.equipment_appendix, self.insert_button):
            widget.setEnabled(not read_only)
        self.fields.setEnabled(not read_only)

    def _edited(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def _insert_current(self) -> None:
        item = self.fields.currentItem()
        if item is not None:
            self.insert_field(item.data(Qt.ItemDataRole.UserRole))

    def insert_field(self, token: str) -> None:
        """Put ``{field}`` at the cursor of the text."""
        self.body.insertPlainText(token)
        self.body.setFocus()

    def set_organisation(self, settings) -> None:
        """What a blank field takes from Thông tin cơ quan, shown in the field itself: the
        report follows the organisation's settings until the user types its own value."""
        follow = self.tr("theo thông tin cơ quan: %1")
        missing = self.tr("chưa có — nhập ở Danh mục → Thông tin cơ quan")
        for edit, value in ((self.place, settings.place_name), (self.signer_authority, settings.signer_authority),
                            (self.signer_title, settings.signer_title), (self.signer_name, settings.signer_name)):
            edit.setPlaceholderText(follow.replace("%1", value) if value else missing)
        recipients = "; ".join(settings.recipients)
        self.recipients.setPlaceholderText(follow.replace("%1", recipients) if recipients else missing)

    def set_report(self, report: SavedReport) -> None:
        self._loading = True
        try:
            self._report = report
            self.number.setText(report.number)
            self.report_date.setDate(_qdate(report.report_date))
            self.own_as_of.setChecked(report.as_of is not None)
            self.as_of.setEnabled(report.as_of is not None)
            self.as_of.setDate(_qdate(report.as_of or report.report_date))
            self.place.setText(report.place)
            self.title.setText(report.title)
            self.recipients.setPlainText("\n".join(report.recipients))
            self.body.setPlainText(report.body)
            self.signer_authority.setText(report.signer_authority)
            self.signer_title.setText(report.signer_title)
            self.signer_name.setText(report.signer_name)
            self.noi_nhan.setPlainText("\n".join(report.noi_nhan))
            self.staff_appendix.setChecked(APPENDIX_STAFF in report.appendices)
            self.equipment_appendix.setChecked(APPENDIX_EQUIPMENT in report.appendices)
        finally:
            self._loading = False

    def report(self) -> SavedReport:
        """The report as the form shows it now (not yet checked or stored)."""
        base = self._report or SavedReport(report_date=date.today(), title="")
        appendices = tuple(k for k, box in ((APPENDIX_STAFF, self.staff_appendix),
                                            (APPENDIX_EQUIPMENT, self.equipment_appendix)) if box.isChecked())
        return dataclasses.replace(
            base,
            number=self.number.text(),
            report_date=_pydate(self.report_date.date()),
            as_of=_pydate(self.as_of.date()) if self.own_as_of.isChecked() else None,
            place=self.place.text(),
            title=self.title.text(),
            recipients=_lines(self.recipients),
            body=self.body.toPlainText(),
            signer_authority=self.signer_authority.text(),
            signer_title=self.signer_title.text(),
            signer_name=self.signer_name.text(),
            noi_nhan=_lines(self.noi_nhan),
            appendices=appendices,
        )
