"""The report as content: what every element says and what kind of element it is.

Built by pure functions from a saved report and :class:`~.data.ReportData`; each output
format (PDF, DOCX, XLSX) is a thin renderer of a :class:`ReportContent`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.grouping import roman
from ..domain.text import format_long_date, format_number
from ..store.reports import APPENDIX_EQUIPMENT, APPENDIX_STAFF, SavedReport
from .appendix import AppendixTable, Cell, TableRow, equipment_appendix, staff_appendix
from .data import ReportData
from .fields import field_values, fill, missing_in
from .kinds import BlockKind, require

__all__ = ["AppendixTable", "Cell", "TableRow", "ReportContent", "build_content", "cell_text"]

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
DOC_TYPE = "BÁO CÁO"
NUMBER_BLANK = "     "  # the number is written in by hand after signing


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
    """A paragraph of the body and its kind: body, section (I.), heading1 (1.), heading2 (a))."""

    text: str
    kind: BlockKind = BlockKind.BODY

    def __post_init__(self) -> None:
        require(self.kind, BlockKind)


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
    missing: tuple[str, ...] = ()  # what the register lacks, in words (asked before printing)

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


def classify(paragraph: str) -> BlockKind:
    """Headings are recognised by their numbering (``I.``, ``1.``, ``a)``), as the user types
    them in Word; a long line or one ending like a sentence stays body text."""
    if "\n" in paragraph or len(paragraph) > 200 or paragraph.rstrip()[-1:] in ".;:":
        return BlockKind.BODY
    if _SECTION.match(paragraph):
        return BlockKind.SECTION
    if _KHOAN.match(paragraph):
        return BlockKind.HEADING1
    if _DIEM.match(paragraph):
        return BlockKind.HEADING2
    return BlockKind.BODY


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
        if blocks[i].kind is BlockKind.BODY:
            text = blocks[i].text.rstrip()
            if not text.endswith("./."):
                text = text.rstrip(".") + "./."
            blocks[i] = Block(text, BlockKind.BODY)
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
    return {k: f"Phụ lục {roman(i + 1)}" for i, k in enumerate(keys)}


def _label_for_heading(label: str) -> str:
    return "PHỤ LỤC" if label == "Phụ lục" else label


def marker(what: str) -> str:
    return f"[chưa có: {what}]"


def build_content(report: SavedReport, data: ReportData) -> ReportContent:
    """The whole document for ``report`` with the figures of ``data``.

    What the report leaves blank (place, recipients, signer, Nơi nhận) follows the
    organisation's settings, so a draft opened before the office was set up takes its identity
    once it is; whatever is still missing shows as ``[chưa có: …]`` and is listed in
    ``missing``.
    """
    s = data.settings
    missing: list[str] = []

    def need(value: str, what: str) -> str:
        if value.strip():
            return value
        if what not in missing:
            missing.append(what)
        return marker(what)

    abbreviation = s.doc_abbreviation or "BC"
    number = number_text(report.number)
    long_date = format_long_date(report.report_date)
    labels = appendix_labels(report)
    values = field_values(data, labels)
    for what in missing_in(report.title + "\n" + report.body, values):
        if what not in missing:
            missing.append(what)
    blocks = _end_with_closing_mark(split_blocks(fill(report.body, values)))
    if data.package_code:  # the signed report vouches for the data package sent with it
        blocks.append(Block(f"(Số liệu kèm theo đã gửi bằng gói số liệu ngày {data.as_of:%d/%m/%Y}, "
                            f"Mã kiểm tra: {data.package_code}.)"))
    recipients = report.recipients or s.recipients or (need("", "nơi nhận báo cáo (Kính gửi)"),)
    kinh_gui = KinhGui("Kính gửi:", _listed(tuple(recipients), dash=len(recipients) > 1))
    issuer_short = need(s.issuing_body_short, "tên cơ quan ban hành")
    attached = f"(Kèm theo Báo cáo số {number}/{abbreviation} {long_date} của {issuer_short})"
    appendices: list[AppendixTable] = []
    if APPENDIX_STAFF in labels and data.template is not None:
        label = _label_for_heading(labels[APPENDIX_STAFF])
        appendices.append(staff_appendix(data, data.template.appendix, label, attached))
    if APPENDIX_EQUIPMENT in labels:
        appendices.append(equipment_appendix(data, _label_for_heading(labels[APPENDIX_EQUIPMENT]), attached))
    issuing = tuple(line.upper() for line in s.issuing_body) or (need("", "cơ quan ban hành"),)
    noi_nhan = report.noi_nhan or s.noi_nhan
    signer_title = report.signer_title or s.signer_title
    signer_name = report.signer_name or s.signer_name
    return ReportContent(
        header=Header(
            parent_body=s.parent_body.upper(),
            issuing_body=issuing,
            number_line=f"Số: {number}/{abbreviation}",
            quoc_hieu=QUOC_HIEU,
            tieu_ngu=TIEU_NGU,
            date_line=f"{need(report.place or s.place_name, 'địa danh')}, {long_date}",
        ),
        doc_type=DOC_TYPE,
        title=fill(report.title, values),
        kinh_gui=kinh_gui,
        blocks=tuple(blocks),
        signature=Signature(
            report.signer_authority or s.signer_authority,
            need(signer_title, "chức vụ người ký"),
            need(signer_name, "người ký"),
        ),
        noi_nhan_label="Nơi nhận:",
        noi_nhan=_listed(tuple(noi_nhan), dash=True),
        appendices=tuple(appendices),
        as_of_text=format_long_date(data.as_of),
        missing=tuple(missing),
    )
