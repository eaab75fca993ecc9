"""``Thuộc đơn vị`` of the units sheet: each named parent must be a unit of the file or of the
register; parents are set once every unit of the file has its id."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..registry import Registry
from .parsing import Problems, UnitIn


def check_parents(units_in: list[UnitIn], known: Callable[[str], bool], problems: Problems) -> None:
    for u in units_in:
        if u.parent_code and not known(u.parent_code):
            problems.add(u.raw, u.row, "Thuộc đơn vị",
                         f"không có đơn vị mã '{u.parent_code}' trong tệp hay trong dữ liệu")


def write_parents(registry: Registry, units_in: list[UnitIn], unit_id: Callable[[str], int | None]) -> None:
    for u in units_in:
        if "parent_code" not in u.present:
            continue
        unit = registry.units.get(unit_id(u.unit.code) or -1)
        parent_id = unit_id(u.parent_code) if u.parent_code else None
        if unit.parent_id != parent_id:
            registry.units.update(dataclasses.replace(unit, parent_id=parent_id))
