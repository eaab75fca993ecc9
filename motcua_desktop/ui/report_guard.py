"""Nothing typed into a report is lost: the window asks before it closes (or is replaced by
another register's window) while the report has unsaved edits, and offers back the draft a
crash or power cut left behind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QToolBar

from ..domain.text import format_date
from ..store.report_draft import Draft, discard_draft, load_draft

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QTabWidget

    from ..store.registry import Registry
    from .lazy_tab import LazyTab
    from .report_tab import ReportTab


class _Host(Protocol):
    """What the report guard uses of the window (the main window is one; it is not imported
    here: it imports this module)."""

    registry: Registry
    tabs: QTabWidget
    report_holder: LazyTab

    @property
    def report_tab(self) -> ReportTab | None: ...
    def tr(self, text: str, /) -> str: ...
    def statusBar(self) -> QStatusBar: ...
    def ensure_report_tab(self) -> ReportTab: ...
    def addToolBar(self, area: Qt.ToolBarArea, toolbar: QToolBar, /) -> None: ...
    def addToolBarBreak(self, area: Qt.ToolBarArea = ..., /) -> None: ...


def report_may_close(window: _Host, question: str = "") -> bool:
    """Lưu / Không lưu / Hủy when the report tab holds unsaved edits; True to go on."""
    tab = window.report_tab
    if tab is None or not tab.dirty:
        return True
    window.tabs.setCurrentWidget(window.report_holder)  # show what the question is about
    return bool(tab.may_leave(question))


def shut_down_report(window: _Host) -> None:
    """Stop the report tab's timers (preview, draft) before the register closes."""
    tab = window.report_tab
    if tab is not None:
        tab.shutdown()


class DraftOffer(QObject):
    """A banner under the toolbar: "Mở lại bản nháp" / "Bỏ bản nháp"; never forced."""

    closed = Signal()  # the banner is gone (the draft restored or discarded)

    def __init__(self, window: _Host, draft: Draft):
        super().__init__(window)
        self.window, self.draft = window, draft
        tr = window.tr
        bar = QToolBar(window)
        bar.setObjectName("draftBanner")
        bar.setMovable(False)
        bar.setFloatable(False)
        when = f"{draft.saved_at:%H:%M} {format_date(draft.saved_at.date())}"
        label = QLabel(tr("Có bản nháp báo cáo chưa lưu từ lần làm việc trước (\"%1\", lúc %2).")
                       .replace("%1", draft.report.title).replace("%2", when), bar)
        label.setObjectName("draftBannerText")
        label.setWordWrap(True)
        label.setStyleSheet("QLabel { background: #e8f1fb; color: #1d3f66; padding: 6px; }")
        bar.addWidget(label)
        self.restore_button = QPushButton(tr("Mở lại bản nháp"), bar)
        self.restore_button.setObjectName("draftRestore")
        self.restore_button.clicked.connect(self.restore)
        self.discard_button = QPushButton(tr("Bỏ bản nháp"), bar)
        self.discard_button.setObjectName("draftDiscard")
        self.discard_button.clicked.connect(self.discard)
        bar.addWidget(self.restore_button)
        bar.addWidget(self.discard_button)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.bar = bar

    def restore(self) -> None:
        self.window.tabs.setCurrentWidget(self.window.report_holder)
        tab = self.window.ensure_report_tab()
        tab.restore_draft(self.draft.report)
        self._close()

    def discard(self) -> None:
        if self.window.registry.path is not None:
            discard_draft(self.window.registry.path)
        self.window.statusBar().showMessage(self.window.tr("Đã bỏ bản nháp báo cáo."), 8000)
        self._close()

    def _close(self) -> None:
        self.bar.hide()
        self.bar.deleteLater()
        self.closed.emit()


def offer_draft(window: _Host) -> DraftOffer | None:
    """Show the banner when the register has a draft left from an earlier session."""
    path = window.registry.path
    draft = load_draft(path) if path is not None else None
    return DraftOffer(window, draft) if draft is not None else None
