"""What an empty tab says instead of showing an empty table: what to do first, with buttons
that go there (set up the office → units → staff → equipment → report)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    buttons: Sequence[tuple[str, Callable[[], None]]] = ()


class EmptyState(QFrame):
    """A framed note with a title, a sentence and buttons; hidden while there is data."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#emptyState { background: #f4f8fc; border: 1px solid #c9d8ea; }")
        self.title = QLabel(self)
        self.title.setObjectName("emptyStateTitle")
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.title.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setObjectName("emptyStateText")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(self._buttons)
        self.step: Step | None = None
        self.hide()

    def show_step(self, step: Step | None) -> None:
        """Show ``step`` (or hide the note when None); the buttons are rebuilt."""
        if step == self.step and (step is None) == self.isHidden():
            return
        self.step = step
        while self._buttons.count():
            item = self._buttons.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.setParent(None)  # gone from findChildren at once
                widget.deleteLater()
        if step is None:
            self.hide()
            return
        self.title.setText(step.title)
        self.text.setText(step.text)
        for label, slot in step.buttons:
            button = QPushButton(label, self)
            button.setObjectName("emptyStateButton")
            button.clicked.connect(lambda _c=False, s=slot: s())
            self._buttons.addWidget(button)
        self._buttons.addStretch(1)
        self.show()

    def button_texts(self) -> list[str]:
        return [b.text() for b in self.findChildren(QPushButton, "emptyStateButton")
                if not b.isHidden()]
