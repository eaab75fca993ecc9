"""The window fits a 1024×768 office screen, its lists show whole names, and an empty register
says on every tab what to do first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu, QPushButton

from motcua_desktop.ui.empty_state import EmptyState

MAX_W, MAX_H = 1000, 680


@pytest.fixture
def empty_window(qtbot, db_path):
    from motcua_desktop.store import Registry
    from motcua_desktop.store.new_register import start_new_register
    from motcua_desktop.ui import build_main_window

    reg = Registry.open(db_path)  # as the window's "new data file" and the first start make it
    start_new_register(reg)
    reg.close()
    win = build_main_window(db_path)
    qtbot.addWidget(win)
    yield win
    win.close()


def test_every_tab_fits_1000_by_680(window, qtbot):
    window.show()
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        hint = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert hint.width() <= MAX_W and hint.height() <= MAX_H, (window.tabs.tabText(i), hint)
        window.resize(MAX_W, MAX_H)
        qtbot.wait(10)
        assert window.width() <= MAX_W and window.height() <= MAX_H, window.tabs.tabText(i)


def test_a_long_data_file_path_does_not_widen_the_window(window):
    window.file_label.setText("Tệp dữ liệu: " + "/thư-mục-rất-dài" * 40 + "/so.sqlite")
    assert window.minimumSizeHint().width() <= MAX_W


def _longest(tab, column: int) -> int:
    metrics = tab.table.fontMetrics()
    return max(metrics.horizontalAdvance(tab.model.columns[column].display(r)) for r in tab.model.records())


def test_a_register_that_starts_empty_shows_whole_names_once_data_arrives(empty_window, sample_registry, tmp_path):
    from motcua_desktop.store.transfer import export_workbook, import_file

    book = tmp_path / "mau.xlsx"
    export_workbook(sample_registry, book)
    window = empty_window
    for tab in (window.units_tab, window.staff_tab):  # the lists are sized while empty first
        window.tabs.setCurrentWidget(tab)

    import_file(window.registry, book)
    window.notify_changed()

    for tab, column in ((window.units_tab, 2), (window.staff_tab, 0), (window.staff_tab, 1)):
        window.tabs.setCurrentWidget(tab)
        width = tab.table.horizontalHeader().sectionSize(column)
        assert width >= _longest(tab, column), (tab.objectName(), column)


def test_rarely_used_columns_are_hidden_and_come_back_from_the_header_menu(window):
    window.tabs.setCurrentWidget(window.units_tab)
    header = window.units_tab.table.horizontalHeader()
    titles = [c.title for c in window.units_tab.model.columns]
    hotline = titles.index("Đường dây nóng")
    assert header.isSectionHidden(hotline)
    assert header.isSectionHidden(titles.index("Quyết định kiện toàn"))

    menu: QMenu = window.units_tab.columns.menu()
    action = next(a for a in menu.actions() if a.text() == "Đường dây nóng")
    assert not action.isChecked()
    action.setChecked(True)
    assert not header.isSectionHidden(hotline) and header.sectionSize(hotline) > 0


def test_widths_are_remembered_only_once_the_user_set_them(window, qtbot, sample_db_path):
    from motcua_desktop.ui import build_main_window

    window.tabs.setCurrentWidget(window.staff_tab)
    settings = window.ui_settings
    window.save_state()
    assert settings.column_state("staffTable") is None  # the program's widths: measured again

    window.staff_tab.table.horizontalHeader().resizeSection(2, 321)  # the user drags Chức vụ
    window.save_state()
    assert settings.column_state("staffTable") is not None
    window.close()

    again = build_main_window(sample_db_path)
    qtbot.addWidget(again)
    again.tabs.setCurrentWidget(again.staff_tab)
    assert again.staff_tab.table.horizontalHeader().sectionSize(2) == 321
    again.close()


def _step(window, tab) -> EmptyState:
    return window.empty_states[tab]


def test_every_tab_of_an_empty_register_shows_its_first_step(empty_window):
    window = empty_window
    for i in range(window.tabs.count()):
        tab = window.tabs.widget(i)
        window.tabs.setCurrentIndex(i)
        note = _step(window, tab)
        assert not note.isHidden(), window.tabs.tabText(i)
        assert note.title.text() and note.button_texts(), window.tabs.tabText(i)
    assert "Thêm đơn vị" in _step(window, window.units_tab).button_texts()
    assert "Thông tin cơ quan…" in _step(window, window.overview_tab).button_texts()


def test_the_first_steps_lead_on_as_data_arrives(empty_window):
    from motcua_desktop.domain.model import Unit

    window = empty_window
    staff_note = _step(window, window.staff_tab)
    assert "Sang tab Đơn vị" in staff_note.button_texts()
    window.ops.add_unit(Unit(code="X1", name="Bộ phận Một cửa xã Thử", level="xa", kind="xa"))
    assert _step(window, window.units_tab).isHidden()
    assert _step(window, window.overview_tab).isHidden()
    assert "Thêm cán bộ" in staff_note.button_texts()
    assert "Thêm thiết bị" in _step(window, window.equipment_tab).button_texts()


def test_the_step_button_goes_there(empty_window):
    window = empty_window
    window.tabs.setCurrentWidget(window.staff_tab)
    note = _step(window, window.staff_tab)
    button = next(b for b in note.findChildren(QPushButton) if b.text() == "Sang tab Đơn vị")
    button.click()
    assert window.tabs.currentWidget() is window.units_tab


def test_a_sample_register_says_so_and_a_real_one_does_not(window, empty_window):
    assert "DỮ LIỆU MẪU" in window.windowTitle()
    assert not window.sample_label.isHidden()
    assert "DỮ LIỆU MẪU" not in empty_window.windowTitle()
    assert empty_window.sample_label.isHidden()
    assert "Một Cửa Desktop" not in window.windowTitle()  # Qt adds the app's name once itself
    assert Path(window.registry.path).name in window.windowTitle()


def test_add_equipment_on_an_empty_catalogue_offers_the_catalogue(qtbot, db_path, answers):
    from motcua_desktop.domain.model import Unit
    from motcua_desktop.ui import build_main_window
    from motcua_desktop.ui.equipment_dialogs import CatalogueDialog

    window = build_main_window(db_path)  # made without the default catalogue
    qtbot.addWidget(window)
    window.ops.add_unit(Unit(code="X1", name="Bộ phận Một cửa xã Thử", level="xa", kind="xa"))
    window.tabs.setCurrentWidget(window.equipment_tab)
    # not "Đủ thiết bị theo định mức" while there is no norm to compare with
    assert window.equipment_tab.short_label.text() == "Chưa đặt định mức thiết bị (Danh mục và định mức…)."

    window.equipment_tab.action_add.trigger()

    assert answers.asked and "Mở danh mục" in answers.asked[0]
    assert isinstance(window.equipment_tab.dialog, CatalogueDialog)
    window.equipment_tab.dialog.close()
    window.close()
