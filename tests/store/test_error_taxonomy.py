"""SQLite errors sorted by their result code: the user's environment (locked, full, read-only,
unopenable, damaged) as a StoreError with a Vietnamese message, the program's own SQL
mistakes as a StoreBug that nothing handling the user's problems catches."""

from __future__ import annotations

import sqlite3

import pytest

from motcua_desktop.domain.model import Unit
from motcua_desktop.errors import KnownProblem, is_bug
from motcua_desktop.store.database import transaction
from motcua_desktop.store.errors import (
    SQLITE_FULL,
    CannotOpen,
    DamagedFile,
    DiskFailed,
    DiskFull,
    FileLocked,
    IntegrityRefused,
    ReadOnlyFile,
    StoreBug,
    StoreError,
    classify,
)


def _error_of(conn: sqlite3.Connection, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        conn.executescript(sql)
    return info.value


def test_a_full_disk_is_the_environment(tmp_path):
    conn = sqlite3.connect(tmp_path / "a.sqlite")
    conn.executescript("CREATE TABLE t (x TEXT); PRAGMA max_page_count = 2;")
    problem = classify(_error_of(conn, "INSERT INTO t VALUES (zeroblob(100000));"), "a.sqlite")
    assert isinstance(problem, DiskFull) and "Ổ đĩa đã đầy" in str(problem) and "a.sqlite" in str(problem)
    conn.close()


def test_a_lock_held_by_another_connection_is_the_environment(tmp_path):
    path = tmp_path / "a.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.executescript("CREATE TABLE t (x); BEGIN EXCLUSIVE;")
    other = sqlite3.connect(path, timeout=0)
    try:
        problem = classify(_error_of(other, "INSERT INTO t VALUES (1);"))
        assert isinstance(problem, FileLocked) and "khóa" in str(problem)
    finally:
        other.close()
        holder.close()


def test_a_read_only_file_is_the_environment(tmp_path):
    path = tmp_path / "a.sqlite"
    sqlite3.connect(path).executescript("CREATE TABLE t (x);")
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    problem = classify(_error_of(conn, "INSERT INTO t VALUES (1);"))
    assert isinstance(problem, ReadOnlyFile) and "chỉ cho phép đọc" in str(problem)
    conn.close()


def test_a_file_that_cannot_be_opened_is_the_environment(tmp_path):
    with pytest.raises(sqlite3.Error) as info:
        sqlite3.connect(tmp_path / "khong-co" / "a.sqlite")
    assert isinstance(classify(info.value), CannotOpen)


def test_a_file_that_is_not_a_database_is_damaged(tmp_path):
    path = tmp_path / "a.sqlite"
    path.write_bytes(b"day khong phai tep du lieu " * 200)
    conn = sqlite3.connect(path)
    problem = classify(_error_of(conn, "SELECT * FROM sqlite_master;"))
    assert isinstance(problem, DamagedFile) and "bị hỏng" in str(problem)
    conn.close()


def test_a_duplicate_code_and_a_record_in_use_are_refused_not_bugs():
    conn = sqlite3.connect(":memory:")
    conn.executescript(
        "PRAGMA foreign_keys = ON; CREATE TABLE u (id INTEGER PRIMARY KEY, code TEXT UNIQUE);"
        "CREATE TABLE p (u INTEGER REFERENCES u (id)); INSERT INTO u VALUES (1, 'A'); INSERT INTO p VALUES (1);"
    )
    duplicate = classify(_error_of(conn, "INSERT INTO u VALUES (2, 'A');"))
    in_use = classify(_error_of(conn, "DELETE FROM u WHERE id = 1;"))
    assert isinstance(duplicate, IntegrityRefused) and "Mã này đã có" in str(duplicate)
    assert isinstance(in_use, IntegrityRefused) and "đang được dùng" in str(in_use)


@pytest.mark.parametrize("sql", [
    "SELECT no_such_column FROM t;",
    "SELEC 1;",
    "INSERT INTO t (x) VALUES (NULL);",  # NOT NULL: the domain's validation should have caught it
    "INSERT INTO no_such_table VALUES (1);",
])  # fmt: skip
def test_the_programs_own_sql_mistakes_are_bugs(sql):
    conn = sqlite3.connect(":memory:")
    conn.executescript("CREATE TABLE t (x TEXT NOT NULL);")
    problem = classify(_error_of(conn, sql))
    assert isinstance(problem, StoreBug) and not isinstance(problem, StoreError)
    assert is_bug(problem) and "Lỗi chương trình" in str(problem)


def test_an_error_python_raises_without_sqlite_is_a_bug():
    conn = sqlite3.connect(":memory:")
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError) as info:
        conn.execute("SELECT 1")
    assert isinstance(classify(info.value), StoreBug)


def test_the_code_decides_not_the_wording_of_the_message():
    looks_locked = sqlite3.OperationalError("database is locked")  # but SQLITE_ERROR
    looks_locked.sqlite_errorcode, looks_locked.sqlite_errorname = 1, "SQLITE_ERROR"
    assert isinstance(classify(looks_locked), StoreBug)
    full = sqlite3.OperationalError("cơ sở dữ liệu hoặc đĩa đầy")  # SQLite's text in another language
    full.sqlite_errorcode, full.sqlite_errorname = SQLITE_FULL, "SQLITE_FULL"
    assert isinstance(classify(full), DiskFull)
    extended = sqlite3.OperationalError("disk I/O error")
    extended.sqlite_errorcode, extended.sqlite_errorname = 10 | (2 << 8), "SQLITE_IOERR_SHORT_READ"
    assert isinstance(classify(extended), DiskFailed)


def test_a_mistake_inside_a_write_is_a_bug_and_the_write_is_undone(registry):
    before = [u.code for u in registry.units.list()]
    with pytest.raises(StoreBug) as info, transaction(registry.db):
        registry.units.add(Unit(code="X1", name="Bộ phận Một cửa xã Một"))
        registry.db.conn.execute("UPDATE units SET no_such_column = 1")
    assert isinstance(info.value.__cause__, sqlite3.OperationalError)
    assert "no such column" in str(info.value)
    assert [u.code for u in registry.units.list()] == before


def test_every_environment_error_is_a_known_problem():
    for kind in (FileLocked, DiskFull, ReadOnlyFile, CannotOpen, DamagedFile, DiskFailed, IntegrityRefused):
        assert issubclass(kind, StoreError) and issubclass(kind, KnownProblem)
        assert not is_bug(kind("…"))
