"""Long work off the GUI thread: a job reports progress, can be cancelled, and
hands back its result (or a one-line error) through signals."""

from __future__ import annotations

import contextlib
import gc
import itertools
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], object]


class Job(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()
        self.thread: QThread | None = None
        self.is_done = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.progress.emit, self._cancel.is_set)
        except Exception as exc:  # reported to the user as one line
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.succeeded.emit(result)
        finally:
            self.is_done = True
            self.done.emit()

    def start(self, parent: QObject) -> None:
        """Run in a new thread owned by ``parent``; the thread ends with the job."""
        self.thread = QThread(parent)
        self.moveToThread(self.thread)
        self.thread.started.connect(self.run)
        self.done.connect(self.thread.quit)
        self.thread.finished.connect(self.thread.deleteLater)
        self.thread.start()


def release_between_turns(*containers: list | dict | set) -> None:
    """Let go of big lists, dicts and sets on the GUI thread, at most
    ``RELEASE_MS`` a turn of the event loop, a turn every ``RELEASE_EVERY_MS``.

    Freed by a thread of its own, they shared the interpreter with the GUI
    thread while it painted what replaced them: each Qt call of a paint lets
    go of the interpreter and waited up to a switch interval (5 ms) to get it
    back from the freeing thread, and a paint of the timeline and the map at a
    million events took 60-100 ms instead of 20-40.  A slice of 2 ms between
    the turns costs a turn no more than that.  The containers must be the
    caller's own: they are emptied, in the order given."""
    containers = tuple(c for c in containers if c)
    if not containers:
        return
    global _release_timer
    if _release_timer is None:
        _release_timer = QTimer()
        _release_timer.setInterval(RELEASE_EVERY_MS)
        _release_timer.timeout.connect(_release_a_slice)
    _to_release_here.append(_emptied(containers))
    _release_timer.start()


RELEASE_EVERY_MS = 10
RELEASE_MS = 2.0
_release_timer: QTimer | None = None
_to_release_here: list = []  # generators, each emptying one call's containers


def _emptied(containers):
    """Empties the containers a few hundred items at a time, yielding between."""
    for container in containers:
        while container:
            if isinstance(container, list):
                del container[-200:]
            elif isinstance(container, dict):
                for key in list(itertools.islice(container, 200)):
                    del container[key]
            else:
                container.difference_update(list(itertools.islice(container, 200)))
            yield


def _release_a_slice() -> None:
    deadline = time.perf_counter() + RELEASE_MS / 1000
    while _to_release_here:
        for _ in _to_release_here[0]:
            if time.perf_counter() > deadline:
                return
        _to_release_here.pop(0)
    if _release_timer is not None:
        _release_timer.stop()


def release_pending() -> bool:
    """Whether something is still being let go (``release_between_turns``)."""
    return bool(_to_release_here)


_pauses = 0
_pauses_lock = threading.Lock()


@contextlib.contextmanager
def collection_paused():
    """No automatic garbage collection while a big reading runs in a thread.

    A full collection walks every object in the process in one uninterrupted
    pass that holds the interpreter: reading a million events makes millions
    of objects, and each full collection it triggered froze the GUI thread
    (a 10 ms heartbeat saw 100 ms gaps at 100k events, gone with collection
    paused).  Reference counting still frees what is let go."""
    global _pauses
    with _pauses_lock:
        _pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if not _pauses:
                # What the reading made is moved out of the collector's reach
                # first: the first collection after the pause walked the half
                # million objects alive from it in one pass (a 100 ms freeze).
                keep_out_of_collections()
                gc.enable()


def keep_out_of_collections() -> None:
    """Move every object alive now out of the collector's reach (``gc.freeze``):
    what a big reading left on screen is not walked again by each later full
    collection.  What it lets go is still freed by reference counting; only
    cycles among those objects stay until the process ends."""
    gc.freeze()
