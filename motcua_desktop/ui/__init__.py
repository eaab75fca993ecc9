"""The Qt user interface; the only package that imports PySide6.QtWidgets."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lock import WriteAccess
    from .main_window import MainWindow


def build_main_window(db_path: str | Path, read_only: bool = False, *,
                      clock: Callable[[], date] = date.today,
                      access: WriteAccess | None = None) -> MainWindow:
    """The ready main window on ``db_path`` (a ``QApplication`` must exist); not shown yet.
    ``clock`` gives today's date (tests fix it); ``access`` is the write lock the caller
    took already, if it did."""
    from PySide6.QtWidgets import QApplication

    from ..store.registry import Registry
    from .i18n import install_translations
    from .main_window import MainWindow
    from .settings import UiSettings

    app = QApplication.instance()
    if app is None:
        raise RuntimeError("build_main_window cần một QApplication đã được tạo trước.")
    install_translations(app)
    settings = UiSettings()
    registry = Registry.open(db_path, read_only=read_only)
    settings.add_recent_file(db_path)
    return MainWindow(registry, settings, clock=clock, access=access)


__all__ = ["build_main_window"]
