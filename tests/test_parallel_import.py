"""A big batch is read and extracted in worker processes: the same database as
one process makes, bad files reported the same way, and cancel stops it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app import parallel
from timeline_app.services import import_paths
from timeline_app.storage import Store

TEMPLATE = (
    "Published August {day}, 2021\n\n"
    "Taliban fighters captured {place} on Sunday, officials said. Fighting was reported"
    " near {other} on Saturday.\n"
)
PLACES = ["Kunduz", "Herat", "Ghazni", "Farah", "Zaranj", "Taloqan", "Aybak", "Kandahar"]


def write_batch(folder, count: int):
    folder.mkdir()
    for number in range(count):
        place, other = PLACES[number % 8], PLACES[(number + 3) % 8]
        text = TEMPLATE.format(day=9 + number % 9, place=place, other=other)
        (folder / f"a{number:03d}.txt").write_text(text + f"\nReport number {number}.\n")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    return folder


def dump(store: Store) -> list:
    return [
        (e["place"], e["status"], e["date"], [s["quote"] for s in e["sources"]])
        for e in sorted(store.events(), key=lambda e: (e["place"], e["status"], e["date"]))
    ]


def test_workers_give_the_same_database_and_the_same_report(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 4)
    folder = write_batch(tmp_path / "batch", 30)
    reports, dumps = [], []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            reports.append(import_paths([folder], store, workers=workers))
            dumps.append(dump(store))
    one, two = reports
    assert len(two.imported) == len(one.imported) == 30
    assert [p.line() for p in two.failed] == [p.line() for p in one.failed] != []
    assert [path.name for path, _, _ in two.imported] == [path.name for path, _, _ in one.imported]
    assert dumps[0] == dumps[1] and len(dumps[0]) > 8


def test_a_small_batch_starts_no_process(tmp_path, monkeypatch):
    folder = write_batch(tmp_path / "batch", 5)

    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for five files")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    with Store(tmp_path / "small.db") as store:
        report = import_paths([folder], store, workers=4)
    assert len(report.imported) == 5


def test_cancel_stops_a_parallel_import_with_whole_articles(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 4)
    folder = write_batch(tmp_path / "batch", 40)
    shown = []  # the user presses Cancel once the progress shows a few articles done

    with Store(tmp_path / "cancel.db") as store:
        report = import_paths([folder], store, workers=2, cancelled=lambda: len(shown) > 5,
                              progress=lambda done, total, name: shown.append(done))  # fmt: skip
        stored = store.counts()["articles"]
    assert report.cancelled
    assert 0 < len(report.imported) < 40 and stored == len(report.imported)


def test_the_command_line_starts_the_workers_forkserver_early_only_for_big_imports(tmp_path):
    from timeline_app.__main__ import _may_use_workers

    enough = 2 * parallel.MIN_FILES_PER_WORKER
    big = write_batch(tmp_path / "big", enough)
    small = write_batch(tmp_path / "small", 3)
    (small / "more").symlink_to(big)  # links to folders are not followed
    names = [f"a{n}.txt" for n in range(enough)]
    assert _may_use_workers(["import", str(big)])
    assert _may_use_workers(["import", str(small), str(tmp_path)])  # in folders of folders
    assert _may_use_workers(["--db", "x.db", "import", "--workers=2", *names])
    assert not _may_use_workers(["import", str(small)])
    assert not _may_use_workers(["import", "--workers", "1", str(big)])
    assert not _may_use_workers(["import", "a.txt", "b.txt"])
    assert not _may_use_workers(["--db", "import", "events"])  # a database named import
    assert not _may_use_workers(["import", "--help"])


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_the_store_adds_no_spinning_math_threads_beside_the_workers():
    """numpy's OpenBLAS would start a thread per core, busy for about 0.1 s of the
    CPU a 2-core import's workers need; the writer loads numpy with the store."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENBLAS", "OMP_"))}
    script = "import os, timeline_app.storage.store; print(len(os.listdir('/proc/self/task')))"
    threads = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
    assert int(threads) == 1
