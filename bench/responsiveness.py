"""Does the window stay responsive on a big database?  Prints figures, asserts nothing.

    python bench/responsiveness.py [--sizes 100000 1000000] [--runs 3] [--baseline REV]
                                   [--profile]

For each size, a database of that many events with one quote each (one article per
thousand events), then, offscreen, with a 10 ms heartbeat timer on the GUI thread
measuring the longest gap between its ticks (a gap is a freeze the user feels).
Each run is a process of its own on a fresh copy of the database; with
``--baseline REV`` the same steps also run the code of a git worktree of REV (e.g.
``main``), in the same session, interleaved with this checkout's runs, and the
medians of both are printed side by side.  ``--profile`` also prints, for each
gap over 30 ms, where the GUI thread was (its Python stack, sampled every 2 ms
by a thread of the bench; "(no sample)" when the GUI thread held the interpreter
in C the whole time).  The steps:

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
import collections
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# A run measures the code of the checkout it is given (``--code``), else this one's.
CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else ROOT
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(CODE))

from PySide6.QtCore import QElapsedTimer, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

STEPS = ("start", "idle", "filter", "sort", "quick filter", "edit", "undo", "redo")


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
    """Ticks every 10 ms on the GUI thread; remembers the longest gap (and, with
    a ``Sampler``, reports where the GUI thread was in each long one)."""

    def __init__(self, sampler: Sampler | None = None) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.clock = QElapsedTimer()
        self.sampler = sampler
        self.gaps: list[tuple[int, float, float]] = []

    def start(self) -> None:
        self.longest = 0
        self.clock.start()
        self.last = time.perf_counter()
        self.timer.start()

    def _tick(self) -> None:
        gap = self.clock.restart()
        self.longest = max(self.longest, gap)
        now = time.perf_counter()
        if self.sampler is not None and gap > 30:
            self.gaps.append((gap, self.last, now))  # (reported at the stop)
        self.last = now

    def stop(self) -> int:
        self.timer.stop()
        for gap in self.gaps if self.sampler is not None else ():
            self.sampler.report(*gap)
        self.gaps.clear()
        return max(self.longest, self.clock.elapsed())


class Sampler:
    """The GUI thread's Python stack every 2 ms, from a thread of its own."""

    def __init__(self) -> None:
        self.main = threading.main_thread().ident
        self.samples: collections.deque = collections.deque(maxlen=5000)
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            frame = sys._current_frames().get(self.main)
            stack = []
            while frame is not None and len(stack) < 40:
                code = frame.f_code
                stack.append(f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            self.samples.append((time.perf_counter(), tuple(stack)))
            time.sleep(0.002)

    def report(self, gap: int, since: float, until: float) -> None:
        seen = collections.Counter(
            stack[:12] for at, stack in list(self.samples) if since <= at <= until
        )
        print(f"    gap {gap} ms, {sum(seen.values())} samples:", file=sys.stderr)
        for stack, times in seen.most_common(4) or [(("(no sample)",), 0)]:
            print(f"      {times}x " + " < ".join(stack), file=sys.stderr)


def wait_loaded(app: QApplication, window) -> None:
    while window.is_loading:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()


def measure(app: QApplication, path: Path, folder: Path, sampler=None) -> dict[str, float]:
    """The steps on the database at ``path`` (edited by them); figures in ms."""
    from timeline_app.filters import EventFilter
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.storage import Store

    figures: dict[str, float] = {}

    def step(name: str) -> None:
        if sampler is not None:
            print(f"  -- {name}", file=sys.stderr)

    store = Store(path)
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    beat = Heartbeat(sampler)
    step("start")
    beat.start()
    started = time.perf_counter()
    window = MainWindow(store, settings)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    figures["shown"] = (time.perf_counter() - started) * 1000
    wait_loaded(app, window)
    figures["loaded"] = time.perf_counter() - started
    figures["start"] = beat.stop()

    step("idle")
    beat.start()  # the floor: the window loaded, nothing asked of it (the machine's own noise)
    started = time.perf_counter()
    while time.perf_counter() - started < 2:
        app.processEvents()
        time.sleep(0.002)
    figures["idle"] = beat.stop()

    province = window.store.facets()["provinces"][0]
    step("filter")
    beat.start()
    started = time.perf_counter()
    window._on_filter_bar_changed(EventFilter(province=province))
    app.processEvents()
    wait_loaded(app, window)
    figures["filter shown"] = time.perf_counter() - started
    figures["filter"] = beat.stop()
    window._on_filter_bar_changed(EventFilter())
    wait_loaded(app, window)

    model = window.table_model
    first = model.event_id(0)  # by date, the first place of the first day
    step("sort")
    beat.start()
    started = time.perf_counter()
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    while model.event_id(0) == first and time.perf_counter() - started < 30:
        app.processEvents()
        time.sleep(0.002)
    model.index(0, 0).data()  # the first page read
    figures["sort shown"] = (time.perf_counter() - started) * 1000
    figures["sort"] = beat.stop()
    window.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    while model.event_id(0) != first and time.perf_counter() - started < 60:
        app.processEvents()
        time.sleep(0.002)

    step("quick filter")
    beat.start()
    started = time.perf_counter()
    window.filter_edit.setText("kab")
    app.processEvents()
    figures["quick filter rows"] = model.rowCount()
    figures["quick filter"] = beat.stop()
    window.filter_edit.clear()
    app.processEvents()

    event_id = window.table_model.event_id(0)
    window.select_event(event_id)
    wait_loaded(app, window)
    step("edit")
    beat.start()
    started = time.perf_counter()
    window._on_action("toggle_confirm", event_id)
    app.processEvents()
    figures["edit answered"] = (time.perf_counter() - started) * 1000
    row = window.table_model.row_of(event_id)
    said = [window.table_model.index(row, 6).data()]
    wait_loaded(app, window)
    figures["edit shown"] = time.perf_counter() - started
    figures["edit"] = beat.stop()

    for label, action in (("undo", window.undo_action), ("redo", window.redo_action)):
        step(label)
        beat.start()
        started = time.perf_counter()
        action.trigger()
        app.processEvents()
        figures[f"{label} answered"] = (time.perf_counter() - started) * 1000
        said.append(window.table_model.index(window.table_model.row_of(event_id), 6).data())
        wait_loaded(app, window)
        figures[f"{label} shown"] = time.perf_counter() - started
        figures[label] = beat.stop()
    figures["rows say"] = said  # type: ignore[assignment]

    view = window.timeline
    started = time.perf_counter()
    view.graphics.viewport().repaint()
    figures["repaint"] = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    view.zoom(0.2)
    view.graphics.viewport().repaint()
    figures["zoom"] = (time.perf_counter() - started) * 1000
    window.close()
    window.store.close()
    return figures


class TimedApplication(QApplication):
    """Prints each event the GUI thread handles for more than 15 ms of its own
    CPU (``--profile``): the receiver, the event, wall and CPU ms, and the
    innermost lines of this project's code sampled meanwhile."""

    sampler: Sampler | None = None
    _depth = 0

    def notify(self, receiver, event):
        if self._depth:
            return super().notify(receiver, event)
        self._depth += 1
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return super().notify(receiver, event)
        finally:
            self._depth -= 1
            cpu = (time.thread_time() - cpu) * 1000
            if cpu > 15:
                until = time.perf_counter()
                seen = collections.Counter(
                    tuple(f for f in stack if "responsiveness" not in f)[:3]
                    for at, stack in list(self.sampler.samples) if wall <= at <= until
                )  # fmt: skip
                print(
                    f"    turn {(until - wall) * 1000:.0f} ms wall, {cpu:.0f} ms CPU: "
                    f"{type(receiver).__name__} {event.type().name}; "
                    + "; ".join(f"{n}x {' < '.join(s)}" for s, n in seen.most_common(3)),
                    file=sys.stderr,
                )


def child(path: Path, profile: bool) -> None:
    """One run, in this process: its figures as one line of JSON."""
    if profile:
        TimedApplication.sampler = Sampler()
        app = TimedApplication([])
    else:
        app = QApplication.instance() or QApplication([])
    sampler = TimedApplication.sampler
    figures = measure(app, path, path.parent, sampler)
    print(json.dumps(figures))


def run(code: Path, database: Path, folder: Path, profile: bool) -> dict:
    """One run of the steps with ``code``'s timeline_app, on a fresh copy."""
    copy = folder / "run.db"
    shutil.copyfile(database, copy)
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(copy), "--code", str(code),
         *(["--profile"] if profile else [])],
        stdout=subprocess.PIPE, text=True, check=True,
        env=dict(os.environ, PYTHONPATH=str(code)),
    )  # fmt: skip
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def show(count: int, label: str, runs: list[dict]) -> None:
    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    def each(key: str) -> str:
        return "/".join(f"{r[key]:.0f}" for r in runs)

    print(f"{count:>10,} events, one quote each, {label} (medians of {len(runs)}; each run):")
    print(
        f"  start: shown {median('shown'):5.0f} ms, loaded {median('loaded'):5.1f} s, "
        f"longest stall {median('start'):4.0f} ms ({each('start')})"
    )
    print(f"  idle for 2 s (the floor): longest stall {median('idle'):4.0f} ms ({each('idle')})")
    print(
        f"  filter change: shown {median('filter shown'):5.1f} s, "
        f"longest stall {median('filter'):4.0f} ms ({each('filter')})"
    )
    print(
        f"  sort by place (descending): shown {median('sort shown'):5.0f} ms, "
        f"longest stall {median('sort'):4.0f} ms ({each('sort')})"
    )
    print(
        f"  quick filter: {median('quick filter rows'):,.0f} rows, "
        f"longest stall {median('quick filter'):4.0f} ms ({each('quick filter')})"
    )
    for name in ("edit", "undo", "redo"):
        print(
            f"  {name}: its row answered {median(name + ' answered'):4.0f} ms, shown "
            f"{median(name + ' shown'):5.1f} s, longest stall {median(name):4.0f} ms "
            f"({each(name)})"
        )
    print(f"  its row said {runs[0]['rows say']!r} after the edit, the undo and the redo")
    print(
        f"  timeline repaint {median('repaint'):4.0f} ms, "
        f"zoom out and repaint {median('zoom'):4.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--baseline", metavar="REV", help="also run REV's code (e.g. main)")
    parser.add_argument("--profile", action="store_true", help="where the long gaps were")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.profile)
        return
    from timeline import make_database

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        checkouts = [("this checkout", ROOT)]
        if args.baseline:
            base = folder / "baseline"
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base),
                 args.baseline], check=True,
            )  # fmt: skip
            checkouts.append((args.baseline, base))
        try:
            for count in args.sizes:
                database = folder / f"r{count}.db"
                store = make_database(database, count)
                add_quotes(store, count)
                store.close()
                figures: dict[str, list[dict]] = {label: [] for label, _ in checkouts}
                for number in range(args.runs):
                    # interleaved, the first to run changing each round
                    turn = checkouts if number % 2 == 0 else checkouts[::-1]
                    for label, code in turn:
                        figures[label].append(run(code, database, folder, args.profile))
                        print(
                            f"  ({count:,}, run {number + 1}, {label}: "
                            + ", ".join(f"{s} {figures[label][-1][s]:.0f}" for s in STEPS)
                            + f"; load average {os.getloadavg()[0]:.1f})", flush=True,
                        )  # fmt: skip
                for label, _ in checkouts:
                    show(count, label, figures[label])
        finally:
            if args.baseline:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                    check=False,
                )
    print(f"(measured {dt.date.today()}, {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
