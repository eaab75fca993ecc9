"""The window's Tổng hợp tab in a province register: receive packages as one undoable step,
the tracking table lists sent and missing communes and exports; a commune sends from Tệp."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from package_communes import CHI_LANG, DOAN_KET, cli, commune, dump, province

from motcua_desktop.ui import build_main_window


def _texts(tab, column: int) -> list[str]:
    return [tab.table.item(r, column).text() for r in range(tab.table.rowCount())]


def test_a_province_receives_packages_tracks_them_and_undoes_a_receipt(qtbot, tmp_path):
    chi_lang, doan_ket = commune(tmp_path, "06463", CHI_LANG), commune(tmp_path, "06001", DOAN_KET)
    packages = []
    for db_x in (chi_lang, doan_ket):
        out = tmp_path / f"{db_x.stem}.xlsx"
        assert cli("submit", "--db", str(db_x), "--out", str(out), "--as-of", "2026-03-01") == 0
        packages.append(out)
    db = province(tmp_path)
    before = dump(db)
    win = build_main_window(db)
    qtbot.addWidget(win)
    tab = win.consolidation_tab
    assert win.tabs.tabText(win.tabs.indexOf(tab)) == "Tổng hợp"
    win.tabs.setCurrentWidget(tab)
    tab.day.setDate(date(2026, 3, 1))
    assert set(_texts(tab, 3)) == {"chưa gửi"}
    assert tab.receive(packages)
    statuses = dict(zip(_texts(tab, 2), _texts(tab, 3), strict=True))
    assert statuses["Trung tâm Phục vụ hành chính công xã Chi Lăng"] in ("đúng hạn", "trễ hạn")
    assert statuses["Trung tâm Phục vụ hành chính công xã Quốc Khánh"] == "chưa gửi"
    assert "đã gửi 2/65" in tab.caption.text()
    tab.table.sortItems(3)  # by status: chưa gửi first
    assert _texts(tab, 3)[0] == "chưa gửi" and _texts(tab, 3)[-1] != "chưa gửi"
    out = tmp_path / "theo-doi.xlsx"
    tab.export_to(out)
    assert load_workbook(out).active["D3"].value is not None
    assert "<table" in tab.checklist_html() and "xã Quốc Khánh" in tab.checklist_html()
    win.action_undo.trigger()  # the receipt, in one step
    assert dump(db) == before
    assert "đã gửi 0/65" in tab.caption.text()
    win.close()


def test_a_commune_window_has_the_send_action_and_no_consolidation_tab(qtbot, tmp_path, monkeypatch):
    from motcua_desktop.ui import consolidation_tab

    chi_lang = commune(tmp_path, "06463", CHI_LANG)
    win = build_main_window(chi_lang)
    qtbot.addWidget(win)
    assert win.consolidation_tab is None
    send = win.files.action_submit_package
    assert send.text() == "Gửi số liệu lên tỉnh…"
    actions = win.file_menu.actions()
    assert actions.index(send) + 1 == actions.index(win.files.action_export)  # just above "Xuất"
    shown: list[str] = []
    monkeypatch.setattr(consolidation_tab.QMessageBox, "information", lambda *a: shown.append(a[2]))
    out = consolidation_tab.submit_to(win, tmp_path / "goi.xlsx", date(2026, 3, 1))
    assert out is not None and out.exists() and "Mã kiểm tra:" in shown[0]
    win.close()


def test_a_province_window_closed_on_the_tong_hop_tab_reopens_on_it(qtbot, tmp_path):
    db = province(tmp_path)
    win = build_main_window(db)
    qtbot.addWidget(win)
    win.tabs.setCurrentWidget(win.consolidation_tab)
    win.close()
    again = build_main_window(db)
    qtbot.addWidget(again)
    assert again.tabs.currentWidget() is again.consolidation_tab  # built before the last tab is restored
    again.close()


def test_a_read_only_province_window_receives_nothing(qtbot, tmp_path):
    chi_lang = commune(tmp_path, "06463", CHI_LANG)
    out = tmp_path / "chi-lang.xlsx"
    assert cli("submit", "--db", str(chi_lang), "--out", str(out), "--as-of", "2026-03-01") == 0
    db = province(tmp_path)
    before = dump(db)
    win = build_main_window(db, read_only=True)
    qtbot.addWidget(win)
    tab = win.consolidation_tab
    assert tab.receive_button.isHidden() and not tab.receive_button.isEnabled()
    assert tab.receive([out]) is False
    win.close()
    assert dump(db) == before
