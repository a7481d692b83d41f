"""The main window: actions, menus and wiring; the work is done by the core.

Timeline in the centre, detail pane at the right, event table below, status
bar with counts.  All signal wiring sits in ``_connect_signals``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from .. import geography, timeline_data
from ..cli import write_events_csv
from ..consensus import default_periods, spanning
from ..extraction.gazetteer import Gazetteer, GazetteerError
from ..filters import EventFilter
from ..model import day_number
from ..places import places_for
from ..review import Review
from ..snapshot import Snapshot, Superseded, ViewRequest, read_snapshot, read_update
from ..storage import Store, StoreError
from . import dialogs
from .detail_pane import ArticleDialog, DetailPane
from .event_table import EventTableModel
from .filter_bar import FilterBar
from .map_view import MapPanel
from .review_actions import ReviewCommand
from .timeline_view import TimelineView
from .workers import Job, collection_paused, keep_out_of_collections, release_between_turns

if TYPE_CHECKING:
    from ..services import ImportReport, ReadResult

# Loaded when first used, not at start (each costs the start tens of milliseconds):
# the import service and the extraction (import), the highlighter (a quote shown),
# the PNG exports (their menu items).

MAX_RECENT = 8
# Between the stages of what a big database's change shows (its row and marker,
# the detail pane, the reading's timeline and table, the map and menus): Qt
# paints what changed at most once a frame, so stages a millisecond apart were
# painted in one turn, their freezes added up.
STAGE_MS = 16


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings, gazetteer: Gazetteer | None = None):
        super().__init__()
        self.store = store
        self.settings = settings
        self.gazetteer = gazetteer or places_for(store)[0]
        self.changes: dict = {}  # event id -> its change of control (consensus view)
        self.lane_order = str(settings.value("lane_order", "first_capture"))
        self.job: Job | None = None
        self.progress: QProgressDialog | None = None
        self.review = Review(store)
        self.undo_stack = QUndoStack(self)
        self.event_filter = EventFilter()
        self._generation = 0  # of refreshes asked for; a loader's result older is dropped
        self._loaders: list[Job] = []
        self._loading = 0  # readings started whose results are not yet on screen
        self._snapshot: Snapshot | None = None  # the reading on screen
        self._snapshot_store: Store | None = None  # the database it was read from
        self._full_reading = False  # a full reading asked for, not yet on screen
        self._edited: tuple[set, set] = (set(), set())  # (events, places) edited since
        self._update_asked = False  # an edit's update to start in the next turn
        self._edits = 0  # edits made, for what a reading covers
        self._show_asked = False  # shown before its plots were built: shown once they are
        self._starting = True  # until the window's first paint (a reading waits for it)
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect_signals()
        self._restore_state()
        self.refresh()
        # The timeline's plots (30-50 ms) in a turn of the event loop of their own,
        # and the window shown once they are: built in the window's construction,
        # with its first paint right after, they froze it 100-150 ms at once.
        # (A small database's reading above, shown at once, built them already.)
        # A timer, not a posted call: those run in the same pass of the event
        # loop, before anything else waiting (input, timers) gets its turn.
        QTimer.singleShot(1, self._build_later)

    # -- construction ---------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.timeline = TimelineView(build_later=True)
        self.timeline.tooltip_for = self._tooltip_for
        self.detail = DetailPane()
        self.detail.setMinimumWidth(260)
        self.detail.highlighter = self._highlight
        self.table_model = EventTableModel(self)
        self.table_model.set_source(lambda ids: self.store.event_rows_with_ids(ids))
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # (ResizeToContents would measure every row: seconds with 100k events.)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(3, 190)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setMinimumHeight(110)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(
            "Quick filter on the table: place, province, status or date (Ctrl+F)"
        )
        self.filter_edit.setClearButtonEnabled(True)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(4, 4, 4, 0)
        self.filter_bar = FilterBar()
        table_layout.addWidget(self.filter_bar)
        table_layout.addWidget(self.filter_edit)
        table_layout.addWidget(self.table)
        self.map = MapPanel()
        self.side_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_splitter.addWidget(self.map)
        self.side_splitter.addWidget(self.detail)
        self.top_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.top_splitter.addWidget(self.timeline)
        self.top_splitter.addWidget(self.side_splitter)
        self.top_splitter.setStretchFactor(0, 3)
        self.top_splitter.setStretchFactor(1, 1)
        self.main_splitter = QSplitter(Qt.Orientation.Vertical)
        self.main_splitter.addWidget(self.top_splitter)
        self.main_splitter.addWidget(table_box)
        self.main_splitter.setStretchFactor(0, 3)
        self.main_splitter.setStretchFactor(1, 1)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background:#fff3cd; color:#5c4400; padding:6px;")
        self.banner.hide()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.main_splitter, 1)
        self.setCentralWidget(central)
        self.counts_label = QLabel()
        self.loading_label = QLabel()
        self.loading_label.hide()
        self.statusBar().addPermanentWidget(self.loading_label)
        self.statusBar().addPermanentWidget(self.counts_label)

    def _build_later(self) -> None:
        self.timeline.build()
        # Shown in a turn of its own: its first paint follows in the same pass.
        QTimer.singleShot(1, self._show_built)

    def _show_built(self) -> None:
        if not self._show_asked:
            self._started()
            return
        self._show_asked = False
        # What is polished and laid out when shown done before its first paint
        # (due in this pass of the event loop): else the legend, laid out first
        # for a narrow width, made the window paint everything twice.
        QApplication.sendPostedEvents(None, QEvent.Type.PolishRequest)
        super().setVisible(True)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # (and once painted, a reading thread may share the interpreter)
        QTimer.singleShot(STAGE_MS, self._started)

    def _started(self) -> None:
        self._starting = False

    def setVisible(self, visible: bool) -> None:
        if visible and not self.timeline.built:  # (``_build_later`` shows it)
            self._show_asked = True
            return
        self._show_asked = False
        super().setVisible(visible)

    def _highlight(self, quote: str, place_id: str):
        from ..extraction.highlight import highlight_spans

        return highlight_spans(quote, self.gazetteer, place_id)

    def _action(self, text: str, shortcut=None, slot=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_db_action = self._action("&New Database…", keys.New, self.new_database)
        self.open_db_action = self._action("&Open Database…", keys.Open, self.open_database)
        self.import_action = self._action("&Import Articles…", "Ctrl+I", self.import_files)
        self.import_folder_action = self._action(
            "Import &Folder…", "Ctrl+Shift+I", self.import_folder
        )
        self.export_png_action = self._action("&Export PNG…", "Ctrl+E", self.export_png)
        self.export_csv_action = self._action("Export &CSV…", "Ctrl+Shift+E", self.export_csv)
        self.export_map_action = self._action("Export &Map PNG…", "Ctrl+Alt+E", self.export_map)
        self.export_frames_action = self._action(
            "Export Map &Frames…", None, self.export_map_frames
        )
        self.quit_action = self._action("&Quit", keys.Quit, self.close)
        self.fit_action = self._action("&Fit All", "Ctrl+0", self.timeline.fit_all)
        self.refresh_action = self._action("&Refresh", keys.Refresh, self.refresh)
        self.zoom_in_action = self._action("Zoom &In", keys.ZoomIn, lambda: self.timeline.zoom(1.6))
        self.zoom_out_action = self._action(
            "Zoom &Out", keys.ZoomOut, lambda: self.timeline.zoom(1 / 1.6)
        )
        self.filter_action = self._action("&Filter Events", keys.Find, self._focus_filter)
        self.about_action = self._action("&About Timeline", None, lambda: dialogs.show_about(self))
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(keys.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(keys.Redo)])
        self.edit_action = self._action("&Edit Event…", "F2", lambda: self._on_action("edit"))
        self.confirm_action = self._action(
            "&Confirm Event", "Ctrl+K", lambda: self._on_action("toggle_confirm")
        )
        self.reject_action = self._action(
            "&Reject Event", "Ctrl+Del", lambda: self._on_action("toggle_reject")
        )
        self.merge_action = self._action("&Merge With…", "Ctrl+M", lambda: self._on_action("merge"))
        self.show_rejected_action = self._action("Show &Rejected Events", None, self.refresh)
        self.show_rejected_action.setCheckable(True)
        # The consensus view (one marker per change of control) is the default;
        # V shows every source's report instead.
        self.evidence_action = self._action("&Evidence View (every report)", "V",
                                            self._on_view_mode_changed)  # fmt: skip
        self.evidence_action.setCheckable(True)
        self.period_action = self._action("Set &Period…", None, self._on_set_period)
        self.map_action = self._action("Show &Map", "M", self._on_show_map)
        self.map_action.setCheckable(True)
        self.map_action.setChecked(True)
        self.play_action = self._action("&Play the Map", "P", self.map.toggle_play)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        for action in (self.new_db_action, self.open_db_action):
            file_menu.addAction(action)
        self.recent_menu = QMenu("Open &Recent", self)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.import_folder_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_png_action)
        file_menu.addAction(self.export_csv_action)
        file_menu.addAction(self.export_map_action)
        file_menu.addAction(self.export_frames_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu("&Edit")
        for action in (self.undo_action, self.redo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        for action in (
            self.edit_action,
            self.confirm_action,
            self.reject_action,
            self.merge_action,
        ):
            edit_menu.addAction(action)
        view_menu = self.menuBar().addMenu("&View")
        for action in (
            self.fit_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.filter_action,
        ):
            view_menu.addAction(action)
        view_menu.addAction(self.evidence_action)
        view_menu.addAction(self.period_action)
        view_menu.addSeparator()
        view_menu.addAction(self.map_action)
        view_menu.addAction(self.play_action)
        view_menu.addSeparator()
        view_menu.addAction(self.show_rejected_action)
        order_menu = view_menu.addMenu("&Lane Order")
        self.order_actions = {}
        for key, label in timeline_data.LANE_ORDERS.items():
            action = order_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == self.lane_order)
            action.triggered.connect(lambda _=False, k=key: self.set_lane_order(k))
            self.order_actions[key] = action
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self.timeline.event_selected.connect(self._on_timeline_selected)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.detail.article_requested.connect(self._on_article_requested)
        self.detail.action_requested.connect(self._on_detail_action)
        self.table.doubleClicked.connect(lambda _index: self._on_action("edit"))
        self.filter_bar.changed.connect(self._on_filter_bar_changed)
        self.map.place_clicked.connect(self._on_map_place_clicked)
        self.map.day_changed.connect(self.timeline.set_cursor)

    # -- state ------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        screen = QApplication.primaryScreen().availableGeometry()
        width, height = min(1500, int(screen.width() * 0.94)), min(950, int(screen.height() * 0.92))
        self.resize(width, height)
        self.top_splitter.setSizes([int(width * 0.58), int(width * 0.42)])
        self.side_splitter.setSizes([int(height * 0.42), int(height * 0.22)])
        self.main_splitter.setSizes([int(height * 0.64), int(height * 0.36)])
        for key, widget in (
            ("geometry", self), ("top_splitter", self.top_splitter),
            ("main_splitter", self.main_splitter), ("side_splitter", self.side_splitter),
        ):  # fmt: skip
            value = self.settings.value(key)
            if isinstance(value, QByteArray):
                (widget.restoreGeometry if key == "geometry" else widget.restoreState)(value)
        show_map = self.settings.value("show_map", True)
        self.map_action.setChecked(show_map not in (False, "false"))
        self.map.setVisible(self.map_action.isChecked())
        self._remember_database(self.store.path)

    def closeEvent(self, event) -> None:
        for job in [self.job, *self._loaders]:
            if job is not None and not job.is_done:
                job.cancel()
                if job.thread is not None:
                    job.thread.wait(10_000)
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("top_splitter", self.top_splitter.saveState())
        self.settings.setValue("main_splitter", self.main_splitter.saveState())
        self.settings.setValue("side_splitter", self.side_splitter.saveState())
        self.settings.setValue("show_map", self.map_action.isChecked())
        self.settings.setValue("lane_order", self.lane_order)
        self.settings.sync()
        super().closeEvent(event)

    def _remember_database(self, path: Path) -> None:
        recent = [str(path.resolve())]
        for item in self.settings.value("recent_databases", []) or []:
            if item not in recent and Path(item).exists():
                recent.append(item)
        self.settings.setValue("recent_databases", recent[:MAX_RECENT])
        self.recent_menu.clear()
        for item in recent[:MAX_RECENT]:
            action = self.recent_menu.addAction(item)
            action.triggered.connect(lambda _=False, p=item: self.switch_database(p))

    # -- refresh ----------------------------------------------------------------------------
    # Above this many events the window reads the database in the background
    # (bench/window.py: a refresh takes about 1.7 s at 100k events).
    BACKGROUND_EVENTS = 20_000

    def _view_request(self) -> ViewRequest:
        include_rejected = (
            self.show_rejected_action.isChecked() or self.event_filter.review == "rejected"
        )
        return ViewRequest(
            lane_order=self.lane_order, event_filter=self.event_filter,
            include_rejected=include_rejected, evidence=self.evidence_action.isChecked(),
            places=tuple(self.gazetteer.places.values()), sort=self.table_model.sort_order,
        )  # fmt: skip

    def refresh(self, *, background: bool | None = None) -> None:
        """Re-read the database into the timeline, the table, the map and the
        status bar.  A big database is read in a thread with a connection of its
        own (``background``: None decides by the number of events), while the
        window shows what it showed and stays responsive; a newer refresh
        supersedes one still loading."""
        request = self._view_request()
        self._edited = (set(), set())  # a full reading shows every edit made so far
        self._full_reading = True
        self._read(lambda store, cancelled: read_snapshot(store, request, cancelled), background)

    def _update_after(self, change) -> None:
        """After an edit (or its undo or redo), only its events and places are
        read again (``read_update``), the rest of the reading shown is kept;
        a full reading when one is due anyway (a filter, a reading loading)."""
        self._edits += 1
        ids, places = self._edited
        ids |= change.before.event_ids | change.after.event_ids
        places |= {row["place_id"] for row in change.before.events + change.after.events}
        if self._snapshot is None or self._full_reading or not self.event_filter.is_empty:
            self.refresh()
            return
        if len(self._snapshot.table) <= self.BACKGROUND_EVENTS:
            self._read_update()
        elif not self._update_asked:
            # Started after the edit's own row, pane and marker are painted: a
            # reading thread sharing the interpreter with those paints made them
            # take twice as long.  Edits made meanwhile join it.
            self._update_asked = True
            self._loading += 1
            QTimer.singleShot(2 * STAGE_MS, self._start_update)

    def _start_update(self) -> None:
        self._update_asked = False
        self._loading -= 1
        if not self._full_reading:  # (else a full reading was asked meanwhile)
            self._read_update()
        elif not self._loading:
            self.loading_label.hide()

    def _read_update(self) -> None:
        request, previous = self._view_request(), self._snapshot
        places, ids = (frozenset(edited) for edited in reversed(self._edited))
        self._read(
            lambda store, cancelled: read_update(store, request, previous, places, ids, cancelled),
            None, events=len(previous.table), update=True,
        )  # fmt: skip

    def _read(self, compute, background, *, events: int | None = None, update=False) -> None:
        """Run ``compute(store, cancelled)`` (a reading) here or in a thread, and
        show the Snapshot it gives; None from an update: a full reading is due."""
        self._generation += 1
        counted = None if events is None else events
        try:
            if events is None:
                # Not counted here: count(*) walks the events on the GUI thread
                # (0.6-0.8 s with cold pages at a million); the highest id is at
                # least as many, and the status bar says what the last reading
                # of this database counted.
                events = self.store.events_at_most()
                shown = self._snapshot
                if shown is not None and self._snapshot_store is self.store:
                    counted = shown.counts["events"]
            if background is None:
                background = events > self.BACKGROUND_EVENTS
            if not background:
                snapshot = compute(self.store, None)
        except (StoreError, sqlite3.DatabaseError) as exc:
            dialogs.show_error(self, "Cannot read the database", str(exc))
            return
        if not background:
            self._show_reading(snapshot, update, self._edits)
            return
        path, generation, covered = self.store.path, self._generation, self._edits
        for older in self._loaders:
            older.cancel()

        def work(progress, cancelled):
            with collection_paused(), Store(path, readonly=True) as reader:
                try:
                    return generation, compute(reader, cancelled), update, covered
                except Superseded:
                    return generation, Superseded, update, covered

        loader = Job(work)
        loader.succeeded.connect(self._on_snapshot_loaded)
        loader.failed.connect(self._on_snapshot_failed)
        loader.done.connect(self._on_loader_done)
        self._loaders.append(loader)
        self._loading += 1  # one less at each loader's done, delivered after its result
        self.loading_label.setText(
            "Updating the edited events…" if update
            else f"Loading {events if counted is None else counted:,} events…"
        )  # fmt: skip
        self.loading_label.show()
        # Started a turn later: what was asked (the first paint of the window, a
        # filter's menu closing) is painted before a reading thread shares the
        # interpreter with it.
        QTimer.singleShot(1, lambda: self._start_loader(loader, generation))

    def _start_loader(self, loader: Job, generation: int) -> None:
        if self._starting and generation == self._generation and not loader.cancelled:
            # The window's plots are built and painted first (``_build_later``).
            QTimer.singleShot(STAGE_MS, lambda: self._start_loader(loader, generation))
            return
        if generation == self._generation and not loader.cancelled:
            loader.start(self)
            return
        self._loaders.remove(loader)  # asked again (or closed) before it started
        self._loading -= 1
        if not self._loading:
            self.loading_label.hide()

    @property
    def is_loading(self) -> bool:
        return self._loading > 0

    def _on_snapshot_loaded(self, result) -> None:
        generation, snapshot, update, covered = result
        if snapshot is not Superseded and generation == self._generation:  # else a newer one
            self._show_reading(snapshot, update, covered)
            keep_out_of_collections()

    def _show_reading(self, snapshot: Snapshot | None, update: bool, covered: int) -> None:
        """``covered``: the edits made when the reading started."""
        if snapshot is None:  # the edit cannot be shown by an update
            self.refresh()
            return
        if not update:
            self._full_reading = False
        if covered == self._edits:  # (else an update for the later ones is asked)
            self._edited = (set(), set())
        if update:
            self._show_snapshot(snapshot, keep_view=True)
        else:
            self._show_snapshot(snapshot)

    def _on_snapshot_failed(self, message: str) -> None:
        dialogs.show_error(self, "Cannot read the database", message)

    def _on_loader_done(self) -> None:
        self._loading -= 1
        finished = [job for job in self._loaders if job.is_done]
        self._loaders = [job for job in self._loaders if not job.is_done]
        self._last_loaders = [*getattr(self, "_last_loaders", [])[-4:], *finished]  # alive
        if not self._loading:
            self.loading_label.hide()

    def _show_snapshot(self, snapshot: Snapshot, *, keep_view: bool = False) -> None:
        selected = self.timeline.selected_event()
        # What the last reading showed is freed between turns of the event
        # loop, 2 ms at a time (``release_between_turns``): its changes of
        # control (45,000 at a million events, with their dissent) let go here,
        # with the map that holds them, froze it 200 ms.
        # First the reading itself, then copies of its lists of changes (an
        # export may still be drawing the old map), whose items then die a
        # slice at a time.
        before = self._snapshot
        previous = [[before], self.changes]
        if before is not None:
            previous += [list(before.every_change or ()), *before.map_content.held()]
        self._snapshot, self._snapshot_store = snapshot, self.store
        del before
        self.data, self.changes = snapshot.data, snapshot.changes
        counts, only = snapshot.counts, snapshot.only
        self.timeline.set_data(self.data, keep_view=keep_view)
        self.table_model.set_table(snapshot.table, snapshot.order, only)
        shown = "" if only is None else f"{len(snapshot.order)} shown of "
        self.counts_label.setText(
            f"{shown}{counts['events']} events · {counts['mentions']} quotes · "
            f"{counts['articles']} articles · {self.store.path.name}"
        )
        self.setWindowTitle(f"Timeline — {self.store.path.name}")
        self._show_banner()
        if counts["articles"] == 0 and not self.store.readonly:
            self.statusBar().showMessage(
                "Empty database: import articles with File ▸ Import Articles… (Ctrl+I)"
                " or drop files here"
            )
        if len(snapshot.table) <= self.BACKGROUND_EVENTS:
            self._finish_showing(snapshot, previous, selected)
            return
        # The map, the filter menus and the selection in a later turn of the
        # event loop: timeline, table and map repainted in one turn froze the
        # window of a million events 140 ms; in two turns, each takes half.
        self._loading += 1
        QTimer.singleShot(
            STAGE_MS, lambda: self._finish_showing(snapshot, previous, selected, True)
        )

    def _finish_showing(
        self, snapshot, previous: list, selected, staged=False, drawn_ahead=False
    ) -> None:
        content = snapshot.map_content
        if (staged and not drawn_ahead and snapshot is self._snapshot
                and content.country_map is not self.map.content.country_map):  # fmt: skip
            # A new country's map (the database's first reading) drawn ahead, and
            # shown in the next turn: its land and names drawn and painted with
            # the menus in one turn froze the window of a million events 75-110 ms.
            self.filter_bar.set_facets(snapshot.facets)
            self.map.prepare(content)
            QTimer.singleShot(
                STAGE_MS, lambda: self._finish_showing(snapshot, previous, selected, True, True)
            )
            return
        if snapshot is self._snapshot:  # (else a newer reading is on screen already)
            self.filter_bar.set_facets(snapshot.facets)
            self._set_map(snapshot.map_content)
            if selected is not None:
                self.select_event(selected)
        release_between_turns(*previous)
        previous.clear()
        if staged:
            self._loading -= 1
            if not self._loading:
                self.loading_label.hide()

    def _show_banner(self) -> None:
        readonly = self.store.readonly
        for action in (
            self.import_action, self.import_folder_action, self.edit_action,
            self.confirm_action, self.reject_action, self.merge_action,
        ):  # fmt: skip
            action.setEnabled(not readonly)
        self.setAcceptDrops(not readonly)
        self.banner.setVisible(readonly)
        self.banner.setText(
            f"{self.store.path.name} is open read-only (the file or its folder cannot be "
            "written): you can read and export, but not import or edit."
        )

    def set_lane_order(self, order: str) -> None:
        self.lane_order = order
        for key, action in self.order_actions.items():
            action.setChecked(key == order)
        self.refresh()

    # -- selection ----------------------------------------------------------------------------
    def select_event(self, event_id: int | None, event: dict | None = None) -> None:
        """Show one event everywhere: timeline marker, table row, detail pane
        (``event``: as ``_event`` read it, when the caller has)."""
        self.timeline.select_event(event_id)
        if event is None and event_id is not None:
            event = self._event(event_id)
        self.detail.show_event(event)
        self._select_table_row(event_id)
        self._show_on_map(event)

    def _select_table_row(self, event_id: int | None) -> None:
        row = self.table_model.row_of(event_id) if event_id is not None else None
        if row is None or self.table.currentIndex().row() == row:
            return
        self.table.selectionModel().blockSignals(True)
        self.table.selectRow(row)
        self.table.selectionModel().blockSignals(False)
        self.table.scrollTo(self.table_model.index(row, 0))

    # -- the map ------------------------------------------------------------------------------
    def _set_map(self, content: geography.MapContent) -> None:
        """The map of the country most of the database's places are in."""
        self.map_content = content
        self.map.set_content(content)

    def _on_show_map(self) -> None:
        self.map.setVisible(self.map_action.isChecked())
        if not self.map_action.isChecked() and self.map.playing:
            self.map.toggle_play()

    def _on_map_place_clicked(self, place_id: str) -> None:
        """Select the change of control of that place the map shows (or its
        first), else its first event; the map keeps its day."""
        self.map.select_place(place_id)
        changes = self.map_content.changes_of(place_id)
        day = self.map.day
        shown = [c for c in changes if day is None or c.date <= day] or changes
        if shown:
            event_id = shown[-1].event_ids[0] if shown[-1].event_ids else None
        else:
            event_id = self.map_content.first_event.get(place_id)
        if event_id is None:
            self.statusBar().showMessage("No event of this place in the database", 4000)
            return
        self.timeline.select_event(event_id)
        self.detail.show_event(self._event(event_id))
        self._select_table_row(event_id)

    def _show_on_map(self, event: dict | None) -> None:
        if event is None:
            return
        self.map.select_place(event["place_id"])
        if event.get("date"):
            self.map.set_day(dt.date.fromisoformat(event["date"]))

    def _on_set_period(self) -> None:
        try:
            current, suggested = self.store.period(), self.store.article_span()
        except StoreError as exc:
            dialogs.show_error(self, "Cannot read the database", str(exc))
            return
        if current is None:
            defaults = default_periods(self.store)
            suggested = spanning(defaults) or suggested
        answer = dialogs.ask_period(self, current, suggested)
        if answer is None:
            return
        try:
            self.store.set_period(None if answer == "clear" else answer)
        except StoreError as exc:
            dialogs.show_error(self, "Cannot change the period", str(exc))
            return
        self.refresh()

    def _on_view_mode_changed(self) -> None:
        self.timeline.legend.set_consensus(not self.evidence_action.isChecked())
        self.refresh()

    def _event(self, event_id: int, quiet: bool = False) -> dict | None:
        """One event from the database; a read error is a message, not a crash.
        In the consensus view it carries the verdict of its change of control."""
        try:
            event = self.store.event(event_id)
        except StoreError as exc:
            if not quiet:
                dialogs.show_error(self, "Cannot read the database", str(exc))
            return None
        change = self.changes.get(event_id)
        if event is not None and change is not None:
            event["verdict"] = change.verdict()
            event["confidence"] = change.confidence
        return event

    def _on_timeline_selected(self, event_id: int) -> None:
        event = self._event(event_id)
        self.detail.show_event(event)
        self._select_table_row(event_id)
        self._show_on_map(event)

    def _on_table_row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        event_id = self.table_model.event_id(current.row())
        self.timeline.select_event(event_id)
        event = self._event(event_id)
        self.detail.show_event(event)
        self._show_on_map(event)

    def _tooltip_for(self, event_id: int) -> str:
        event = self._event(event_id, quiet=True)
        if event is None:
            return ""
        outlets = sorted({s["outlet"] or "unknown outlet" for s in event["sources"]})
        return (
            f"<b>{event['place']}</b> — {event['status']}<br>{event['date']} "
            f"({event['date_precision']})<br>{len(event['sources'])} source(s): {', '.join(outlets)}"  # noqa: E501
        )

    def _on_filter_changed(self, text: str) -> None:
        self.table_model.set_text_filter(text)
        shown, total = self.table_model.rowCount(), self.table_model.total()
        self.statusBar().showMessage(f"{shown} of {total} events match" if text else "", 5000)

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _on_article_requested(self, article_id: int, start: int, end: int) -> None:
        article = self.store.article(article_id)
        if article is None:
            dialogs.show_error(self, "Article not found", f"No article with id {article_id}.")
            return
        self.article_dialog = ArticleDialog(article, start, end, self)
        self.article_dialog.add_requested.connect(self.add_event_from_selection)
        self.article_dialog.add_button.setEnabled(not self.store.readonly)
        self.article_dialog.show()

    # -- review ---------------------------------------------------------------------------
    def _on_filter_bar_changed(self, event_filter: EventFilter) -> None:
        self.event_filter = event_filter
        self.refresh()

    def _on_detail_action(self, action: str, target: int) -> None:
        if action == "split":
            self._apply(lambda: self.review.split(target))
        else:
            self._on_action(action, target)

    def _on_action(self, action: str, event_id: int | None = None) -> None:
        """Edit, confirm, reject or merge the given (or the selected) event."""
        if self.store.readonly:
            dialogs.show_error(self, "Read-only database", "This database cannot be edited.")
            return
        event_id = event_id if event_id is not None else self.timeline.selected_event()
        event = None
        if event_id is not None and action in ("edit", "merge"):
            event = self._event(event_id)
        elif event_id is not None:  # only its marks (with its sources: 10-30 ms at 1M events)
            try:
                event = self.store.event_record(event_id)
            except (StoreError, sqlite3.DatabaseError) as exc:
                dialogs.show_error(self, "Cannot read the database", str(exc))
                return
        if event is None:
            self.statusBar().showMessage("Select an event first", 5000)
            return
        if action == "toggle_confirm":
            action = "unconfirm" if event["reviewed"] else "confirm"
        if action == "toggle_reject":
            action = "restore" if event["rejected"] else "reject"
        if action == "edit":
            self._edit(event)
        elif action == "merge":
            self._merge(event)
        elif action in ("confirm", "unconfirm"):
            self._apply(lambda: self.review.set_reviewed(event_id, action == "confirm"))
        elif action in ("reject", "restore"):
            self._apply(lambda: self.review.set_rejected(event_id, action == "reject"))

    def _edit(self, event: dict) -> None:
        values = dialogs.ask_event_values(self, "Edit event", self.store.place_choices(), event)
        if values is not None:
            self._apply(lambda: self.review.edit(event["id"], **values))

    def _merge(self, event: dict) -> None:
        try:
            day = day_number(event["date"])
        except ValueError:  # a date another tool stored: the place's first events
            day = None
        candidates = [  # (the nearest in time: a place of a big database has thousands)
            e for e in self.store.events_of_place(event["place_id"], near_day=day, limit=201)
            if e["id"] != event["id"]
        ][:200]  # fmt: skip
        other = dialogs.ask_merge_partner(self, event, candidates)
        if other is not None:
            self._apply(lambda: self.review.merge(event["id"], other))

    def add_event_from_selection(self, article_id: int, start: int, end: int) -> None:
        article = self.store.article(article_id)
        selection = article["text"][start:end]
        found = self.gazetteer.find(selection)
        prefill = {
            "place_id": found[0].place_id if found else None,
            "status": "captured",
            "date": article["published"],
            "date_precision": "week" if article["published"] else "unknown",
        }
        values = dialogs.ask_event_values(
            self, "Add event from selection", self.store.place_choices(), prefill
        )
        if values is None:
            return
        self._apply(
            lambda: self.review.add_event(
                place_id=values["place_id"], status=values["status"], date=values["date"],
                precision=values["precision"], note=values["note"] or "",
                article_id=article_id, start=start, end=end,
            )
        )  # fmt: skip

    def _apply(self, operation) -> None:
        """Make a change now (one transaction), then keep it on the undo stack."""
        try:
            change = operation()
        except StoreError as exc:
            dialogs.show_error(self, "Cannot change the event", str(exc))
            return
        self.undo_stack.push(ReviewCommand(self.review, change, self._after_review))

    def _after_review(self, event_id: int | None, change=None) -> None:
        if event_id is not None:  # its row at once; the rest follows the refresh
            try:
                self.table_model.update_events(
                    self.store.event_table_columns(include_rejected=True, ids=[event_id])
                )
            except StoreError:
                pass  # the refresh reports it
        if change is not None and self._is_big():
            # A big database: the row and the marker now, the detail pane and
            # the map in a turn of their own (read and laid out with the row's
            # paint they made one 40-80 ms freeze), then the update (below).
            if event_id is not None:
                self.timeline.select_event(event_id)
                self._select_table_row(event_id)
            self._loading += 1
            asked = self.detail.asked
            QTimer.singleShot(STAGE_MS, lambda: self._show_edited(event_id, asked))
            self._update_after(change)
            return
        # Shown before the refresh starts: its reading thread would share the
        # interpreter with the detail pane's queries.
        event = self._event(event_id, quiet=True) if event_id is not None else None
        if event is not None:  # (read once: 10-30 ms at a million events)
            self.select_event(event_id, event)
        else:
            self.detail.show_event(None)
        if change is None:
            self.refresh()
        else:
            self._update_after(change)

    def _show_edited(self, event_id: int | None, asked: int) -> None:
        """The detail pane and the map of the event an edit shows (``_after_review``),
        unless the pane was asked for another event meanwhile (``asked``)."""
        self._loading -= 1
        if self.detail.asked == asked:
            event = self._event(event_id, quiet=True) if event_id is not None else None
            self.detail.show_event(event)
            self._show_on_map(event)
        if not self._loading:
            self.loading_label.hide()

    def _is_big(self) -> bool:
        """Whether the reading on screen is one of a big database (its updates
        are read in the background and shown in stages)."""
        return self._snapshot is not None and len(self._snapshot.table) > self.BACKGROUND_EVENTS

    # -- databases ------------------------------------------------------------------------------
    def new_database(self) -> None:
        path = dialogs.ask_new_database(self)
        if not path:
            return
        places = dialogs.ask_conflict(self, Gazetteer.shipped())
        if places is None:
            return
        self.switch_database(path, places=places)

    def open_database(self) -> None:
        path = dialogs.ask_open_database(self)
        if path:
            self.switch_database(path, create=False)

    def switch_database(self, path: str | Path, create: bool = True, places=None) -> None:
        """Open (or create) another database; ``places`` is the places file a new
        one follows (kept in it)."""
        if self.job is not None:
            dialogs.show_error(self, "Import running", "Wait for the import to finish first.")
            return
        try:
            store = Store(path, create=create)
        except StoreError as exc:
            dialogs.show_error(self, "Cannot open database", str(exc))
            return
        try:
            gazetteer = places_for(store, places)[0]
        except (StoreError, GazetteerError) as exc:
            store.close()
            dialogs.show_error(self, "Cannot read the places file", str(exc))
            return
        self.store.close()
        self.store = store
        self.gazetteer = gazetteer
        self.review = Review(store)
        self.undo_stack.clear()
        self._remember_database(store.path)
        self.detail.show_event(None)
        self.refresh()

    # -- import -----------------------------------------------------------------------------------
    def import_files(self) -> None:
        paths = dialogs.ask_article_files(self)
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        folder = dialogs.ask_folder(self)
        if folder:
            self.import_paths([folder])

    def import_paths(self, paths: list[str | Path]) -> None:
        """Read the files (worker), confirm dates (dialog), store (worker), report."""
        from ..services import ImportReport, discover, read_one

        if self.job is not None:
            dialogs.show_error(self, "Import running", "An import is already running.")
            return
        files, skipped = discover(paths)
        if not files:
            report = ImportReport(skipped=skipped)
            dialogs.show_import_summary(self, report)
            return

        def read(progress, cancelled) -> list[ReadResult]:
            results = []
            for done, path in enumerate(files):
                if cancelled():
                    break
                progress(done, len(files), f"Reading {path.name}")
                results.append(read_one(path))
            return results

        self._run_job(
            "Reading articles…", read, lambda results: self._confirm_and_store(results, skipped)
        )

    def _confirm_and_store(self, results: list[ReadResult], skipped) -> None:
        if self.job_was_cancelled:
            self.statusBar().showMessage("Import cancelled before anything was stored", 8000)
            return
        if any(r.article is not None and r.article.published is None for r in results):
            dates = dialogs.confirm_publication_dates(self, results)
            if dates is None:
                self.statusBar().showMessage("Import cancelled", 8000)
                return
            _apply_dates(results, dates)
        from ..extraction.extract import Extractor
        from ..services import ImportReport, store_articles

        db_path, gazetteer = self.store.path, self.gazetteer

        def store_all(progress, cancelled) -> ImportReport:
            with Store(db_path) as store:  # a connection of the worker's own thread
                return store_articles(
                    results, store, Extractor(gazetteer),
                    progress=lambda d, t, label: progress(d, t, f"Importing {label}"),
                    cancelled=cancelled, report=ImportReport(skipped=list(skipped)),
                )  # fmt: skip

        self._run_job("Importing articles…", store_all, self._on_import_finished)

    def _on_import_finished(self, report: ImportReport) -> None:
        # Imports may give new events the ids of events an undo removed: the
        # edit history cannot safely reach across an import.
        if report.imported:
            self.undo_stack.clear()
        self.refresh()
        self.statusBar().showMessage(report.summary(), 15000)
        dialogs.show_import_summary(self, report)

    def _run_job(self, label: str, work, on_success, failure: str = "Import failed") -> None:
        self.job = Job(work)
        self._failure_title = failure
        self.job_was_cancelled = False
        self._on_success, self._outcome = on_success, None
        self.progress = QProgressDialog(label, "Cancel", 0, 0, self)
        self.progress.setWindowTitle("Timeline")
        self.progress.setMinimumDuration(300)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._on_cancel_requested)
        # Bound methods of the window, so that Qt queues the calls to the GUI
        # thread (a lambda would run in the worker's thread).
        self.job.progress.connect(self._on_job_progress)
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.failed.connect(self._on_job_failed)
        self.job.done.connect(self._on_job_done)
        self.job.start(self)

    def _on_job_succeeded(self, result) -> None:
        self._outcome = (self._on_success, result)

    def _on_job_failed(self, message: str) -> None:
        title = self._failure_title
        self._outcome = (lambda text: dialogs.show_error(self, title, text), message)

    def _on_cancel_requested(self) -> None:
        if self.job is not None:
            self.job_was_cancelled = True
            self.job.cancel()

    def _on_job_progress(self, done: int, total: int, label: str) -> None:
        if self.progress is None:
            return
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        if label:
            self.progress.setLabelText(label)

    def _on_job_done(self) -> None:
        """Tidy up first, then act on the outcome (which may start the next job)."""
        if self.progress is not None:
            self.progress.canceled.disconnect(self._on_cancel_requested)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._last_job, self.job = self.job, None  # keep it alive until its thread ends
        if self._outcome is not None:
            handler, value = self._outcome
            self._outcome = None
            handler(value)

    def is_busy(self) -> bool:
        return self.job is not None

    # -- drag and drop --------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_paths(paths))

    # -- export ---------------------------------------------------------------------------------
    def export_png(self) -> None:
        from . import export

        options = dialogs.ask_export_options(self)
        if options is None:
            return
        path = dialogs.ask_save_path(
            self, "Export PNG", f"{self.store.path.stem}-timeline.png", "PNG image (*.png)"
        )
        if not path:
            return
        start, end = self.timeline.visible_range() if options.visible_only else (None, None)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            image = export.render_timeline(
                self.data, options.width, start=start, end=end,
                title="Timeline of reported events",
                subtitle=export.subtitle_for(self.data, self.store.counts()["articles"]),
            )  # fmt: skip
            saved = export.save_png(image, path)
        except OSError as exc:
            dialogs.show_error(self, "Export failed", str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            f"Saved {saved.name} ({image.width()}×{image.height()} px)", 10000
        )

    def export_map(self) -> None:
        """The map as the window shows it (its day), 1600 px wide."""
        from . import map_export

        path = dialogs.ask_save_path(
            self, "Export Map PNG", f"{self.store.path.stem}-map.png", "PNG image (*.png)"
        )
        if not path:
            return
        try:
            saved = map_export.export_map_png(
                self.map_content, path, day=self.map.day, width=1600,
                title=self.map_content.country_name,
            )  # fmt: skip
        except OSError as exc:
            dialogs.show_error(self, "Export failed", str(exc))
            return
        self.statusBar().showMessage(f"Saved {saved.name}", 10000)

    def export_map_frames(self) -> None:
        """One PNG per day of the period, in the background with progress."""
        from . import map_export

        if self.is_busy():
            return
        folder = dialogs.ask_folder(self)
        if not folder:
            return
        content = self.map_content

        def work(progress, cancelled):
            return map_export.export_map_frames(
                content, folder, width=1600, title=content.country_name,
                progress=lambda done, total: progress(done, total, f"Frame {done} of {total}"),
                cancelled=cancelled,
            )  # fmt: skip

        def finished(paths) -> None:
            self.statusBar().showMessage(f"Saved {len(paths)} frames in {folder}", 10000)

        self._run_job("Drawing the map, day by day…", work, finished, failure="Export failed")

    def export_csv(self) -> None:
        """Every event and source as CSV, written in the background (a million
        events take seconds), to a part file renamed when complete: a failed or
        cancelled export leaves no half-written file."""
        if self.is_busy():
            return
        path = dialogs.ask_save_path(
            self, "Export CSV", f"{self.store.path.stem}-events.csv", "CSV (*.csv)"
        )
        if not path:
            return
        target, db_path = Path(path), self.store.path
        part = target.with_name(target.name + ".part")

        def work(progress, cancelled):
            progress(0, 0, f"Writing {target.name}…")
            try:
                with Store(db_path, readonly=True) as reader, \
                        part.open("w", encoding="utf-8", newline="") as out:  # fmt: skip
                    write_events_csv(reader, _Cancellable(out, cancelled))
                part.replace(target)
            except OSError as exc:
                part.unlink(missing_ok=True)
                raise OSError(f"Cannot write {target.name}: {exc.strerror or exc}") from exc
            except _ExportCancelled:
                part.unlink(missing_ok=True)
                return None
            return target

        def finished(saved) -> None:
            self.statusBar().showMessage(
                f"Saved {saved.name}" if saved else "Export cancelled: nothing written", 10000
            )

        self._run_job(f"Exporting {target.name}…", work, finished, failure="Export failed")


class _ExportCancelled(Exception):
    pass


class _Cancellable:
    """A file whose writes stop the export once Cancel is pressed."""

    def __init__(self, out, cancelled) -> None:
        self._out, self._cancelled = out, cancelled

    def write(self, text: str) -> int:
        if self._cancelled():
            raise _ExportCancelled
        return self._out.write(text)


def _apply_dates(results: list[ReadResult], dates: dict[Path, dt.date | None]) -> None:
    for result in results:
        if result.article is None or result.path not in dates:
            continue
        chosen = dates[result.path]
        article = result.article
        if chosen is not None and chosen != article.published:
            found = article.published is not None
            article.published = chosen
            article.flags = [f for f in article.flags if f != "no publication date"]
            if not found:
                article.flags.append("publication date given by the user")
