"""Regenerate docs/screenshot-setup-dialog.png (the set-up dialog on xã Chi Lăng) and
docs/report-commune-page1.png (page 1 of a commune's report from a register made by
``motcua init --office 06463`` with a few made-up people).

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/make_office_screenshots.py
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))
os.environ["MOTCUA_DATA_DIR"] = tempfile.mkdtemp(prefix="motcua-screens-")

from motcua_desktop.domain.model import Assignment, EmploymentKind, Person, Unit  # noqa: E402
from motcua_desktop.report.render import render  # noqa: E402
from motcua_desktop.report.service import content_for, new_report  # noqa: E402
from motcua_desktop.store.office import set_up_office  # noqa: E402
from motcua_desktop.store.registry import Registry  # noqa: E402
from motcua_desktop.ui.app import make_application  # noqa: E402


def setup_dialog(app) -> Path:
    from motcua_desktop.ui.office_setup_dialog import OfficeSetupDialog

    dlg = OfficeSetupDialog(None, "06463")
    dlg.show()
    for _ in range(5):
        app.processEvents()
    target = DOCS / "screenshot-setup-dialog.png"
    dlg.grab().save(str(target))
    dlg.close()
    return target


def commune_report(folder: Path) -> Path:
    reg = Registry.open(folder / "xa.sqlite")
    set_up_office(reg, "06463")
    reg.settings.save(dataclasses.replace(reg.settings.get(), signer_authority="KT. CHỦ TỊCH",
                                          signer_title="PHÓ CHỦ TỊCH", signer_name="(họ và tên)"))
    centre = reg.units.list()[0]
    reg.units.update(dataclasses.replace(centre, address="Trụ sở UBND xã Chi Lăng", area_m2=96.5))
    point = reg.units.add(Unit("DTN-01", "Điểm tiếp nhận thôn Bắc Thủy", parent_id=centre.id))
    people = [("Nông Văn An", centre, EmploymentKind.BIEN_CHE, ""),
              ("Hoàng Thị Bích", centre, EmploymentKind.BIEN_CHE, ""),
              ("Vi Thị Dung", centre, EmploymentKind.BIET_PHAI, ""),
              ("Hà Văn Giang", centre, EmploymentKind.CU_DEN, "Công an xã Chi Lăng"),
              ("Đinh Văn Khánh", centre, EmploymentKind.HO_TRO, ""),
              ("Lý Văn Cường", point, EmploymentKind.BIEN_CHE, "")]
    for name, unit, kind, agency in people:
        p = reg.staff.add_person(Person(name))
        reg.staff.add_assignment(Assignment(p.id, unit.id, kind, sending_agency=agency, start=date(2025, 7, 1)))
    report = new_report(reg, date(2026, 1, 15))
    pdf = render(content_for(reg, report), folder / "xa.pdf", "pdf")
    reg.close()
    stem = folder / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(stem)], check=True)
    target = DOCS / "report-commune-page1.png"
    next(folder.glob("page*.png")).replace(target)
    return target


def main() -> int:
    app = make_application([sys.argv[0]])
    written = [setup_dialog(app), commune_report(Path(tempfile.mkdtemp(prefix="motcua-xa-")))]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
