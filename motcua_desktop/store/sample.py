"""The sample register: the seed report's 21 units with exactly its staff counts on 19/4/2024.

People are made up (every one is marked "Dữ liệu mẫu"), generated deterministically from the
name lists in ``db/sample/chi_lang.json`` so that the counts come out as the seed's table.
"""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import date
from typing import Any

from .. import paths
from ..domain.model import (
    Assignment,
    Condition,
    EmploymentKind,
    EquipmentItem,
    EquipmentType,
    Person,
    Unit,
)
from .registry import Registry
from .reports import SavedReport, default_report
from .settings import settings_from_dict
from .templates import builtin_templates

SAMPLE_TEMPLATE = "huyen-2018"  # the seed is a district's report of 2024

SAMPLE_MARK = "Dữ liệu mẫu"
SAMPLE_FILE = "chi_lang.json"


def sample_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((paths.sample_dir() / SAMPLE_FILE).read_text(encoding="utf-8"))
    return data


def sample_as_of() -> date:
    return date.fromisoformat(sample_data()["as_of"])


class _Names:
    def __init__(self, names: dict[str, list[str]], rng: random.Random):
        self.names, self.rng = names, rng
        self.used: set[str] = set()

    def make(self) -> tuple[str, str]:
        while True:
            gender = self.rng.choice(["Nam", "Nữ"])
            suffix = "male" if gender == "Nam" else "female"
            name = " ".join(
                (
                    self.rng.choice(self.names["family"]),
                    self.rng.choice(self.names[f"middle_{suffix}"]),
                    self.rng.choice(self.names[f"given_{suffix}"]),
                )
            )
            if name not in self.used:
                self.used.add(name)
                return name, gender


def is_sample(registry: Registry) -> bool:
    """Whether the register holds the sample data (its units and people carry the mark)."""
    row = registry.db.conn.execute(
        "SELECT EXISTS(SELECT 1 FROM units WHERE notes = ?) OR EXISTS(SELECT 1 FROM people WHERE notes = ?)",
        [SAMPLE_MARK, SAMPLE_MARK]).fetchone()
    return bool(row[0])


def load_sample(registry: Registry) -> None:
    """Fill an empty register with the sample data, in one transaction."""
    data = sample_data()
    rng = random.Random(20240419)
    names = _Names(data["names"], rng)
    fields: list[str] = data["fields"]
    serial = 0

    def person(unit: Unit, kind: EmploymentKind, *, start: str, end: str | None = None,
               position: str = "", agency: str = "") -> None:
        nonlocal serial
        serial += 1
        name, gender = names.make()
        p = registry.staff.add_person(
            Person(
                full_name=name,
                code=f"MAU{serial:04d}",
                birth_year=rng.randint(1970, 1998),
                gender=gender,
                phone=f"09{rng.randint(10_000_000, 99_999_999)}",
                qualification=rng.choice(["Đại học", "Đại học", "Cao đẳng", "Thạc sĩ"]),
                notes=SAMPLE_MARK,
            )
        )
        registry.staff.add_assignment(
            Assignment(
                person_id=p.id,
                unit_id=unit.id,
                kind=kind,
                position=position or ("Công chức " + fields[serial % len(fields)]),
                sending_agency=agency,
                fields=(fields[serial % len(fields)],),
                start=date.fromisoformat(start),
                end=date.fromisoformat(end) if end else None,
                notes=SAMPLE_MARK,
            )
        )

    with registry.transaction():
        registry.settings.save(settings_from_dict(data["settings"]))
        # a new register already has the default catalogue (the same list): reuse it
        catalogue = {t.name: t for t in registry.equipment.types()}
        types = [
            catalogue.get(t["name"]) or registry.equipment.add_type(EquipmentType(t["name"], dict(t["norms"])))
            for t in data["equipment_types"]
        ]
        units: dict[str, Unit] = {}
        for order, u in enumerate(data["units"], start=1):
            fields_of_unit = {k: v for k, v in u.items() if k not in ("staff", "agencies")}
            unit = registry.units.add(Unit(**fields_of_unit, notes=SAMPLE_MARK, sort_order=order))
            units[unit.code] = unit
            counts = u["staff"]
            own = counts["own"]
            seconded = 1 if unit.level == "huyen" or own >= 9 else 0
            for i in range(own):
                kind = EmploymentKind.BIET_PHAI if i < seconded else EmploymentKind.BIEN_CHE
                position = "Phó Chánh Văn phòng HĐND và UBND huyện" if unit.level == "huyen" and i == own - 1 else ""
                person(unit, kind, start=f"{2018 + i % 6}-{1 + i % 12:02d}-01", position=position)
            agencies = u.get("agencies", [])
            for i in range(counts["sent"]):
                person(unit, EmploymentKind.CU_DEN, start="2022-07-01",
                       agency=agencies[i % len(agencies)], position="Viên chức được cử đến")
        for extra in data["former_staff"] + data["future_staff"]:
            person(units[extra["unit"]], EmploymentKind(extra["kind"]), start=extra["start"],
                   end=extra.get("end"), position=extra["position"], agency=extra.get("agency", ""))
        for unit in units.values():
            for kind_of_item in types:
                norm = kind_of_item.norms.get(unit.level, 0)
                have = max(0, norm - rng.choice([0, 0, 1, 1, 2]))
                if kind_of_item.name == "Máy lấy số tự động" and unit.level != "huyen":
                    have = rng.choice([0, 0, 1])
                if have:
                    registry.equipment.add_item(EquipmentItem(
                        unit.id, kind_of_item.id, have, Condition.TOT, rng.randint(2015, 2023), notes=SAMPLE_MARK))
                if rng.random() < 0.15:
                    registry.equipment.add_item(EquipmentItem(
                        unit.id, kind_of_item.id, 1, Condition.HONG, rng.randint(2010, 2016), notes=SAMPLE_MARK))
        add_sample_report(registry, data["report"])


SAMPLE_REPORT_DATE = date(2024, 4, 19)


def add_sample_report(registry: Registry, texts: dict[str, Any]) -> SavedReport:
    """Store the seed's report (19/4/2024, not yet numbered) in the sample register: the
    district template with the seed's own facts (``texts``, from the sample data) put in."""
    template = next(t for t in builtin_templates() if t.key == SAMPLE_TEMPLATE)
    report = default_report(registry.settings.get(), SAMPLE_REPORT_DATE, template)
    body = report.body
    for old, new in texts.get("replace", []):
        if old not in body:
            raise ValueError(f"Mẫu {template.key} không còn câu cần thay cho dữ liệu mẫu: {old[:60]}")
        body = body.replace(old, new)
    title = report.title.replace("{ten_huyen}", registry.settings.get().district_name)  # the seed's own words
    return registry.reports.save(dataclasses.replace(report, title=title, body=body))
