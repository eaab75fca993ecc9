"""The first steps of a register, tab by tab: set up the office → add or import units →
staff → equipment → report. Each tab with nothing to show says what to do and where."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from ..store.summary import RegisterSummary
from .empty_state import Step

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from .equipment_tab import EquipmentTab
    from .file_menu import FileMenu
    from .lazy_tab import LazyTab
    from .overview_tab import OverviewTab
    from .staff_tab import StaffTab
    from .units_tab import UnitsTab


class _Host(Protocol):
    """What the first steps use of the window (the main window is one; it is not imported
    here: it imports this module)."""

    tabs: QTabWidget
    files: FileMenu
    overview_tab: OverviewTab
    units_tab: UnitsTab
    staff_tab: StaffTab
    equipment_tab: EquipmentTab
    report_holder: LazyTab

    def tr(self, text: str, /) -> str: ...
    def open_org_settings(self) -> None: ...


def steps(window: _Host, c: RegisterSummary) -> dict[QWidget, Step | None]:
    """The note for each tab, None where the tab has data to show."""
    tr = window.tr
    go = window.tabs.setCurrentWidget
    office = (tr("Thông tin cơ quan…"), window.open_org_settings)
    add_unit = (tr("Thêm đơn vị"), window.units_tab.action_add.trigger)
    import_file = (tr("Nhập từ Excel/CSV…"), window.files.action_import.trigger)
    to_units = (tr("Sang tab Đơn vị"), lambda: go(window.units_tab))
    no_units = Step(
        tr("Bước 1: các Bộ phận Một cửa"),
        tr("Sổ chưa có đơn vị nào. Trước hết kiểm tra thông tin cơ quan (tên cơ quan ban hành, "
           "người ký), rồi thêm từng Bộ phận Một cửa hoặc nhập cả danh sách từ tệp Excel theo mẫu."),
        (office, add_unit, import_file))
    out: dict[QWidget, Step | None] = {window.overview_tab: no_units if not c.units else None,
                                       window.units_tab: no_units if not c.units else None}
    if not c.units:
        out[window.staff_tab] = Step(tr("Cần có đơn vị trước"), tr(
            "Cán bộ được phân công vào một Bộ phận Một cửa: hãy thêm các đơn vị trước."),
            (to_units, import_file))
    elif not c.assignments:
        out[window.staff_tab] = Step(tr("Bước 2: cán bộ"), tr(
            "Chưa có cán bộ nào. Thêm từng người (hình thức: biên chế, biệt phái hoặc cử đến) "
            "hoặc nhập danh sách từ Excel."),
            ((tr("Thêm cán bộ"), window.staff_tab.action_add.trigger), import_file))
    else:
        out[window.staff_tab] = None
    if not c.units:
        out[window.equipment_tab] = Step(tr("Cần có đơn vị trước"), tr(
            "Thiết bị được ghi theo từng Bộ phận Một cửa: hãy thêm các đơn vị trước."), (to_units,))
    elif not c.equipment_types:
        out[window.equipment_tab] = Step(tr("Danh mục thiết bị còn trống"), tr(
            "Hãy thêm các loại thiết bị và định mức cho mỗi cấp trước, rồi ghi thiết bị của từng đơn vị."),
            ((tr("Danh mục và định mức…"), window.equipment_tab.open_catalogue),))
    elif not c.equipment_lines:
        out[window.equipment_tab] = Step(tr("Bước 3: trang thiết bị"), tr(
            "Chưa ghi thiết bị nào. Ghi số lượng từng loại ở mỗi đơn vị để biết còn thiếu gì so "
            "với định mức."),
            ((tr("Thêm thiết bị"), window.equipment_tab.action_add.trigger),
             (tr("Danh mục và định mức…"), window.equipment_tab.open_catalogue), import_file))
    else:
        out[window.equipment_tab] = None
    out[window.report_holder] = None if c.units else Step(
        tr("Báo cáo chưa có số liệu"),
        tr("Báo cáo lấy số liệu từ các đơn vị, cán bộ và thiết bị trong sổ. Sổ còn trống: hãy "
           "nhập dữ liệu trước; nội dung báo cáo vẫn soạn được."), (to_units,))
    return out
