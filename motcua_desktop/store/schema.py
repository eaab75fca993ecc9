"""The columns of every table as the migrations leave them: the one list each module reads.

Row conversions (`rows.py`, `reports.py`), the trash and the write helper take their column
names from here, never from a list of their own. ``tests/store/test_schema.py`` compares every
list with ``PRAGMA table_info`` of a register migrated to the latest version, so a migration
that adds a column fails the tests until its list here is updated (and with it the history
triggers, which record :func:`history_columns` of a row).
"""

from __future__ import annotations

UNIT_COLUMNS = (
    "id", "code", "name", "level", "kind", "admin_name", "address", "area_m2",
    "founding_decision", "staffing_decision", "rules", "hotline", "notes", "sort_order",
    "parent_id", "official_code",
)  # fmt: skip
PERSON_COLUMNS = ("id", "code", "full_name", "birth_year", "gender", "phone", "qualification", "notes")
ASSIGNMENT_COLUMNS = (
    "id", "person_id", "unit_id", "kind", "position", "sending_agency", "fields", "decision",
    "start_date", "end_date", "notes",
)  # fmt: skip
ITEM_COLUMNS = ("id", "unit_id", "type_id", "quantity", "condition", "year_in_service", "serial", "notes")
EQUIPMENT_TYPE_COLUMNS = ("id", "name", "name_key", "sort_order")
NORM_COLUMNS = ("type_id", "level", "quantity")
REPORT_COLUMNS = (
    "id", "number", "report_date", "place", "recipients", "title", "body", "signer_authority",
    "signer_title", "signer_name", "noi_nhan", "appendices", "as_of", "updated_at", "template",
)  # fmt: skip
SETTINGS_COLUMNS = ("key", "value")
CHOICE_COLUMNS = ("code", "label", "sort_order")  # unit_levels and unit_kinds
TEMPLATE_COLUMNS = ("id", "key", "name", "base", "title", "body", "noi_nhan", "created_at")
HISTORY_COLUMNS = ("id", "at", "table_name", "record_id", "action", "before", "after", "restored_at", "by_undo")
RECEIVED_PACKAGE_COLUMNS = (
    "id", "package_id", "office_code", "office_name", "data_date", "made_at", "received_at",
    "app_version", "check_code", "file_name", "units", "staff_total", "staff_own", "staff_seconded",
    "staff_sent", "staff_support", "equipment", "replaced_by",
)  # fmt: skip
SENT_PACKAGE_COLUMNS = ("id", "package_id", "data_date", "made_at", "check_code", "file_name")
REGISTER_IDENTITY_COLUMNS = ("id", "tag")

COLUMNS: dict[str, tuple[str, ...]] = {
    "units": UNIT_COLUMNS,
    "people": PERSON_COLUMNS,
    "assignments": ASSIGNMENT_COLUMNS,
    "equipment": ITEM_COLUMNS,
    "equipment_types": EQUIPMENT_TYPE_COLUMNS,
    "equipment_norms": NORM_COLUMNS,
    "reports": REPORT_COLUMNS,
    "settings": SETTINGS_COLUMNS,
    "unit_levels": CHOICE_COLUMNS,
    "unit_kinds": CHOICE_COLUMNS,
    "report_templates": TEMPLATE_COLUMNS,
    "change_history": HISTORY_COLUMNS,
    "received_packages": RECEIVED_PACKAGE_COLUMNS,
    "sent_packages": SENT_PACKAGE_COLUMNS,
    "register_identity": REGISTER_IDENTITY_COLUMNS,
}

# Columns the change history leaves out of a row's values: derived from another column
# (recomputed when the row is restored) or a time stamp the history row has of its own.
HISTORY_OMITS: dict[str, tuple[str, ...]] = {
    "equipment_types": ("name_key",),
    "reports": ("updated_at",),
}
# Tables whose every change the history triggers record.
HISTORY_TABLES = ("units", "people", "assignments", "equipment", "equipment_types", "equipment_norms",
                  "reports", "settings")  # fmt: skip


def history_columns(table: str) -> tuple[str, ...]:
    """The columns whose values a history row of ``table`` holds."""
    omitted = HISTORY_OMITS.get(table, ())
    return tuple(c for c in COLUMNS[table] if c not in omitted)
