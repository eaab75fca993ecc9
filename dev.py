#!/usr/bin/env python3
"""Set up and run Một Cửa Desktop from a checkout, on Windows or Linux.

    python3 dev.py run     # make .venv if needed, install, open the app (sample data on first start)
    python3 dev.py test    # make .venv if needed, install, run ruff, mypy and the whole test suite

Only the standard library is used here, so it works on a fresh machine with Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".motcua-installed"


def _fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs before any check
        major, minor = sys.version_info[:2]
        sys.exit(f"Cần Python 3.11 trở lên (đang chạy {major}.{minor}).")
    if not PYTHON.exists():
        print("Tạo môi trường .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _fingerprint():
        print("Cài đặt thư viện (lần đầu mất vài phút) …", flush=True)
        subprocess.check_call([str(PYTHON), "-m", "pip", "install", "-q", "--upgrade", "pip"])
        subprocess.check_call([str(PYTHON), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"])
        STAMP.write_text(_fingerprint())


def run_app(extra: list[str]) -> int:
    ensure_venv()
    return subprocess.call([str(PYTHON), "-m", "motcua_desktop", *extra])


def run_tests(extra: list[str]) -> int:
    ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    lint = subprocess.call([str(PYTHON), "-m", "ruff", "check", str(ROOT)], cwd=ROOT, env=env)
    types = subprocess.call([str(PYTHON), "-m", "mypy"], cwd=ROOT, env=env)  # pyproject's [tool.mypy]
    tests = subprocess.call([str(PYTHON), "-m", "pytest", *extra], cwd=ROOT, env=env)
    return tests or lint or types


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__)
        return 2
    command, extra = sys.argv[1], sys.argv[2:]
    return run_app(extra) if command == "run" else run_tests(extra)


if __name__ == "__main__":
    sys.exit(main())
