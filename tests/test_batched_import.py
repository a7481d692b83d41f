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
