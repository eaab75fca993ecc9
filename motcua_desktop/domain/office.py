"""An office set up from the official list: its identity (header lines, địa danh, recipient,
by the rules of Nghị định 30/2020/NĐ-CP) and the units it starts with.

- a commune (5-digit code): UBND xã/phường/đặc khu, with its Trung tâm Phục vụ hành chính công;
- a province (2-digit code): UBND tỉnh/thành phố, with the provincial centre and one centre
  per commune-level unit, in the official order.
The signer stays blank until typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import admin_units
from .admin_units import AdminUnit
from .model import OrgSettings, Unit

CENTRE = "Trung tâm Phục vụ hành chính công"
ISSUER = "ỦY BAN NHÂN DÂN"


class UnknownOfficeCode(ValueError):
    """The code is not in the official list."""


@dataclass(frozen=True)
class OfficeSetup:
    """What setting up an office writes: the settings and the units; ``parents`` maps a unit's
    Mã to its parent's Mã (none in the defaults; kept for chi nhánh and điểm tiếp nhận)."""

    admin: AdminUnit
    settings: OrgSettings
    units: tuple[Unit, ...]
    parents: dict[str, str] = field(default_factory=dict)

    @property
    def level(self) -> str:
        return "tinh" if self.admin.is_province else "xa"


def centre_code(admin: AdminUnit) -> str:
    """The Mã of an office's centre in the register: ``TTPVHCC-06463``."""
    return f"TTPVHCC-{admin.code}"


def centre_unit(admin: AdminUnit, order: int) -> Unit:
    return Unit(
        code=centre_code(admin),
        name=f"{CENTRE} {admin.full_name}",
        level="tinh" if admin.is_province else "xa",
        kind=admin.kind,
        admin_name=admin.name,
        sort_order=order,
        official_code=admin.code,
    )


def office_settings(admin: AdminUnit, province: AdminUnit, base: OrgSettings | None = None) -> OrgSettings:
    """The office's identity; the signer (and anything else typed before) is kept from ``base``."""
    base = base or OrgSettings()
    short_kind = {"tinh": "tỉnh", "thanh_pho": "thành phố", "xa": "xã", "phuong": "phường", "dac_khu": "đặc khu"}
    body_short = f"UBND {short_kind[admin.kind]} {admin.name}"
    if admin.is_province:
        recipients: tuple[str, ...] = ("Văn phòng Chính phủ",)
    else:
        recipients = (f"Văn phòng UBND {province.full_name}",)
    return OrgSettings(
        parent_body="",
        issuing_body=(ISSUER, admin.full_name.upper()),
        issuing_body_short=body_short,
        district_name="",
        province_name=province.name,
        place_name=admin.name,  # NĐ 30: địa danh is the name of the unit where the body sits
        doc_abbreviation=base.doc_abbreviation or "BC-UBND",
        signer_authority=base.signer_authority,
        signer_title=base.signer_title,
        signer_name=base.signer_name,
        recipients=recipients,
        noi_nhan=base.noi_nhan,
        office_code=admin.code,
        commune_name="" if admin.is_province else admin.name,
    )


def office_setup(code: str, base: OrgSettings | None = None) -> OfficeSetup:
    """The identity and units of the office with this official code."""
    admin = admin_units.find(code)
    if admin is None:
        raise UnknownOfficeCode(
            f"mã '{code.strip()}' không có trong danh mục đơn vị hành chính "
            "(2 chữ số: tỉnh, thành phố; 5 chữ số: xã, phường, đặc khu — ví dụ 20 là tỉnh Lạng Sơn, "
            "06463 là xã Chi Lăng)"
        )
    province = admin if admin.is_province else admin_units.province_of(admin)
    units = [centre_unit(admin, 1)]
    if admin.is_province:
        units += [centre_unit(c, i) for i, c in enumerate(admin_units.communes(admin.code), start=2)]
    return OfficeSetup(admin, office_settings(admin, province, base), tuple(units))
