"""The database schema, built and evolved only through migrations.

``PRAGMA user_version`` holds the number of migrations applied, so that a
file written by a newer version of the app is recognised and left untouched.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from . import disagreement

if TYPE_CHECKING:
    from .connection import Connection

MIGRATIONS_TABLE = "_sqlite_migrations"


class AppliedMigration(NamedTuple):
    name: str
    applied_at: str  # e.g. "2021-08-12 12:00:00.000000+00:00", as sqlite-utils writes it


class _MigrationSet:
    """The migrations, registered with ``@migrations()`` and recorded in the
    _sqlite_migrations table under ``name``, as sqlite-utils' ``Migrations``
    does (``sqlite-utils migrate`` reads the same table), without importing
    sqlite-utils: loading it and building each table through its table API
    (which reads the schema back before and after every statement) was most
    of what making a new file added to the window's start.  So each migration
    below is the SQL sqlite-utils wrote for it, word for word: a file made or
    upgraded here has the schema the earlier versions gave it."""

    name = "timeline_app"

    def __init__(self) -> None:
        self._migrations: list[tuple[str, Callable[[Connection], None], bool]] = []

    def __call__(self, *, name: str | None = None, transactional: bool = True):
        def register(function):
            migration_name = name or function.__name__
            if any(known == migration_name for known, _, _ in self._migrations):
                raise ValueError(f"migration {migration_name!r} is already registered")
            self._migrations.append((migration_name, function, transactional))
            return function

        return register

    def applied(self, conn: sqlite3.Connection) -> list[AppliedMigration]:
        """This set's migrations the file has had, in the order they were applied."""
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
        ).fetchone():
            return []
        rows = conn.execute(
            f"SELECT name, applied_at FROM {MIGRATIONS_TABLE} WHERE migration_set = ?"
            " ORDER BY rowid",
            [self.name],
        )
        return [AppliedMigration(*row) for row in rows]

    def pending_names(self, conn: sqlite3.Connection) -> list[str]:
        """The migrations this file has not had, in order."""
        applied = {migration.name for migration in self.applied(conn)}
        return [name for name, _, _ in self._migrations if name not in applied]

    def apply(self, db: Connection, *, stop_before: str | Iterable[str] | None = None) -> None:
        """Apply the pending migrations in order, each with the record of it in
        one transaction (a savepoint inside the caller's), as sqlite-utils'
        ``Migrations.apply`` does; ``stop_before`` leaves that migration and
        those after it pending (an older version's file, for tests)."""
        stop = {stop_before} if isinstance(stop_before, str) else set(stop_before or ())
        if stop & {migration.name for migration in self.applied(db.conn)}:
            raise ValueError(f"cannot stop before {sorted(stop)}: already applied")
        self._ensure_table(db)
        pending = set(self.pending_names(db.conn))
        for name, function, transactional in self._migrations:
            if name not in pending:
                continue
            if name in stop:
                return
            if transactional:
                with db.atomic():
                    function(db)
                    self._record(db, name)
            else:
                function(db)
                self._record(db, name)

    def _ensure_table(self, db: Connection) -> None:
        if MIGRATIONS_TABLE in db.table_names():
            return
        db.execute(
            'CREATE TABLE "_sqlite_migrations" (\n   "id" INTEGER PRIMARY KEY,\n'
            '   "migration_set" TEXT,\n   "name" TEXT,\n   "applied_at" TEXT\n);'
        )
        db.execute(
            'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n'
            '    ON "_sqlite_migrations" ("migration_set", "name");'
        )

    def _record(self, db: Connection, name: str) -> None:
        db.execute(
            f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [self.name, name, str(dt.datetime.now(dt.UTC))],
        )


migrations = _MigrationSet()


def _create_index(db: Connection, table: str, columns: list[str], *, unique: bool = False) -> None:
    """An index named and written as sqlite-utils' ``create_index`` names and writes it."""
    quoted = ", ".join(f'"{column}"' for column in columns)
    db.execute(
        f'CREATE {"UNIQUE " if unique else ""}INDEX "idx_{table}_{"_".join(columns)}"\n'
        f'    ON "{table}" ({quoted});'
    )


def _add_column(db: Connection, table: str, column: str, kind: str) -> None:
    """A column added as sqlite-utils' ``add_column`` adds it (``kind`` holds
    the type and any NOT NULL DEFAULT)."""
    db.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind};')


# The CREATE TABLE statements as sqlite-utils' ``create`` wrote them, one column a line.
@migrations()
def m001_initial(db: Connection) -> None:
    db.execute(
        'CREATE TABLE "articles" (\n   "id" INTEGER PRIMARY KEY,\n'
        '   "content_hash" TEXT NOT NULL,\n   "title" TEXT,\n   "outlet" TEXT,\n'
        '   "published" TEXT,\n   "url" TEXT,\n   "source_path" TEXT,\n   "dateline" TEXT,\n'
        '   "flags" TEXT,\n   "text" TEXT NOT NULL,\n   "imported_at" TEXT\n);'
    )
    _create_index(db, "articles", ["content_hash"], unique=True)
    _create_index(db, "articles", ["published"])
    db.execute(
        'CREATE TABLE "places" (\n   "id" TEXT PRIMARY KEY,\n   "name" TEXT NOT NULL,\n'
        '   "province" TEXT,\n   "country" TEXT,\n   "iso_code" TEXT,\n   "lat" REAL,\n'
        '   "lon" REAL,\n   "is_national_capital" INTEGER\n);'
    )
    db.execute(
        'CREATE TABLE "events" (\n   "id" INTEGER PRIMARY KEY,\n'
        '   "place_id" TEXT NOT NULL REFERENCES "places"("id"),\n   "status" TEXT NOT NULL,\n'
        '   "date" TEXT,\n   "end_date" TEXT,\n   "date_precision" TEXT NOT NULL\n);'
    )
    _create_index(db, "events", ["date"])
    _create_index(db, "events", ["place_id", "status", "date"])
    db.execute(
        'CREATE TABLE "mentions" (\n   "id" INTEGER PRIMARY KEY,\n'
        '   "event_id" INTEGER NOT NULL REFERENCES "events"("id"),\n'
        '   "article_id" INTEGER NOT NULL REFERENCES "articles"("id"),\n'
        '   "quote" TEXT NOT NULL,\n   "start" INTEGER NOT NULL,\n   "end" INTEGER NOT NULL\n);'
    )
    _create_index(db, "mentions", ["event_id"])
    _create_index(db, "mentions", ["article_id"])
    _create_index(db, "mentions", ["event_id", "article_id", "start"], unique=True)
    # Full-text search over the articles, kept by triggers (sqlite-utils' enable_fts).
    db.execute(
        'CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (\n    "title", "text",\n'
        "    tokenize='porter',\n    content=\"articles\"\n)"
    )
    db.execute(
        'INSERT INTO "articles_fts" (rowid, "title", "text")\n'
        '    SELECT rowid, "title", "text" FROM "articles";'
    )
    db.execute(
        'CREATE TRIGGER "articles_ai" AFTER INSERT ON "articles" BEGIN\n'
        '  INSERT INTO "articles_fts" (rowid, "title", "text")'
        ' VALUES (new.rowid, new."title", new."text");\nEND;'
    )
    db.execute(
        'CREATE TRIGGER "articles_ad" AFTER DELETE ON "articles" BEGIN\n'
        '  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text")'
        ' VALUES(\'delete\', old.rowid, old."title", old."text");\nEND;'
    )
    db.execute(
        'CREATE TRIGGER "articles_au" AFTER UPDATE ON "articles" BEGIN\n'
        '  INSERT INTO "articles_fts" ("articles_fts", rowid, "title", "text")'
        ' VALUES(\'delete\', old.rowid, old."title", old."text");\n'
        '  INSERT INTO "articles_fts" (rowid, "title", "text")'
        ' VALUES (new.rowid, new."title", new."text");\nEND;'
    )


@migrations()
def m002_event_day_numbers(db: Connection) -> None:
    """Days since 1970 beside the ISO dates: the timeline loads a million
    events twice as fast from integers as through julianday()."""
    _add_column(db, "events", "day", "INTEGER")
    _add_column(db, "events", "end_day", "INTEGER")
    db.execute(
        "UPDATE events SET day = CAST(julianday(date) - 2440587.5 AS INTEGER),"
        " end_day = CAST(julianday(end_date) - 2440587.5 AS INTEGER)"
    )


@migrations()
def m003_review(db: Connection) -> None:
    """Analyst review: marks and notes on events, what each source itself said,
    the keys under which new evidence finds an event after a human changed it,
    and an audit trail of every edit."""
    for column in ("reviewed", "rejected", "edited", "manual"):
        _add_column(db, "events", column, "INTEGER NOT NULL DEFAULT 0")
    _add_column(db, "events", "note", "TEXT")
    for column in ("source_status", "source_date", "source_precision"):
        _add_column(db, "mentions", column, "TEXT")
    db.execute(
        "UPDATE mentions SET (source_status, source_date, source_precision) ="
        " (SELECT status, date, date_precision FROM events WHERE events.id = mentions.event_id)"
    )
    db.execute(
        'CREATE TABLE "event_keys" (\n   "event_id" INTEGER REFERENCES "events"("id"),\n'
        '   "place_id" TEXT,\n   "status" TEXT,\n   "date" TEXT\n);'
    )
    _create_index(db, "event_keys", ["place_id", "status", "date"])
    _create_index(db, "event_keys", ["event_id"])
    db.execute("INSERT INTO event_keys SELECT id, place_id, status, date FROM events")
    db.execute(
        'CREATE TABLE "audit" (\n   "id" INTEGER PRIMARY KEY,\n   "at" TEXT,\n   "user" TEXT,\n'
        '   "action" TEXT,\n   "event_id" INTEGER,\n   "before" TEXT,\n   "after" TEXT\n);'
    )


@migrations()
def m004_rules(db: Connection) -> None:
    """Each source's account of how it was read: the extraction rules that made
    its event, with the words they matched (a JSON list of [rule, words])."""
    _add_column(db, "mentions", "because", "TEXT")


@migrations()
def m005_settings(db: Connection) -> None:
    """Settings that belong to the database, not the machine: the period of the
    offensive it follows (reports dated outside it stay, off the timeline)."""
    db.execute('CREATE TABLE "settings" (\n   "key" TEXT PRIMARY KEY,\n   "value" TEXT\n);')


@migrations()
def m006_disagreement(db: Connection) -> None:
    """Which events' sources disagree, kept at import and edit time instead of
    computed over every mention on each refresh (storage/disagreement.py); the
    index finds a place's reports near a day when one changes."""
    db.execute("CREATE TABLE disagreement (event_id INTEGER PRIMARY KEY)")
    _create_index(db, "events", ["place_id", "day"])
    disagreement.rebuild(db.conn)


@migrations()
def m007_publication_basis(db: Connection) -> None:
    """Where an article's publication date came from when it is not its own:
    ``other reports`` for an undated article dated by what the database's dated
    articles say of the places it reports (services.date_from_other_reports);
    NULL for a date read from the article or given by the user."""
    _add_column(db, "articles", "published_basis", "TEXT")


SCHEMA_VERSION = len(migrations._migrations)
