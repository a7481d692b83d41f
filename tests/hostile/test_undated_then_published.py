"""A front-matter date that cannot be read leaves the article undated and the
import advises --published: importing it again with --published must then date
it and its events (it used to say "1 already present" and change nothing)."""

import sqlite3

from timeline_app import cli

ARTICLE = (
    "---\ntitle: Herat falls\ndate: the day after the fall\n---\n\n"
    "The Taliban captured Herat on Monday, officials said.\n"
)


def rows(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_published_dates_an_article_stored_undated(tmp_path, capsys):
    db, article = tmp_path / "work.db", tmp_path / "herat.md"
    article.write_text(ARTICLE)
    assert cli.main(["import", "--db", str(db), str(article)]) == 0
    err = capsys.readouterr().err
    assert "no publication date: import them again with --published YYYY-MM-DD" in err
    assert rows(db, "SELECT status, date FROM events") == [("captured", None)]

    assert cli.main(["import", "--db", str(db), "--published", "2021-08-12", str(article)]) == 0
    out, err = capsys.readouterr()
    assert "1 given their publication date (1 events)" in out and err == ""
    assert rows(db, "SELECT published FROM articles") == [("2021-08-12",)]
    # "Monday" counted from Thursday 12 August 2021; the undated event is gone
    assert rows(db, "SELECT status, date, day FROM events") == [("captured", "2021-08-09", 18848)]
    assert rows(db, "SELECT count(*) FROM mentions") == [(1,)]

    assert cli.main(["import", "--db", str(db), "--published", "2021-08-13", str(article)]) == 0
    assert "1 already present" in capsys.readouterr().out  # a date, once given, stays
    assert rows(db, "SELECT published FROM articles") == [("2021-08-12",)]
