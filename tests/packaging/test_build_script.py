"""installer/build_windows.ps1: what can be checked without Windows."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RAW = (ROOT / "installer" / "build_windows.ps1").read_bytes()
TEXT = RAW.decode("utf-8-sig")


def test_the_build_script_has_a_utf8_bom_for_windows_powershell_51():
    """Without a BOM, PowerShell 5.1 reads the script in the ANSI code page: "Không tìm thấy"
    becomes mojibake in every message."""
    assert RAW.startswith(b"\xef\xbb\xbf")


def test_no_pythonioencoding_hides_console_encoding_failures():
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "PYTHONIOENCODING" not in TEXT and "PYTHONIOENCODING" not in workflow


def test_the_build_script_writes_the_setups_sha256_and_signs_when_given_a_certificate():
    assert "Get-FileHash -Algorithm SHA256" in TEXT and ".sha256" in TEXT
    assert "[string]$CertFile" in TEXT and "[string]$CertThumbprint" in TEXT
    assert "signtool" in TEXT and "/DSIGN_CMD=" in TEXT and "verify /pa" in TEXT
