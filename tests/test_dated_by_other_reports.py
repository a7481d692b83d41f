"""An undated article dated by what the database's dated articles report.

Saved pages and list timelines often carry no date: "the Taliban took Farah
on Tuesday" then says nothing of which Tuesday.  When dated articles in the
same database date the falls it reports, it was published on or after the
latest of them, and its weekdays are read near that day.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from timeline_app.services import INFERRED_FLAG, OTHER_REPORTS, import_paths
from timeline_app.storage import Store

DATED = "The Taliban captured Zaranj on Friday. Insurgents seized Farah on Tuesday."
UNDATED = (
    "Farah is now in the hands of the militants, officials said.\n\n"
    "Fighters took control of Kunar province on Tuesday evening, a deputy said."
)


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def events_of(store, article_id):
    return {
        (event["place"], event["status"], event["date"])
        for event in store.events()
        if any(source["article_id"] == article_id for source in event["sources"])
    }


def article(store, article_id):
    return next(a for a in store.articles() if a["id"] == article_id)


def test_an_undated_article_takes_the_latest_date_others_give_its_falls(tmp_path):
    dated = write(tmp_path, "dated.txt", DATED)
    undated = write(tmp_path, "undated.txt", UNDATED)
    with Store(tmp_path / "t.db") as store:
        import_paths([dated], store, published=dt.date(2021, 8, 12))
        report = import_paths([undated], store)
        article_id = report.imported[0][1]
        assert [(i.article_id, i.published, i.places) for i in report.inferred] == [
            (article_id, dt.date(2021, 8, 10), ("Farah",))
        ]
        assert report.still_undated == []
        stored = article(store, article_id)
        assert stored["published"] == "2021-08-10"
        assert any(flag.startswith(INFERRED_FLAG) for flag in stored["flags"])
        assert "no publication date" not in stored["flags"]
        # its weekday gets a day, its undated report the inferred day
        assert events_of(store, article_id) == {
            ("Farah", "captured", "2021-08-10"), ("Asadabad", "captured", "2021-08-10"),
        }  # fmt: skip


def test_a_later_import_dates_an_article_imported_before(tmp_path):
    undated = write(tmp_path, "undated.txt", UNDATED)
    dated = write(tmp_path, "dated.txt", DATED)
    with Store(tmp_path / "t.db") as store:
        first = import_paths([undated], store)
        article_id = first.imported[0][1]
        assert first.inferred == [] and first.still_undated == [undated]
        assert events_of(store, article_id) == {
            ("Farah", "captured", None), ("Asadabad", "captured", None),
        }  # fmt: skip
        second = import_paths([dated], store, published=dt.date(2021, 8, 12))
        assert [i.article_id for i in second.inferred] == [article_id]
        assert ("Asadabad", "captured", "2021-08-10") in events_of(store, article_id)


def test_a_weekday_is_the_one_nearest_the_inferred_day(tmp_path):
    # Farah fell on Saturday 14 August by the dated article; the undated one
    # speaks of Sunday: the next day, not the Sunday a week before.
    dated = write(tmp_path, "dated.txt", "The Taliban captured Farah on Saturday.")
    undated = write(
        tmp_path, "undated.txt", "Farah has fallen. Militants entered Ghazni on Sunday."
    )
    with Store(tmp_path / "t.db") as store:
        import_paths([dated], store, published=dt.date(2021, 8, 15))
        report = import_paths([undated], store)
        assert report.inferred[0].published == dt.date(2021, 8, 14)
        assert ("Ghazni", "contested", "2021-08-15") in events_of(store, report.imported[0][1])


def test_inferred_dates_do_not_lean_on_each_other(tmp_path):
    # B is dated by A's Farah; C reports only what B reported: C stays undated.
    a = write(tmp_path, "a.txt", "Insurgents seized Farah on Tuesday.")
    b = write(tmp_path, "b.txt", "Farah has fallen. The Taliban captured Ghazni on Tuesday.")
    c = write(tmp_path, "c.txt", "Ghazni has fallen to the insurgents, residents said.")
    with Store(tmp_path / "t.db") as store:
        import_paths([a], store, published=dt.date(2021, 8, 12))
        assert import_paths([b], store).inferred
        report = import_paths([c], store)
        assert report.inferred == [] and report.still_undated == [c]


def test_a_date_the_user_gives_replaces_the_inferred_one(tmp_path):
    dated = write(tmp_path, "dated.txt", DATED)
    undated = write(tmp_path, "undated.txt", UNDATED)
    with Store(tmp_path / "t.db") as store:
        import_paths([dated], store, published=dt.date(2021, 8, 12))
        article_id = import_paths([undated], store).imported[0][1]
        again = import_paths([undated], store, published=dt.date(2021, 8, 17))
        assert [d[1] for d in again.dated] == [article_id]
        stored = article(store, article_id)
        assert stored["published"] == "2021-08-17"
        assert not any(flag.startswith(INFERRED_FLAG) for flag in stored["flags"])
        assert store.articles_without_own_date() == []
        assert ("Asadabad", "captured", "2021-08-17") in events_of(store, article_id)
        # and a later import does not infer over the user's date
        later = write(tmp_path, "later.txt", "The Taliban captured Farah on Monday.")
        assert import_paths([later], store, published=dt.date(2021, 8, 20)).inferred == []


def test_the_cli_says_which_article_was_dated_and_how(tmp_path):
    dated = write(tmp_path, "dated.txt", DATED)
    undated = write(tmp_path, "undated.txt", UNDATED)
    lonely = write(tmp_path, "lonely.txt", "Kandahar has fallen, residents said.")
    db = str(tmp_path / "t.db")
    cli = [sys.executable, "-m", "timeline_app", "import", "--db", db]
    subprocess.run([*cli, "--published", "2021-08-12", str(dated)], check=True,
                   capture_output=True)  # fmt: skip
    done = subprocess.run([*cli, str(undated), str(lonely)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "1 undated dated from other reports" in done.stdout
    assert "dated 2021-08-10 from other reports of Farah" in done.stderr
    # the one nothing corroborates still gets the advice
    assert "1 article(s) have no publication date" in done.stderr
    with Store(tmp_path / "t.db") as store:
        bases = {a["source_path"].rsplit("/", 1)[-1]: a for a in store.articles()}
    assert bases["undated.txt"]["published"] == "2021-08-10"
    assert bases["lonely.txt"]["published"] is None
    assert OTHER_REPORTS == "other reports"


def test_an_old_story_keeps_its_own_years(tmp_path):
    # undated, it names Farah's fall, but its own dates are of 2015: no 2021 date for it
    dated = write(tmp_path, "dated.txt", DATED)
    old = write(tmp_path, "old.txt",
                "On September 28, 2015 the Taliban captured Kunduz. Farah has fallen too.")
    with Store(tmp_path / "t.db") as store:
        import_paths([dated], store, published=dt.date(2021, 8, 12))
        report = import_paths([old], store)
        assert report.inferred == []
        assert ("Kunduz", "captured", "2015-09-28") in events_of(store, report.imported[0][1])


def test_a_list_entry_weeks_after_the_inferred_day_stays_in_its_year(tmp_path):
    # the inferred day is the earliest publication: "Aug. 30" after it is the same year's
    dated = write(tmp_path, "dated.txt", DATED)
    timeline = write(tmp_path, "timeline.txt",
                     "Aug. 10: Insurgents take Farah.\n\nAug. 30: The army retakes Farah.")
    with Store(tmp_path / "t.db") as store:
        import_paths([dated], store, published=dt.date(2021, 8, 12))
        report = import_paths([timeline], store)
        assert report.inferred[0].published == dt.date(2021, 8, 10)
        assert ("Farah", "retaken", "2021-08-30") in events_of(store, report.imported[0][1])
