"""An import commits its articles in batches, yet each article is all or nothing
and every article reported imported is on disk when the import returns."""

import sqlite3

from timeline_app.extraction.extract import Extractor
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.services import discover, read_one, store_articles
from timeline_app.storage import Store
from timeline_app.storage import store as store_module

PLACES = ["Herat", "Ghazni", "Kunduz", "Zaranj", "Farah", "Taloqan"]


def write_articles(folder, count):
    folder.mkdir()
    for number in range(count):
        (folder / f"report-{number:02d}.txt").write_text(
            f"Published Aug. 12, 2021\n\nThe Taliban captured {PLACES[number % 6]} on Monday, "
            f"report {number} said."
        )
    return discover([folder])[0]


def on_disk(path, sql):
    with sqlite3.connect(path) as other:
        return other.execute(sql).fetchone()[0]


def test_one_bad_article_in_a_batch_is_undone_alone(tmp_path, monkeypatch):
    files = write_articles(tmp_path / "in", 12)
    add = Store._add_evidence

    def failing(self, article_id, events):
        touched = add(self, article_id, events)
        text = self._db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if "report 5 said" in text[0]:
            raise ValueError("a broken article")
        return touched

    monkeypatch.setattr(Store, "_add_evidence", failing)
    path = tmp_path / "b.db"
    with Store(path) as store:
        report = store_articles((read_one(f) for f in files), store, Extractor(Gazetteer.load()),
                                total=len(files))  # fmt: skip
        # reported imported is committed: another program sees it before the store closes
        assert on_disk(path, "SELECT count(*) FROM articles") == len(report.imported) == 11
    assert [p.name for p in (f.path for f in report.failed)] == ["report-05.txt"]
    assert on_disk(path, "SELECT count(*) FROM mentions m LEFT JOIN articles a"
                         " ON a.id = m.article_id WHERE a.id IS NULL") == 0  # fmt: skip
    assert on_disk(path, "SELECT count(*) FROM events") == 6


def test_a_cancelled_import_keeps_what_it_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "BATCH_ARTICLES", 1000)
    monkeypatch.setattr(store_module, "BATCH_SECONDS", 1000)  # one batch for everything
    files = write_articles(tmp_path / "in", 10)
    seen = []
    path = tmp_path / "c.db"
    with Store(path) as store:
        report = store_articles(
            (read_one(f) for f in files), store, Extractor(Gazetteer.load()), total=len(files),
            cancelled=lambda: len(seen) >= 4, progress=lambda done, total, name: seen.append(name),
        )  # fmt: skip
        assert report.cancelled and 0 < len(report.imported) < 10
        assert on_disk(path, "SELECT count(*) FROM articles") == len(report.imported)


def test_events_merged_in_the_window_during_an_import_get_its_later_sources(
    tmp_path, monkeypatch
):
    """The window is another connection: an analyst who merges two events while
    an import runs sees the import's later reports of either join the one kept,
    none left pointing at the event merged away (the import remembers the events
    it has met only while nobody else writes)."""
    from timeline_app.review import Review

    monkeypatch.setattr(store_module, "BATCH_ARTICLES", 1)  # the window may write between
    folder = tmp_path / "in"
    folder.mkdir()
    for number, day in enumerate(["Monday", "Tuesday", "Tuesday"]):
        (folder / f"report-{number}.txt").write_text(
            f"Published Aug. 12, 2021\n\nThe Taliban captured Herat on {day}, report {number} said."
        )
    files = discover([folder])[0]
    path = tmp_path / "m.db"

    def read_merging_before_the_last():
        for number, file in enumerate(files):
            if number == 2:  # the analyst merges Tuesday's event into Monday's
                with Store(path) as window:
                    ids = {e["date"]: e["id"] for e in window.events()}
                    Review(window).merge(ids["2021-08-09"], ids["2021-08-10"])
            yield read_one(file)

    with Store(path) as store:
        report = store_articles(read_merging_before_the_last(), store,
                                Extractor(Gazetteer.load()), total=3)  # fmt: skip
        assert len(report.imported) == 3
        events = store.events()
    assert [(e["date"], len(e["sources"])) for e in events] == [("2021-08-09", 3)]
    assert on_disk(path, "SELECT count(*) FROM mentions m LEFT JOIN events e"
                         " ON e.id = m.event_id WHERE e.id IS NULL") == 0  # fmt: skip
