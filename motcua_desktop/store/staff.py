"""People and their dated assignments to units."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..domain.fields import AssignmentField
from ..domain.model import Assignment, EmploymentKind, Person
from ..domain.text import format_date
from ..domain.validation import FieldError, ValidationError, clean_assignment, clean_person
from .connection import Database, active_on_sql
from .database import transaction
from .errors import IntegrityRefused, NotFoundError
from .rows import (
    assignment_from_row,
    assignment_to_row,
    from_iso,
    iso,
    person_from_row,
    person_to_row,
)
from .schema import ASSIGNMENT_COLUMNS, PERSON_COLUMNS
from .writes import insert_row, update_row

_PERSON_SELECT = f"SELECT {', '.join(PERSON_COLUMNS)} FROM people"
_ASSIGNMENT_SELECT = f"SELECT {', '.join(ASSIGNMENT_COLUMNS)} FROM assignments"


@dataclass(frozen=True)
class StaffRow:
    """One assignment with its person and unit, as the staff tab lists it."""

    assignment: Assignment
    person: Person
    unit_name: str
    unit_order: int


class StaffRepository:
    def __init__(self, db: Database):
        self.db = db

    # people ---------------------------------------------------------------------------
    def people(self) -> list[Person]:
        return [person_from_row(r) for r in self.db.query(f"{_PERSON_SELECT} ORDER BY id")]

    def person(self, person_id: int) -> Person:
        rows = list(self.db.query(f"{_PERSON_SELECT} WHERE id = ?", [person_id]))
        if not rows:
            raise NotFoundError(f"Không tìm thấy cán bộ số {person_id}.")
        return person_from_row(rows[0])

    def person_by_code(self, code: str) -> Person | None:
        rows = list(self.db.query(f"{_PERSON_SELECT} WHERE code = ?", [code]))
        return person_from_row(rows[0]) if rows else None

    def _check_code_free(self, person: Person) -> None:
        if person.code:
            other = self.person_by_code(person.code)
            if other is not None and other.id != person.id:
                raise IntegrityRefused(f"Mã cán bộ '{person.code}' đã được dùng cho {other.full_name}.")

    def add_person(self, person: Person) -> Person:
        person = clean_person(person)
        with transaction(self.db):
            self._check_code_free(person)
            row = person_to_row(person)
            if person.id is not None:
                row["id"] = person.id
            person.id = insert_row(self.db.conn, "people", row)
        return person

    def update_person(self, person: Person) -> Person:
        person = clean_person(person)
        with transaction(self.db):
            self.person(person.id or -1)
            self._check_code_free(person)
            row = person_to_row(person)
            update_row(self.db.conn, "people", person.id, row)
        return person

    def delete_person(self, person_id: int) -> tuple[Person, list[Assignment]]:
        """Remove a person entered by mistake together with their assignments (the caller
        asks first). People who leave are kept: their assignment is ended instead."""
        with transaction(self.db):
            person = self.person(person_id)
            assignments = self.assignments_of(person_id)
            self.db.conn.execute("DELETE FROM assignments WHERE person_id = ?", [person_id])
            self.db.conn.execute("DELETE FROM people WHERE id = ?", [person_id])
        return person, assignments

    # assignments ----------------------------------------------------------------------
    def assignment(self, assignment_id: int) -> Assignment:
        rows = list(self.db.query(f"{_ASSIGNMENT_SELECT} WHERE id = ?", [assignment_id]))
        if not rows:
            raise NotFoundError(f"Không tìm thấy phân công số {assignment_id}.")
        return assignment_from_row(rows[0])

    def assignments_of(self, person_id: int) -> list[Assignment]:
        rows = self.db.query(
            f"{_ASSIGNMENT_SELECT} WHERE person_id = ? ORDER BY start_date IS NOT NULL, start_date, id",
            [person_id],
        )
        return [assignment_from_row(r) for r in rows]

    def assignments(self) -> list[Assignment]:
        return [assignment_from_row(r) for r in self.db.query(f"{_ASSIGNMENT_SELECT} ORDER BY id")]

    def spans(self) -> list[Assignment]:
        """Just what the counting rule needs (unit, kind, start, end), fast at province scale."""
        rows = self.db.conn.execute("SELECT unit_id, kind, start_date, end_date FROM assignments")
        return [
            Assignment(None, unit_id, EmploymentKind(kind), start=from_iso(s), end=from_iso(e))
            for unit_id, kind, s, e in rows
        ]

    def count_active(self, day: date) -> int:
        """How many assignments are active on ``day``."""
        sql = f"SELECT COUNT(*) FROM assignments WHERE {active_on_sql()}"
        return int(self.db.conn.execute(sql, [day.isoformat()]).fetchone()[0])

    def add_assignment(self, assignment: Assignment) -> Assignment:
        assignment = clean_assignment(assignment)
        with transaction(self.db):
            self.person(assignment.person_id or -1)
            row = assignment_to_row(assignment)
            if assignment.id is not None:
                row["id"] = assignment.id
            assignment.id = insert_row(self.db.conn, "assignments", row)
        return assignment

    def update_assignment(self, assignment: Assignment) -> Assignment:
        assignment = clean_assignment(assignment)
        with transaction(self.db):
            self.assignment(assignment.id or -1)
            row = assignment_to_row(assignment)
            update_row(self.db.conn, "assignments", assignment.id, row)
        return assignment

    def delete_assignment(self, assignment_id: int) -> Assignment:
        with transaction(self.db):
            a = self.assignment(assignment_id)
            self.db.conn.execute("DELETE FROM assignments WHERE id = ?", [assignment_id])
        return a

    def end_assignment(self, assignment_id: int, last_day: date) -> Assignment:
        """The person stops working there after ``last_day`` (the day itself still counts)."""
        a = self.assignment(assignment_id)
        if a.start and last_day < a.start:
            raise ValidationError([FieldError(AssignmentField.END, "không được trước ngày bắt đầu")])
        return self.update_assignment(dataclasses.replace(a, end=last_day))

    def transfer(self, assignment_id: int, unit_id: int, first_day: date, **changes: Any) -> tuple[Assignment, Assignment]:
        """End an assignment the day before ``first_day`` and start the same person at
        another unit from ``first_day`` — one transaction."""
        with transaction(self.db):
            old = self.assignment(assignment_id)
            if old.unit_id == unit_id:
                raise IntegrityRefused("Đơn vị mới trùng với đơn vị hiện tại.")
            last_day = first_day - timedelta(days=1)
            if old.end is not None and old.end < last_day:
                # Moving the end later would count the person again for days they were gone.
                raise IntegrityRefused(
                    f"Phân công này đã kết thúc ngày {format_date(old.end)}, trước ngày chuyển "
                    f"{format_date(first_day)}; hãy thêm phân công mới thay vì điều chuyển."
                )
            ended = self.end_assignment(assignment_id, last_day)
            new = dataclasses.replace(
                old, id=None, unit_id=unit_id, start=first_day, end=None, **changes
            )
            new = self.add_assignment(new)
        return ended, new

    def listing(self, *, active_on: date | None = None) -> list[StaffRow]:
        """Assignments joined with person and unit; only those active on ``active_on`` if given."""
        sql = (
            f"SELECT {', '.join('a.' + c for c in ASSIGNMENT_COLUMNS)}, "
            f"{', '.join('p.' + c + ' AS p_' + c for c in PERSON_COLUMNS)}, "
            "u.name AS unit_name, u.sort_order AS unit_order "
            "FROM assignments a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = a.unit_id"
        )
        params: list[object] = []
        if active_on is not None:
            sql += f" WHERE {active_on_sql('a')}"
            params = [iso(active_on)]
        out = []
        for r in self.db.query(sql + " ORDER BY u.sort_order, a.id", params):
            person = person_from_row({c: r["p_" + c] for c in PERSON_COLUMNS})
            out.append(StaffRow(assignment_from_row(r), person, r["unit_name"], r["unit_order"]))
        return out
