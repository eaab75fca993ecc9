"""Reporting periods of Nghị định 09/2019/NĐ-CP Điều 12 and the status of an office's package.

Figures are cut off from the 15th of the month before the period to the 14th of its last month:
a month 15/(m-1)–14/m, a quarter 15 of the month before it to 14 of its last month, the
half-year 15/12 of the year before to 14/6, the year 15/12 of the year before to 14/12.
The deadline to send is a number of days after the cut-off, per level of the sender (a default
the province can change: ``deadline_days``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .grouping import roman


class PeriodKind(StrEnum):
    MONTH = "thang"
    QUARTER = "quy"
    HALF_YEAR = "6thang"
    YEAR = "nam"


PERIOD_LABELS = {PeriodKind.MONTH: "Tháng", PeriodKind.QUARTER: "Quý",
                 PeriodKind.HALF_YEAR: "6 tháng", PeriodKind.YEAR: "Năm"}  # fmt: skip

# days after the cut-off by which an office of this level sends its package
DEADLINE_DAYS = {"xa": 2, "huyen": 4, "tinh": 6}

NOT_SENT = "chưa gửi"
ON_TIME = "đúng hạn"
LATE = "trễ hạn"
REPLACED = "đã thay thế"


class PeriodError(ValueError):
    """A day that no period of the kind covers (the half-year ends on 14/6)."""


@dataclass(frozen=True)
class Period:
    kind: PeriodKind | None  # None: one reporting date, not a period
    start: date
    end: date  # the cut-off day
    label: str

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end

    def deadline(self, level: str) -> date:
        return self.end + timedelta(days=DEADLINE_DAYS.get(level, DEADLINE_DAYS["xa"]))


def _month_start(year: int, month: int) -> date:
    """The 15th of the month before ``month``."""
    return date(year - 1, 12, 15) if month == 1 else date(year, month - 1, 15)


def period_of(kind: PeriodKind | None, day: date) -> Period:
    """The period of ``kind`` whose figures include ``day`` (``None``: that day alone)."""
    if kind is None:
        return Period(None, day, day, f"Ngày {day:%d/%m/%Y}")
    # the period a day belongs to ends on the first 14th on or after it
    year, month = (day.year, day.month) if day.day <= 14 else (
        (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1))
    if kind is PeriodKind.MONTH:
        return Period(kind, _month_start(year, month), date(year, month, 14), f"Tháng {month}/{year}")
    if kind is PeriodKind.QUARTER:
        q = (month + 2) // 3
        return Period(kind, _month_start(year, 3 * q - 2), date(year, 3 * q, 14), f"Quý {roman(q)}/{year}")
    if kind is PeriodKind.HALF_YEAR:
        if month > 6:
            raise PeriodError(f"ngày {day:%d/%m/%Y} không thuộc kỳ báo cáo 6 tháng (15/12 năm trước – 14/6)")
        return Period(kind, date(year - 1, 12, 15), date(year, 6, 14), f"6 tháng đầu năm {year}")
    return Period(kind, date(year - 1, 12, 15), date(year, 12, 14), f"Năm {year}")


def status(received_on: date | None, replaced: bool, deadline: date) -> str:
    """chưa gửi / đúng hạn / trễ hạn / đã thay thế, of one receipt (None: none received)."""
    if received_on is None:
        return NOT_SENT
    if replaced:
        return REPLACED
    return ON_TIME if received_on <= deadline else LATE
