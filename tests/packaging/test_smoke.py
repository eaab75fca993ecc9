"""``motcua --smoke-test`` run from source as a subprocess, as IT staff would run the frozen one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(code: str | None = None, **env: str) -> subprocess.CompletedProcess:
    args = [sys.executable, "-c", code] if code else [sys.executable, "-m", "motcua_desktop", "--smoke-test"]
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8", **env}
    return subprocess.run(args, cwd=ROOT, env=full_env, capture_output=True, text=True,
                          encoding="utf-8", timeout=180)


def _with_patched_paths(attribute: str, folder: Path) -> str:
    return (
        "import sys, pathlib\n"
        "from motcua_desktop import paths\n"
        f"paths.{attribute} = lambda: pathlib.Path({str(folder)!r})\n"
        "from motcua_desktop.smoke import run_smoke_test\n"
        "sys.exit(run_smoke_test())\n"
    )


def test_smoke_test_passes_on_the_sample_data_and_times_each_step(tmp_path: Path) -> None:
    # Given a checkout and an empty user-data folder
    user_data = tmp_path / "user"
    # When the smoke test runs
    result = _run(MOTCUA_DATA_DIR=str(user_data))
    # Then it passes, names every step with its time, and renders the report
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for step in ("tài nguyên", "dữ liệu mẫu", "plugin Qt", "sắp xếp tiếng Việt", "cửa sổ đã vẽ",
                 "xem trước báo cáo", "báo cáo PDF", "tổng cộng: đạt"):
        assert any(step in line and " s " in line for line in lines), (step, result.stdout)
    assert "offscreen" in result.stdout
    # And the user's own settings and recent files are not touched
    assert not (user_data / "giao_dien.ini").exists()


def test_missing_font_fails_naming_the_font(tmp_path: Path) -> None:
    # Given a bundle whose fonts folder is empty
    result = _run(_with_patched_paths("fonts_dir", tmp_path))
    # Then the smoke test fails at the resources step, naming the missing file
    assert result.returncode == 1
    assert "tài nguyên" in result.stderr
    assert "phông chữ" in result.stderr and "LiberationSerif-Regular.ttf" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_migrations_fail_naming_them(tmp_path: Path) -> None:
    result = _run(_with_patched_paths("migrations_dir", tmp_path))
    assert result.returncode == 1
    assert "migration" in result.stderr and str(tmp_path) in result.stderr
    assert "Traceback" not in result.stderr


def test_platform_plugin_that_does_not_exist_is_named_instead_of_aborting() -> None:
    # Given a Qt platform the bundle does not carry
    result = _run(QT_QPA_PLATFORM="nosuchplatform")
    # Then the smoke test names it and exits 1 (Qt itself would abort with a core dump)
    assert result.returncode == 1
    assert "plugin Qt" in result.stderr and "nosuchplatform" in result.stderr
