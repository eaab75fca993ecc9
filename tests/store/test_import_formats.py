"""The same data as .xlsx, .xls, .ods and .csv imports to the same register (.xls
and .ods were refused before). The files are committed, made by tests/data/formats/make_formats.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from motcua_desktop.store import Registry
from motcua_desktop.store.transfer import import_file

FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"


def register_contents(reg: Registry) -> dict[str, list]:
    code = {u.id: u.code for u in reg.units.list()}
    people = {p.id: p for p in reg.staff.people()}
    types = {t.id: t.name for t in reg.equipment.types()}
    return {
        "units": [(u.code, u.name, u.level, u.kind, u.address, u.area_m2, u.sort_order, u.notes)
                  for u in reg.units.list()],  # fmt: skip
        "people": sorted((p.code, p.full_name, p.birth_year, p.phone) for p in people.values()),
        "assignments": sorted((people[a.person_id].code, code[a.unit_id], a.kind.value, a.position,
                               a.sending_agency, a.fields, a.start, a.end, a.notes)
                              for a in reg.staff.assignments()),  # fmt: skip
        "equipment": sorted((code[i.unit_id], types[i.type_id], i.quantity, i.condition.value,
                             i.year_in_service, i.notes) for i in reg.equipment.items()),  # fmt: skip
    }


def imported(tmp_path: Path, name: str, *files: Path) -> dict[str, list]:
    reg = Registry.open(tmp_path / f"{name}.sqlite")
    try:
        for file in files:
            import_file(reg, file)
        return register_contents(reg)
    finally:
        reg.close()


@pytest.mark.parametrize("suffix", [".xls", ".ods", ".csv"])
def test_each_format_imports_to_the_same_register_as_xlsx(tmp_path, suffix):
    expected = imported(tmp_path, "xlsx", FORMATS / "du_lieu.xlsx")
    assert len(expected["assignments"]) == 3 and expected["units"][0][5] == 225.78
    if suffix == ".csv":
        files = [FORMATS / "csv" / n for n in ("don_vi.csv", "can_bo.csv", "thiet_bi.csv")]
    else:
        files = [FORMATS / f"du_lieu{suffix}"]
    assert imported(tmp_path, suffix[1:], *files) == expected
