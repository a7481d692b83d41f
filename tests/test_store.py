import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from timeline_app.model import Article, Event, Evidence
from timeline_app.storage import Store, StoreError
from timeline_app.storage.schema import SCHEMA_VERSION


def make_article(text="Ghazni fell on Thursday.", published=dt.date(2021, 8, 12), outlet="AP"):
    return Article(text=text, title="t", outlet=outlet, published=published, content_hash=text)


def ghazni_event(date=dt.date(2021, 8, 12), status="captured"):
    return Event(
        "afghanistan-ghazni",
        status,
        date,
        "day",
        evidence=[Evidence("Ghazni fell on Thursday.", 0, 24)],
    )


@pytest.fixture
def store_with_places(store, gazetteer):
    store.sync_places(gazetteer.places.values())
    return store


def test_schema_tables_indexes_and_pragmas(store):
    assert {"articles", "places", "events", "mentions", "articles_fts"} <= set(
        store._db.table_names()
    )
    assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    index_columns = {tuple(i.columns) for i in store._db["events"].indexes}
    assert ("date",) in index_columns
    assert store._db["mentions"].foreign_keys


def test_same_place_status_and_date_from_two_articles_is_one_event_with_two_sources(
    store_with_places,
):
    store = store_with_places
    store.add_article(make_article(), [ghazni_event()])
    store.add_article(
        make_article("Ghazni fell on Thursday, Reuters said.", outlet="Reuters"), [ghazni_event()]
    )
    [event] = store.events()
    assert [s["outlet"] for s in event["sources"]] == ["AP", "Reuters"]
    assert event["place"] == "Ghazni" and event["province"] == "Ghazni" and event["lat"] == 33.55


def test_different_dates_are_different_events(store_with_places):
    store_with_places.add_article(
        make_article(), [ghazni_event(), ghazni_event(dt.date(2021, 8, 13))]
    )
    assert [e["date"] for e in store_with_places.events()] == ["2021-08-12", "2021-08-13"]


def test_unknown_dates_are_listed_last(store_with_places):
    store_with_places.add_article(make_article(), [ghazni_event(None), ghazni_event()])
    assert [e["date"] for e in store_with_places.events()] == ["2021-08-12", None]


def test_a_failing_article_leaves_nothing_half_written(store_with_places):
    bad = Event("no-such-place", "captured", None, "unknown", evidence=[Evidence("x", 0, 1)])
    with pytest.raises(sqlite3.IntegrityError):
        store_with_places.add_article(make_article(), [ghazni_event(), bad])
    assert store_with_places.counts() == {"articles": 0, "events": 0, "mentions": 0, "places": 34}


def test_full_text_search_over_articles(store_with_places):
    store_with_places.add_article(make_article("The siege of Ghazni lasted months."), [])
    rows = store_with_places._db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'siege'").fetchall()  # fmt: skip
    assert len(rows) == 1


def test_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(StoreError, match="not a Timeline database"):
        Store(path)
    assert path.read_bytes() == b"these are my notes, not a database" * 100


def test_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.execute("CREATE TABLE articles (id INTEGER)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer version"):
        Store(path)
    assert path.read_bytes() == before


def test_reopening_keeps_the_data(tmp_path, gazetteer):
    with Store(tmp_path / "a.db") as store:
        store.sync_places(gazetteer.places.values())
        store.add_article(make_article(), [ghazni_event()])
    with Store(tmp_path / "a.db") as store:
        assert store.counts()["events"] == 1
    assert not list(tmp_path.glob("*.bak*"))  # nothing to migrate, no backup


def test_open_without_create_needs_an_existing_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", create=False)


def old_database(path, stop_before: str, events: list[dict]):
    """A file as an older version left it: migrations up to ``stop_before``, one
    place ("p", Ghazni) and these events."""
    from timeline_app.storage.connection import Connection
    from timeline_app.storage.schema import migrations

    old = Connection(sqlite3.connect(path))
    migrations.apply(old, stop_before=stop_before)
    old.execute(f"PRAGMA user_version = {len(migrations.applied(old.conn))}")
    old.execute(
        "INSERT INTO places (id, name, province, country) VALUES ('p', 'Ghazni', 'Ghazni', 'AF')"
    )
    for event in events:
        row = {"place_id": "p", "status": "captured", "date_precision": "day"} | event
        old.execute(
            f"INSERT INTO events ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    old.conn.close()


SCHEMA = Path(__file__).parent / "data" / "schema.sql"


def _schema(path) -> str:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
        return "".join(f"{sql};\n" for (sql,) in rows)


def _expected_schema() -> str:
    return "".join(
        line for line in SCHEMA.read_text().splitlines(True) if not line.startswith("--")
    )


def test_a_new_file_has_the_schema_sqlite_utils_gave_it_and_a_record_of_each_migration(tmp_path):
    from timeline_app.storage.schema import migrations

    Store(tmp_path / "new.db").close()
    assert _schema(tmp_path / "new.db") == _expected_schema()
    with sqlite3.connect(tmp_path / "new.db") as conn:
        recorded = conn.execute("SELECT migration_set, name FROM _sqlite_migrations ORDER BY id")
        assert [name for _, name in recorded] == [name for name, _, _ in migrations._migrations]
        assert migrations.pending_names(conn) == []


@pytest.mark.parametrize("stage", range(1, SCHEMA_VERSION))
def test_a_file_of_every_older_schema_ends_with_the_schema_of_a_new_one(tmp_path, stage):
    from timeline_app.storage.schema import migrations

    path = tmp_path / "old.db"
    old_database(path, migrations._migrations[stage][0], [{"date": "2021-08-12"}])
    Store(path).close()
    assert _schema(path) == _expected_schema()


def test_an_older_schema_is_backed_up_then_migrated(tmp_path):
    path = tmp_path / "old.db"
    old_database(path, "m002_event_day_numbers", [{"date": "2021-08-12"}])
    with Store(path) as store:
        assert store._db.execute("SELECT day FROM events").fetchone()[0] == 18851
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    [backup] = tmp_path.glob("old.before-schema-*.bak.db")
    with sqlite3.connect(backup) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(events)")]
    assert "day" not in columns  # the copy is the file as it was


def test_a_database_from_before_the_kept_disagreement_gets_it_on_opening(tmp_path):
    path = tmp_path / "old.db"
    days = (("2021-08-12", 18851), ("2021-08-15", 18854), ("2021-12-01", 18962))
    old_database(path, "m006_disagreement", [{"date": d, "day": n} for d, n in days])
    with Store(path) as store:  # two reports three days apart disagree; the third is alone
        assert store.disagreeing_event_ids() == {1, 2}


def _put(store, key):
    store._db.execute("INSERT INTO settings (key, value) VALUES (?, '1')", [key])


def _on_disk(path, key) -> bool:
    with sqlite3.connect(path) as other:
        return other.execute("SELECT 1 FROM settings WHERE key = ?", [key]).fetchone() is not None


def test_a_write_outside_a_transaction_is_on_disk_at_once(tmp_path):
    """The store's connection commits a lone write (as sqlite-utils did), and a
    failed one leaves no transaction open to swallow the next writes."""
    path = tmp_path / "w.db"
    with Store(path) as store:
        _put(store, "first")
        assert _on_disk(path, "first")
        with pytest.raises(sqlite3.IntegrityError):
            _put(store, "first")
        assert not store._db.conn.in_transaction
        _put(store, "second")
        assert _on_disk(path, "second")


def test_a_failed_inner_atomic_block_undoes_only_itself(tmp_path):
    path = tmp_path / "w.db"
    with Store(path) as store:
        with store.atomic():
            _put(store, "outer")
            with pytest.raises(RuntimeError), store.atomic():
                _put(store, "inner")
                raise RuntimeError("undone")
            assert not _on_disk(path, "outer")  # not before the block ends
        assert _on_disk(path, "outer") and not _on_disk(path, "inner")


def test_the_events_of_a_place_nearest_a_day_first(store, sample_path):
    from timeline_app.model import day_number
    from timeline_app.review import Review
    from timeline_app.services import import_paths

    import_paths([sample_path], store)
    ghazni = [e for e in store.events() if e["place"] == "Ghazni"]
    assert len(ghazni) == 2  # captured 2021-08-12, besieged 2021-05-14
    near = store.events_of_place("afghanistan-ghazni", near_day=day_number("2021-08-10"), limit=1)
    assert [(e["status"], e["date"]) for e in near] == [("captured", "2021-08-12")]
    assert near[0]["sources"] == next(e for e in ghazni if e["status"] == "captured")["sources"]
    both = store.events_of_place("afghanistan-ghazni", near_day=day_number("2021-08-10"))
    assert [e["date"] for e in both] == ["2021-05-14", "2021-08-12"]  # by date
    Review(store).set_rejected(near[0]["id"])
    assert [e["status"] for e in store.events_of_place("afghanistan-ghazni")] == ["besieged"]


def test_the_bound_on_events_is_never_below_their_number(store_with_places):
    """The window decides from it whether to read in the background."""
    assert store_with_places.events_at_most() == 0
    store = store_with_places
    store.add_article(make_article(), [ghazni_event(), ghazni_event(dt.date(2021, 8, 20))])
    assert store.events_at_most() == store.counts()["events"] == 2
