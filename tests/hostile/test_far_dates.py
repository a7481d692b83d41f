"""Events dated 0001-01-01 or 9999-12-20, stored by another tool straight into
the file: the window and export-png draw the rest, and the axis never
overflows."""

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest

from timeline_app import timeaxis
from timeline_app.timeline_data import to_x

FAR = ("0001-01-01", "9999-12-20")


@pytest.fixture
def far_db(tmp_path):
    """A database without a conflict period (an Iraqi places file has no profile),
    holding one real event and two written by another tool."""
    places, article, db = tmp_path / "iraq.csv", tmp_path / "a.txt", tmp_path / "far.db"
    places.write_text("place,province,country\nMosul,Nineveh,Iraq\nTikrit,Salahuddin,Iraq\n")
    article.write_text("Published Jun. 12, 2014\n\nMilitants captured Mosul on Tuesday.\n")
    subprocess.run(
        [sys.executable, "-m", "timeline_app", "import", "--db", str(db), "--gazetteer",
         str(places), str(article)],
        check=True, capture_output=True,
    )  # fmt: skip
    with sqlite3.connect(db) as conn:
        for date in FAR:
            event = conn.execute(
                "INSERT INTO events (place_id, status, date, date_precision, day)"
                " VALUES ('iraq-tikrit', 'captured', ?, 'day',"
                " CAST(julianday(?) - 2440587.5 AS INTEGER))",
                [date, date],
            ).lastrowid
            conn.execute(
                "INSERT INTO mentions (event_id, article_id, quote, start, end, source_status,"
                " source_date, source_precision, because)"
                " VALUES (?, 1, 'Tikrit fell.', 0, 12, 'captured', ?, 'day', '[]')",
                [event, date],
            )
    return db


def run(*args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", *args],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


@pytest.mark.parametrize("view", [[], ["--evidence"]])
def test_export_png_draws_a_database_holding_far_dates(far_db, tmp_path, view):
    out = tmp_path / "timeline.png"
    done = run("export-png", "--db", str(far_db), str(out), *view)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert out.stat().st_size > 1000


def test_export_png_asked_for_far_dates_draws(far_db, tmp_path):
    out = tmp_path / "timeline.png"
    done = run("export-png", "--db", str(far_db), str(out), "--from", FAR[0], "--to", FAR[1])
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_the_window_opens_on_a_database_holding_far_dates(far_db, tmp_path):
    shot = tmp_path / "window.png"
    done = run("--db", str(far_db), "--screenshot", str(shot))
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert shot.stat().st_size > 1000


@pytest.mark.parametrize(
    ("start", "end"),
    [(to_x(dt.date(1, 1, 1)), to_x(dt.date(9999, 12, 20))), (-1e300, 1e300),
     (to_x(dt.date(9999, 12, 1)), to_x(dt.date(9999, 12, 31))),
     (to_x(dt.date(1, 1, 1)), to_x(dt.date(1, 2, 1)))],
)  # fmt: skip
def test_the_axis_never_overflows(start, end):
    for pixels in (200, 1000, 4000):
        ticks = timeaxis.ticks(start, end, pixels)
        assert all(start <= t <= end for t, _ in ticks)
