"""Regenerate docs/screenshot-import-mapping.png: the import's mapping step on an office's own
staff list (title row, ``Nam``/``Nữ`` under a merged birth-date heading, its own unit column).

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/make_screenshot_import.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))
os.environ["MOTCUA_DATA_DIR"] = tempfile.mkdtemp(prefix="motcua-screens-")

from openpyxl import Workbook  # noqa: E402

from motcua_desktop.store.transfer.plan import plan_file  # noqa: E402
from motcua_desktop.ui.app import demo_database, make_application  # noqa: E402


def office_list(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "DS CB"
    ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC LÀM VIỆC TẠI BỘ PHẬN MỘT CỬA"])
    ws.append(["STT", "Họ và tên", "Ngày, tháng, năm sinh", None, "Chức vụ", "Nơi tiếp nhận", "Ghi chú"])
    ws.append([None, None, "Nam", "Nữ"])
    ws.merge_cells("C2:D2")
    ws.append([1, "Vi Văn Khỏe", date(1980, 3, 2), None, "Công chức Tư pháp", "xã Mai Sao", ""])
    ws.append([2, "Vi Thị Lành", None, date(1992, 5, 6), "Văn phòng", "Bộ phận Một cửa xã Gia Lộc", ""])
    wb.save(path)
    return path


def main() -> int:
    app = make_application([sys.argv[0]])
    from motcua_desktop.ui import build_main_window
    from motcua_desktop.ui.import_mapping import ImportMappingDialog

    window = build_main_window(demo_database())
    path = office_list(Path(tempfile.mkdtemp()) / "Danh sách cán bộ.xlsx")
    units = [u.name for u in window.registry.units.list()]
    dialog = ImportMappingDialog(path.name, plan_file(path), units, window.ui_settings, window)
    page = dialog.pages[0]
    page.boxes[5].setCurrentIndex(page.boxes[5].findText("Mã đơn vị"))
    page.defaults["kind"].setCurrentText("Biên chế")
    dialog.resize(820, 560)
    dialog.show()
    for _ in range(5):
        app.processEvents()
    target = DOCS / "screenshot-import-mapping.png"
    dialog.grab().save(str(target))
    print(target)
    dialog.reject()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
