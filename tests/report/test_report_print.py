"""`motcua report --print` through Qt to a real CUPS queue (cups-pdf writes the pages to a file)."""

from __future__ import annotations

import getpass
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pytest
from report_seed import run_cli

QUEUE = "PDF"  # the cups-pdf queue .ci/run sets up (tests never start cupsd or run lpadmin)


def _require_cups_pdf_queue() -> None:
    """Skip unless the cups-pdf queue is there: no test may reach a real printer."""
    if sys.platform != "linux":
        pytest.skip("the cups-pdf queue exists only on Linux (set up by .ci/run)")
    if not Path("/usr/lib/cups/backend/cups-pdf").exists() or shutil.which("lpstat") is None:
        pytest.skip("cups-pdf is not installed (.ci/run installs it and adds the queue)")
    queues = subprocess.run(["lpstat", "-v", QUEUE], capture_output=True, text=True, encoding="utf-8").stdout
    if "cups-pdf:/" not in queues:
        pytest.skip(f"no cups-pdf queue named {QUEUE} (run .ci/run, which adds it)")


def _output_dir() -> Path:
    conf = Path("/etc/cups/cups-pdf.conf")
    out = "/var/spool/cups-pdf/${USER}"
    if conf.exists():
        m = re.search(r"^Out\s+(\S+)", conf.read_text(encoding="utf-8"), re.M)
        out = m.group(1) if m else out
    user = os.environ.get("USER") or getpass.getuser()
    return Path(out.replace("${HOME}", str(Path.home())).replace("${USER}", user))


def _wait_for_printed_pdf(folder: Path, before: set[Path], timeout: float = 90) -> list[tuple[float, float]]:
    """Page sizes of the new PDF the queue writes, once cups-pdf has finished writing it."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        new = (set(folder.glob("*.pdf")) if folder.exists() else set()) - before
        for path in new:
            try:
                with pdfplumber.open(path) as printed:
                    sizes = [(p.width, p.height) for p in printed.pages]
            except Exception:  # still being written
                continue
            path.unlink()
            return sizes
        time.sleep(0.5)
    raise AssertionError(f"no complete PDF from the {QUEUE} queue in {folder}")


def test_print_to_a_cups_pdf_queue_produces_every_page_on_a4(tmp_path):
    _require_cups_pdf_queue()
    db, reference = tmp_path / "demo.sqlite", tmp_path / "ref.pdf"
    assert run_cli("init", "--db", str(db), "--demo") == 0
    assert run_cli("report", "--db", str(db), "--out", str(reference)) == 0
    with pdfplumber.open(reference) as doc:
        expected = len(doc.pages)
    folder = _output_dir()
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    # When the report is printed from the command line to the cups-pdf queue
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "motcua_desktop", "report", "--db", str(db), "--print", "--printer", QUEUE],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"Đã gửi {expected} trang" in done.stdout
    # Then the queue writes a PDF with the same number of A4 pages
    pages = _wait_for_printed_pdf(folder, before)
    assert [(round(w), round(h)) for w, h in pages] == [(595, 842)] * expected


def test_print_to_a_printer_that_does_not_exist_exits_2_in_vietnamese(tmp_path):
    db = tmp_path / "demo.sqlite"
    run_cli("init", "--db", str(db), "--demo")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "motcua_desktop", "report", "--db", str(db), "--print", "--printer", "Khong-Co-May-Nay"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=120,
    )
    assert done.returncode == 2
    assert "không có máy in tên 'Khong-Co-May-Nay'" in done.stderr
    assert "Traceback" not in done.stderr
