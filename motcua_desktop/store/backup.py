"""Backups made with SQLite's online backup API, verified after writing, and restore.

A backup is a dated copy ``<name>_<YYYY-MM-DD_HH-MM-SS>_<kind>.sqlite``. Automatic ones
(first start of the day, quitting after changes) are pruned to a configurable number;
manual ones and those made before a schema migration are never pruned. Restore keeps the
file it replaces (damaged or not) next to it under a dated name: nothing is overwritten.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .. import userdata
from .errors import StoreError
from .health import check_file, quick_check, read_only_uri, register_id
from .liveness import process_alive
from .location import can_write_folder

log = logging.getLogger(__name__)

KIND_AUTO = "tu-dong"
KIND_MANUAL = "thu-cong"
KIND_MIGRATION = "truoc-cap-nhat"
KIND_LABELS = {KIND_AUTO: "tự động", KIND_MANUAL: "thủ công", KIND_MIGRATION: "trước khi cập nhật"}
RESTORE_KEPT = "truoc-phuc-hoi"
DEFAULT_KEEP = 10
_STAMP = "%Y-%m-%d_%H-%M-%S"
_NAME = re.compile(
    r"^(?P<stem>.+)_(?P<stamp>\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d)(?:-(?P<n>\d+))?_(?P<kind>[a-z-]+)\.sqlite$"
)
_CONFIG_FILE = "sao-luu.json"


@dataclass
class BackupConfig:
    """Where automatic backups go (None: the data folder's ``backups``) and how many are kept.

    Kept as JSON in the per-user data folder, not in the register, so it can be read when
    the register itself is damaged.
    """

    folder: Path | None = None
    keep: int = DEFAULT_KEEP

    @classmethod
    def load(cls) -> BackupConfig:
        file = userdata.data_dir() / _CONFIG_FILE
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            folder = data.get("folder") or None
            keep = max(1, int(data.get("keep", DEFAULT_KEEP)))
            return cls(Path(folder) if folder else None, keep)
        except (OSError, ValueError, TypeError, AttributeError):
            return cls()

    def save(self) -> None:
        if self.keep < 1:
            raise StoreError("Số bản sao lưu tự động được giữ lại phải từ 1 trở lên.")
        data = {"folder": str(self.folder) if self.folder else None, "keep": self.keep}
        file = userdata.data_dir() / _CONFIG_FILE
        file.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    def target_folder(self) -> Path:
        """The chosen folder when it is there (a USB stick may be unplugged), else the default."""
        if self.folder is not None and self.folder.is_dir() and can_write_folder(self.folder):
            return self.folder
        if self.folder is not None:
            log.warning("Thư mục sao lưu %s không dùng được; dùng thư mục mặc định", self.folder)
        return userdata.backup_dir()

    def folders(self) -> list[Path]:
        """Every folder backups may be in, the chosen one first."""
        out = [self.folder] if self.folder is not None else []
        return [*out, userdata.backup_dir()]


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    kind: str

    @property
    def label(self) -> str:
        when = self.made_at.strftime("%d/%m/%Y %H:%M:%S")
        return f"{when} ({KIND_LABELS.get(self.kind, self.kind)}) — {self.path.name}"


def backup_name(db_path: Path, kind: str, when: datetime | None = None) -> str:
    when = when or datetime.now()
    return f"{Path(db_path).stem}_{when.strftime(_STAMP)}_{kind}.sqlite"


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    n = 2
    while target.exists():
        m = _NAME.match(name)
        if m:  # keep the name parseable: the counter goes after the time
            target = folder / f"{m['stem']}_{m['stamp']}-{n}_{m['kind']}.sqlite"
        else:
            target = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    return target


def _os_message(exc: OSError, where: Path) -> StoreError:
    import errno

    if exc.errno == errno.ENOSPC:
        return StoreError(f"Ổ đĩa chứa {where} đã đầy, không ghi được bản sao lưu. Dữ liệu không thay đổi.")
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StoreError(f"Không ghi được vào {where}: thư mục chỉ cho phép đọc. Hãy chọn nơi khác.")
    return StoreError(f"Không ghi được bản sao lưu vào {where} ({exc.strerror or exc}).")


def _sqlite_message(exc: sqlite3.Error, where: Path) -> StoreError:
    text = str(exc).lower()
    if "full" in text:
        return StoreError(f"Ổ đĩa chứa {where} đã đầy, không ghi được bản sao lưu. Dữ liệu không thay đổi.")
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StoreError(f"Không ghi được vào {where}: thư mục chỉ cho phép đọc hoặc không tồn tại.")
    return StoreError(f"Không sao lưu được vào {where} ({exc}).")


def _fsync(path: Path) -> None:
    """Push the copy to the device: a USB stick may be pulled out right after.

    Opened for writing: on Windows ``os.fsync`` is ``FlushFileBuffers``, which fails with
    "access denied" on a handle opened read-only, so a read-only open flushed nothing there."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def copy_database(source: sqlite3.Connection, target: Path) -> Path:
    """Copy an open database into ``target`` (a new file) and verify the copy.

    Written to a temporary name first and renamed only when ``integrity_check`` passes, so a
    failed or interrupted backup never leaves a file that looks like a good one.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        dest = sqlite3.connect(str(tmp))
    except sqlite3.Error as exc:
        raise _sqlite_message(exc, target.parent) from exc
    try:
        try:
            source.backup(dest)
            # A self-contained file on the stick: no -wal/-shm beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
            result = [r[0] for r in dest.execute("PRAGMA integrity_check")]
        finally:
            dest.close()
        if result != ["ok"]:
            raise StoreError(
                f"Bản sao lưu {target.name} không đạt kiểm tra toàn vẹn nên đã bị hủy; "
                "tệp dữ liệu gốc có thể đã hỏng (chạy: motcua check)."
            )
        _fsync(tmp)
        os.replace(tmp, target)
    except sqlite3.Error as exc:
        raise _sqlite_message(exc, target.parent) from exc
    except OSError as exc:
        raise _os_message(exc, target.parent) from exc
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)
    return target


def _open_source(db_path: Path) -> sqlite3.Connection:
    problems = quick_check(db_path)
    if problems:
        raise StoreError(" ".join(problems) + " Không sao lưu một tệp hỏng.")
    try:
        return sqlite3.connect(read_only_uri(db_path), uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise StoreError(f"Không mở được tệp dữ liệu {db_path} để sao lưu ({exc}).") from exc


def backup_to(db_path: str | Path, out: str | Path, *, kind: str = KIND_MANUAL) -> Path:
    """Back up ``db_path`` to the file ``out``, or to a dated file when ``out`` is a folder."""
    db_path, out = Path(db_path), Path(out)
    if out.is_dir():
        target = _free_name(out, backup_name(db_path, kind))
    else:
        if not out.parent.is_dir():
            raise StoreError(f"Không có thư mục {out.parent} để ghi bản sao lưu.")
        if out.exists():
            raise StoreError(f"Tệp {out} đã có; chọn tên khác (bản sao lưu không ghi đè tệp nào).")
        target = out
    if target.resolve() == db_path.resolve():
        raise StoreError("Không thể sao lưu tệp dữ liệu đè lên chính nó.")
    source = _open_source(db_path)
    try:
        return copy_database(source, target)
    finally:
        source.close()


def _same_register(stem: str, backup: Path, wanted: int | None, legacy: bool) -> bool:
    """A backup belongs to the register whose identity it carries. A backup made before
    identities existed (none in its header) goes by file name, when ``legacy`` allows it or
    the register has no identity either."""
    found = register_id(backup)
    if found is not None:
        return found == wanted
    if wanted is not None and not legacy:
        return False
    m = _NAME.match(backup.name)
    return m is not None and m["stem"] == stem


def list_backups(
    db_path: str | Path, folders: Iterable[Path] | None = None, *, legacy: bool = True
) -> list[BackupInfo]:
    """Dated backups of this register in ``folders`` (default: the configured ones), newest first.

    Matched by the register's identity (in its header), not by file name: another
    register called ``motcua.sqlite`` (the user's local one beside a shared one) has
    backups with the same name and must never be offered for this one. Backups older than
    identities are listed by name (``legacy``), for the user to choose among, never offered
    by :func:`newest_good_backup` for a register that has an identity."""
    db_path = Path(db_path)
    stem, wanted = db_path.stem, register_id(db_path)
    found: dict[Path, tuple[tuple[object, ...], BackupInfo]] = {}
    for folder in folders if folders is not None else BackupConfig.load().folders():
        try:
            entries = list(Path(folder).iterdir())
        except OSError:
            continue
        for file in entries:
            m = _NAME.match(file.name)
            if m and file.is_file() and _same_register(stem, file, wanted, legacy):
                made = datetime.strptime(m["stamp"], _STAMP)
                # two backups in one second: the counter after the time orders them
                order = (made, int(m["n"] or 1), file.name)
                found[file.resolve()] = (order, BackupInfo(file, made, m["kind"]))
    return [info for _, info in sorted(found.values(), key=lambda x: x[0], reverse=True)]


def newest_good_backup(db_path: str | Path, folders: Iterable[Path] | None = None) -> BackupInfo | None:
    """The newest backup of this very register that passes the full integrity check (a
    damaged one is skipped): the one the recovery dialog offers by default."""
    for info in list_backups(db_path, folders, legacy=False):
        if not check_file(info.path):
            return info
    return None


def prune(db_path: str | Path, folder: Path, keep: int) -> list[Path]:
    """Delete the oldest automatic backups beyond ``keep``; others are never deleted."""
    autos = [b for b in list_backups(db_path, [folder]) if b.kind == KIND_AUTO]
    removed = []
    for info in autos[max(keep, 1):]:
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError as exc:
            log.warning("Không xóa được bản sao lưu cũ %s: %s", info.path, exc)
    return removed


def automatic_backup(db_path: str | Path, config: BackupConfig | None = None) -> Path:
    """An automatic backup into the configured folder, then the old ones pruned."""
    config = config or BackupConfig.load()
    folder = config.target_folder()
    folder.mkdir(parents=True, exist_ok=True)
    made = backup_to(db_path, folder, kind=KIND_AUTO)
    prune(db_path, folder, config.keep)
    return made


def daily_backup(
    db_path: str | Path, config: BackupConfig | None = None, today: date | None = None
) -> Path | None:
    """At start: an automatic backup unless one was already made today (None then)."""
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    config = config or BackupConfig.load()
    today = today or date.today()
    if any(b.made_at.date() == today and b.kind == KIND_AUTO for b in list_backups(db_path, config.folders())):
        return None
    return automatic_backup(db_path, config)


def backup_before_migration(path: Path, conn: sqlite3.Connection) -> Path:
    """``open_database``'s ``before_migrate`` hook: a copy of the file as it was before the
    schema changes. If it cannot be made, the migration does not run."""
    folder = BackupConfig.load().target_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _os_message(exc, folder) from exc
    target = _free_name(folder, backup_name(path, KIND_MIGRATION))
    try:
        return copy_database(conn, target)
    except StoreError as exc:
        raise StoreError(
            f"Không cập nhật cấu trúc tệp dữ liệu vì chưa sao lưu được trước: {exc} "
            "Tệp dữ liệu không bị thay đổi."
        ) from exc


def _sidecars(path: Path) -> list[tuple[Path, str]]:
    return [(path.with_name(path.name + s), s) for s in ("-wal", "-shm", "-journal")]


def restore_from(db_path: str | Path, backup_file: str | Path) -> Path | None:
    """Put a verified backup in place of ``db_path``; returns where the replaced file was kept.

    The current file (and its WAL) is renamed, never overwritten or deleted, so a damaged
    register can still be sent for rescue. Close every connection to ``db_path`` first.
    """
    from .connection import Database
    from .database import migration_files, schema_state

    db_path, backup_file = Path(db_path), Path(backup_file)
    holder = open_elsewhere(db_path)
    if holder:
        raise StoreError(
            f"Tệp dữ liệu {db_path} đang mở trong cửa sổ Một Cửa ({holder}). "
            "Hãy đóng cửa sổ đó rồi phục hồi; không có gì bị thay đổi."
        )
    problems = check_file(backup_file)
    if problems:
        raise StoreError(f"Bản sao lưu {backup_file} không dùng được: " + " ".join(problems))
    if backup_file.resolve() == db_path.resolve():
        raise StoreError("Bản sao lưu chính là tệp dữ liệu đang dùng; hãy chọn một bản sao lưu khác.")
    if not db_path.parent.is_dir():
        raise StoreError(f"Không có thư mục {db_path.parent} để phục hồi vào.")
    try:
        source = sqlite3.connect(read_only_uri(backup_file), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"Không mở được bản sao lưu {backup_file} ({exc}).") from exc
    try:
        _, unknown = schema_state(Database(source), [f.stem for f in migration_files()])
        if unknown:
            raise StoreError(
                f"Bản sao lưu {backup_file.name} do phiên bản mới hơn của chương trình tạo ra; "
                "hãy cài phiên bản mới hơn để phục hồi nó. Không có gì bị thay đổi."
            )
        staged = copy_database(source, _free_name(db_path.parent, f".{db_path.name}.phuc-hoi"))
    finally:
        source.close()
    kept = None
    moved: list[tuple[Path, Path]] = []  # undone in reverse if any step fails
    try:
        if db_path.exists():
            stamp = datetime.now().strftime(_STAMP)
            kept = _free_name(db_path.parent, f"{db_path.stem}_{stamp}_{RESTORE_KEPT}{db_path.suffix or '.sqlite'}")
            # the -wal/-shm first: on Windows one still open elsewhere refuses to move, and the
            # main file must then stay where it is (alone it would open as an empty register)
            for side, suffix in [*_sidecars(db_path), (db_path, "")]:
                if side.exists():
                    target = kept.with_name(kept.name + suffix)
                    os.replace(side, target)
                    moved.append((side, target))
        os.replace(staged, db_path)
    except PermissionError as exc:  # Windows: another program still has the file open
        _undo_moves(moved)
        staged.unlink(missing_ok=True)
        raise StoreError(
            f"Không thay được tệp dữ liệu {db_path}: tệp đang được một chương trình khác mở "
            "(có thể là một cửa sổ Một Cửa). Hãy đóng chương trình đó rồi thử lại."
        ) from exc
    except OSError as exc:
        _undo_moves(moved)
        staged.unlink(missing_ok=True)
        raise _os_message(exc, db_path.parent) from exc
    return kept


def _undo_moves(moved: list[tuple[Path, Path]]) -> None:
    for original, target in reversed(moved):
        try:
            os.replace(target, original)
        except OSError as exc:  # pragma: no cover - the message below still names both files
            log.error("Không trả lại được %s về %s: %s", target, original, exc)


def open_elsewhere(db_path: Path) -> str:
    """Who holds the window's write lock (``<file>.lock``, written by QLockFile) if it is
    another live process on this machine; "" otherwise. Read as text: no Qt in the store."""
    import socket

    try:
        lines = (Path(db_path).with_name(Path(db_path).name + ".lock")).read_text(
            encoding="utf-8", errors="replace").splitlines()  # fmt: skip
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return ""
    host = lines[2] if len(lines) > 2 else ""
    if pid == os.getpid():
        return ""  # this process's own window, which closed the file before restoring
    if host and host != socket.gethostname():
        return f"máy {host}"
    if not process_alive(pid):
        return ""  # a crashed window's stale lock
    return f"tiến trình số {pid}"
