"""The report as a Word document (python-docx) for the last edits before signing.

Same content and measures (:mod:`.layout`) as the PDF: A4, the decree's margins, Times New
Roman, the two-column header and closing, page numbers from page 2 and each appendix in its
own section.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import layout
from .content import AppendixTable, ReportContent, cell_text
from .fonts import report_fonts
from .kinds import BlockKind, RowKind

FONT = "Times New Roman"
TEXT_WIDTH_MM = layout.text_width_mm()
TEXT_WIDTH_PT = layout.mm(TEXT_WIDTH_MM)
# what paragraphs are added to: the document's body, a table cell
_Container = DocxDocument | BlockItemContainer
_CENTRE, _LEFT, _JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY


def _width_pt(text: str, style: str, size: float) -> float:
    return stringWidth(text, report_fonts().name(style), size)  # Times-metric widths


def _run(paragraph: Paragraph, text: str, size: float, *, bold: bool = False, italic: bool = False) -> Run:
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.font.bold, run.font.italic = FONT, Pt(size), bold, italic
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    return run


def _para(container: _Container, text: str = "", size: float = layout.BODY_SIZE, *,
          align: WD_PARAGRAPH_ALIGNMENT = _CENTRE, bold: bool = False, italic: bool = False,
          after: float = 0, before: float = 0) -> Paragraph:
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before, fmt.line_spacing = Pt(after), Pt(before), 1.0
    if text:
        _run(p, text, size, bold=bold, italic=italic)
    return p


def _rule(container: _Container, length_pt: float, box_pt: float) -> None:
    """A solid centred rule of ``length_pt``: an empty paragraph indented on both sides with a
    top border (Word has no other way to draw a short rule that survives LibreOffice)."""
    p = _para(container, size=2)
    side = max(0.0, (box_pt - length_pt) / 2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(side)
    pPr = p._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    border.append(top)
    pPr.append(border)
    run = p.add_run("")
    run.font.size = Pt(2)


def _no_borders(table: Table) -> None:
    tblPr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblPr.append(borders)


def _cell_margins_zero(table: Table) -> None:
    mar = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)


def _set_widths(table: Table, widths_mm: Sequence[float]) -> None:
    """Fixed layout with the grid and every cell sized: LibreOffice ignores cell widths alone."""
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for column, w in zip(table.columns, widths_mm, strict=False):
        column.width = Mm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(w)


def _page_number_header(section: Section) -> None:
    """Centred PAGE field in the header, none on the section's first page."""
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = _CENTRE
    run = _run(p, "", layout.PAGE_NUMBER_SIZE)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    section.first_page_header.is_linked_to_previous = False


def _restart_numbering(section: Section) -> None:
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:start"), "1")
    section._sectPr.append(pg)


def _page_setup(section: Section, *, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = layout.page_mm(landscape)
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(layout.MARGIN_TOP_MM), Mm(layout.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(layout.MARGIN_LEFT_MM), Mm(layout.MARGIN_RIGHT_MM)
    section.header_distance = Mm(layout.HEADER_DISTANCE_MM)


def _header(doc: DocxDocument, content: ReportContent) -> None:
    h = content.header
    left_mm, right_mm = TEXT_WIDTH_MM * layout.LEFT_COLUMN, TEXT_WIDTH_MM * (1 - layout.LEFT_COLUMN)
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    _cell_margins_zero(table)
    _set_widths(table, (left_mm, right_mm))
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
    right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
    if h.parent_body:
        _para(left, h.parent_body, layout.ISSUER_SIZE)
    for line in h.issuing_body:
        _para(left, line, layout.ISSUER_SIZE, bold=True)
    widest = max((_width_pt(x, "bold", layout.ISSUER_SIZE) for x in h.issuing_body), default=0)
    _rule(left, widest * layout.ISSUER_RULE_SHARE, layout.mm(left_mm))
    _para(right, h.quoc_hieu, layout.QUOC_HIEU_SIZE, bold=True)
    _para(right, h.tieu_ngu, layout.TIEU_NGU_SIZE, bold=True)
    _rule(right, _width_pt(h.tieu_ngu, "bold", layout.TIEU_NGU_SIZE) + 1, layout.mm(right_mm))
    number, when = table.cell(1, 0), table.cell(1, 1)
    number.paragraphs[0].alignment = when.paragraphs[0].alignment = _CENTRE
    number.paragraphs[0].paragraph_format.space_before = Pt(6)
    when.paragraphs[0].paragraph_format.space_before = Pt(6)
    _run(number.paragraphs[0], h.number_line, layout.NUMBER_SIZE)
    _run(when.paragraphs[0], h.date_line, layout.DATE_SIZE, italic=True)


def _closing(doc: DocxDocument, content: ReportContent) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _cell_margins_zero(table)
    _set_widths(table, (TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2))
    trPr = table.rows[0]._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:cantSplit"))  # the signature block is never cut by a page break
    left, right = table.cell(0, 0), table.cell(0, 1)
    first = left.paragraphs[0]
    first.alignment = _LEFT
    _run(first, content.noi_nhan_label, layout.NOI_NHAN_LABEL_SIZE, bold=True, italic=True)
    for item in content.noi_nhan:
        _para(left, item, layout.NOI_NHAN_SIZE, align=_LEFT)
    sig = content.signature
    lines = [x for x in (sig.authority, sig.title) if x]
    top = right.paragraphs[0]
    top.alignment = _CENTRE
    _run(top, lines[0] if lines else "", layout.SIGNATURE_SIZE, bold=True)
    for line in lines[1:]:
        _para(right, line, layout.SIGNATURE_SIZE, bold=True)
    _para(right, sig.name, layout.SIGNATURE_SIZE, bold=True, before=layout.SIGNATURE_ROOM)


def _repeat_header(row: _Row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def _table_style(doc: DocxDocument) -> BaseStyle:
    """Paragraph style of the appendix tables' cells: Times New Roman, table size, a little air."""
    name = "Ô bảng"
    if name in [st.name for st in doc.styles]:
        existing: BaseStyle = doc.styles[name]  # python-docx leaves the lookup's type open
        return existing
    style: ParagraphStyle = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(layout.TABLE_SIZE)
    fmt = style.paragraph_format
    fmt.space_after, fmt.space_before, fmt.line_spacing = Pt(2), Pt(2), 1.0
    fmt.alignment = _LEFT
    return style


def _appendix(doc: DocxDocument, t: AppendixTable) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(section, landscape=t.landscape)
    _restart_numbering(section)
    _page_number_header(section)
    _para(doc, t.label, layout.APPENDIX_LABEL_SIZE, bold=True)
    _para(doc, t.title, layout.APPENDIX_TITLE_SIZE, bold=True)
    _para(doc, t.attached, layout.APPENDIX_ATTACHED_SIZE, italic=True, after=layout.APPENDIX_SPACE_BEFORE_TABLE)
    width_mm = layout.text_width_mm(t.landscape)
    total = sum(t.widths)
    widths = [width_mm * w / total for w in t.widths]
    table = doc.add_table(rows=len(t.header) + len(t.rows), cols=len(t.widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_widths(table, widths)

    # rows and cells are walked once: python-docx's table.cell(r, c) rescans the whole table
    # on every call, which is quadratic at province scale (2,000 rows)
    cell_style = _table_style(doc).style_id  # by id: python-docx looks a style object up each time

    def put(cell: _Cell, text: str, *, bold: bool, align: WD_PARAGRAPH_ALIGNMENT) -> None:
        # font and size come from the paragraph style: formatting 12,000 runs one by one
        # would take seconds at province scale
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        p._p.style = cell_style
        if align is not _LEFT:
            p.alignment = align
        if text:
            p.add_run(text).bold = bold or None

    rows = list(table.rows)
    header_cells = [row.cells for row in rows[: len(t.header)]]
    for r, values in enumerate(t.header):
        _repeat_header(rows[r])
        for c, value in enumerate(values):
            put(header_cells[r][c], value, bold=True, align=_CENTRE)
    for r0, c0, r1, c1 in t.spans:
        header_cells[r0][c0].merge(header_cells[r1][c1])
    for row, data in zip(rows[len(t.header):], t.rows, strict=True):
        cells = row.cells
        bold = layout.emphasised(data.kind)
        if data.kind is RowKind.SECTION:
            merged = cells[0].merge(cells[-1])
            merged.paragraphs[0].alignment = _LEFT
            _run(merged.paragraphs[0], cell_text(data.cells[0]), layout.TABLE_SIZE, bold=True)
            continue
        for c, datum in enumerate(data.cells):
            text_col = 0 < c < t.text_columns
            put(cells[c], cell_text(datum), bold=bold, align=_LEFT if text_col else _CENTRE)
    if t.note:
        _para(doc, t.note, layout.TABLE_SIZE, italic=True, align=_LEFT, before=layout.SPACE_AFTER)


def render_docx(content: ReportContent, out: Path) -> Path:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(layout.BODY_SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    doc.core_properties.title = f"Báo cáo: {content.title}"
    doc.core_properties.author = " ".join(content.header.issuing_body)
    doc.core_properties.language = "vi-VN"
    section = doc.sections[0]
    _page_setup(section)
    _page_number_header(section)

    _header(doc, content)
    _para(doc, content.doc_type, layout.TITLE_SIZE, bold=True, before=14)
    _para(doc, content.title, layout.TITLE_SIZE, bold=True)
    title_w = min(_width_pt(content.title, "bold", layout.TITLE_SIZE), TEXT_WIDTH_PT * 0.9)
    _rule(doc, title_w * layout.TITLE_RULE_SHARE, TEXT_WIDTH_PT)
    kg = content.kinh_gui
    if kg.single:
        _para(doc, f"{kg.label} {kg.items[0]}", layout.BODY_SIZE, after=6, before=6)
    else:
        label_w = _width_pt(kg.label + " ", "regular", layout.BODY_SIZE)
        longest = max(_width_pt(i, "regular", layout.BODY_SIZE) for i in kg.items)
        indent = max(0.0, (TEXT_WIDTH_PT - label_w - longest) / 2)
        for n, item in enumerate(kg.items):
            p = _para(doc, align=_LEFT, after=6 if n == len(kg.items) - 1 else 0, before=6 if n == 0 else 0)
            p.paragraph_format.left_indent = Pt(indent + label_w)
            p.paragraph_format.first_line_indent = Pt(-label_w) if n == 0 else None
            _run(p, (kg.label + " " if n == 0 else "") + item, layout.BODY_SIZE)
    for block in content.blocks:
        p = _para(doc, block.text, layout.BODY_SIZE, align=_JUSTIFY, after=layout.SPACE_AFTER,
                  bold=block.kind in (BlockKind.SECTION, BlockKind.HEADING1))
        p.paragraph_format.first_line_indent = Mm(layout.FIRST_LINE_INDENT_MM)
        p.paragraph_format.keep_with_next = block.kind is not BlockKind.BODY or block is content.blocks[-1]
    _closing(doc, content)
    for table in content.appendices:
        _appendix(doc, table)
    out = Path(out)
    doc.save(str(out))
    return out
