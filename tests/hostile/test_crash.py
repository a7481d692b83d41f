"""Kill the import process in the middle of a large batch: the database must be
intact, hold only whole articles, and a second import must finish the job."""

import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

PLACES = ["Herat", "Ghazni", "Kunduz", "Zaranj", "Farah", "Taloqan", "Sheberghan", "Kandahar"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday"]


def write_batch(folder, count):
    folder.mkdir()
    for number in range(count):
        place, day = PLACES[number % len(PLACES)], DAYS[number % len(DAYS)]
        body = " ".join(
            f"Paragraph {k} of report {number}: officials described the fighting at length."
            for k in range(40)
        )
        (folder / f"report-{number:04d}.txt").write_text(
            f"Published Aug. 12, 2021\n\nThe Taliban captured {place} on {day}, officials said "
            f"in report {number}.\n\n{body}"
        )


def count_articles(db):
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def processes_marked(mark: str) -> list[int]:
    """The processes whose environment holds ``mark`` (Linux's /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and mark.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:  # ended meanwhile, or not ours
            continue
    return found


def wait_for_end(pid: int, timeout: float) -> None:
    """Until process ``pid`` (not a child of ours) has ended, or ``timeout`` seconds:
    its pidfd becomes readable when it ends."""
    try:
        handle = os.pidfd_open(pid)
    except OSError:  # already gone
        return
    try:
        select.select([handle], [], [], timeout)
    finally:
        os.close(handle)


def test_sigkill_mid_import_leaves_whole_articles_and_reimport_finishes(tmp_path):
    folder, db = tmp_path / "batch", tmp_path / "crash.db"
    write_batch(folder, 400)
    mark = f"TIMELINE_CRASH_TEST={uuid.uuid4()}"  # inherited by its workers and forkserver
    importer = subprocess.Popen(
        [sys.executable, "-m", "timeline_app", "import", "--db", str(db), str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=dict(os.environ, TIMELINE_CRASH_TEST=mark.partition("=")[2]),
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while count_articles(db) < 40 and time.monotonic() < deadline:
        try:
            importer.wait(timeout=0.02)  # returns at once if the import has ended
            break
        except subprocess.TimeoutExpired:
            continue
    assert importer.poll() is None, "the import finished before it could be killed"
    os.kill(importer.pid, signal.SIGKILL)
    importer.wait()
    if Path("/proc/self/environ").exists():
        # its worker processes (and their forkserver) end with it, not wait forever
        for pid in processes_marked(mark):
            wait_for_end(pid, timeout=30)
        assert processes_marked(mark) == []

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        half_written = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM mentions m WHERE m.article_id = a.id)"
        ).fetchone()[0]
    assert 40 <= stored < 400 and half_written == 0

    again = subprocess.run(
        [sys.executable, "-m", "timeline_app", "import", "--db", str(db), str(folder)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert f"{400 - stored} imported" in again.stdout
    assert f"{stored} already present" in again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 400
        assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 400
        # each place always comes with the same weekday: 8 events, however many reports
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 8
