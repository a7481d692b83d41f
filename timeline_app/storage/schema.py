"""The database schema, built and evolved only through migrations.

``PRAGMA user_version`` holds the number of migrations applied, so that a
file written by a newer version of the app is recognised and left untouched.
"""

from __future__ import annotations

import functools
import sqlite3
from typing import TYPE_CHECKING

from . import disagreement

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# The migrations in order, kept in sqlite-utils' _sqlite_migrations table under
# this set's name.  Whether any is pending is read with plain SQL (``pending``):
# sqlite-utils, about 100 ms to import, is loaded only to apply them.
MIGRATION_SET = "timeline_app"
_MIGRATIONS: list = []


def _migration(function):
    _MIGRATIONS.append(function)
    return function


@_migration
def m001_initial(db: Database) -> None:
    db["articles"].create(
        {
            "id": int, "content_hash": str, "title": str, "outlet": str, "published": str,
            "url": str, "source_path": str, "dateline": str, "flags": str, "text": str,
            "imported_at": str,
        },
        pk="id", not_null={"content_hash", "text"},
    )  # fmt: skip
    db["articles"].create_index(["content_hash"], unique=True)
    db["articles"].create_index(["published"])
    db["places"].create(
        {
            "id": str, "name": str, "province": str, "country": str, "iso_code": str,
            "lat": float, "lon": float, "is_national_capital": int,
        },
        pk="id", not_null={"name"},
    )  # fmt: skip
    db["events"].create(
        {
            "id": int, "place_id": str, "status": str, "date": str, "end_date": str,
            "date_precision": str,
        },
        pk="id", foreign_keys=[("place_id", "places", "id")],
        not_null={"place_id", "status", "date_precision"},
    )  # fmt: skip
    db["events"].create_index(["date"])
    db["events"].create_index(["place_id", "status", "date"])
    db["mentions"].create(
        {"id": int, "event_id": int, "article_id": int, "quote": str, "start": int, "end": int},
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("article_id", "articles", "id")],
        not_null={"event_id", "article_id", "quote", "start", "end"},
    )
    db["mentions"].create_index(["event_id"])
    db["mentions"].create_index(["article_id"])
    db["mentions"].create_index(["event_id", "article_id", "start"], unique=True)
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="porter")


@_migration
def m002_event_day_numbers(db: Database) -> None:
    """Days since 1970 beside the ISO dates: the timeline loads a million
    events twice as fast from integers as through julianday()."""
    db["events"].add_column("day", int)
    db["events"].add_column("end_day", int)
    db.execute(
        "UPDATE events SET day = CAST(julianday(date) - 2440587.5 AS INTEGER),"
        " end_day = CAST(julianday(end_date) - 2440587.5 AS INTEGER)"
    )


@_migration
def m003_review(db: Database) -> None:
    """Analyst review: marks and notes on events, what each source itself said,
    the keys under which new evidence finds an event after a human changed it,
    and an audit trail of every edit."""
    for column in ("reviewed", "rejected", "edited", "manual"):
        db["events"].add_column(column, int, not_null_default=0)
    db["events"].add_column("note", str)
    for column in ("source_status", "source_date", "source_precision"):
        db["mentions"].add_column(column, str)
    db.execute(
        "UPDATE mentions SET (source_status, source_date, source_precision) ="
        " (SELECT status, date, date_precision FROM events WHERE events.id = mentions.event_id)"
    )
    db["event_keys"].create(
        {"event_id": int, "place_id": str, "status": str, "date": str},
        foreign_keys=[("event_id", "events", "id")],
    )
    db["event_keys"].create_index(["place_id", "status", "date"])
    db["event_keys"].create_index(["event_id"])
    db.execute("INSERT INTO event_keys SELECT id, place_id, status, date FROM events")
    db["audit"].create(
        {
            "id": int,
            "at": str,
            "user": str,
            "action": str,
            "event_id": int,
            "before": str,
            "after": str,
        },
        pk="id",
    )


@_migration
def m004_rules(db: Database) -> None:
    """Each source's account of how it was read: the extraction rules that made
    its event, with the words they matched (a JSON list of [rule, words])."""
    db["mentions"].add_column("because", str)


@_migration
def m005_settings(db: Database) -> None:
    """Settings that belong to the database, not the machine: the period of the
    offensive it follows (reports dated outside it stay, off the timeline)."""
    db["settings"].create({"key": str, "value": str}, pk="key")


@_migration
def m006_disagreement(db: Database) -> None:
    """Which events' sources disagree, kept at import and edit time instead of
    computed over every mention on each refresh (storage/disagreement.py); the
    index finds a place's reports near a day when one changes."""
    db.execute("CREATE TABLE disagreement (event_id INTEGER PRIMARY KEY)")
    db["events"].create_index(["place_id", "day"])
    disagreement.rebuild(db.conn)


@_migration
def m007_publication_basis(db: Database) -> None:
    """Where an article's publication date came from when it is not its own:
    ``other reports`` for an undated article dated by what the database's dated
    articles say of the places it reports (services.date_from_other_reports);
    NULL for a date read from the article or given by the user."""
    db["articles"].add_column("published_basis", str)


SCHEMA_VERSION = len(_MIGRATIONS)


def pending(conn: sqlite3.Connection) -> list[str]:
    """The names of the migrations this file has not had (as sqlite-utils'
    ``Migrations.pending`` finds them, without importing it)."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone():
        return [m.__name__ for m in _MIGRATIONS]
    applied = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
        )
    }
    return [m.__name__ for m in _MIGRATIONS if m.__name__ not in applied]


@functools.cache
def _migrations() -> Migrations:
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for migration in _MIGRATIONS:
        migrations()(migration)
    return migrations


def apply(db: Database) -> None:
    """Apply the pending migrations (``db`` a sqlite-utils Database)."""
    _migrations().apply(db)


def __getattr__(name: str):
    if name == "migrations":  # the sqlite-utils set itself, imported when asked for
        return _migrations()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
