"""The shared write helper builds its SQL only from plain identifiers and writes what it is given."""

import sqlite3

import pytest

from motcua_desktop.store.writes import insert_many, insert_row, update_many, update_row, upsert_row


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    c.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER)")
    return c


def test_insert_and_update_one_row(conn: sqlite3.Connection) -> None:
    rid = insert_row(conn, "t", {"name": "Đồng Mỏ", "n": 1})
    assert update_row(conn, "t", rid, {"n": 2}) == 1
    assert update_row(conn, "t", rid + 99, {"n": 3}) == 0
    assert conn.execute("SELECT name, n FROM t").fetchall() == [("Đồng Mỏ", 2)]


def test_many_rows(conn: sqlite3.Connection) -> None:
    insert_many(conn, "t", ["id", "name"], [[1, "a"], [2, "b"]])
    update_many(conn, "t", ["name"], [["x", 1], ["y", 2]])
    assert conn.execute("SELECT name FROM t ORDER BY id").fetchall() == [("x",), ("y",)]


@pytest.mark.parametrize("bad", ["t; DROP TABLE t", "name = 1 --", "1col", "tên", ""])
def test_refuses_names_that_are_not_identifiers(conn: sqlite3.Connection, bad: str) -> None:
    with pytest.raises(ValueError):
        insert_row(conn, "t", {bad: 1})
    assert conn.execute("SELECT COUNT(*) FROM t").fetchone() == (0,)


def test_upsert_inserts_then_updates_the_row_holding_the_key() -> None:
    c = sqlite3.connect(":memory:")
    c.execute("CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT, n INTEGER)")
    upsert_row(c, "kv", {"key": "a", "value": "một", "n": 1}, ["key"])
    upsert_row(c, "kv", {"key": "a", "value": "hai", "n": 2}, ["key"])
    upsert_row(c, "kv", {"key": "b"}, ["key"])  # nothing but the key: kept as it is
    upsert_row(c, "kv", {"key": "b"}, ["key"])
    assert c.execute("SELECT key, value, n FROM kv ORDER BY key").fetchall() == [("a", "hai", 2), ("b", None, None)]
    with pytest.raises(ValueError):
        upsert_row(c, "kv", {"key": "c", "value = 1 --": "x"}, ["key"])
