"""What a crash or another program can leave behind: a new file killed while
being made, a WAL in a folder the app cannot write to, a table dropped by hand."""

import sqlite3
import subprocess
import sys

import pytest

from timeline_app import cli
from timeline_app.storage import Store, StoreError
from timeline_app.storage import store as store_module


def write_articles(folder, count):
    folder.mkdir(exist_ok=True)
    for number in range(count):
        (folder / f"r{number:02d}.txt").write_text(
            f"Published Aug. 12, 2021\n\nThe Taliban captured Herat on Monday, report {number} "
            f"of {folder.name} said.\n"
        )


def test_a_new_file_killed_after_its_first_table_is_finished_not_refused(tmp_path, capsys):
    # What an older version left when killed right after creating its bookkeeping table.
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
            " name TEXT, applied_at TEXT)"
        )
        conn.execute(
            "CREATE UNIQUE INDEX idx__sqlite_migrations_migration_set_name"
            " ON _sqlite_migrations (migration_set, name)"
        )
    write_articles(tmp_path / "in", 2)
    code = cli.main(["import", "--db", str(path), str(tmp_path / "in")])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and "2 imported" in out


WRITE_AND_DIE = """
import os, sys
from timeline_app.services import import_paths
from timeline_app.storage import Store
store = Store(sys.argv[1])
import_paths([sys.argv[2]], store)
os._exit(0)  # a crash: the connection is never closed, the WAL never checkpointed
"""


def test_a_wal_left_by_a_crash_in_a_read_only_folder_is_not_silently_ignored(
    tmp_path, monkeypatch
):
    path = tmp_path / "work.db"
    write_articles(tmp_path / "old", 3)
    cli.main(["import", "--db", str(path), str(tmp_path / "old")])
    write_articles(tmp_path / "recent", 5)
    subprocess.run(
        [sys.executable, "-c", WRITE_AND_DIE, str(path), str(tmp_path / "recent")], check=True
    )
    assert (tmp_path / "work.db-wal").stat().st_size > 0
    # The folder and file are not writable (as root here, the check itself is replaced).
    access = store_module.os.access
    monkeypatch.setattr(
        store_module.os, "access",
        lambda p, mode, **kw: False if mode == store_module.os.W_OK else access(p, mode, **kw),
    )  # fmt: skip
    try:
        store = Store(path)
    except StoreError as exc:  # the other honest answer: say the changes cannot be read here
        assert "copy" in str(exc) and "-wal" in str(exc)
        return
    with store:
        assert store.readonly
        assert store.counts()["articles"] == 8


def test_a_table_dropped_by_hand_is_reported_once_on_opening(tmp_path, capsys):
    path = tmp_path / "work.db"
    write_articles(tmp_path / "old", 1)
    cli.main(["import", "--db", str(path), str(tmp_path / "old")])
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE events")
    capsys.readouterr()
    write_articles(tmp_path / "more", 4)
    before = path.read_bytes()
    code = cli.main(["import", "--db", str(path), str(tmp_path / "more")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "timeline-app: work.db lacks its events table (removed by another program?); it was "
        "not changed. Restore it from a backup\n"
    )
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="lacks its events table"):
        Store(path, readonly=True)
