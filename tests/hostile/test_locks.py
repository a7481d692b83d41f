"""Another program holding the database's write lock: the import waits for it
(the busy timeout), then goes on; a lock kept longer gives one line.  Two
imports creating the same new database at once both succeed."""

import sqlite3
import subprocess
import sys
import threading

import pytest

from timeline_app import cli
from timeline_app.services import import_paths
from timeline_app.storage import Store
from timeline_app.storage import store as store_module

HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO settings VALUES ('held', 'by another program')")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "work.db"
    Store(path).close()
    return path


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Published Aug. 12, 2021\n\nThe Taliban captured Herat on Monday.\n")
    return path


def hold_lock(db, seconds):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "locked"
    return holder


def articles(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_an_import_waits_for_another_programs_lock(db, article, capsys):
    holder = hold_lock(db, 2)
    try:
        code = cli.main(["import", "--db", str(db), str(article)])
    finally:
        holder.communicate()
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and "1 imported" in out
    assert articles(db) == 1


def test_a_lock_held_too_long_is_one_line(db, article, capsys, monkeypatch):
    monkeypatch.setattr(store_module, "BUSY_SECONDS", 1)
    holder = hold_lock(db, 4)
    try:
        code = cli.main(["import", "--db", str(db), str(article)])
    finally:
        holder.communicate()
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err == (
        "error: work.db is locked by another program (waited 1 s): 0 articles imported, the "
        "rest not; close it or let it finish, then import again\n"
    )


def test_two_imports_into_a_new_database_at_once_both_succeed(tmp_path, article):
    other = tmp_path / "b.txt"
    other.write_text("Published Aug. 12, 2021\n\nThe Taliban captured Ghazni on Monday.\n")
    for attempt in range(6):
        path = tmp_path / f"new-{attempt}.db"
        start = threading.Barrier(2)
        outcomes = []

        def run(source, path=path, start=start, outcomes=outcomes):
            start.wait()
            try:
                with Store(path) as store:
                    report = import_paths([source], store)
                outcomes.append(len(report.imported) if not report.stopped else report.stopped)
            except Exception as exc:  # the failure itself is what the test reports
                outcomes.append(f"{type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=run, args=(s,)) for s in (article, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert outcomes == [1, 1], f"attempt {attempt}: {outcomes}"
        assert articles(path) == 2
