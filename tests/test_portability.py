"""Rules that keep the suite and the code working on a Windows runner as on Linux."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SUBPROCESS = {"run", "Popen", "check_output", "check_call", "call"}


def _python_files() -> list[Path]:
    files = [ROOT / "dev.py"]
    for folder in ("motcua_desktop", "tests", "installer", "bench"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


def _text_calls_without_encoding(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in _SUBPROCESS or getattr(node.func.value, "id", "") != "subprocess":
            continue
        words = {k.arg: k.value for k in node.keywords}
        text = any(isinstance(words.get(k), ast.Constant) and words[k].value for k in ("text", "universal_newlines"))
        if text and "encoding" not in words:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_subprocess_read_as_text_says_its_encoding():
    """Without encoding=, text mode decodes in the ANSI code page on Windows (cp1252): the
    Vietnamese a child prints arrives garbled and the assertions on it fail."""
    offenders = [hit for f in _python_files() for hit in _text_calls_without_encoding(f)]
    assert offenders == []


def test_every_open_in_text_mode_in_the_code_says_its_encoding():
    offenders = []
    for path in ROOT.joinpath("motcua_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "open":
                words = {k.arg for k in node.keywords}
                mode = node.args[1].value if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) else "r"
                if "b" not in str(mode) and "encoding" not in words:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
