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
from ..store.new_register import start_new_register
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


SAMPLE_FILE = "du-lieu-mau.sqlite"


def _write_sample(path: Path) -> Path:
    registry = Registry.open(path)
    try:
        load_sample(registry)
    finally:
        registry.close()
    return path


def demo_database() -> Path:
    """A fresh temporary register holding the sample data."""
    return _write_sample(Path(tempfile.mkdtemp(prefix="motcua-demo-")) / SAMPLE_FILE)


def sample_database() -> Path:
    """The sample data in a file of its own beside the user's register (made on first use,
    then reopened as the user left it); the user's register never receives it."""
    path = userdata.data_dir() / SAMPLE_FILE
    return path if path.exists() else _write_sample(path)


def ask_first_start(path: Path) -> bool | None:
    """On first start: True for the sample data, False for an empty register, None to quit."""
    box = QMessageBox(QMessageBox.Icon.Question, APP_NAME, QApplication.translate(
        "app", "Chào mừng bạn đến với Một Cửa Desktop.\n\nChưa có dữ liệu tại %1.\n"
        "Bắt đầu sổ của đơn vị mình (có sẵn danh mục thiết bị và định mức), hay xem thử dữ "
        "liệu mẫu (21 Bộ phận Một cửa của huyện Chi Lăng)? Dữ liệu mẫu mở trong một tệp riêng, "
        "không ghi vào sổ của đơn vị.").replace("%1", str(path)))
    empty = box.addButton(QApplication.translate("app", "Bắt đầu sổ của đơn vị"), QMessageBox.ButtonRole.AcceptRole)
    sample = box.addButton(QApplication.translate("app", "Xem dữ liệu mẫu"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(empty)  # Enter makes the user's own register, never the sample
    box.setObjectName("firstStartBox")
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
    if choice:  # asked again next time, until the user's own register exists
        return sample_database()
    path.parent.mkdir(parents=True, exist_ok=True)
    registry = Registry.open(path)
    try:
        start_new_register(registry)
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
        from .lock import acquire, settle_held
        from .recovery_dialog import ensure_openable

        if probe(path) is SqliteLock.ALL:  # locked, not damaged: no backup must replace it
            raise FileLocked(explain(path, SqliteLock.ALL))
        opening = ensure_openable(path)  # quick check; a damaged file offers the newest good backup
        if opening is None:
            return 0
        # one writer: a second copy is told and may only look; a file another program
        # holds SQLite's write lock on opens read-only, the banner saying why
        access = acquire(path)
        if access.held_elsewhere:  # look, quit, or break a dead PC's lock after asking
            settled = settle_held(access, path)
            if settled is None:
                return 0
            access = settled
        window = build_main_window(path, read_only=access.read_only or opening.read_only, access=access)
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
