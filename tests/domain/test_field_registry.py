"""Every field an error can name is named by its key, and every key has one Vietnamese label in
its record type's registry (domain/fields.py)."""

from __future__ import annotations

import ast
import importlib
import unicodedata
from pathlib import Path

import pytest

import motcua_desktop
from motcua_desktop.domain import fields
from motcua_desktop.domain.fields import (
    AssignmentField,
    EquipmentTypeField,
    FieldKey,
    Labels,
    PersonField,
    UnitField,
    registries,
)
from motcua_desktop.domain.model import Unit
from motcua_desktop.domain.validation import FieldError, ValidationError, clean_unit

PACKAGE = Path(motcua_desktop.__file__).parent


def _modules() -> list[tuple[str, ast.Module]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":  # runs the program when imported
            continue
        name = ".".join(("motcua_desktop", *path.relative_to(PACKAGE).with_suffix("").parts))
        out.append((name.removesuffix(".__init__"), ast.parse(path.read_text(encoding="utf-8"))))
    return out


def _field_error_calls() -> list[tuple[str, ast.Call]]:
    return [(name, node) for name, tree in _modules() for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "FieldError"]  # fmt: skip


def test_no_field_error_names_its_field_by_a_label():
    calls = _field_error_calls()
    assert len(calls) >= 40  # the scan sees the producers (validation, store, report, ui)
    by_text = [f"{name}:{call.lineno}" for name, call in calls
               if isinstance(call.args[0], ast.Constant | ast.JoinedStr)]  # fmt: skip
    assert by_text == []


def test_every_key_used_in_the_package_is_a_member_with_a_label():
    """``UnitField.NAME`` (or an alias, ``F.NAME``) anywhere in the code: a real member,
    whose registry has its label."""
    seen: set[FieldKey] = set()
    for name, tree in _modules():
        module = importlib.import_module(name)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
                continue
            owner = getattr(module, node.value.id, None)
            if isinstance(owner, type) and issubclass(owner, FieldKey) and node.attr.isupper():
                key = getattr(owner, node.attr)  # AttributeError: no such field
                assert key.label, key
                seen.add(key)
    assert {UnitField.NAME, PersonField.BIRTH_YEAR, AssignmentField.UNIT_ID} <= seen


def test_each_record_type_has_one_registry_with_a_label_for_every_field():
    kinds = [getattr(fields, n) for n in dir(fields)]
    enums = {k for k in kinds if isinstance(k, type) and issubclass(k, FieldKey) and k is not FieldKey}
    assert {r.keys for r in registries()} == enums
    for registry in registries():
        labels = [label for _key, label in registry.items()]
        assert set(registry.keys) == {key for key, _label in registry.items()}
        assert all(label and unicodedata.is_normalized("NFC", label) for label in labels)
        assert len(set(labels)) == len(labels), registry.record  # one field, one label
        assert registry.record


def test_a_registry_missing_a_label_is_refused_when_it_is_made():
    class Thing(FieldKey):
        NAME = "name"
        SIZE = "size"

    with pytest.raises(ValueError, match="size"):
        Labels(Thing, "Thử", {"name": "Tên"})


def test_an_error_carries_the_key_and_shows_the_registered_label():
    with pytest.raises(ValidationError) as info:
        clean_unit(Unit(code="X", name=" "), ["xa"], ["xa"])
    error = info.value.errors[0]
    assert error.key is UnitField.NAME and error.key == "name"
    assert error.label == "Tên đơn vị" and str(error) == "Tên đơn vị: không được để trống"
    norm = FieldError(EquipmentTypeField.NORMS, "không được âm", "xa")
    assert str(norm) == "Định mức (xa): không được âm"
