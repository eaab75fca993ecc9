"""The report being edited, kept on disk while it is unsaved, so that a crash or a power cut
loses nothing: the next start offers it back.

One draft per register, in the per-user data folder (``ban-nhap/``), named by the register's
resolved path; written to a temporary file, flushed to disk and renamed into place, so a kill
at any moment leaves either the previous draft or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import userdata
from .files import written_whole
from .reports import SavedReport, _from_row, _to_row

DRAFT_FOLDER = "ban-nhap"
_FORMAT = 1


@dataclass(frozen=True)
class Draft:
    report: SavedReport
    saved_at: datetime  # when the draft was written (local time)


def draft_path(register: str | Path) -> Path:
    key = hashlib.sha256(str(Path(register).resolve()).encode("utf-8")).hexdigest()[:20]
    return userdata.data_dir() / DRAFT_FOLDER / f"{key}.json"


def save_draft(register: str | Path, report: SavedReport) -> Path:
    """Keep ``report`` as the register's draft (replacing the previous one)."""
    target = draft_path(register)
    target.parent.mkdir(parents=True, exist_ok=True)
    row: dict[str, Any] = _to_row(report)
    payload = {
        "format": _FORMAT,
        "register": str(Path(register).resolve()),
        "saved_at": datetime.now().isoformat(timespec="seconds"),
        "id": report.id,
        "report": row,
    }
    with written_whole(target, ".tmp") as temp, open(temp, "w", encoding="utf-8") as out:
        json.dump(payload, out, ensure_ascii=False)
        out.flush()
        os.fsync(out.fileno())  # on disk before it replaces the last draft: survives a power cut
    return target


def load_draft(register: str | Path) -> Draft | None:
    """The register's draft, or None when there is none (or it cannot be read back)."""
    path = draft_path(register)
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
        if payload.get("format") != _FORMAT:
            return None
        row = dict(payload["report"])
        row["id"] = payload.get("id")
        return Draft(_from_row(row), datetime.fromisoformat(payload["saved_at"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def discard_draft(register: str | Path) -> None:
    """Forget the register's draft (it was saved, or the user dropped it)."""
    draft_path(register).unlink(missing_ok=True)
    draft_path(register).with_suffix(".tmp").unlink(missing_ok=True)  # left by versions before written_whole
