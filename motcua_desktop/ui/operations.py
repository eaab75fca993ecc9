"""The user's changes as undoable operations over the registry, one method per action.

Each method does the change at once (raising ``ValidationError`` / ``IntegrityRefused``
with nothing changed) and pushes an undo command that can take it back and redo it.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtGui import QUndoStack

from ..domain.model import Assignment, EquipmentItem, EquipmentType, OrgSettings, Person, Unit
from ..domain.text import format_date
from ..store.registry import Registry
from .commands import Area, ChangeBus, StoreCommand, execute
from .record_operations import RecordOperations


def _copy(record):
    return dataclasses.replace(record)


class Operations(RecordOperations):
    def __init__(self, registry: Registry, stack: QUndoStack, bus: ChangeBus):
        self.registry, self.stack, self.bus = registry, stack, bus

    def _run(self, text: str, do, undo, areas: Area) -> None:
        execute(self.stack, StoreCommand(text, do, undo, self.bus, areas))

    # units -------------------------------------------------------------------------------
    def add_unit(self, unit: Unit) -> Unit:
        units = self.registry.units
        made: dict[str, Unit] = {}

        def do() -> None:  # the first time without an id, on redo with the id it got
            made["unit"] = units.add(_copy(made.get("unit", unit)))

        self._run(f"Thêm {unit.name}", do, self._unadd(lambda: units.delete(made["unit"].id)), Area.UNITS)
        return made["unit"]

    def edit_unit(self, before: Unit, after: Unit) -> None:
        units = self.registry.units
        self._run(f"Sửa {after.name}", lambda: units.update(_copy(after)),
                  lambda: units.update(_copy(before)), Area.UNITS | Area.STAFF | Area.EQUIPMENT)

    def delete_units(self, unit_ids: list[int]) -> list[Unit]:
        """Delete units with no staff and no equipment; refused as a whole otherwise."""
        reg = self.registry
        removed: list[Unit] = []

        def do() -> None:
            removed.clear()
            with reg.transaction():
                for uid in unit_ids:
                    removed.append(reg.units.delete(uid))

        def undo() -> None:
            with reg.transaction():
                for unit in removed:
                    reg.units.add(_copy(unit))

        text = f"Xóa {len(unit_ids)} đơn vị" if len(unit_ids) > 1 else "Xóa đơn vị"
        self._run(text, do, undo, Area.UNITS)
        return list(removed)

    def move_dependents_and_delete(self, unit_id: int, target_id: int) -> Unit:
        """Move a unit's staff and equipment to another unit, then delete it (one step)."""
        reg = self.registry
        unit = reg.units.get(unit_id)
        assignment_ids = [a.id for a in reg.staff.assignments() if a.unit_id == unit_id]
        item_ids = [i.id for i in reg.equipment.items(unit_id)]

        def do() -> None:
            with reg.transaction():
                reg.units.move_dependents(unit_id, target_id)
                reg.units.delete(unit_id)

        def undo() -> None:
            with reg.transaction():
                reg.units.add(_copy(unit))
                for aid in assignment_ids:
                    a = reg.staff.assignment(aid)
                    reg.staff.update_assignment(dataclasses.replace(a, unit_id=unit_id))
                for iid in item_ids:
                    item = reg.equipment.item(iid)
                    reg.equipment.update_item(dataclasses.replace(item, unit_id=unit_id))

        self._run(f"Chuyển cán bộ, thiết bị và xóa {unit.name}", do, undo,
                  Area.UNITS | Area.STAFF | Area.EQUIPMENT)
        return unit

    def move_unit(self, unit_id: int, offset: int) -> bool:
        """Move a unit up (-1) or down (+1) in the report order; False at either end."""
        units = self.registry.units
        ids = [u.id for u in units.list()]
        if unit_id not in ids or not 0 <= ids.index(unit_id) + offset < len(ids):
            return False
        text = "Chuyển đơn vị lên" if offset < 0 else "Chuyển đơn vị xuống"
        self._run(text, lambda: units.move(unit_id, offset), lambda: units.move(unit_id, -offset),
                  Area.UNITS)
        return True

    # staff -------------------------------------------------------------------------------
    def add_staff(self, person: Person, assignment: Assignment) -> tuple[Person, Assignment]:
        """A new person with their first assignment, as one step."""
        staff = self.registry.staff
        done: dict[str, object] = {}

        def do() -> None:
            with self.registry.transaction():
                p = staff.add_person(_copy(done.get("person", person)))
                a = staff.add_assignment(
                    dataclasses.replace(done.get("assignment", assignment), person_id=p.id)
                )
            done["person"], done["assignment"] = p, a

        def undo() -> None:
            with self.registry.undoing_add():
                staff.delete_person(done["person"].id)

        self._run(f"Thêm cán bộ {person.full_name}", do, undo, Area.STAFF)
        return done["person"], done["assignment"]

    def edit_staff(self, person_before: Person, person_after: Person,
                   assignment_before: Assignment, assignment_after: Assignment) -> None:
        staff = self.registry.staff

        def save(p: Person, a: Assignment) -> None:
            with self.registry.transaction():
                staff.update_person(_copy(p))
                staff.update_assignment(_copy(a))

        self._run(f"Sửa cán bộ {person_after.full_name}",
                  lambda: save(person_after, assignment_after),
                  lambda: save(person_before, assignment_before), Area.STAFF)

    def delete_assignments(self, assignment_ids: list[int]) -> None:
        """Delete rows entered by mistake; a person left with no assignment goes too."""
        staff = self.registry.staff
        removed: list[tuple[Person | None, Assignment]] = []

        def do() -> None:
            removed.clear()
            with self.registry.transaction():
                for aid in assignment_ids:
                    a = staff.delete_assignment(aid)
                    person: Person | None = None
                    if not staff.assignments_of(a.person_id):
                        person, _ = staff.delete_person(a.person_id)
                    removed.append((person, a))

        def undo() -> None:
            with self.registry.transaction():
                for person, a in reversed(removed):
                    if person is not None:
                        staff.add_person(_copy(person))
                    staff.add_assignment(_copy(a))

        text = f"Xóa {len(assignment_ids)} cán bộ" if len(assignment_ids) > 1 else "Xóa cán bộ"
        self._run(text, do, undo, Area.STAFF)

    def end_assignment(self, assignment_id: int, last_day: date) -> None:
        staff = self.registry.staff
        before = staff.assignment(assignment_id)
        # the person leaves the list of current staff: the status bar says who and when
        text = "Kết thúc công tác của %1 (ngày cuối %2)".replace(
            "%1", staff.person(before.person_id).full_name).replace("%2", format_date(last_day))
        self._run(text, lambda: staff.end_assignment(assignment_id, last_day),
                  lambda: staff.update_assignment(_copy(before)), Area.STAFF)

    def transfer(self, assignment_id: int, unit_id: int, first_day: date, **changes) -> None:
        staff = self.registry.staff
        before = staff.assignment(assignment_id)
        made: dict[str, Assignment] = {}

        def do() -> None:
            if "new" not in made:
                made["ended"], made["new"] = staff.transfer(assignment_id, unit_id, first_day, **changes)
                return
            with self.registry.transaction():
                staff.update_assignment(_copy(made["ended"]))
                staff.add_assignment(_copy(made["new"]))

        def undo() -> None:  # the new assignment was added: not one for the trash
            with self.registry.undoing_add():
                staff.delete_assignment(made["new"].id)
                staff.update_assignment(_copy(before))

        text = "Điều chuyển %1 sang %2 từ ngày %3".replace(
            "%1", staff.person(before.person_id).full_name).replace(
            "%2", self.registry.units.get(unit_id).name).replace("%3", format_date(first_day))
        self._run(text, do, undo, Area.STAFF)

    # equipment ---------------------------------------------------------------------------
    def add_item(self, item: EquipmentItem) -> EquipmentItem:
        eq = self.registry.equipment
        made: dict[str, EquipmentItem] = {}

        def do() -> None:
            made["item"] = eq.add_item(_copy(made.get("item", item)))

        self._run("Thêm thiết bị", do, self._unadd(lambda: eq.delete_item(made["item"].id)), Area.EQUIPMENT)
        return made["item"]

    def edit_item(self, before: EquipmentItem, after: EquipmentItem) -> None:
        eq = self.registry.equipment
        self._run("Sửa thiết bị", lambda: eq.update_item(_copy(after)),
                  lambda: eq.update_item(_copy(before)), Area.EQUIPMENT)

    def delete_items(self, item_ids: list[int]) -> None:
        eq = self.registry.equipment
        removed: list[EquipmentItem] = []

        def do() -> None:
            removed.clear()
            with self.registry.transaction():
                removed.extend(eq.delete_item(i) for i in item_ids)

        def undo() -> None:
            with self.registry.transaction():
                for item in removed:
                    eq.add_item(_copy(item))

        self._run(f"Xóa {len(item_ids)} dòng thiết bị", do, undo, Area.EQUIPMENT)

    def save_type(self, before: EquipmentType | None, after: EquipmentType) -> EquipmentType:
        """Add a catalogue entry (``before`` None) or change its name and norms."""
        eq = self.registry.equipment
        if before is None:
            made: dict[str, EquipmentType] = {}

            def do() -> None:
                made["type"] = eq.add_type(_copy(made.get("type", after)))

            self._run(f"Thêm loại {after.name}", do, self._unadd(lambda: eq.delete_type(made["type"].id)),
                      Area.EQUIPMENT)
            return made["type"]
        saved = eq.update_type(_copy(after))
        self._run(f"Sửa loại {saved.name}", lambda: eq.update_type(_copy(saved)),
                  lambda: eq.update_type(_copy(before)), Area.EQUIPMENT)
        return saved

    def delete_type(self, type_id: int) -> None:
        eq = self.registry.equipment
        kept: dict[str, EquipmentType] = {}

        def do() -> None:
            kept["type"] = eq.delete_type(type_id)

        self._run("Xóa loại thiết bị", do, lambda: eq.add_type(_copy(kept["type"])), Area.EQUIPMENT)

    # settings ----------------------------------------------------------------------------
    def set_up_office(self, code: str, create_units: bool) -> None:
        """The office's identity from the official list and (if asked) its centres; undo puts
        the settings back and removes the units it added."""
        from ..store.office import set_up_office

        before = self.registry.settings.get()
        added: list[int] = []

        def do() -> None:
            had = {u.id for u in self.registry.units.list()}
            set_up_office(self.registry, code, create_units=create_units)
            added[:] = [u.id for u in self.registry.units.list() if u.id not in had and u.id is not None]

        def undo() -> None:
            with self.registry.undoing_add():
                for unit_id in reversed(added):
                    self.registry.units.delete(unit_id)
                self.registry.settings.put_back(before)

        self._run("Thiết lập cơ quan", do, undo, Area.SETTINGS | Area.UNITS)

    def save_settings(self, after: OrgSettings) -> None:
        repo = self.registry.settings
        before = repo.get()
        self._run("Sửa thông tin cơ quan", lambda: repo.save(after), lambda: repo.save(before),
                  Area.SETTINGS)
