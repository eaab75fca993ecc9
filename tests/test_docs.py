"""The design documents under docs/ name real files and functions: a rename that leaves them
pointing at nothing fails here, so the contributor's path in the repository stays walkable."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DESIGN_DOCS = ("architecture.md", "data-model.md", "import-identity.md", "report-templates.md", "contributing.md")
# `store/errors.py`, `report/content.py:staff_appendix`, `db/migrations/`, `tests/report/…py`
_REFERENCE = re.compile(r"`((?:[\w.-]+/)+(?:[\w*-]+\.\w+)?)(?::(\w+))?`")


def _resolve(path: str) -> Path | None:
    for base in (ROOT, ROOT / "motcua_desktop"):
        candidate = base / path
        if "*" in path:
            if list(candidate.parent.glob(candidate.name)):
                return candidate.parent
        elif candidate.exists():
            return candidate
    return None


def _defined_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _references(doc: str) -> list[tuple[str, str | None]]:
    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    return [(m.group(1), m.group(2)) for m in _REFERENCE.finditer(text)]


@pytest.mark.parametrize("doc", DESIGN_DOCS)
def test_every_file_and_name_a_design_document_cites_exists(doc):
    references = _references(doc)
    assert references, f"{doc} names no file at all"
    missing = []
    for path, name in references:
        found = _resolve(path)
        if found is None:
            missing.append(path)
        elif name is not None and found.suffix == ".py" and name not in _defined_names(found):
            missing.append(f"{path}:{name}")
    assert missing == [], f"{doc} cites what is not there: {missing}"


def test_the_readme_links_every_design_document_and_each_link_resolves():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    links = set(re.findall(r"\]\((docs/[^)#]+)", readme))
    assert {f"docs/{d}" for d in DESIGN_DOCS} <= links
    assert [link for link in links if not (ROOT / link).exists()] == []
    for doc in DESIGN_DOCS:
        text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
        for link in re.findall(r"\]\(([\w.-]+\.md)", text):
            assert (ROOT / "docs" / link).exists(), f"{doc} links {link}"


def test_no_merge_conflict_markers_left_in_the_repository():
    """A merge left `<<<<<<< HEAD … >>>>>>>` in the user guide once; readers saw it."""
    marker = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)
    suffixes = {".py", ".md", ".sql", ".toml", ".spec", ".nsi", ".json", ".ts", ".sh", ".txt", ".yml"}
    skip = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".mypy_cache"}
    found = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
             if p.suffix in suffixes and p.is_file() and not skip & set(p.relative_to(ROOT).parts)
             and marker.search(p.read_text(encoding="utf-8", errors="replace"))]
    assert found == []


def test_code_and_tests_speak_of_behaviour_not_of_issue_numbers():
    """A reader of the code has no issue tracker: comments and docstrings say what, not which ticket."""
    pattern = re.compile(r"\b[Ii]ssue \d+")
    found = [f"{p.relative_to(ROOT)}:{n}" for folder in ("motcua_desktop", "tests", "bench")
             for p in (ROOT / folder).rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line) and p.name != "test_docs.py"]
    assert found == []
