"""Province-scale timings of the foundation: import, as-of counts, the xlsx appendix.

    .venv/bin/python bench/bench_foundation.py [FOLDER]

Generates the province workbook (bench/province_data.py) into FOLDER (default: a temporary
folder), then prints wall-clock and CPU seconds of:

1. importing it into an empty register (2,000 units, 20,000 people, 30,000 assignments,
   50,000 equipment rows), and of a second workbook holding only the first 20,000 staff rows;
2. the appendix counts ``registry.staff_table(day)`` for the 2,000 units, for a few dates;
3. exporting the register back to a workbook;
4. the staff appendix as .xlsx through motcua_desktop.report, as ``motcua report`` writes it.

Goals: 20,000 staff rows imported under 10 s; as-of counts under 0.5 s.
Numbers, not a pass/fail test: the machine may be busy.
"""

from __future__ import annotations

import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from openpyxl import Workbook  # noqa: E402
from province_data import generate  # noqa: E402

from motcua_desktop.store import Registry  # noqa: E402
from motcua_desktop.store.sheets import read_book  # noqa: E402
from motcua_desktop.store.transfer import export_workbook, import_file  # noqa: E402


@contextmanager
def timed(label: str):
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    print(f"{label:<58} {time.perf_counter() - wall:7.2f} s  (CPU {time.process_time() - cpu:6.2f} s)",
          flush=True)


def staff_only(source: Path, out: Path, rows: int = 20_000) -> Path:
    """The province's units and its first ``rows`` staff rows, as a workbook of its own."""
    grids = {grid.name: grid for grid in read_book(source)}
    wb = Workbook(write_only=True)
    for title, limit in (("Đơn vị", None), ("Cán bộ", rows + 1)):
        ws = wb.create_sheet(title)
        for i, (_, values) in enumerate(grids[title].rows):
            if limit is not None and i >= limit:
                break
            ws.append([None if v == "" else v for v in values])
    wb.save(out)
    return out


def appendix(registry: Registry, day: date, out: Path) -> str:
    try:
        from motcua_desktop.report.service import content_for, new_report
        from motcua_desktop.report.xlsx import render_xlsx
    except ImportError:
        export_workbook(registry, out)
        return "export_workbook (motcua_desktop.report not available)"
    render_xlsx(content_for(registry, new_report(registry, day), day), out)
    return "report.service.content_for + report.xlsx.render_xlsx"


def main(folder: Path) -> None:
    with timed("generate province workbook"):
        workbook = generate(folder)
    with timed("make a 20,000-staff-row workbook"):
        staff20k = staff_only(workbook, folder / "staff_20000.xlsx")

    for db in folder.glob("*.sqlite*"):
        db.unlink()
    registry = Registry.open(folder / "staff20k.sqlite")
    with timed("import 2,000 units + 20,000 staff rows into an empty register"):
        import_file(registry, staff20k)
    registry.close()

    registry = Registry.open(folder / "province.sqlite")
    with timed("import whole province workbook (30k staff, 50k equipment)"):
        summary = import_file(registry, workbook)
    print("   " + summary.describe().replace("\n", "\n   "))
    with timed("re-import the same workbook (nothing changes)"):
        again = import_file(registry, workbook)
    assert not again.changed

    for day in (date(2024, 4, 19), date(2018, 1, 1), date(2026, 6, 30)):
        with timed(f"staff_table({day.isoformat()}) for 2,000 units"):
            table = registry.staff_table(day)
        print(f"   total {table.total.total} (own {table.total.own}, sent {table.total.sent})")

    with timed("export_workbook of the whole province register"):
        export_workbook(registry, folder / "export.xlsx")

    out = folder / "appendix.xlsx"
    wall = time.perf_counter()
    with timed("xlsx appendix as of 2024-04-19"):
        how = appendix(registry, date(2024, 4, 19), out)
    print(f"   via {how}: {out} ({out.stat().st_size:,} bytes, {time.perf_counter() - wall:.2f} s)")
    registry.close()


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory(prefix="motcua-bench-") as tmp:
            main(Path(tmp))
