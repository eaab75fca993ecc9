"""Registry.undoing_add: the transaction that takes back an add marks the history rows it
writes ``by_undo`` on success (so the trash does not offer the removed record), and on
failure changes nothing, marks nothing."""

from __future__ import annotations

import pytest

from motcua_desktop.domain.model import Unit
from motcua_desktop.store.trash import trash


def _marked(registry) -> list[tuple[str, str]]:
    return registry.db.conn.execute(
        "SELECT table_name, action FROM change_history WHERE by_undo = 1 ORDER BY id").fetchall()


def test_the_deletions_of_an_undone_add_are_marked_and_left_out_of_the_trash(registry):
    kept = registry.units.add(Unit("X-GIU", "Bộ phận Một cửa xã Giữ"))
    registry.units.delete(kept.id)  # the user's own delete
    added = registry.units.add(Unit("X-MOI", "Bộ phận Một cửa xã Mới"))

    with registry.undoing_add():
        registry.units.delete(added.id)

    assert _marked(registry) == [("units", "delete")]
    assert [e.deletion.record_id for e in trash(registry.db)] == [kept.id]


def test_a_failed_undo_of_an_add_changes_nothing_and_marks_nothing(registry):
    added = registry.units.add(Unit("X-MOI", "Bộ phận Một cửa xã Mới"))

    with pytest.raises(RuntimeError), registry.undoing_add():
        registry.units.delete(added.id)
        raise RuntimeError("hỏng giữa chừng")

    assert registry.units.by_code("X-MOI").id == added.id
    assert _marked(registry) == []
    assert trash(registry.db) == []
