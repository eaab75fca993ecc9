"""Import and export run off the window's thread (each with its own connection to the data
file, as SQLite connections stay in their thread) behind a busy dialog, so the window never
freezes; a refused import lists every bad row.

A known problem (a bad file, a locked or full data file) is shown in its own words; anything
else is a bug: logged with its traceback and shown as a program error naming the log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from .. import errorlog
from ..domain.validation import ValidationError
from ..errors import KnownProblem
from ..store.errors import InputRejected
from ..store.registry import Registry
from .error_dialog import dialog_for


class _Worker(QThread):
    succeeded = Signal(object)
    refused = Signal(object)  # a KnownProblem, ValidationError or OSError
    crashed = Signal(object, object)  # a bug, already logged, and the log's path (or None)

    def __init__(self, db_path: Path, job: Callable[[Registry], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.db_path, self.job = db_path, job

    def run(self) -> None:
        try:
            registry = Registry.open(self.db_path)
            try:
                result = self.job(registry)
            finally:
                registry.close()
        except (KnownProblem, ValidationError, OSError) as exc:
            self.refused.emit(exc)
        except Exception as exc:  # a bug: its traceback goes to the log, not to the user
            self.crashed.emit(exc, errorlog.log_exception((type(exc), exc, exc.__traceback__)))
        else:
            self.succeeded.emit(result)


class ProblemsDialog(QDialog):
    """Why a file was refused: the summary and one line per bad row."""

    def __init__(self, title: str, summary: str, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(title)
        self.resize(720, 380)
        layout = QVBoxLayout(self)
        label = QLabel(summary + "\n" + self.tr("Chưa có gì được ghi vào dữ liệu. Hãy sửa các dòng sau "
                                                "trong tệp rồi nhập lại:"), self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.problems = QPlainTextEdit("\n".join(problems), self)
        self.problems.setReadOnly(True)
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class BackgroundJob(QObject):
    """One import or export: busy dialog, worker thread, result or refusal shown."""

    finished = Signal(bool)

    def __init__(self, parent: QWidget, db_path: Path, job: Callable[[Registry], Any],
                 busy_text: str, on_success: Callable[[Any], None], failure_title: str,
                 on_refused: Callable[[Exception], bool] | None = None):
        super().__init__(parent)
        self.window = parent
        self.on_success, self.failure_title = on_success, failure_title
        self.on_refused = on_refused  # True: it showed the refusal itself
        self.progress = QProgressDialog(busy_text, "", 0, 0, parent)
        self.progress.setObjectName("busyDialog")
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.worker = _Worker(db_path, job, self)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.refused.connect(self._refused)
        self.worker.crashed.connect(self._crashed)
        self.dialog: QDialog | None = None

    def start(self) -> None:
        self.progress.show()
        self.worker.start()

    def finish_before_close(self) -> None:
        """The window is closing: let the worker end (its own connection, its own transaction)
        and drop its result, which would reach a closed register."""
        for signal in (self.worker.succeeded, self.worker.refused, self.worker.crashed):
            signal.disconnect()
        self.worker.wait()
        self.progress.close()

    def _done(self) -> None:
        self.worker.wait()
        self.progress.close()

    def _succeeded(self, result: Any) -> None:
        self._done()
        self.on_success(result)
        self.finished.emit(True)

    def _refused(self, exc: Exception) -> None:
        self._done()
        if self.on_refused is not None and self.on_refused(exc):
            self.finished.emit(False)
            return
        if isinstance(exc, InputRejected) and exc.problems:
            self.dialog = ProblemsDialog(self.failure_title, str(exc), exc.problems, self.window)
            self.dialog.open()
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, self.failure_title, str(exc),
                              QMessageBox.StandardButton.Close, self.window)
            box.setObjectName("jobFailedBox")
            self.dialog = box
            box.open()
        self.finished.emit(False)

    def _crashed(self, exc: Exception, log_path: Path | None) -> None:
        self._done()
        self.dialog = dialog_for(exc, log_path, self.window)
        self.dialog.open()
        self.finished.emit(False)


def export_job(path: Path) -> Callable[[Registry], Any]:
    from ..store.transfer import export_workbook

    return lambda registry: export_workbook(registry, path)
