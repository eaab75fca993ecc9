"""The Windows installer script: compiled with makensis -WX where it is installed (as
.ci/packaging.sh does), and the rules a Windows PC needs read from the script itself.
What the installer does at run time needs Windows (docs/BUILD-WINDOWS.md)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from motcua_desktop.running import MUTEX_NAME, hold_running_mutex

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (ROOT / "installer" / "motcua.nsi").read_text(encoding="utf-8-sig")


def _function(name: str) -> str:
    m = re.search(rf"^Function {re.escape(name)}\n(.*?)^FunctionEnd", SCRIPT, re.M | re.S)
    assert m, name
    return m.group(1)


def test_the_installer_and_uninstaller_check_the_mutex_the_app_holds():
    assert f'!define MUTEX "{MUTEX_NAME}"' in SCRIPT
    assert "OpenMutexW" in SCRIPT and "${EXIT_RUNNING}" in SCRIPT
    assert "Call CheckNotRunning" in _function(".onInit")
    assert "Call un.CheckNotRunning" in _function("un.onInit")


def test_the_app_holds_the_mutex_on_windows_only():
    assert hold_running_mutex() is (os.name == "nt")


def test_slash_d_is_kept_and_the_other_install_mode_is_looked_for_in_both_hives():
    assert not re.search(r"^InstallDir ", SCRIPT, re.M)  # else /D= cannot be told from the default
    on_init = _function(".onInit")
    assert on_init.index("StrCpy $DirGiven $INSTDIR") < on_init.index("SetMode")
    assert 'ReadRegStr $R4 HKLM "${UNINSTALL_KEY}"' in on_init and 'ReadRegStr $R5 HKCU "${UNINSTALL_KEY}"' in on_init
    assert "${EXIT_OTHER_MODE}" in on_init


def test_run_now_is_not_offered_to_an_elevated_all_users_install():
    assert "!define MUI_PAGE_CUSTOMFUNCTION_SHOW FinishShow" in SCRIPT
    show = _function("FinishShow")
    assert "$AllUsers == 1" in show and "SW_HIDE" in show


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (NSIS 3) is not installed")
def test_a_pre_release_version_compiles_with_a_four_number_file_version_and_signing_hooks(tmp_path):
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    for exe in ("MotCua.exe", "motcua-cli.exe"):
        (payload / exe).write_bytes(b"MZ stand-in\n")
    done = subprocess.run(
        ["makensis", "-WX", "-V2", "-DVERSION=0.2.0rc1", f"-DPAYLOAD={payload}", f"-DOUTDIR={tmp_path}",
         "-DSIGN_CMD=echo KY-SO", str(ROOT / "installer" / "motcua.nsi")],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    # the signing command ran on the embedded uninstaller and then on the setup
    signed = [line for line in done.stdout.splitlines() if line.startswith("KY-SO ")]
    assert len(signed) == 2 and signed[1].endswith("MotCua-Setup-0.2.0rc1.exe")
    data = (tmp_path / "MotCua-Setup-0.2.0rc1.exe").read_bytes()
    fixed = data.index(b"\xbd\x04\xef\xfe")  # VS_FIXEDFILEINFO
    ms, ls = struct.unpack("<II", data[fixed + 8 : fixed + 16])
    assert (ms >> 16, ms & 0xFFFF, ls >> 16, ls & 0xFFFF) == (0, 2, 0, 0)
    assert "0.2.0rc1".encode("utf-16-le") in data  # the text version keeps the marker
