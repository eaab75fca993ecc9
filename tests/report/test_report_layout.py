"""One layout for the three formats: the appendix heading has the same sizes and the same rows
are bold in the PDF, the Word document and the Excel workbook, all read from report/layout.py;
no renderer takes its measures from another."""

from __future__ import annotations

import ast
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from openpyxl import load_workbook

from motcua_desktop.report import layout
from motcua_desktop.report.kinds import RowKind
from motcua_desktop.report.render import render
from motcua_desktop.report.service import choose_report, content_for

REPORT = Path(__file__).resolve().parents[2] / "motcua_desktop" / "report"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, _sample_template):
    from motcua_desktop.store import Registry

    folder = tmp_path_factory.mktemp("layout")
    registry = Registry.open(_sample_template, read_only=True)
    try:
        content = content_for(registry, choose_report(registry))
    finally:
        registry.close()
    return content, {fmt: render(content, folder / f"bao-cao.{fmt}", fmt) for fmt in ("pdf", "docx", "xlsx")}


def _pdf_size(pdf: Path, text: str) -> float:
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            hits = page.search(text[:20], regex=False, return_chars=True)
            if hits:
                return round(hits[0]["chars"][0]["size"], 1)
    raise AssertionError(f"{text!r} not in the PDF")


def _docx_size(path: Path, text: str) -> float:
    paragraph = next(p for p in Document(path).paragraphs if p.text == text)
    return paragraph.runs[0].font.size.pt


def test_the_appendix_heading_has_the_same_sizes_in_every_format(rendered):
    content, files = rendered
    table = content.appendices[0]
    sheet = load_workbook(files["xlsx"]).worksheets[0]
    for row, text, size in ((1, table.label, layout.APPENDIX_LABEL_SIZE),
                            (2, table.title, layout.APPENDIX_TITLE_SIZE),
                            (3, table.attached, layout.APPENDIX_ATTACHED_SIZE)):  # fmt: skip
        assert sheet.cell(row=row, column=1).value == text
        got = {"pdf": _pdf_size(files["pdf"], text), "docx": _docx_size(files["docx"], text),
               "xlsx": sheet.cell(row=row, column=1).font.size}  # fmt: skip
        assert got == {"pdf": size, "docx": size, "xlsx": size}, text


def test_the_same_rows_are_bold_in_word_and_excel(rendered):
    content, files = rendered
    table = content.appendices[0]
    names = [(row.cells[1], layout.emphasised(row.kind)) for row in table.rows if row.kind is not RowKind.SECTION]
    assert {bold for _, bold in names} == {True, False}  # units plain, the group and the total bold
    sheet = load_workbook(files["xlsx"]).worksheets[0]
    in_excel = {sheet.cell(row=r, column=2).value: bool(sheet.cell(row=r, column=2).font.bold)
                for r in range(1, sheet.max_row + 1)}  # fmt: skip
    word = Document(files["docx"]).tables[-1]
    in_word = {row.cells[1].text: any(r.bold for p in row.cells[1].paragraphs for r in p.runs) for row in word.rows}
    for name, bold in names:
        assert in_excel[name] == bold and in_word[name] == bold, name


@pytest.mark.parametrize("renderer", ["pdf.py", "docx.py", "xlsx.py"])
def test_no_renderer_takes_its_measures_from_another(renderer):
    tree = ast.parse((REPORT / renderer).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level
                for alias in node.names} | {node.module for node in ast.walk(tree)
                                            if isinstance(node, ast.ImportFrom) and node.level and node.module}  # fmt: skip
    assert imported.isdisjoint({"pdf", "docx", "xlsx"}), imported
    assert "layout" in imported
    assert "72 / 25.4" not in (REPORT / renderer).read_text(encoding="utf-8")
