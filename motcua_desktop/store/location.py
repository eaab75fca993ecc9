"""Where a register lives: a local disk, a network share, or a folder a sync tool copies
(OneDrive, Dropbox, Google Drive, iCloud). And whether a folder can really be written.

Why it matters: SQLite's WAL mode keeps a shared-memory index (``-shm``) that only works when
every program using the file runs on the same machine; SQLite's own documentation says WAL
"does not work over a network filesystem". A sync tool uploads ``-wal`` and ``-shm`` apart
from the main file, so another PC gets a main file without its latest commits, or a conflict
copy. On such a place the register uses the rollback journal (``journal_mode=DELETE``):
every commit is complete in the one main file when the transaction ends, the journal is
deleted, and a sync tool or another PC only ever sees whole transactions. Locking then relies
on the share's byte-range locks, which SMB servers honour; our ``.lock`` file keeps a second
writer out in any case.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path, PureWindowsPath

LOCAL, NETWORK, SYNCED = "local", "network", "synced"
_DRIVE_REMOTE = 4  # GetDriveTypeW
# Folder names sync clients create, and the environment variables pointing at them.
_SYNC_NAMES = {"onedrive": "OneDrive", "dropbox": "Dropbox", "google drive": "Google Drive",
               "googledrive": "Google Drive", "my drive": "Google Drive", "icloud drive": "iCloud",
               "iclouddrive": "iCloud", "nextcloud": "Nextcloud"}  # fmt: skip
_SYNC_ENV = {"OneDrive": "OneDrive", "OneDriveCommercial": "OneDrive", "OneDriveConsumer": "OneDrive"}
# Linux mount types that are another machine's disk.
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "fuse.sshfs", "afs", "ceph", "glusterfs",
               "fuse.rclone", "davfs", "fuse.davfs2"}  # fmt: skip


class Kind(Enum):
    LOCAL = LOCAL
    NETWORK = NETWORK
    SYNCED = SYNCED


@dataclass(frozen=True)
class Location:
    kind: Kind
    detail: str = ""  # "\\\\server\\share", "ổ S:", "OneDrive"…

    @property
    def shared(self) -> bool:
        """Another machine may read or write this file: no WAL here."""
        return self.kind is not Kind.LOCAL

    def warning(self, path: str | Path) -> str:
        """The plain sentence the window shows once (empty for a local disk)."""
        if self.kind is Kind.NETWORK:
            return (
                f"Tệp dữ liệu {path} nằm trên ổ mạng ({self.detail}). Chương trình ghi theo cách an "
                "toàn cho ổ mạng (chậm hơn một chút). Mỗi lúc chỉ một người được sửa; nếu mạng bị "
                "ngắt khi đang lưu, hãy mở lại chương trình. Nên để tệp trên máy mình và sao lưu "
                "lên ổ mạng thì an toàn hơn."
            )
        if self.kind is Kind.SYNCED:
            return (
                f"Tệp dữ liệu {path} nằm trong thư mục được {self.detail} đồng bộ. Chương trình ghi "
                f"theo cách an toàn cho thư mục đồng bộ, nhưng đừng mở cùng tệp này trên hai máy "
                f"cùng lúc: {self.detail} có thể tạo bản xung đột. Đợi {self.detail} đồng bộ xong "
                "trước khi mở tệp trên máy khác."
            )
        return ""


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined,unused-ignore]


def _linux_mount_type(path: str) -> str:
    """The type of the filesystem holding ``path`` (longest mount point), "" if unknown."""
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as fh:
            mounts = [line.split()[1:3] for line in fh if len(line.split()) >= 3]
    except OSError:
        return ""
    best, kind = "", ""
    for point, fstype in mounts:
        point = point.replace("\\040", " ")
        if (path == point or path.startswith(point.rstrip("/") + "/")) and len(point) >= len(best):
            best, kind = point, fstype
    return kind


def _norm(path: str, windows: bool) -> str:
    return path.replace("/", "\\").rstrip("\\").lower() if windows else path.rstrip("/")


def _synced_by(path: str, env: Mapping[str, str], windows: bool) -> str:
    target = _norm(path, windows)
    sep = "\\" if windows else "/"
    for var, name in _SYNC_ENV.items():
        root = env.get(var)
        if root and (target == _norm(root, windows) or target.startswith(_norm(root, windows) + sep)):
            return name
    parts = PureWindowsPath(path).parts if windows else Path(path).parts
    for part in parts[:-1]:  # folders only, not the file's own name
        low = part.lower()
        for marker, name in _SYNC_NAMES.items():
            # "OneDrive - Sở Nội vụ" is OneDrive for work; "Dropbox (Cá nhân)" is Dropbox
            if low == marker or low.startswith(marker + " -") or low.startswith(marker + " ("):
                return name
    return ""


def classify(
    path: str | Path,
    *,
    windows: bool | None = None,
    env: Mapping[str, str] | None = None,
    drive_type: Callable[[str], int] | None = None,
    mount_type: Callable[[str], str] | None = None,
) -> Location:
    """Where ``path`` is. The probes are parameters so tests can play a Windows PC."""
    windows = os.name == "nt" if windows is None else windows
    env = os.environ if env is None else env
    text = os.fspath(path) if windows else os.path.abspath(os.fspath(path))
    if windows:
        win = PureWindowsPath(text.replace("/", "\\"))
        if win.drive.startswith("\\\\"):  # \\server\share: a UNC path is always another machine
            share = win.drive
            if share.lower().startswith("\\\\?\\unc\\"):
                share = "\\\\" + share[8:]
            if not share.startswith("\\\\?\\"):
                return Location(Kind.NETWORK, share)
        elif win.drive:
            probe = drive_type or _windows_drive_type
            try:
                remote = probe(win.drive + "\\") == _DRIVE_REMOTE
            except (OSError, AttributeError, ValueError):
                remote = False
            if remote:
                return Location(Kind.NETWORK, f"ổ {win.drive}")
    else:
        fstype = (mount_type or _linux_mount_type)(text)
        if fstype in _NETWORK_FS:
            return Location(Kind.NETWORK, fstype)
    synced = _synced_by(text, env, windows)
    if synced:
        return Location(Kind.SYNCED, synced)
    return Location(Kind.LOCAL)


def can_write_folder(folder: str | Path) -> bool:
    """True when a file can really be created in ``folder``: tried, not guessed.

    ``os.access`` only reads the old read-only attribute on Windows and ignores ACLs and share
    permissions, so a read-only share looks writable to it."""
    try:
        fd, name = tempfile.mkstemp(prefix=".motcua-thu-ghi-", dir=os.fspath(folder))
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return True


def can_write_file(path: str | Path) -> bool:
    """True when ``path`` can be opened for writing (opened, never changed)."""
    try:
        with open(path, "r+b"):
            return True
    except OSError:
        return False
