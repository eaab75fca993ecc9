"""Set-up from the official list of administrative units: pick the province, optionally the
commune; the dialog shows the header lines, địa danh and recipient it will write (Nghị định
30/2020) and the units it will create, before anything is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..domain import admin_units
from ..domain.office import office_setup
from ..domain.text import collation_key

WHOLE_PROVINCE = ""


class OfficeSetupDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, current_code: str = ""):
        super().__init__(parent)
        self.setObjectName("officeSetupDialog")
        self.setWindowTitle(self.tr("Thiết lập cơ quan từ danh mục đơn vị hành chính"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Chọn tỉnh, thành phố; nếu cơ quan là UBND xã, phường, đặc khu thì chọn thêm xã. "
            "Chương trình điền tên cơ quan ban hành, địa danh, nơi nhận báo cáo theo Nghị định "
            "30/2020/NĐ-CP và tạo Trung tâm Phục vụ hành chính công. Người ký để trống đến khi "
            "anh/chị nhập."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.province = QComboBox(self, objectName="setupProvince")
        for p in admin_units.provinces():
            self.province.addItem(f"{p.full_name[:1].upper()}{p.full_name[1:]} ({p.code})", p.code)
        self.commune = QComboBox(self, objectName="setupCommune")
        self.commune.setEditable(True)  # type to find among a province's communes
        self.commune.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        form.addRow(self.tr("Tỉnh, thành phố:"), self.province)
        form.addRow(self.tr("Xã, phường, đặc khu:"), self.commune)
        layout.addLayout(form)
        self.create_units = QCheckBox(self.tr("Tạo các Trung tâm Phục vụ hành chính công"), self)
        self.create_units.setObjectName("setupCreateUnits")
        self.create_units.setChecked(True)
        layout.addWidget(self.create_units)
        self.preview = QLabel(self, objectName="setupPreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("QLabel { background: #f6f6f2; border: 1px solid #ccc; padding: 8px; }")
        layout.addWidget(self.preview)
        layout.addWidget(QLabel(self.tr("Danh mục: vietnam-provinces %1").replace("%1", admin_units.data_version()), self))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Thiết lập"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.province.currentIndexChanged.connect(self._fill_communes)
        self.commune.currentIndexChanged.connect(self._show_preview)
        self._select(current_code)

    def _select(self, code: str) -> None:
        unit = admin_units.find(code) if code else None
        province = unit.province_code if unit else "20"
        i = self.province.findData(province)
        self.province.setCurrentIndex(max(i, 0))
        self._fill_communes()
        if unit is not None and not unit.is_province:
            self.commune.setCurrentIndex(max(self.commune.findData(unit.code), 0))

    def _fill_communes(self) -> None:
        self.commune.blockSignals(True)
        self.commune.clear()
        self.commune.addItem(self.tr("— Cả tỉnh (UBND tỉnh, thành phố) —"), WHOLE_PROVINCE)
        communes = admin_units.communes(self.province.currentData() or "")
        for c in sorted(communes, key=lambda u: collation_key(u.name)):
            self.commune.addItem(f"{c.full_name[:1].upper()}{c.full_name[1:]} ({c.code})", c.code)
        self.commune.setCurrentIndex(0)
        self.commune.blockSignals(False)
        self._show_preview()

    def code(self) -> str:
        return self.commune.currentData() or self.province.currentData() or ""

    def _show_preview(self) -> None:
        code = self.code()
        if not code:
            self.preview.setText("")
            return
        setup = office_setup(code)
        s = setup.settings
        units = len(setup.units)
        lines = [
            self.tr("Cơ quan ban hành: %1").replace("%1", " / ".join(s.issuing_body)),
            self.tr("Địa danh: %1, ngày … tháng … năm …").replace("%1", s.place_name),
            self.tr("Kính gửi: %1").replace("%1", "; ".join(s.recipients)),
            self.tr("Mẫu báo cáo: %1").replace("%1", self.tr("cấp tỉnh") if setup.level == "tinh" else self.tr("cấp xã")),
            self.tr("Đơn vị sẽ tạo: %1 (%2)").replace("%1", str(units)).replace(
                "%2", setup.units[0].name + (self.tr(" và %1 Trung tâm cấp xã").replace("%1", str(units - 1)) if units > 1 else "")),
        ]
        self.preview.setText("\n".join(lines))
