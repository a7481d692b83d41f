"""`timeline-app export-png` at 100k and 1M events beside a floor: prints figures.

    python bench/export_png.py [--sizes 100000 1000000] [--runs 3]

For each size a database of random events (34 places, two years) with one quote
per event is written straight to SQLite (as ``bench/output.py`` does), then each
command runs as its own process, its wall time measured, interleaved for
``--runs`` rounds (medians):

* ``export-png --evidence``: every report drawn (a marker per event);
* ``export-png``: the default, one marker per change of control;
* the floor: a bare script that reads every event's day, place and status in one
  query into numpy and draws one marker each with QPainter into a picture of the
  same size, saved as a PNG.

The floor does the least that drawing every report needs, so ``--evidence`` is
the like-for-like ratio; the default view does more (the consensus of every
report) and draws less.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from output import add_quotes  # noqa: E402
from timeline import make_database  # noqa: E402

WIDTH = 1920

_FLOOR = """
import sqlite3, sys
import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen
app = QGuiApplication([])
conn = sqlite3.connect(sys.argv[1])
places = {row[0]: i for i, row in enumerate(conn.execute("SELECT id FROM places ORDER BY id"))}
statuses = {}
rows = conn.execute("SELECT day, place_id, status FROM events WHERE day IS NOT NULL").fetchall()
day = np.fromiter((r[0] for r in rows), "f8", len(rows))
lane = np.fromiter((places[r[1]] for r in rows), "f8", len(rows))
status = np.fromiter((statuses.setdefault(r[2], len(statuses)) for r in rows), "i4", len(rows))
width, height = int(sys.argv[3]), 40 + 24 * len(places)
x = 10 + (day - day.min()) / max(1.0, day.max() - day.min()) * (width - 20)
y = 30 + lane * 24
image = QImage(width, height, QImage.Format_ARGB32_Premultiplied)
image.fill(Qt.white)
painter = QPainter(image)
painter.setRenderHint(QPainter.Antialiasing)
for code in range(len(statuses)):
    chosen = status == code
    painter.setPen(QPen(QColor.fromHsv(code * 40, 200, 200), 6, Qt.SolidLine, Qt.RoundCap))
    painter.drawPoints([QPointF(a, b) for a, b in zip(x[chosen], y[chosen])])
painter.end()
image.save(sys.argv[2])
"""


def run(argv: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for count in args.sizes:
            db = folder / f"png-{count}.db"
            store = make_database(db, count)
            add_quotes(store, count)
            store.close()
            out = str(folder / "out.png")
            app = [sys.executable, "-m", "timeline_app", "export-png", out, "--db", str(db),
                   "--width", str(WIDTH)]  # fmt: skip
            kinds = {
                "floor (numpy + QPainter, every event)": [
                    sys.executable, "-c", _FLOOR, str(db), out, str(WIDTH)
                ],
                "export-png --evidence (every report)": [*app, "--evidence"],
                "export-png (changes of control)": app,
            }
            times: dict[str, list[float]] = {name: [] for name in kinds}
            for _ in range(args.runs):  # interleaved, so that load on the machine hits all
                for name, argv in kinds.items():
                    times[name].append(run(argv))
            floor = statistics.median(times[next(iter(kinds))])
            print(f"{count:,} events, one quote each, {WIDTH} px wide (medians of {args.runs})")
            for name, values in times.items():
                median = statistics.median(values)
                print(f"  {name:<40} {median:6.2f} s  {median / floor:4.2f}x the floor")


if __name__ == "__main__":
    main()
