"""Start-up imports what the first painted tab needs and nothing else, and the report preview
is never rendered before the window is shown."""

from __future__ import annotations

import os
import subprocess
import sys

NOT_AT_START = ("reportlab", "sqlite_utils", "qtawesome", "qtpy", "openpyxl", "docx", "lxml",
                "PySide6.QtPdf", "motcua_desktop.report.render", "motcua_desktop.store.transfer",
                # a commune register neither sends nor receives packages at start-up
                "motcua_desktop.ui.consolidation_tab", "motcua_desktop.store.packages",
                "motcua_desktop.ui.office_setup_dialog", "PySide6.QtPrintSupport")

CHILD = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from motcua_desktop.ui import build_main_window
window = build_main_window(sys.argv[1])
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
print(" ".join(m for m in {names!r} if m in sys.modules))
window.close()
"""


def test_the_first_window_imports_no_report_spreadsheet_or_icon_font_library(sample_db_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOTCUA_DATA_DIR=str(tmp_path / "u"))
    result = subprocess.run([sys.executable, "-c", CHILD.format(names=NOT_AT_START), str(sample_db_path)],
                            capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == ""  # none of them loaded


def test_a_report_tab_restored_as_the_last_tab_renders_only_once_shown(qtbot, sample_db_path):
    from motcua_desktop.ui import build_main_window
    from motcua_desktop.ui.settings import UiSettings

    settings = UiSettings()
    settings.last_tab = "reportHolder"
    settings.sync()
    window = build_main_window(sample_db_path)
    qtbot.addWidget(window)
    assert window.tabs.currentWidget() is window.report_holder
    tab = window.ensure_report_tab()
    assert tab.preview.page_count() == 0  # built, not rendered: the window is not shown yet

    window.show()
    qtbot.waitUntil(lambda: tab.preview.page_count() == 5, timeout=10000)
    window.close()
