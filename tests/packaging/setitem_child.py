"""Child of test_pyside_release.py: 5,000 ``setItem`` calls on a QStandardItemModel and as many
on a QTableWidget, then a clean exit. PySide6 6.12.0 drops a reference to None per call and
aborts the process ("none_dealloc", SIGABRT) after a few thousand; 6.11.3 does not.

    python setitem_child.py [CALLS]
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    app = QApplication([sys.argv[0]])
    model = QStandardItemModel(calls // 10, 10)
    for n in range(calls):
        model.setItem(n // 10, n % 10, QStandardItem(f"ô {n}"))
    table = QTableWidget(calls // 10, 10)
    for n in range(calls):
        table.setItem(n // 10, n % 10, QTableWidgetItem(f"ô {n}"))
    import gc

    gc.collect()
    print(f"ok {model.rowCount()} {table.rowCount()}", flush=True)
    del table, model
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
