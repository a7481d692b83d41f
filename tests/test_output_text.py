"""`events --format json|csv|acled` are written from texts SQLite builds (one per
event, no dict made): they must say what ``Store.events()`` says, key for key and
cell for cell, also for awkward content."""

import csv
import datetime as dt
import io
import json
import sqlite3

import pytest

from timeline_app import statuses
from timeline_app.cli import main, spreadsheet_cell
from timeline_app.consensus import CONTROL_STATUSES, changes_of_control
from timeline_app.model import Place
from timeline_app.storage import Store
from timeline_app.storage import output as output_module

PLACES = [
    Place("p-comma", 'Qala, "old" town', "=Badghis", "Afghanistan", lat=0.1 + 0.2, lon=-63.0),
    Place("p-none", "Mazār-i-Sharīf", "Balkh", "@Afghanistan", lat=None, lon=None),
    Place("p-plain", "Herat", "Herat", "Afghanistan", lat=34.35, lon=62.2),
]
ARTICLES = [  # id 1..4
    ("h1", 'The "fall"\nof Herat', "-minus outlet", "2021-08-13", "text", "[]"),
    ("h2", "Earlier report", "Wire", "2021-08-10", "text", "[]"),
    ("h3", "Undated", "", None, "text", "[]"),
    ("h4", '=HYPERLINK("x")', None, "2021-08-12", "text", "[]"),
]
EVENTS = [  # id, place, status, date, day, precision, end_date, reviewed, rejected, note
    (1, "p-plain", "captured", "2021-08-12", 18851, "day", None, 1, 0, 'said "soon"'),
    (2, "p-plain", "claimed", "2021-08-14", 18853, "week", "2021-08-20", 0, 0, None),
    (3, "p-comma", "besieged", None, None, "unknown", None, 0, 0, None),  # undated
    (4, "p-none", "surrendered", "2021-08-01", 18840, "month", None, 0, 1, None),  # rejected
    (5, "p-none", "rumoured", "2021-07-30", 18838, "day", None, 0, 0, None),  # no sources
    (6, "p-comma", "retaken", "2021-08-12", 18851, "day", None, 0, 0, "\tnote"),
    (7, "p-none", "captured", "2021-08-20", 18859, "day", None, 0, 0, None),
]
RULES = json.dumps([["trigger captured", "fell to"], ["date weekday", "Thursday"]])
MENTIONS = [  # event, article, quote, start, end, because, source_status
    (1, 1, 'Herat "fell"\r\nto the Taliban — é', 0, 30, RULES, None),
    (1, 2, "=1+1 Herat fell, officials said", 5, 40, RULES, "captured"),  # published first
    (1, 2, "Herat again", 50, 60, json.dumps([["year from", "2021"]]), "besieged"),
    (1, 3, "\tundated quote", 0, 10, None, None),
    (2, 4, "Claimed by the Taliban", 0, 20, "", "claimed"),
    (3, 1, "Qala besieged", 0, 10, json.dumps([["trigger besieged", "ṣiege"]]), None),
    (4, 2, "+surrender", 0, 10, RULES, None),
    (6, 4, "-retaken", 0, 8, RULES, None),
    (7, 1, "Mazār-i-Sharīf fell", 40, 60, RULES, None),
]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "out.db"
    with Store(path) as store:
        store.sync_places(PLACES)
        store.add_rows_unchecked(
            "articles", ("content_hash", "title", "outlet", "published", "text", "flags"),
            ARTICLES,
        )  # fmt: skip
        store.add_rows_unchecked(
            "events",
            ("id", "place_id", "status", "date", "day", "date_precision", "end_date",
             "reviewed", "rejected", "note"),
            EVENTS,
        )  # fmt: skip
        store.add_rows_unchecked(
            "mentions",
            ("event_id", "article_id", "quote", "start", "end", "because", "source_status"),
            MENTIONS,
        )  # fmt: skip
        events = json.loads(json.dumps(store.events()))  # pairs as lists, as JSON has them
    assert any(e["disagree"] for e in events) and not all(e["disagree"] for e in events)
    assert any(e["year_inferred"] for e in events)
    return path, events


def output(capsys, path, *argv):
    assert main(["events", "--db", str(path), *argv]) == 0
    return capsys.readouterr().out


def cell(value) -> str:
    """What a CSV reader reads back from a cell our writer made of ``value``."""
    value = spreadsheet_cell(value)
    return "" if value is None else str(value)


def csv_rows(events) -> list[list[str]]:
    """The rows `events --format csv` writes for ``events``: one per event and source."""
    return [
        [cell(e[c]) for c in output_module.EVENT_COLUMNS]
        + [cell(None if s is None else s[c]) for c in output_module.SOURCE_COLUMNS]
        for e in events
        for s in (e["sources"] or [None])
    ]


def test_json_is_the_events_with_their_keys_in_order(db, capsys):
    path, events = db
    written = json.loads(output(capsys, path, "--format", "json"))
    assert written == events
    assert [list(e) for e in written] == [list(e) for e in events]  # key order
    assert [list(s) for e in written for s in e["sources"]] == [
        list(s) for e in events for s in e["sources"]
    ]
    first = written[0]["sources"]
    assert [s["published"] for s in first] == sorted(
        (s["published"] for s in first), key=lambda p: (p is not None, p or "")
    )
    assert written[[e["id"] for e in written].index(3)]["lat"] == 0.1 + 0.2  # all 17 digits


def test_csv_is_a_row_per_event_and_source(db, capsys):
    path, events = db
    rows = list(csv.reader(io.StringIO(output(capsys, path, "--format", "csv"))))
    expected = csv_rows(events)
    assert rows[0][:3] == ["id", "place", "province"] and rows[1:] == expected
    assert "'=1+1 Herat fell, officials said" in [r[-3] for r in rows]


def test_acled_is_a_row_per_dated_kept_event(db, capsys):
    path, events = db
    rows = list(csv.reader(io.StringIO(output(capsys, path, "--format", "acled"))))
    expected = []
    for e in events:
        if e["rejected"] or not e["date"]:
            continue
        sources = e["sources"]
        outlets = dict.fromkeys(s["outlet"] or "unknown outlet" for s in sources)
        quote = sources[0]["quote"] if sources else ""
        note = f"{e['status']}: {quote}" + (" (claim)" if e["status"] == "claimed" else "")
        values = [
            e["date"], output_module.ACLED_TIME_PRECISION.get(e["date_precision"], 3),
            *statuses.of(e["status"]).acled, e["country"], e["province"], e["place"],
            e["lat"], e["lon"], 1, "; ".join(outlets), note,
        ]  # fmt: skip
        expected.append([cell(v) for v in values])
    assert rows[0] == list(output_module.ACLED_COLUMNS) and rows[1:] == expected
    assert len(expected) == 5  # the undated and the rejected event left out


def test_batches_keep_the_order_and_each_events_sources(db, capsys, monkeypatch):
    path, _ = db
    whole = {f: output(capsys, path, "--format", f) for f in ("json", "csv", "acled")}
    monkeypatch.setattr(output_module, "BATCH_EVENTS", 2)
    assert {f: output(capsys, path, "--format", f) for f in whole} == whole


def test_an_empty_database_writes_headers_only(tmp_path, capsys):
    path = tmp_path / "empty.db"
    assert json.loads(output(capsys, path, "--format", "json")) == []
    assert output(capsys, path, "--format", "csv").count("\n") == 1
    assert output(capsys, path, "--format", "acled").count("\n") == 1


@pytest.mark.parametrize(
    "periods",
    [
        {"Afghanistan": (dt.date(2021, 8, 11), dt.date(2021, 8, 13))},  # @Afghanistan: none
        (dt.date(2021, 8, 1), dt.date(2021, 8, 12)),
        None,
    ],
)
def test_falls_read_only_the_reports_the_consensus_counts(db, periods):
    path, _ = db
    with Store(path) as store:
        every = list(store.iter_control_reports())
        kept = list(store.iter_control_reports(statuses=CONTROL_STATUSES, periods=periods))
    assert len(kept) < len(every)
    assert changes_of_control(kept, period=periods) == changes_of_control(every, period=periods)
    # a source said besieged, the analyst who confirmed the event says captured: it counts
    assert any(r["event_id"] == 1 and r["status"] == "besieged" for r in kept)


@pytest.mark.parametrize("other_status", ["rumoured", "captured"])  # rumoured: read apart
def test_events_are_in_date_place_status_id_order(db, other_status):
    path, _ = db
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO places (id, name, province, country) VALUES (?, ?, ?, ?)",
                     ("p-herat2", "Herat", "X", "Y"))  # a second Herat: ties with the first
        conn.executemany(
            "INSERT INTO events (id, place_id, status, date, day, date_precision)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(8, "p-plain", "besieged", "1969-12-30", -2, "day"),  # before day 0
             (9, "p-comma", "contested", None, None, "unknown"),
             (10, "p-none", "besieged", "2021-08-12", 18851, "day"),
             (11, "p-plain", "besieged", "2021-08-12", 18851, "day"),
             (12, "p-herat2", "besieged", "2021-08-12", 18851, "day")],
        )  # fmt: skip
        conn.execute("UPDATE events SET status = ? WHERE id = 5", [other_status])
        expected = [
            row[0]
            for row in conn.execute(
                "SELECT e.id FROM events e JOIN places p ON p.id = e.place_id"
                " ORDER BY e.date IS NULL, e.date, p.name, e.status, e.id"
            )
        ]
    with Store(path) as store:
        assert [e["id"] for e in store.events(include_rejected=True)] == expected
        assert [e["id"] for e in store.events(include_rejected=False)] == [
            i for i in expected if i != 4
        ]


# one part; parts of up to 8 events; parts of 2, which a day's 7 events at Herat overflow
@pytest.mark.parametrize("batch", [100_000, 4, 1])
def test_csv_keeps_the_order_however_the_days_spread(db, capsys, monkeypatch, batch):
    """The csv's order comes from keys cut into parts by a count of events a day and
    place; with only the app's statuses and any spread of days, it is the order of
    ``Store.events()`` with each event's sources."""
    path, _ = db
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE events SET status = 'captured' WHERE id = 5")  # the app's only
        conn.executemany(
            "INSERT INTO events (id, place_id, status, date, day, date_precision)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(n, "p-plain", "besieged", "2021-08-12", 18851, "day") for n in range(8, 14)]
            + [(14, "p-comma", "contested", "1969-12-30", -2, "day")],
        )  # fmt: skip
        conn.execute(
            "INSERT INTO mentions (event_id, article_id, quote, start, end, because)"
            " VALUES (9, 2, 'Herat besieged', 0, 10, '[]')"
        )
    with Store(path) as store:
        events = store.events(include_rejected=True)
    monkeypatch.setattr(output_module, "BATCH_EVENTS", batch)
    rows = list(csv.reader(io.StringIO(output(capsys, path, "--format", "csv"))))
    expected = csv_rows(events)
    assert rows[1:] == expected
