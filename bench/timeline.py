"""Timeline speed at 1k, 10k, 100k and 1M events: prints figures, asserts nothing.

    python bench/timeline.py [--sizes 1000 10000 100000 1000000]

For each size: a database of random events (34 places, two years) is written,
then timed: load from the database + first paint of the timeline view, one
zoom repaint, one pan repaint, the "sources disagree" query the window runs
on every refresh, and a 3840 px PNG export. Runs offscreen.
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
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
from PySide6.QtWidgets import QApplication

from timeline_app import timeline_data
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.gui.export import render_timeline, save_png
from timeline_app.gui.timeline_view import TimelineView
from timeline_app.model import STATUSES, day_number
from timeline_app.storage import Store


def make_database(path: Path, count: int, seed: int = 1) -> Store:
    store = Store(path)
    store.sync_places(Gazetteer.load().places.values())
    rng = np.random.default_rng(seed)
    places = store.place_ids()
    start = dt.date(2020, 1, 1)
    days = rng.integers(0, 730, count)
    epoch_offset = day_number(start)
    place_index = rng.integers(0, len(places), count)
    status_index = rng.integers(0, len(STATUSES), count)
    rows = (
        (
            places[p],
            STATUSES[s],
            (start + dt.timedelta(days=int(d))).isoformat(),
            int(d) + epoch_offset,
        )
        for p, s, d in zip(place_index, status_index, days, strict=True)
    )
    store.add_rows_unchecked("events", ("place_id", "status", "date", "date_precision", "day"),
                             ((*row[:3], "day", row[3]) for row in rows))
    return store


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def measure(app: QApplication, count: int, folder: Path) -> dict[str, float]:
    store = make_database(folder / f"bench-{count}.db", count)
    view = TimelineView()
    view.resize(1600, 800)
    view.show()
    app.processEvents()

    def open_and_paint():
        view.set_data(timeline_data.load(store))
        view.graphics.viewport().repaint()

    figures = {"open + first paint": timed(open_and_paint)}
    if len(view.data) != count:
        raise SystemExit(f"the view holds {len(view.data)} events, not {count}")
    view.fit_all()
    app.processEvents()
    view.graphics.viewport().repaint()
    figures["repaint (all visible)"] = timed(view.graphics.viewport().repaint)
    view.zoom(2.0)
    figures["zoom repaint"] = timed(view.graphics.viewport().repaint)
    (x0, x1), _ = view.view.viewRange()
    view.view.setXRange(x0 + (x1 - x0) * 0.1, x1 + (x1 - x0) * 0.1, padding=0)
    figures["pan repaint"] = timed(view.graphics.viewport().repaint)
    figures["disagreement query"] = timed(store.disagreeing_event_ids)
    data = view.data
    figures["PNG 3840 px"] = timed(
        lambda: save_png(render_timeline(data, 3840, title="Benchmark"), folder / "out.png")
    )
    view.close()
    store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        rows = [(count, measure(app, count, Path(tmp))) for count in args.sizes]
    names = list(rows[0][1])
    print(f"{'events':>10}  " + "  ".join(f"{n:>22}" for n in names))
    for count, figures in rows:
        print(f"{count:>10,}  " + "  ".join(f"{figures[n]:>19.1f} ms" for n in names))


if __name__ == "__main__":
    main()
