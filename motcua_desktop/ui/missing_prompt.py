"""Before a report leaves the computer (printer, PDF, Word): list what the register lacks
(the [chưa có: …] marks) and ask whether to go on."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ..report.content import ReportContent


def confirm_missing(parent: QWidget, content: ReportContent, what: str) -> bool:
    """True when nothing is missing or the user chooses to go on."""
    if not content.missing:
        return True
    items = "\n".join(f"- {m}" for m in content.missing)
    box = QMessageBox(QMessageBox.Icon.Warning, parent.tr("Báo cáo còn thiếu thông tin"),
                      parent.tr("Báo cáo còn thiếu:\n%1\n\nChỗ thiếu sẽ in thành [chưa có: …]. "
                                "Vẫn %2?").replace("%1", items).replace("%2", what),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("missingPrompt")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
