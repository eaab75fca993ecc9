"""The main window: menus, toolbar, tabs and status bar around the registry.

It owns no data logic: tabs get the registry, the operations (undo stack), the settings and
the clock explicitly; they refresh from one ``ChangeBus`` signal, each for the areas
(:class:`~.commands.Area`) it subscribed to. Every helper (menus, backups, history, the
banners) is an attribute the window builds in ``__init__``; others extend it through
``file_menu``, ``tools_menu``, ``help_menu``, ``toolbar``, ``add_tab`` and ``data_changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QToolBar, QWidget

from .. import __version__
from ..store.location import classify
from ..store.registry import Registry
from ..store.sample import is_sample
from .backup_actions import BackupActions
from .commands import Area, ChangeBus
from .empty_state import EmptyState
from .equipment_tab import EquipmentTab
from .file_menu import FileMenu
from .first_steps import steps
from .help_menu import install_help_menu
from .history_view import HistoryActions
from .icons import icon, load_font_icons
from .lazy_tab import LazyTab
from .lock import WriteAccess, acquire, show_notice, show_read_only
from .office_actions import OfficeActions
from .operations import Operations
from .overview_tab import OverviewTab
from .read_only import set_tabs_read_only
from .registry_tab import RegistryTab
from .report_guard import DraftOffer, offer_draft, report_may_close, shut_down_report
from .settings import UiSettings
from .staff_tab import StaffTab
from .status_bar import StatusBar
from .units_tab import UnitsTab

if TYPE_CHECKING:
    from .consolidation_tab import ConsolidationTab
    from .report_tab import ReportTab

FONT_ICONS_AFTER_MS = 250  # after the first paint, before anyone reaches for a button
Clock = Callable[[], date]  # today's date; tests give a fixed day


class MainWindow(QMainWindow):
    data_changed = Signal()

    def __init__(self, registry: Registry, settings: UiSettings, parent: QWidget | None = None, *,
                 clock: Clock = date.today, access: WriteAccess | None = None):
        """``access``: the write lock the caller took already (taken here when None)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.registry, self.ui_settings, self.clock = registry, settings, clock
        self.undo_stack = QUndoStack(self)
        self.bus = ChangeBus(self)
        self.ops = Operations(registry, self.undo_stack, self.bus)
        self._dirty: set[QWidget] = set()
        self._views: dict[QWidget, tuple[Area, Callable[[], None]]] = {}  # who reloads on what
        self.dialog: QWidget | None = None
        self._report_tab: ReportTab | None = None
        self._shown_once = False
        self.is_sample = is_sample(registry)
        self._title()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        # Tabs load their rows when first shown: at province scale that keeps opening quick.
        self.overview_tab = OverviewTab(registry, self, clock=clock, load=False)
        self.units_tab = UnitsTab(registry, self.ops, settings, self, load=False)
        self.staff_tab = StaffTab(registry, self.ops, settings, self, clock=clock, load=False)
        self.equipment_tab = EquipmentTab(registry, self.ops, settings, self, load=False)
        self._dirty.update((self.overview_tab, self.units_tab, self.staff_tab, self.equipment_tab))
        self.add_tab(self.overview_tab, self.tr("Tổng quan"), Area.UNITS | Area.STAFF | Area.EQUIPMENT,
                     self.overview_tab.reload)
        self.add_tab(self.units_tab, self.tr("Đơn vị"), Area.UNITS, self.units_tab.reload)
        self.add_tab(self.staff_tab, self.tr("Cán bộ"), Area.UNITS | Area.STAFF, self.staff_tab.reload)
        self.add_tab(self.equipment_tab, self.tr("Trang thiết bị"), Area.UNITS | Area.EQUIPMENT,
                     self.equipment_tab.reload)
        # built when first shown; the report's figures and header come from every area
        self.report_holder = LazyTab(self._build_report_tab, "reportHolder", self)
        self.add_tab(self.report_holder, self.tr("Báo cáo"), Area.EVERYTHING, self._reload_report)
        self.units_tab.show_staff_of.connect(self.show_staff_of_unit)
        self.units_tab.show_equipment_of.connect(self.show_equipment_of_unit)
        self.tabs.currentChanged.connect(self._tab_shown)

        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.status = StatusBar(self, self.undo_stack, self.is_sample)
        self.count_label, self.file_label = self.status.count_label, self.status.file_label
        self.sample_label = self.status.sample_label
        self._make_empty_states()
        self.bus.changed.connect(self._data_changed)
        self.bus.failed.connect(lambda message: QMessageBox.warning(
            self, self.tr("Không thực hiện được"), message))
        # set-up from the official unit list, levels and kinds
        self.office_actions = OfficeActions(self)
        self.consolidation_tab = self._make_consolidation_tab()  # a province register's Tổng hợp
        self._update_status()
        self._restore_state()
        self._tab_shown(self.tabs.currentIndex())
        # one writer per file: the lock is held (and kept) as long as the window lives
        self.write_access = access if access is not None else self._acquire()
        self.destroyed.connect(lambda _o=None, a=self.write_access: a.release())
        read_only = self.registry.read_only or self.write_access.read_only
        self.backup_actions = BackupActions(self, read_only)
        self.history_actions = HistoryActions(self)
        self.read_only_banner: QToolBar | None = show_read_only(self, self.write_access.reason or self.tr(
            "Tệp dữ liệu đang mở ở chế độ chỉ đọc.")) if read_only else None
        self.place_banner = self._make_place_banner()  # a share or a synced folder: said once
        # a report left unsaved by a crash: offered back, not forced
        self.draft_offer: DraftOffer | None = offer_draft(self)
        if self.draft_offer is not None:
            self.draft_offer.closed.connect(self._draft_closed)
        self.office_actions.offer_setup()  # an empty register with no office yet

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            # qtawesome's fonts cost as much as the rest of the start-up: drawn after the first
            # paint, the bundled SVGs standing in until then (and for good if the font is blocked)
            QTimer.singleShot(FONT_ICONS_AFTER_MS, self, load_font_icons)

    # construction -----------------------------------------------------------------------------
    def _title(self) -> None:
        # Qt adds the application's name ("… — Một Cửa Desktop") to the title bar itself.
        name = self.registry.path.name if self.registry.path else ""
        if self.is_sample:
            name = self.tr("%1 (DỮ LIỆU MẪU)").replace("%1", name)
        self.setWindowTitle(name)

    def _make_empty_states(self) -> None:
        note = EmptyState(self.report_holder)
        self.report_holder.layout().insertWidget(0, note)
        self.empty_states: dict[QWidget, EmptyState] = {
            self.overview_tab: self.overview_tab.empty_state, self.units_tab: self.units_tab.empty_state,
            self.staff_tab: self.staff_tab.empty_state, self.equipment_tab: self.equipment_tab.empty_state,
            self.report_holder: note,
        }

    def _build_report_tab(self, parent: QWidget) -> ReportTab:
        from .report_tab import ReportTab  # its own module, loaded when the tab is first shown

        self._report_tab = ReportTab(self.registry, parent, self.ui_settings, self.ops, clock=self.clock)
        return self._report_tab

    def _reload_report(self) -> None:
        if self._report_tab is not None:  # not built yet: it loads fresh when it is
            self._report_tab.reload()

    @property
    def report_tab(self) -> ReportTab | None:
        """The report tab if it has been built (it is built when first shown)."""
        return self._report_tab

    def ensure_report_tab(self) -> ReportTab:
        self.report_holder.ensure()
        assert self._report_tab is not None
        return self._report_tab

    def _report_action(self, action: Callable[[ReportTab], QAction]) -> None:
        """Open the report tab (building it if needed) and run one of its actions."""
        self.tabs.setCurrentWidget(self.report_holder)
        action(self.ensure_report_tab()).trigger()

    def _make_consolidation_tab(self) -> ConsolidationTab | None:
        if len(self.registry.settings.get().office_code) != 2:  # not a province's register
            return None
        from .consolidation_tab import ConsolidationTab  # with its store modules, only here

        tab = ConsolidationTab(self)
        self.add_tab(tab, self.tr("Tổng hợp"), Area.EVERYTHING, tab.reload)
        return tab

    def _acquire(self) -> WriteAccess:
        return acquire(self.registry.path) if self.registry.path else WriteAccess(read_only=False)

    def _make_place_banner(self) -> QToolBar | None:
        place = classify(self.registry.path) if self.registry.path else None
        if place is None or not place.shared or self.registry.path is None:
            return None
        return show_notice(self, place.warning(self.registry.path))

    def set_read_only(self, read_only: bool) -> None:
        """Every tab takes away what writes (``ui/read_only.py``)."""
        set_tabs_read_only((self.tabs.widget(i) for i in range(self.tabs.count())), read_only)

    def add_tab(self, widget: QWidget, label: str, interests: Area | None = None,
                reload: Callable[[], None] | None = None) -> int:
        """Add a tab; with ``interests`` and ``reload`` it is reloaded when a change touches
        one of those areas (at once if it is showing, else when it is next shown)."""
        if (interests is None) != (reload is None):
            raise TypeError("add_tab: interests và reload đi cùng nhau")
        if interests is not None and reload is not None:
            self._views[widget] = (interests, reload)
        return self.tabs.addTab(widget, label)

    def _make_actions(self) -> None:
        self.action_undo = QAction(icon("undo"), self.tr("Hoàn tác"), self)
        self.action_undo.setObjectName("actionUndo")
        self.action_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.action_undo.triggered.connect(self.undo_stack.undo)
        self.action_redo = QAction(icon("redo"), self.tr("Làm lại"), self)
        self.action_redo.setObjectName("actionRedo")
        self.action_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.action_redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.action_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.action_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda t: self.action_undo.setToolTip(
            self.tr("Hoàn tác: %1").replace("%1", t) if t else self.tr("Hoàn tác")))
        self.undo_stack.redoTextChanged.connect(lambda t: self.action_redo.setToolTip(
            self.tr("Làm lại: %1").replace("%1", t) if t else self.tr("Làm lại")))
        self.action_undo.setEnabled(False)
        self.action_redo.setEnabled(False)

        self.action_delete = QAction(icon("delete"), self.tr("Xóa"), self)
        self.action_delete.setObjectName("actionDelete")
        self.action_delete.setShortcut(QKeySequence.StandardKey.Delete)
        self.action_delete.triggered.connect(self.delete_selected)
        self.action_find = QAction(self.tr("Tìm kiếm"), self)
        self.action_find.setObjectName("actionFind")
        self.action_find.setShortcut(QKeySequence.StandardKey.Find)
        self.action_find.triggered.connect(self.focus_search)
        self.action_settings = QAction(icon("settings"), self.tr("Thông tin cơ quan…"), self)
        self.action_settings.setObjectName("actionOrgSettings")
        self.action_settings.triggered.connect(self.open_org_settings)
        self.action_catalogue = self.equipment_tab.action_catalogue
        self.action_about = QAction(self.tr("Giới thiệu"), self)
        self.action_about.triggered.connect(self._about)
        for action in (self.action_undo, self.action_redo, self.action_delete, self.action_find):
            self.addAction(action)
        for tab, action in ((self.units_tab, self.units_tab.action_add),
                            (self.staff_tab, self.staff_tab.action_add),
                            (self.equipment_tab, self.equipment_tab.action_add)):
            # From the toolbar or menu the add action first shows its tab.
            action.triggered.connect(lambda _c=False, t=tab: self.tabs.setCurrentWidget(t))

    def _make_menus(self) -> None:
        self.files = FileMenu(self, self._open_other)
        self.file_menu = self.files.menu
        edit = self.menuBar().addMenu(self.tr("&Sửa"))
        edit.addAction(self.action_undo)
        edit.addAction(self.action_redo)
        edit.addSeparator()
        edit.addAction(self.units_tab.action_add)
        edit.addAction(self.staff_tab.action_add)
        edit.addAction(self.equipment_tab.action_add)
        edit.addAction(self.action_delete)
        edit.addSeparator()
        edit.addAction(self.action_find)
        self.edit_menu = edit
        self.tools_menu = self.menuBar().addMenu(self.tr("&Danh mục"))
        self.tools_menu.addAction(self.action_settings)
        self.tools_menu.addAction(self.action_catalogue)
        self.help_menu = self.menuBar().addMenu(self.tr("Trợ &giúp"))
        self.help_menu.addAction(self.action_about)
        install_help_menu(self)

    def _make_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Thanh công cụ"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.units_tab.action_add, self.staff_tab.action_add,
                       self.equipment_tab.action_add, self.action_delete):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.action_undo)
        bar.addAction(self.action_redo)
        bar.addSeparator()
        bar.addAction(self.files.action_import)
        bar.addAction(self.files.action_export)
        # The report tab owns its preview and print actions; these open it and pass the
        # click on, so the toolbar has them before the tab is built.
        bar.addSeparator()
        targets: tuple[tuple[str, str, str, Callable[[ReportTab], QAction]], ...] = (
            ("actionShowReportPreview", "preview", self.tr("Xem trước báo cáo"), lambda t: t.action_preview),
            ("actionShowReportPrint", "print", self.tr("In báo cáo"), lambda t: t.action_print),
        )
        for name, icon_name, text, target in targets:
            action = QAction(icon(icon_name), text, self)
            action.setObjectName(name)
            action.triggered.connect(lambda _c=False, t=target: self._report_action(t))
            bar.addAction(action)
        self.toolbar = bar

    def _draft_closed(self) -> None:
        self.draft_offer = None

    def _open_other(self, registry: Registry) -> MainWindow:
        """A window like this one on another register (File → Open, after a restore)."""
        return MainWindow(registry, self.ui_settings, clock=self.clock)

    # tabs -------------------------------------------------------------------------------------
    def current_registry_tab(self) -> RegistryTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RegistryTab) else None

    def show_staff_of_unit(self, unit_id: int) -> None:
        self.tabs.setCurrentWidget(self.staff_tab)
        self.staff_tab.show_unit(unit_id)

    def show_equipment_of_unit(self, unit_id: int) -> None:
        self.tabs.setCurrentWidget(self.equipment_tab)
        self.equipment_tab.show_unit(unit_id)

    def delete_selected(self) -> None:
        tab = self.current_registry_tab()
        if tab is not None:
            tab.delete_selected()

    def focus_search(self) -> None:
        tab = self.current_registry_tab()
        if tab is not None:
            tab.focus_search()

    def _tab_shown(self, _index: int) -> None:
        widget = self.tabs.currentWidget()
        if isinstance(widget, LazyTab):
            widget.ensure()
        if widget in self._dirty:
            self._dirty.discard(widget)
            self._views[widget][1]()
            if isinstance(widget, RegistryTab):
                widget.fit_columns_once()

    # changes ------------------------------------------------------------------------------------
    def notify_changed(self, areas: Area = Area.EVERYTHING) -> None:
        """Tell every view the data changed (after an import, a restore…)."""
        self.bus.notify(areas)

    def _data_changed(self, areas: Area) -> None:
        current = self.tabs.currentWidget()
        for view, (interests, reload) in self._views.items():
            if not interests & areas:
                continue
            if view is current:
                reload()
            else:  # hidden tabs reload when shown: at province scale that is what keeps edits quick
                self._dirty.add(view)
        self._update_status()
        self.data_changed.emit()

    def _update_status(self) -> None:
        summary = self.registry.summary(self.clock())
        for tab, step in steps(self, summary).items():
            self.empty_states[tab].show_step(step)
        self.status.show_counts(str(self.registry.path), summary)

    # dialogs ------------------------------------------------------------------------------------
    def open_org_settings(self) -> None:
        from .org_settings_dialog import OrgSettingsDialog  # loaded when first opened

        def setup() -> None:
            dlg.reject()
            self.office_actions.open_setup()

        dlg = OrgSettingsDialog(self.registry.settings.get(), self,
                                open_norms=self.equipment_tab.open_catalogue, open_setup=setup)
        dlg.submit = lambda: self.ops.save_settings(dlg.value())
        dlg.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dlg
        dlg.open()

    def _about(self) -> None:
        QMessageBox.about(self, self.tr("Giới thiệu"), self.tr(
            "Một Cửa Desktop %1\nQuản lý Bộ phận Một cửa cấp huyện, cấp xã và lập báo cáo "
            "theo thể thức Nghị định 30/2020/NĐ-CP.").replace("%1", __version__))

    # state --------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.ui_settings.geometry
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        for tab in (self.units_tab, self.staff_tab, self.equipment_tab):
            tab.restore_columns()
        last = self.ui_settings.last_tab
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).objectName() == last:
                self.tabs.setCurrentIndex(i)

    def save_state(self) -> None:
        self.ui_settings.geometry = self.saveGeometry()
        self.ui_settings.last_tab = self.tabs.currentWidget().objectName()
        for tab in (self.units_tab, self.staff_tab, self.equipment_tab):
            tab.save_columns()
        self.ui_settings.sync()

    def may_close(self, question: str = "") -> bool:
        """Ask about unsaved report edits (Lưu / Không lưu / Hủy); True to go on."""
        return report_may_close(self, question)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.registry.closed and not self.may_close(self.tr("Lưu lại trước khi đóng?")):
            event.ignore()
            return
        shut_down_report(self)  # nothing may run against the register once it is closed
        job = self.files.job
        if job is not None and job.worker.isRunning():
            job.finish_before_close()
        self.save_state()
        self.registry.close()
        super().closeEvent(event)
