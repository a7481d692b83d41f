"""Reading and extracting articles in worker processes, for big imports.

Extraction is pure Python and takes most of an import's time; threads would
share one interpreter lock, so a batch of files is read and extracted in
``workers`` processes while the caller stores the results in order, one
article per transaction, in its own process (SQLite has one writer).  Small
batches are done in the calling process: starting workers costs more than it
saves below a few dozen files.

The workers are forked by one forkserver that has imported the extraction
and the importers already (``PRELOAD``): each worker then starts in a few
milliseconds instead of importing them (and compiling their patterns) again,
about 0.4 s of CPU each, on cores the import shares with the extraction.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .extraction.extract import Extractor
    from .extraction.gazetteer import Gazetteer

MIN_FILES_PER_WORKER = 24
# Files handed to a worker at a time: each hand-over costs the writer, which shares
# the cores with the workers (from 8 to 32 files: 0.1 s of its CPU in 1,000 files),
# but a worker should get some four of them, so that none is left working alone
# at the end, and Cancel waits for the ones being read.
CHUNK = 32
CHUNKS_PER_WORKER = 4

# What the forkserver imports once for all its workers: what a worker runs, and a
# short article read once (``warm``), so that the patterns a worker would compile
# on its first article are compiled once, before the workers fork.
PRELOAD = ["timeline_app.extraction.extract", "timeline_app.services",
           "timeline_app.extraction.warm"]  # fmt: skip

_EXTRACTOR: Extractor | None = None  # one per worker process


def start_forkserver() -> None:
    """Start the workers' forkserver, which loads ``PRELOAD`` at once, beside
    what the caller does before it asks for workers (a few ms here)."""
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    forkserver.ensure_running()


def default_workers() -> int:
    """One per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(gazetteer_json: str) -> None:
    from .extraction.extract import Extractor
    from .extraction.gazetteer import Gazetteer

    global _EXTRACTOR
    _EXTRACTOR = Extractor(Gazetteer.from_json(gazetteer_json))
    _end_with_the_caller()


def _end_with_the_caller() -> None:
    """End this worker when the process that started it ends without stopping it
    (killed): else it waits forever to hand over its results (it holds the other
    end of their pipe too) and keeps the forkserver alive with it."""
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - a worker always has one
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="caller watch", daemon=True).start()


def _read_and_extract(job: tuple[Path, dt.date | None]):
    """(article, error, its events as the store writes them): no path (the
    caller has it) and no event objects, which cost the writer more to unpickle."""
    from .services import read_one
    from .storage.rows import event_rows

    path, published = job
    result = read_one(path, published)
    if result.article is None:
        return None, result.error, None
    try:
        return result.article, "", event_rows(_EXTRACTOR.extract(result.article))
    except Exception as exc:  # reported for this file; the batch goes on
        return None, f"unexpected error ({type(exc).__name__}: {exc})", None


def read_extracted(
    files: list[Path],
    gazetteer: Gazetteer,
    published: dt.date | None = None,
    *,
    workers: int | None = None,
) -> Iterator:
    """``services.ReadResult``s in the order of ``files``, each with its
    ``events`` extracted (as ``storage.rows.event_rows``), from ``workers``
    processes (default: one per core).  To stop early, close the generator: the
    workers stop after the files they are reading (``services.store_articles``)."""
    from .services import ReadResult, read_one

    workers = default_workers() if workers is None else max(1, workers)
    workers = min(workers, len(files) // MIN_FILES_PER_WORKER)
    if workers <= 1:
        for path in files:
            yield read_one(path, published)  # extracted by the caller
        return
    # forkserver: never fork a process that may have GUI threads running
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # once it runs, it keeps what it has
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker,
        initargs=(gazetteer.to_json(),),
    ) as pool:  # fmt: skip
        chunk = max(1, min(CHUNK, len(files) // (workers * CHUNKS_PER_WORKER)))
        results = pool.map(_read_and_extract, [(p, published) for p in files], chunksize=chunk)
        try:
            for path, (article, error, events) in zip(files, results, strict=True):
                # the caller asks ``cancelled`` before each and then closes this generator:
                # a generator that stopped here would look like a whole import to it
                yield ReadResult(path, article, error, events)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
