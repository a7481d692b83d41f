"""The whole window's refresh (timeline, table, filters, counts) at 10k-1M events.

    python bench/window.py [--sizes 10000 100000 1000000]

Prints figures, asserts nothing. Runs offscreen. The timeline alone is in
bench/timeline.py; this adds the table and the "sources disagree" query, which
the window runs on every refresh.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from timeline import make_database

from timeline_app.gui.main_window import MainWindow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.sizes:
            store = make_database(Path(tmp) / f"w{count}.db", count)
            settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
            window = MainWindow(store, settings)
            window.show()
            app.processEvents()
            started = time.perf_counter()
            window.refresh()
            app.processEvents()
            refresh = time.perf_counter() - started
            started = time.perf_counter()
            window.table.sortByColumn(0, window.table.horizontalHeader().sortIndicatorOrder())
            app.processEvents()
            resort = time.perf_counter() - started
            print(
                f"{count:>10,} events: refresh {refresh * 1000:8.0f} ms,"
                f" sort by place {resort * 1000:6.0f} ms"
            )
            window.close()
            store.close()


if __name__ == "__main__":
    main()
