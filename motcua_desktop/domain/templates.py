"""Report templates as data: the narrative, title, recipients, legal citations and the
appendix's columns of one era and level (files under ``resources/templates/``).

Each appendix column names the staff groups it counts (EmploymentKind values), so the
seed's three columns and the five of NĐ 118/2025 come from the same code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .model import EmploymentKind

ERA_REFORM = date(2025, 7, 1)  # two-tier local government (Nghị quyết 202/2025/QH15)

GROUPING_FLAT = "flat"  # the office's units one under another (children numbered 1.1, 1.2)
GROUPING_TOP = "top"  # the seed's: one group row for the whole district
GROUPING_ROOT = "root"  # the province's: a group per commune (its root unit), Roman numerals


@dataclass(frozen=True)
class AppendixColumn:
    """One figure column: its heading, its key (for ``{cot_<key>}`` in the narrative) and the
    staff groups it counts."""

    key: str
    label: str
    groups: tuple[str, ...]
    width: float = 20


@dataclass(frozen=True)
class AppendixSpec:
    title: str
    unit_heading: str  # "Bộ phận Một cửa", "Trung tâm Phục vụ hành chính công"
    group_heading: str  # heading spanning the figure columns
    columns: tuple[AppendixColumn, ...]
    grouping: str = GROUPING_FLAT
    notes_heading: str = "Ghi chú"


@dataclass(frozen=True)
class ReportTemplate:
    key: str
    name: str  # what the user picks: "Cấp xã, từ 1/7/2025 (NĐ 118/2025)"
    level: str  # the register level it is for (tinh, huyen, xa)
    title: str
    opening: str
    body: str
    appendix: AppendixSpec
    citations: tuple[str, ...] = ()
    noi_nhan: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    builtin: bool = True
    base: str = ""  # a user's template: the built-in one whose appendix it uses

    @property
    def full_body(self) -> str:
        return f"{self.opening}\n\n{self.body}" if self.opening else self.body

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


KNOWN_GROUPS = frozenset(k.value for k in EmploymentKind)


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def template_from_dict(data: Mapping[str, Any], *, builtin: bool = True) -> ReportTemplate:
    """A template from its JSON; a column counting an unknown group is an error."""
    a = data["appendix"]
    columns = []
    for c in a["columns"]:
        groups = tuple(c["groups"])
        unknown = [g for g in groups if g not in KNOWN_GROUPS]
        if unknown:
            raise ValueError(f"Mẫu {data['key']}: cột '{c['label']}' đếm nhóm không có: {', '.join(unknown)}")
        columns.append(AppendixColumn(c["key"], c["label"], groups, float(c.get("width", 20))))
    spec = AppendixSpec(
        title=a["title"],
        unit_heading=a["unit_heading"],
        group_heading=a["group_heading"],
        columns=tuple(columns),
        grouping=a.get("grouping", GROUPING_FLAT),
    )
    body = data["body"]
    if isinstance(body, list):  # paragraphs as a list keep the JSON readable
        body = "\n\n".join(body)
    return ReportTemplate(
        key=data["key"],
        name=data["name"],
        level=data["level"],
        title=data["title"],
        opening=data.get("opening", ""),
        body=body,
        appendix=spec,
        citations=tuple(data.get("citations", ())),
        noi_nhan=tuple(data.get("noi_nhan", ())),
        valid_from=_date(data.get("valid_from")),
        valid_to=_date(data.get("valid_to")),
        builtin=builtin,
        base=data.get("base", ""),
    )


def choose_template(templates: Sequence[ReportTemplate], level: str, day: date) -> ReportTemplate:
    """The built-in template for the register's level valid on ``day``; else one valid that
    day; else the first."""
    builtin = [t for t in templates if t.builtin]
    for candidates in (
        [t for t in builtin if t.level == level and t.valid_on(day)],
        [t for t in builtin if t.level == level],
        [t for t in builtin if t.valid_on(day)],
        list(templates),
    ):
        if candidates:
            return candidates[0]
    raise LookupError("Không có mẫu báo cáo nào")


@dataclass(frozen=True)
class UserTemplate:
    """A narrative the user saved as a template, on top of a built-in one's appendix."""

    key: str
    name: str
    base: str
    title: str
    body: str
    noi_nhan: tuple[str, ...] = field(default=())
    id: int | None = None


def register_level(office_code: str, unit_levels: Sequence[str], level_order: Sequence[str]) -> str | None:
    """The level a register reports at: from its office code (2 digits a province, 5 a
    commune), else the highest level among its units (``level_order`` ranks the levels),
    else None (a blank register: the template then follows the date alone)."""
    code = office_code.strip()
    if code.isdigit() and len(code) <= 2:
        return "tinh"
    if code.isdigit() and len(code) in (4, 5):
        return "xa"
    present = set(unit_levels)
    for level in level_order:
        if level in present:
            return level
    return None
