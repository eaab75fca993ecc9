"""Data packages in the window: "Gửi số liệu lên tỉnh…" (any register with an official code)
and, in a province register, the "Tổng hợp" tab: receive packages (one undoable step), and the
tracking of a date or period — sortable, exportable to Excel, printable as a checklist.
The window builds the tab in a province register and imports this module only then."""

from __future__ import annotations

import html
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QDate
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.periods import NOT_SENT, PERIOD_LABELS, Period, PeriodError, PeriodKind, period_of
from ..store.errors import InputRejected, StoreError
from .commands import Area, StoreCommand, record_done
from .read_only import writes

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QStatusBar

    from ..store.registry import Registry
    from .commands import ChangeBus
    from .settings import UiSettings


class _Sender(Protocol):
    """What "Gửi số liệu lên tỉnh…" uses of the window (the Tệp menu hands it its own)."""

    registry: Registry
    clock: Callable[[], date]

    def tr(self, text: str, /) -> str: ...


class _Host(_Sender, Protocol):
    """What the consolidation tab uses of its window (the main window is one; it is not
    imported here: it builds this tab)."""

    ui_settings: UiSettings
    undo_stack: QUndoStack
    bus: ChangeBus

    def statusBar(self) -> QStatusBar: ...
    def notify_changed(self, areas: Area = ..., /) -> None: ...


PACKAGE_FILTER = "Gói số liệu (*.xlsx)"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class _Item(QTableWidgetItem):
    """Sorts by a key of its own (numbers as numbers, dates as dates)."""

    def __init__(self, text: str, key: object):
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:  # Qt's sort
        mine, theirs = self.key, other.key if isinstance(other, _Item) else other.text()
        try:
            return bool(mine < theirs)  # type: ignore[operator]
        except TypeError:
            return str(mine) < str(theirs)


class ConsolidationTab(QWidget):
    """Built only in a province register (its store modules load with it, not at start-up)."""

    def __init__(self, window: _Host):
        from ..store.packages.tracking import HEADERS

        super().__init__(window)
        self.window = window
        self.setObjectName("consolidationTab")
        tr = window.tr
        self.period_kind = QComboBox(self)
        self.period_kind.setObjectName("periodKind")
        self.period_kind.addItem(tr("Đúng ngày số liệu"), None)
        for kind in PeriodKind:
            self.period_kind.addItem(PERIOD_LABELS[kind], kind.value)
        self.day = QDateEdit(self)
        self.day.setObjectName("trackingDate")
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setDate(_qdate(window.clock()))
        receive = QPushButton(tr("Nhận gói số liệu…"), self)
        receive.setObjectName("receivePackages")
        receive.clicked.connect(self.receive_files)
        self.receive_button = receive
        self.read_only = False
        export = QPushButton(tr("Xuất Excel…"), self)
        export.clicked.connect(self.export_files)
        printing = QPushButton(tr("In danh sách…"), self)
        printing.clicked.connect(self.print_checklist)
        bar = QHBoxLayout()
        bar.addWidget(receive)
        bar.addSpacing(16)
        bar.addWidget(QLabel(tr("Kỳ:"), self))
        bar.addWidget(self.period_kind)
        bar.addWidget(QLabel(tr("Ngày:"), self))
        bar.addWidget(self.day)
        bar.addStretch(1)
        bar.addWidget(export)
        bar.addWidget(printing)
        self.caption = QLabel(self)
        self.caption.setObjectName("trackingCaption")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("trackingTable")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        self.rows: list = []  # TrackingRow
        self.period: Period | None = None
        self.period_kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.day.dateChanged.connect(lambda _d: self.reload())
        self.reload()

    # tracking -------------------------------------------------------------------------------
    def _period(self) -> Period:
        kind = self.period_kind.currentData()
        return period_of(PeriodKind(kind) if kind else None, self.day.date().toPython())

    def reload(self) -> None:
        from ..store.packages.tracking import tracking

        try:
            self.period = self._period()
        except PeriodError as exc:
            self.period, self.rows = None, []
            self.caption.setText(str(exc))
            self.table.setRowCount(0)
            return
        self.rows = tracking(self.window.registry, self.period)
        sent = len({r.office_code for r in self.rows if r.status != NOT_SENT})
        communes = len({r.office_code for r in self.rows})
        p = self.period
        self.caption.setText(self.window.tr("%1 (số liệu từ %2 đến %3): đã gửi %4/%5 xã, phường, đặc khu")
                             .replace("%1", p.label).replace("%2", f"{p.start:%d/%m/%Y}")
                             .replace("%3", f"{p.end:%d/%m/%Y}").replace("%4", str(sent)).replace("%5", str(communes)))
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            keys: list[object] = [i + 1, r.office_code, r.name, r.status, r.data_date or date.min,
                                  r.received_at.isoformat() if r.received_at else "",
                                  *[-1 if v is None else v for v in (r.total, r.own, r.seconded, r.sent,
                                                                   r.support, r.equipment)], r.file_name]
            for j, (text, key) in enumerate(zip((str(i + 1), *r.cells()), keys, strict=True)):
                self.table.setItem(i, j, _Item(text, key))
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    # receiving ------------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """Receiving packages writes them into the register: not here."""
        self.read_only = read_only
        self.receive_button.setVisible(not read_only)
        self.receive_button.setEnabled(not read_only)

    @writes
    def receive_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.window.tr("Nhận gói số liệu"),
                                                self.window.ui_settings.last_directory or "", PACKAGE_FILTER)
        if paths:
            self.receive([Path(p) for p in paths])

    def receive(self, paths: list[Path], replace_newer: bool = False) -> bool:
        """Receive ``paths`` as one undoable step; a refusal is shown and changes nothing."""
        if self.read_only:
            return False
        from ..store.packages import receive_packages

        window = self.window
        registry = window.registry
        try:
            receipt = receive_packages(registry, paths, replace_newer=replace_newer, journal=True)
        except InputRejected as exc:
            older = any("cũ hơn gói đang giữ" in line for line in exc.problems)
            box = QMessageBox(QMessageBox.Icon.Warning, window.tr("Không nhận gói số liệu"),
                              "\n".join([str(exc), *exc.problems[:30]]), QMessageBox.StandardButton.Ok, self)
            if older and not replace_newer:
                box.setText(box.text() + "\n\n" + window.tr("Vẫn nhận, thay gói mới hơn bằng gói cũ này?"))
                box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.setObjectName("receiveRefusedBox")
            self.dialog = box
            if box.exec() == QMessageBox.StandardButton.Yes:
                return self.receive(paths, replace_newer=True)
            return False
        except StoreError as exc:
            QMessageBox.warning(self, window.tr("Không nhận gói số liệu"), str(exc))
            return False
        journal = receipt.journal
        if journal:
            def apply(backwards: bool) -> None:
                with registry.transaction():
                    journal.apply(registry.db.conn, backwards=backwards)

            text = window.tr("Nhận %1 gói số liệu").replace("%1", str(len(receipt.received)))
            record_done(window.undo_stack, StoreCommand(text, lambda: apply(False), lambda: apply(True),
                                                        window.bus, Area.UNITS | Area.STAFF | Area.EQUIPMENT | Area.PACKAGES))
        window.notify_changed()
        self.reload()
        message = window.tr("Đã nhận %1 gói số liệu").replace("%1", str(len(receipt.received)))
        if receipt.unchanged:
            message += window.tr("; %1 gói đã nhận trước đây, không đổi").replace("%1", str(len(receipt.unchanged)))
        window.statusBar().showMessage(message, 10000)
        return True

    # export and print -----------------------------------------------------------------------
    def export_files(self) -> None:
        if self.period is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.window.tr("Xuất danh sách theo dõi"),
                                              "theo-doi-gui-so-lieu.xlsx", "Excel (*.xlsx)")
        if path:
            self.export_to(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export_to(self, path: Path) -> None:
        from ..store.packages.tracking import export_tracking

        try:
            export_tracking(self.rows, self.period, path, self.window.registry.path)  # type: ignore[arg-type]
        except (InputRejected, StoreError) as exc:
            QMessageBox.warning(self, self.window.tr("Không ghi được tệp"), str(exc))
            return
        self.window.statusBar().showMessage(self.window.tr("Đã ghi %1").replace("%1", str(path)), 10000)

    def checklist_html(self) -> str:
        p = self.period
        head = "".join(f"<th>{html.escape(h)}</th>" for h in ("STT", "Mã ĐVHC", "Xã, phường, đặc khu",
                                                              "Trạng thái", "Ngày nhận", "Tổng số", "Đã liên hệ"))
        body = "".join(
            f"<tr><td>{i}</td><td>{r.office_code}</td><td>{html.escape(r.name)}</td><td>{r.status}</td>"
            f"<td>{r.cells()[4]}</td><td>{r.cells()[5]}</td><td>&#9744;</td></tr>"
            for i, r in enumerate(self.rows, start=1))
        title = html.escape(f"Danh sách theo dõi gửi số liệu — {p.label}" if p else "")
        return (f"<h3>{title}</h3><table border='1' cellspacing='0' cellpadding='3' width='100%'>"
                f"<tr>{head}</tr>{body}</table>")

    def print_checklist(self) -> int:
        from .printing import print_pdf  # QtPdf loads when first printing

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return 0
        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "theo-doi.pdf"
            writer = QPrinter(QPrinter.PrinterMode.HighResolution)
            writer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            writer.setOutputFileName(str(pdf))
            doc = QTextDocument()
            doc.setHtml(self.checklist_html())
            doc.print_(writer)
            return print_pdf(pdf, printer, "Theo dõi gửi số liệu")


def submit_dialog(window: _Sender) -> Path | None:
    """"Gửi số liệu lên tỉnh…": the date of the figures and where to save the package."""
    from ..store.packages.submit import NO_CODE

    tr = window.tr
    if not window.registry.settings.get().office_code:
        QMessageBox.information(window, tr("Gửi số liệu lên tỉnh"), NO_CODE[:1].upper() + NO_CODE[1:] + ".")
        return None
    ask = QDialog(window)
    ask.setWindowTitle(tr("Gửi số liệu lên tỉnh"))
    edit = QDateEdit(ask)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(_qdate(window.clock()))
    form = QFormLayout(ask)
    form.addRow(QLabel(tr("Gói số liệu gồm đơn vị, cán bộ đang làm việc và thiết bị tại ngày chọn."), ask))
    form.addRow(tr("Ngày số liệu:"), edit)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, ask)
    buttons.accepted.connect(ask.accept)
    buttons.rejected.connect(ask.reject)
    form.addRow(buttons)
    if ask.exec() != QDialog.DialogCode.Accepted:
        return None
    day = edit.date().toPython()
    path, _ = QFileDialog.getSaveFileName(window, tr("Gửi số liệu lên tỉnh — lưu gói số liệu"),
                                          f"goi-so-lieu-{day:%Y%m%d}.xlsx", PACKAGE_FILTER)
    if not path:
        return None
    return submit_to(window, Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"), day)


def submit_to(window: _Sender, path: Path, day: date) -> Path | None:
    from ..store.packages import submit_package

    try:
        info = submit_package(window.registry, path, day)
    except (InputRejected, StoreError) as exc:
        QMessageBox.warning(window, window.tr("Không lập được gói số liệu"), str(exc))
        return None
    QMessageBox.information(window, window.tr("Đã lập gói số liệu"), window.tr(
        "Đã lưu %1 (số liệu ngày %2).\nMã kiểm tra: %3\n\nGửi tệp này cho tỉnh qua thư điện tử, hệ thống "
        "quản lý văn bản hoặc USB.").replace("%1", str(path)).replace("%2", f"{day:%d/%m/%Y}")
        .replace("%3", info.check_code))
    return path

