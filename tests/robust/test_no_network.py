"""The app never uses the network: every command and the window run with an audit hook that
records any attempt to resolve a name or open an Internet socket, and with connect() failing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

_SCRIPT = textwrap.dedent("""
    import json, socket, sys
    attempts = []

    def hook(event, args):
        if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
                     "socket.sendto", "http.client.connect", "urllib.Request", "ftplib.connect",
                     "smtplib.connect", "webbrowser.open"):
            attempts.append([event, repr(args)[:200]])
        elif event == "socket.__new__" and args[1] in (socket.AF_INET, socket.AF_INET6):
            attempts.append([event, repr(args)[:200]])
        elif event == "socket.connect" and not isinstance(args[1], (str, bytes)):
            attempts.append([event, repr(args)[:200]])

    sys.addaudithook(hook)

    def refuse(self, *a, **k):
        attempts.append(["connect", repr(a)[:200]])
        raise OSError("mạng bị cấm trong bài kiểm tra")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = lambda *a, **k: refuse(None, *a)

    from pathlib import Path
    from motcua_desktop.cli.main import run

    work = Path(sys.argv[1])
    db = str(work / "dl.sqlite")
    codes = [
        run(["init", "--db", db, "--demo"]),
        run(["export", "--db", db, "--out", str(work / "xuat.xlsx")]),
        run(["import", "--db", db, str(work / "xuat.xlsx")]),
        run(["check", "--db", db]),
        run(["backup", "--db", db, "--out", str(work)]),
        run(["report", "--db", db, "--out", str(work / "bc.pdf")]),
        run(["report", "--db", db, "--out", str(work / "bc.docx")]),
    ]
    from PySide6.QtWidgets import QApplication
    from motcua_desktop.ui import build_main_window

    app = QApplication([])
    window = build_main_window(db)
    window.show()
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        app.processEvents()
    window.close()
    print(json.dumps({"codes": codes, "attempts": attempts}))
""")


def test_commands_and_window_open_no_network_connection(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=os.getcwd())
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(tmp_path)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=180)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["codes"] == [0] * 7, done.stderr[-2000:]
    assert result["attempts"] == []
    assert (tmp_path / "bc.pdf").stat().st_size > 0
