"""Choice of the report's template (era and level, or the user's own) above the editor, and
"Lưu thành mẫu riêng…" to keep the narrative being edited as a template."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from ..domain.templates import ReportTemplate
from ..domain.validation import ValidationError
from ..store.errors import StoreError
from ..store.reports import SavedReport, apply_template
from .operations import Operations


class TemplatePicker(QWidget):
    """``switched`` carries the report rewritten from the chosen template."""

    switched = Signal(object)

    def __init__(self, ops: Operations, current_report: Callable[[], SavedReport], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("templatePicker")
        self.ops, self.registry, self.current_report = ops, ops.registry, current_report
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Mẫu báo cáo:"), self))
        self.combo = QComboBox(self, objectName="reportTemplate")
        self.combo.activated.connect(self._chosen)
        row.addWidget(self.combo, 1)
        self.save_button = QPushButton(self.tr("Lưu thành mẫu riêng…"), self, objectName="saveAsTemplate")
        self.save_button.clicked.connect(self.save_as_template)
        row.addWidget(self.save_button)
        self._key = ""

    def set_read_only(self, read_only: bool) -> None:
        """Neither switching the report's template nor saving one of the user's own."""
        self.combo.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.save_button.setEnabled(not read_only)

    def show_for(self, report: SavedReport) -> None:
        """List the templates and select the report's (blank: the register level's)."""
        template = self.registry.template_for(report.template, report.report_date)
        self._key = template.key
        self.combo.blockSignals(True)
        self.combo.clear()
        for t in self.registry.templates.all():
            self.combo.addItem(t.name, t.key)
        self.combo.setCurrentIndex(max(self.combo.findData(template.key), 0))
        self.combo.blockSignals(False)

    def _chosen(self, index: int) -> None:
        key = self.combo.itemData(index)
        if key == self._key:
            return
        template: ReportTemplate = self.registry.templates.get(key)
        answer = QMessageBox.question(
            self, self.tr("Đổi mẫu báo cáo"),
            self.tr("Thay trích yếu, nội dung, nơi nhận và phụ lục của báo cáo đang sửa bằng mẫu "
                    "\"%1\"? Ngày, số, người ký giữ nguyên.").replace("%1", template.name))
        if answer != QMessageBox.StandardButton.Yes:
            self.combo.setCurrentIndex(max(self.combo.findData(self._key), 0))
            return
        self._key = key
        self.switched.emit(apply_template(self.current_report(), template))

    def save_as_template(self) -> ReportTemplate | None:
        name, ok = QInputDialog.getText(self, self.tr("Lưu thành mẫu riêng"), self.tr("Tên mẫu:"))
        if not ok:
            return None
        report = self.current_report()
        base = self.registry.template_for(report.template, report.report_date)
        try:
            saved = self.ops.save_template(name, base.base or base.key, report.title,
                                           report.body, report.noi_nhan)
        except (ValidationError, StoreError) as exc:
            QMessageBox.warning(self, self.tr("Chưa lưu được mẫu"), str(exc))
            return None
        self.show_for(report)
        return saved
