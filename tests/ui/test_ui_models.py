"""Every table model and search proxy passes Qt's model tester; sort keys follow Vietnamese
collation, numbers and dates; search folds accents."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from motcua_desktop.ui.equipment_dialogs import catalogue_model
from motcua_desktop.ui.staff_dialogs import history_model
from motcua_desktop.ui.table_model import (
    Column,
    RecordTableModel,
    SearchProxy,
    date_key,
    number_key,
)


def _tables(window):
    tabs = [window.units_tab, window.staff_tab, window.equipment_tab]
    for tab in [*tabs, window.overview_tab]:
        window.tabs.setCurrentWidget(tab)  # each loads its rows when first shown
    return tabs


def test_every_tab_model_and_proxy_passes_the_model_tester(window, qtmodeltester):
    for tab in _tables(window):
        qtmodeltester.check(tab.model)
        qtmodeltester.check(tab.proxy)
    qtmodeltester.check(window.equipment_tab.short_model)
    qtmodeltester.check(window.equipment_tab.short_proxy)
    qtmodeltester.check(window.overview_tab.model)


def test_history_and_catalogue_models_pass_the_model_tester(window, qtmodeltester):
    reg = window.registry
    person = reg.staff.people()[0]
    history = history_model({u.id: u.name for u in reg.units.list()})
    history.set_rows(reg.staff.assignments_of(person.id))
    qtmodeltester.check(history)
    catalogue = catalogue_model(reg.units.levels())
    catalogue.set_rows(reg.equipment.types())
    qtmodeltester.check(catalogue)


def _model(values):
    model = RecordTableModel([Column("Tên", lambda v: v)], lambda v: v)
    model.set_rows(values)
    proxy = SearchProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_sorting_follows_vietnamese_alphabet_not_code_points(qtmodeltester):
    model, proxy = _model(["Đồng Mỏ", "Ái Quốc", "Y Tịch", "Bắc Thủy", "Chi Lăng", "Dương Xá", "Âu"])
    qtmodeltester.check(proxy)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert shown == ["Ái Quốc", "Âu", "Bắc Thủy", "Chi Lăng", "Dương Xá", "Đồng Mỏ", "Y Tịch"]
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "Y Tịch"


def test_search_ignores_accents_case_and_word_order():
    model, proxy = _model(["Bộ phận Một cửa thị trấn Đồng Mỏ", "Bộ phận Một cửa xã Mai Sao"])
    proxy.set_query("dong mo")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data().endswith("Đồng Mỏ")
    proxy.set_query("MỎ đồng")
    assert proxy.rowCount() == 1
    proxy.set_query("mai  sao")
    assert proxy.index(0, 0).data().endswith("Mai Sao")
    proxy.set_query("")
    assert proxy.rowCount() == 2


def test_search_survives_a_reload_and_a_sort():
    model, proxy = _model(["Đồng Mỏ", "Mai Sao"])
    proxy.set_query("sao")
    model.set_rows(["Xã Mai Sao", "Vân An", "Đồng Mỏ", "Sao Đỏ"])
    assert proxy.rowCount() == 2
    proxy.sort(0)
    assert [proxy.index(r, 0).data() for r in range(2)] == ["Sao Đỏ", "Xã Mai Sao"]


def test_numbers_and_dates_sort_by_value_with_blanks_last():
    assert sorted([number_key(10), number_key(None), number_key(9.5)]) == [
        number_key(9.5), number_key(10), number_key(None)]
    assert sorted([date_key(None), date_key(date(2024, 1, 2)), date_key(date(2023, 12, 31))])[0] == \
        date_key(date(2023, 12, 31))


def test_sort_keeps_the_selection_on_the_same_record(qtbot):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    model, proxy = _model(["Bắc", "An", "Cầu"])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.selectionModel().select(proxy.index(0, 0), QItemSelectionModel.SelectionFlag.Select)
    proxy.sort(0)
    selected = view.selectionModel().selectedIndexes()
    assert [i.data() for i in selected] == ["Bắc"]


def test_fast_search_fold_agrees_with_the_domain_fold():
    import unicodedata

    from hypothesis import given
    from hypothesis import strategies as st

    from motcua_desktop.domain.text import fold
    from motcua_desktop.ui.table_model import search_fold

    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    alphabet = letters + letters.upper() + " -,.0123456789"

    @given(st.text(alphabet=alphabet, max_size=40), st.booleans())
    def check(text, decomposed):
        if decomposed:
            text = unicodedata.normalize("NFD", text)
        assert search_fold(text) == fold(text)

    check()
