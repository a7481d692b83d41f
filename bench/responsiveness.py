"""Does the window stay responsive on a big database?  Prints figures, asserts nothing.

    python bench/responsiveness.py [--sizes 100000 1000000]

For each size, a database of that many events with one quote each (one article per
thousand events), then, offscreen, with a 10 ms heartbeat timer on the GUI thread
measuring the longest gap between its ticks (a gap is a freeze the user feels):

* start: the window built and shown, then fully loaded;
* idle: two seconds of nothing asked (the floor: the longest gap the machine
  itself causes, measured in the same run);
* a filter change (one province), until its reading is shown;
* a sort of the table by place, until its first row is shown; the quick filter;
* an edit (confirm an event): its row at once, then the update after it; its
  undo and redo;
* repaint and a zoom of the timeline, once loaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication
from timeline import make_database

from timeline_app.filters import EventFilter
from timeline_app.gui.main_window import MainWindow


def add_quotes(store, count: int) -> None:
    """One article per thousand events and one quote per event."""
    conn = store._db.conn
    articles = (count + 999) // 1000
    with store._db.atomic():
        conn.executemany(
            "INSERT INTO articles (title, outlet, published, content_hash, text, flags)"
            " VALUES (?, ?, ?, ?, ?, '[]')",
            (
                (f"Report {n}", f"Outlet {n % 40}", "2021-08-15", f"hash{n}",
                 "Taliban fighters captured the city on Sunday, officials said. " * 20)
                for n in range(articles)
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO mentions (event_id, article_id, quote, start, end, source_status,"
            " source_date, source_precision, because)"
            " SELECT id, 1 + (id - 1) / 1000, 'Taliban fighters captured the city on Sunday,"
            " officials said.', 0, 61, status, date, date_precision, '[]' FROM events"
            " WHERE id BETWEEN ? AND ?",
            ((start, start + 99_999) for start in range(1, count + 1, 100_000)),
        )


class Heartbeat:
    """Ticks every 10 ms on the GUI thread; remembers the longest gap."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def stop(self) -> int:
        self.timer.stop()
        return max(self.longest, self.clock.elapsed())


def wait_loaded(app: QApplication, window: MainWindow) -> None:
    while window.is_loading:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()


def measure(app: QApplication, folder: Path, count: int) -> None:
    store = make_database(folder / f"r{count}.db", count)
    add_quotes(store, count)
    path = store.path
    store.close()
    from timeline_app.storage import Store

    store = Store(path)
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    window = MainWindow(store, settings)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - started
    wait_loaded(app, window)
    loaded = time.perf_counter() - started
    stall = beat.stop()
    print(f"{count:>10,} events, one quote each:")
    print(
        f"  start: shown {shown * 1000:6.0f} ms, loaded {loaded:6.1f} s, "
        f"longest stall {stall} ms"
    )

    beat.start()  # the floor: the window loaded, nothing asked of it (the machine's own noise)
    started = time.perf_counter()
    while time.perf_counter() - started < 2:
        app.processEvents()
        time.sleep(0.002)
    print(f"  idle for 2 s (the floor): longest stall {beat.stop()} ms")

    province = window.store.facets()["provinces"][0]
    beat.start()
    started = time.perf_counter()
    window._on_filter_bar_changed(EventFilter(province=province))
    app.processEvents()
    answered = time.perf_counter() - started
    wait_loaded(app, window)
    print(
        f"  filter change: answered {answered * 1000:6.0f} ms, shown "
        f"{time.perf_counter() - started:6.1f} s, longest stall {beat.stop()} ms"
    )
    window._on_filter_bar_changed(EventFilter())
    wait_loaded(app, window)

    model = window.table_model
    first = model.event_id(0)  # by date, the first place of the first day
    beat.start()
    started = time.perf_counter()
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    while model.event_id(0) == first and time.perf_counter() - started < 30:
        app.processEvents()
        time.sleep(0.002)
    model.index(0, 0).data()  # the first page read
    print(
        f"  sort by place (descending): shown {(time.perf_counter() - started) * 1000:6.0f} ms, "
        f"longest stall {beat.stop()} ms"
    )
    window.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    while model.event_id(0) != first and time.perf_counter() - started < 60:
        app.processEvents()
        time.sleep(0.002)

    beat.start()
    started = time.perf_counter()
    window.filter_edit.setText("kab")
    app.processEvents()
    print(
        f"  quick filter: {model.rowCount():,} rows shown in "
        f"{(time.perf_counter() - started) * 1000:6.0f} ms, longest stall {beat.stop()} ms"
    )
    window.filter_edit.clear()
    app.processEvents()

    event_id = window.table_model.event_id(0)
    window.select_event(event_id)
    beat.start()
    started = time.perf_counter()
    window._on_action("toggle_confirm", event_id)
    app.processEvents()
    answered = time.perf_counter() - started
    row = window.table_model.row_of(event_id)
    review = window.table_model.index(row, 6).data()
    wait_loaded(app, window)
    print(f"  edit: its row says {review!r} {answered * 1000:.0f} ms after the click")
    print(
        f"  edit (confirm): answered {answered * 1000:6.0f} ms, shown "
        f"{time.perf_counter() - started:6.1f} s, longest stall {beat.stop()} ms"
    )

    for label, action in (("undo", window.undo_action), ("redo", window.redo_action)):
        beat.start()
        started = time.perf_counter()
        action.trigger()
        app.processEvents()
        answered = time.perf_counter() - started
        review = window.table_model.index(window.table_model.row_of(event_id), 6).data()
        wait_loaded(app, window)
        print(
            f"  {label}: its row says {review!r}, answered {answered * 1000:6.0f} ms, shown "
            f"{time.perf_counter() - started:6.1f} s, longest stall {beat.stop()} ms"
        )

    view = window.timeline
    started = time.perf_counter()
    view.graphics.viewport().repaint()
    repaint = time.perf_counter() - started
    started = time.perf_counter()
    view.zoom(0.2)
    view.graphics.viewport().repaint()
    zoom = time.perf_counter() - started
    print(
        f"  timeline repaint {repaint * 1000:5.0f} ms, "
        f"zoom out and repaint {zoom * 1000:5.0f} ms"
    )
    window.close()
    window.store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.sizes:
            measure(app, Path(tmp), count)
    print(f"(measured {dt.date.today()}, {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
