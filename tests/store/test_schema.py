"""The column lists of store/schema.py are the tables as the migrations leave them; the row
conversions, the history triggers and the trash all follow them."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from motcua_desktop.domain.model import Assignment, EquipmentItem, Person, Unit
from motcua_desktop.store import rows
from motcua_desktop.store.history_labels import field_label
from motcua_desktop.store.reports import SavedReport, _to_row
from motcua_desktop.store.schema import COLUMNS, HISTORY_TABLES, history_columns
from motcua_desktop.store.trash import restore, trash


def _differences(conn: sqlite3.Connection) -> list[str]:
    """Every table whose columns (in order) differ from its list, or that has no list."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\'")]  # fmt: skip
    out = []
    for table in tables:
        actual = tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
        if COLUMNS.get(table) != actual:
            out.append(f"{table}: listed {COLUMNS.get(table)}, table has {actual}")
    out += [f"{t}: listed, no such table" for t in COLUMNS if t not in tables]
    return out


def test_every_list_matches_its_table_after_all_migrations(registry) -> None:
    assert _differences(registry.db.conn) == []


def test_a_migration_adding_a_column_fails_until_its_list_is_updated(registry) -> None:
    registry.db.conn.execute("ALTER TABLE units ADD COLUMN website TEXT")
    registry.db.conn.execute("CREATE TABLE unit_photos (id INTEGER PRIMARY KEY)")
    found = _differences(registry.db.conn)
    assert len(found) == 2
    assert "website" in found[0] or "website" in found[1]
    assert any(f.startswith("unit_photos:") for f in found)


def test_record_rows_hold_every_column_but_the_id() -> None:
    def written(table: str) -> set[str]:
        return set(COLUMNS[table]) - {"id"}

    assert set(rows.unit_to_row(Unit("DV1", "Bộ phận Một cửa", "huyen", "huyen"))) == written("units")
    assert set(rows.person_to_row(Person("Nguyễn Văn A"))) == written("people")
    assert set(rows.assignment_to_row(Assignment(1, 1))) == written("assignments")
    assert set(rows.item_to_row(EquipmentItem(1, 1, 2))) == written("equipment")
    # updated_at is stamped by the store when a report is saved
    assert set(_to_row(SavedReport(date(2024, 4, 19), "Báo cáo"))) == written("reports") - {"updated_at"}


def test_the_history_records_every_column_of_a_row(sample_registry) -> None:
    """A column the history triggers leave out would be lost when the row is restored."""
    conn = sample_registry.db.conn
    sample_registry.reports.save(SavedReport(date(2024, 4, 19), "Báo cáo", template="huyen-2024"))
    for table in HISTORY_TABLES:
        row = conn.execute(
            "SELECT COALESCE(after, before) FROM change_history WHERE table_name = ? "
            "ORDER BY id DESC LIMIT 1", [table]).fetchone()  # fmt: skip
        assert row is not None, table
        assert tuple(json.loads(row[0])) == history_columns(table), table


def test_a_report_restored_from_the_trash_keeps_its_template(registry) -> None:
    report = registry.reports.save(SavedReport(date(2024, 4, 19), "Báo cáo quý II", template="tinh-2025"))
    registry.reports.delete(report.id)
    [entry] = trash(registry.db)
    restore(registry.db, entry.deletion.id)
    assert registry.reports.get(report.id).template == "tinh-2025"


def test_every_column_the_history_records_has_a_vietnamese_label() -> None:
    """A column without a label would show its SQL name in the history window and export."""
    unlabelled = [f"{table}.{column}" for table in HISTORY_TABLES if table != "settings"
                  for column in history_columns(table) if field_label(table, column) == column]
    assert unlabelled == []
    assert field_label("reports", "template") == "Mẫu báo cáo"
