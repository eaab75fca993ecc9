"""The change history of the rows an import adds, written in one statement per table.

The history triggers (db/migrations/0003, 0005) write one ``change_history`` row per row
inserted. At province scale (100,000 rows) running that trigger row by row was most of the
import's write time: each firing is a statement of its own over ``change_history`` and its two
indexes. While the import writes, :class:`BulkHistory` sets the insert triggers of the big
tables aside, inside the import's own transaction, and at the end runs each trigger's own
``INSERT … VALUES (… NEW.x …)`` once as ``INSERT … SELECT … FROM <table> AS NEW`` over the
rows added. So the history holds the very rows the triggers would have written (same SQL
text, same JSON), in the same transaction and in the same order; a rollback takes back the
rows, their history and the set-aside triggers alike (SQLite's DDL is transactional).

Rows added are those above the table's highest id just before its first big insert: SQLite
gives a new row the next id, and the import gives new people and units ``max id + 1`` onwards;
the import deletes nothing. A trigger that is not the plain one-statement shape is left to
fire row by row.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..writes import insert_many

BULK_FROM = 200  # rows in one insert from which its history is written in bulk

_SHAPE = re.compile(
    r"\s*CREATE\s+TRIGGER\s+(?P<name>\w+)\s+AFTER\s+INSERT\s+ON\s+(?P<table>\w+)\s+BEGIN\s+"
    r"(?P<head>INSERT\s+INTO\s+change_history\s*\([^()]*\))\s*VALUES\s*\((?P<values>.*)\)\s*;\s*END\s*",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class _SetAside:
    table: str
    trigger: str
    create_sql: str  # to put the trigger back exactly as it was
    bulk_sql: str  # its INSERT over every row above ``since``
    since: int


def bulk_statement(create_sql: str) -> tuple[str, str, str] | None:
    """(trigger name, table, INSERT … SELECT over rows with ``rowid > ?``) for a history
    insert trigger of the plain shape; None for any other."""
    m = _SHAPE.fullmatch(create_sql)
    if m is None or ";" in m.group("values") or re.search(r"\bOLD\.", m.group("values"), re.IGNORECASE):
        return None
    table = m.group("table")
    sql = (f"{m.group('head')} SELECT {m.group('values')} FROM {table} AS NEW "
           "WHERE NEW.rowid > ? ORDER BY NEW.rowid")  # fmt: skip
    return m.group("name"), table, sql


class BulkHistory:
    """``with BulkHistory(conn) as history:`` inside a transaction, around the import's writes;
    ``history.insert_many(...)`` for the big inserts. Tables that get fewer than
    :data:`BULK_FROM` rows (or none: a re-import that changes nothing) keep their triggers, and
    the schema is not touched."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.set_aside: dict[str, _SetAside] = {}

    def __enter__(self) -> BulkHistory:
        return self

    def insert_many(self, table: str, columns: Sequence[str], rows: list[Sequence[Any]]) -> None:
        """Insert ``rows``; their history is written when the ``with`` block ends."""
        if len(rows) >= BULK_FROM and table not in self.set_aside and self.conn.in_transaction:
            self._set_aside(table)
        insert_many(self.conn, table, columns, rows)

    def _set_aside(self, table: str) -> None:
        row = self.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ? AND tbl_name = ?",
            [f"history_{table}_insert", table],
        ).fetchone()
        shape = bulk_statement(row[0]) if row and row[0] else None
        if shape is None:
            return  # an unusual trigger: it fires row by row as always
        name, _, bulk_sql = shape
        since = self.conn.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {table}").fetchone()[0]
        self.conn.execute(f"DROP TRIGGER {name}")
        self.set_aside[table] = _SetAside(table, name, row[0], bulk_sql, since)

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if not self.conn.in_transaction:  # rolled back already: the triggers came back with it
            return
        for item in self.set_aside.values():  # in the order the rows went in
            if exc_type is None:
                self.conn.execute(item.bulk_sql, [item.since])
            self.conn.execute(item.create_sql)
        self.set_aside.clear()
