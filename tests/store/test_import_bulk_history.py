"""The history of the rows a big import adds is
written in one statement per table instead of one trigger run per row, and it is the very
history the triggers write; the triggers are back afterwards, whatever happens."""

from __future__ import annotations

import pytest

from motcua_desktop.domain.model import Person
from motcua_desktop.store import Registry
from motcua_desktop.store.errors import InputRejected
from motcua_desktop.store.transfer import bulk_history, import_file
from tests.xlsx_files import write_xlsx

ROWS = 300  # above bulk_history.BULK_FROM


def _workbook(path, *, overlap: bool = False):
    units = [["Mã", "Tên đơn vị", "Cấp", "Loại"]] + [[f"X{i}", f"Bộ phận Một cửa xã Số {i}", "Xã", "xã"]
                                                     for i in range(5)]
    staff = [["Mã cán bộ", "Họ và tên", "Năm sinh", "Mã đơn vị", "Hình thức", "Từ ngày", "Đến ngày"]]
    for i in range(ROWS):
        staff.append([f"P{i:04d}", f"Nguyễn Văn Ánh {i}", 1980 + i % 20, f"X{i % 5}", "Biên chế", "01/01/2020", ""])
    if overlap:  # only the planned records show it: found after the rows are written
        staff.append(["P0001", "Nguyễn Văn Ánh 1", 1981, "X2", "Biên chế", "01/06/2021", ""])
    equipment = [["Mã đơn vị", "Loại thiết bị", "Số lượng", "Tình trạng", "Năm sử dụng"]]
    equipment += [[f"X{i % 5}", ["Máy in", "Máy scan"][i % 2], 1 + i % 3, "Tốt", 2015 + i % 9] for i in range(ROWS)]
    return write_xlsx(path, {"Đơn vị": units, "Cán bộ": staff, "Thiết bị": equipment})


def _history(registry: Registry) -> list[tuple]:
    return registry.db.conn.execute(
        "SELECT table_name, record_id, action, before, after FROM change_history ORDER BY id").fetchall()


def _schema(registry: Registry) -> list[tuple]:
    return registry.db.conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_a_big_import_writes_the_same_history_as_the_triggers_row_by_row(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "lon.xlsx")
    bulk = Registry.open(tmp_path / "bulk.db")
    import_file(bulk, path)
    monkeypatch.setattr(bulk_history, "BULK_FROM", 10**9)  # every row through its trigger
    by_row = Registry.open(tmp_path / "row.db")
    import_file(by_row, path)
    assert len(_history(bulk)) > 2 * ROWS
    assert _history(bulk) == _history(by_row)
    assert _schema(bulk) == _schema(by_row)  # the triggers are back, as they were


def test_the_history_triggers_do_not_run_once_per_imported_row(tmp_path):
    """The speed-up itself: one statement writes the history of the 300 equipment rows."""
    path = _workbook(tmp_path / "lon.xlsx")
    registry = Registry.open(tmp_path / "a.db")
    statements: list[str] = []
    registry.db.conn.set_trace_callback(statements.append)
    import_file(registry, path)
    registry.db.conn.set_trace_callback(None)
    history = [s for s in statements if s.startswith("INSERT INTO change_history")]
    assert [s.split(" AS NEW")[0].rsplit(" ", 1)[1] for s in history] == ["people", "assignments", "equipment"]
    assert registry.db.conn.execute(  # no trigger ran meanwhile: one row each, not two
        "SELECT COUNT(*) FROM change_history WHERE table_name = 'people' AND action = 'insert'"
    ).fetchone()[0] == ROWS
    assert registry.db.conn.execute(
        "SELECT COUNT(*) FROM change_history WHERE table_name = 'equipment' AND action = 'insert'"
    ).fetchone()[0] == ROWS


def test_after_a_big_import_every_change_is_recorded_again_by_its_trigger(tmp_path):
    registry = Registry.open(tmp_path / "a.db")
    import_file(registry, _workbook(tmp_path / "lon.xlsx"))
    person = registry.staff.add_person(Person("Trần Thị Sau Nhập", "SAU1"))
    assert _history(registry)[-1][:3] == ("people", person.id, "insert")


def test_a_refused_big_import_leaves_the_rows_the_history_and_the_triggers_as_they_were(tmp_path):
    registry = Registry.open(tmp_path / "a.db")
    schema, history = _schema(registry), _history(registry)
    with pytest.raises(InputRejected) as refused:
        import_file(registry, _workbook(tmp_path / "trung.xlsx", overlap=True))
    assert "trùng thời gian" in refused.value.problems[0]
    assert _schema(registry) == schema
    assert _history(registry) == history
    assert registry.db.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 0


def test_a_dry_run_and_a_reimport_that_changes_nothing_leave_the_schema_alone(tmp_path):
    registry = Registry.open(tmp_path / "a.db")
    path = _workbook(tmp_path / "lon.xlsx")
    schema = _schema(registry)
    import_file(registry, path, dry_run=True)
    assert _schema(registry) == schema
    import_file(registry, path)
    dump = list(registry.db.conn.iterdump())
    import_file(registry, path)
    assert list(registry.db.conn.iterdump()) == dump


@pytest.mark.parametrize("sql", [
    "CREATE TRIGGER history_x_insert AFTER INSERT ON x WHEN NEW.a > 0 BEGIN "
    "INSERT INTO change_history (table_name) VALUES (NEW.a); END",
    "CREATE TRIGGER history_x_insert AFTER INSERT ON x BEGIN INSERT INTO change_history (table_name) "
    "VALUES (NEW.a); INSERT INTO change_history (table_name) VALUES (NEW.b); END",
    "CREATE TRIGGER history_x_insert AFTER INSERT ON x BEGIN INSERT INTO other (a) VALUES (NEW.a); END",
])
def test_a_trigger_of_another_shape_is_left_to_fire_row_by_row(sql):
    assert bulk_history.bulk_statement(sql) is None
