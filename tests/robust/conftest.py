"""Fixtures for the fault tests: a read-only folder and a tiny disk, real ones where possible."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _is_root() -> bool:
    return os.name == "posix" and os.geteuid() == 0


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True, timeout=60).returncode == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs: the disk really fills up (needs root, as CI runs; skipped otherwise)."""
    folder = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    if not _is_root() or not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)):
        pytest.skip("cần quyền root để tạo một ổ đĩa nhỏ (tmpfs)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=60)


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """``make(files)`` copies files into a folder that then refuses every write, even to root
    (a read-only mount when root, permissions otherwise); returns the folder."""
    mounted: list[Path] = []
    chmodded: list[Path] = []

    def make(*files: Path) -> Path:
        if os.name != "posix":  # Windows: a folder's read-only attribute does not stop new files
            pytest.skip("thư mục chỉ đọc cần quyền POSIX hoặc mount (không có trên Windows)")
        folder = tmp_path / f"ro-{uuid.uuid4().hex[:6]}"
        folder.mkdir()
        if _is_root():
            if not _mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)):
                pytest.skip("không tạo được thư mục chỉ đọc (mount)")
            mounted.append(folder)
            for f in files:
                shutil.copy2(f, folder / f.name)
            if not _mount("-o", "remount,ro", str(folder)):
                pytest.skip("không chuyển được thư mục sang chỉ đọc")
        else:
            for f in files:
                shutil.copy2(f, folder / f.name)
                (folder / f.name).chmod(0o444)
            folder.chmod(0o555)
            chmodded.append(folder)
        return folder

    yield make
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=60)
    for folder in chmodded:
        folder.chmod(0o755)
