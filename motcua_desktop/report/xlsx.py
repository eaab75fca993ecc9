"""The appendices as an Excel workbook an officer can send on: one sheet per appendix."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ..store.xlsx_cells import keep_as_text
from . import layout
from .content import AppendixTable, ReportContent
from .kinds import RowKind

FONT = "Times New Roman"
_THIN = Side(style="thin", color="000000")
_GRID = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
WIDTH_SCALE = 0.62  # relative width units → Excel character widths (a 160 mm text width)
FIRST_TABLE_ROW = 5


def _write_title(ws: Worksheet, row: int, text: str, columns: int, font: Font) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    cell = keep_as_text(ws.cell(row=row, column=1, value=text))
    cell.font = font
    cell.alignment = _CENTRE


def write_table(ws: Worksheet, table: AppendixTable) -> None:
    columns = len(table.widths)
    _write_title(ws, 1, table.label, columns, Font(name=FONT, size=layout.APPENDIX_LABEL_SIZE, bold=True))
    _write_title(ws, 2, table.title, columns, Font(name=FONT, size=layout.APPENDIX_TITLE_SIZE, bold=True))
    _write_title(ws, 3, table.attached, columns, Font(name=FONT, size=layout.APPENDIX_ATTACHED_SIZE, italic=True))
    ws.row_dimensions[2].height = 36
    for i, width in enumerate(table.widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(6.0, width * WIDTH_SCALE)

    top = FIRST_TABLE_ROW
    header_font = Font(name=FONT, size=layout.TABLE_SIZE, bold=True)
    for r, values in enumerate(table.header):
        for c, value in enumerate(values):
            cell = keep_as_text(ws.cell(row=top + r, column=c + 1, value=value or None))
            cell.font, cell.alignment, cell.border = header_font, _CENTRE, _GRID
        ws.row_dimensions[top + r].height = 66 if r else 33
    for r0, c0, r1, c1 in table.spans:
        ws.merge_cells(start_row=top + r0, start_column=c0 + 1, end_row=top + r1, end_column=c1 + 1)

    row_no = top + len(table.header)
    for row in table.rows:
        bold = layout.emphasised(row.kind)
        for c, datum in enumerate(row.cells):
            cell = keep_as_text(ws.cell(row=row_no, column=c + 1, value=datum if datum != "" else None))
            cell.font = Font(name=FONT, size=layout.TABLE_SIZE, bold=bold)
            cell.border = _GRID
            text_cell = c == 1 or (row.kind is RowKind.SECTION and c == 0)
            cell.alignment = _LEFT if text_cell else _CENTRE
        if row.kind is RowKind.SECTION:
            ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=columns)
        row_no += 1
    if table.note:
        keep_as_text(ws.cell(row=row_no + 1, column=1, value=table.note)).font = Font(
            name=FONT, size=layout.TABLE_SIZE, italic=True
        )

    ws.print_title_rows = f"{top}:{top + len(table.header) - 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if table.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    props = ws.sheet_properties
    if props.pageSetUpPr is None:  # openpyxl makes one with every sheet; the stubs allow None
        props.pageSetUpPr = PageSetupProperties()
    props.pageSetUpPr.fitToPage = True
    ws.freeze_panes = ws.cell(row=top + len(table.header), column=1).coordinate


def render_xlsx(content: ReportContent, out: Path) -> Path:
    """Write every appendix of ``content`` to ``out`` (one sheet each)."""
    wb = Workbook()
    if wb.active is not None:  # the new workbook's empty first sheet
        wb.remove(wb.active)
    for table in content.appendices:
        name = table.label if table.label != "PHỤ LỤC" else "Phụ lục"
        write_table(wb.create_sheet(name[:31]), table)
    if not content.appendices:
        ws = wb.create_sheet("Báo cáo")
        ws["A1"] = "Báo cáo này không kèm phụ lục số liệu."
    wb.properties.title = content.title
    wb.properties.creator = "Một Cửa Desktop"
    out = Path(out)
    wb.save(out)
    return out
