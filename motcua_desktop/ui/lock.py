"""One writer per data file: a ``QLockFile`` beside it. A second copy of the app, a locked
file or a read-only one opens read-only, says so in a banner, and offers no edits."""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QLockFile, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSizePolicy, QToolBar, QWidget

from ..store.location import can_write_file, can_write_folder
from ..store.sqlite_lock import SqliteLock, explain, probe
from .read_only import ReadOnlyAware

# The window's own actions that change the register (menus, not tabs: each tab takes its
# own away in ``set_read_only``); hidden in a read-only window, the banner says why.
WINDOW_EDIT_ACTIONS = (
    "actionDelete", "actionUndo", "actionRedo", "actionImport", "actionOrgSettings",
    "actionRestore", "actionTrash", "actionOfficeSetup", "actionValueLists", "actionSubmitPackage",
)  # fmt: skip


@dataclass
class WriteAccess:
    """Whether this window may write, and if not, the sentence the banner shows."""

    read_only: bool
    reason: str = ""
    lock: QLockFile | None = None
    held_elsewhere: bool = False
    users: int = 1
    key: str = ""  # the resolved path, for locks this process holds
    other_host: str = ""  # the lock was taken on another PC (whose process we cannot see)

    def release(self) -> None:
        """One holder less; the lock goes when the last window on the file is gone."""
        self.users -= 1
        if self.users <= 0 and self.lock is not None:
            self.lock.unlock()
            self.lock = None
            _held.pop(self.key, None)


# Locks this process holds, by file: two windows of one copy (e.g. reopened after a restore)
# share the lock instead of locking each other out.
_held: dict[str, WriteAccess] = {}


def lock_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).name + ".lock")


def acquire(db_path: str | Path) -> WriteAccess:
    """Take the write lock of ``db_path`` or say why this copy must only read it."""
    db_path = Path(db_path)
    key = str(db_path.resolve())
    if key in _held:
        _held[key].users += 1
        return _held[key]
    folder = db_path.parent
    # tried, not asked: os.access ignores Windows ACLs and share permissions
    if db_path.exists() and not can_write_file(db_path):
        return WriteAccess(True, f"Tệp dữ liệu {db_path} chỉ cho phép đọc: bạn xem được nhưng không sửa được.")
    if not can_write_folder(folder):
        return WriteAccess(
            True, f"Thư mục {folder} chỉ cho phép đọc: bạn xem được dữ liệu nhưng không sửa được."
        )
    lock = QLockFile(str(lock_path(db_path)))
    # no time-based staleness: a window may stay open for days; a crashed copy's lock is
    # recognised by its dead process id instead
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        held = probe(db_path)  # no other Một Cửa, but maybe another program holds SQLite's lock
        if held is not SqliteLock.NONE:
            lock.unlock()
            return WriteAccess(True, explain(db_path, held))
        _held[key] = WriteAccess(False, lock=lock, key=key)
        return _held[key]
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # PySide6: (pid, host, app), or a falsy value when unknown
        who = f" (máy {info[1]}, tiến trình số {info[0]})" if info and len(info) == 3 else ""
        host = str(info[1]) if info and len(info) == 3 else ""
        return WriteAccess(
            True,
            f"Tệp dữ liệu đang được mở trong một cửa sổ Một Cửa khác{who}. Cửa sổ này chỉ để xem; "
            "hãy sửa dữ liệu ở cửa sổ kia.",
            held_elsewhere=True,
            other_host=host if host and host != socket.gethostname() else "",
        )
    return WriteAccess(True, f"Không khóa được tệp dữ liệu {db_path} để ghi; cửa sổ này chỉ để xem.")


def ask_open_read_only(access: WriteAccess, parent: QWidget | None = None) -> bool:
    """Tell the user the file is already open; True to look at it read-only, False to quit."""
    return settle_held(access, None, parent) is not None


def break_lock(db_path: str | Path) -> WriteAccess:
    """Remove the lock another PC left (it crashed, or lost the network) and take it."""
    lock_path(Path(db_path)).unlink(missing_ok=True)
    return acquire(db_path)


def settle_held(access: WriteAccess, db_path: str | Path | None, parent: QWidget | None = None) -> WriteAccess | None:
    """The file is open in another Một Cửa window: look read-only, quit (None), or, when the
    lock was taken on another PC, break it after a clear question."""
    box = QMessageBox(parent)
    box.setObjectName("alreadyOpenDialog")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(box.tr("Tệp dữ liệu đang mở"))
    box.setText(access.reason)
    view = box.addButton(box.tr("Mở để xem (chỉ đọc)"), QMessageBox.ButtonRole.AcceptRole)
    unlock = None
    if access.other_host and db_path is not None:
        unlock = box.addButton(box.tr("Máy kia đã tắt — gỡ khóa…"), QMessageBox.ButtonRole.ActionRole)
        unlock.setObjectName("breakLockButton")
    box.addButton(box.tr("Thoát"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(view)
    box.exec()
    if box.clickedButton() is view:
        return access
    if unlock is None or box.clickedButton() is not unlock or db_path is None:
        return None
    sure = QMessageBox(QMessageBox.Icon.Warning, box.tr("Gỡ khóa tệp dữ liệu?"), box.tr(
        "Chỉ gỡ khóa khi chắc chắn máy %1 đã tắt hoặc Một Cửa Desktop trên máy đó đã đóng "
        "(ví dụ máy bị mất điện khi đang mở tệp).\n\nNếu máy %1 vẫn đang mở tệp, hai máy "
        "cùng sửa có thể làm mất thay đổi của một bên.\n\nGỡ khóa và mở tệp để sửa?")
        .replace("%1", access.other_host), parent=parent)  # fmt: skip
    sure.setObjectName("breakLockQuestion")
    yes = sure.addButton(box.tr("Gỡ khóa"), QMessageBox.ButtonRole.DestructiveRole)
    yes.setObjectName("confirmBreakLock")
    no = sure.addButton(box.tr("Không, mở để xem"), QMessageBox.ButtonRole.RejectRole)
    sure.setDefaultButton(no)
    sure.exec()
    return break_lock(db_path) if sure.clickedButton() is yes else access


def show_notice(window: QMainWindow, text: str, name: str = "placeBanner") -> QToolBar:
    """A yellow line of text across the top of the window (read-only, network drive…)."""
    bar = QToolBar(window)
    bar.setObjectName(name)
    bar.setMovable(False)
    bar.setFloatable(False)
    label = QLabel(text, bar)
    label.setObjectName(name + "Text")
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # the whole width
    label.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; padding: 6px; }")
    bar.addWidget(label)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.insertToolBarBreak(bar)
    return bar


def show_read_only(window: QMainWindow, reason: str) -> QToolBar:
    """A banner across the top of the window, and the editing taken away: each tab's by the
    tab itself (``set_read_only``), the window's own actions here."""
    bar = show_notice(window, window.tr("Chỉ xem — ") + reason, "readOnlyBanner")
    cast(ReadOnlyAware, window).set_read_only(True)
    for action in window.findChildren(QAction):
        if action.objectName() in WINDOW_EDIT_ACTIONS:
            action.setVisible(False)
            action.setEnabled(False)
    return bar

