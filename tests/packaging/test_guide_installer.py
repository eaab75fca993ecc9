"""The user guide names the installer's labels exactly as the installer shows them, and has the
section for office PCs (SmartScreen, antivirus, SHA-256, where data lives)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "huong-dan-su-dung.md").read_text(encoding="utf-8")
SCRIPT = (ROOT / "installer" / "motcua.nsi").read_text(encoding="utf-8-sig")


def _installer_labels() -> set[str]:
    sections = re.findall(r'^Section "([^"]+)"', SCRIPT, re.M)
    boxes = re.findall(r'\$\{NSD_CreateCheckbox\} [^"]+"([^"]+)"', SCRIPT)
    return set(sections) | set(boxes)


def test_the_checkboxes_the_guide_tells_to_tick_are_the_installers_own_labels():
    install = GUIDE.split("## 1. Cài đặt", 1)[1].split("\n## ", 1)[0]
    ticked = re.findall(r"[Đđ]ánh dấu (?:ô )?\*\*(.+?)\*\*", install)
    assert len(ticked) >= 2
    assert set(ticked) <= _installer_labels(), set(ticked) - _installer_labels()


def test_the_guide_has_the_office_pc_section():
    section = GUIDE.split("### Cài đặt trên máy cơ quan", 1)[1].split("\n## ", 1)[0]
    for must in ("Windows đã bảo vệ PC của bạn", "Thông tin bổ sung", "Vẫn chạy", "Nhà phát hành không xác định",
                 "Smart App Control", "diệt virus", "Get-FileHash", ".sha256", "%LOCALAPPDATA%\\MotCua\\motcua.sqlite",
                 "OneDrive", "Máy kia đã tắt — gỡ khóa…"):  # fmt: skip
        assert must in section, must
