"""Faults on the report side: a damaged or missing font, no printer. A clear message, no
traceback, no half-written file, the register unchanged."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from motcua_desktop import paths
from motcua_desktop.cli.main import run

from .helpers import content


@pytest.fixture
def broken_fonts(tmp_path, monkeypatch):
    """The bundled fonts folder with its regular face damaged (as a bad disk sector would)."""
    from motcua_desktop.report import fonts

    folder = tmp_path / "fonts"
    shutil.copytree(paths.fonts_dir(), folder)
    monkeypatch.setattr(paths, "fonts_dir", lambda: folder)
    monkeypatch.setattr(fonts, "_system_times", lambda: None)
    fonts.report_fonts.cache_clear()
    yield folder
    fonts.report_fonts.cache_clear()  # the next report registers the good fonts again


def test_a_damaged_font_file_gives_a_clear_message(broken_fonts, sample_db_path, tmp_path, capsys):
    regular = broken_fonts / "LiberationSerif-Regular.ttf"
    data = bytearray(regular.read_bytes())
    data[12:2000] = b"\x00" * 1988  # the table directory is gone
    regular.write_bytes(bytes(data))
    before = content(sample_db_path)
    out = tmp_path / "bao-cao.pdf"
    assert run(["report", "--db", str(sample_db_path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Tệp phông chữ" in err and "bị hỏng" in err and "LiberationSerif-Regular.ttf" in err
    assert "Traceback" not in err and "cài lại chương trình" in err
    assert not out.exists()
    assert content(sample_db_path) == before


def test_a_missing_font_file_gives_a_clear_message(broken_fonts, sample_db_path, tmp_path, capsys):
    (broken_fonts / "LiberationSerif-Bold.ttf").unlink()
    out = tmp_path / "bao-cao.pdf"
    assert run(["report", "--db", str(sample_db_path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Thiếu tệp phông chữ" in err and "LiberationSerif-Bold.ttf" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.skipif(sys.platform != "linux", reason="CUPS_SERVER hides the printers only where CUPS prints; "
                    "elsewhere this could reach the runner's default printer (see the in-process test)")
def test_no_printer_gives_a_clear_message_and_changes_nothing(sample_db_path):
    # a CUPS server that is not there: the PC has no printer at all
    env = dict(os.environ, CUPS_SERVER=str(sample_db_path.parent / "khong-co-cups.sock"),
               QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.getcwd())  # fmt: skip
    before = content(sample_db_path)
    done = subprocess.run([sys.executable, "-m", "motcua_desktop", "report", "--db", str(sample_db_path), "--print"],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().endswith("máy tính này chưa cài máy in nào")
    assert "Traceback" not in done.stderr
    assert content(sample_db_path) == before


def test_no_printer_in_process_on_any_platform(sample_db_path, monkeypatch, capsys):
    """The same with Qt's printer list emptied in the process: it cannot reach a real printer
    on any OS (a Windows runner has a default printer)."""
    from PySide6.QtPrintSupport import QPrinterInfo

    from motcua_desktop.ui import printing

    class NoPrinters:
        availablePrinterNames = staticmethod(lambda: [])  # noqa: N815 - Qt's names
        defaultPrinter = staticmethod(lambda: QPrinterInfo())  # noqa: N815
        printerInfo = staticmethod(lambda name: QPrinterInfo())  # noqa: N815

    monkeypatch.setattr(printing, "QPrinterInfo", NoPrinters)
    sent: list[object] = []
    monkeypatch.setattr(printing, "print_pdf", lambda *a, **k: sent.append(a) or 1)
    before = content(sample_db_path)
    assert run(["report", "--db", str(sample_db_path), "--print"]) == 2
    err = capsys.readouterr().err
    assert err.strip().endswith("máy tính này chưa cài máy in nào") and "Traceback" not in err
    assert sent == [] and content(sample_db_path) == before
