"""No command writes over the register or its companions, a zero-byte or foreign
``--db`` is bad input, and the report's .xlsx holds text, never a live formula."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from motcua_desktop.cli.main import EXIT_BAD_INPUT, run
from motcua_desktop.domain.model import Unit
from motcua_desktop.store import Registry


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = run(list(argv))
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, err


@pytest.mark.parametrize("target", ["self", "-wal", "-shm", ".lock", "backup"])
@pytest.mark.parametrize("command", [["report"], ["export"]])
def test_an_output_over_the_register_or_its_files_is_refused(capsys, sample_db_path, tmp_path, target, command):
    """Before: ``motcua report --db d.db --out d.db`` replaced the register with a PDF, exit 0."""
    backup = tmp_path / "sample_2024-04-19_10-00-00_thu-cong.sqlite"
    shutil.copyfile(sample_db_path, backup)
    out = {"self": sample_db_path, "backup": backup}.get(target) or sample_db_path.with_name(
        sample_db_path.name + target)
    before = out.read_bytes() if out.exists() else None
    code, err = _run(capsys, *command, "--db", str(sample_db_path), "--out", str(out))
    assert code == EXIT_BAD_INPUT
    assert f"không ghi vào {out}" in err
    assert (out.read_bytes() if out.exists() else None) == before
    reg = Registry.open(sample_db_path, read_only=True)
    assert len(reg.units.list()) == 21
    reg.close()


@pytest.mark.parametrize("command", [["import", "x.xlsx"], ["export", "--out", "x.xlsx"],
                                     ["report", "--out", "x.pdf"], ["backup", "--out", "b.sqlite"]])
@pytest.mark.parametrize("content", [b"", b"this is a note, not a register"])
def test_a_zero_byte_or_foreign_db_is_bad_input(capsys, tmp_path, monkeypatch, command, content):
    """Before: a zero-byte --db was silently turned into a new register."""
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "d.db"
    db.write_bytes(content)
    code, err = _run(capsys, *command, "--db", str(db))
    assert code == EXIT_BAD_INPUT
    assert ("rỗng (0 byte)" if not content else "không phải tệp SQLite") in err
    assert db.read_bytes() == content


def test_init_still_makes_a_register_of_a_zero_byte_file(capsys, tmp_path):
    db = tmp_path / "d.db"
    db.write_bytes(b"")
    code, _ = _run(capsys, "init", "--db", str(db))
    assert code == 0 and db.stat().st_size > 0


def test_a_unit_named_like_a_formula_stays_text_in_the_report_xlsx(capsys, sample_db_path, tmp_path):
    """Before: a unit named =HYPERLINK(…) became a live formula in the appendix workbook."""
    reg = Registry.open(sample_db_path)
    unit = reg.units.list()[1]
    reg.units.update(Unit(**{**unit.__dict__, "name": '=HYPERLINK("http://x","bấm")'}))
    reg.close()
    out = tmp_path / "bao_cao.xlsx"
    code, _ = _run(capsys, "report", "--db", str(sample_db_path), "--as-of", "2024-04-19", "--out", str(out))
    assert code == 0
    cells = [c for ws in load_workbook(out) for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]  # fmt: skip
    assert [c.value for c in cells] == ['=HYPERLINK("http://x","bấm")']
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_output_guard_refuses_any_sqlite_file(tmp_path: Path):
    from motcua_desktop.store.errors import InputRejected
    from motcua_desktop.store.outputs import check_output_path

    other = tmp_path / "khac.sqlite"
    Registry.open(other).close()
    with pytest.raises(InputRejected, match="là một tệp dữ liệu hoặc bản sao lưu"):
        check_output_path(other, None)
    assert check_output_path(tmp_path / "moi.pdf", other) == tmp_path / "moi.pdf"
