"""Cold start: the main window shown and painted, next to a bare PySide6 + pyqtgraph window.

    python bench/start.py [--runs 7] [--baseline REV] [--db FILE] [--no-bytecode-cache]

Each start is a fresh interpreter (warm disk cache), timed from launch until it
exits right after its first paint: an application event filter, installed just
before ``show()``, sees the first paint event, and the process exits once that
paint pass is over: the same signal for every window, and no fixed screenshot
wait.  (A zero timer queued at ``show()`` runs before anything is painted.)
The floor is a QMainWindow holding one pyqtgraph PlotWidget.  The main window
is opened on a new database (a file created by that start) and on the demo
database (the shipped sample imported), each checkout with files of its own
(an older window refuses a newer file), plus ``--db FILE`` (a copy) when given.
With ``--baseline REV`` the main window of REV (a git worktree) is started
too, in the same run, interleaved.

Python's compiled bytecode is cached (in the run's temporary folder) and the
untimed first start of each window writes it, as an installed app has its
bytecode written at install; ``--no-bytecode-cache`` compiles every module
from source at every start instead (what a PYTHONDONTWRITEBYTECODE=1
environment does to an editable install: the dependencies keep the bytecode
pip wrote, our modules do not).  Medians of the wall time and of the child's
CPU time (user + system, which a loaded machine disturbs less), each also as a
ratio to the bare window's; also prints which modules of the HTML stack the
window loaded.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
# The environment each window starts with, as the user's shell has it: importing
# timeline_app (``output`` does) sets variables for its own children
# (OPENBLAS_NUM_THREADS), which the bare window and an older checkout must not get.
_USER_ENVIRON = dict(os.environ)

from output import baseline_checkout  # noqa: E402

_SHOWN = """
import os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
{build}
window.resize(1400, 900)

def painted():
    stack = sorted({{m.split('.')[0] for m in sys.modules}}
                   & {{'trafilatura', 'htmldate', 'justext', 'lxml'}})
    print(' '.join(stack) or '-', flush=True)
    os._exit(0)  # what is timed is the start, not the teardown

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            app.removeEventFilter(self)
            QTimer.singleShot(0, painted)  # runs once this paint pass is over
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
window.show()
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


class Kind:
    """One window to start; ``db`` None: a new database file at every start."""

    def __init__(self, name: str, build: str, checkout: Path, db: Path | None = None) -> None:
        self.name, self.build, self.checkout, self.db = name, build, checkout, db
        self.times: list[float] = []
        self.cpu: list[float] = []  # the child's user + system seconds
        self.loaded = ""
        self.started = 0


def _env(checkout: Path, folder: Path, bytecode: bool) -> dict:
    env = dict(
        _USER_ENVIRON, QT_QPA_PLATFORM="offscreen", PYQTGRAPH_QT_LIB="PySide6",
        PYTHONPATH=str(checkout),
    )  # fmt: skip
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def start(kind: Kind, folder: Path, bytecode: bool) -> tuple[float, float, str]:
    """One start of a fresh interpreter, until its first paint is over: wall
    seconds, CPU seconds, and the HTML stack it loaded."""
    kind.started += 1
    db = kind.db or folder / f"new-{kind.checkout.name}-{kind.started}.db"
    cpu = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _SHOWN.format(build=kind.build), str(db),
         str(folder / f"settings-{kind.checkout.name}.ini")],
        capture_output=True, text=True, env=_env(kind.checkout, folder, bytecode),
        cwd=kind.checkout, check=True,
    )  # fmt: skip
    return time.perf_counter() - started, _children_cpu() - cpu, result.stdout.strip()


def demo_database(checkout: Path, folder: Path, bytecode: bool) -> Path:
    """The shipped sample imported by that checkout's own CLI (not timed)."""
    db = folder / f"demo-{checkout.name}.db"
    subprocess.run(
        [sys.executable, "-m", "timeline_app", "--db", str(db), "import",
         str(checkout / "seeds")],
        capture_output=True, text=True, env=_env(checkout, folder, bytecode), cwd=checkout,
        check=True,
    )  # fmt: skip
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--baseline", metavar="REV", help="also start REV's window (e.g. main)")
    parser.add_argument("--db", type=Path, help="also open (a copy of) this database")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module from source at every start")  # fmt: skip
    args = parser.parse_args()
    bytecode = not args.no_bytecode_cache
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        checkouts = [("main window", ROOT)]
        if args.baseline:
            baseline = baseline_checkout(args.baseline, folder)
            checkouts.append((f"{args.baseline}'s window", baseline))
        try:
            kinds = [Kind("bare PySide6 + pyqtgraph", BARE, ROOT)]
            for label, checkout in checkouts:
                kinds.append(Kind(f"{label}, new empty db", MAIN_WINDOW, checkout))
                kinds.append(Kind(f"{label}, demo db", MAIN_WINDOW, checkout,
                                  demo_database(checkout, folder, bytecode)))  # fmt: skip
                if args.db:
                    copy = folder / f"given-{checkout.name}.db"
                    shutil.copyfile(args.db, copy)
                    kinds.append(Kind(f"{label}, {args.db.name}", MAIN_WINDOW, checkout, copy))
            for kind in list(kinds):  # writes the bytecode: not timed
                try:
                    start(kind, folder, bytecode)
                except subprocess.CalledProcessError as exc:  # e.g. an older app, a newer file
                    print(f"{kind.name}: does not start ({exc.stderr.strip().splitlines()[-1]})")
                    kinds.remove(kind)
            for _ in range(args.runs):  # interleaved, so that load on the machine hits all
                for kind in kinds:
                    seconds, cpu, kind.loaded = start(kind, folder, bytecode)
                    kind.times.append(seconds)
                    kind.cpu.append(cpu)
            floor = statistics.median(kinds[0].times)
            cpu_floor = statistics.median(kinds[0].cpu)
            print(f"medians of {args.runs} starts, bytecode "
                  f"{'cached' if bytecode else 'compiled at every start'}; load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (CPU seconds vary "
                  "less with the load than wall seconds)")  # fmt: skip
            for kind in kinds:
                median, cpu = statistics.median(kind.times), statistics.median(kind.cpu)
                print(
                    f"{kind.name:38} {median:6.3f} s (min {min(kind.times):.3f})"
                    f" {median / floor:4.2f}x   CPU {cpu:5.3f} s {cpu / cpu_floor:4.2f}x"
                    f"   HTML stack loaded: {kind.loaded}"
                )
        finally:
            if args.baseline:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)],
                    check=False,
                )  # fmt: skip


if __name__ == "__main__":
    main()
