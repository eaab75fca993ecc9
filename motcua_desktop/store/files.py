"""Files that appear whole or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def written_whole(target: Path, suffix: str) -> Iterator[Path]:
    """A temporary file beside ``target`` to write into; it replaces ``target`` when the block
    ends without error and is deleted otherwise, so a failure (a full disk, a bug) never leaves
    a half-written file. The folder is created if missing; OSError reaches the caller."""
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".motcua-", suffix=suffix, dir=folder)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
