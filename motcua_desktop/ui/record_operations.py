"""The undoable operations on what is not a unit, a person or equipment: saved reports, the
user's report templates, the value lists of levels and kinds, and bringing a record back
from the trash. Part of :class:`.operations.Operations` (one method per action)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..domain.model import Choice
from ..domain.templates import ReportTemplate
from ..store.errors import NotFoundError
from ..store.registry import Registry
from ..store.reports import SavedReport
from ..store.templates import user_key
from ..store.trash import Restored, describe, restore, trash
from .commands import Area

# What undoing a restore deletes again, per table (a person takes their assignments along,
# a catalogue entry its norms: the trash groups them back under their owner).
_DELETE = {
    "units": lambda reg, i: reg.units.delete(i),
    "people": lambda reg, i: reg.staff.delete_person(i),
    "assignments": lambda reg, i: reg.staff.delete_assignment(i),
    "equipment": lambda reg, i: reg.equipment.delete_item(i),
    "equipment_types": lambda reg, i: reg.equipment.delete_type(i),
    "reports": lambda reg, i: reg.reports.delete(i),
}
# The areas of the window a restore of each table changes.
_AREAS = {"units": Area.UNITS, "people": Area.STAFF, "assignments": Area.STAFF,
          "equipment": Area.EQUIPMENT, "equipment_types": Area.EQUIPMENT, "reports": Area.REPORTS}  # fmt: skip


class RecordOperations:
    registry: Registry
    _run: Callable[[str, Callable[[], None], Callable[[], None], Area], None]

    def _unadd(self, undo: Callable[[], None]) -> Callable[[], None]:
        """The undo of an add, in one transaction whose deletions stay out of the trash
        (:meth:`Registry.undoing_add`); the undo of a restore is not one of these."""

        def run() -> None:
            with self.registry.undoing_add():
                undo()

        return run

    # saved reports ----------------------------------------------------------------------
    def save_report(self, report: SavedReport) -> SavedReport:
        """Store a new report or the edits of one; undo removes the new one or puts the
        previous text back."""
        reports = self.registry.reports
        before = reports.get(report.id) if report.id is not None else None
        made: dict[str, SavedReport] = {}

        def do() -> None:
            if before is None and "report" in made:  # redo of a new one: the id it got
                made["report"] = reports.put_back(made["report"])
            else:
                made["report"] = reports.save(report)

        def undo() -> None:
            if before is None:
                with self.registry.undoing_add():
                    reports.delete(made["report"].id or -1)
            else:
                reports.save(before)

        self._run(f"Lưu báo cáo “{report.title}”", do, undo, Area.REPORTS)
        return made["report"]

    def delete_report(self, report_id: int) -> SavedReport:
        reports = self.registry.reports
        kept: dict[str, SavedReport] = {}

        def do() -> None:
            kept["report"] = reports.delete(report_id)

        title = reports.get(report_id).title
        self._run(f"Xóa báo cáo “{title}”", do, lambda: reports.put_back(kept["report"]), Area.REPORTS)
        return kept["report"]

    # the user's templates -----------------------------------------------------------------
    def save_template(self, name: str, base: str, title: str, body: str,
                      noi_nhan: tuple[str, ...] = ()) -> ReportTemplate:
        """Keep a narrative as the user's own template; undo removes it, or puts back the one
        of the same name it replaced."""
        templates = self.registry.templates
        before = templates.user_template(user_key(name))
        made: dict[str, ReportTemplate] = {}

        def do() -> None:
            made["template"] = templates.save_user(name, base, title, body, noi_nhan)

        def undo() -> None:
            if before is None:  # templates keep no history: nothing of theirs reaches the trash
                templates.delete_user(made["template"].key)
            else:
                templates.save_user(before.name, before.base, before.title, before.body, before.noi_nhan)

        self._run(f"Lưu mẫu báo cáo riêng “{name.strip()}”", do, undo, Area.TEMPLATES)
        return made["template"]

    # levels and kinds of unit ---------------------------------------------------------------
    def _choices(self, table: str) -> dict[str, Choice]:
        units = self.registry.units
        return {c.code: c for c in (units.levels() if table == "unit_levels" else units.kinds())}

    def save_choice(self, table: str, choice: Choice) -> Choice:
        """Add a level or kind of unit or rename one; undo removes it or puts the old name back."""
        units = self.registry.units
        had = self._choices(table)
        made: dict[str, Choice] = {}

        def do() -> None:
            made["choice"] = units.save_choice(table, made.get("choice", choice))

        def undo() -> None:
            old = had.get(made["choice"].code)
            if old is None:  # value lists keep no history: nothing of theirs reaches the trash
                units.delete_choice(table, made["choice"].code)
            else:
                units.save_choice(table, old)

        self._run(f"Lưu “{choice.label.strip()}”", do, undo, Area.UNITS | Area.EQUIPMENT)
        return made["choice"]

    def delete_choice(self, table: str, code: str) -> None:
        """Remove a level or kind no unit uses (a level with its equipment norms); undo brings
        it back with them."""
        reg = self.registry
        old = self._choices(table)[code]
        norms = [(t.id, t.norms[code]) for t in reg.equipment.types() if code in t.norms]

        def undo() -> None:
            with reg.transaction():
                reg.units.save_choice(table, old)
                for type_id, quantity in norms:
                    kind = reg.equipment.type(type_id or -1)
                    reg.equipment.update_type(dataclasses.replace(kind, norms={**kind.norms, code: quantity}))

        self._run(f"Xóa “{old.label}”", lambda: reg.units.delete_choice(table, code), undo,
                  Area.UNITS | Area.EQUIPMENT)

    # the trash ------------------------------------------------------------------------------
    def restore_deleted(self, history_id: int) -> Restored:
        """Bring a record back from the trash; undo deletes it again (back into the trash),
        redo restores it from there."""
        reg = self.registry
        entry = next((e for e in trash(reg.db) if e.deletion.id == history_id), None)
        done: dict[str, Restored] = {}

        def do() -> None:
            if "restored" not in done:
                done["restored"] = restore(reg.db, history_id)
                return
            again = done["restored"]
            deletion = next((e.deletion.id for e in trash(reg.db)
                             if (e.table, e.deletion.record_id) == (again.table, again.record_id)), None)
            if deletion is None:
                raise NotFoundError("Bản ghi này không còn trong thùng rác (có thể đã được khôi phục).")
            done["restored"] = dataclasses.replace(restore(reg.db, deletion), old_id=again.old_id)

        def undo() -> None:
            restored = done["restored"]
            _DELETE[restored.table](reg, restored.record_id)

        table = entry.table if entry is not None else ""
        text = f"Khôi phục {describe(reg.db, entry.deletion)} từ thùng rác" if entry else "Khôi phục từ thùng rác"
        self._run(text, do, undo, _AREAS.get(table, Area.UNITS | Area.STAFF | Area.EQUIPMENT))
        return done["restored"]
