"""Opening a register file: pragmas, migrations recorded by sqlite-utils, refusing newer files,
upgrading files made by the oldest schema, and transactions that leave nothing half-done."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from motcua_desktop.domain.model import Assignment, Person, Unit
from motcua_desktop.store import NewerDatabaseError, Registry, StoreError
from motcua_desktop.store.database import MIGRATION_SET, build_migrations, migration_files
from motcua_desktop.store.errors import StoreBug


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _migration_names() -> list[str]:
    return [f.stem for f in migration_files()]


def test_foreign_keys_are_on_and_the_journal_is_wal(registry):
    conn = registry.db.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"


def test_every_numbered_migration_is_recorded_by_sqlite_utils_in_order(registry):
    names = _migration_names()
    assert names[0] == "0001_initial"
    assert names == sorted(names)
    rows = registry.db.conn.execute(
        "SELECT migration_set, name FROM _sqlite_migrations ORDER BY rowid"
    ).fetchall()
    assert rows == [(MIGRATION_SET, n) for n in names]
    assert [m.name for m in build_migrations().applied(registry.db)] == names
    assert build_migrations().pending(registry.db) == []


def test_a_foreign_key_violation_is_refused(registry):
    with pytest.raises(StoreError), registry.transaction() as db:
        db.conn.execute(
            "INSERT INTO assignments (person_id, unit_id, kind) VALUES (999, 999, 'bien_che')"
        )
    assert registry.db.conn.execute("SELECT COUNT(*) FROM assignments").fetchone()[0] == 0


def test_reopening_an_up_to_date_file_changes_nothing(db_path):
    reg = Registry.open(db_path)
    reg.units.add(Unit("X-A", "Bộ phận Một cửa xã A"))
    reg.close()
    reg = Registry.open(db_path)
    try:
        assert [u.code for u in reg.units.list()] == ["X-A"]
        count = reg.db.conn.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
        assert count == len(_migration_names())
    finally:
        reg.close()


def _make_newer(path: Path, journal_mode: str) -> None:
    reg = Registry.open(path)
    reg.units.add(Unit("X-A", "Bộ phận Một cửa xã A"))
    reg.db.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, "9999_from_the_future", "2030-01-01 00:00:00+00:00"],
    )
    reg.db.conn.commit()
    reg.db.conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    reg.close()


@pytest.mark.parametrize("journal_mode", ["WAL", "DELETE"])
def test_a_file_from_a_newer_version_is_refused_and_left_byte_for_byte(db_path, journal_mode):
    # Given a register whose schema has a migration this app does not know
    _make_newer(db_path, journal_mode)
    before = _sha(db_path)
    # When it is opened, for writing or for reading
    for read_only in (False, True):
        with pytest.raises(NewerDatabaseError) as info:
            Registry.open(db_path, read_only=read_only)
        # Then the message says why in Vietnamese and the file is untouched
        assert "phiên bản mới hơn" in str(info.value)
        assert "9999_from_the_future" in str(info.value)
        assert _sha(db_path) == before
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0


def test_a_file_made_by_the_oldest_schema_is_upgraded_keeping_its_data(db_path):
    # Given a file made by an app that only knew the first migration, holding data
    names = _migration_names()
    old = Database(db_path)
    old.conn.execute("PRAGMA foreign_keys = ON")
    build_migrations().apply(old, stop_before=names[1:])
    assert [m.name for m in build_migrations().applied(old)] == ["0001_initial"]
    with old.conn:
        old.conn.execute(
            "INSERT INTO units (id, code, name, level, kind, area_m2, sort_order) "
            "VALUES (1, 'H-CHILANG', 'Bộ phận Một cửa huyện Chi Lăng', 'huyen', 'huyen', 225.78, 1)"
        )
        old.conn.execute("INSERT INTO people (id, code, full_name) VALUES (1, 'CB01', 'Nguyễn Văn An')")
        old.conn.execute(
            "INSERT INTO assignments (person_id, unit_id, kind, start_date) VALUES (1, 1, 'cu_den', '2022-07-01')"
        )
    old.close()
    # When the current app opens it
    reg = Registry.open(db_path)
    try:
        # Then every later migration is applied and recorded, and nothing is lost
        assert [m.name for m in build_migrations().applied(reg.db)] == names
        unit = reg.units.by_code("H-CHILANG")
        assert unit is not None and unit.area_m2 == 225.78
        assert reg.staff.person_by_code("CB01").full_name == "Nguyễn Văn An"
        counts = reg.staff_table(date(2024, 4, 19))
        assert (counts.total.total, counts.total.own, counts.total.sent) == (1, 0, 1)
        # and the upgraded file takes new writes under the new schema
        reg.units.add(Unit("X-A", "Bộ phận Một cửa xã A"))
        assert len(reg.units.list()) == 2
    finally:
        reg.close()


def test_a_failed_write_inside_one_transaction_leaves_nothing_behind(registry):
    # Given one user action adding a unit, a person and an assignment
    with pytest.raises(StoreError), registry.transaction():
        unit = registry.units.add(Unit("X-A", "Bộ phận Một cửa xã A"))
        person = registry.staff.add_person(Person("Nguyễn Văn An", code="CB01"))
        registry.staff.add_assignment(Assignment(person.id, unit.id, start=date(2024, 1, 1)))
        # When its last step fails (a duplicate code)
        registry.units.add(Unit("X-A", "Một mã trùng"))
    # Then none of the earlier steps is kept
    assert registry.units.list() == []
    assert registry.staff.people() == []
    assert registry.staff.assignments() == []


def test_an_exception_that_is_not_sqlite_also_rolls_back(registry):
    with pytest.raises(RuntimeError), registry.transaction():
        registry.units.add(Unit("X-A", "Bộ phận Một cửa xã A"))
        raise RuntimeError("mất điện")
    assert registry.units.list() == []


def test_a_file_that_is_not_a_database_gives_a_vietnamese_message(tmp_path):
    bogus = tmp_path / "ghi_chu.sqlite"
    bogus.write_bytes(b"Day khong phai co so du lieu" * 100)
    before = _sha(bogus)
    with pytest.raises(StoreError) as info:
        Registry.open(bogus)
    assert "không phải tệp của chương trình" in str(info.value)
    assert _sha(bogus) == before


def test_read_only_open_of_a_missing_file_is_refused_without_creating_it(tmp_path):
    missing = tmp_path / "khong_co.sqlite"
    with pytest.raises(StoreError, match="Không tìm thấy tệp dữ liệu"):
        Registry.open(missing, read_only=True)
    assert not missing.exists()


def test_read_only_register_cannot_write(sample_db_path):
    reg = Registry.open(sample_db_path, read_only=True)
    try:
        with pytest.raises(StoreError, match="chỉ cho phép đọc"):
            reg.units.add(Unit("X-NEW", "Bộ phận Một cửa xã Mới"))
    finally:
        reg.close()
    conn = sqlite3.connect(sample_db_path)
    assert conn.execute("SELECT COUNT(*) FROM units WHERE code = 'X-NEW'").fetchone()[0] == 0
    conn.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_another_program_s_sqlite_file_is_refused_and_not_migrated(tmp_path, read_only):
    # Given an SQLite file of some other program (say, a contacts list)
    other = tmp_path / "danh_ba.sqlite"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Nguyễn Văn An')")
    conn.close()
    before = _sha(other)
    # When it is opened as a register, Then it is refused and left exactly as it was
    with pytest.raises(StoreError) as info:
        Registry.open(other, read_only=read_only)
    assert "của chương trình khác (có bảng contacts)" in str(info.value)
    assert _sha(other) == before


def test_a_migration_that_fails_halfway_leaves_the_file_at_the_previous_version(tmp_path):
    from motcua_desktop.store.database import open_database

    # Given the app's migrations plus one whose second statement fails
    folder = tmp_path / "migrations"
    folder.mkdir()
    for file in migration_files():
        (folder / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "reg.sqlite"
    open_database(path, migrations_folder=folder).close()
    (folder / "9000_broken.sql").write_text(
        "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n",
        encoding="utf-8",
    )
    # When the file is opened with them, Then the error is reported as the program's bug
    with pytest.raises(StoreBug, match="no such table"):
        open_database(path, migrations_folder=folder)
    # and neither the first statement nor a record of the migration is kept
    db = open_database(path)
    try:
        tables = {r[0] for r in db.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "half_done" not in tables
        assert [m.name for m in build_migrations().applied(db)] == _migration_names()
    finally:
        db.close()
