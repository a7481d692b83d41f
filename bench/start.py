"""Cold start: the main window shown and painted, next to a bare PySide6 + pyqtgraph window.

    python bench/start.py [--runs 7] [--baseline REV]

Each start is a fresh interpreter (warm disk cache), timed from launch until it
exits right after the first paint; no fixed screenshot wait.  The floor is a
QMainWindow holding one pyqtgraph PlotWidget.  With ``--baseline REV`` the main
window of REV (a git worktree) is started too, in the same run.  Medians; also
prints which modules of the HTML stack the window loaded.  Asserts nothing.
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

from output import baseline_checkout  # noqa: E402

_SHOWN = """
import os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
{build}
window.resize(1400, 900)
window.show()
def painted():
    stack = sorted({{m.split('.')[0] for m in sys.modules}}
                   & {{'trafilatura', 'htmldate', 'justext', 'lxml'}})
    print(' '.join(stack) or '-', flush=True)
    os._exit(0)  # what is timed is the start, not the teardown
QTimer.singleShot(0, painted)  # runs once the window is shown and painted
app.exec()
"""
BARE = """
import pyqtgraph
from PySide6.QtWidgets import QMainWindow
window = QMainWindow()
window.setCentralWidget(pyqtgraph.PlotWidget())
"""
MAIN_WINDOW = """
from PySide6.QtCore import QSettings
from timeline_app.gui.main_window import MainWindow
from timeline_app.storage import Store
window = MainWindow(Store(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
"""


def start(build: str, checkout: Path, folder: Path) -> tuple[float, str]:
    """One start; each checkout has its own (empty) database: an older one refuses a newer file."""
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", PYQTGRAPH_QT_LIB="PySide6",
        PYTHONPATH=str(checkout),
    )  # fmt: skip
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _SHOWN.format(build=build), str(folder / f"{checkout.name}.db"),
         str(folder / "settings.ini")],
        capture_output=True, text=True, env=env, cwd=checkout, check=True,
    )  # fmt: skip
    return time.perf_counter() - started, result.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline", metavar="REV", help="also start REV's window (e.g. main)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        kinds = [("bare PySide6 + pyqtgraph", BARE, ROOT), ("main window", MAIN_WINDOW, ROOT)]
        if args.baseline:
            checkout = baseline_checkout(args.baseline, folder)
            kinds.append((f"main window of {args.baseline}", MAIN_WINDOW, checkout))
        try:
            for _, _, checkout in kinds:  # creates the databases: not timed
                start(MAIN_WINDOW, checkout, folder)
            times: dict[str, list[float]] = {name: [] for name, _, _ in kinds}
            loaded = {}
            for _ in range(args.runs):  # interleaved, so that load on the machine hits all
                for name, build, checkout in kinds:
                    seconds, loaded[name] = start(build, checkout, folder)
                    times[name].append(seconds)
            floor = statistics.median(times[kinds[0][0]])
            for name, _, _ in kinds:
                median = statistics.median(times[name])
                print(
                    f"{name:34} {median:6.3f} s (min {min(times[name]):.3f})"
                    f"  {median / floor:4.2f}x the bare window   HTML stack loaded: {loaded[name]}"
                )
        finally:
            if args.baseline:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkout)],
                    check=False,
                )


if __name__ == "__main__":
    main()
