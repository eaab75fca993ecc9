"""``motcua --smoke-test``: how an installed or frozen copy proves it works.

Checks the bundled resources, loads the sample data into a temporary register, opens the main
window and waits until it is painted, renders the sample report to a temporary PDF, printing
the time of each step. Exit status 0, or 1 with one line naming what failed (a Qt plugin that
does not load, a missing font or migration, a module missing from the bundle).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from . import __version__, paths

PAINT_TIMEOUT_S = 30.0
GUIDE_FILE = "huong-dan-su-dung.md"
# Marker the benchmark waits for; keep it stable.
PAINTED_LINE = "cửa sổ đã vẽ"


class SmokeFailure(Exception):
    """One step failed; the message names what (in Vietnamese)."""


def _say(text: str, *, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    if stream is None:  # the windowed Windows executable has no console
        return
    try:
        print(text, file=stream, flush=True)
    except UnicodeEncodeError:  # a legacy Windows console code page
        print(text.encode("ascii", "replace").decode("ascii"), file=stream, flush=True)


def check_resources() -> str:
    """Migrations, sample data, fonts, translations and the user guide are where paths says."""
    from .report.fonts import bundled_files

    migrations = sorted(paths.migrations_dir().glob("*.sql"))
    if not migrations:
        raise SmokeFailure(f"thiếu tệp nâng cấp cơ sở dữ liệu (migration) trong {paths.migrations_dir()}")
    missing = [f for f in bundled_files().values() if not f.is_file()]
    if missing:
        raise SmokeFailure("thiếu phông chữ báo cáo: " + ", ".join(str(f) for f in missing))
    needed = [paths.sample_dir() / "chi_lang.json", paths.i18n_dir() / "qtbase_vi.qm",
              paths.docs_dir() / GUIDE_FILE]
    missing = [f for f in needed if not f.is_file()]
    if missing:
        raise SmokeFailure("thiếu tệp của chương trình: " + ", ".join(str(f) for f in missing))
    return f"{len(migrations)} migration, phông chữ, bản dịch, hướng dẫn ({paths.data_root()})"


def make_sample_register(folder: Path) -> Path:
    from .store.registry import Registry
    from .store.sample import load_sample

    path = folder / "mau.sqlite"
    registry = Registry.open(path)
    try:
        load_sample(registry)
        units = len(registry.units.list())
    finally:
        registry.close()
    if units == 0:
        raise SmokeFailure("dữ liệu mẫu trống")
    return path


def check_import_reader(db_path: Path, folder: Path) -> str:
    """The spreadsheet reader (calamine, a compiled extension) is in the bundle: the sample
    exported to .xlsx reads back through a dry-run import that changes nothing; and the .xls
    error-cell check (olefile) loads."""
    from .store.registry import Registry
    from .store.sheets.xls_errors import xls_error_cells
    from .store.transfer import export_workbook, import_file

    registry = Registry.open(db_path)
    try:
        summary = import_file(registry, export_workbook(registry, folder / "xuat.xlsx"), dry_run=True)
    finally:
        registry.close()
    if xls_error_cells(folder / "xuat.xlsx"):  # not an .xls: nothing, but olefile had to load
        raise SmokeFailure("kiểm tra ô lỗi của tệp .xls đọc sai một tệp .xlsx")
    if summary.changed or not summary.units.unchanged:
        raise SmokeFailure("nhập lại tệp xuất của dữ liệu mẫu không ra đúng dữ liệu")
    return f"đọc lại {summary.units.unchanged} đơn vị từ tệp xuất"


def _default_platform() -> str:
    if sys.platform == "win32":
        return "windows"
    if sys.platform == "darwin":
        return "cocoa"
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def check_qt_plugins() -> str:
    """Load the platform and print plugins by hand first: a platform plugin that cannot load
    makes Qt abort the process, so the missing library is named here instead."""
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    platform = (os.environ.get("QT_QPA_PLATFORM") or _default_platform()).split(":")[0].split(";")[0]
    candidates = [p for p in (plugins / "platforms").glob("*") if platform in p.stem.lower()]
    if not candidates:
        raise SmokeFailure(f"không có plugin nền tảng Qt '{platform}' trong {plugins / 'platforms'}")
    wanted = [min(candidates, key=lambda p: len(p.name))]
    wanted += sorted((plugins / "printsupport").glob("*"))
    for plugin in wanted:
        loader = QPluginLoader(str(plugin))
        if not loader.load():
            raise SmokeFailure(f"plugin Qt {plugin.parent.name}/{plugin.name} không nạp được: {loader.errorString()}")
    return f"{platform}, in ấn: {len(wanted) - 1} plugin ({plugins})"


def check_vietnamese_collation() -> str:
    """Qt's ICU data (trimmed in the Linux bundle) still sorts Vietnamese: a < ă < â < b."""
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    expected = ["ac", "ad", "ăb", "ân", "b"]
    got = sorted(["ân", "b", "ăb", "ad", "ac"], key=cmp_to_key(collator.compare))
    if got != expected:
        raise SmokeFailure(f"Qt/ICU không sắp xếp đúng tiếng Việt (thiếu dữ liệu ICU?): {got}")
    return " < ".join(expected)


def _application():
    from .ui.app import make_application

    return make_application()


def open_window(db_path: Path) -> tuple[object, str]:
    """The main window on the sample register, shown and painted at least once."""
    from PySide6.QtCore import QElapsedTimer, QEvent, QObject

    try:
        from .ui import build_main_window
    except ImportError as exc:
        raise SmokeFailure(f"thiếu cửa sổ chính (motcua_desktop.ui.build_main_window): {exc}") from None

    class _PaintSpy(QObject):
        painted = False

        def eventFilter(self, _watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    app = _application()
    window = build_main_window(db_path)
    spy = _PaintSpy()
    window.installEventFilter(spy)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    while not spy.painted and clock.elapsed() < PAINT_TIMEOUT_S * 1000:
        app.processEvents()
        if not spy.painted:
            time.sleep(0.005)
    window.removeEventFilter(spy)
    if not spy.painted:
        raise SmokeFailure(f"cửa sổ chính không được vẽ sau {PAINT_TIMEOUT_S:.0f} giây")
    return window, f"{window.windowTitle()} ({app.platformName()})"


def check_icon_font() -> str:
    """The window's icons come from qtawesome's font once painted; a bundle without the font
    would quietly fall back to the SVGs, so the smoke test asks for it outright."""
    from .ui import icons

    if not icons.load_font_icons():
        raise SmokeFailure("không nạp được phông biểu tượng (qtawesome, Font Awesome 5)")
    return f"{len(icons.ICONS)} biểu tượng"


def _wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    from PySide6.QtCore import QElapsedTimer

    app = _application()
    clock = QElapsedTimer()
    clock.start()
    while not condition():
        if clock.elapsed() > timeout_s * 1000:
            return False
        app.processEvents()
        time.sleep(0.005)
    return True


def show_report_preview(window) -> str:
    """Open the report tab (by its widget names) and wait for the PDF preview to show pages:
    the window builds without its report tab, so only this proves QtPdf/QtPdfWidgets work."""
    from PySide6.QtCore import QObject
    from PySide6.QtPdfWidgets import QPdfView

    # Found by name as a QObject: QtWidgets is imported by the ui package only.
    tabs = window.findChild(QObject, "mainTabs")
    labels = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] if tabs else []
    if "Báo cáo" not in labels:
        raise SmokeFailure(f"cửa sổ không có thẻ «Báo cáo» (các thẻ: {', '.join(labels) or 'không có'})")
    tabs.setCurrentIndex(labels.index("Báo cáo"))

    def preview() -> QPdfView | None:
        return window.findChild(QPdfView, "reportPreview")

    if not _wait_until(lambda: preview() is not None, PAINT_TIMEOUT_S):
        raise SmokeFailure("thẻ «Báo cáo» không có bản xem trước (reportPreview)")
    view = preview()
    if not _wait_until(lambda: view.document() is not None and view.document().pageCount() > 0,
                       PAINT_TIMEOUT_S):
        raise SmokeFailure("bản xem trước báo cáo không hiện trang nào")
    return f"{view.document().pageCount()} trang"


def render_sample_report(db_path: Path, folder: Path) -> str:
    try:
        from .report.render import render
        from .report.service import choose_report, content_for
    except ImportError as exc:
        raise SmokeFailure(f"thiếu phần lập báo cáo (motcua_desktop.report): {exc}") from None
    from .store.registry import Registry

    registry = Registry.open(db_path, read_only=True)
    try:
        report = choose_report(registry)
        content = content_for(registry, report)
    finally:
        registry.close()
    out = render(content, folder / "bao-cao-mau.pdf", "pdf")
    data = Path(out).read_bytes()
    if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
        raise SmokeFailure(f"tệp PDF báo cáo hỏng: {out}")
    return f"{len(data) // 1024} KB"


def _step(name: str, action: Callable[[], object]) -> object:
    started = time.perf_counter()
    try:
        result = action()
    except SmokeFailure:
        raise
    except Exception as exc:  # anything unexpected still names the step
        raise SmokeFailure(f"{type(exc).__name__}: {exc}") from exc
    detail = result[1] if isinstance(result, tuple) else result
    _say(f"  {time.perf_counter() - started:6.2f} s  {name}: {detail}")
    return result


def run_smoke_test() -> int:
    started = time.perf_counter()
    frozen = "bản đóng gói" if getattr(sys, "frozen", False) else "mã nguồn"
    _say(f"Tự kiểm tra Một Cửa Desktop {__version__} ({frozen}, Python {sys.version.split()[0]})")
    step = "chuẩn bị"
    window = None
    saved_data_dir = os.environ.get("MOTCUA_DATA_DIR")
    try:
        with tempfile.TemporaryDirectory(prefix="motcua-smoke-", ignore_cleanup_errors=True) as tmp:
            folder = Path(tmp)
            # The window's settings and recent files go to the scratch folder, not the user's.
            os.environ["MOTCUA_DATA_DIR"] = str(folder / "nguoi-dung")
            step = "tài nguyên"
            _step(step, check_resources)
            step = "dữ liệu mẫu"
            db_path = _step(step, lambda: make_sample_register(folder))
            step = "đọc bảng tính"
            _step(step, lambda: check_import_reader(db_path, folder))
            step = "plugin Qt"
            _step(step, check_qt_plugins)
            step = "sắp xếp tiếng Việt"
            _step(step, check_vietnamese_collation)
            step = PAINTED_LINE
            window, _ = _step(step, lambda: open_window(db_path))
            step = "phông biểu tượng"
            _step(step, check_icon_font)
            step = "xem trước báo cáo"
            _step(step, lambda: show_report_preview(window))
            step = "báo cáo PDF"
            _step(step, lambda: render_sample_report(db_path, folder))
            window.close()
            window.deleteLater()
            _application().processEvents()
            window = None
    except SmokeFailure as exc:
        _say(f"LỖI tự kiểm tra ở bước «{step}»: {exc}", error=True)
        return 1
    finally:
        if saved_data_dir is None:
            os.environ.pop("MOTCUA_DATA_DIR", None)
        else:
            os.environ["MOTCUA_DATA_DIR"] = saved_data_dir
    _say(f"  {time.perf_counter() - started:6.2f} s  tổng cộng: đạt")
    return 0
