"""SQLite storage through sqlite-utils: migrations, repositories, import/export, backups."""

from .errors import IntegrityRefused, NewerDatabaseError, NotFoundError, StoreError
from .registry import Registry

__all__ = ["IntegrityRefused", "NewerDatabaseError", "NotFoundError", "Registry", "StoreError"]
