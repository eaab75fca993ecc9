"""Child of test_guide_in_wheel.py: from an installed copy (``sys.path[0]`` is the install
folder), open the window, press F1, print what the guide shows.

    python guide_child.py DB
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    import motcua_desktop
    from motcua_desktop.ui import build_main_window
    from motcua_desktop.ui.help_menu import UserGuideDialog

    app = QApplication(sys.argv[:1])
    window = build_main_window(sys.argv[1])
    window.show()
    app.processEvents()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):  # F1, as the user presses it
        QApplication.sendEvent(window, QKeyEvent(kind, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier))
    app.processEvents()
    dialog = window.findChild(UserGuideDialog)
    print("package", motcua_desktop.__file__)
    if dialog is None:
        print("no guide")
        return 1
    print("folder", dialog.browser.searchPaths()[0])
    print("heading", dialog.browser.toPlainText().splitlines()[0])
    print("images", dialog.browser.toHtml().count("<img"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
