"""The register's records as plain dataclasses: units, people, assignments, equipment, settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class EmploymentKind(StrEnum):
    """How a person comes to work at a unit; the appendix counts by this."""

    BIEN_CHE = "bien_che"
    BIET_PHAI = "biet_phai"
    CU_DEN = "cu_den"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def is_own_staff(self) -> bool:
        """Counted in "Thuộc biên chế (hoặc biệt phái) của BPMC"."""
        return self is not EmploymentKind.CU_DEN


_KIND_LABELS = {
    EmploymentKind.BIEN_CHE: "Biên chế",
    EmploymentKind.BIET_PHAI: "Biệt phái",
    EmploymentKind.CU_DEN: "Cử đến",
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


# Defaults seeded by the first migration; a province may add its own rows.
DEFAULT_LEVELS = (Choice("huyen", "Huyện", 1), Choice("xa", "Xã", 2))
DEFAULT_UNIT_KINDS = (
    Choice("huyen", "huyện", 1),
    Choice("thi_tran", "thị trấn", 2),
    Choice("xa", "xã", 3),
    Choice("phuong", "phường", 4),
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
        """No start: since always; no end: still running."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


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
    """Who issues the report and to whom: the header, signer and Nơi nhận defaults."""

    parent_body: str = ""
    issuing_body: tuple[str, ...] = ("ỦY BAN NHÂN DÂN", "HUYỆN CHI LĂNG")
    issuing_body_short: str = "UBND huyện Chi Lăng"
    district_name: str = "Chi Lăng"
    province_name: str = "Lạng Sơn"
    place_name: str = "Chi Lăng"
    doc_abbreviation: str = "BC-UBND"
    signer_authority: str = "KT. CHỦ TỊCH"
    signer_title: str = "PHÓ CHỦ TỊCH"
    signer_name: str = "Nguyễn Hùng Mạnh"
    recipients: tuple[str, ...] = ("Văn phòng UBND tỉnh Lạng Sơn",)
    noi_nhan: tuple[str, ...] = (
        "Như trên (BC)",
        "CT, các PCT UBND huyện",
        "Các Phòng CM thuộc UBND huyện",
        "UBND các xã, thị trấn",
        "Trang thông tin điện tử",
        "Lưu: VT, VP (HVT)",
    )
