"""The one place SQL for row writes is assembled: insert or update a row given as a mapping.

Table and column names come from our own code (the column lists in `rows.py` and the schema),
never from user input; `_checked` refuses anything that is not a plain identifier so that a
mistake fails loudly instead of building odd SQL. Values always travel as parameters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any


def _checked(name: str) -> str:
    if not name.replace("_", "").isalnum() or not name.isascii() or name[0].isdigit():
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return name


def insert_sql(table: str, columns: Sequence[str]) -> str:
    names = ", ".join(_checked(c) for c in columns)
    return f"INSERT INTO {_checked(table)} ({names}) VALUES ({', '.join('?' * len(columns))})"


def update_sql(table: str, columns: Sequence[str], key: str = "id") -> str:
    sets = ", ".join(f"{_checked(c)} = ?" for c in columns)
    return f"UPDATE {_checked(table)} SET {sets} WHERE {_checked(key)} = ?"


def upsert_sql(table: str, columns: Sequence[str], key: Sequence[str]) -> str:
    insert = insert_sql(table, columns)
    conflict = ", ".join(_checked(k) for k in key)
    sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
    return f"{insert} ON CONFLICT ({conflict}) " + (f"DO UPDATE SET {sets}" if sets else "DO NOTHING")


def insert_row(conn: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> int:
    """Insert one row; returns its rowid."""
    cursor = conn.execute(insert_sql(table, list(row)), list(row.values()))
    assert cursor.lastrowid is not None  # sqlite3 sets lastrowid after an INSERT
    return cursor.lastrowid


def update_row(conn: sqlite3.Connection, table: str, key_value: Any, row: Mapping[str, Any],
               key: str = "id") -> int:
    """Update the row whose `key` is `key_value`; returns how many rows changed (0 or 1)."""
    cursor = conn.execute(update_sql(table, list(row), key), [*row.values(), key_value])
    return cursor.rowcount


def upsert_row(conn: sqlite3.Connection, table: str, row: Mapping[str, Any], key: Sequence[str]) -> None:
    """Insert the row, or update the other columns of the row already holding its ``key``
    columns' values (``key`` must be a unique index of the table)."""
    conn.execute(upsert_sql(table, list(row), key), list(row.values()))


def insert_many(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                rows: Iterable[Sequence[Any]]) -> None:
    """Insert many rows of the same columns in one statement (executemany)."""
    conn.executemany(insert_sql(table, columns), rows)


def update_many(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                rows: Iterable[Sequence[Any]], key: str = "id") -> None:
    """Update many rows: each row is the column values followed by the key value."""
    conn.executemany(update_sql(table, columns, key), rows)
