"""Start-up: the data file chosen, the first-start question, the demo copy."""

from __future__ import annotations

from pathlib import Path

from motcua_desktop import userdata
from motcua_desktop.store import Registry
from motcua_desktop.ui import app


def test_first_start_with_the_sample_data_opens_it_in_its_own_file(qapp, monkeypatch):
    monkeypatch.setattr(app, "ask_first_start", lambda path: True)
    path = app.prepare_database(None, demo=False)
    assert path != userdata.default_db_path() and path.name == "du-lieu-mau.sqlite"
    assert not userdata.default_db_path().exists()  # the user's own register gets no sample
    reg = Registry.open(path)
    assert len(reg.units.list()) == 21
    reg.close()


def test_first_start_empty_and_cancel(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(app, "ask_first_start", lambda path: False)
    path = app.prepare_database(str(tmp_path / "moi.sqlite"), demo=False)
    reg = Registry.open(path)
    assert reg.is_empty()
    # a new register starts with the default equipment catalogue and its norms
    names = [t.name for t in reg.equipment.types()]
    assert "Máy lấy số tự động" in names and len(names) == 8
    assert reg.equipment.types()[1].norms == {"huyen": 4, "xa": 2}
    reg.close()
    monkeypatch.setattr(app, "ask_first_start", lambda path: None)
    assert app.prepare_database(str(tmp_path / "khac.sqlite"), demo=False) is None
    assert not (tmp_path / "khac.sqlite").exists()


def test_an_existing_file_is_opened_without_asking(qapp, monkeypatch, sample_db_path):
    monkeypatch.setattr(app, "ask_first_start", lambda path: (_ for _ in ()).throw(AssertionError))
    assert app.prepare_database(str(sample_db_path), demo=False) == Path(sample_db_path)


def test_demo_is_a_fresh_copy_of_the_sample_each_time(qapp):
    first, second = app.demo_database(), app.demo_database()
    assert first != second
    reg = Registry.open(first)
    assert len(reg.units.list()) == 21
    reg.close()


def test_first_start_question_is_in_vietnamese(qapp, qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    seen = {}

    def answer(box):
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        seen["default"] = box.defaultButton().text()
        box.defaultButton().click()  # the user presses Enter
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert app.ask_first_start(tmp_path / "x.sqlite") is False  # Enter: the user's own register
    assert "dữ liệu mẫu" in seen["text"]
    assert seen["default"] == "Bắt đầu sổ của đơn vị"
    assert "Xem dữ liệu mẫu" in seen["buttons"]


def test_run_gui_without_a_choice_exits_quietly(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(app, "ask_first_start", lambda path: None)
    assert app.run_gui(str(tmp_path / "chua-co.sqlite"), demo=False) == 0
