#!/usr/bin/env python3
"""Start-up of the window against a bare PySide6 window, side by side in one run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_window_start.py [--runs 7]

Each run is a whole new process, timed from spawn to exit (wall clock) and by the CPU it used
(user + system, from the OS): interpreter start, imports, QApplication, the window shown and
painted once, quit. "bare" is a plain PySide6 QMainWindow with three tabs of filled tables
(21 units, 120 staff, 150 equipment rows: the sample's sizes); "Một Cửa" is
``build_main_window`` on a copy of the sample register, opening on its first tab. The two
alternate so that both see the same machine load; a warm-up run of each first (page cache,
compiled .pyc files as an installed copy has them, the day's first backup). Goal: Một Cửa within 2× of bare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 2.0

BARE = """
import sys
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget

class Model(QAbstractTableModel):
    def __init__(self, rows, columns):
        super().__init__()
        self.cells = [[f"Dòng {r} cột {c}" for c in range(columns)] for r in range(rows)]
    def rowCount(self, parent=QModelIndex()):
        return len(self.cells)
    def columnCount(self, parent=QModelIndex()):
        return len(self.cells[0])
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.cells[index.row()][index.column()] if role == Qt.ItemDataRole.DisplayRole else None

app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget(window)
for name, rows, columns in (("Đơn vị", 21, 9), ("Cán bộ", 120, 10), ("Thiết bị", 150, 7)):
    view = QTableView(tabs)
    view.setModel(Model(rows, columns))
    tabs.addTab(view, name)
window.setCentralWidget(tabs)
window.resize(1280, 760)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

APP = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from motcua_desktop.ui import build_main_window
window = build_main_window({db!r})
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
window.close()
"""


def sample_copy(folder: Path) -> Path:
    os.environ["MOTCUA_DATA_DIR"] = str(folder / "nguoi-dung")
    sys.path.insert(0, str(ROOT))
    from motcua_desktop.store import Registry
    from motcua_desktop.store.sample import load_sample

    db = folder / "mau.sqlite"
    registry = Registry.open(db)
    load_sample(registry)
    registry.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    registry.close()
    return db


def run_once(code: str, user: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one child process running ``code``."""
    user.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "MOTCUA_DATA_DIR": str(user), "PYTHONIOENCODING": "utf-8"}
    # compiled .pyc files as an installed copy has them (the warm-up run writes them)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=user,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"tiến trình thử thoát với mã {process.returncode}: "
                         f"{process.stderr.read().decode('utf-8', 'replace')}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="motcua-start-") as tmp:
        folder = Path(tmp)
        db = sample_copy(folder)
        codes = {"bare PySide6": BARE, "Một Cửa": APP.format(root=str(ROOT), db=str(db))}
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in codes}
        for code in codes.values():  # one warm-up each: page cache, .pyc files, the day's backup
            run_once(code, folder / "u")
        for _ in range(args.runs):
            for name, code in codes.items():
                results[name].append(run_once(code, folder / "u"))
    print(f"Khởi động cả tiến trình (đến khi cửa sổ đã vẽ và thoát), {args.runs} lần, trung vị:")
    medians = {}
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        medians[name] = (wall, cpu)
        print(f"  {name:13s} thời gian {wall:5.2f} s   CPU {cpu:5.2f} s")
    (bare_wall, bare_cpu), (app_wall, app_cpu) = medians["bare PySide6"], medians["Một Cửa"]
    ratio_wall, ratio_cpu = app_wall / bare_wall, app_cpu / bare_cpu
    verdict = "đạt" if ratio_wall <= GOAL else "KHÔNG đạt"
    print(f"  tỉ lệ Một Cửa / bare: thời gian {ratio_wall:.2f}x, CPU {ratio_cpu:.2f}x "
          f"(mục tiêu <= {GOAL}x): {verdict}")
    return 0 if ratio_wall <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
