"""What an import changed, row by row, so the window can show it beforehand (a dry run rolled
back) and take it back afterwards (undo) or do it again (redo) exactly.

The tables an import writes are read before and after it inside its transaction; the
difference is kept as ``(key, before, after)`` per row (``None``: the row did not exist).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ...domain.model import Choice, Condition, EmploymentKind
from ...domain.text import format_date
from ..history_labels import TABLE_LABELS, display, field_label
from ..rows import from_iso
from ..writes import insert_many, update_many

# Parents before children: rows are inserted in this order and deleted in the reverse one.
TABLES = ("units", "people", "equipment_types", "assignments", "equipment", "equipment_norms")
_KEYS = {"equipment_norms": ("type_id", "level")}

Row = tuple[Any, ...]
Snapshot = dict[str, tuple[list[str], dict[Any, Row]]]


def snapshot(conn: sqlite3.Connection, tables: tuple[str, ...] = TABLES) -> Snapshot:
    out: Snapshot = {}
    for table in tables:
        cursor = conn.execute(f"SELECT * FROM {table}")
        columns = [d[0] for d in cursor.description]
        key = [columns.index(k) for k in _KEYS.get(table, ("id",))]
        rows = cursor.fetchall()
        out[table] = (columns, {tuple(r[i] for i in key) if len(key) > 1 else r[key[0]]: r for r in rows})
    return out


@dataclass
class Journal:
    columns: dict[str, list[str]] = field(default_factory=dict)
    changes: dict[str, list[tuple[Any, Row | None, Row | None]]] = field(default_factory=dict)
    tables: tuple[str, ...] = TABLES  # parents first, as the snapshots were taken

    def __bool__(self) -> bool:
        return any(self.changes.values())

    def apply(self, conn: sqlite3.Connection, *, backwards: bool) -> None:
        """Put every changed row as it was before the import (``backwards``) or after it.
        Run inside a transaction. Going backwards, the history rows this writes are marked
        ``by_undo``: the rows it deletes are the import's own, not records for the trash."""
        side = 1 if backwards else 2
        mark = conn.execute("SELECT COALESCE(MAX(id), 0) FROM change_history").fetchone()[0]
        for table in reversed(self.tables):  # rows that must go: children first
            names = _KEYS.get(table, ("id",))
            gone = [key if len(names) > 1 else (key,) for key, *rows in self.changes.get(table, [])
                    if rows[side - 1] is None]
            if gone:
                conn.executemany(f"DELETE FROM {table} WHERE " + " AND ".join(f"{n} = ?" for n in names), gone)
        for table in self.tables:
            columns = self.columns.get(table, [])
            added: list[Row] = []
            updated: list[Row] = []
            for key, *rows in self.changes.get(table, []):
                target, other = rows[side - 1], rows[2 - side]
                if target is None:
                    continue
                if other is None:
                    added.append(target)
                else:
                    updated.append((*target, _rowid(conn, table, key)))
            if added:
                insert_many(conn, table, columns, added)
            if updated:
                update_many(conn, table, columns, updated, key="rowid")
        if backwards:
            conn.execute("UPDATE change_history SET by_undo = 1 WHERE id > ?", [mark])


def _rowid(conn: sqlite3.Connection, table: str, key: Any) -> Any:
    """The row's rowid: its id, or looked up by its composite key (a norm: type and level)."""
    names = _KEYS.get(table)
    if names is None:
        return key
    found = conn.execute(f"SELECT rowid FROM {table} WHERE " + " AND ".join(f"{n} = ?" for n in names),
                         key).fetchone()  # fmt: skip
    return found[0] if found else None


def difference(before: Snapshot, after: Snapshot) -> Journal:
    journal = Journal(tables=tuple(before))
    for table in journal.tables:
        columns, old = before[table]
        _, new = after[table]
        journal.columns[table] = columns
        changed = [(k, old.get(k), new.get(k)) for k in old.keys() | new.keys() if old.get(k) != new.get(k)]
        changed.sort(key=lambda c: repr(c[0]))
        journal.changes[table] = changed
    return journal


# what the preview shows ------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """One line of the preview: the sheet, whose record, the field and its old → new value."""

    table: str  # Vietnamese label
    who: str
    field: str = ""
    old: str = ""
    new: str = ""


_LABELLED = {("equipment", "condition"): {c.value: c.label for c in Condition},
             ("assignments", "kind"): {k.value: k.label for k in EmploymentKind}}  # fmt: skip


Labels = dict[tuple[str, str], dict[str, str]]  # (table, column) -> code -> what the user reads


def catalogue_labels(levels: Iterable[Choice], kinds: Iterable[Choice]) -> Labels:
    """The register's own value lists (Cấp, Loại đơn vị) for :func:`describe`."""
    level_labels = {c.code: c.label for c in levels}
    return {("units", "level"): level_labels, ("units", "kind"): {c.code: c.label for c in kinds},
            ("equipment_norms", "level"): level_labels}  # fmt: skip


def _value(table: str, column: str, value: object, catalogue: Labels | None = None) -> str:
    if value is None or value == "":
        return "(trống)"
    if column.endswith("_date"):
        return format_date(from_iso(str(value)))
    labels = _LABELLED.get((table, column)) or (catalogue or {}).get((table, column))
    if labels is not None:
        return labels.get(str(value), str(value))
    shown = display(value)
    return str(shown)


def _names(before: Snapshot, table: str, column: str) -> dict[Any, str]:
    columns, rows = before[table]
    i = columns.index(column)
    return {key: row[i] for key, row in rows.items()}


_REFERENCES = {"unit_id": ("units", "Đơn vị"), "person_id": ("people", "Cán bộ"),
               "type_id": ("equipment_types", "Loại thiết bị")}  # fmt: skip


def describe(journal: Journal, before: Snapshot,
             catalogue: Labels | None = None) -> tuple[list[Change], list[Change]]:
    """(added, changed) for the preview; records are named from the register as it was
    (``before``) and, for rows the import adds, from their own values; codes of the value
    lists (``catalogue``: levels, kinds) show as their labels."""
    level_labels = (catalogue or {}).get(("equipment_norms", "level"), {})
    people = _names(before, "people", "full_name")
    units = _names(before, "units", "name")
    types = _names(before, "equipment_types", "name")
    books = {"units": units, "people": people, "equipment_types": types}
    for table, book, column in (("people", people, "full_name"), ("units", units, "name"),
                                ("equipment_types", types, "name")):  # fmt: skip
        columns = journal.columns.get(table, [])
        for key, _, after in journal.changes.get(table, []):
            if after is not None:
                book[key] = after[columns.index(column)]

    def who(table: str, row: Row) -> str:
        values = dict(zip(journal.columns[table], row, strict=True))
        if table == "units":
            return f"{values['name']} ({values['code']})"
        if table == "people":
            return str(values["full_name"]) + (f" ({values['code']})" if values.get("code") else "")
        if table == "assignments":
            return f"{people.get(values['person_id'], '?')} — {units.get(values['unit_id'], '?')}"
        if table == "equipment":
            return f"{types.get(values['type_id'], '?')} — {units.get(values['unit_id'], '?')}"
        if table == "equipment_types":
            return str(values["name"])
        level = level_labels.get(values["level"], values["level"])
        return f"{types.get(values['type_id'], '?')} — định mức cấp {level}"

    added: list[Change] = []
    changed: list[Change] = []
    for table in TABLES:
        label = TABLE_LABELS.get(table, table)
        columns = journal.columns.get(table, [])
        for _, old_row, new_row in journal.changes.get(table, []):
            if old_row is None and new_row is not None:
                added.append(Change(label, who(table, new_row)))
            elif old_row is not None and new_row is None:
                changed.append(Change(label, who(table, old_row), "", "", "(xóa)"))
            elif old_row is not None and new_row is not None:
                for column, old, new in zip(columns, old_row, new_row, strict=True):
                    if old == new or column in ("id", "name_key"):
                        continue
                    if column in _REFERENCES:
                        book, name = books[_REFERENCES[column][0]], _REFERENCES[column][1]
                        changed.append(Change(label, who(table, new_row), name,
                                              str(book.get(old, old)), str(book.get(new, new))))
                    else:
                        changed.append(Change(label, who(table, new_row), field_label(table, column),
                                              _value(table, column, old, catalogue),
                                              _value(table, column, new, catalogue)))
    return added, changed
