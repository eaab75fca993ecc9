"""The report as content: what every element says and what kind of element it is.

Built by pure functions from a saved report and :class:`~.data.ReportData`; each output
format (PDF, DOCX, XLSX) is a thin renderer of a :class:`ReportContent`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.text import format_long_date, format_number
from ..store.reports import APPENDIX_EQUIPMENT, APPENDIX_STAFF, SavedReport
from .data import ReportData
from .fields import field_values, fill

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
DOC_TYPE = "BÁO CÁO"
NUMBER_BLANK = "     "  # the number is written in by hand after signing
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")

Cell = str | int | None


@dataclass(frozen=True)
class Header:
    parent_body: str  # cơ quan chủ quản, may be empty
    issuing_body: tuple[str, ...]
    number_line: str  # "Số:      /BC-UBND"
    quoc_hieu: str
    tieu_ngu: str
    date_line: str  # "Chi Lăng, ngày 19 tháng 4 năm 2024"


@dataclass(frozen=True)
class Block:
    """A paragraph of the body; ``kind`` is body, section (I.), heading1 (1.) or heading2 (a))."""

    text: str
    kind: str = "body"


@dataclass(frozen=True)
class KinhGui:
    label: str
    items: tuple[str, ...]  # one: "X."; several: "- X;" … "- Y."

    @property
    def single(self) -> bool:
        return len(self.items) == 1


@dataclass(frozen=True)
class Signature:
    authority: str  # KT. CHỦ TỊCH
    title: str  # PHÓ CHỦ TỊCH
    name: str


@dataclass(frozen=True)
class TableRow:
    cells: tuple[Cell, ...]
    kind: str = "unit"  # section (spans all columns), group, unit, total


@dataclass(frozen=True)
class AppendixTable:
    key: str
    label: str  # "PHỤ LỤC" or "Phụ lục I"
    title: str
    attached: str  # "(Kèm theo Báo cáo số …)"
    header: tuple[tuple[str, ...], ...]
    spans: tuple[tuple[int, int, int, int], ...]  # (first row, first col, last row, last col)
    widths: tuple[float, ...]  # relative column widths
    rows: tuple[TableRow, ...]
    text_columns: int = 2  # columns before this are text; the rest are figures
    landscape: bool = False
    note: str = ""


@dataclass(frozen=True)
class ReportContent:
    header: Header
    doc_type: str
    title: str
    kinh_gui: KinhGui
    blocks: tuple[Block, ...]
    signature: Signature
    noi_nhan_label: str
    noi_nhan: tuple[str, ...]
    appendices: tuple[AppendixTable, ...]
    as_of_text: str  # for the metadata and the preview's caption

    def all_text(self) -> str:
        """Every visible string, for searching and tests."""
        parts = [self.header.parent_body, *self.header.issuing_body, self.header.number_line,
                 self.header.quoc_hieu, self.header.tieu_ngu, self.header.date_line,
                 self.doc_type, self.title, self.kinh_gui.label, *self.kinh_gui.items,
                 *(b.text for b in self.blocks), self.signature.authority, self.signature.title,
                 self.signature.name, self.noi_nhan_label, *self.noi_nhan]
        return "\n".join(p for p in parts if p)


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return format_number(value)
    return value


_SECTION = re.compile(r"^[IVXLC]+\.\s")
_KHOAN = re.compile(r"^\d+(\.\d+)*\.\s")
_DIEM = re.compile(r"^[a-zđ][),]\s")


def classify(paragraph: str) -> str:
    """Headings are recognised by their numbering (``I.``, ``1.``, ``a)``), as the user types
    them in Word; a long line or one ending like a sentence stays body text."""
    if "\n" in paragraph or len(paragraph) > 200 or paragraph.rstrip()[-1:] in ".;:":
        return "body"
    if _SECTION.match(paragraph):
        return "section"
    if _KHOAN.match(paragraph):
        return "heading1"
    if _DIEM.match(paragraph):
        return "heading2"
    return "body"


def split_blocks(text: str) -> list[Block]:
    """Paragraphs are separated by blank lines; a single line break inside one is a space."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        para = " ".join(line.strip() for line in chunk.splitlines() if line.strip())
        if para:
            blocks.append(Block(para, classify(para)))
    return blocks


def _end_with_closing_mark(blocks: list[Block]) -> list[Block]:
    """The body ends with ``./.`` (Nghị định 30)."""
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].kind == "body":
            text = blocks[i].text.rstrip()
            if not text.endswith("./."):
                text = text.rstrip(".") + "./."
            blocks[i] = Block(text, "body")
            break
    return blocks


def number_text(number: str) -> str:
    """``5`` → ``05`` (numbers below 10 take a leading zero); blank → room to write it in."""
    number = number.strip()
    if not number:
        return NUMBER_BLANK
    return f"{int(number):02d}" if number.isdigit() else number


def _listed(items: tuple[str, ...], *, dash: bool) -> tuple[str, ...]:
    clean = [i.strip().rstrip(";.").strip() for i in items if i.strip()]
    out = []
    for n, item in enumerate(clean):
        mark = "." if n == len(clean) - 1 else ";"
        out.append(f"{'- ' if dash else ''}{item}{mark}")
    return tuple(out)


def appendix_labels(report: SavedReport) -> dict[str, str]:
    """"PHỤ LỤC" for a single appendix; "Phụ lục I", "Phụ lục II" … when there are several."""
    keys = [k for k in (APPENDIX_STAFF, APPENDIX_EQUIPMENT) if k in report.appendices]
    if len(keys) == 1:
        return {keys[0]: "Phụ lục"}
    return {k: f"Phụ lục {ROMAN[i]}" for i, k in enumerate(keys)}


def _label_for_heading(label: str) -> str:
    return "PHỤ LỤC" if label == "Phụ lục" else label


def staff_appendix(data: ReportData, label: str, attached: str) -> AppendixTable:
    levels = ", ".join(f"CẤP {c.label.upper()}" for c in data.levels)
    rows: list[TableRow] = [TableRow((levels,) + ("",) * 5, "section")]
    total = data.staff.total
    group_name = f"Huyện {data.settings.district_name}"
    rows.append(TableRow(("I", group_name, total.total, total.own, total.sent, ""), "group"))
    for n, r in enumerate(data.staff.rows, start=1):
        c = r.count
        rows.append(TableRow((n, r.unit.name, c.total, c.own or None, c.sent or None, ""), "unit"))
    rows.append(TableRow(("", "Tổng cộng", total.total, total.own, total.sent, ""), "total"))
    return AppendixTable(
        key=APPENDIX_STAFF,
        label=_label_for_heading(label),
        title="Tổng số cán bộ, công chức, viên chức làm việc tại Bộ phận Một cửa các cấp",
        attached=attached,
        header=(
            ("STT", "Bộ phận Một cửa", "Số lượng công chức, viên chức làm việc tại BPMC", "", "", "Ghi chú"),
            ("", "", "Tổng số", "Thuộc biên chế (hoặc biệt phái) của Bộ phận Một cửa",
             "Công chức, viên chức do các cơ quan chuyên môn được cử đến", ""),
        ),
        spans=((0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 4), (0, 5, 1, 5)),
        widths=(12, 72, 14, 26, 28, 13),
        rows=tuple(rows),
    )


def equipment_appendix(data: ReportData, label: str, attached: str) -> AppendixTable:
    types = list(data.equipment_types)
    by_unit: dict[int, dict[int, tuple[int, int]]] = {}
    for s in data.shortfalls:
        by_unit.setdefault(s.unit_id, {})[s.type_id] = (s.have, s.norm)
    rows: list[TableRow] = []
    sum_have = {t.id: 0 for t in types}
    sum_norm = {t.id: 0 for t in types}
    sum_missing = {t.id: 0 for t in types}
    for n, r in enumerate(data.staff.rows, start=1):
        cells: list[Cell] = [n, r.unit.name]
        missing = 0
        for t in types:
            have, norm = by_unit.get(r.unit.id or -1, {}).get(t.id or -1, (0, 0))
            sum_have[t.id] += have
            sum_norm[t.id] += norm
            sum_missing[t.id] += max(0, norm - have)
            missing += max(0, norm - have)
            cells.append(f"{have}/{norm}" if norm or have else "")
        cells.append(missing or None)
        rows.append(TableRow(tuple(cells), "unit"))
    grand = sum(sum_missing.values())
    rows.append(TableRow(("", "Tổng cộng", *(f"{sum_have[t.id]}/{sum_norm[t.id]}" for t in types), grand), "total"))
    rows.append(TableRow(("", "Còn thiếu", *(sum_missing[t.id] for t in types), grand), "total"))
    return AppendixTable(
        key=APPENDIX_EQUIPMENT,
        label=_label_for_heading(label),
        title="Trang thiết bị của Bộ phận Một cửa các cấp so với định mức",
        attached=attached,
        header=(("STT", "Bộ phận Một cửa", *(t.name for t in types), "Còn thiếu"),),
        spans=(),
        widths=(10, 52, *([20] * len(types)), 18),
        rows=tuple(rows),
        landscape=True,
        note="Mỗi ô ghi: số thiết bị đang dùng tốt / định mức. Thiết bị hỏng, chờ thanh lý không tính.",
    )


def build_content(report: SavedReport, data: ReportData) -> ReportContent:
    """The whole document for ``report`` with the figures of ``data``."""
    s = data.settings
    abbreviation = s.doc_abbreviation
    number = number_text(report.number)
    long_date = format_long_date(report.report_date)
    labels = appendix_labels(report)
    values = field_values(data, labels)
    blocks = _end_with_closing_mark(split_blocks(fill(report.body, values)))
    recipients = report.recipients or s.recipients
    kinh_gui = KinhGui("Kính gửi:", _listed(tuple(recipients), dash=len(recipients) > 1))
    attached = f"(Kèm theo Báo cáo số {number}/{abbreviation} {long_date} của {s.issuing_body_short})"
    appendices: list[AppendixTable] = []
    if APPENDIX_STAFF in labels:
        appendices.append(staff_appendix(data, labels[APPENDIX_STAFF], attached))
    if APPENDIX_EQUIPMENT in labels:
        appendices.append(equipment_appendix(data, labels[APPENDIX_EQUIPMENT], attached))
    return ReportContent(
        header=Header(
            parent_body=s.parent_body.upper(),
            issuing_body=tuple(line.upper() for line in s.issuing_body),
            number_line=f"Số: {number}/{abbreviation}",
            quoc_hieu=QUOC_HIEU,
            tieu_ngu=TIEU_NGU,
            date_line=f"{report.place or s.place_name}, {long_date}",
        ),
        doc_type=DOC_TYPE,
        title=report.title,
        kinh_gui=kinh_gui,
        blocks=tuple(blocks),
        signature=Signature(report.signer_authority, report.signer_title, report.signer_name),
        noi_nhan_label="Nơi nhận:",
        noi_nhan=_listed(report.noi_nhan, dash=True),
        appendices=tuple(appendices),
        as_of_text=format_long_date(data.as_of),
    )
