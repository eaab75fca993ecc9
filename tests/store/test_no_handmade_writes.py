"""Row writes go through store/writes.py: no module of the store assembles an INSERT or an
UPDATE … SET in an f-string of its own (static SQL strings are fine)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import motcua_desktop.store as store

ROOT = Path(store.__file__).parent
# the helper itself; the import's row writes and its undo journal (kept apart for speed, to
# be moved onto the helper by their owner)
ALLOWED = {"writes.py", "transfer/writing.py", "transfer/journal.py"}
WRITE = re.compile(r"\bINSERT\s+INTO\b|\bUPDATE\s+\S*\s*SET\b|\bSET\b\s*$", re.IGNORECASE)


def _handmade(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.JoinedStr) and any(isinstance(v, ast.FormattedValue) for v in node.values):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if WRITE.search(text):
                lines.append(node.lineno)
    return lines


def test_no_store_module_builds_its_own_insert_or_update() -> None:
    found = {
        str(p.relative_to(ROOT)): _handmade(p)
        for p in sorted(ROOT.rglob("*.py"))
        if p.relative_to(ROOT).as_posix() not in ALLOWED
    }
    assert {k: v for k, v in found.items() if v} == {}


def test_the_check_sees_a_handmade_insert(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("row = {}\nsql = f'INSERT INTO units ({\", \".join(row)}) VALUES (?)'\n"
                   "up = f'UPDATE {\"units\"} SET {row} WHERE id = ?'\n", encoding="utf-8")
    assert _handmade(bad) == [2, 3]
