"""The import rules of docs/architecture.md, checked on the source with ``ast`` (lazy imports inside
functions count too):

- ``domain`` is pure Python: no Qt (PySide6, shiboken6), no SQLite (sqlite3, sqlite_utils).
- ``store`` uses no Qt at all: it runs in scripts and the CLI without a display.
- Only ``ui`` imports ``PySide6.QtWidgets``. ``report`` may use QtCore/QtGui lazily (fonts,
  printing), and ``cli`` starts the window through ``motcua_desktop.ui``.
  ``smoke.py`` (the frozen app's self-test) needs the window too, and gets no exception:
  it reaches it only through ``motcua_desktop.ui`` (``make_application``,
  ``build_main_window``), so widget code stays in one place and a widget it needs is added
  to ``ui``, not imported beside it.
- Dependencies point one way: domain <- store <- report <- ui; cli may use them all.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "motcua_desktop"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")
SQL = ("sqlite3", "sqlite_utils", "apsw")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def from_module(node: ast.ImportFrom, package: list[str]) -> str:
    """The absolute name of the module a ``from … import`` reads, relative ones resolved
    against ``package`` (the parts of the importing module's package)."""
    if not node.level:
        return node.module or ""
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = from_module(node, package)
            found.append((node.lineno, module))
            # `from PySide6 import QtWidgets` imports the submodule too
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def _files(*under: str) -> list[Path]:
    root = PACKAGE.joinpath(*under)
    return sorted(root.rglob("*.py")) if root.is_dir() else [root]


def _violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for file in files:
        for line, module in imports_of(file):
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                out.append(f"{file.relative_to(PACKAGE.parent)}:{line}: {module}")
    return sorted(set(out))


def test_the_checker_sees_relative_lazy_and_from_imports(tmp_path, monkeypatch):
    # Given a module that hides its imports in the ways code does
    fake = tmp_path / "motcua_desktop" / "store" / "sneaky.py"
    fake.parent.mkdir(parents=True)
    fake.write_text(
        "from PySide6 import QtWidgets\n"
        "def f():\n    from ..ui import main_window\n    import sqlite3\n"
        "import importlib\nimportlib.import_module('PySide6.QtWidgets')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "motcua_desktop")
    found = {m for _, m in imports_of(fake)}
    assert {"PySide6.QtWidgets", "motcua_desktop.ui.main_window", "sqlite3"} <= found
    assert _violations([fake], ("PySide6.QtWidgets",)) == [
        "motcua_desktop/store/sneaky.py:1: PySide6.QtWidgets",
        "motcua_desktop/store/sneaky.py:6: PySide6.QtWidgets",
    ]


def test_domain_imports_neither_qt_nor_sqlite():
    files = _files("domain")
    assert len(files) >= 5
    assert _violations(files, QT + SQL) == []


def test_store_imports_no_qt():
    assert _violations(_files("store"), QT) == []


def test_only_ui_imports_qtwidgets():
    outside_ui = [f for f in _files() if "ui" not in f.relative_to(PACKAGE).parts[:1]]
    assert PACKAGE / "smoke.py" in outside_ui or not (PACKAGE / "smoke.py").exists()
    assert _violations(outside_ui, ("PySide6.QtWidgets",)) == []


@pytest.mark.parametrize(
    ("layer", "must_not_use"),
    [
        ("domain", ("store", "report", "ui", "cli", "smoke")),
        ("store", ("report", "ui", "cli", "smoke")),
        ("report", ("ui", "cli", "smoke")),
    ],
)
def test_dependencies_point_one_way(layer, must_not_use):
    forbidden = tuple(f"motcua_desktop.{name}" for name in must_not_use)
    assert _violations(_files(layer), forbidden) == []
