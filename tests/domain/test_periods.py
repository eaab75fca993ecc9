"""Reporting periods of NĐ 09/2019/NĐ-CP Điều 12: cut off from the 15th to the 14th."""

from __future__ import annotations

from datetime import date

import pytest

from motcua_desktop.domain.periods import (
    LATE,
    NOT_SENT,
    ON_TIME,
    REPLACED,
    PeriodError,
    PeriodKind,
    period_of,
    status,
)


@pytest.mark.parametrize(("kind", "day", "start", "end", "label"), [
    (PeriodKind.MONTH, date(2026, 3, 14), date(2026, 2, 15), date(2026, 3, 14), "Tháng 3/2026"),
    (PeriodKind.MONTH, date(2026, 3, 15), date(2026, 3, 15), date(2026, 4, 14), "Tháng 4/2026"),
    (PeriodKind.MONTH, date(2025, 12, 20), date(2025, 12, 15), date(2026, 1, 14), "Tháng 1/2026"),
    (PeriodKind.QUARTER, date(2026, 1, 5), date(2025, 12, 15), date(2026, 3, 14), "Quý I/2026"),
    (PeriodKind.QUARTER, date(2026, 9, 30), date(2026, 9, 15), date(2026, 12, 14), "Quý IV/2026"),
    (PeriodKind.HALF_YEAR, date(2025, 12, 15), date(2025, 12, 15), date(2026, 6, 14), "6 tháng đầu năm 2026"),
    (PeriodKind.YEAR, date(2026, 12, 14), date(2025, 12, 15), date(2026, 12, 14), "Năm 2026"),
    (PeriodKind.YEAR, date(2026, 12, 15), date(2026, 12, 15), date(2027, 12, 14), "Năm 2027"),
])  # fmt: skip
def test_a_day_belongs_to_the_period_cut_off_on_the_next_14th(kind, day, start, end, label):
    p = period_of(kind, day)
    assert (p.start, p.end, p.label) == (start, end, label) and p.holds(day)


def test_the_half_year_ends_on_14_june_and_a_day_after_is_in_none():
    with pytest.raises(PeriodError, match="15/12 năm trước – 14/6"):
        period_of(PeriodKind.HALF_YEAR, date(2026, 6, 15))


def test_status_by_deadline_per_level():
    p = period_of(PeriodKind.MONTH, date(2026, 3, 1))
    assert p.deadline("xa") == date(2026, 3, 16) and p.deadline("tinh") == date(2026, 3, 20)
    assert status(None, False, p.deadline("xa")) == NOT_SENT
    assert status(date(2026, 3, 16), False, p.deadline("xa")) == ON_TIME
    assert status(date(2026, 3, 17), False, p.deadline("xa")) == LATE
    assert status(date(2026, 3, 10), True, p.deadline("xa")) == REPLACED
