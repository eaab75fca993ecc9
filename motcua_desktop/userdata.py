"""Where the user's own files live: the register, backups, logs (per user, per platform)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "MotCua"
DB_FILE = "motcua.sqlite"


def data_dir() -> Path:
    """%LOCALAPPDATA%\\MotCua on Windows, ~/.local/share/MotCua on Linux.

    ``MOTCUA_DATA_DIR`` overrides it (tests, portable installs).
    """
    override = os.environ.get("MOTCUA_DATA_DIR")
    folder = Path(override) if override else user_data_path(APP_NAME, appauthor=False, roaming=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    return data_dir() / DB_FILE


def backup_dir() -> Path:
    return data_dir() / "backups"


def log_dir() -> Path:
    return data_dir() / "logs"
