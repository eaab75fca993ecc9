"""A horizontal bar chart of staff per unit drawn with QPainter (no chart library needed):
own staff and staff sent by other agencies stacked, one bar per unit in report order."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from .table_model import warning_text_colour

OWN_COLOUR = QColor("#2b4c7e")
SENT_COLOUR = QColor("#e09f3e")
BAR_HEIGHT = 16
GAP = 6
TOP = 28


@dataclass(frozen=True)
class Bar:
    label: str
    own: int
    sent: int
    warn: bool = False


class StaffBarChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("staffChart")
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = list(bars)
        self.setFixedHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, TOP + len(self.bars) * (BAR_HEIGHT + GAP) + GAP)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_width = min(max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0) + 12,
                          self.width() // 2)
        longest = max((b.own + b.sent for b in self.bars), default=0) or 1
        number_width = metrics.horizontalAdvance("0000") + 8
        scale = max(1.0, self.width() - label_width - number_width - 8) / longest
        self._legend(painter, metrics)
        visible = event.rect()
        for n, bar in enumerate(self.bars):
            y = TOP + n * (BAR_HEIGHT + GAP)
            if y > visible.bottom() or y + BAR_HEIGHT < visible.top():
                continue  # at province scale only the rows on screen are drawn
            text_rect = QRectF(0, y, label_width - 8, BAR_HEIGHT)
            painter.setPen(warning_text_colour() if bar.warn else self.palette().text().color())
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideLeft, int(text_rect.width()))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            x = float(label_width)
            for value, colour in ((bar.own, OWN_COLOUR), (bar.sent, SENT_COLOUR)):
                width = value * scale
                painter.fillRect(QRectF(x, y, width, BAR_HEIGHT), colour)
                x += width
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x + 4, y, number_width, BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(bar.own + bar.sent))
        painter.end()

    def _legend(self, painter: QPainter, metrics: QFontMetrics) -> None:
        x = 8
        for text, colour in ((self.tr("Biên chế, biệt phái"), OWN_COLOUR),
                             (self.tr("Cơ quan khác cử đến"), SENT_COLOUR)):
            painter.fillRect(QRectF(x, 6, 14, 14), colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(x + 20, 6 + metrics.ascent(), text)
            x += 40 + metrics.horizontalAdvance(text)
