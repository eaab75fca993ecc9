"""The register's connection, with the part of sqlite-utils' ``Database`` the store uses.

Importing sqlite-utils brings click, pluggy and dateutil along: about a tenth of a second of
CPU at every start, a third of what the window itself needs. The repositories only use
``conn``, ``query``, ``atomic`` and ``close``, which are here; anything else (a table object,
the migrations' bookkeeping) is handed to a real sqlite-utils ``Database`` over the same
connection, made when first asked for. sqlite-utils is still what applies and records the
migrations (store/database.py), and only when one is pending.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from ..domain.model import active_on

_SAVEPOINTS = itertools.count(1)  # unique names within the process are enough (one connection each)


def active_on_sql(alias: str = "") -> str:
    """A WHERE condition true for the assignments (table alias ``alias``) active on the day
    given as its one parameter, an ISO date."""
    prefix = f"{alias}." if alias else ""
    return f"active_on({prefix}start_date, {prefix}end_date, ?)"


class Database:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        # as sqlite-utils' Database does by default: triggers fire from within triggers
        self.conn.execute("PRAGMA recursive_triggers=on;")
        self.conn.create_function("active_on", 3, active_on, deterministic=True)
        self._full: Any = None

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Run ``sql`` now; its rows as dictionaries, fetched as they are iterated."""
        cursor = self.conn.execute(sql, params if params is not None else ())
        if cursor.description is None:
            raise ValueError("query() chỉ dùng cho câu lệnh trả về các dòng")
        keys = [d[0] for d in cursor.description]
        return (dict(zip(keys, row, strict=True)) for row in cursor)

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, params if params is not None else ())

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction (BEGIN … COMMIT, rolled back on any exception); nested: a savepoint.
        The same semantics as sqlite-utils' ``Database.atomic``."""
        if self.conn.in_transaction:
            savepoint = f"motcua_{next(_SAVEPOINTS)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.rollback()
                raise

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    # everything else: sqlite-utils itself, over this connection ---------------------------
    def full(self) -> Any:
        """sqlite-utils' ``Database`` on this connection (imported and made on first use)."""
        if self._full is None:
            from sqlite_utils import Database as SqliteUtilsDatabase

            self._full = SqliteUtilsDatabase(self.conn, execute_plugins=False)
        return self._full

    def __getitem__(self, table: str) -> Any:
        return self.full()[table]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full(), name)
