"""The organisation's settings (issuing body, signer, recipients), kept as JSON in one row."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from ..domain.model import OrgSettings
from ..domain.validation import clean_settings
from .connection import Database
from .database import transaction
from .writes import upsert_row

_KEY = "organisation"


def settings_from_dict(data: dict[str, Any]) -> OrgSettings:
    """Settings from their JSON form: unknown keys (from a newer version) are dropped and
    lists become the tuples the record holds."""
    known = {f.name for f in dataclasses.fields(OrgSettings)}
    values: dict[str, Any] = {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in data.items()
        if name in known
    }
    return OrgSettings(**values)


class SettingsRepository:
    def __init__(self, db: Database):
        self.db = db

    def get(self) -> OrgSettings:
        row = self.db.conn.execute("SELECT value FROM settings WHERE key = ?", [_KEY]).fetchone()
        if row is None:
            return OrgSettings()
        return settings_from_dict(json.loads(row[0]))

    def save(self, settings: OrgSettings) -> OrgSettings:
        settings = clean_settings(settings)
        with transaction(self.db):
            value = json.dumps(dataclasses.asdict(settings), ensure_ascii=False)
            upsert_row(self.db.conn, "settings", {"key": _KEY, "value": value}, ["key"])
        return settings

    def put_back(self, settings: OrgSettings) -> None:
        """Undo of a change: the settings as they were, also the blank ones of a new register
        (which :meth:`save` would refuse as incomplete)."""
        if settings == OrgSettings():
            with transaction(self.db):
                self.db.conn.execute("DELETE FROM settings WHERE key = ?", [_KEY])
        else:
            self.save(settings)
