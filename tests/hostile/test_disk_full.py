"""A full disk: the import stops at the first article that does not fit, with
one line saying how far it got; opening or creating a database on a full disk
says so instead of calling a healthy file damaged or showing a traceback.

The disk is made full for real, through SQLite's own limit on the file's size
(``PRAGMA max_page_count``): SQLite then fails exactly as on a full disk
("database or disk is full")."""

import sqlite3

import pytest

from timeline_app import cli
from timeline_app.extraction.extract import Extractor
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.services import discover, read_one, store_articles
from timeline_app.storage import Store, StoreError
from timeline_app.storage import store as store_module

PLACES = ["Herat", "Ghazni", "Kunduz", "Zaranj", "Farah", "Taloqan"]


def write_articles(folder, count):
    folder.mkdir()
    for number in range(count):
        filler = " ".join(f"Residents described day {k} of report {number}." for k in range(300))
        (folder / f"report-{number:02d}.txt").write_text(
            f"Published Aug. 12, 2021\n\nThe Taliban captured {PLACES[number % 6]} on Monday, "
            f"report {number} said.\n\n{filler}"
        )


@pytest.fixture
def full_after_a_few(monkeypatch, tmp_path):
    """Databases opened from now on may grow by a few articles only."""
    path = tmp_path / "work.db"
    Store(path).close()
    connect = Store._connect

    def limited(self):
        conn = connect(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 40}")
        return conn

    monkeypatch.setattr(Store, "_connect", limited)
    return path


def stored_articles(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_import_stops_at_the_first_full_disk_with_one_line(full_after_a_few, tmp_path, capsys):
    folder = tmp_path / "batch"
    write_articles(folder, 30)
    code = cli.main(["import", "--db", str(full_after_a_few), str(folder)])
    out, err = capsys.readouterr()
    stored = stored_articles(full_after_a_few)
    assert code == 1 and 0 < stored < 30
    assert err.count("full") == 1, err
    assert f"error: the disk is full: {stored} articles imported, the rest not; free space and " \
        "import again" in err
    assert "Traceback" not in err and "failed" not in err
    assert f"{stored} imported" in out


def test_the_windows_import_service_stops_too(full_after_a_few, tmp_path):
    folder = tmp_path / "batch"
    write_articles(folder, 30)
    files, _ = discover([folder])
    with Store(full_after_a_few) as store:
        report = store_articles(
            (read_one(path) for path in files), store, Extractor(Gazetteer.load()),
            total=len(files),
        )  # fmt: skip
    stored = stored_articles(full_after_a_few)
    assert report.failed == [] and len(report.imported) == stored
    assert report.stopped.startswith(f"the disk is full: {stored} articles imported, the rest")
    assert "stopped before the end" in report.summary()


def test_a_new_database_on_a_full_disk_is_one_line(monkeypatch, tmp_path, capsys):
    connect = Store._connect

    def full(self):
        conn = connect(self)
        conn.execute("PRAGMA max_page_count = 1")
        return conn

    monkeypatch.setattr(Store, "_connect", full)
    article = tmp_path / "a.txt"
    article.write_text("Published Aug. 12, 2021\n\nThe Taliban captured Herat on Monday.\n")
    code = cli.main(["import", "--db", str(tmp_path / "new.db"), str(article)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "timeline-app: the disk is full: new.db cannot be created; free space and " \
        "try again\n"


class _NoRoomForSharedMemory(sqlite3.Connection):
    """On a full disk, SQLite cannot grow a WAL database's shared-memory file and
    reports a disk I/O error on the first read."""

    def execute(self, sql, *args):
        if sql.startswith("SELECT count(*) FROM sqlite_master"):
            raise sqlite3.OperationalError("disk I/O error")
        return super().execute(sql, *args)


def test_a_healthy_database_on_a_full_disk_is_not_called_damaged(monkeypatch, tmp_path):
    path = tmp_path / "work.db"
    Store(path).close()
    before = path.read_bytes()
    monkeypatch.setattr(
        store_module.sqlite3, "connect",
        lambda *args, _connect=sqlite3.connect, **kw: _connect(
            *args, factory=_NoRoomForSharedMemory, **kw
        ),
    )  # fmt: skip
    monkeypatch.setattr(
        store_module.shutil, "disk_usage", lambda folder: type("U", (), {"free": 0})()
    )
    with pytest.raises(StoreError) as refused:
        Store(path)
    monkeypatch.undo()
    message = str(refused.value)
    assert "is damaged" not in message and "backup" not in message
    assert message == "the disk is full: work.db cannot be opened (it is not damaged); free " \
        "space and open it again"
    assert path.read_bytes() == before
