"""Where a report is saved as a file: the save dialog, starting in the last folder used."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from .settings import UiSettings


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportTab", text)


def last_folder(settings: UiSettings | None) -> str:
    """Where the last file was saved or opened, else the user's Documents."""
    if settings is not None and settings.has_last_directory():
        return settings.last_directory
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def ask_output_file(parent: QWidget, settings: UiSettings | None, day: date, fmt: str) -> Path | None:
    """The file the user chose for a report of ``day`` as ``fmt`` (the suffix added if left
    out), or None; the folder is remembered for the next dialog."""
    filters = {"pdf": _tr("Tệp PDF (*.pdf)"), "docx": _tr("Tệp Word (*.docx)"), "xlsx": _tr("Tệp Excel (*.xlsx)")}
    suggested = str(Path(last_folder(settings)) / f"Bao-cao-{day.isoformat()}.{fmt}")
    name, _ = QFileDialog.getSaveFileName(parent, _tr("Lưu báo cáo thành tệp"), suggested, filters[fmt])
    if not name:
        return None
    out = Path(name)
    if settings is not None:  # the next save/open dialog starts here
        settings.last_directory = str(out.parent)
    return out if out.suffix.lower() == f".{fmt}" else out.with_name(out.name + f".{fmt}")
