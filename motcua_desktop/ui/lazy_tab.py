"""A tab whose content is built the first time it is shown (or asked for).

The report tab renders a preview of the whole report when built; with a province's 2,000
units that is seconds of work the window should not spend before the user asks for it.
The factory keeps its own typed hold of what it built; this holder only places it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .read_only import ReadOnlyAware


class LazyTab(QWidget):
    created = Signal(QWidget)

    def __init__(self, factory: Callable[[QWidget], QWidget], name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._factory = factory
        self.content: QWidget | None = None
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        """The real content, built now if it was not yet."""
        if self.content is None:
            self.content = self._factory(self)
            self.layout().addWidget(self.content)
            if self._read_only:
                cast(ReadOnlyAware, self.content).set_read_only(True)
            self.created.emit(self.content)
        return self.content

    def set_read_only(self, read_only: bool) -> None:
        """Passed on to the content now, or when it is built."""
        self._read_only = read_only
        if self.content is not None:
            cast(ReadOnlyAware, self.content).set_read_only(read_only)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.ensure()
        super().showEvent(event)
