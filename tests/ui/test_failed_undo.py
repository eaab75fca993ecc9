"""An undo or redo that fails (the row was changed underneath, by another window or program)
changes nothing, says so in Vietnamese, and leaves no step in the history that claims
otherwise: the failed step is dropped and the older ones, recorded against data that no
longer is, are cleared."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from motcua_desktop.domain.model import Unit
from motcua_desktop.store.errors import IntegrityRefused
from motcua_desktop.ui.commands import ChangeBus, StoreCommand, execute


@pytest.fixture
def stack(qtbot):
    stack = QUndoStack()
    yield stack
    stack.clear()


def _command(bus, data: list[str], name: str, undo=None) -> StoreCommand:
    def do() -> None:
        data.append(name)

    def take_back() -> None:
        data.remove(name)

    return StoreCommand(f"Thêm {name}", do, undo or take_back, bus, ("units",))


def test_a_failed_undo_drops_the_step_and_clears_the_older_ones(qtbot, stack):
    bus, data, told = ChangeBus(), [], []
    bus.failed.connect(told.append)
    execute(stack, _command(bus, data, "A"))

    def refused() -> None:
        raise IntegrityRefused("Đơn vị B đã bị sửa ở một cửa sổ khác.")

    execute(stack, _command(bus, data, "B", undo=refused))

    stack.undo()

    assert data == ["A", "B"]  # nothing undone
    assert stack.index() == stack.count()  # the stack does not claim B was undone
    assert not stack.canRedo()  # nor offers to redo it
    qtbot.waitUntil(lambda: bool(told), timeout=2000)
    assert stack.count() == 0  # A was recorded before B: gone too
    assert not stack.canUndo()
    assert told == [
        "Không hoàn tác được “Thêm B”: Đơn vị B đã bị sửa ở một cửa sổ khác.\n\n"
        "Dữ liệu giữ nguyên như trước khi bấm Hoàn tác. Lịch sử hoàn tác đã được xóa, vì các "
        "bước cũ hơn được ghi với dữ liệu khác với dữ liệu hiện có."
    ]


def test_a_failed_redo_leaves_the_data_undone_and_the_stack_with_nothing_to_redo(qtbot, stack):
    bus, data, told = ChangeBus(), [], []
    bus.failed.connect(told.append)
    fail = {"now": False}

    def do() -> None:
        if fail["now"]:
            raise IntegrityRefused("Mã đơn vị 'B' đã được dùng cho Đơn vị khác.")
        data.append("B")

    execute(stack, StoreCommand("Thêm B", do, lambda: data.remove("B"), bus, ("units",)))
    stack.undo()
    fail["now"] = True

    stack.redo()

    assert data == []
    assert stack.index() == stack.count() and not stack.canRedo()
    qtbot.waitUntil(lambda: bool(told), timeout=2000)
    assert stack.count() == 0
    assert told[0].startswith("Không làm lại được “Thêm B”: Mã đơn vị 'B'")


def test_a_bug_in_an_undo_is_logged_as_a_program_error_and_leaves_the_stack_consistent(
        qtbot, stack, monkeypatch):
    bus, data, told, hooked = ChangeBus(), [], [], []
    bus.failed.connect(told.append)
    monkeypatch.setattr(sys, "excepthook", lambda *exc_info: hooked.append(exc_info[1]))

    def broken() -> None:
        raise KeyError("unit")

    execute(stack, _command(bus, data, "A", undo=broken))
    stack.undo()

    assert data == ["A"] and not stack.canRedo()
    qtbot.waitUntil(lambda: bool(told), timeout=2000)
    assert stack.count() == 0
    assert [type(e) for e in hooked] == [KeyError]
    assert "lỗi chương trình" in told[0]


def test_ctrl_z_on_a_unit_deleted_by_another_window_says_so_and_changes_nothing(window, qtbot, monkeypatch):
    warned: list[str] = []

    def modal_warning(_parent, _title, text, *args, **kwargs):
        QCoreApplication.processEvents()  # a real message box runs an event loop of its own
        warned.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", modal_warning)
    # Given a unit added and then renamed in this window
    unit = window.ops.add_unit(Unit("DV-MOI", "Bộ phận Một cửa xã Mới", "xa", "xa"))
    window.ops.edit_unit(unit, Unit("DV-MOI", "Bộ phận Một cửa xã Mới Lập", "xa", "xa", id=unit.id,
                                    sort_order=unit.sort_order))
    # and deleted meanwhile by another program holding the same file
    other = sqlite3.connect(window.registry.path)
    with other:
        other.execute("DELETE FROM units WHERE id = ?", [unit.id])
    other.close()
    units_before = [u.name for u in window.registry.units.list()]

    window.action_undo.trigger()  # Ctrl+Z: put the old name back

    assert [u.name for u in window.registry.units.list()] == units_before
    qtbot.waitUntil(lambda: bool(warned), timeout=2000)
    assert window.undo_stack.count() == 0
    # the status bar does not say it was undone
    assert window.statusBar().currentMessage() == "Không còn bước nào để hoàn tác: lịch sử hoàn tác đã được xóa."
    assert len(warned) == 1
    assert warned[0].startswith("Không hoàn tác được “Sửa Bộ phận Một cửa xã Mới Lập”: "
                                f"Không tìm thấy đơn vị số {unit.id}.")
    assert not window.action_undo.isEnabled() and not window.action_redo.isEnabled()


def test_redoing_a_restore_that_another_window_made_meanwhile_says_so(window, answers, qtbot):
    from motcua_desktop.domain.model import EquipmentType
    from motcua_desktop.store.trash import restore, trash

    registry = window.registry
    kind = registry.equipment.add_type(EquipmentType("Máy chiếu", {"huyen": 2}))
    registry.equipment.delete_type(kind.id)
    window.ops.restore_deleted(trash(registry.db)[0].deletion.id)
    window.action_undo.trigger()  # back into the trash
    restore(registry.db, trash(registry.db)[0].deletion.id)  # brought back elsewhere meanwhile

    window.action_redo.trigger()

    assert [t.name for t in registry.equipment.types()].count("Máy chiếu") == 1
    qtbot.waitUntil(lambda: bool(answers.warned), timeout=2000)
    assert answers.warned[0].startswith("Không làm lại được “Khôi phục Máy chiếu từ thùng rác”: Bản "
                                        "ghi này không còn trong thùng rác")
    assert window.undo_stack.count() == 0
