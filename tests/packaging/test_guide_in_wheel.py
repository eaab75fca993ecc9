"""F1 opens the user guide from an installed wheel, not only from the checkout: the wheel is
built (offline, no build isolation), installed into a folder of its own and run from there."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                            "-w", str(out), str(ROOT)], capture_output=True, text=True, encoding="utf-8")
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = out.glob("motcua_desktop-*.whl")
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:  # what pip install puts in site-packages
        names = archive.namelist()
        archive.extractall(target)
    assert "motcua_desktop/_data/resources/docs/huong-dan-su-dung.md" in names
    return target


def test_f1_opens_the_guide_with_its_pictures_from_an_installed_wheel(installed, sample_db_path, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(installed),
               MOTCUA_DATA_DIR=str(tmp_path / "nguoi-dung"))
    result = subprocess.run([sys.executable, str(Path(__file__).with_name("guide_child.py")), str(sample_db_path)],
                            capture_output=True, text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert Path(lines["package"]).is_relative_to(installed)  # the installed copy, not the checkout
    assert Path(lines["folder"]).is_relative_to(installed)
    assert "Hướng dẫn sử dụng Một Cửa Desktop" in lines["heading"]
    assert int(lines["images"]) >= 5
