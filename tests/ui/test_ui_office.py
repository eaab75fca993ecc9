"""The window's part of the 2025 offices: the set-up dialog on an empty register, Danh mục
editors for levels and kinds, the parent column, Hỗ trợ in the staff filter."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from motcua_desktop.domain.model import Choice, EmploymentKind
from motcua_desktop.store.registry import Registry
from motcua_desktop.ui import build_main_window


def test_an_empty_register_opens_on_the_set_up_dialog_which_creates_the_office(qtbot, tmp_path):
    db = tmp_path / "moi.sqlite"
    Registry.open(db).close()
    win = build_main_window(db)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.office_actions.dialog is not None)
    dlg = win.office_actions.dialog
    dlg.province.setCurrentIndex(dlg.province.findData("20"))
    dlg.commune.setCurrentIndex(dlg.commune.findData("06463"))
    preview = dlg.preview.text()
    assert "ỦY BAN NHÂN DÂN / XÃ CHI LĂNG" in preview and "Chi Lăng, ngày" in preview
    assert "Văn phòng UBND tỉnh Lạng Sơn" in preview
    dlg.accept()
    s = win.registry.settings.get()
    assert (s.office_code, s.issuing_body_short) == ("06463", "UBND xã Chi Lăng")
    assert [u.name for u in win.registry.units.list()] == ["Trung tâm Phục vụ hành chính công xã Chi Lăng"]
    win.action_undo.trigger()  # one step back: no unit, no identity
    assert win.registry.units.list() == [] and win.registry.settings.get().office_code == ""
    win.close()


def test_a_register_with_data_does_not_ask_and_the_menu_offers_set_up_and_lists(qtbot, sample_db_path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    qtbot.wait(20)
    assert win.office_actions.dialog is None
    names = [a.objectName() for a in win.tools_menu.actions()]
    assert "actionOfficeSetup" in names and "actionValueLists" in names
    win.office_actions.open_value_lists()
    lists = win.office_actions.dialog
    labels = [lists.lists["unit_kinds"].item(i).text() for i in range(lists.lists["unit_kinds"].count())]
    assert {"đặc khu", "thành phố", "tỉnh"} <= set(labels)
    win.registry.units.save_choice("unit_levels", Choice("", "Khu vực"))
    lists.reload()
    assert lists.lists["unit_levels"].item(lists.lists["unit_levels"].count() - 1).text() == "Khu vực"
    lists.done(QDialog.DialogCode.Rejected)
    kinds = [win.staff_tab.kind_filter.itemData(i) for i in range(win.staff_tab.kind_filter.count())]
    assert EmploymentKind.HO_TRO in kinds
    win.close()


def test_the_units_tab_shows_the_parent_unit(qtbot, sample_db_path):
    win = build_main_window(sample_db_path)
    qtbot.addWidget(win)
    reg = win.registry
    district, dongmo = reg.units.list()[:2]
    reg.units.update(dataclasses.replace(dongmo, parent_id=district.id))
    win.tabs.setCurrentWidget(win.units_tab)
    win.units_tab.reload()
    model = win.units_tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    col = headers.index("Thuộc đơn vị")
    row = next(r for r in range(model.rowCount()) if model.records()[r].id == dongmo.id)
    assert model.data(model.index(row, col)) == district.name
    win.close()


def test_the_report_tab_switches_template_and_saves_a_narrative_as_a_template(qtbot, sample_db_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from motcua_desktop.ui.report_tab import ReportTab

    reg = Registry.open(sample_db_path)
    tab = ReportTab(reg)
    qtbot.addWidget(tab)
    picker = tab.templates
    assert picker.combo.currentData() == "huyen-2018"  # the seed district's report
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    picker.combo.setCurrentIndex(picker.combo.findData("xa-2025"))
    picker._chosen(picker.combo.currentIndex())
    report = tab.editor.report()
    assert report.template == "xa-2025" and "118/2025/NĐ-CP" in report.body
    assert report.report_date.year == 2024  # the date stays the report's
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mẫu quý của xã", True))
    saved = picker.save_as_template()
    assert saved is not None and picker.combo.findData(saved.key) >= 0
    assert reg.templates.get(saved.key).body == report.body
    tab._timer.stop()  # no preview after the register is closed
    reg.close()


def test_print_and_save_first_list_what_is_missing_and_ask(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from motcua_desktop.ui.report_tab import ReportTab

    db = tmp_path / "e.sqlite"
    reg = Registry.open(db)
    tab = ReportTab(reg)
    qtbot.addWidget(tab)
    asked = []

    def exec_(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x.pdf"), ""))
    assert tab.save_as("pdf") is None and not (tmp_path / "x.pdf").exists()
    assert "- người ký" in asked[0] and "- cơ quan ban hành" in asked[0]
    assert "chưa có" in tab.editor.signer_name.placeholderText()
    tab._timer.stop()
    reg.close()
