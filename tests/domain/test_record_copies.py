"""``replaced``: the import's fast ``dataclasses.replace`` gives the same record
and never shares it with the original."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from motcua_desktop.domain.model import (
    Assignment,
    Condition,
    EmploymentKind,
    EquipmentItem,
    EquipmentType,
    Person,
    Unit,
    replaced,
)

RECORDS = [
    (Unit("X1", "Bộ phận Một cửa xã Yên Trạch", "xa", "xa", area_m2=48.5), {"name": "Tên mới", "sort_order": 3}),
    (Person("Lường Thị Hà", "P1", birth_year=1985), {"birth_year": 1986, "id": 7}),
    (Assignment(1, 2, EmploymentKind.CU_DEN, sending_agency="Công an", fields=("Tư pháp",), start=date(2020, 1, 1)),
     {"end": date(2024, 5, 31), "unit_id": 3}),
    (EquipmentItem(1, 2, quantity=3, condition=Condition.HONG), {"quantity": 4}),
    (EquipmentType("Máy in", {"xa": 2}), {"sort_order": 1}),
]


@pytest.mark.parametrize(("record", "changes"), RECORDS)
def test_replaced_is_dataclasses_replace(record, changes):
    copy = replaced(record, **changes)
    assert copy == dataclasses.replace(record, **changes)
    assert type(copy) is type(record)
    assert copy is not record
    assert replaced(record) == record


@pytest.mark.parametrize(("record", "changes"), RECORDS)
def test_changing_the_copy_leaves_the_original_alone(record, changes):
    before = dataclasses.replace(record)
    copy = replaced(record)
    for name, value in changes.items():
        setattr(copy, name, value)
    assert record == before


@pytest.mark.parametrize("cls", [Unit, Person, Assignment, EquipmentItem, EquipmentType])
def test_the_records_have_nothing_replaced_would_skip(cls):
    """``replaced`` copies the fields instead of calling ``__init__``: that is only the same
    while a record has no ``__post_init__``, no slots and no field left out of ``__init__``."""
    assert not hasattr(cls, "__post_init__")
    assert not hasattr(cls, "__slots__")
    assert all(f.init for f in dataclasses.fields(cls))
