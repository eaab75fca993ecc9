"""Migration 0005 (offices after 2025): a register of the previous schema, with the sample's
21 units and their history, upgrades without losing a row and takes the new values."""

from __future__ import annotations

from datetime import date

import pytest
from old_schema import old_copy

from motcua_desktop.domain.model import Assignment, EmploymentKind, Person, Unit
from motcua_desktop.domain.validation import ValidationError
from motcua_desktop.store.registry import Registry


def test_an_old_register_upgrades_keeping_every_row_and_the_seed_counts(tmp_path, sample_db_path):
    old = tmp_path / "cu.sqlite"
    before = old_copy(sample_db_path, old, "0004_history_catalogue_settings_reports")
    assert before["units"] == 21 and before["assignments"] > 119
    reg = Registry.open(old)
    try:
        for table, n in before.items():
            assert reg.db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == n, table
        table = reg.staff_table(date(2024, 4, 19))
        assert len(table.rows) == 21
        assert (table.total.total, table.total.own, table.total.sent) == (119, 112, 7)
        assert [c.code for c in reg.units.levels()] == ["tinh", "huyen", "xa"]
        assert {"tinh", "thanh_pho", "dac_khu"} <= {c.code for c in reg.units.kinds()}
        assert reg.level() == "huyen"  # the register's own units say it is a district's
        # the new values are taken, and the history keeps recording
        centre = reg.units.add(Unit("TT", "Trung tâm Phục vụ hành chính công xã A", level="xa",
                                    official_code="06463"))
        point = reg.units.add(Unit("D1", "Điểm tiếp nhận thôn B", parent_id=centre.id))
        assert reg.units.get(point.id).parent_id == centre.id
        p = reg.staff.add_person(Person("Đinh Văn Khánh"))
        a = reg.staff.add_assignment(Assignment(p.id, centre.id, EmploymentKind.HO_TRO, start=date(2025, 7, 1)))
        assert reg.staff.assignments()[-1].kind is EmploymentKind.HO_TRO and a.id is not None
        logged = reg.db.conn.execute(
            "SELECT table_name, record_id, json_extract(after, '$.official_code'), json_extract(after, '$.kind') "
            "FROM change_history WHERE action = 'insert' AND table_name != 'people' "
            "ORDER BY id DESC LIMIT 3").fetchall()
        assert logged == [("assignments", a.id, None, "ho_tro"), ("units", point.id, None, "xa"),
                          ("units", centre.id, "06463", "xa")]
        with pytest.raises(ValidationError, match="Cơ quan cử"):
            reg.staff.add_assignment(Assignment(p.id, centre.id, EmploymentKind.CU_DEN))
    finally:
        reg.close()


def test_a_deleted_unit_comes_back_from_the_trash_with_its_parent_and_official_code(registry):
    from motcua_desktop.store.trash import restore, trash

    centre = registry.units.add(Unit("TT", "Trung tâm xã A", official_code="06463"))
    point = registry.units.add(Unit("D1", "Điểm tiếp nhận B", parent_id=centre.id, official_code="06464"))
    registry.units.delete(point.id)
    (entry,) = trash(registry.db)
    restore(registry.db, entry.deletion.id)
    back = registry.units.by_code("D1")
    assert back is not None and (back.parent_id, back.official_code) == (centre.id, "06464")
