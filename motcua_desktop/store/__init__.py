"""SQLite storage through sqlite-utils: migrations, repositories, import/export, backups."""

from .errors import InputRejected, IntegrityRefused, NewerDatabaseError, NotFoundError, StoreError
from .registry import Registry

__all__ = ["InputRejected", "IntegrityRefused", "NewerDatabaseError", "NotFoundError", "Registry", "StoreError"]
