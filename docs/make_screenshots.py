"""Regenerate docs/screenshot-<tab>.png: the window on a fresh copy of the sample data.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/make_screenshots.py

Settings go to a temporary folder, so the user's own window layout is neither used nor changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))
os.environ["MOTCUA_DATA_DIR"] = tempfile.mkdtemp(prefix="motcua-screens-")

from PySide6.QtWidgets import QApplication  # noqa: E402

from motcua_desktop.domain.text import fold  # noqa: E402
from motcua_desktop.ui.app import demo_database, make_application  # noqa: E402

SIZE = (1340, 740)


# File names the user guide (docs/huong-dan-su-dung.md) and the README link to.
NAMES = {"overviewTab": "overview", "unitsTab": "units", "staffTab": "staff",
         "equipmentTab": "equipment", "reportHolder": "report"}


def slug(widget, label: str) -> str:
    return NAMES.get(widget.objectName()) or "-".join(fold(label).split())


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    app = make_application([sys.argv[0]])
    from motcua_desktop.ui import build_main_window

    window = build_main_window(demo_database())
    window.resize(*SIZE)
    window.show()
    settle(app)
    written = []
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        settle(app)
        target = DOCS / f"screenshot-{slug(window.tabs.widget(i), window.tabs.tabText(i))}.png"
        window.grab().save(str(target))
        written.append(target)
    # One dialog, to show how a mistake is reported next to its field.
    window.tabs.setCurrentWidget(window.staff_tab)
    window.staff_tab.add()
    dialog = window.staff_tab.dialog
    dialog.full_name.setText("")
    dialog.birth_year.setText("1850")
    dialog.start.setText("31/02/2024")
    dialog.buttons.accepted.emit()
    settle(app)
    target = DOCS / "screenshot-staff-dialog.png"
    dialog.grab().save(str(target))
    written.append(target)
    dialog.reject()
    window.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
