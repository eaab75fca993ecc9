"""The report's PDF shown as it will print: all pages, zoom, fit to width."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0


class ReportPreview(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("reportPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.pages = QLabel(self, objectName="reportPreviewPages")
        self.caption = QLabel(self, objectName="reportPreviewCaption")
        self.caption.setWordWrap(True)
        buttons = []
        # short labels (the full words in the tooltip): the preview may be given little width
        for name, text, tip, slot in (
            ("reportZoomOut", "−", self.tr("Thu nhỏ"), self.zoom_out),
            ("reportZoomIn", "+", self.tr("Phóng to"), self.zoom_in),
            ("reportFitWidth", self.tr("Vừa rộng"), self.tr("Vừa chiều rộng"), self.fit_width),
            ("reportFitPage", self.tr("Cả trang"), self.tr("Cả trang"), self.fit_page),
        ):
            button = QToolButton(self, objectName=name, text=text, toolTip=tip)
            button.clicked.connect(slot)
            buttons.append(button)
        bar = QHBoxLayout()
        for b in buttons:
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        self.view.setMinimumWidth(160)

    def show_pdf(self, path: Path, caption: str = "") -> int:
        """Load ``path`` keeping the reader's place; returns the page count."""
        navigator = self.view.pageNavigator()
        page = navigator.currentPage() if self.document.pageCount() else 0
        self.document.close()
        self.document.load(str(path))
        count = self.document.pageCount()
        if count:
            navigator.jump(min(page, count - 1), QPointF(), navigator.currentZoom())
        self.pages.setText(self.tr("%n trang", "", count))
        self.caption.setText(caption)
        return count

    def page_count(self) -> int:
        return self.document.pageCount()

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, factor)))

    def zoom_in(self) -> None:
        self._set_zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.view.zoomFactor() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
