"""The Qt user interface; the only package that imports PySide6.QtWidgets."""

from __future__ import annotations

from pathlib import Path


def build_main_window(db_path: str | Path, read_only: bool = False):
    """The ready main window on ``db_path`` (a ``QApplication`` must exist); not shown yet."""
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
    return MainWindow(registry, settings)


__all__ = ["build_main_window"]
