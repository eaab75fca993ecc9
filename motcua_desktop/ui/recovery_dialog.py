"""A damaged or unreadable data file at start: say what was found and offer the newest good
backup. The damaged file is kept beside it under a dated name, never overwritten.

A file that could not be read for another reason (held by another program, a share that is
gone, no permission) is not damaged: restoring a backup over it would throw away good data.
Then the dialog says which, and offers to try again or to open it read-only; no restore."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..store.backup import BackupInfo, newest_good_backup, restore_from
from ..store.errors import StoreError
from ..store.health import Trouble, check_file, diagnose


class RecoveryDialog(QMessageBox):
    """The choice: restore the newest good backup, pick another backup file, or quit."""

    def __init__(self, db_path: Path, problems: list[str], backup: BackupInfo | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Tệp dữ liệu bị hỏng"))
        text = self.tr("Không mở được tệp dữ liệu vì tệp bị hỏng:") + "\n" + "\n".join(problems[:4])
        if backup is not None:
            text += "\n\n" + self.tr("Bản sao lưu tốt gần nhất: %1.").replace("%1", backup.label)
            text += "\n" + self.tr(
                "Phục hồi sẽ dùng bản sao lưu này; những thay đổi sau thời điểm sao lưu sẽ không còn. "
                "Tệp bị hỏng được giữ lại bên cạnh để có thể cứu dữ liệu sau."
            )
        else:
            text += "\n\n" + self.tr("Không tìm thấy bản sao lưu nào còn tốt. Bạn có thể chọn một tệp sao lưu (ví dụ trên USB).")
        self.setText(text)
        self.restore_button = None
        if backup is not None:
            self.restore_button = self.addButton(self.tr("Phục hồi từ bản sao lưu này"), QMessageBox.ButtonRole.AcceptRole)
            self.restore_button.setObjectName("restoreNewestButton")
        self.choose_button = self.addButton(self.tr("Chọn tệp sao lưu khác…"), QMessageBox.ButtonRole.ActionRole)
        self.choose_button.setObjectName("chooseBackupButton")
        self.quit_button = self.addButton(self.tr("Thoát"), QMessageBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quitButton")
        self.setDefaultButton(self.restore_button or self.choose_button)


_NOT_DAMAGED = {
    Trouble.LOCKED: "Tệp dữ liệu đang bị một chương trình khác giữ (ví dụ phần mềm đồng bộ, "
    "phần mềm diệt virus hay một máy khác đang mở nó).",
    Trouble.UNREACHABLE: "Không tới được tệp dữ liệu: ổ mạng hoặc ổ đĩa chứa nó đang bị ngắt, "
    "hoặc tệp đã bị chuyển đi.",
    Trouble.PERMISSION: "Tài khoản Windows này không có quyền đọc hoặc ghi tệp dữ liệu "
    "(thư mục dùng chung chỉ cho phép đọc, hoặc thiếu quyền).",
}


class UnreadableDialog(QMessageBox):
    """The file is fine as far as we know, we just cannot use it now: retry, look, or quit."""

    def __init__(self, db_path: Path, trouble: Trouble, problems: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unreadableDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Chưa đọc được tệp dữ liệu"))
        self.setText(
            self.tr(_NOT_DAMAGED[trouble]) + "\n" + "\n".join(problems[:2]) + "\n\n" + self.tr(
                "Tệp không bị coi là hỏng và không bị thay đổi; đừng phục hồi bản sao lưu đè lên nó. "
                "Hãy xử lý nguyên nhân trên rồi bấm Thử lại, hoặc mở để xem (chỉ đọc).")
        )  # fmt: skip
        self.retry_button = self.addButton(self.tr("Thử lại"), QMessageBox.ButtonRole.AcceptRole)
        self.retry_button.setObjectName("retryButton")
        self.read_only_button = self.addButton(self.tr("Mở để xem (chỉ đọc)"), QMessageBox.ButtonRole.ActionRole)
        self.read_only_button.setObjectName("readOnlyButton")
        self.quit_button = self.addButton(self.tr("Thoát"), QMessageBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quitButton")
        self.setDefaultButton(self.retry_button)


@dataclass(frozen=True)
class Opening:
    """The file to open at start, and whether the user chose to only look at it."""

    path: Path
    read_only: bool = False


def choose_backup_file(parent: QWidget | None, start: Path) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, QFileDialog.tr("Chọn tệp sao lưu"), str(start),
        QFileDialog.tr("Tệp dữ liệu Một Cửa (*.sqlite *.db);;Tất cả các tệp (*)"),
    )  # fmt: skip
    return Path(path) if path else None


def ensure_openable(db_path: str | Path, parent: QWidget | None = None) -> Opening | None:
    """Run the quick check; on damage ask and restore. What to open, or None to quit.

    A file that does not exist yet is fine (it is created on first start)."""
    db_path = Path(db_path)
    if not db_path.exists():
        return Opening(db_path)
    trouble, problems = diagnose(db_path)
    while problems:
        if trouble is not None and trouble is not Trouble.DAMAGED:
            dialog: QMessageBox = UnreadableDialog(db_path, trouble, problems, parent)
            dialog.exec()
            if dialog.clickedButton() is dialog.retry_button:
                trouble, problems = diagnose(db_path)
                continue
            if dialog.clickedButton() is dialog.read_only_button:
                return Opening(db_path, read_only=True)
            return None
        backup = newest_good_backup(db_path)
        dialog = RecoveryDialog(db_path, problems, backup, parent)
        dialog.exec()
        clicked = dialog.clickedButton()
        if backup is not None and clicked is dialog.restore_button:
            source: Path | None = backup.path
        elif clicked is dialog.choose_button:
            source = choose_backup_file(parent, backup.path.parent if backup else db_path.parent)
            if source is None:
                continue
        else:
            return None
        try:
            kept = restore_from(db_path, source)
        except StoreError as exc:
            QMessageBox.warning(parent, QMessageBox.tr("Không phục hồi được"), str(exc))
            continue
        problems = check_file(db_path)
        trouble = Trouble.DAMAGED if problems else None
        if not problems:
            QMessageBox.information(parent, QMessageBox.tr("Đã phục hồi"), QMessageBox.tr(
                "Đã phục hồi dữ liệu từ %1.\nTệp bị hỏng được giữ tại %2.")
                .replace("%1", str(source)).replace("%2", str(kept)))  # fmt: skip
    return Opening(db_path)
