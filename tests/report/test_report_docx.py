"""The Word document: same content, fonts, sizes and appendix figures; converts in LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.shared import Pt
from report_seed import SEED_ROWS, SEED_TOTALS, run_cli


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    db, out = folder / "demo.sqlite", folder / "bao-cao.docx"
    assert run_cli("init", "--db", str(db), "--demo") == 0
    assert run_cli("report", "--db", str(db), "--as-of", "2024-04-19", "--out", str(out)) == 0
    return out


def _paragraphs(doc):
    yield from doc.paragraphs
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _runs(doc):
    for p in _paragraphs(doc):
        yield from p.runs


def _effective_font(run, paragraph, doc) -> tuple[str, float]:
    """The font a run shows in: its own, else its paragraph style's chain, else Normal."""
    name, size = run.font.name, run.font.size
    style = paragraph.style
    while style is not None and (name is None or size is None):
        name, size = name or style.font.name, size or style.font.size
        style = style.base_style
    return name, size.pt


def test_every_text_run_is_times_new_roman(sample_docx):
    doc = Document(sample_docx)
    fonts = {_effective_font(r, p, doc)[0] for p in _paragraphs(doc) for r in p.runs if r.text}
    assert fonts == {"Times New Roman"}
    table_sizes = {_effective_font(r, p, doc)[1] for row in doc.tables[2].rows for c in row.cells
                   for p in c.paragraphs for r in p.runs if r.text}
    assert table_sizes == {12.0}


def test_page_a4_margins_and_times_new_roman_everywhere(sample_docx):
    doc = Document(sample_docx)
    s = doc.sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    margins = (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    assert tuple(round(m.mm, 1) for m in margins) == (20, 20, 30, 15)


def test_header_table_and_title_elements(sample_docx):
    doc = Document(sample_docx)
    header = doc.tables[0]
    left = [p for p in header.cell(0, 0).paragraphs if p.text]
    right = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in left] == ["ỦY BAN NHÂN DÂN", "HUYỆN CHI LĂNG"]
    assert all(r.bold and r.font.size == Pt(13) for p in left for r in p.runs)
    assert [p.text for p in right] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right[0].runs[0].font.size == Pt(12) and right[1].runs[0].font.size == Pt(13)
    assert header.cell(1, 0).text.startswith("Số:") and header.cell(1, 0).text.endswith("/BC-UBND")
    date_run = header.cell(1, 1).paragraphs[0].runs[0]
    assert date_run.text == "Chi Lăng, ngày 19 tháng 4 năm 2024" and date_run.italic
    texts = [p.text for p in doc.paragraphs]
    i = texts.index("BÁO CÁO")
    assert texts[i + 1] == "Tình hình tổ chức Bộ phận Một cửa cấp huyện, cấp xã trên địa bàn huyện Chi Lăng"
    assert "Kính gửi: Văn phòng UBND tỉnh Lạng Sơn." in texts
    body = next(p for p in doc.paragraphs if p.text.startswith("Thực hiện Công văn"))
    assert body.paragraph_format.first_line_indent == Pt(36) or abs(body.paragraph_format.first_line_indent.cm - 1.27) < 0.01
    assert body.paragraph_format.space_after == Pt(6)
    assert any(t.endswith("./.") for t in texts)
    assert any("diện tích 225,78 m²" in t for t in texts)


def test_closing_table_noi_nhan_and_signature(sample_docx):
    doc = Document(sample_docx)
    closing = doc.tables[1]
    left, right = closing.cell(0, 0), closing.cell(0, 1)
    label = left.paragraphs[0].runs[0]
    assert label.text == "Nơi nhận:" and label.bold and label.italic and label.font.size == Pt(12)
    items = [p for p in left.paragraphs[1:]]
    assert items[0].text == "- Như trên (BC);" and items[-1].text == "- Lưu: VT, VP (HVT)."
    assert all(p.runs[0].font.size == Pt(11) for p in items)
    assert [p.text for p in right.paragraphs if p.text] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hùng Mạnh"]


def test_appendix_table_has_the_seeds_figures_and_repeated_header(sample_docx):
    doc = Document(sample_docx)
    table = doc.tables[2]
    rows = [[c.text for c in row.cells] for row in table.rows]
    units = [r for r in rows if r[0].isdigit()]
    assert [(int(r[0]), r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0)) for r in units] == SEED_ROWS
    total = next(r for r in rows if r[1] == "Tổng cộng")
    assert tuple(int(v) for v in total[2:5]) == SEED_TOTALS
    assert rows[2][0] == "CẤP HUYỆN, CẤP XÃ" and rows[3][:2] == ["I", "Huyện Chi Lăng"]
    xml = table.rows[0]._tr.xml
    assert "w:tblHeader" in xml
    assert len(doc.sections) == 2  # the appendix is numbered on its own
    assert "w:pgNumType" in doc.sections[1]._sectPr.xml


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed here")
def test_docx_converts_in_libreoffice_with_the_appendix_and_vietnamese_text(sample_docx, tmp_path):
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(sample_docx)],
        capture_output=True, text=True, encoding="utf-8", timeout=180,
    )
    pdf = tmp_path / "bao-cao.pdf"
    assert pdf.exists(), result.stderr
    with pdfplumber.open(pdf) as doc:
        text = " ".join(" ".join(p.extract_text() for p in doc.pages).split())
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text
        assert "Chi Lăng, ngày 19 tháng 4 năm 2024" in text
        assert "Bộ phận Một cửa xã Thượng Cường" in text and "Tổng cộng 119 112 7" in text
        assert "PHỤ LỤC" in text
        assert all(p.width < p.height for p in doc.pages)
