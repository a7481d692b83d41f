"""Long work off the GUI thread: a job reports progress, can be cancelled, and
hands back its result (or a one-line error) through signals."""

from __future__ import annotations

import contextlib
import gc
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..snapshot import empty_in_slices

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


def release_in_background(*containers: list | dict, size: int = 20_000) -> None:
    """Let go of big lists and dicts in another thread, a slice at a time.

    Freeing a million table rows is one uninterrupted C loop (0.5 s at 1M rows)
    that would freeze the window; emptied 20,000 items at a time, the GUI
    thread gets the interpreter between slices. The containers must be the
    caller's own: they are emptied (``size`` items at a time, as
    ``snapshot.empty_in_slices``) by one thread kept for it, in the order
    given (starting a thread each time made the GUI thread wait for the new
    thread's turn at the interpreter: up to 50 ms at a million events)."""
    containers = tuple(c for c in containers if c)
    if not containers:
        return
    global _releaser
    with _releaser_lock:
        if _releaser is None or not _releaser.is_alive():
            _releaser = threading.Thread(target=_release_forever, name="release", daemon=True)
            _releaser.start()
    _to_release.put((containers, size))


_to_release: queue.SimpleQueue = queue.SimpleQueue()
_releaser: threading.Thread | None = None
_releaser_lock = threading.Lock()


def _release_forever() -> None:
    while True:
        containers, size = _to_release.get()
        empty_in_slices(*containers, size=size)
        del containers


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
