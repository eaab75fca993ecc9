"""Conversions between SQLite rows and domain records (dates as ISO text, lists as '; ').

The column names come from :mod:`.schema`; a record's row is every column but ``id``."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..domain.model import (
    Assignment,
    Condition,
    EmploymentKind,
    EquipmentItem,
    Person,
    Unit,
)
from .schema import ITEM_COLUMNS, PERSON_COLUMNS, UNIT_COLUMNS

FIELD_SEPARATOR = "; "


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def unit_from_row(row: dict[str, Any]) -> Unit:
    values = {k: row[k] for k in UNIT_COLUMNS}
    values["official_code"] = values["official_code"] or ""
    return Unit(**values)


def unit_to_row(unit: Unit) -> dict[str, Any]:
    row = {k: getattr(unit, k) for k in UNIT_COLUMNS if k != "id"}
    row["official_code"] = unit.official_code or None
    return row


def person_from_row(row: dict[str, Any]) -> Person:
    values = {k: row[k] for k in PERSON_COLUMNS}
    values["code"] = values["code"] or ""
    return Person(**values)


def person_to_row(person: Person) -> dict[str, Any]:
    row = {k: getattr(person, k) for k in PERSON_COLUMNS if k != "id"}
    row["code"] = person.code or None  # NULL codes do not collide in the UNIQUE index
    return row


def assignment_from_row(row: dict[str, Any]) -> Assignment:
    return Assignment(
        id=row["id"],
        person_id=row["person_id"],
        unit_id=row["unit_id"],
        kind=EmploymentKind(row["kind"]),
        position=row["position"],
        sending_agency=row["sending_agency"],
        fields=tuple(f.strip() for f in row["fields"].split(";") if f.strip()),
        decision=row["decision"],
        start=from_iso(row["start_date"]),
        end=from_iso(row["end_date"]),
        notes=row["notes"],
    )


def assignment_to_row(a: Assignment) -> dict[str, Any]:
    return {
        "person_id": a.person_id,
        "unit_id": a.unit_id,
        "kind": EmploymentKind(a.kind).value,
        "position": a.position,
        "sending_agency": a.sending_agency,
        "fields": FIELD_SEPARATOR.join(a.fields),
        "decision": a.decision,
        "start_date": iso(a.start),
        "end_date": iso(a.end),
        "notes": a.notes,
    }


def item_from_row(row: dict[str, Any]) -> EquipmentItem:
    values = {k: row[k] for k in ITEM_COLUMNS}
    values["condition"] = Condition(values["condition"])
    return EquipmentItem(**values)


def item_to_row(item: EquipmentItem) -> dict[str, Any]:
    row = {k: getattr(item, k) for k in ITEM_COLUMNS if k != "id"}
    row["condition"] = Condition(item.condition).value
    return row
