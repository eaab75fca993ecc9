"""Start-up: the QApplication in Vietnamese, the data file (``--db``, the per-user default or a
``--demo`` copy of the sample data), the first-start question, and the event loop."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import errorlog, paths, userdata
from ..errors import KnownProblem
from ..store.errors import FileLocked
from ..store.registry import Registry
from ..store.sample import load_sample
from .error_dialog import dialog_for
from .i18n import install_translations

APP_NAME = "Một Cửa Desktop"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("MotCua")
    app.setApplicationDisplayName(APP_NAME)
    icon_file = paths.icons_dir() / "app.png"
    if icon_file.exists():
        app.setWindowIcon(QIcon(str(icon_file)))
    install_translations(app)
    return app


def demo_database() -> Path:
    """A fresh temporary register holding the sample data."""
    folder = Path(tempfile.mkdtemp(prefix="motcua-demo-"))
    path = folder / "du-lieu-mau.sqlite"
    registry = Registry.open(path)
    try:
        load_sample(registry)
    finally:
        registry.close()
    return path


def ask_first_start(path: Path) -> bool | None:
    """On first start: True for the sample data, False for an empty register, None to quit."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, QApplication.translate(
        "app", "Chào mừng bạn đến với Một Cửa Desktop.\n\nChưa có dữ liệu tại %1.\n"
        "Bạn muốn bắt đầu với dữ liệu mẫu (21 Bộ phận Một cửa của huyện Chi Lăng) để làm quen, "
        "hay với một sổ trống để nhập dữ liệu của đơn vị mình?").replace("%1", str(path)))
    sample = box.addButton(QApplication.translate("app", "Dùng dữ liệu mẫu"), QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(QApplication.translate("app", "Bắt đầu với sổ trống"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(sample)
    box.exec()
    clicked = box.clickedButton()
    if clicked is sample:
        return True
    if clicked is empty:
        return False
    return None


def prepare_database(db: str | None, demo: bool) -> Path | None:
    """The file to open, created (and filled if the user asks) on first start."""
    if demo:
        return demo_database()
    path = Path(db) if db else userdata.default_db_path()
    if path.exists():
        return path
    choice = ask_first_start(path)
    if choice is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    registry = Registry.open(path)
    try:
        if choice:
            load_sample(registry)
    finally:
        registry.close()
    return path


def run_gui(db: str | None, demo: bool) -> int:
    app = make_application()
    from . import build_main_window

    try:
        path = prepare_database(db, demo)
        if path is None:
            return 0
        from ..store.sqlite_lock import SqliteLock, explain, probe
        from .lock import acquire, ask_open_read_only
        from .recovery_dialog import ensure_openable

        if probe(path) is SqliteLock.ALL:  # locked, not damaged: no backup must replace it
            raise FileLocked(explain(path, SqliteLock.ALL))
        path = ensure_openable(path)  # quick check; a damaged file offers the newest good backup
        if path is None:
            return 0
        # one writer: a second copy is told and may only look; a file another program
        # holds SQLite's write lock on opens read-only, the banner saying why
        access = acquire(path)
        if access.held_elsewhere and not ask_open_read_only(access):
            return 0
        window = build_main_window(path, read_only=access.read_only)
    except KnownProblem as exc:  # a locked, damaged or newer file: the user's, said in its words
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    except Exception as exc:  # a bug before the window exists: logged, told as a program error
        dialog_for(exc, errorlog.log_exception((type(exc), exc, exc.__traceback__)), None).exec()
        return 1
    from .error_dialog import install as install_error_dialog

    install_error_dialog(lambda: window)  # uncaught errors: logged, shown, window kept
    window.show()
    return app.exec()
