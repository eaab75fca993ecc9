"""The pinned PySide6 survives many ``setItem`` calls: 6.12.0 aborted the process (SIGABRT,
"none_dealloc") after a few thousand; the pin in pyproject.toml rests on this test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("setitem_child.py")


def test_5000_setitem_calls_exit_cleanly():
    result = subprocess.run([sys.executable, str(CHILD), "5000"], capture_output=True, text=True,
                            encoding="utf-8", errors="replace", timeout=120,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert result.stdout.strip() == "ok 500 500"


def test_the_pin_is_the_release_this_test_ran_on():
    import PySide6

    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"PySide6-Essentials=={PySide6.__version__}"' in pyproject
