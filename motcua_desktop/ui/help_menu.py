"""Trợ giúp › Hướng dẫn sử dụng: the Vietnamese user guide, shown inside the app (offline).

The guide is docs/huong-dan-su-dung.md in a checkout and resources/docs/ in the bundle
(paths.docs_dir()); it is rendered from Markdown by QTextBrowser with its screenshots.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import paths

GUIDE_FILE = "huong-dan-su-dung.md"
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")


def _tr(text: str) -> str:
    return QCoreApplication.translate("UserGuide", text)


def guide_path() -> Path:
    return paths.docs_dir() / GUIDE_FILE


def guide_markdown(path: Path) -> str:
    """The guide's text, leaving out pictures whose file is not there (a checkout before the
    screenshots were taken) rather than showing broken-image boxes."""
    folder = path.parent
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        images = _IMAGE.findall(line)
        if images and not all((folder / image).is_file() for image in images):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


class UserGuideDialog(QDialog):
    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.setWindowTitle(self.tr("Hướng dẫn sử dụng"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuideBrowser")
        self.browser.setOpenExternalLinks(False)  # the app never goes online
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.setMarkdown(guide_markdown(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 720)


def open_user_guide(parent: QWidget | None) -> UserGuideDialog | None:
    """Show the guide (one window, raised if already open); a clear message if it is missing."""
    path = guide_path()
    if not path.is_file():
        QMessageBox.warning(parent, _tr("Không mở được hướng dẫn"),
                            _tr("Không tìm thấy tệp hướng dẫn sử dụng: %1").replace("%1", str(path)))
        return None
    existing = parent.findChild(UserGuideDialog) if parent is not None else None
    dialog = existing or UserGuideDialog(path, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def install_help_menu(window) -> QAction:
    """Put "Hướng dẫn sử dụng" (F1) first in the main window's help menu."""
    action = QAction(window.tr("&Hướng dẫn sử dụng"), window)
    action.setObjectName("actionUserGuide")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    action.triggered.connect(lambda: open_user_guide(window))
    first = window.help_menu.actions()[0] if window.help_menu.actions() else None
    window.help_menu.insertAction(first, action)
    return action
