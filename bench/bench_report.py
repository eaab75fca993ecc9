"""Time of the report: sample data (goal < 0.5 s) and province scale (goal < 5 s), with a bare
reportlab build of the same content as the floor. Numbers, not a test (the machine may be busy).

    .venv/bin/python bench/bench_report.py [--province-db FILE]

Province scale: bench/province_data.py's workbook (2,000 units, 20,000 people, 30,000
assignments, 50,000 equipment rows) imported into a temporary register, or --province-db.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MOTCUA_DATA_DIR", tempfile.mkdtemp(prefix="motcua-bench-"))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table  # noqa: E402

from motcua_desktop.report.content import ReportContent, cell_text  # noqa: E402
from motcua_desktop.report.fonts import report_fonts  # noqa: E402
from motcua_desktop.report.render import render  # noqa: E402
from motcua_desktop.report.service import choose_report, content_for  # noqa: E402
from motcua_desktop.store import Registry  # noqa: E402


def bare_reportlab(content: ReportContent, out: Path) -> None:
    """The same text and table cells with nothing of the decree's layout: the floor."""
    fonts = report_fonts()
    style = ParagraphStyle("p", fontName=fonts.name(), fontSize=14, leading=17)
    story: list = [Paragraph(b.text, style) for b in content.blocks]
    for t in content.appendices:
        story.append(PageBreak())
        rows = [list(r) for r in t.header] + [[cell_text(c) for c in r.cells] for r in t.rows]
        story.append(Table(rows, repeatRows=len(t.header), style=[("FONT", (0, 0), (-1, -1), fonts.name(), 12)]))
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def best_of(n: int, fn) -> tuple[float, float]:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def run(label: str, registry: Registry, folder: Path, repeat: int) -> None:
    report = choose_report(registry)
    print(f"\n{label}")
    content = content_for(registry, report)
    rows = sum(len(t.rows) for t in content.appendices)
    print(f"  ({len(content.blocks)} paragraphs, {rows} appendix rows)")
    lines = {
        "figures + content (store → ReportContent)": lambda: content_for(registry, report),
        "PDF, whole (content + reportlab)": lambda: render(content_for(registry, report), folder / "r.pdf", "pdf"),
        "PDF renderer only": lambda: render(content, folder / "r.pdf", "pdf"),
        "bare reportlab, same content (floor)": lambda: bare_reportlab(content, folder / "bare.pdf"),
        "DOCX, whole": lambda: render(content_for(registry, report), folder / "r.docx", "docx"),
        "XLSX appendix, whole": lambda: render(content_for(registry, report), folder / "r.xlsx", "xlsx"),
    }
    for name, fn in lines.items():
        best, median = best_of(repeat, fn)
        print(f"  {name:<45} best {best:6.3f} s   median {median:6.3f} s")


def province_register(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    from province_data import generate

    from motcua_desktop.store.transfer import import_file

    workbook = generate(folder)
    db = folder / "province.sqlite"
    registry = Registry.open(db)
    import_file(registry, workbook)
    registry.close()
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--province-db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        from motcua_desktop.store.sample import load_sample

        sample = Registry.open(folder / "sample.sqlite")
        load_sample(sample)
        report_fonts()  # registering the TTFs is a one-off at start
        run("Sample data (21 units) — goal < 0.5 s", sample, folder, repeat=7)
        sample.close()
        db = args.province_db or province_register(folder)
        province = Registry.open(db)
        run("Province scale (2,000 units) — goal < 5 s", province, folder, repeat=3)
        province.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
