"""The register: one open data file and its repositories, passed explicitly to whoever needs it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.counting import Shortfall, StaffTable, count_staff, equipment_shortfall, staff_table
from ..domain.templates import ReportTemplate
from .connection import Database
from .database import open_database, transaction
from .equipment import EquipmentRepository
from .reports import ReportRepository
from .settings import SettingsRepository
from .staff import StaffRepository
from .summary import RegisterSummary, summarize
from .templates import TemplateRepository
from .units import UnitRepository


class Registry:
    def __init__(self, db: Database, path: Path | None = None, *, read_only: bool = False):
        self.db = db
        self.path = path
        self.read_only = read_only
        self.closed = False
        self.units = UnitRepository(db)
        self.staff = StaffRepository(db)
        self.equipment = EquipmentRepository(db)
        self.settings = SettingsRepository(db)
        self.reports = ReportRepository(db)
        self.templates = TemplateRepository(db)

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, **kwargs: Any) -> Registry:
        from .backup import backup_before_migration

        path = Path(path)
        kwargs.setdefault("before_migrate", backup_before_migration)  # a copy before any schema change
        return cls(open_database(path, read_only=read_only, **kwargs), path, read_only=read_only)

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """Group several repository calls into one user action."""
        with transaction(self.db) as db:
            yield db

    @contextmanager
    def undoing_add(self) -> Iterator[Database]:
        """One transaction for taking back an add (Ctrl+Z on a new unit, person, report…): the
        history rows it writes are marked ``by_undo`` (migration 0009) on success, so the
        record it removes is not offered in the trash as if the user had deleted it. Not for
        undoing a restore from the trash: that deletion belongs back in the trash."""
        with transaction(self.db) as db:
            mark = db.conn.execute("SELECT COALESCE(MAX(id), 0) FROM change_history").fetchone()[0]
            yield db
            db.conn.execute("UPDATE change_history SET by_undo = 1 WHERE id > ?", [mark])

    def close(self) -> None:
        self.closed = True
        self.db.close()

    def staff_table(self, as_of: date) -> StaffTable:
        """The appendix's rows and totals as of a day."""
        return staff_table(self.units.list(), count_staff(self.staff.spans(), as_of))

    def summary(self, day: date) -> RegisterSummary:
        """How many units, staff (ever, and working on ``day``), devices and catalogue entries."""
        return summarize(self.db, day)

    def shortfall(self) -> list[Shortfall]:
        return equipment_shortfall(
            self.units.list(), self.equipment.types(), self.equipment.items()
        )

    def level(self) -> str | None:
        """The level the register reports at (office code, else its highest unit level)."""
        from ..domain.templates import register_level

        levels = [c.code for c in self.units.levels()]
        units = [u.level for u in self.units.list()]
        return register_level(self.settings.get().office_code, units, levels)

    def template_for(self, key: str, day: date) -> ReportTemplate:
        """The template named ``key``; blank or unknown: the register level's, valid on ``day``."""
        from ..domain.templates import ERA_REFORM, choose_template
        from .errors import NotFoundError

        if key:
            try:
                return self.templates.get(key)
            except NotFoundError:
                pass
        level = self.level() or ("xa" if day >= ERA_REFORM else "huyen")
        return choose_template(self.templates.all(), level, day)

    def is_empty(self) -> bool:
        return self.db.conn.execute("SELECT 1 FROM units LIMIT 1").fetchone() is None
