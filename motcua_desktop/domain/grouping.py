"""Units as a tree (a điểm tiếp nhận under its commune centre, a chi nhánh under the province
centre) and the appendix's groups: one per root unit, with its subtotal.

The province's appendix and the consolidation of the communes' packages both group this way:
a root unit (no parent) stands for its commune, or for the province's own centre.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .counting import StaffCount, UnitCount
from .model import Unit

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(n: int) -> str:
    """1 → I, 14 → XIV, 65 → LXV (the province's communes run past X)."""
    if n < 1:
        raise ValueError(f"Số La Mã phải từ 1 trở lên: {n}")
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


@dataclass(frozen=True)
class TreeRow:
    row: UnitCount
    depth: int  # 0 for a root unit, 1 for its điểm tiếp nhận, …
    root_id: int | None


def tree_order(rows: Sequence[UnitCount]) -> list[TreeRow]:
    """Rows in report order with every unit's children right after it (themselves in report
    order); a unit whose parent is missing or makes a loop counts as a root."""
    ids = {r.unit.id for r in rows}
    children: dict[int | None, list[UnitCount]] = {}
    for r in rows:
        parent = r.unit.parent_id if r.unit.parent_id in ids and r.unit.parent_id != r.unit.id else None
        children.setdefault(parent, []).append(r)
    out: list[TreeRow] = []
    seen: set[int | None] = set()

    def walk(r: UnitCount, depth: int, root: int | None) -> None:
        if r.unit.id in seen:
            return
        seen.add(r.unit.id)
        out.append(TreeRow(r, depth, root))
        for child in children.get(r.unit.id, []):
            walk(child, depth + 1, root)

    for r in children.get(None, []):
        walk(r, 0, r.unit.id)
    for r in rows:  # units caught in a parent loop still appear, as roots
        if r.unit.id not in seen:
            walk(r, 0, r.unit.id)
    return out


@dataclass(frozen=True)
class UnitGroup:
    """A root unit with all units under it, in tree order, and their sum."""

    root: Unit
    rows: tuple[TreeRow, ...]
    subtotal: StaffCount


def group_by_root(rows: Sequence[UnitCount]) -> list[UnitGroup]:
    groups: dict[int | None, list[TreeRow]] = {}
    for t in tree_order(rows):
        groups.setdefault(t.root_id, []).append(t)
    out = []
    for members in groups.values():
        subtotal = sum((t.row.count for t in members), StaffCount())
        out.append(UnitGroup(members[0].row.unit, tuple(members), subtotal))
    return out


def descendants(units: Iterable[Unit], unit_id: int) -> set[int]:
    """Ids of every unit under ``unit_id`` (not itself)."""
    by_parent: dict[int | None, list[Unit]] = {}
    for u in units:
        by_parent.setdefault(u.parent_id, []).append(u)
    found: set[int] = set()
    todo = [unit_id]
    while todo:
        for child in by_parent.get(todo.pop(), []):
            if child.id is not None and child.id not in found and child.id != unit_id:
                found.add(child.id)
                todo.append(child.id)
    return found
