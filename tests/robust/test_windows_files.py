"""Failures a Windows office PC would meet with its files, reproduced on Linux.

- os.access says "writable" for a read-only share (it ignores ACLs and share rights on Windows):
  simulated by making os.access always answer True over a really read-only folder.
- A -wal still open by another program cannot be renamed on Windows: simulated by os.replace
  refusing it with PermissionError, as Windows does.
- Two registers of the same name (the shared one and the user's own motcua.sqlite) whose
  backups sit in one folder.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from motcua_desktop.store import Registry
from motcua_desktop.store import backup as backup_module
from motcua_desktop.store.backup import backup_to, list_backups, newest_good_backup, restore_from
from motcua_desktop.store.errors import StoreError
from motcua_desktop.store.health import quick_check

from .helpers import content, corrupt


def _wal_register(folder: Path) -> Path:
    """A register left in WAL with its -wal beside it (as after a crash of the window)."""
    path = folder / "motcua.sqlite"
    reg = Registry.open(path)
    reg.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
    from motcua_desktop.store.sample import load_sample

    load_sample(reg)
    keep = sqlite3.connect(str(path))  # holds the WAL open while we copy it
    keep.execute("SELECT 1 FROM units").fetchone()
    return path


def test_a_read_only_share_whose_os_access_lies_is_read_not_called_damaged(sample_db_path, read_only_folder, monkeypatch):
    folder = read_only_folder(sample_db_path)
    monkeypatch.setattr(os, "access", lambda *a, **k: True)  # Windows: ACLs are not looked at
    assert quick_check(folder / sample_db_path.name) == []
    reg = Registry.open(folder / sample_db_path.name, read_only=True)
    try:
        assert len(reg.units.list()) == 21
    finally:
        reg.close()


def test_backups_of_another_register_with_the_same_name_are_never_offered(tmp_path):
    shared_dir, mine_dir, backups = tmp_path / "o-mang", tmp_path / "cua-toi", tmp_path / "sao-luu"
    for d in (shared_dir, mine_dir, backups):
        d.mkdir()
    shared, mine = shared_dir / "motcua.sqlite", mine_dir / "motcua.sqlite"
    for p in (shared, mine):
        Registry.open(p).close()
    own = backup_to(shared, backups)
    newer_other = backup_to(mine, backups)  # same stem, made later: newest by name and date
    assert newer_other.name > own.name or newer_other.stat().st_mtime >= own.stat().st_mtime
    corrupt(shared)
    assert [b.path for b in list_backups(shared, [backups])] == [own]
    assert newest_good_backup(shared, [backups]).path == own
    # and the other way round: the user's own register does not see the shared one's backup
    assert [b.path for b in list_backups(mine, [backups])] == [newer_other]


def test_a_renamed_register_still_finds_its_backups(sample_db_path, tmp_path):
    made = backup_to(sample_db_path, tmp_path)
    renamed = sample_db_path.with_name("so-2025.sqlite")
    sample_db_path.rename(renamed)
    assert [b.path for b in list_backups(renamed, [tmp_path])] == [made]


def test_a_restore_whose_wal_cannot_move_puts_the_register_back(tmp_path, monkeypatch):
    path = _wal_register(tmp_path)
    assert Path(str(path) + "-wal").stat().st_size > 0
    made = backup_to(path, tmp_path / "..")
    before = content(path)
    real_replace = os.replace

    def windows_replace(src, dst):
        if str(src).endswith("-wal"):
            raise PermissionError(13, "The process cannot access the file because it is being used")
        return real_replace(src, dst)

    monkeypatch.setattr(backup_module.os, "replace", windows_replace)
    with pytest.raises(StoreError, match="đang được một chương trình khác mở"):
        restore_from(path, made)
    monkeypatch.undo()
    # the register is where it was, with its -wal, and reads as before (not an empty new file)
    assert path.exists() and Path(str(path) + "-wal").exists()
    assert content(path) == before
    assert not [p for p in tmp_path.iterdir() if "truoc-phuc-hoi" in p.name]


def test_fsync_opens_the_copy_for_writing(tmp_path, monkeypatch):
    """FlushFileBuffers (Windows' fsync) needs a handle with write access."""
    target = tmp_path / "x.sqlite"
    target.write_bytes(b"x")
    flags: list[int] = []
    real_open = os.open
    monkeypatch.setattr(backup_module.os, "open", lambda p, f, *a: flags.append(f) or real_open(p, f, *a))
    backup_module._fsync(target)
    assert flags and flags[0] & (os.O_WRONLY | os.O_RDWR)


def test_a_copy_of_a_register_keeps_its_identity_and_its_backups(sample_db_path, tmp_path):
    made = backup_to(sample_db_path, tmp_path)
    copy = tmp_path / "ban-sao" / "motcua.sqlite"
    copy.parent.mkdir()
    shutil.copyfile(sample_db_path, copy)
    assert [b.path for b in list_backups(copy, [tmp_path])] == [made]


def test_a_backup_folder_that_cannot_be_written_is_not_chosen_even_if_os_access_says_yes(
    sample_db_path, read_only_folder, monkeypatch
):
    from motcua_desktop.store.backup import BackupConfig
    from motcua_desktop.userdata import backup_dir

    share = read_only_folder(sample_db_path)
    monkeypatch.setattr(os, "access", lambda *a, **k: True)  # Windows: ACLs are not looked at
    assert BackupConfig(share, 5).target_folder() == backup_dir()


def _without_identity(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()


def test_backups_made_before_identities_are_listed_by_name_but_never_offered_by_default(tmp_path):
    folder, backups = tmp_path / "so", tmp_path / "sao-luu"
    folder.mkdir()
    backups.mkdir()
    path = folder / "motcua.sqlite"
    Registry.open(path).close()
    old = backup_to(path, backups)
    _without_identity(old)  # as made by the previous version
    # the user can still pick it (backup menu, pruning sees it) …
    assert [b.path for b in list_backups(path, [backups])] == [old]
    # … but the recovery dialog does not propose a file it cannot tie to this register
    corrupt(path)
    assert newest_good_backup(path, [backups]) is None
    # a register that has no identity either (never opened by this version) still finds it
    other = tmp_path / "cu" / "motcua.sqlite"
    other.parent.mkdir()
    Registry.open(other).close()
    _without_identity(other)
    assert newest_good_backup(other, [backups]).path == old
