"""The command line's basics: --version, init [--demo], check, exit status 0/2/1 as the README
says, and a one-line Vietnamese reason instead of a traceback for a user's mistake."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from motcua_desktop import __version__
from motcua_desktop.cli.main import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, run

REPO = Path(__file__).resolve().parents[2]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = run(list(argv))
    except SystemExit as exc:  # argparse: --version, usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err
    assert "Error:" not in err  # no Python exception class names either


def test_version(capsys):
    code, out, err = _run(capsys, "--version")
    assert code == EXIT_OK
    assert out.strip() == f"Một Cửa Desktop {__version__}"


def test_init_demo_then_check(capsys, tmp_path):
    db = tmp_path / "chi_lang.sqlite"
    code, out, err = _run(capsys, "init", "--db", str(db), "--demo")
    assert code == EXIT_OK, err
    assert out.startswith(f"Đã tạo {db}: 21 đơn vị,")
    code, out, err = _run(capsys, "check", "--db", str(db))
    assert code == EXIT_OK, err
    assert out.strip() == f"{db}: tệp dữ liệu nguyên vẹn."


def test_init_without_demo_makes_an_empty_register(capsys, tmp_path):
    db = tmp_path / "moi.sqlite"
    code, out, _ = _run(capsys, "init", "--db", str(db))
    assert code == EXIT_OK
    assert out.strip() == f"Đã tạo {db}: 0 đơn vị, 0 cán bộ."
    # an empty register may be filled later with the sample data
    code, out, _ = _run(capsys, "init", "--db", str(db), "--demo")
    assert code == EXIT_OK and ": 21 đơn vị," in out


def test_init_refuses_to_overwrite_a_register_with_data(capsys, sample_db_path):
    before = _sha(sample_db_path)
    code, out, err = _run(capsys, "init", "--db", str(sample_db_path), "--demo")
    assert code == EXIT_BAD_INPUT
    assert err.strip() == f"motcua: tệp {sample_db_path} đã có dữ liệu; không ghi đè"
    assert out == ""
    _no_traceback(err)
    assert _sha(sample_db_path) == before


def test_init_into_a_path_that_cannot_exist_is_a_user_error(capsys, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    code, _, err = _run(capsys, "init", "--db", str(blocker / "sub" / "reg.sqlite"))
    assert code == EXIT_BAD_INPUT
    assert err.strip() == (
        f"motcua: không dùng được đường dẫn {blocker / 'sub'}: "
        "một phần của đường dẫn không phải là thư mục"
    )
    _no_traceback(err)


def test_a_command_on_a_missing_register_is_bad_input(capsys, tmp_path):
    missing = tmp_path / "khong_co.sqlite"
    for argv in (["import", "--db", str(missing), str(tmp_path / "x.xlsx")],
                 ["export", "--db", str(missing), "--out", str(tmp_path / "x.xlsx")]):
        code, _, err = _run(capsys, *argv)
        assert code == EXIT_BAD_INPUT
        assert err.strip() == f"motcua: không có tệp dữ liệu {missing} (tạo bằng: motcua init --db {missing})"
        _no_traceback(err)
    assert not missing.exists()


def test_usage_errors_exit_2_in_vietnamese(capsys, tmp_path):
    code, _, err = _run(capsys, "lenh-khong-co")
    assert code == EXIT_BAD_INPUT
    assert "motcua: lỗi:" in err
    code, _, err = _run(capsys, "report", "--db", str(tmp_path / "x.sqlite"), "--as-of", "31/02/2024")
    assert code == EXIT_BAD_INPUT
    assert "ngày không hợp lệ: ngày 31/02/2024 không có trên lịch" in err
    _no_traceback(err)


def test_check_of_a_damaged_file_exits_1_naming_the_problem(capsys, sample_db_path):
    # Given a register whose pages have been overwritten in three places
    size = sample_db_path.stat().st_size
    with sample_db_path.open("r+b") as fh:
        for where in (size // 4, size // 2, 3 * size // 4):
            fh.seek(where)
            fh.write(b"\xff" * 8192)
    code, out, err = _run(capsys, "check", "--db", str(sample_db_path))
    assert code == EXIT_FAILURE
    assert "bị hỏng" in err and str(sample_db_path) in err
    _no_traceback(err)


def test_check_of_a_missing_file_is_bad_input_and_creates_nothing(capsys, tmp_path):
    missing = tmp_path / "khong_co.sqlite"
    code, _, err = _run(capsys, "check", "--db", str(missing))
    assert code == EXIT_BAD_INPUT
    assert err.strip() == f"motcua: không có tệp dữ liệu {missing}"
    assert not missing.exists()


def test_check_of_a_file_that_is_not_a_register(capsys, tmp_path):
    other = tmp_path / "khac.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE ghi_chu (x)")
    conn.commit()
    conn.close()
    code, _, err = _run(capsys, "check", "--db", str(other))
    assert code == EXIT_FAILURE
    assert "không phải tệp dữ liệu của chương trình" in err


def test_a_register_from_a_newer_version_is_refused_without_traceback(capsys, sample_db_path):
    conn = sqlite3.connect(sample_db_path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('motcua', '9999_future', '2030-01-01')"
        )
    conn.close()
    before = _sha(sample_db_path)
    code, _, err = _run(capsys, "init", "--db", str(sample_db_path))
    assert code == EXIT_FAILURE
    assert "phiên bản mới hơn" in err and len(err.strip().splitlines()) == 1
    _no_traceback(err)
    assert _sha(sample_db_path) == before


def _module(*argv: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "motcua_desktop", *argv],
        cwd=REPO, env=env, capture_output=True, text=True, encoding="utf-8", timeout=60, **kwargs,
    )


def test_python_dash_m_version_in_a_real_process():
    done = _module("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"Một Cửa Desktop {__version__}"


def test_real_process_init_check_and_refusal(tmp_path):
    db = tmp_path / "reg.sqlite"
    done = _module("init", "--db", str(db), "--demo")
    assert done.returncode == 0, done.stderr
    assert "21 đơn vị" in done.stdout
    assert _module("check", "--db", str(db)).returncode == 0
    again = _module("init", "--db", str(db), "--demo")
    assert again.returncode == 2
    assert again.stderr.strip() == f"motcua: tệp {db} đã có dữ liệu; không ghi đè"


def test_a_bug_in_a_command_is_logged_and_told_as_a_program_error(capsys, monkeypatch, sample_db_path):
    """A programming error is not the user's data problem: exit 1, a Vietnamese message naming
    the log, and the traceback in that log (not on the console)."""
    from motcua_desktop import errorlog
    from motcua_desktop.store import health

    def broken(*_args, **_kwargs):
        raise KeyError("no such column: đơn_vị")  # stands for any bug deep in the store

    monkeypatch.setattr(health, "check_file", broken)
    code, _out, err = _run(capsys, "check", "--db", str(sample_db_path))
    errorlog.shutdown_logging()
    assert code == EXIT_FAILURE
    _no_traceback(err)
    assert errorlog.BUG_TITLE in err and "nhật ký" in err
    log = Path(os.environ["MOTCUA_DATA_DIR"]).rglob(errorlog.LOG_FILE)
    text = "".join(p.read_text(encoding="utf-8") for p in log)
    assert "Traceback" in text and "no such column: đơn_vị" in text
