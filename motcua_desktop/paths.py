"""Where the app's own files are: a source checkout, an installed wheel or a PyInstaller bundle.

Every lookup of migrations, sample data, fonts, icons and translations goes through here,
so the three layouts differ in one place only.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """The folder holding ``db/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    installed = _PACKAGE_DIR / "_data"
    if (installed / "db").is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent
    if (checkout / "db").is_dir():
        return checkout
    raise FileNotFoundError(
        f"Không tìm thấy dữ liệu của chương trình (thư mục db/ và resources/) quanh {_PACKAGE_DIR}"
    )


def migrations_dir() -> Path:
    return data_root() / "db" / "migrations"


def sample_dir() -> Path:
    return data_root() / "db" / "sample"


def resources_dir() -> Path:
    return data_root() / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def docs_dir() -> Path:
    """The user guide: ``docs/`` in a checkout, ``resources/docs`` when packaged."""
    packaged = resources_dir() / "docs"
    if packaged.is_dir():
        return packaged
    return data_root() / "docs"
