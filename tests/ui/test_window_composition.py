"""The main window is composed in one place: it builds its helpers as attributes of its own,
nobody adds attributes to it from outside or probes it with ``getattr``/``hasattr``, the
changes reach the tab objects that subscribed to their areas, and the window runs no SQL."""

from __future__ import annotations

import ast
import importlib
import re
from datetime import date
from pathlib import Path
from types import FunctionType

import pytest
from PySide6.QtWidgets import QWidget

from motcua_desktop.store.summary import RegisterSummary
from motcua_desktop.ui import build_main_window
from motcua_desktop.ui.backup_actions import BackupActions
from motcua_desktop.ui.commands import Area, ChangeBus
from motcua_desktop.ui.history_view import HistoryActions
from motcua_desktop.ui.lock import WriteAccess
from motcua_desktop.ui.office_actions import OfficeActions

UI = Path(__file__).resolve().parents[2] / "motcua_desktop" / "ui"
PACKAGE = UI.parent
WINDOW_NAMES = {"window", "win", "main_window"}
SQL = re.compile(r"\s*(SELECT\b.*\bFROM\b|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b)", re.S)


def _trees(root: Path) -> list[tuple[Path, ast.Module, str]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8")), p.read_text(encoding="utf-8"))
            for p in sorted(root.rglob("*.py"))]


def _names_window(node: ast.expr) -> bool:
    """``window``, ``self.window``, ``win``… or ``…registry`` / ``self.parent()``."""
    if isinstance(node, ast.Name):
        return node.id in WINDOW_NAMES or node.id == "registry"
    if isinstance(node, ast.Attribute):
        return node.attr in WINDOW_NAMES or node.attr == "registry"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "parent"
    return False


def test_nobody_probes_the_window_or_its_register_with_getattr_or_hasattr():
    found = []
    for path, tree, _ in _trees(PACKAGE):
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("getattr", "hasattr") and node.args
                    and _names_window(node.args[0])):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_no_module_but_the_window_sets_attributes_on_the_window():
    found = []
    for path, tree, _ in _trees(UI):
        if path.name == "main_window.py":
            continue
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AnnAssign | ast.AugAssign) else [])
            for target in targets:
                if isinstance(target, ast.Attribute) and _names_window(target.value):
                    found.append(f"{path.name}:{node.lineno}: {ast.unparse(target)}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
                    and node.args and _names_window(node.args[0])):
                found.append(f"{path.name}:{node.lineno}: setattr")
    assert found == []


def test_no_sql_runs_in_the_user_interface():
    found = []
    for path, tree, _ in _trees(UI):
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in ("execute", "executemany", "executescript", "query")):
                found.append(f"{path.name}:{node.lineno}")
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and SQL.match(node.value)):
                found.append(f"{path.name}:{node.lineno}: {node.value[:30]}")
    assert found == []


def test_the_window_builds_every_helper_as_its_own_attribute(window):
    assert isinstance(window.office_actions, OfficeActions)
    assert isinstance(window.backup_actions, BackupActions) and not window.backup_actions.read_only
    assert isinstance(window.history_actions, HistoryActions)
    assert isinstance(window.write_access, WriteAccess) and not window.write_access.read_only
    # a commune register, writable, on a local disk, with no draft: these are there, and empty
    assert window.consolidation_tab is None
    assert window.read_only_banner is None and window.place_banner is None
    assert window.draft_offer is None
    assert window.files.action_submit_package.objectName() == "actionSubmitPackage"


def test_a_read_only_window_has_its_banner_as_an_attribute(qtbot, sample_db_path):
    win = build_main_window(sample_db_path, read_only=True)
    qtbot.addWidget(win)
    assert win.read_only_banner is not None and win.read_only_banner.objectName() == "readOnlyBanner"
    assert win.backup_actions.read_only
    win.close()


class _Probe(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1


def test_a_change_reaches_the_tab_objects_subscribed_to_its_area(window, qtbot):
    staff, packages = _Probe(), _Probe()  # neither has an object name: routing is by object
    window.add_tab(staff, "Người", Area.STAFF, staff.reload)
    window.add_tab(packages, "Gói", Area.PACKAGES, packages.reload)
    window.tabs.setCurrentWidget(staff)
    with qtbot.waitSignal(window.data_changed):
        window.notify_changed(Area.STAFF | Area.UNITS)
    assert (staff.reloads, packages.reloads) == (1, 0)
    window.notify_changed(Area.PACKAGES)  # the packages tab is hidden: it reloads once shown
    assert packages.reloads == 0
    window.tabs.setCurrentWidget(packages)
    assert (staff.reloads, packages.reloads) == (1, 1)


def test_the_bus_carries_areas_and_everything_by_default(qtbot):
    bus = ChangeBus()
    seen: list[Area] = []
    bus.changed.connect(seen.append)
    bus.notify(Area.UNITS | Area.EQUIPMENT)
    bus.notify()
    assert seen == [Area.UNITS | Area.EQUIPMENT, Area.EVERYTHING]
    assert Area.SETTINGS in Area.EVERYTHING and Area.PACKAGES in Area.EVERYTHING
    with pytest.raises(TypeError):
        bus.notify("units")  # a name is refused where it is given, not in a slot later


def test_a_tab_added_with_interests_must_say_how_it_reloads(window):
    with pytest.raises(TypeError):
        window.add_tab(_Probe(), "Thử", Area.UNITS)


def test_the_window_and_its_tabs_read_the_day_from_the_clock_they_are_given(qtbot, sample_db_path):
    win = build_main_window(sample_db_path, clock=lambda: date(2024, 4, 19))
    qtbot.addWidget(win)
    win.tabs.setCurrentWidget(win.overview_tab)
    assert "19/04/2024" in win.overview_tab.heading.text()
    assert "119 cán bộ đang làm việc" in win.count_label.text()  # the seed report's figure
    win.close()

    before = build_main_window(sample_db_path, clock=lambda: date(2000, 1, 1))  # nobody worked yet
    qtbot.addWidget(before)
    assert "0 cán bộ đang làm việc" in before.count_label.text()
    before.tabs.setCurrentWidget(before.staff_tab)
    assert before.staff_tab.table.model().rowCount() == 0
    before.close()


def test_the_status_bar_shows_the_registers_summary(window):
    summary = window.registry.summary(date(2024, 4, 19))
    assert isinstance(summary, RegisterSummary)
    assert window.count_label.text() == (f"{summary.units} đơn vị · {summary.working} cán bộ đang làm "
                                         f"việc · {summary.devices} thiết bị")


@pytest.mark.parametrize("helper", ["backup_actions", "consolidation_tab", "file_menu", "first_steps",
                                    "history_view", "office_actions", "report_guard"])
def test_the_window_has_all_that_each_helper_says_it_uses_of_it(window, helper):
    """Each helper names what it uses of the window in its ``_Host`` protocol instead of
    importing the window (which imports it): the real window has every one of those members."""
    host = importlib.import_module(f"motcua_desktop.ui.{helper}")._Host
    protocols = [cls for cls in host.__mro__ if cls.__module__ == host.__module__]  # with its bases
    declared = {name: value for cls in protocols for name, value in vars(cls).items() if not name.startswith("_")}
    methods = {name for name, value in declared.items() if isinstance(value, FunctionType)}
    members = {name for cls in protocols for name in vars(cls).get("__annotations__", {})} | methods | {
        name for name, value in declared.items() if isinstance(value, property)}
    assert len(members) > 2, helper
    missing = sorted(name for name in members if not hasattr(window, name))
    assert missing == [], f"{helper}._Host: MainWindow has no {missing}"
    assert [name for name in sorted(methods) if not callable(getattr(window, name))] == []
