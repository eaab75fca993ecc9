"""The named figures a report's text may contain (``{dien_tich_huyen}``), in one list.

The editor offers :data:`FIELDS`; :func:`fill` replaces each name by its value, and a name
with no value stays visible as a readable ``[chưa có: diện tích trụ sở]`` (never the field's
code) so nothing is silently dropped from a document that will be signed. A figure built
from data is true of the data: a count of communes with decisions counts recorded decisions.
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
    missing: str = ""  # what the document says when the register has no value

    @property
    def token(self) -> str:
        return "{" + self.name + "}"


FIELDS: tuple[FieldDef, ...] = (
    FieldDef("don_vi_ban_hanh", "Tên cơ quan ban hành viết gọn (UBND huyện …)", "tên cơ quan ban hành"),
    FieldDef("ten_huyen", "Tên huyện", "tên huyện"),
    FieldDef("ten_xa", "Tên xã, phường, không có chữ «xã», «phường» đứng trước", "tên xã"),
    FieldDef("ten_xa_day_du", "Tên xã, phường có chữ «xã», «phường» đứng trước", "tên xã"),
    FieldDef("ten_tinh", "Tên tỉnh", "tên tỉnh"),
    FieldDef("ten_tinh_day_du", "Tên tỉnh có chữ «tỉnh», «thành phố» đứng trước", "tên tỉnh"),
    FieldDef("ngay_so_lieu", "Ngày lấy số liệu (dạng 19/4/2024)", "ngày lấy số liệu"),
    FieldDef("dia_chi_huyen", "Địa chỉ Bộ phận Một cửa huyện", "địa chỉ trụ sở"),
    FieldDef("dien_tich_huyen", "Diện tích trụ sở Bộ phận Một cửa huyện (dạng 225,78 m²)", "diện tích trụ sở"),
    FieldDef("quy_che_huyen", "Quyết định ban hành quy chế của Bộ phận Một cửa huyện", "quy chế"),
    FieldDef("quyet_dinh_kien_toan_huyen", "Quyết định kiện toàn Bộ phận Một cửa huyện", "quyết định kiện toàn"),
    FieldDef("quyet_dinh_thanh_lap_huyen", "Quyết định (kế hoạch) thành lập Bộ phận Một cửa huyện",
             "quyết định thành lập"),
    FieldDef("dia_chi_trung_tam", "Địa chỉ Trung tâm Phục vụ hành chính công", "địa chỉ trụ sở"),
    FieldDef("dien_tich_trung_tam", "Diện tích trụ sở Trung tâm", "diện tích trụ sở"),
    FieldDef("quy_che_trung_tam", "Quyết định ban hành quy chế của Trung tâm", "quy chế"),
    FieldDef("quyet_dinh_kien_toan_trung_tam", "Quyết định kiện toàn Trung tâm", "quyết định kiện toàn"),
    FieldDef("quyet_dinh_thanh_lap_trung_tam", "Quyết định thành lập Trung tâm", "quyết định thành lập"),
    FieldDef("so_xa_co_bpmc", "Số xã có Bộ phận Một cửa đang có người làm việc / tổng số (dạng 20/20)",
             "số xã có Bộ phận Một cửa"),
    FieldDef("so_xa_co_trung_tam", "Số xã có Trung tâm đang có người làm việc / tổng số", "số xã có Trung tâm"),
    FieldDef("so_xa_co_quyet_dinh", "Số xã đã ghi quyết định kiện toàn (hoặc thành lập) / tổng số",
             "số xã đã có quyết định kiện toàn"),
    FieldDef("so_xa_da_gui", "Số xã, phường, đặc khu đã gửi gói số liệu / tổng số (sổ của tỉnh)", "số xã đã gửi số liệu"),
    FieldDef("xa_chua_gui", "Các xã, phường, đặc khu chưa gửi gói số liệu (sổ của tỉnh)", "các xã chưa gửi số liệu"),
    FieldDef("so_diem_tiep_nhan", "Số điểm tiếp nhận, chi nhánh", "số điểm tiếp nhận"),
    FieldDef("so_don_vi", "Tổng số đơn vị (Bộ phận Một cửa, Trung tâm)", "số đơn vị"),
    FieldDef("tong_can_bo", "Tổng số cán bộ, công chức, viên chức các cấp", "tổng số cán bộ"),
    FieldDef("tong_bien_che", "Tổng số thuộc biên chế (hoặc biệt phái)", "số biên chế"),
    FieldDef("tong_cu_den", "Tổng số do các cơ quan cử đến", "số người được cử đến"),
    FieldDef("tong_ho_tro", "Tổng số nhân viên hỗ trợ", "số nhân viên hỗ trợ"),
    FieldDef("can_bo_huyen_tong", "Số người làm việc tại Bộ phận Một cửa huyện", "số người ở cấp huyện"),
    FieldDef("can_bo_huyen_bien_che", "Số người thuộc biên chế (hoặc biệt phái) ở cấp huyện",
             "số biên chế ở cấp huyện"),
    FieldDef("can_bo_huyen_cu_den", "Số người được cử đến Bộ phận Một cửa huyện", "số người được cử đến"),
    FieldDef("so_co_quan_cu_den_huyen", "Số cơ quan cử người đến Bộ phận Một cửa huyện", "số cơ quan cử đến"),
    FieldDef("co_quan_cu_den_huyen", "Tên các cơ quan cử người đến Bộ phận Một cửa huyện", "cơ quan cử đến"),
    FieldDef("so_co_quan_cu_den", "Số cơ quan cử người đến (mọi đơn vị)", "số cơ quan cử đến"),
    FieldDef("co_quan_cu_den", "Tên các cơ quan cử người đến (mọi đơn vị)", "cơ quan cử đến"),
    FieldDef("can_bo_xa_tong", "Số người làm việc tại các đơn vị cấp xã", "số người ở cấp xã"),
    FieldDef("thiet_bi_con_thieu", "Trang thiết bị còn thiếu so với định mức", "định mức trang thiết bị"),
    FieldDef("phu_luc_can_bo", "Tên phụ lục số lượng cán bộ (Phụ lục I)", "phụ lục cán bộ"),
    FieldDef("phu_luc_thiet_bi", "Tên phụ lục trang thiết bị (Phụ lục II)", "phụ lục thiết bị"),
    FieldDef("cot_tong_so", "Cột Tổng số của phụ lục (cộng cả đơn vị)", "tổng số"),
    FieldDef("cot_bien_che_biet_phai", "Cột Thuộc biên chế (hoặc biệt phái) của phụ lục cấp huyện", "số biên chế"),
    FieldDef("cot_cu_den", "Cột cử đến của phụ lục cấp huyện", "số người được cử đến"),
    FieldDef("cot_trung_tam", "Cột Công chức, viên chức của Trung tâm", "số công chức của Trung tâm"),
    FieldDef("cot_phong_chuyen_mon", "Cột Từ các phòng chuyên môn", "số người từ phòng chuyên môn"),
    FieldDef("cot_nganh_doc", "Cột Do cơ quan ngành dọc cử đến", "số người ngành dọc cử đến"),
    FieldDef("cot_ho_tro", "Cột Nhân viên hỗ trợ", "số nhân viên hỗ trợ"),
)
FIELD_NAMES = frozenset(f.name for f in FIELDS)
_MISSING = {f.name: f.missing or f.label.lower() for f in FIELDS}


def missing_label(name: str) -> str:
    """What a field is called in the document when it has no value; an unknown name says so."""
    return _MISSING.get(name, "mục không có trong danh sách trường số liệu")


def missing_marker(name: str) -> str:
    return f"[chưa có: {missing_label(name)}]"


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


def _ratio(part: int, whole: int) -> str | None:
    return f"{part}/{whole}" if whole else None


def _reporting(data: ReportData) -> dict[str, str | None]:
    """Who of the province's communes has sent a package: ``3/65`` and the names of the others
    (their count past ten: the appendix's Ghi chú names them)."""
    communes = [r.unit for r in data.lower_rows if r.unit.official_code]
    if not communes:
        return {"so_xa_da_gui": None, "xa_chua_gui": None}
    missing = [u for u in communes if u.official_code in data.missing_offices]
    sent = len(communes) - len(missing) if data.missing_offices or data.reporting_offices else 0
    if not data.missing_offices and not data.reporting_offices:
        missing = communes
    if not missing:
        names = "không có"
    elif len(missing) > 10:
        names = f"{count_text(len(missing))} xã, phường, đặc khu (ghi \"chưa nộp\" ở phụ lục)"
    else:
        names = ", ".join(u.name.removeprefix("Trung tâm Phục vụ hành chính công ") for u in missing)
    return {"so_xa_da_gui": f"{sent}/{len(communes)}", "xa_chua_gui": names}


def field_values(data: ReportData, appendix_labels: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """The value of every field in :data:`FIELDS` for this data; None where the register has none."""
    s = data.settings
    main = data.district_unit
    mcount = data.count_of(main) if main else None
    lower = data.lower_rows
    staffed = sum(1 for r in lower if r.count.total > 0)
    decided = sum(1 for r in lower if r.unit.staffing_decision.strip() or r.unit.founding_decision.strip())
    lower_total = sum(r.count.total for r in lower)
    labels = appendix_labels or {}
    total = data.staff.total
    has_units = bool(data.staff.rows)

    def unit_text(attr: str) -> str | None:
        return (getattr(main, attr) or None) if main is not None else None

    def figure(n: int) -> str | None:
        return count_text(n) if has_units else None

    commune_full = f"xã {s.commune_name}" if s.commune_name else None
    if main is not None and main.kind in ("phuong", "dac_khu") and s.commune_name:
        commune_full = f"{'phường' if main.kind == 'phuong' else 'đặc khu'} {s.commune_name}"
    province_full = None
    if s.province_name:
        province_full = f"{'thành phố' if main is not None and main.kind == 'thanh_pho' else 'tỉnh'} {s.province_name}"
    agencies = data.district_agencies
    values: dict[str, str | None] = {
        "don_vi_ban_hanh": s.issuing_body_short or None,
        "ten_huyen": s.district_name or None,
        "ten_xa": s.commune_name or None,
        "ten_xa_day_du": commune_full,
        "ten_tinh": s.province_name or None,
        "ten_tinh_day_du": province_full,
        "ngay_so_lieu": format_short_date(data.as_of),
        "dia_chi_huyen": unit_text("address"),
        "dien_tich_huyen": area_text(main.area_m2) if main else None,
        "quy_che_huyen": unit_text("rules"),
        "quyet_dinh_kien_toan_huyen": unit_text("staffing_decision"),
        "quyet_dinh_thanh_lap_huyen": unit_text("founding_decision"),
        "so_xa_co_bpmc": _ratio(staffed, len(lower)),
        "so_xa_co_trung_tam": _ratio(staffed, len(lower)),
        "so_xa_co_quyet_dinh": _ratio(decided, len(lower)) if decided else None,
        **_reporting(data),
        "so_diem_tiep_nhan": count_text(len(data.sub_units)) if has_units else None,
        "so_don_vi": figure(len(data.staff.rows)),
        "tong_can_bo": figure(total.total),
        "tong_bien_che": figure(total.own),
        "tong_cu_den": figure(total.sent),
        "tong_ho_tro": figure(total.support),
        "can_bo_huyen_tong": count_text(mcount.total) if mcount else None,
        "can_bo_huyen_bien_che": count_text(mcount.own) if mcount else None,
        "can_bo_huyen_cu_den": count_text(mcount.sent) if mcount else None,
        "so_co_quan_cu_den_huyen": count_text(len(agencies)) if agencies else None,
        "co_quan_cu_den_huyen": ", ".join(agencies) or None,
        "so_co_quan_cu_den": count_text(len(data.agencies)) if data.agencies else None,
        "co_quan_cu_den": ", ".join(data.agencies) or ("không có" if has_units and not total.sent else None),
        "can_bo_xa_tong": count_text(lower_total) if lower else None,
        "thiet_bi_con_thieu": shortfall_text(data) if data.equipment_types and has_units else None,
        "phu_luc_can_bo": labels.get("staff"),
        "phu_luc_thiet_bi": labels.get("equipment"),
        # the sentence names the office's own unit for these; a commune's centre and its
        # điểm tiếp nhận together, a province's every unit: the appendix's Tổng cộng
        "dia_chi_trung_tam": unit_text("address"),
        "dien_tich_trung_tam": area_text(main.area_m2) if main else None,
        "quy_che_trung_tam": unit_text("rules"),
        "quyet_dinh_kien_toan_trung_tam": unit_text("staffing_decision"),
        "quyet_dinh_thanh_lap_trung_tam": unit_text("founding_decision"),
    }
    if data.template is not None:
        for column in data.template.appendix.columns:
            values[f"cot_{column.key}"] = figure(total.of(column.groups))
    return values


def fill(text: str, values: Mapping[str, str | None]) -> str:
    """Replace every ``{name}``; a name without a value becomes ``[chưa có: …]`` in words."""

    def repl(m: re.Match[str]) -> str:
        value = values.get(m.group(1))
        return value if value else missing_marker(m.group(1))

    return FIELD_PATTERN.sub(repl, text)


def missing_in(text: str, values: Mapping[str, str | None]) -> list[str]:
    """Readable names of the fields ``text`` uses that have no value, each once."""
    out: list[str] = []
    for name in FIELD_PATTERN.findall(text):
        if not values.get(name):
            label = missing_label(name)
            if label not in out:
                out.append(label)
    return out


def used_fields(text: str) -> list[str]:
    return FIELD_PATTERN.findall(text)
