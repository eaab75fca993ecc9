"""The window's status bar: DỮ LIỆU MẪU on the sample, the data file (cut to fit, whole in its
tooltip), the register's counts, and a message after every change, its undo and its redo
(a transfer or an ended assignment may not show in the list on screen)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy
from shiboken6 import isValid

from .first_steps import Counts

MESSAGE_MS = 10000


class StatusBar(QObject):
    def __init__(self, window: QMainWindow, undo_stack: QUndoStack, is_sample: bool):
        super().__init__(window)
        self.window, self.undo_stack = window, undo_stack
        tr = window.tr
        bar = window.statusBar()
        self.count_label = QLabel(window)
        self.count_label.setObjectName("countLabel")
        self.file_label = QLabel(window)
        self.file_label.setObjectName("fileLabel")
        # a long path must not widen the window past the screen
        self.file_label.setMinimumWidth(60)
        self.file_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.sample_label = QLabel(tr("DỮ LIỆU MẪU"), window)
        self.sample_label.setObjectName("sampleLabel")
        self.sample_label.setStyleSheet(
            "QLabel { background: #fff4ce; color: #5c4400; font-weight: bold; padding: 0 6px; }")
        self.sample_label.setToolTip(tr("Tệp này chứa dữ liệu mẫu để làm quen, không phải dữ liệu của cơ quan."))
        self.sample_label.setVisible(is_sample)
        bar.addWidget(self.sample_label)
        bar.addWidget(self.file_label, 1)
        bar.addPermanentWidget(self.count_label)
        self._index = undo_stack.index()
        undo_stack.indexChanged.connect(self._undo_moved)

    def show_counts(self, path: str, counts: Counts, people_now: int, items: int) -> None:
        tr = self.window.tr
        self.file_label.setText(tr("Tệp dữ liệu: %1").replace("%1", path))
        self.file_label.setToolTip(path)
        self.count_label.setText(tr("%1 đơn vị · %2 cán bộ đang làm việc · %3 thiết bị")
                                 .replace("%1", str(counts.units)).replace("%2", str(people_now))
                                 .replace("%3", str(items)))

    def _undo_moved(self, index: int) -> None:
        tr, stack = self.window.tr, self.undo_stack
        if not isValid(stack) or not isValid(self.window):  # the stack clears itself as the window goes
            return
        before, self._index = self._index, index
        if index > before:
            text = stack.text(index - 1)
            message = tr("Đã lưu: %1. (Ctrl+Z để hoàn tác)").replace("%1", text)
            if stack.redoText() or index != stack.count():
                message = tr("Đã làm lại: %1").replace("%1", text)
        elif index < before and index == stack.count():  # a failed step dropped, or the history cleared
            message = tr("Không còn bước nào để hoàn tác: lịch sử hoàn tác đã được xóa.")
        elif index < before:
            message = tr("Đã hoàn tác: %1").replace("%1", stack.text(index))
        else:
            return
        self.window.statusBar().showMessage(message, MESSAGE_MS)
