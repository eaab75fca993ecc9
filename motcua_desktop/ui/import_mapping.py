"""The mapping step of an import: each sheet of the chosen file, what it was recognised as, and
each of its columns with the field it was recognised as — changeable, or ignored — plus a value
for every row where the file lacks a field (every row ``Biên chế`` when there is no kind
column). The choices are remembered for the next file with the same headers."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Condition, EmploymentKind
from ..store.transfer.meanings import meaning_key
from ..store.transfer.options import IGNORE, ImportOptions
from ..store.transfer.plan import SheetPlan

# Fields a whole list often lacks, with the values offered for them.
_DEFAULTABLE = {
    "staff": ("kind", "unit_code"),
    "equipment": ("unit_code", "condition"),
}


class _SheetPage(QWidget):
    def __init__(self, plan: SheetPlan, index: int, units: list[str], remembered: dict[str, Any] | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        layout = QVBoxLayout(self)
        assert plan.sheet is not None
        how = self.tr("theo dòng tiêu đề") if plan.by_header else self.tr("theo tên trang")
        about = QLabel(self.tr("Trang '%1' được nhận là danh sách %2 (%3). Chọn trường cho từng cột, "
                               "hoặc «Bỏ qua» để không nhập cột đó.")
                       .replace("%1", plan.name).replace("%2", plan.sheet.title).replace("%3", how), self)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.table = QTableWidget(len(plan.columns), 2, self)
        self.table.setObjectName(f"mappingTable{index}")
        self.table.setHorizontalHeaderLabels([self.tr("Cột trong tệp"), self.tr("Nhập vào trường")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        mapped = (remembered or {}).get("map", {})
        self.boxes: list[QComboBox] = []
        for row, (header, key) in enumerate(plan.columns):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            box = QComboBox(self.table)
            box.addItem(self.tr("— Bỏ qua —"), IGNORE)
            for column in plan.fields:
                box.addItem(column.label, column.key)
            chosen = mapped.get(meaning_key(header), key or IGNORE)
            if key and box.findData(key) < 0:  # the row id, a norm per level: kept as recognised
                box.addItem(next((c.label for c in plan.sheet.columns if c.key == key), header), key)
                chosen = key if chosen == IGNORE else chosen
            box.setCurrentIndex(max(0, box.findData(chosen)))
            self.table.setCellWidget(row, 1, box)
            self.boxes.append(box)
        layout.addWidget(self.table, 1)
        self.defaults: dict[str, QComboBox] = {}
        keys = _DEFAULTABLE.get(plan.sheet.key, ())
        if keys:
            form = QFormLayout()
            note = QLabel(self.tr("Giá trị chung cho mọi dòng khi tệp không có cột của trường đó:"), self)
            note.setWordWrap(True)
            layout.addWidget(note)
            given = (remembered or {}).get("defaults", {})
            for key in keys:
                column = plan.sheet.column(key)
                box = QComboBox(self)
                box.setObjectName(f"default_{key}_{index}")
                box.setEditable(True)
                box.addItem("")
                box.addItems(_values(key, units))
                box.setCurrentText(given.get(key, ""))
                if key == "unit_code" and plan.by_header and all(k != key for _, k in plan.columns):
                    box.lineEdit().setPlaceholderText(self.tr("theo tên trang: %1").replace("%1", plan.name))
                label = column.label + (self.tr(" (bắt buộc)") if column in plan.missing else "")
                form.addRow(label, box)
                self.defaults[key] = box
            layout.addLayout(form)

    def choices(self) -> dict[str, dict[str, str]]:
        mapping = {meaning_key(h): str(b.currentData()) for (h, _), b in zip(self.plan.columns, self.boxes, strict=True)}
        defaults = {k: b.currentText().strip() for k, b in self.defaults.items() if b.currentText().strip()}
        return {"map": mapping, "defaults": defaults}

    def changed(self) -> dict[str, str]:
        """Only what differs from recognition: the reader keeps its own reading of the rest
        (a sub-header under its merged heading, a name in two halves)."""
        return {meaning_key(h): str(b.currentData())
                for (h, key), b in zip(self.plan.columns, self.boxes, strict=True)
                if str(b.currentData()) != (key or IGNORE)}  # fmt: skip


def _values(key: str, units: list[str]) -> list[str]:
    if key == "kind":
        return [k.label for k in EmploymentKind]
    if key == "condition":
        return [c.label for c in Condition]
    return units


class ImportMappingDialog(QDialog):
    def __init__(self, file_name: str, plans: list[SheetPlan], units: list[str], settings: Any,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importMappingDialog")
        self.setWindowTitle(self.tr("Chọn cột khi nhập %1").replace("%1", file_name))
        self.resize(820, 540)
        self.settings = settings
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.pages: list[_SheetPage] = []
        unknown = [p.name for p in plans if p.sheet is None]
        for index, plan in enumerate(p for p in plans if p.sheet is not None):
            page = _SheetPage(plan, index, units, settings.import_choices(plan.signature), self)
            self.pages.append(page)
            self.tabs.addTab(page, plan.name)
        if unknown:
            warn = QLabel(self.tr("Không nhận ra trang: %1 (không có cột tên người, tên đơn vị hay tên "
                                  "thiết bị); bước xem trước sẽ báo lỗi.").replace("%1", ", ".join(unknown)), self)
            warn.setWordWrap(True)
            layout.addWidget(warn)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(self)
        self.continue_button = buttons.addButton(self.tr("Tiếp tục: xem trước"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setObjectName("mappingContinueButton")
        cancel = buttons.addButton(self.tr("Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def options(self) -> ImportOptions:
        options = ImportOptions()
        for page in self.pages:
            options.sheet_mapping[page.plan.name] = page.changed()
            assert page.plan.sheet is not None
            for key, value in page.choices()["defaults"].items():
                options.defaults.setdefault(page.plan.sheet.column(key).label, value)
        return options

    def remember(self) -> None:
        for page in self.pages:
            self.settings.set_import_choices(page.plan.signature, page.choices())
