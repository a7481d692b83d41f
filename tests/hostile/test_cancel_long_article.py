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


def test_the_progress_label_says_how_far_into_a_long_article_the_reading_is(
    tmp_path, monkeypatch
):
    """One long file would hold the bar at 1 of 2 for as long as it is read: it
    moves in hundredths of the article, the label saying the percent read; a
    short file's label is its name alone."""
    import timeline_app.services as services

    monkeypatch.setattr(services, "LONG_ARTICLE", 10_000)  # 300 paragraphs: 24 kB
    article = long_article(tmp_path / "long.txt")
    short = tmp_path / "short.txt"
    short.write_text("Published Aug. 12, 2021\n\nThe Taliban captured Herat on Monday.\n")
    calls = []
    with Store(tmp_path / "work.db") as store:
        report = import_paths(
            [short, article], store, progress=lambda d, t, label: calls.append((d, t, label))
        )
    assert len(report.imported) == 2
    assert calls[0] == (0, 2, "short.txt") and calls[1] == (1, 2, "long.txt")
    within = [(done, total, label) for done, total, label in calls[2:-1]]
    percents = [int(label.removeprefix("long.txt (").removesuffix("%)")) for *_, label in within]
    assert percents == sorted(set(percents)) and percents[-1] == 100
    assert len(percents) > 50  # every percent or so, not only the start and the end
    # the bar: the same fraction of the whole import, in hundredths of an article
    assert [(done, total) for done, total, _ in within] == [(100 + p, 200) for p in percents]
    assert calls[-1] == (2, 2, "")
