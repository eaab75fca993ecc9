"""Regenerate docs/screenshot-*.png at 1024×768 (the smallest office screen the window must fit):
every tab on a fresh copy of the sample data, the report editor given the width, a staff
dialog reporting mistakes, and the first screen of an empty register.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/make_screenshots.py

Settings go to a temporary folder, so the user's own window layout is neither used nor changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent))
os.environ["MOTCUA_DATA_DIR"] = tempfile.mkdtemp(prefix="motcua-screens-")

from PySide6.QtWidgets import QApplication  # noqa: E402

from motcua_desktop.domain.text import fold  # noqa: E402
from motcua_desktop.ui.app import demo_database, make_application  # noqa: E402

SIZE = (1024, 768)


# File names the user guide (docs/huong-dan-su-dung.md) and the README link to.
NAMES = {"overviewTab": "overview", "unitsTab": "units", "staffTab": "staff",
         "equipmentTab": "equipment", "reportHolder": "report"}


def slug(widget, label: str) -> str:
    return NAMES.get(widget.objectName()) or "-".join(fold(label).split())


def settle(app: QApplication, seconds: float = 0.3) -> None:
    """Let timers (the report preview waits 0.1 s after its tab shows) run and paint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def empty_register() -> Path:
    from motcua_desktop.store import Registry
    from motcua_desktop.store.new_register import start_new_register

    path = Path(tempfile.mkdtemp(prefix="motcua-empty-")) / "so-cua-don-vi.sqlite"
    registry = Registry.open(path)
    start_new_register(registry)
    registry.close()
    return path


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
        settle(app, 1.5 if window.tabs.widget(i) is window.report_holder else 0.3)
        target = DOCS / f"screenshot-{slug(window.tabs.widget(i), window.tabs.tabText(i))}.png"
        window.grab().save(str(target))
        written.append(target)
    # The report editor given the width: the preview pane closed, the narrative and the figures.
    window.tabs.setCurrentWidget(window.report_holder)
    report = window.ensure_report_tab()
    report.split.setSizes([150, 850, 0])
    settle(app)
    target = DOCS / "screenshot-report-editor.png"
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
    # A register just made: what the user sees first, and where to go from there.
    empty = build_main_window(empty_register())
    empty.resize(*SIZE)
    empty.show()
    empty.tabs.setCurrentIndex(0)
    settle(app)
    target = DOCS / "screenshot-empty-register.png"
    empty.grab().save(str(target))
    written.append(target)
    empty.close()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
