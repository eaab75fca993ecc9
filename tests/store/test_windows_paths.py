"""Register paths as a Windows office PC has them: UNC shares, mapped drives, OneDrive.

Simulated on Linux: the Windows path rules are PureWindowsPath's, the drive-type probe and the
environment are parameters. What SQLite accepts is checked with the real SQLite here: it
parses ``file:`` URIs the same way on every platform (only the final path differs)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PureWindowsPath

import pytest

from motcua_desktop.store import Registry
from motcua_desktop.store.location import Kind, classify
from motcua_desktop.store.uri import sqlite_uri

STORE = Path(__file__).resolve().parents[2] / "motcua_desktop" / "store"


def test_a_unc_register_gets_an_empty_authority_uri_that_sqlite_accepts(tmp_path):
    unc = PureWindowsPath(r"\\may-chu\Du lieu\motcua.sqlite")
    # what the old code built (Path.resolve().as_uri() of a UNC path) is refused by SQLite
    with pytest.raises(sqlite3.OperationalError, match="invalid uri authority"):
        sqlite3.connect(unc.as_uri() + "?mode=ro", uri=True)
    assert sqlite_uri(unc, windows=True) == "file:////may-chu/Du%20lieu/motcua.sqlite?mode=ro"
    if os.name == "posix":
        # the same form opens for real: "//tmp/x" is "/tmp/x" to POSIX, so SQLite's parsing of
        # the empty authority and the double slash is what is tested here
        reg = Registry.open(tmp_path / "a.sqlite")
        reg.close()
        conn = sqlite3.connect("file:///" + str(tmp_path / "a.sqlite") + "?mode=ro", uri=True)
        assert conn.execute("SELECT COUNT(*) FROM units").fetchone() == (0,)
        conn.close()


def test_long_unc_and_drive_prefixes_are_written_as_plain_paths():
    assert sqlite_uri(r"\\?\UNC\srv\chung\a.db", windows=True) == "file:////srv/chung/a.db?mode=ro"
    assert sqlite_uri(r"\\?\C:\Dữ liệu\a.db", windows=True) == "file:///C:/D%E1%BB%AF%20li%E1%BB%87u/a.db?mode=ro"


def test_a_mapped_drive_keeps_its_letter_and_special_characters_are_encoded():
    path = PureWindowsPath(r"S:\Phòng #1\Sổ 100%?.sqlite")
    uri = sqlite_uri(path, mode="rw", windows=True)
    assert uri == "file:///S:/Ph%C3%B2ng%20%231/S%E1%BB%95%20100%25%3F.sqlite?mode=rw"
    assert sqlite_uri(path, immutable=True, windows=True).endswith("?mode=ro&immutable=1")


def test_a_vietnamese_folder_with_uri_characters_opens_through_the_uri(tmp_path):
    folder = tmp_path / "Phòng Một cửa #2 ?100%"
    folder.mkdir()
    reg = Registry.open(folder / "sổ.sqlite")
    reg.close()
    conn = sqlite3.connect(sqlite_uri(folder / "sổ.sqlite"), uri=True)
    assert conn.execute("SELECT COUNT(*) FROM units").fetchone() == (0,)
    conn.close()


def test_no_store_module_builds_an_sqlite_uri_by_itself():
    """resolve().as_uri() turns a mapped drive into UNC on Windows: only uri.py writes URIs."""
    offenders = [f.name for f in STORE.rglob("*.py") if f.name != "uri.py" and ".as_uri()" in f.read_text(encoding="utf-8")]
    assert offenders == []


def test_unc_and_remote_drives_are_network_and_a_local_drive_is_not():
    assert classify(r"\\may-chu\chung\motcua.sqlite", windows=True, env={}).kind is Kind.NETWORK
    remote = classify(r"S:\so\motcua.sqlite", windows=True, env={}, drive_type=lambda root: 4)
    assert remote.kind is Kind.NETWORK and remote.detail == "ổ S:"
    fixed = classify(r"C:\so\motcua.sqlite", windows=True, env={}, drive_type=lambda root: 3)
    assert fixed.kind is Kind.LOCAL and not fixed.shared


def test_onedrive_dropbox_and_google_drive_folders_are_recognised():
    env = {"OneDrive": r"C:\Users\lan\OneDrive - Sở Nội vụ"}
    local = {"drive_type": lambda root: 3, "windows": True}
    by_env = classify(r"C:\Users\lan\OneDrive - Sở Nội vụ\Một cửa\motcua.sqlite", env=env, **local)
    assert (by_env.kind, by_env.detail) == (Kind.SYNCED, "OneDrive")
    assert classify(r"D:\Dropbox (Cá nhân)\motcua.sqlite", env={}, **local).detail == "Dropbox"
    assert classify(r"G:\My Drive\motcua.sqlite", env={}, **local).detail == "Google Drive"
    assert classify(r"C:\Users\lan\Documents\motcua.sqlite", env=env, **local).kind is Kind.LOCAL
    # a file merely named like a sync tool is not in a synced folder
    assert classify(r"C:\so\onedrive.sqlite", env={}, **local).kind is Kind.LOCAL
    assert "OneDrive" in by_env.warning("x.sqlite") and "hai máy" in by_env.warning("x.sqlite")


def test_a_linux_network_mount_is_network():
    share = classify("/mnt/chung/motcua.sqlite", windows=False, env={}, mount_type=lambda p: "cifs")
    assert share.kind is Kind.NETWORK and "ổ mạng" in share.warning("/mnt/chung/motcua.sqlite")


def _journal(path: Path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()


def test_a_register_on_a_share_uses_the_rollback_journal_not_wal(tmp_path, monkeypatch):
    from motcua_desktop.store import location

    local = tmp_path / "local.sqlite"
    Registry.open(local).close()
    assert _journal(local) == "wal"
    # the same folder seen as a network share (as GetDriveTypeW says DRIVE_REMOTE on Windows)
    monkeypatch.setattr(location, "_linux_mount_type", lambda path: "cifs")
    monkeypatch.setattr(location, "_windows_drive_type", lambda root: 4)  # DRIVE_REMOTE
    shared = tmp_path / "shared.sqlite"
    reg = Registry.open(shared)
    reg.close()
    assert _journal(shared) == "delete"
    assert not Path(str(shared) + "-wal").exists() and not Path(str(shared) + "-shm").exists()
    # a register that was in WAL on a local disk, then moved to the share, leaves WAL
    Registry.open(local).close()
    assert _journal(local) == "delete"


def test_every_register_gets_an_identity_in_its_header(tmp_path):
    from motcua_desktop.store.health import register_id

    a, b = tmp_path / "a" / "motcua.sqlite", tmp_path / "b" / "motcua.sqlite"
    for p in (a, b):
        p.parent.mkdir()
        Registry.open(p).close()
    assert register_id(a) and register_id(b) and register_id(a) != register_id(b)
    first = register_id(a)
    Registry.open(a).close()
    assert register_id(a) == first  # kept on every later open


def test_a_file_another_program_holds_is_locked_not_damaged(tmp_path, monkeypatch):
    """Windows answers a sharing violation (WinError 32) with PermissionError."""
    from motcua_desktop.store.health import Trouble, diagnose

    path = tmp_path / "motcua.sqlite"
    Registry.open(path).close()
    real_open = type(path).open

    def held(self, *a, **k):
        if self == path:
            exc = PermissionError(13, "The process cannot access the file because it is being used by another process")
            exc.winerror = 32  # type: ignore[attr-defined]
            raise exc
        return real_open(self, *a, **k)

    monkeypatch.setattr(type(path), "open", held)
    trouble, problems = diagnose(path)
    assert trouble is Trouble.LOCKED and "Không đọc được" in problems[0]
