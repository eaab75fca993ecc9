"""The register's records as plain dataclasses: units, people, assignments, equipment, settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

Day = TypeVar("Day", date, str)  # a date, or its ISO text (which sorts the same way)


def active_on(start: Day | None, end: Day | None, day: Day) -> bool:
    """The counting rule's "active on a day": ``start <= day <= end``, both days included; no
    start means since always, no end means still running. The one place the rule is written:
    SQL queries call it as ``active_on(start_date, end_date, ?)`` on the ISO dates the tables
    hold (store/connection.py)."""
    return (start is None or start <= day) and (end is None or day <= end)


class EmploymentKind(StrEnum):
    """How a person comes to work at a unit; the appendix counts by this."""

    BIEN_CHE = "bien_che"
    BIET_PHAI = "biet_phai"
    CU_DEN = "cu_den"
    HO_TRO = "ho_tro"  # postal staff, service providers, contract support (NĐ 118/2025)

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def is_own_staff(self) -> bool:
        """Counted in "Thuộc biên chế (hoặc biệt phái) của BPMC"."""
        return self in (EmploymentKind.BIEN_CHE, EmploymentKind.BIET_PHAI)

    @property
    def needs_agency(self) -> bool:
        """A person sent by another agency must name it (Cơ quan cử)."""
        return self is EmploymentKind.CU_DEN


_KIND_LABELS = {
    EmploymentKind.BIEN_CHE: "Biên chế",
    EmploymentKind.BIET_PHAI: "Biệt phái",
    EmploymentKind.CU_DEN: "Cử đến",
    EmploymentKind.HO_TRO: "Hỗ trợ",
}


class Condition(StrEnum):
    """State of a piece of equipment; only ``TOT`` counts towards a norm."""

    TOT = "tot"
    HONG = "hong"
    CHO_THANH_LY = "cho_thanh_ly"

    @property
    def label(self) -> str:
        return _CONDITION_LABELS[self]


_CONDITION_LABELS = {
    Condition.TOT: "Tốt",
    Condition.HONG: "Hỏng",
    Condition.CHO_THANH_LY: "Chờ thanh lý",
}


@dataclass(frozen=True)
class Choice:
    """An entry of a value list kept as data (unit levels, kinds of administrative unit)."""

    code: str
    label: str
    sort_order: int = 0


# Defaults seeded by the migrations (0001, 0005); the user may add their own rows.
# Tỉnh and Xã are the two tiers since 1/7/2025; Huyện is kept for the registers before.
DEFAULT_LEVELS = (Choice("tinh", "Tỉnh", 0), Choice("huyen", "Huyện", 1), Choice("xa", "Xã", 2))
DEFAULT_UNIT_KINDS = (
    Choice("huyen", "huyện", 1),
    Choice("thi_tran", "thị trấn", 2),
    Choice("xa", "xã", 3),
    Choice("phuong", "phường", 4),
    Choice("tinh", "tỉnh", 5),
    Choice("thanh_pho", "thành phố", 6),
    Choice("dac_khu", "đặc khu", 7),
)


@dataclass
class Unit:
    """A Bộ phận Một cửa: the district's own or a commune's/town's."""

    code: str
    name: str
    level: str = "xa"
    kind: str = "xa"
    admin_name: str = ""
    address: str = ""
    area_m2: float | None = None
    founding_decision: str = ""
    staffing_decision: str = ""
    rules: str = ""
    hotline: str = ""
    notes: str = ""
    sort_order: int = 0
    id: int | None = None
    parent_id: int | None = None  # a điểm tiếp nhận's commune centre, a chi nhánh's province centre
    official_code: str = ""  # Mã ĐVHC of QĐ 19/2025/QĐ-TTg (province "20", commune "06463")


@dataclass
class Person:
    full_name: str
    code: str = ""
    birth_year: int | None = None
    gender: str = ""
    phone: str = ""
    qualification: str = ""
    notes: str = ""
    id: int | None = None


@dataclass
class Assignment:
    """A person working at a unit from ``start`` to ``end``, both days included."""

    person_id: int | None
    unit_id: int | None
    kind: EmploymentKind = EmploymentKind.BIEN_CHE
    position: str = ""
    sending_agency: str = ""
    fields: tuple[str, ...] = ()
    decision: str = ""
    start: date | None = None
    end: date | None = None
    notes: str = ""
    id: int | None = None

    def active_on(self, day: date) -> bool:
        """No start: since always; no end: still running (see :func:`active_on`)."""
        return active_on(self.start, self.end, day)


@dataclass
class EquipmentType:
    """A catalogue entry; ``norms`` maps a unit level code to how many a unit should have."""

    name: str
    norms: dict[str, int] = field(default_factory=dict)
    sort_order: int = 0
    id: int | None = None


@dataclass
class EquipmentItem:
    """Quantity of one type at one unit in one condition (the report says "2 máy in")."""

    unit_id: int | None
    type_id: int | None
    quantity: int = 1
    condition: Condition = Condition.TOT
    year_in_service: int | None = None
    serial: str = ""
    notes: str = ""
    id: int | None = None


@dataclass
class OrgSettings:
    """Who issues the report and to whom: the header, signer and Nơi nhận defaults.

    A new register starts blank: the office's identity is set up from the official list of
    administrative units (``motcua init --office``, the set-up dialog) or typed in; only the
    sample data carries the seed's district.
    """

    parent_body: str = ""
    issuing_body: tuple[str, ...] = ()
    issuing_body_short: str = ""
    district_name: str = ""
    province_name: str = ""
    place_name: str = ""
    doc_abbreviation: str = "BC-UBND"
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()
    noi_nhan: tuple[str, ...] = ("Như trên", "Lưu: VT")
    office_code: str = ""  # official code of the office: 2 digits a province, 5 a commune
    commune_name: str = ""  # "Chi Lăng" for UBND xã Chi Lăng; blank for a district or province


_Record = TypeVar("_Record")


def replaced(record: _Record, **changes: Any) -> _Record:
    """``dataclasses.replace`` for the records above, without running ``__init__`` again:
    they have no ``__post_init__`` and no slots, so a copy of the fields is the same record
    (about three times faster; an import calls this some 200,000 times)."""
    copy = object.__new__(type(record))
    vars(copy).update(vars(record))
    vars(copy).update(changes)
    return copy
