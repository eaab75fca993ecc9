"""Every font in every PDF the app writes is embedded, as `pdffonts` (poppler-utils) reports
it: an official document must print the same on any machine, and a font merely named (such
as reportlab's default Helvetica, unused but declared) is one the reader's machine supplies."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from report_seed import run_cli

from motcua_desktop.report.render import render
from motcua_desktop.report.service import choose_report, content_for

PACKAGE = Path(__file__).resolve().parents[2] / "motcua_desktop"
pytestmark = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) is not installed")


def pdf_fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table, one dict per font, read by the columns its dashed line marks out."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True, timeout=60,
                         encoding="utf-8").stdout.splitlines()  # fmt: skip
    header, dashes, *rows = out
    spans = [m.span() for m in re.finditer(r"-+", dashes)]
    names = [header[a:b].strip() or header[a:].split()[0] for a, b in spans]
    return [{n: row[a:b].strip() for n, (a, b) in zip(names, spans, strict=True)} for row in rows]


def assert_all_embedded(pdf: Path) -> None:
    fonts = pdf_fonts(pdf)
    assert fonts, f"{pdf.name}: no font at all?"
    not_embedded = [f["name"] for f in fonts if f["emb"] != "yes"]
    assert not_embedded == [], f"{pdf.name}: fonts not embedded: {not_embedded}"


def test_the_report_from_the_command_line_embeds_every_font(tmp_path):
    db, out = tmp_path / "demo.sqlite", tmp_path / "bao-cao.pdf"
    assert run_cli("init", "--db", str(db), "--demo") == 0
    assert run_cli("report", "--db", str(db), "--out", str(out)) == 0
    assert_all_embedded(out)


@pytest.mark.parametrize("appendices", [(), ("staff",), ("staff", "equipment"), ("equipment",)])
def test_every_choice_of_appendices_embeds_every_font(sample_registry, tmp_path, appendices):
    report = dataclasses.replace(choose_report(sample_registry), appendices=appendices)
    out = render(content_for(sample_registry, report), tmp_path / "bao-cao.pdf", "pdf")
    assert_all_embedded(out)


def test_the_report_is_the_only_pdf_the_app_draws():
    """A PDF written anywhere else would need this test extended to it."""
    writers = re.compile(r"\b(BaseDocTemplate|SimpleDocTemplate|Canvas|QPdfWriter)\(")
    found = sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if writers.search(path.read_text(encoding="utf-8"))
    )
    assert found == ["report/pdf.py"]
