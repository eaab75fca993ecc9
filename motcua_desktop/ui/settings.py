"""The window's own preferences (geometry, column widths, last tab, recent files), declared
once with their types and defaults behind one accessor over an INI-format ``QSettings``.

The file lives in the per-user data folder (``MOTCUA_DATA_DIR`` in tests), never in the
registry or ``~/.config`` of whoever runs the tests.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from .. import userdata

SETTINGS_FILE = "giao_dien.ini"
MAX_RECENT = 8


class UiSettings:
    """Typed accessors; each key is named here and nowhere else."""

    def __init__(self, path: Path | None = None):
        self.path = path or userdata.data_dir() / SETTINGS_FILE
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # window -----------------------------------------------------------------------------
    @property
    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    @property
    def last_tab(self) -> str:
        return str(self._qs.value("window/last_tab", "", str))

    @last_tab.setter
    def last_tab(self, name: str) -> None:
        self._qs.setValue("window/last_tab", name)

    def column_state(self, table: str) -> QByteArray | None:
        """Column widths and visibility the user set (earlier versions' automatic widths,
        kept under ``tables/``, are not used: they were often measured on an empty list)."""
        value = self._qs.value(f"columns/{table}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_column_state(self, table: str, state: QByteArray) -> None:
        self._qs.setValue(f"columns/{table}", state)

    def clear_column_state(self, table: str) -> None:
        self._qs.remove(f"columns/{table}")

    # files ------------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        value = self._qs.value("files/recent", [])
        if isinstance(value, str):  # QSettings gives a bare string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_file(self, path: str | Path) -> None:
        text = str(Path(path).resolve())
        items = [p for p in self.recent_files if p != text]
        self._qs.setValue("files/recent", [text, *items][:MAX_RECENT])

    def remove_recent_file(self, path: str) -> None:
        self._qs.setValue("files/recent", [p for p in self.recent_files if p != path])

    def has_last_directory(self) -> bool:
        return self._qs.contains("files/last_directory")

    @property
    def last_directory(self) -> str:
        return str(self._qs.value("files/last_directory", str(Path.home()), str))

    @last_directory.setter
    def last_directory(self, folder: str | Path) -> None:
        self._qs.setValue("files/last_directory", str(folder))

    # staff tab --------------------------------------------------------------------------
    @property
    def show_former_staff(self) -> bool:
        return bool(self._qs.value("staff/show_former", False, bool))

    @show_former_staff.setter
    def show_former_staff(self, value: bool) -> None:
        self._qs.setValue("staff/show_former", bool(value))

    # import column mapping ------------------------------------------------------------
    def import_choices(self, signature: str) -> dict[str, dict[str, str]] | None:
        """What the user chose last time for a sheet with these headers (see ``import_mapping``)."""
        import json

        text = str(self._qs.value(f"import_mapping/{_setting_key(signature)}", "", str))
        try:
            value = json.loads(text) if text else None
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def set_import_choices(self, signature: str, choices: dict[str, dict[str, str]]) -> None:
        import json

        self._qs.setValue(f"import_mapping/{_setting_key(signature)}", json.dumps(choices, ensure_ascii=False))


def _setting_key(signature: str) -> str:
    import hashlib

    return hashlib.sha1(signature.encode("utf-8")).hexdigest()[:16]
