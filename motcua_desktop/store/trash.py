"""The change history read back (per record, exportable) and the trash built on it.

The history itself is written by triggers (db/migrations/0003_history.sql; 0004 adds the
equipment catalogue and its norms, the settings and saved reports) inside each
write's own transaction. A deleted record keeps its last values in its ``delete`` row; the
trash lists those rows and :func:`restore` re-inserts one, with its old id when that is free.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .connection import Database
from .database import transaction
from .equipment import type_key
from .errors import IntegrityRefused, NotFoundError, StoreError
from .history_labels import ACTION_LABELS, TABLE_LABELS, display, field_label, readable
from .schema import HISTORY_TABLES, history_columns
from .writes import insert_row
from .xlsx_cells import keep_as_text

# Tables whose rows the trash can bring back (norms only with their catalogue entry, under
# whose id they are filed); their columns are the history's (schema.history_columns).
_RESTORABLE = ("units", "people", "assignments", "equipment", "equipment_types", "reports",
               "equipment_norms")  # fmt: skip
# Rows deleted in the same step as their owner come back with it: (table, column naming the owner).
_DEPENDENTS = {"people": ("assignments", "person_id"), "equipment_types": ("equipment_norms", "type_id")}
# Recorded but never listed in the trash on their own: a norm removed while editing its type
# is an edit of the catalogue entry; the settings row is never deleted by the app.
_NOT_IN_TRASH = {"equipment_norms", "settings"}
_HISTORY_TABLES = set(HISTORY_TABLES)
_FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Change:
    """One row of the history: what happened to which record, and its values around it."""

    id: int
    at: datetime  # UTC
    table: str
    record_id: int
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    restored_at: datetime | None = None

    @property
    def kind(self) -> str:
        """The action, with "end of assignment" told apart from other edits."""
        if (
            self.action == "update"
            and self.table == "assignments"
            and self.before is not None
            and self.after is not None
            and not self.before.get("end_date")
            and self.after.get("end_date")
        ):
            return "end"
        return self.action

    @property
    def kind_label(self) -> str:
        return ACTION_LABELS[self.kind]

    @property
    def local_time(self) -> datetime:
        return self.at.astimezone()

    def changed_fields(self) -> list[tuple[str, object, object]]:
        """(column, old, new) for every value that differs (all values on add and delete)."""
        before, after = readable(self.table, self.before), readable(self.table, self.after)
        keys = list(dict.fromkeys([*before, *after]))
        # blank to blank is no change: a column added later is NULL in old rows, "" once saved
        return [(k, before.get(k), after.get(k)) for k in keys
                if before.get(k) != after.get(k) and not (_blank(before.get(k)) and _blank(after.get(k)))]

    @property
    def values(self) -> dict[str, Any]:
        return self.after if self.after is not None else (self.before or {})


def _blank(value: object) -> bool:
    return value is None or value == ""


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def _change(row: tuple[Any, ...]) -> Change:
    id_, at, table, record_id, action, before, after, restored_at = row
    return Change(
        id_, _parse_time(at), table, record_id, action,
        json.loads(before) if before else None, json.loads(after) if after else None,
        _parse_time(restored_at) if restored_at else None,
    )  # fmt: skip


_SELECT = "SELECT id, at, table_name, record_id, action, before, after, restored_at FROM change_history"


def history_of(db: Database, table: str, record_id: int) -> list[Change]:
    """Everything that happened to one record, oldest first."""
    """A catalogue entry's history includes its norms'."""
    if table not in _HISTORY_TABLES:
        raise StoreError(f"Không có lịch sử cho bảng {table}.")
    tables = [table, "equipment_norms"] if table == "equipment_types" else [table]
    rows = db.conn.execute(
        f"{_SELECT} WHERE table_name IN ({', '.join('?' * len(tables))}) AND record_id = ? ORDER BY id",
        [*tables, record_id],
    )
    return [_change(r) for r in rows]


def recent_changes(db: Database, limit: int = 1000) -> list[Change]:
    """The latest changes to the whole register, newest first."""
    rows = db.conn.execute(f"{_SELECT} ORDER BY id DESC LIMIT ?", [limit])
    return [_change(r) for r in rows]


def describe(db: Database, change: Change) -> str:
    """A one-line name of the record a change is about, for people (not ids)."""
    v = change.values
    if change.table == "units":
        return str(v.get("name") or v.get("code") or f"đơn vị số {change.record_id}")
    if change.table == "people":
        return str(v.get("full_name") or f"cán bộ số {change.record_id}")
    if change.table == "equipment_types":
        return str(v.get("name") or f"loại thiết bị số {change.record_id}")
    if change.table == "equipment_norms":
        level = db.conn.execute("SELECT label FROM unit_levels WHERE code = ?", [v.get("level")]).fetchone()
        return f"Định mức {_type_name(db, change.record_id)}, cấp {level[0] if level else v.get('level')}"
    if change.table == "settings":
        return str(readable("settings", v).get("key") or "cài đặt")
    if change.table == "reports":
        return _report_name(v, change.record_id)
    unit = _name_of(db, "units", v.get("unit_id"))
    if change.table == "assignments":
        return f"{_name_of(db, 'people', v.get('person_id'))} tại {unit}"
    kind = db.conn.execute("SELECT name FROM equipment_types WHERE id = ?", [v.get("type_id")]).fetchone()
    return f"{v.get('quantity', '')} {kind[0] if kind else 'thiết bị'} tại {unit}"


def _type_name(db: Database, type_id: object) -> str:
    """A catalogue entry's name now, or its last name in the history if it was deleted."""
    row = db.conn.execute("SELECT name FROM equipment_types WHERE id = ?", [type_id]).fetchone()
    if row is None:
        row = db.conn.execute(
            "SELECT json_extract(COALESCE(after, before), '$.name') FROM change_history "
            "WHERE table_name = 'equipment_types' AND record_id = ? ORDER BY id DESC LIMIT 1",
            [type_id],
        ).fetchone()
    return row[0] if row and row[0] else f"loại thiết bị số {type_id}"


def _report_name(v: dict[str, Any], record_id: int) -> str:
    day = v.get("report_date") or ""
    when = f" ngày {'/'.join(reversed(day.split('-')))}" if day else ""
    number = f" số {v['number']}" if v.get("number") else ""
    return f"Báo cáo{number}{when}" if (number or when) else f"Báo cáo số {record_id}"


def _name_of(db: Database, table: str, record_id: object) -> str:
    """A record's name now, or its last name in the history if it was deleted."""
    column = "name" if table == "units" else "full_name"
    row = db.conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", [record_id]).fetchone()
    if row:
        return str(row[0])
    row = db.conn.execute(
        f"SELECT json_extract(COALESCE(after, before), '$.{column}') FROM change_history "
        "WHERE table_name = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
        [table, record_id],
    ).fetchone()
    what = "đơn vị" if table == "units" else "cán bộ"
    return row[0] if row and row[0] else f"{what} số {record_id}"


# export ---------------------------------------------------------------------------------
EXPORT_HEADER = ("Thời điểm", "Bảng", "Số bản ghi", "Bản ghi", "Thao tác", "Trường", "Giá trị cũ", "Giá trị mới")


def export_rows(db: Database, changes: list[Change]) -> list[tuple[Any, ...]]:
    """One row per changed value, as the export writes them."""
    out: list[tuple[Any, ...]] = []
    for change in changes:
        when = change.local_time.strftime("%d/%m/%Y %H:%M:%S")
        head = (when, TABLE_LABELS.get(change.table, change.table), change.record_id,
                describe(db, change), change.kind_label)  # fmt: skip
        for column, old, new in change.changed_fields() or [("", None, None)]:
            label = field_label(change.table, column) if column else ""
            out.append((*head, label, display(old), display(new)))
    return out


def _csv_safe(value: object) -> object:
    """Excel runs a CSV cell starting with = + - @ as a formula; a leading ' keeps it text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_history(db: Database, changes: list[Change], target: str | Path) -> Path:
    """Write changes to ``.csv`` (UTF-8 for Excel) or ``.xlsx``; every cell written as data."""
    target = Path(target)
    rows = export_rows(db, changes)
    try:
        if target.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            wb = Workbook()
            ws = wb.worksheets[0]
            ws.title = "Lịch sử thay đổi"
            ws.append(EXPORT_HEADER)
            for row in rows:
                ws.append([None] * len(row))
                for col, value in enumerate(row, start=1):
                    cell = ws.cell(row=ws.max_row, column=col)
                    cell.value = value
                    if isinstance(value, str):
                        cell.data_type = "s"  # never a formula, whatever it starts with
                        keep_as_text(cell)
            wb.save(target)
        elif target.suffix.lower() == ".csv":
            with target.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(EXPORT_HEADER)
                writer.writerows([_csv_safe(v) for v in row] for row in rows)
        else:
            raise StoreError(f"Chỉ xuất lịch sử ra tệp .csv hoặc .xlsx, không phải {target.name}.")
    except OSError as exc:
        raise StoreError(
            f"Không ghi được tệp {target} ({exc.strerror or exc}). "
            "Hãy đóng tệp nếu đang mở trong Excel, hoặc chọn thư mục khác."
        ) from exc
    return target


# trash ----------------------------------------------------------------------------------
@dataclass
class TrashEntry:
    """A deleted record; ``dependents`` are the rows deleted together with it: a person's
    assignments, a catalogue entry's norms."""

    deletion: Change
    dependents: list[Change] = field(default_factory=list)

    @property
    def table(self) -> str:
        return self.deletion.table

    @property
    def values(self) -> dict[str, Any]:
        return self.deletion.before or {}


def _came_back(db: Database, deletion: Change) -> bool:
    """Was the record re-added with the same values later (e.g. by undo)?"""
    rows = db.conn.execute(
        "SELECT after FROM change_history WHERE table_name = ? AND record_id = ? AND id > ? "
        "AND action IN ('insert', 'restore')",
        [deletion.table, deletion.record_id, deletion.id],
    )
    return any(json.loads(r[0]) == deletion.before for r in rows if r[0])


def _deleted_with(db: Database, owner: Change) -> list[Change]:
    """The rows removed in the same step as their owner (a person's assignments, a type's
    norms): the run of their deletions written just before the owner's own deletion row."""
    table, column = _DEPENDENTS[owner.table]
    out = []
    rows = db.conn.execute(f"{_SELECT} WHERE id < ? ORDER BY id DESC LIMIT 10000", [owner.id])
    for row in rows:
        change = _change(row)
        if not (
            change.table == table
            and change.action == "delete"
            and (change.before or {}).get(column) == owner.record_id
        ):
            break
        out.append(change)
    return list(reversed(out))


def trash(db: Database) -> list[TrashEntry]:
    """Deleted records not restored yet, newest first; not the rows an undone import had
    added (``by_undo``, migration 0009): they were never the user's records."""
    rows = db.conn.execute(
        f"{_SELECT} WHERE action = 'delete' AND restored_at IS NULL AND by_undo = 0 ORDER BY id DESC"
    ).fetchall()
    entries: list[TrashEntry] = []
    grouped: set[int] = set()
    for row in rows:
        change = _change(row)
        if change.table in _NOT_IN_TRASH or change.table not in _RESTORABLE:
            continue
        if change.id in grouped or _came_back(db, change):
            continue
        entry = TrashEntry(change)
        if change.table in _DEPENDENTS:
            entry.dependents = [d for d in _deleted_with(db, change) if d.restored_at is None]
            grouped.update(d.id for d in entry.dependents)
        entries.append(entry)
    return [e for e in entries if e.deletion.id not in grouped]


@dataclass(frozen=True)
class Restored:
    table: str
    record_id: int
    old_id: int
    count: int  # records brought back, dependents included

    @property
    def id_changed(self) -> bool:
        return self.record_id != self.old_id


def _exists(db: Database, table: str, record_id: object) -> bool:
    return db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone() is not None


def _check_references(db: Database, change: Change, person_id: object) -> None:
    v = change.before or {}
    if change.table == "equipment_types":
        other = db.conn.execute(
            "SELECT name FROM equipment_types WHERE name_key = ?", [type_key(v.get("name") or "")]
        ).fetchone()
        if other is not None:
            raise IntegrityRefused(
                f"Không khôi phục được: loại thiết bị '{other[0]}' đã có trong danh mục. "
                "Hãy đổi tên loại đó trước."
            )
    if change.table == "equipment_norms":
        level = db.conn.execute("SELECT 1 FROM unit_levels WHERE code = ?", [v.get("level")]).fetchone()
        if level is None:
            raise IntegrityRefused(
                f"Không khôi phục được định mức cấp '{v.get('level')}' vì cấp đó không còn trong danh sách cấp."
            )
    if change.table in ("assignments", "equipment") and not _exists(db, "units", v.get("unit_id")):
        name = _name_of(db, "units", v.get("unit_id"))
        raise IntegrityRefused(
            f"Không khôi phục được {TABLE_LABELS[change.table].lower()} vì đơn vị \"{name}\" "
            "không còn. Hãy khôi phục đơn vị đó trước."
        )
    if change.table == "assignments" and not _exists(db, "people", person_id):
        name = _name_of(db, "people", person_id)
        raise IntegrityRefused(
            f"Không khôi phục được phân công vì cán bộ \"{name}\" đã bị xóa. "
            "Hãy khôi phục cán bộ đó trước."
        )
    if change.table == "equipment" and not _exists(db, "equipment_types", v.get("type_id")):
        raise IntegrityRefused("Không khôi phục được thiết bị vì loại thiết bị của nó đã bị xóa khỏi danh mục.")
    if change.table in ("units", "people") and v.get("code"):
        other = db.conn.execute(
            f"SELECT id FROM {change.table} WHERE code = ?", [v["code"]]
        ).fetchone()
        if other is not None:
            what = "đơn vị" if change.table == "units" else "cán bộ"
            raise IntegrityRefused(
                f"Không khôi phục được: mã {what} '{v['code']}' đã được dùng cho "
                f"{_name_of(db, change.table, other[0])}. Hãy đổi mã đó trước."
            )


def _reinsert(db: Database, change: Change, overrides: dict[str, Any] | None = None) -> int:
    """Insert a deleted row again (old id if free) and mark the history; returns the id."""
    table = change.table
    values: dict[str, Any] = {k: (change.before or {}).get(k) for k in history_columns(table)}
    values.update(overrides or {})
    if table == "equipment_types":
        values["name_key"] = type_key(str(values["name"]))  # derived, so not kept in the history
    if "id" in values and _exists(db, table, values["id"]):
        values.pop("id")  # taken by a newer record: the restored one gets a new id
    rowid = insert_row(db.conn, table, values)
    new_id: int = values["type_id"] if table == "equipment_norms" else rowid
    db.conn.execute(
        "UPDATE change_history SET action = 'restore' WHERE id = (SELECT MAX(id) FROM "
        "change_history WHERE table_name = ? AND record_id = ? AND action = 'insert')",
        [table, new_id],
    )
    db.conn.execute("UPDATE change_history SET restored_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                    "WHERE id = ?", [change.id])
    return new_id


def restore(db: Database, history_id: int) -> Restored:
    """Bring a deleted record back from the trash in one transaction (a person with the
    assignments deleted with them, a catalogue entry with its norms); refuse with a clear
    message if what it needs is gone."""
    entry = next((e for e in trash(db) if e.deletion.id == history_id), None)
    if entry is None:
        raise NotFoundError("Bản ghi này không còn trong thùng rác (có thể đã được khôi phục).")
    deletion = entry.deletion
    with transaction(db):
        _check_references(db, deletion, deletion.values.get("person_id"))
        new_id = _reinsert(db, deletion)
        for dep in entry.dependents:
            owner_column = _DEPENDENTS[deletion.table][1]
            _check_references(db, dep, new_id)
            _reinsert(db, dep, {owner_column: new_id})
    return Restored(deletion.table, new_id, deletion.record_id, 1 + len(entry.dependents))
