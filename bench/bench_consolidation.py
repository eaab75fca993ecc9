"""Province consolidation at its largest: 168 commune packages received, the consolidated PDF.

    .venv/bin/python bench/bench_consolidation.py [FOLDER]

Makes one commune register (a centre, two điểm tiếp nhận, 30 people, 40 equipment rows), then
168 packages from it, one per commune of Thành phố Hồ Chí Minh (code 79, the province with the
most communes), each under that commune's code and name (not timed). Then prints wall-clock
and CPU seconds of:

1. ``motcua receive`` of the 168 packages in one call into a province register (init --office 79);
2. the same 168 again (nothing changes);
3. the consolidated report as PDF (appendix grouped by commune, 169 groups).

Goals: receiving all 168 under 15 s, the report under 5 s.
Numbers, not a pass/fail test: the machine may be busy.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from motcua_desktop.cli.main import run  # noqa: E402
from motcua_desktop.domain import admin_units  # noqa: E402
from motcua_desktop.domain.model import Assignment, EmploymentKind, EquipmentItem, Person, Unit  # noqa: E402
from motcua_desktop.domain.office import centre_code, office_settings  # noqa: E402
from motcua_desktop.store import Registry  # noqa: E402
from motcua_desktop.store.packages import submit_package  # noqa: E402

DAY = date(2026, 3, 1)
KINDS = (EmploymentKind.BIEN_CHE, EmploymentKind.BIET_PHAI, EmploymentKind.CU_DEN, EmploymentKind.HO_TRO)


@contextmanager
def timed(label: str):
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    print(f"{label}: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU", flush=True)


def commune_register(path: Path, first: admin_units.AdminUnit) -> Registry:
    assert run(["init", "--db", str(path), "--office", first.code]) == 0
    reg = Registry.open(path)
    (centre,) = reg.units.list()
    with reg.transaction():
        points = [reg.units.add(Unit(f"DTN{i}", f"Điểm tiếp nhận số {i}", "xa", "xa", parent_id=centre.id,
                                     sort_order=i + 1)) for i in (1, 2)]
        units = [centre, *points]
        types = reg.equipment.types()
        for n in range(30):
            person = reg.staff.add_person(Person(f"Cán bộ số {n + 1}", f"CB{n + 1:03d}", 1980 + n % 20))
            kind = KINDS[n % 4]
            reg.staff.add_assignment(Assignment(
                person.id, units[n % 3].id, kind=kind, start=date(2025, 7, 1),
                sending_agency="Công an xã" if kind is EmploymentKind.CU_DEN else ""))
        for n in range(40):
            reg.equipment.add_item(EquipmentItem(units[n % 3].id, types[n % len(types)].id, 1 + n % 3))
    return reg


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="motcua-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    communes = admin_units.communes("79")
    province = admin_units.find("79")
    assert province is not None
    reg = commune_register(folder / "xa.db", communes[0])
    packages = []
    centre = reg.units.list()[0]
    for c in communes:  # the same register under each commune's identity (not timed)
        with reg.transaction():
            reg.settings.save(office_settings(c, province, reg.settings.get()))
            reg.units.update(dataclasses.replace(centre, code=centre_code(c), official_code=c.code,
                                                 name=f"Trung tâm Phục vụ hành chính công {c.full_name}"))
            centre = reg.units.get(centre.id)
        out = folder / f"goi-{c.code}.xlsx"
        submit_package(reg, out, DAY, datetime(2026, 3, 2, 8, 0))
        packages.append(out)
    reg.close()
    print(f"{len(packages)} gói số liệu trong {folder}")
    db = folder / "tinh-79.db"
    assert run(["init", "--db", str(db), "--office", "79"]) == 0
    with timed(f"receive {len(packages)} packages"):
        assert run(["receive", "--db", str(db), *map(str, packages)]) == 0
    with timed(f"receive the same {len(packages)} again"):
        assert run(["receive", "--db", str(db), *map(str, packages)]) == 0
    pdf = folder / "tong-hop.pdf"
    with timed("consolidated report (PDF)"):
        assert run(["report", "--db", str(db), "--out", str(pdf), "--as-of", DAY.isoformat()]) == 0
    print(f"report: {pdf}")


if __name__ == "__main__":
    main()
