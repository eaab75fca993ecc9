"""The window on the sample data: tabs, named widgets, status bar, remembered state."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QTableView, QTabWidget

from motcua_desktop.ui import build_main_window
from motcua_desktop.ui.commands import Area

ACTIONS = ["actionAddUnit", "actionAddStaff", "actionAddEquipment", "actionDelete", "actionUndo",
           "actionExport", "actionImport"]


def test_window_on_sample_data_has_the_four_tabs_in_vietnamese(window):
    tabs = window.findChild(QTabWidget, "mainTabs")
    labels = [tabs.tabText(i) for i in range(tabs.count())]
    assert labels[:4] == ["Tổng quan", "Đơn vị", "Cán bộ", "Trang thiết bị"]


def test_named_tables_search_boxes_and_actions_exist(window):
    for name in ("unitsTable", "staffTable", "equipmentTable"):
        assert window.findChild(QTableView, name) is not None, name
    for name in ("unitsSearch", "staffSearch", "equipmentSearch"):
        assert window.findChild(QLineEdit, name) is not None, name
    for name in ACTIONS:
        assert window.findChild(QAction, name) is not None, name


def test_tables_show_the_sample_register(window):
    for tab in (window.units_tab, window.staff_tab):
        window.tabs.setCurrentWidget(tab)
    assert window.findChild(QTableView, "unitsTable").model().rowCount() == 21
    # 119 people work on the seed's date (112 own + 7 sent), former and future staff hidden
    assert window.findChild(QTableView, "staffTable").model().rowCount() == 119


def test_status_bar_names_the_file_and_counts(window, sample_db_path):
    assert str(sample_db_path) in window.file_label.text()
    assert window.count_label.text().startswith("21 đơn vị")


def test_menus_and_toolbar_have_no_english(window):
    texts = [a.text() for a in window.menuBar().actions()]
    for menu_action in window.menuBar().actions():
        texts += [a.text() for a in menu_action.menu().actions() if a.text()]
    texts += [a.text() for a in window.toolbar.actions() if a.text()]
    english = {"File", "Edit", "Help", "Open", "Save", "Undo", "Redo", "Delete", "Quit", "Import", "Export"}
    assert not [t for t in texts if t.replace("&", "").rstrip("…").strip() in english]
    assert any("Tệp" in t for t in texts)


def test_last_tab_and_column_widths_are_remembered(qtbot, sample_db_path, window):
    window.tabs.setCurrentWidget(window.staff_tab)
    window.staff_tab.table.horizontalHeader().resizeSection(0, 321)
    window.close()
    again = build_main_window(sample_db_path)
    qtbot.addWidget(again)
    assert again.tabs.currentWidget() is again.staff_tab
    assert again.staff_tab.table.horizontalHeader().sectionSize(0) == 321
    again.close()


def test_settings_live_in_the_user_data_folder(window, tmp_path_factory, monkeypatch):
    import os

    assert str(window.ui_settings.path).startswith(os.environ["MOTCUA_DATA_DIR"])


def test_add_tab_extension_point_reloads_on_change(window, qtbot):
    from PySide6.QtWidgets import QWidget

    class Probe(QWidget):
        reloads = 0

        def reload(self):
            Probe.reloads += 1

    probe = Probe()
    probe.setObjectName("probeTab")
    window.add_tab(probe, "Thử", Area.UNITS, probe.reload)
    window.tabs.setCurrentWidget(probe)
    with qtbot.waitSignal(window.data_changed):
        window.notify_changed(Area.UNITS)
    assert Probe.reloads == 1


def test_report_tab_is_built_when_first_shown(window):
    pytest.importorskip("motcua_desktop.ui.report_tab")
    assert window.report_tab is None
    window.tabs.setCurrentWidget(window.report_holder)
    assert window.report_tab.findChild(QAction, "actionPreviewReport") is not None
    assert window.findChild(QAction, "actionShowReportPreview").text() == "Xem trước báo cáo"
