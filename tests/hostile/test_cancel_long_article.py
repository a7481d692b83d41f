"""Cancel inside one long article: the import service asks its cancel callback
while it reads an article, not only between articles, so that cancelling a
16 MB article does not wait for the whole of it to be read."""

import sqlite3
import threading

from timeline_app.extraction.extract import Extractor
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.services import import_paths, read_one, store_articles
from timeline_app.storage import Store

PLACES = ["Herat", "Ghazni", "Kunduz", "Zaranj", "Farah", "Taloqan"]


def long_article(path, paragraphs=300):
    body = "\n\n".join(
        f"Paragraph {n}: the Taliban captured {PLACES[n % 6]} on Monday, officials said."
        for n in range(paragraphs)
    )
    path.write_text(f"Published Aug. 12, 2021\n\n{body}\n")
    return path


def stored(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_cancel_is_asked_inside_one_article_and_stores_nothing_of_it(tmp_path):
    article = long_article(tmp_path / "long.txt")
    asked = []

    def cancelled():  # says stop on the third question: twice inside the article
        asked.append(True)
        return len(asked) >= 3

    with Store(tmp_path / "work.db") as store:
        report = import_paths([article], store, cancelled=cancelled)
    assert report.cancelled and report.imported == [] and report.failed == []
    assert len(asked) == 3  # stopped at once, long before the article's 300 paragraphs
    assert stored(tmp_path / "work.db") == 0
    assert "cancelled before the end" in report.summary()


def test_cancel_from_another_thread_stops_the_windows_import_service(tmp_path):
    article = long_article(tmp_path / "long.txt", paragraphs=3000)
    flag, started = threading.Event(), threading.Event()
    asked = []

    def cancelled():
        asked.append(True)
        if len(asked) == 2:  # the first question inside the article
            started.set()
            flag.wait(timeout=30)  # the other thread has pressed Cancel by now
        return flag.is_set()

    presser = threading.Thread(target=lambda: (started.wait(timeout=30), flag.set()))
    presser.start()
    with Store(tmp_path / "work.db") as store:
        report = store_articles(
            [read_one(article)], store, Extractor(Gazetteer.load()), cancelled=cancelled
        )
    presser.join()
    assert report.cancelled and report.imported == []
    assert len(asked) == 2
    assert stored(tmp_path / "work.db") == 0
