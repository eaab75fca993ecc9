#!/usr/bin/env python3
"""Cold start of the frozen bundle against the same from source: time to a painted window.

    .venv/bin/python bench/bench_startup.py [--bundle dist/motcua/motcua] [--runs 5] [--warm]

Both run ``--smoke-test`` (QT_QPA_PLATFORM=offscreen unless set); the time is measured from
spawning the process to the smoke test's "cửa sổ đã vẽ" line, i.e. interpreter start, imports,
QApplication, the main window on the sample data and its first paint. As root on Linux the
page cache is dropped before every run (a cold start, as after a reboot); --warm skips that.
Prints the median of each and the ratio (goal: frozen within 1.5x of source).
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
MARKER = "cửa sổ đã vẽ"  # motcua_desktop.smoke.PAINTED_LINE
DROP_CACHES = Path("/proc/sys/vm/drop_caches")
GOAL = 1.5


def can_drop_caches() -> bool:
    return sys.platform.startswith("linux") and os.access(DROP_CACHES, os.W_OK)


def drop_caches() -> None:
    os.sync()
    DROP_CACHES.write_text("3\n")


def time_to_painted(command: list[str], cold: bool) -> float:
    if cold:
        drop_caches()
    with tempfile.TemporaryDirectory(prefix="motcua-bench-") as user:
        env = {**os.environ, "MOTCUA_DATA_DIR": user, "PYTHONIOENCODING": "utf-8"}
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        painted = None
        assert process.stdout is not None
        for line in process.stdout:
            if painted is None and MARKER in line:
                painted = time.perf_counter() - started
        if process.wait() != 0 or painted is None:
            raise SystemExit(f"{' '.join(command)}: tự kiểm tra không đạt (mã {process.returncode})")
    return painted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "motcua" / "motcua"),
                        help="the frozen executable (default: dist/motcua/motcua)")
    parser.add_argument("--python", default=sys.executable, help="interpreter for the source run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", action="store_true", help="do not drop the page cache")
    args = parser.parse_args()
    if not Path(args.bundle).exists():
        print(f"Không có bản đóng gói {args.bundle}: chạy installer/build_linux.sh trước.", file=sys.stderr)
        return 2
    cold = not args.warm and can_drop_caches()
    commands = {
        "mã nguồn": [args.python, "-m", "motcua_desktop", "--smoke-test"],
        "đóng gói": [args.bundle, "--smoke-test"],
    }
    print(f"Thời gian đến khi cửa sổ được vẽ ({'khởi động lạnh' if cold else 'bộ nhớ đệm ấm'}, "
          f"{args.runs} lần, trung vị):")
    medians = {}
    for name, command in commands.items():
        times = [time_to_painted(command, cold) for _ in range(args.runs)]
        medians[name] = statistics.median(times)
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(f"  {name:9s} {medians[name]:6.2f} s   ({shown})")
    ratio = medians["đóng gói"] / medians["mã nguồn"]
    verdict = "đạt" if ratio <= GOAL else "KHÔNG đạt"
    print(f"  tỉ lệ đóng gói / mã nguồn: {ratio:.2f}x (mục tiêu <= {GOAL}x): {verdict}")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
