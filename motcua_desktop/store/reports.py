"""Saved reports (BÁO CÁO): what the user writes; the figures are computed when it is printed.

The default narrative lives here (not in ``report/``) because the sample data must be able to
store the seed's report without the store importing the layer above it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..domain.model import OrgSettings
from ..domain.text import clean_line, nfc
from ..domain.validation import FieldError, ValidationError
from .connection import Database
from .database import transaction
from .errors import NotFoundError
from .rows import from_iso, iso

APPENDIX_STAFF = "staff"
APPENDIX_EQUIPMENT = "equipment"
APPENDIX_KINDS = (APPENDIX_STAFF, APPENDIX_EQUIPMENT)
BODY_MAX = 100_000


@dataclass
class SavedReport:
    """One BÁO CÁO as the user wrote it. ``body`` is plain text: paragraphs separated by a
    blank line, ``{field}`` names replaced by figures, headings recognised by their numbering."""

    report_date: date
    title: str
    body: str = ""
    number: str = ""  # blank until the document is signed and numbered
    place: str = ""
    recipients: tuple[str, ...] = ()
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    noi_nhan: tuple[str, ...] = ()
    appendices: tuple[str, ...] = (APPENDIX_STAFF,)
    as_of: date | None = None  # figures as of this day; None: the report's date
    id: int | None = None
    updated_at: str = field(default="", compare=False)

    @property
    def figures_date(self) -> date:
        return self.as_of or self.report_date


# The seed's structure (1; 2 a–d; 3) in our own words. "…" marks what the user must fill in
# for each period; {names} are figures from the register (see motcua_desktop.report.fields).
DEFAULT_OPENING = (
    "Thực hiện Công văn số …… ngày …… của Văn phòng UBND tỉnh {ten_tinh} về việc báo cáo tình "
    "hình tổ chức, hoạt động của Bộ phận Một cửa các cấp, {don_vi_ban_hanh} báo cáo tình hình "
    "tổ chức Bộ phận Một cửa cấp huyện, cấp xã trên địa bàn huyện như sau:"
)
SAMPLE_OPENING = (
    "Thực hiện Công văn số 1694/VP-TTPVHCC ngày 12/4/2024 của Văn phòng UBND tỉnh {ten_tinh} "
    "về việc báo cáo tình hình tổ chức, hoạt động của Bộ phận Một cửa các cấp, "
    "{don_vi_ban_hanh} báo cáo tình hình tổ chức Bộ phận Một cửa cấp huyện, cấp xã trên địa "
    "bàn huyện như sau:"
)
DEFAULT_BODY_REST = """\
1. Tình hình, kết quả tiếp nhận, giải quyết thủ tục hành chính

Theo chức năng, nhiệm vụ được giao, {don_vi_ban_hanh} đã chỉ đạo các phòng chuyên môn và UBND các xã, thị trấn quán triệt, cụ thể hóa các văn bản của Trung ương, của tỉnh về cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, trước hết là Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ, Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP và Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ; yêu cầu công chức, viên chức và người lao động thực hiện nghiêm túc, hiệu quả.

Bộ phận Một cửa cấp huyện, cấp xã tiếp nhận hồ sơ và trả kết quả bảo đảm công khai, minh bạch. Hồ sơ được luân chuyển trên hệ thống dịch vụ công trực tuyến và giao trực tiếp cho các phòng chuyên môn kèm phiếu theo dõi, sổ giao nhận. Hằng tuần, hằng tháng, Bộ phận Một cửa rà soát việc tiếp nhận, trả kết quả, tổng hợp số hồ sơ đúng hạn, quá hạn báo cáo UBND huyện; cơ quan có hồ sơ quá hạn phải giải trình nguyên nhân và có văn bản xin lỗi tổ chức, cá nhân.

2. Về tổ chức, vận hành của Bộ phận Một cửa

a) Tình hình tổ chức thực hiện

Triển khai Nghị định số 61/2018/NĐ-CP, Nghị định số 107/2021/NĐ-CP của Chính phủ và Kế hoạch số 138/KH-UBND ngày 05/10/2018 của UBND tỉnh, {don_vi_ban_hanh} đã ban hành {quyet_dinh_thanh_lap_huyen} trên địa bàn huyện. Kết quả cụ thể như sau:

- Cấp huyện: UBND huyện đã ban hành {quy_che_huyen}; {quyet_dinh_kien_toan_huyen}. Trụ sở Bộ phận Một cửa huyện đặt tại {dia_chi_huyen}, diện tích {dien_tich_huyen}. Đến ngày {ngay_so_lieu}, Bộ phận Một cửa huyện có {can_bo_huyen_tong} người làm việc, trong đó {can_bo_huyen_bien_che} người thuộc biên chế (hoặc biệt phái) và {can_bo_huyen_cu_den} công chức, viên chức do {so_co_quan_cu_den_huyen} cơ quan cử đến ({co_quan_cu_den_huyen}). Để phục vụ tổ chức, cá nhân tốt hơn, UBND huyện dự kiến sửa chữa trụ sở, bố trí quầy tiếp nhận theo từng lĩnh vực, mở rộng chỗ ngồi chờ và bổ sung trang thiết bị; theo định mức, Bộ phận Một cửa các cấp hiện {thiet_bi_con_thieu}.

- Cấp xã: Thực hiện kế hoạch và hướng dẫn của UBND huyện, {so_xa_co_bpmc} UBND xã, thị trấn đã ban hành kế hoạch thực hiện Nghị định số 61/2018/NĐ-CP, quyết định kiện toàn và quy chế tổ chức, hoạt động của Bộ phận Một cửa cấp xã. Đến ngày {ngay_so_lieu}, Bộ phận Một cửa cấp xã có {can_bo_xa_tong} cán bộ, công chức, được phân công theo lĩnh vực: Tư pháp - Hộ tịch; Địa chính - Xây dựng; Văn hóa - Xã hội; thi đua, khen thưởng; tiếp công dân, giải quyết đơn thư. Đây là những người có năng lực, nắm vững quy định của pháp luật và thực tiễn lĩnh vực được giao. Các xã, thị trấn đã bố trí kinh phí xây dựng Bộ phận Một cửa theo quy định và trang bị thiết bị phục vụ việc tiếp nhận, giải quyết, trả kết quả.

Hằng năm, UBND huyện tổ chức tập huấn sử dụng phần mềm dịch vụ công trực tuyến cho công chức, viên chức các phòng chuyên môn và UBND các xã, thị trấn; giao Văn phòng HĐND và UBND huyện thường xuyên kiểm tra, đôn đốc việc niêm yết, cập nhật thủ tục hành chính còn hiệu lực và các thủ tục mới được công bố, sửa đổi, bãi bỏ. Số điện thoại đường dây nóng được công khai tại Bộ phận Một cửa và trên Trang thông tin điện tử huyện để tiếp nhận phản ánh, kiến nghị; Bộ phận Một cửa huyện phối hợp với Bưu điện huyện trả kết quả qua dịch vụ bưu chính công ích cho tổ chức, cá nhân có nhu cầu nhận tại nhà.

(Số lượng cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa cấp huyện, cấp xã chi tiết tại {phu_luc_can_bo} kèm theo)

b) Hiệu quả tổ chức vận hành mô hình Bộ phận Một cửa

Mô hình Bộ phận Một cửa cấp huyện, cấp xã được triển khai nghiêm túc, đủ nội dung, đúng tiến độ và kế hoạch đề ra dưới sự chỉ đạo của UBND huyện.

Thủ tục hành chính được giải quyết kịp thời, thuận tiện, đúng pháp luật, công khai, minh bạch, có sự phối hợp chặt chẽ giữa các cơ quan; việc giải quyết được theo dõi, kiểm tra, đánh giá bằng nhiều hình thức trên nền tảng công nghệ thông tin, có sự giám sát của tổ chức, cá nhân và không phát sinh chi phí ngoài quy định.

Thời gian chờ đợi của người dân, doanh nghiệp được rút ngắn; cán bộ, công chức không gây phiền hà, sách nhiễu. Đó là kết quả thiết thực của cơ chế một cửa, một cửa liên thông tại địa phương.

c) Thuận lợi trong tổ chức vận hành mô hình Bộ phận Một cửa tại địa phương

Thủ tục hành chính được công khai, niêm yết đầy đủ giúp tổ chức, công dân giám sát việc giải quyết, đồng thời giúp phát hiện những thủ tục không cần thiết để kiến nghị cấp trên sửa đổi, bổ sung.

Cơ chế một cửa, một cửa liên thông cùng với việc ứng dụng công nghệ thông tin giúp việc tiếp nhận, giải quyết thủ tục hành chính qua Bộ phận Một cửa thuận lợi hơn.

Việc tiếp nhận, giải quyết và trả kết quả trên Phần mềm một cửa điện tử đã đi vào nền nếp, khắc phục tình trạng chồng chéo giữa các bộ phận; phí, lệ phí và thời hạn giải quyết được công khai, rõ ràng.

d) Khó khăn, bất cập trong tổ chức vận hành mô hình Bộ phận Một cửa tại địa phương

Khối lượng công việc tại các cơ quan, đơn vị lớn trong khi biên chế còn thiếu nên việc cử công chức, viên chức ra làm việc tại Bộ phận Một cửa còn khó khăn; một số người được cử đến chưa đáp ứng tốt yêu cầu về năng lực, thái độ hướng dẫn, hỗ trợ tổ chức, cá nhân, nên có lúc việc tiếp nhận, trả kết quả còn lúng túng, chậm.

Vẫn còn trường hợp hồ sơ bị quá hạn trên Phần mềm một cửa điện tử do công chức, viên chức chưa cập nhật kịp thời, nhất là hồ sơ nộp qua Cổng dịch vụ công trực tuyến ở cấp xã, dẫn đến phản ánh, kiến nghị của người dân.

Cơ sở vật chất của Bộ phận Một cửa chưa được trang bị đầy đủ: so với định mức, các đơn vị {thiet_bi_con_thieu}.

3. Kiến nghị, đề xuất

Đề nghị Văn phòng UBND tỉnh thường xuyên tổ chức tập huấn, trao đổi kinh nghiệm về mô hình Bộ phận Một cửa tinh gọn, hợp lý, phù hợp thực tiễn để các cơ quan, đơn vị tại địa phương thực hiện.

Đề nghị chỉ đạo ngành Bưu điện phối hợp chặt chẽ hơn với địa phương tuyên truyền người dân nộp hồ sơ, nhận kết quả qua dịch vụ bưu chính công ích và có giải pháp giảm chi phí dịch vụ để khuyến khích tổ chức, công dân sử dụng.

Trên đây là báo cáo tình hình tổ chức Bộ phận Một cửa cấp huyện, cấp xã trên địa bàn huyện {ten_huyen} của {don_vi_ban_hanh}./."""


def default_title(settings: OrgSettings) -> str:
    return (
        "Tình hình tổ chức Bộ phận Một cửa cấp huyện, cấp xã trên địa bàn huyện "
        f"{settings.district_name}"
    )


def default_report(settings: OrgSettings, day: date, *, opening: str = DEFAULT_OPENING) -> SavedReport:
    """A new report from the default template and the organisation's settings."""
    return SavedReport(
        report_date=day,
        title=default_title(settings),
        body=f"{opening}\n\n{DEFAULT_BODY_REST}",
        place=settings.place_name,
        recipients=tuple(settings.recipients),
        signer_authority=settings.signer_authority,
        signer_title=settings.signer_title,
        signer_name=settings.signer_name,
        noi_nhan=tuple(settings.noi_nhan),
        appendices=(APPENDIX_STAFF,),
    )


def clean_report(report: SavedReport) -> SavedReport:
    """NFC every text, trim lines, refuse what cannot be printed; messages name the field."""
    errors: list[FieldError] = []

    def line(label: str, value: str, *, required: bool = False, limit: int = 500) -> str:
        text = clean_line(value or "")
        if required and not text:
            errors.append(FieldError(label, "không được để trống"))
        elif len(text) > limit:
            errors.append(FieldError(label, f"dài quá {limit} ký tự ({len(text)} ký tự)"))
        return text

    def lines(label: str, values: Iterable[str]) -> tuple[str, ...]:
        return tuple(v for v in (line(label, x) for x in values) if v)

    body = "\n".join(ln.rstrip() for ln in nfc(report.body or "").replace("\r\n", "\n").split("\n"))
    if len(body) > BODY_MAX:
        errors.append(FieldError("Nội dung", f"dài quá {BODY_MAX} ký tự ({len(body)} ký tự)"))
    if report.report_date is None:
        errors.append(FieldError("Ngày báo cáo", "chưa chọn ngày"))
    unknown = [a for a in report.appendices if a not in APPENDIX_KINDS]
    if unknown:
        errors.append(FieldError("Phụ lục", f"không có loại phụ lục {', '.join(unknown)}"))
    out = dataclasses.replace(
        report,
        title=line("Trích yếu", report.title, required=True, limit=1000),
        number=line("Số", report.number, limit=20),
        place=line("Địa danh", report.place, limit=200),
        recipients=lines("Kính gửi", report.recipients),
        signer_authority=line("Quyền hạn ký", report.signer_authority, limit=200),
        signer_title=line("Chức vụ người ký", report.signer_title, limit=200),
        signer_name=line("Họ tên người ký", report.signer_name, limit=200),
        noi_nhan=lines("Nơi nhận", report.noi_nhan),
        appendices=tuple(a for a in APPENDIX_KINDS if a in report.appendices),
        body=body.strip("\n"),
    )
    if errors:
        raise ValidationError(errors)
    return out


_COLUMNS = (
    "id", "number", "report_date", "place", "recipients", "title", "body", "signer_authority",
    "signer_title", "signer_name", "noi_nhan", "appendices", "as_of", "updated_at",
)  # fmt: skip
_LISTS = ("recipients", "noi_nhan", "appendices")


def _from_row(row: dict[str, Any]) -> SavedReport:
    values = dict(row)
    for name in _LISTS:
        values[name] = tuple(json.loads(values[name] or "[]"))
    values["report_date"] = from_iso(values["report_date"])
    values["as_of"] = from_iso(values["as_of"])
    return SavedReport(**values)


def _to_row(report: SavedReport) -> dict[str, Any]:
    row = {k: getattr(report, k) for k in _COLUMNS if k not in ("id", "updated_at")}
    for name in _LISTS:
        row[name] = json.dumps(list(row[name]), ensure_ascii=False)
    row["report_date"] = iso(report.report_date)
    row["as_of"] = iso(report.as_of)
    return row


class ReportRepository:
    """Saved reports, newest (by date) first."""

    def __init__(self, db: Database):
        self.db = db

    def list(self) -> list[SavedReport]:
        sql = f"SELECT {', '.join(_COLUMNS)} FROM reports ORDER BY report_date DESC, id DESC"
        return [_from_row(r) for r in self.db.query(sql)]

    def get(self, report_id: int) -> SavedReport:
        rows = list(self.db.query(f"SELECT {', '.join(_COLUMNS)} FROM reports WHERE id = ?", [report_id]))
        if not rows:
            raise NotFoundError(f"Không có báo cáo đã lưu số {report_id}.")
        return _from_row(rows[0])

    def latest(self) -> SavedReport | None:
        reports = self.list()
        return reports[0] if reports else None

    def save(self, report: SavedReport) -> SavedReport:
        """Insert (no id) or update; returns the stored report with its id."""
        report = clean_report(report)
        row = _to_row(report)
        with transaction(self.db):
            if report.id is None:
                cur = self.db.conn.execute(
                    f"INSERT INTO reports ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                )
                report_id = cur.lastrowid
            else:
                self.get(report.id)
                self.db.conn.execute(
                    f"UPDATE reports SET {', '.join(f'{k} = ?' for k in row)}, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') WHERE id = ?",
                    [*row.values(), report.id],
                )
                report_id = report.id
            assert report_id is not None  # sqlite3 sets lastrowid after an INSERT
            return self.get(report_id)

    def delete(self, report_id: int) -> SavedReport:
        with transaction(self.db):
            report = self.get(report_id)
            self.db.conn.execute("DELETE FROM reports WHERE id = ?", [report_id])
        return report

    def next_draft(self, day: date) -> SavedReport | None:
        """The last report copied for a new period: dated ``day``, unnumbered, figures as of
        ``day``; None when nothing is saved yet. Not stored until :meth:`save`."""
        last = self.latest()
        if last is None:
            return None
        return dataclasses.replace(last, id=None, number="", report_date=day, as_of=None, updated_at="")
