"""The report as PDF (reportlab) in the layout of Nghị định 30/2020, Phụ lục I.

Only turns a :class:`~.content.ReportContent` into a file. The measures (margins, sizes,
spacing, bold rows) are :mod:`.layout`'s, shared with the Word and Excel renderers; what is
here is how reportlab draws them.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import KeepTogether

from .content import AppendixTable, Header, KinhGui, ReportContent, cell_text
from .fonts import FontFamily, report_fonts
from .kinds import BlockKind, RowKind
from .layout import (
    APPENDIX_ATTACHED_LEADING,
    APPENDIX_ATTACHED_SIZE,
    APPENDIX_HEADING_LEADING,
    APPENDIX_LABEL_SIZE,
    APPENDIX_SPACE_BEFORE_TABLE,
    APPENDIX_TITLE_SIZE,
    BODY_LEADING,
    BODY_SIZE,
    DATE_SIZE,
    FIRST_LINE_INDENT_MM,
    ISSUER_RULE_SHARE,
    ISSUER_SIZE,
    LEFT_COLUMN,
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    NOI_NHAN_LABEL_LEADING,
    NOI_NHAN_LABEL_SIZE,
    NOI_NHAN_LEADING,
    NOI_NHAN_SIZE,
    NUMBER_SIZE,
    PAGE_NUMBER_FROM_TOP_MM,
    PAGE_NUMBER_SIZE,
    QUOC_HIEU_SIZE,
    RULE_WIDTH,
    SIGNATURE_ROOM,
    SIGNATURE_SIZE,
    SPACE_AFTER,
    TABLE_LEADING,
    TABLE_SIZE,
    TIEU_NGU_SIZE,
    TITLE_RULE_SHARE,
    TITLE_SIZE,
    emphasised,
    mm,
)

# reportlab measures in points
MARGIN_TOP, MARGIN_BOTTOM = mm(MARGIN_TOP_MM), mm(MARGIN_BOTTOM_MM)
MARGIN_LEFT, MARGIN_RIGHT = mm(MARGIN_LEFT_MM), mm(MARGIN_RIGHT_MM)
PAGE_NUMBER_FROM_TOP = mm(PAGE_NUMBER_FROM_TOP_MM)
FIRST_LINE_INDENT = mm(FIRST_LINE_INDENT_MM)
# how the drawn header, title and Kính gửi are spaced (pt); Word spaces them by its own rules
HEADER_LEADING = 16  # between the lines of each header column
HEADER_TOP = 12  # from the top of the header to the first baseline
RULE_BELOW = 5  # from a baseline to the short rule under it (issuer, subject)
MOTTO_RULE_BELOW = 4  # from the motto's baseline to its rule
NUMBER_ROW_BELOW = 24  # from the lower rule to the row of "Số" and the date
TITLE_LEADING = 18
TITLE_SPACE_BEFORE = 8

# a TableStyle command: its name, the first and the last cell (column, row), then its values
_Command = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


def _text_width(page_size: tuple[float, float]) -> float:
    return page_size[0] - MARGIN_LEFT - MARGIN_RIGHT


class _Header(Flowable):
    """Issuing body, number, Quốc hiệu, Tiêu ngữ and date line as two centred columns."""

    def __init__(self, header: Header, fonts: FontFamily, width: float):
        super().__init__()
        self.h, self.f, self.width = header, fonts, width
        self.left_w = width * LEFT_COLUMN
        self.right_w = width - self.left_w
        self.left_lines = ([header.parent_body] if header.parent_body else []) + list(header.issuing_body)
        rows = max(len(self.left_lines), 2)
        self.height = 14 + (rows - 1) * HEADER_LEADING + 8 + NUMBER_ROW_BELOW + 6

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def _centred(self, text: str, cx: float, y: float, font: str, size: float) -> float:
        self.canv.setFont(font, size)
        self.canv.drawCentredString(cx, y, text)
        return stringWidth(text, font, size)

    def _rule(self, cx: float, y: float, length: float) -> None:
        self.canv.setLineWidth(RULE_WIDTH)
        self.canv.line(cx - length / 2, y, cx + length / 2, y)

    def draw(self) -> None:
        f, h = self.f, self.h
        self.canv.setFillColorRGB(0, 0, 0)
        self.canv.setStrokeColorRGB(0, 0, 0)
        top = self.height - HEADER_TOP
        cl, cr = self.left_w / 2, self.left_w + self.right_w / 2
        # left: cơ quan chủ quản (regular), cơ quan ban hành (bold) with its short rule
        y = top
        issuer_widths = []
        for i, line in enumerate(self.left_lines):
            parent = bool(h.parent_body) and i == 0
            font = f.name("regular" if parent else "bold")
            w = self._centred(line, cl, y, font, ISSUER_SIZE)
            if not parent:
                issuer_widths.append(w)
            y -= HEADER_LEADING
        left_rule_y = y + HEADER_LEADING - RULE_BELOW
        self._rule(cl, left_rule_y, max(issuer_widths or [0]) * ISSUER_RULE_SHARE)
        # right: Quốc hiệu, Tiêu ngữ with a rule exactly as long as its text
        self._centred(h.quoc_hieu, cr, top, f.name("bold"), QUOC_HIEU_SIZE)
        w = self._centred(h.tieu_ngu, cr, top - HEADER_LEADING, f.name("bold"), TIEU_NGU_SIZE)
        right_rule_y = top - HEADER_LEADING - MOTTO_RULE_BELOW
        self._rule(cr, right_rule_y, w)
        # one row: Số … on the left, the italic place and date on the right
        row_y = min(left_rule_y, right_rule_y) - NUMBER_ROW_BELOW
        self._centred(h.number_line, cl, row_y, f.name("regular"), NUMBER_SIZE)
        self._centred(h.date_line, cr, row_y, f.name("italic"), DATE_SIZE)


class _Title(Flowable):
    """BÁO CÁO, the trích yếu (wrapped, centred) and the short rule under it."""

    def __init__(self, doc_type: str, title: str, fonts: FontFamily, width: float):
        super().__init__()
        self.doc_type, self.f, self.width = doc_type, fonts, width
        self.lines = _split(title, fonts.name("bold"), TITLE_SIZE, width * 0.9)
        self.height = TITLE_SPACE_BEFORE + TITLE_LEADING * (1 + len(self.lines)) + 6

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, bold, cx = self.canv, self.f.name("bold"), self.width / 2
        y = self.height - TITLE_SPACE_BEFORE - TITLE_SIZE
        c.setFont(bold, TITLE_SIZE)
        c.drawCentredString(cx, y, self.doc_type)
        widest = 0.0
        for line in self.lines:
            y -= TITLE_LEADING
            c.drawCentredString(cx, y, line)
            widest = max(widest, stringWidth(line, bold, TITLE_SIZE))
        c.setLineWidth(RULE_WIDTH)
        length = widest * TITLE_RULE_SHARE
        c.line(cx - length / 2, y - RULE_BELOW, cx + length / 2, y - RULE_BELOW)


class _KinhGui(Flowable):
    """"Kính gửi: X." centred; several recipients one per line under the first."""

    def __init__(self, kg: KinhGui, fonts: FontFamily, width: float):
        super().__init__()
        self.kg, self.font, self.width = kg, fonts.name("regular"), width
        self.label = kg.label + " "
        label_w = stringWidth(self.label, self.font, BODY_SIZE)
        avail = width - label_w
        self.items = [ln for item in kg.items for ln in _split(item, self.font, BODY_SIZE, avail)]
        self.height = 10 + BODY_LEADING * len(self.items) + 4

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.font, BODY_SIZE)
        label_w = stringWidth(self.label, self.font, BODY_SIZE)
        block = label_w + max(stringWidth(i, self.font, BODY_SIZE) for i in self.items)
        x0 = max(0.0, (self.width - block) / 2)
        y = self.height - 10 - BODY_SIZE + 2
        c.drawString(x0, y, self.label)
        for item in self.items:
            c.drawString(x0 + label_w, y, item)
            y -= BODY_LEADING


class _SectionStart(Flowable):
    """Marks the first page of a part numbered on its own (the report, each appendix)."""

    def __init__(self, state: dict[str, int]):
        super().__init__()
        self.state = state

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.state["start"] = self.canv.getPageNumber()


def _split(text: str, font: str, size: float, width: float) -> list[str]:
    from reportlab.lib.utils import simpleSplit

    return simpleSplit(text, font, size, width) or [""]


def _styles(f: FontFamily) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=f.name("regular"), fontSize=BODY_SIZE, leading=BODY_LEADING,
        alignment=TA_JUSTIFY, firstLineIndent=FIRST_LINE_INDENT, spaceAfter=SPACE_AFTER,
    )  # fmt: skip
    bold = ParagraphStyle("heading", parent=body, fontName=f.name("bold"), keepWithNext=True)
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0)
    return {
        BlockKind.BODY: body,
        BlockKind.SECTION: bold,
        BlockKind.HEADING1: bold,
        BlockKind.HEADING2: ParagraphStyle("heading2", parent=body, keepWithNext=True),
        "noi_nhan_label": ParagraphStyle(
            "nn_label", fontName=f.name("bolditalic"), fontSize=NOI_NHAN_LABEL_SIZE,
            leading=NOI_NHAN_LABEL_LEADING, alignment=TA_LEFT,
        ),  # fmt: skip
        "noi_nhan": ParagraphStyle("nn", fontName=f.name("regular"), fontSize=NOI_NHAN_SIZE,
                                   leading=NOI_NHAN_LEADING),  # fmt: skip
        "sign": ParagraphStyle("sign", parent=centre, fontName=f.name("bold"), fontSize=SIGNATURE_SIZE,
                               leading=BODY_LEADING),  # fmt: skip
        "app_label": ParagraphStyle("app_label", parent=centre, fontName=f.name("bold"),
                                    fontSize=APPENDIX_LABEL_SIZE, leading=APPENDIX_HEADING_LEADING),
        "app_title": ParagraphStyle("app_title", parent=centre, fontName=f.name("bold"),
                                    fontSize=APPENDIX_TITLE_SIZE, leading=APPENDIX_HEADING_LEADING),
        "app_attached": ParagraphStyle("app_att", parent=centre, fontName=f.name("italic"),
                                       fontSize=APPENDIX_ATTACHED_SIZE, leading=APPENDIX_ATTACHED_LEADING),
        "cell": ParagraphStyle("cell", fontName=f.name("regular"), fontSize=TABLE_SIZE, leading=TABLE_LEADING),
        "cell_bold": ParagraphStyle("cellb", fontName=f.name("bold"), fontSize=TABLE_SIZE, leading=TABLE_LEADING),
        "head": ParagraphStyle("head", fontName=f.name("bold"), fontSize=TABLE_SIZE, leading=TABLE_LEADING,
                               alignment=TA_CENTER),  # fmt: skip
        "note": ParagraphStyle("note", fontName=f.name("italic"), fontSize=TABLE_SIZE, leading=TABLE_LEADING,
                               spaceBefore=SPACE_AFTER),  # fmt: skip
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _closing(content: ReportContent, st: dict[str, ParagraphStyle], width: float) -> Table:
    left = [_p(content.noi_nhan_label, st["noi_nhan_label"])]
    left += [_p(item, st["noi_nhan"]) for item in content.noi_nhan]
    sig = content.signature
    right: list[Flowable] = [_p(line, st["sign"]) for line in (sig.authority, sig.title) if line]
    right += [Spacer(1, SIGNATURE_ROOM), _p(sig.name, st["sign"])]
    table = Table([[left, right]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(TableStyle([
        # the cells hold paragraphs with their own fonts, but a table still sets its cells'
        # font (reportlab's default, Helvetica, unless given): one more font to embed
        ("FONT", (0, 0), (-1, -1), st["body"].fontName, BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    return table


def _appendix_table(t: AppendixTable, st: dict[str, ParagraphStyle], width: float) -> Table:
    total = sum(t.widths)
    widths = [width * w / total for w in t.widths]
    data: list[list[Paragraph | str]] = [[_p(v, st["head"]) if v else "" for v in row] for row in t.header]
    style: list[_Command] = [
        ("FONT", (0, 0), (-1, -1), st["cell"].fontName, TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]  # fmt: skip
    for r0, c0, r1, c1 in t.spans:
        style.append(("SPAN", (c0, r0), (c1, r1)))
    for c in range(1, t.text_columns):
        style.append(("ALIGN", (c, len(t.header)), (c, -1), "LEFT"))
    for row in t.rows:
        r = len(data)
        bold = emphasised(row.kind)
        cells: list[Paragraph | str] = []
        for c, value in enumerate(row.cells):
            text = cell_text(value)
            wraps = c < t.text_columns and text and not (c == 0 and row.kind is not RowKind.SECTION)
            font = st["cell_bold" if bold else "cell"].fontName
            # a Paragraph only where the text must wrap: plain cells are several times faster
            # to lay out, which counts with 2,000 units
            if wraps and (row.kind is RowKind.SECTION or stringWidth(text, font, TABLE_SIZE) > widths[c] - 7):
                cells.append(_p(text, st["cell_bold" if bold else "cell"]))
            else:
                cells.append(text)
        data.append(cells)
        if bold:
            style.append(("FONT", (0, r), (-1, r), st["cell_bold"].fontName, TABLE_SIZE))
        if row.kind is RowKind.SECTION:
            style.append(("SPAN", (0, r), (-1, r)))
    table = Table(data, colWidths=widths, repeatRows=len(t.header))
    table.setStyle(TableStyle(style))
    return table


def build_story(content: ReportContent, fonts: FontFamily, state: dict[str, int]) -> list[Flowable]:
    st = _styles(fonts)
    width = _text_width(A4)
    story: list[Flowable] = [
        _SectionStart(state),
        _Header(content.header, fonts, width),
        _Title(content.doc_type, content.title, fonts, width),
        _KinhGui(content.kinh_gui, fonts, width),
        Spacer(1, 6),
    ]
    paragraphs = [_p(block.text, st[block.kind]) for block in content.blocks]
    # the closing never stands alone on a page: it keeps the body's last paragraph with it
    story += paragraphs[:-1]
    story.append(KeepTogether([*paragraphs[-1:], Spacer(1, 4), _closing(content, st, width)]))
    for table in content.appendices:
        template = "appendix_landscape" if table.landscape else "appendix"
        t_width = _text_width(landscape(A4) if table.landscape else A4)
        story += [NextPageTemplate(template), PageBreak(), _SectionStart(state)]
        story.append(KeepTogether([
            _p(table.label, st["app_label"]),
            _p(table.title, st["app_title"]),
            _p(table.attached, st["app_attached"]),
            Spacer(1, APPENDIX_SPACE_BEFORE_TABLE),
        ]))  # fmt: skip
        story.append(_appendix_table(table, st, t_width))
        if table.note:
            story.append(_p(table.note, st["note"]))
    return story


def render_pdf(content: ReportContent, out: Path, fonts: FontFamily | None = None) -> Path:
    """Write ``content`` as an A4 PDF with the fonts embedded; returns ``out``."""
    fonts = fonts or report_fonts()
    state = {"start": 1}

    def page_number(canvas: Canvas, doc: BaseDocTemplate) -> None:
        number = canvas.getPageNumber() - state["start"] + 1
        if number > 1:  # none on the first page of the report or of an appendix
            # the page's own size (portrait or landscape) is kept only here; the stubs omit it
            w, h = canvas._pagesize  # type: ignore[attr-defined]
            canvas.setFont(fonts.name("regular"), PAGE_NUMBER_SIZE)
            canvas.setFillColorRGB(0, 0, 0)
            canvas.drawCentredString(MARGIN_LEFT + _text_width((w, h)) / 2, h - PAGE_NUMBER_FROM_TOP, str(number))

    def frame(size: tuple[float, float]) -> Frame:
        return Frame(MARGIN_LEFT, MARGIN_BOTTOM, _text_width(size), size[1] - MARGIN_TOP - MARGIN_BOTTOM,
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    out = Path(out)
    doc = BaseDocTemplate(
        str(out), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=f"Báo cáo: {content.title}",
        author=" ".join(content.header.issuing_body), subject=f"Số liệu {content.as_of_text}",
        creator="Một Cửa Desktop", lang="vi-VN",
        # the canvas's starting font: reportlab's default (Helvetica) would be declared in
        # every page's resources without being embedded
        initialFontName=fonts.name("regular"), initialFontSize=BODY_SIZE, initialLeading=BODY_LEADING,
    )  # fmt: skip
    doc.addPageTemplates([
        PageTemplate("report", frames=[frame(A4)], onPageEnd=page_number, pagesize=A4),
        PageTemplate("appendix", frames=[frame(A4)], onPageEnd=page_number, pagesize=A4),
        PageTemplate("appendix_landscape", frames=[frame(landscape(A4))], onPageEnd=page_number,
                     pagesize=landscape(A4)),
    ])  # fmt: skip
    doc.build(build_story(content, fonts, state))
    return out
