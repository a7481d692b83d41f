"""The database schema, built and evolved only through migrations.

``PRAGMA user_version`` holds the number of migrations applied, so that a
file written by a newer version of the app is recognised and left untouched.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import disagreement

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations


class _MigrationSet:
    """The migrations, registered as on sqlite-utils' ``Migrations``
    (``@migrations()``) and kept in its _sqlite_migrations table under
    ``name``, without importing sqlite-utils (about 100 ms): which are pending
    is read with plain SQL (``pending_names``), and anything else (``apply``,
    ``applied``, ``pending`` of a Database) is sqlite-utils' own set, built
    when first asked for."""

    name = "timeline_app"

    def __init__(self) -> None:
        self._migrations: list[tuple[str, Callable, bool]] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def register(function):
            self._migrations.append((name or function.__name__, function, transactional))
            return function

        return register

    def pending_names(self, conn: sqlite3.Connection) -> list[str]:
        """The migrations this file has not had, in order."""
        names = [name for name, _, _ in self._migrations]
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
        ).fetchone():
            return names
        applied = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [self.name]
            )
        }
        return [name for name in names if name not in applied]

    @functools.cached_property
    def _sqlite_utils(self) -> Migrations:
        from sqlite_utils.migrations import Migrations

        migrations = Migrations(self.name)
        for name, function, transactional in self._migrations:
            migrations(name=name, transactional=transactional)(function)
        return migrations

    def __getattr__(self, attribute: str):
        return getattr(self._sqlite_utils, attribute)


migrations = _MigrationSet()


@migrations()
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


@migrations()
def m002_event_day_numbers(db: Database) -> None:
    """Days since 1970 beside the ISO dates: the timeline loads a million
    events twice as fast from integers as through julianday()."""
    db["events"].add_column("day", int)
    db["events"].add_column("end_day", int)
    db.execute(
        "UPDATE events SET day = CAST(julianday(date) - 2440587.5 AS INTEGER),"
        " end_day = CAST(julianday(end_date) - 2440587.5 AS INTEGER)"
    )


@migrations()
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


@migrations()
def m004_rules(db: Database) -> None:
    """Each source's account of how it was read: the extraction rules that made
    its event, with the words they matched (a JSON list of [rule, words])."""
    db["mentions"].add_column("because", str)


@migrations()
def m005_settings(db: Database) -> None:
    """Settings that belong to the database, not the machine: the period of the
    offensive it follows (reports dated outside it stay, off the timeline)."""
    db["settings"].create({"key": str, "value": str}, pk="key")


@migrations()
def m006_disagreement(db: Database) -> None:
    """Which events' sources disagree, kept at import and edit time instead of
    computed over every mention on each refresh (storage/disagreement.py); the
    index finds a place's reports near a day when one changes."""
    db.execute("CREATE TABLE disagreement (event_id INTEGER PRIMARY KEY)")
    db["events"].create_index(["place_id", "day"])
    disagreement.rebuild(db.conn)


@migrations()
def m007_publication_basis(db: Database) -> None:
    """Where an article's publication date came from when it is not its own:
    ``other reports`` for an undated article dated by what the database's dated
    articles say of the places it reports (services.date_from_other_reports);
    NULL for a date read from the article or given by the user."""
    db["articles"].add_column("published_basis", str)


SCHEMA_VERSION = len(migrations._migrations)
