"""``motcua receive``: packages from the communes into a province register, all or nothing.

A package replaces what the province held from that office: the units under that commune's
centre, the people working there and their equipment are removed, then the package's units are
added under the centre (their Mã prefixed with the commune's code), its people as new people
(never merged with another office's) and its equipment. The same package again changes nothing;
an older one than held is refused unless ``replace_newer``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from ...domain.grouping import descendants
from ...domain.model import EquipmentType, Person, Unit
from ..database import write_transaction
from ..equipment import type_key
from ..errors import InputRejected
from ..registry import Registry
from ..rows import assignment_to_row, item_to_row, person_to_row
from ..transfer.journal import TABLES, Journal, difference, snapshot
from ..writes import insert_many, insert_row
from .reading import Package, province_code, read_package

JOURNAL_TABLES = (*TABLES, "received_packages")


@dataclass
class Receipt:
    received: list[str] = field(default_factory=list)  # "FILE: office (date)"
    unchanged: list[str] = field(default_factory=list)
    journal: Journal | None = None

    def describe(self) -> str:
        lines = [f"Đã nhận {len(self.received)} gói số liệu" + (":" if self.received else ".")]
        lines += [f"  {r}" for r in self.received]
        if self.unchanged:
            lines.append(f"{len(self.unchanged)} gói đã nhận trước đây, không thay đổi gì:")
            lines += [f"  {r}" for r in self.unchanged]
        return "\n".join(lines)


def _held(registry: Registry) -> dict[str, dict[str, object]]:
    rows = registry.db.query("SELECT * FROM received_packages WHERE replaced_by IS NULL")
    return {str(r["office_code"]): r for r in rows}


def receive_packages(registry: Registry, paths: list[Path], *, replace_newer: bool = False,
                     journal: bool = False, now: datetime | None = None) -> Receipt:
    province = province_code(registry)
    centres = {u.official_code: u for u in registry.units.list() if u.official_code and u.parent_id is None}
    errors: list[str] = []
    packages: list[Package] = []
    for path in paths:
        try:
            packages.append(read_package(registry, Path(path), province, centres))
        except InputRejected as exc:
            errors.append(str(exc))
            errors += [f"  {line}" for line in exc.problems[:20]]
    held = _held(registry)
    receipt = Receipt()
    todo: list[Package] = []
    packages.sort(key=lambda p: (p.info.office_code, p.info.age))
    for p in packages:
        info, label = p.info, f"{p.path.name}: {p.info.office_name} (số liệu ngày {p.info.data_date:%d/%m/%Y})"
        old = held.get(info.office_code)
        if old is not None and (old["package_id"] == info.package_id or old["check_code"] == info.check_code
                                and old["data_date"] == info.data_date.isoformat()):
            receipt.unchanged.append(label)
            continue
        if old is not None and not replace_newer and (str(old["data_date"]), str(old["made_at"])) > (
                info.data_date.isoformat(), info.made_at.isoformat()):
            errors.append(f"không nhận {p.path.name}: gói số liệu ngày {info.data_date:%d/%m/%Y} cũ hơn gói "
                          f"đang giữ của {info.office_name} (số liệu ngày {_dmy(str(old['data_date']))}); "
                          "muốn thay bằng gói cũ này: motcua receive --replace-newer")
            continue
        held[info.office_code] = {"package_id": info.package_id, "check_code": info.check_code,
                                  "data_date": info.data_date.isoformat(), "made_at": info.made_at.isoformat()}
        todo.append(p)
        receipt.received.append(label)
    if errors:
        raise InputRejected(f"không nhận gói nào ({len(errors)} lỗi); dữ liệu chưa thay đổi gì",
                            [e for e in errors])
    if not todo:
        return receipt
    with write_transaction(registry.db, commit=True):
        before = snapshot(registry.db.conn, JOURNAL_TABLES) if journal else None
        types = {type_key(t.name): t.id for t in registry.equipment.types()}
        stamp = (now or datetime.now()).replace(microsecond=0).isoformat()
        for p in todo:
            _write(registry, p, types, stamp)
        if before is not None:
            receipt.journal = difference(before, snapshot(registry.db.conn, JOURNAL_TABLES))
    return receipt


def _dmy(iso_day: str) -> str:
    y, m, d = iso_day.split("-")
    return f"{d}/{m}/{y}"


def _clear(registry: Registry, centre: Unit) -> None:
    """Remove what the province held from the office of ``centre`` (the centre itself stays)."""
    conn = registry.db.conn
    assert centre.id is not None  # read from the register
    under = descendants(registry.units.list(), centre.id)
    ids = [centre.id, *under]
    marks = ", ".join("?" * len(ids))
    people = [r[0] for r in conn.execute(f"SELECT DISTINCT person_id FROM assignments WHERE unit_id IN ({marks})", ids)]
    conn.execute(f"DELETE FROM equipment WHERE unit_id IN ({marks})", ids)
    conn.execute(f"DELETE FROM assignments WHERE unit_id IN ({marks})", ids)
    if people:
        conn.execute(f"DELETE FROM people WHERE id IN ({', '.join('?' * len(people))}) "
                     "AND id NOT IN (SELECT person_id FROM assignments)", people)
    if under:
        conn.execute(f"DELETE FROM units WHERE id IN ({', '.join('?' * len(under))})", list(under))


def _write(registry: Registry, p: Package, types: dict[str, int | None], stamp: str) -> None:
    conn, office = registry.db.conn, p.info.office_code
    _clear(registry, p.target)
    ids: dict[str, int | None] = {}
    for u in p.units:  # the centre keeps its place and Mã; its details come from the package
        if u.unit.code == p.centre_code:
            registry.units.update(replace(u.unit, id=p.target.id, code=p.target.code, level=p.target.level,
                                          kind=p.target.kind, sort_order=p.target.sort_order, admin_name=p.target.admin_name,
                                          parent_id=None, official_code=p.target.official_code))
            ids[u.unit.code.casefold()] = p.target.id
    for u in p.units:
        if u.unit.code != p.centre_code:
            added = registry.units.add(replace(u.unit, code=f"{office}-{u.unit.code}", parent_id=p.target.id,
                                               sort_order=u.order or 0))
            ids[u.unit.code.casefold()] = added.id
    for u in p.units:  # điểm tiếp nhận under another unit of the package keep that parent
        parent = ids.get(u.parent_code.casefold()) if u.parent_code else None
        if parent is not None and u.unit.code != p.centre_code and parent != p.target.id:
            unit = registry.units.get(ids[u.unit.code.casefold()] or -1)
            registry.units.update(replace(unit, parent_id=parent))
    for t in p.types:
        if type_key(t.name) not in types:
            norms = {k: v for k, v in t.norms.items() if v is not None}
            types[type_key(t.name)] = registry.equipment.add_type(EquipmentType(t.name, norms)).id
    groups: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(p.staff):
        groups[s.person_code.casefold() or f"#{i}"].append(i)
    for rows in groups.values():
        first = p.staff[rows[0]]
        person = Person(first.full_name, f"{office}-{first.person_code}" if first.person_code else "",
                        first.birth_year, first.gender, first.phone, first.qualification, first.person_notes)
        person_id = insert_row(conn, "people", person_to_row(person))
        for i in rows:
            a = p.staff[i].assignment
            if a is not None:
                insert_row(conn, "assignments", assignment_to_row(
                    replace(a, person_id=person_id, unit_id=ids[p.staff[i].unit_code.casefold()])))
    items = []
    for e in p.equipment:
        key = type_key(e.type_name)
        if key not in types:
            types[key] = registry.equipment.add_type(EquipmentType(e.type_name)).id
        items.append(item_to_row(replace(e.item, unit_id=ids[e.unit_code.casefold()], type_id=types[key])))
    if items:
        insert_many(conn, "equipment", list(items[0]), [list(r.values()) for r in items])
    _record(registry, p, stamp)


def _record(registry: Registry, p: Package, stamp: str) -> None:
    count, equipment = p.totals()
    info = p.info
    conn = registry.db.conn
    new = conn.execute(
        "INSERT INTO received_packages (package_id, office_code, office_name, data_date, made_at, received_at, "
        "app_version, check_code, file_name, units, staff_total, staff_own, staff_seconded, staff_sent, "
        "staff_support, equipment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [info.package_id, info.office_code, info.office_name, info.data_date.isoformat(), info.made_at.isoformat(),
         stamp, info.app_version, info.check_code, p.path.name, len(p.units), count.total,
         count.of(["bien_che"]), count.of(["biet_phai"]), count.sent, count.support, equipment],
    ).lastrowid
    conn.execute("UPDATE received_packages SET replaced_by = ? WHERE office_code = ? AND replaced_by IS NULL "
                 "AND id <> ?", [new, info.office_code, new])
