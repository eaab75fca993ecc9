"""Child process of test_report_draft_sigkill.py: the real window on a register, a line typed
into the report's narrative, then ``ack`` once the draft timer has written it; then it waits
to be killed.

    python draft_child.py DB TEXT
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from motcua_desktop.store.report_draft import draft_path
    from motcua_desktop.ui import build_main_window

    db, text = Path(sys.argv[1]), sys.argv[2]
    app = QApplication([sys.argv[0]])
    window = build_main_window(db)
    window.show()
    window.tabs.setCurrentWidget(window.report_holder)
    tab = window.ensure_report_tab()
    tab.editor.body.setFocus()
    tab.editor.body.moveCursor(tab.editor.body.textCursor().MoveOperation.End)
    for ch in text:  # key events as a keyboard sends them (Vietnamese too): no save, no close
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(tab.editor.body, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                              Qt.KeyboardModifier.NoModifier, ch))
    deadline = time.monotonic() + 20
    while not draft_path(db).exists() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("ack" if draft_path(db).exists() else "no draft", flush=True)
    while True:  # until SIGKILL
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main()
