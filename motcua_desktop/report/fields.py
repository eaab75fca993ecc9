"""The named figures a report's text may contain (``{dien_tich_huyen}``), in one list.

The editor offers :data:`FIELDS`; :func:`fill` replaces each name by its value, and a name
with no value (or an unknown name) stays visible as ``[chưa có: …]`` so nothing is silently
dropped from a document that will be signed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..domain.counting import missing_by_type
from ..domain.text import format_number, format_short_date
from .data import ReportData

FIELD_PATTERN = re.compile(r"\{([a-z0-9_]+)\}")


@dataclass(frozen=True)
class FieldDef:
    name: str
    label: str  # what the editor shows next to the name

    @property
    def token(self) -> str:
        return "{" + self.name + "}"


FIELDS: tuple[FieldDef, ...] = (
    FieldDef("don_vi_ban_hanh", "Tên cơ quan ban hành viết gọn (UBND huyện …)"),
    FieldDef("ten_huyen", "Tên huyện"),
    FieldDef("ten_tinh", "Tên tỉnh"),
    FieldDef("ngay_so_lieu", "Ngày lấy số liệu (19/4/2024)"),
    FieldDef("dia_chi_huyen", "Địa chỉ Bộ phận Một cửa huyện"),
    FieldDef("dien_tich_huyen", "Diện tích trụ sở Bộ phận Một cửa huyện (225,78 m²)"),
    FieldDef("quy_che_huyen", "Quyết định ban hành quy chế của Bộ phận Một cửa huyện"),
    FieldDef("quyet_dinh_kien_toan_huyen", "Quyết định kiện toàn Bộ phận Một cửa huyện"),
    FieldDef("quyet_dinh_thanh_lap_huyen", "Quyết định (kế hoạch) thành lập Bộ phận Một cửa huyện"),
    FieldDef("so_xa_co_bpmc", "Số xã, thị trấn có Bộ phận Một cửa đang hoạt động / tổng số (20/20)"),
    FieldDef("so_don_vi", "Tổng số Bộ phận Một cửa"),
    FieldDef("tong_can_bo", "Tổng số cán bộ, công chức, viên chức các cấp"),
    FieldDef("tong_bien_che", "Tổng số thuộc biên chế (hoặc biệt phái)"),
    FieldDef("tong_cu_den", "Tổng số do các cơ quan chuyên môn cử đến"),
    FieldDef("can_bo_huyen_tong", "Số người làm việc tại Bộ phận Một cửa huyện"),
    FieldDef("can_bo_huyen_bien_che", "Số người thuộc biên chế (hoặc biệt phái) ở cấp huyện"),
    FieldDef("can_bo_huyen_cu_den", "Số người được cử đến Bộ phận Một cửa huyện"),
    FieldDef("so_co_quan_cu_den_huyen", "Số cơ quan cử người đến Bộ phận Một cửa huyện"),
    FieldDef("co_quan_cu_den_huyen", "Tên các cơ quan cử người đến Bộ phận Một cửa huyện"),
    FieldDef("can_bo_xa_tong", "Số người làm việc tại Bộ phận Một cửa cấp xã"),
    FieldDef("thiet_bi_con_thieu", "Trang thiết bị còn thiếu so với định mức"),
    FieldDef("phu_luc_can_bo", "Tên phụ lục số lượng cán bộ (Phụ lục I)"),
    FieldDef("phu_luc_thiet_bi", "Tên phụ lục trang thiết bị (Phụ lục II)"),
)
FIELD_NAMES = frozenset(f.name for f in FIELDS)


def missing_marker(name: str) -> str:
    return f"[chưa có: {name}]"


def count_text(n: int) -> str:
    """Counts in running text as official documents write them: ``03``, ``13``, ``1.209``."""
    return f"{n:02d}" if 0 <= n < 10 else format_number(n)


def area_text(value: float | None) -> str | None:
    return None if value is None else f"{format_number(value)} m²"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def shortfall_text(data: ReportData) -> str:
    missing = missing_by_type(data.shortfalls)
    if not missing:
        return "đã có đủ trang thiết bị theo định mức"
    parts = [f"{count_text(n)} {_lower_first(name)}" for name, n in missing.items()]
    return "còn thiếu " + ", ".join(parts)


def field_values(data: ReportData, appendix_labels: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """The value of every field in :data:`FIELDS` for this data; None where the register has none."""
    s = data.settings
    district = data.district_unit
    dcount = data.count_of(district) if district else None
    lower = data.lower_rows
    active_lower = sum(1 for r in lower if r.count.total > 0)
    lower_total = sum(r.count.total for r in lower)
    labels = appendix_labels or {}

    def unit_text(attr: str) -> str | None:
        if district is None:
            return None
        return getattr(district, attr) or None

    values: dict[str, str | None] = {
        "don_vi_ban_hanh": s.issuing_body_short or None,
        "ten_huyen": s.district_name or None,
        "ten_tinh": s.province_name or None,
        "ngay_so_lieu": format_short_date(data.as_of),
        "dia_chi_huyen": unit_text("address"),
        "dien_tich_huyen": area_text(district.area_m2) if district else None,
        "quy_che_huyen": unit_text("rules"),
        "quyet_dinh_kien_toan_huyen": unit_text("staffing_decision"),
        "quyet_dinh_thanh_lap_huyen": unit_text("founding_decision"),
        "so_xa_co_bpmc": f"{active_lower}/{len(lower)}" if lower else None,
        "so_don_vi": count_text(len(data.staff.rows)),
        "tong_can_bo": count_text(data.staff.total.total),
        "tong_bien_che": count_text(data.staff.total.own),
        "tong_cu_den": count_text(data.staff.total.sent),
        "can_bo_huyen_tong": count_text(dcount.total) if dcount else None,
        "can_bo_huyen_bien_che": count_text(dcount.own) if dcount else None,
        "can_bo_huyen_cu_den": count_text(dcount.sent) if dcount else None,
        "so_co_quan_cu_den_huyen": count_text(len(data.district_agencies)) if data.district_agencies else None,
        "co_quan_cu_den_huyen": ", ".join(data.district_agencies) or None,
        "can_bo_xa_tong": count_text(lower_total) if lower else None,
        "thiet_bi_con_thieu": shortfall_text(data) if data.equipment_types else None,
        "phu_luc_can_bo": labels.get("staff"),
        "phu_luc_thiet_bi": labels.get("equipment"),
    }
    return values


def fill(text: str, values: Mapping[str, str | None]) -> str:
    """Replace every ``{name}``; a name without a value becomes ``[chưa có: name]``."""

    def repl(m: re.Match[str]) -> str:
        value = values.get(m.group(1))
        return value if value else missing_marker(m.group(1))

    return FIELD_PATTERN.sub(repl, text)


def used_fields(text: str) -> list[str]:
    return FIELD_PATTERN.findall(text)
