"""No module of the package imports a module that imports it back, directly or round a longer
loop. The graph is read from the source with ``ast``: imports inside functions count (a
lazy import still ties the two modules together), and so do imports under
``if TYPE_CHECKING:`` (they never run, but they still tie the two modules together for a
reader and a type checker; a helper names what it needs of the window with a small
``typing.Protocol`` instead of importing the window).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

from test_layers import from_module

PACKAGE = Path(__file__).resolve().parents[1] / "motcua_desktop"


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Each module of the package → the modules of the package it imports."""
    files = {_module_name(root, p): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                module = from_module(node, package)
                # `from . import x` imports the module x when there is one, else a name of .
                subs = [f"{module}.{alias.name}" for alias in node.names]
                targets = [s for s in subs if s in files] or [module]
                if any(s not in files for s in subs):
                    targets.append(module)
            for target in targets:
                while target and target not in files:  # `import a.b.c` names a, a.b, a.b.c
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module, as one loop through it
    (``[a, b, a]``), sorted so the report is stable."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.add(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(_loop(graph, group) for group in groups)


def _loop(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest way from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in sorted(graph[node] & group):
                if nxt == start:
                    return paths[node] + [start]
                if nxt not in paths:
                    paths[nxt] = paths[node] + [nxt]
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no loop in {group}")


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    """A package ``motcua_desktop`` under ``tmp_path`` made of ``files`` (path → source)."""
    root = tmp_path / "motcua_desktop"
    for name, source in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(source, encoding="utf-8")
    return root


def test_the_checker_finds_a_cycle_through_a_function_level_import(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "", "ui/__init__.py": "", "ui/window.py": "from .menu import Menu\n",
        "ui/menu.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .types import T\n"
                      "class Menu:\n    def again(self):\n        from .window import Window\n",
        "ui/types.py": "T = int\n",
    })
    graph = import_graph(root)
    assert graph["motcua_desktop.ui.menu"] == {"motcua_desktop.ui.types", "motcua_desktop.ui.window"}
    assert cycles(graph) == [["motcua_desktop.ui.menu", "motcua_desktop.ui.window", "motcua_desktop.ui.menu"]]


def test_the_checker_finds_a_cycle_made_only_of_type_checking_imports(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "", "ui/__init__.py": "", "ui/window.py": "from .menu import Menu\n",
        "ui/menu.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .window import Window\n"
                      "class Menu:\n    def __init__(self, window: Window): ...\n",
        "ui/host.py": "import typing\nif typing.TYPE_CHECKING:\n    from .menu import Menu\n",
    })
    graph = import_graph(root)
    assert graph["motcua_desktop.ui.menu"] == {"motcua_desktop.ui.window"}
    assert graph["motcua_desktop.ui.host"] == {"motcua_desktop.ui.menu"}  # no loop: not reported
    assert cycles(graph) == [["motcua_desktop.ui.menu", "motcua_desktop.ui.window", "motcua_desktop.ui.menu"]]


def test_the_checker_reads_from_dot_import_module_as_that_module(tmp_path):
    root = _package(tmp_path, {
        "__init__.py": "__version__ = '1'\n", "store/__init__.py": "from .. import __version__\n",
        "store/a.py": "from . import b\n", "store/b.py": "def f():\n    import motcua_desktop.store.a\n",
    })
    graph = import_graph(root)
    assert graph["motcua_desktop.store"] == {"motcua_desktop"}
    assert cycles(graph) == [["motcua_desktop.store.a", "motcua_desktop.store.b", "motcua_desktop.store.a"]]


def test_no_module_of_the_package_imports_one_that_imports_it_back():
    graph = import_graph()
    assert len(graph) > 100 and graph["motcua_desktop.ui.main_window"]
    found = [" → ".join(loop) for loop in cycles(graph)]
    assert found == [], "import cycles:\n" + "\n".join(found)
