"""The change history names every column by its field's label from the registry, the same
words the form shows (a unit's parent and official code were shown as raw column names)."""

from __future__ import annotations

from motcua_desktop.domain.fields import PersonField, UnitField
from motcua_desktop.store.history_labels import TABLE_LABELS, TABLE_RECORDS, field_label

# Kept for the program's own use, never shown as a changed value.
BOOKKEEPING = {("equipment_types", "name_key"), ("settings", "value"), ("reports", "updated_at")}


def test_every_column_of_a_record_table_has_a_label(sample_registry):
    conn = sample_registry.db.conn
    for table in TABLE_RECORDS:
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        assert columns, table
        raw = [c for c in columns if field_label(table, c) == c and (table, c) not in BOOKKEEPING]
        assert raw == [], table


def test_history_labels_are_the_form_s():
    assert field_label("units", "parent_id") == f"{UnitField.PARENT_ID.label} (số)" == "Thuộc đơn vị (số)"
    assert field_label("units", "official_code") == "Mã ĐVHC"
    assert field_label("people", "code") == PersonField.CODE.label == "Mã cán bộ"
    assert field_label("assignments", "start_date") == "Từ ngày"
    assert field_label("assignments", "unit_id") == "Đơn vị (số)"
    assert field_label("equipment_norms", "type_id") == "Loại thiết bị (số)"
    assert field_label("reports", "number") == "Số văn bản"
    assert TABLE_LABELS["assignments"] == "Phân công" and TABLE_LABELS["received_packages"]
