"""The register in a few numbers, as the window's status bar and its first-steps notes show
them: one read, no Qt, typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .connection import Database, active_on_sql


@dataclass(frozen=True)
class RegisterSummary:
    units: int
    assignments: int  # ever made: a register whose staff have all left is not "empty"
    working: int  # assignments running on the day asked about
    equipment_lines: int  # rows of the equipment table (one kind of device in one unit)
    devices: int  # the quantities of those rows added up
    equipment_types: int  # entries of the catalogue


def summarize(db: Database, day: date) -> RegisterSummary:
    """The counts of the register as of ``day`` (only ``working`` depends on it)."""
    row = db.execute(
        "SELECT (SELECT COUNT(*) FROM units),"
        " (SELECT COUNT(*) FROM assignments),"
        f" (SELECT COUNT(*) FROM assignments WHERE {active_on_sql()}),"  # the one rule of the store
        " (SELECT COUNT(*) FROM equipment),"
        " (SELECT COALESCE(SUM(quantity), 0) FROM equipment),"
        " (SELECT COUNT(*) FROM equipment_types)",
        [day.isoformat()],
    ).fetchone()
    return RegisterSummary(*(int(value) for value in row))
