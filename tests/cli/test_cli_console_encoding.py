"""Output redirected or piped on a Windows PC is written in its ANSI code page (cp1258 in
Vietnam, cp1252 elsewhere), which lacks "ạ", "ệ", "Đ". The command line must write UTF-8 and
succeed, not end with a UnicodeEncodeError after its work was committed."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from motcua_desktop.cli.main import main


@pytest.mark.parametrize("code_page", ["cp1258", "cp1252"])
def test_a_command_writing_to_a_code_page_stream_succeeds_in_utf8(tmp_path, monkeypatch, code_page):
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out_bytes, encoding=code_page))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err_bytes, encoding=code_page))
    with pytest.raises(SystemExit) as done:
        main(["init", "--demo", "--db", str(tmp_path / "mau.sqlite")])
    sys.stdout.flush()
    assert done.value.code == 0
    said = out_bytes.getvalue().decode("utf-8")
    assert "Đã tạo" in said or "dữ liệu mẫu" in said, said
    # and a refusal in Vietnamese, too
    with pytest.raises(SystemExit) as refused:
        main(["report", "--db", str(tmp_path / "mau.sqlite")])
    sys.stderr.flush()
    assert refused.value.code == 2
    assert "chưa cho tệp kết quả" in err_bytes.getvalue().decode("utf-8")


def test_the_windowed_executable_without_streams_does_not_crash(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit) as done:
        main(["init", "--db", str(tmp_path / "trong.sqlite")])
    assert done.value.code == 0


def test_redirected_output_of_a_real_process_in_cp1252_is_utf8(tmp_path):
    """The process as Windows starts it with output to a file: Python picks the code page
    (PYTHONIOENCODING plays that part here)."""
    env = dict(os.environ, PYTHONIOENCODING="cp1252", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "motcua_desktop", "init", "--demo", "--db", str(tmp_path / "a.sqlite")],
                          capture_output=True, env=env, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in done.stderr.decode("utf-8", "replace")
    assert "Đã" in done.stdout.decode("utf-8")
