""""Active on a day" is one rule (domain.model.active_on); the SQL queries call it, so the
staff list, the status bar count and the appendix agree on the boundary days."""

from __future__ import annotations

from datetime import date

import pytest

from motcua_desktop.domain.counting import count_staff
from motcua_desktop.domain.model import Assignment, Person, Unit, active_on

START, END = date(2024, 4, 1), date(2024, 4, 30)
DAYS = {
    date(2024, 3, 31): False,  # the day before the start
    START: True,  # the start day counts
    date(2024, 4, 15): True,
    END: True,  # the last day counts
    date(2024, 5, 1): False,  # the day after the end
}


@pytest.mark.parametrize(("day", "expected"), DAYS.items())
def test_the_rule_on_the_boundary_days(day: date, expected: bool) -> None:
    assert active_on(START, END, day) is expected
    assert active_on(None, END, day) is (day <= END)  # no start: since always
    assert active_on(START, None, day) is (day >= START)  # no end: still running
    assert active_on(None, None, day) is True


@pytest.fixture
def four(registry):
    """One person at one unit in four assignments: closed, open start, open end, open both."""
    unit = registry.units.add(Unit("DV1", "Bộ phận Một cửa huyện", "huyen", "huyen"))
    spans = [(START, END), (None, END), (START, None), (None, None)]
    for start, end in spans:
        person = registry.staff.add_person(Person("Nguyễn Văn A"))
        registry.staff.add_assignment(Assignment(person.id, unit.id, start=start, end=end))
    return registry, unit


@pytest.mark.parametrize("day", DAYS)
def test_every_place_counts_the_same_assignments(four, day: date) -> None:
    registry, unit = four
    expected = [a.id for a in registry.staff.assignments() if active_on(a.start, a.end, day)]
    listed = [r.assignment.id for r in registry.staff.listing(active_on=day)]
    assert listed == expected
    assert registry.staff.count_active(day) == len(expected)
    assert count_staff(registry.staff.spans(), day)[unit.id].total == len(expected)
    assert len(expected) == {date(2024, 3, 31): 2, date(2024, 5, 1): 2}.get(day, 4)

