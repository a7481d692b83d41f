"""The SQLite file: opening it safely, writing one article per transaction,
and the small queries the CLI and the GUI need.

The file is the user's data.  It is opened in WAL mode (readers never block
the writer, and other tools can read it while the app runs); a file that is
not SQLite, or was written by a newer app, is refused before anything is
written; an older schema is copied aside before it is migrated.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from .. import statuses
from ..model import STATUSES, Article, Event, Place
from . import disagreement, output
from .connection import Connection
from .disagreement import DISAGREE_DAYS, FALLS
from .editing import EditingQueries
from .errors import DiskFullError, LockedError, StoreError
from .lazy import np
from .rows import EventRows, event_rows
from .schema import SCHEMA_VERSION, migrations


class EventRow(NamedTuple):
    """One event as the table shows it (``Store.event_rows_with_ids``)."""

    id: int
    place: str
    province: str
    status: str
    date: str | None
    end_date: str | None
    precision: str
    sources: int  # articles that report it
    review: str  # "rejected", "reviewed", "sources disagree", both of the last two, or ""


# The table's keys of each event as numpy reads them (``Store.event_table_columns``):
# place the places row id, status and precision codes into the lists beside.
EVENT_KEYS_DTYPE = [
    ("id", "i8"), ("place", "i8"), ("status", "i4"), ("day", "i8"), ("precision", "i4"),
    ("sources", "i8"), ("reviewed", "i1"), ("rejected", "i1"), ("disagree", "i1"),
]  # fmt: skip


class EventTableColumns(NamedTuple):
    """``Store.event_table_columns``: the keys, and what their codes stand for."""

    keys: np.ndarray  # EVENT_KEYS_DTYPE, by id
    places: list[tuple[int, str, str]]  # (row id, name, province)
    statuses: list[str]  # by code
    precisions: list[str]  # by code


# The drawable events as numpy reads them (``Store.dated_event_table``): status is
# the index in model.STATUSES, end_day NO_END_DAY when the event has no end.
DATED_EVENT_DTYPE = [
    ("id", "i8"), ("place", "i8"), ("status", "i1"), ("day", "f8"), ("end_day", "f8"),
    ("reviewed", "i1"), ("rejected", "i1"),
]  # fmt: skip
NO_END_DAY = -1e9


BUSY_SECONDS = 10
"""How long a write waits for another program's lock before giving up."""

# Every table the schema makes: one missing (dropped by hand) is reported on opening.
TABLES = ("articles", "places", "events", "mentions", "event_keys", "audit", "settings")


# An import commits its articles in batches (each article still all or nothing,
# through a savepoint): a commit an article cost a third of the writer's time.
BATCH_ARTICLES = 200
BATCH_SECONDS = 0.5
# Events an import remembers by key (``_batch_keys``) before it starts again: some
# 350 bytes each, so that a million-event import does not hold them all.
KEYS_KEPT = 100_000


def _keep_what_fits(conn: sqlite3.Connection, inside: bool) -> None:
    """After a write of an import failed: undo it, and keep the batch's earlier
    writes if they can still be committed, else undo them too (SQLite itself
    rolls the whole transaction back on some full disks)."""
    if not conn.in_transaction:
        return
    try:
        if inside:
            conn.execute("ROLLBACK TO one_write")
            conn.execute("RELEASE one_write")
        conn.commit()
    except sqlite3.OperationalError:
        if conn.in_transaction:
            conn.rollback()


def _damaged(path: Path, exc: Exception) -> str:
    return (
        f"{path.name} is damaged ({exc}); it was not changed. "
        "Restore it from a backup, or try: sqlite3 FILE .recover"
    )


def _writable(path: Path) -> bool:
    """The file and its folder (SQLite writes its journal beside the file)."""
    return os.access(path, os.W_OK) and _folder_writable(path)


def _folder_writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK)


def _error_code(exc: BaseException) -> int | None:
    return getattr(exc, "sqlite_errorcode", None)


def _disk_is_full(exc: BaseException, path: Path) -> bool:
    """SQLite's "database or disk is full", or an I/O error on a disk with no room
    (a WAL's shared-memory file that cannot grow is reported as an I/O error)."""
    if isinstance(exc, DiskFullError) or isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
        return True
    code = _error_code(exc)
    if code == sqlite3.SQLITE_FULL or "database or disk is full" in str(exc):
        return True
    if code is not None and code & 0xFF == sqlite3.SQLITE_IOERR or "disk I/O error" in str(exc):
        try:
            return shutil.disk_usage(path.parent).free < 1 << 20
        except OSError:
            return False
    return False


def _is_locked(exc: BaseException) -> bool:
    if isinstance(exc, LockedError):
        return True
    code = _error_code(exc)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "database is locked" in str(exc)


def _locked_message(path: Path) -> str:
    return f"{path.name} is locked by another program (waited {BUSY_SECONDS} s)"


def _opening_error(path: Path, exc: BaseException, *, new: bool) -> StoreError | None:
    """The one-line error for a failure to open or prepare the file that is not
    the file's fault (a full disk, another program's lock), or None."""
    if _disk_is_full(exc, path):
        if new:
            return DiskFullError(
                f"the disk is full: {path.name} cannot be created; free space and try again"
            )
        return DiskFullError(
            f"the disk is full: {path.name} cannot be opened (it is not damaged); "
            "free space and open it again"
        )
    if _is_locked(exc):
        return LockedError(f"{_locked_message(path)}: close it or let it finish, then try again")
    return None


def _reading(method):
    """Reads of a damaged file become one-line StoreErrors instead of tracebacks."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path.name}: cannot read the database ({exc})") from exc

    return wrapper


def _reading_rows(method):
    """``_reading`` for a generator: also the reads made while it is iterated."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            yield from method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path.name}: cannot read the database ({exc})") from exc

    return wrapper


# Rows fetched at a time by the streaming reads: memory stays a few megabytes
# whatever the size of the database.
CHUNK = 2000


class Store(EditingQueries):
    """One database file.

    :param create: make the file if it does not exist
    :param readonly: open without writing; by default, when the file or its
        folder is not writable
    """

    def __init__(
        self, path: str | Path, *, create: bool = True, readonly: bool | None = None
    ) -> None:
        self.path = Path(path)
        exists = self.path.exists()
        if not exists and (not create or readonly):
            raise StoreError(f"{self.path.name}: no such database")
        self._deferred: tuple[list, list] | None = None  # see importing()
        self._batch: dict | None = None  # the import's open batch: see _in_batch()
        # the events the import has met, by key, while nobody else writes: _batch_keys()
        self._keys: dict[tuple, list] | None = None
        self._keys_changes = self._keys_version = -1
        self._keys_whole = False  # ``_keys`` holds every stored key (``_batch_keys``)
        self._live_keys: dict[tuple, list] | None = None  # add_article's, for _event_id
        self.readonly = (
            bool(readonly) if readonly is not None else exists and not _writable(self.path)
        )
        new = not exists or self.path.stat().st_size == 0
        try:
            if not self.readonly:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            raise _opening_error(self.path, exc, new=new) or StoreError(
                f"{self.path.name}: cannot open the database ({exc})"
            ) from exc
        try:
            self._check_is_ours()
            self._check_readable()
            if self.readonly:
                if migrations.pending_names(self._db.conn):
                    raise StoreError(
                        f"{self.path.name} is read-only and was written by an older version "
                        "of Timeline: copy it somewhere writable to open it"
                    )
            else:
                self._use_wal()
                self._migrate()
            self._check_complete()
            if not self.readonly:
                self._repair_disagreement()
        except (sqlite3.Error, OSError, DiskFullError, LockedError) as exc:
            self._db.conn.close()
            raise _opening_error(self.path, exc, new=new) or StoreError(
                f"{self.path.name}: cannot prepare the database ({exc})"
            ) from exc
        except StoreError:
            self._db.conn.close()
            raise

    # -- opening ---------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if not self.readonly:
            return sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False)
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        if _folder_writable(self.path) or not self._has_wal():
            # Read-only media without a WAL: no journal can be written, so SQLite must not try.
            immutable = "" if _folder_writable(self.path) else "&immutable=1"
            return sqlite3.connect(
                uri + immutable, uri=True, timeout=BUSY_SECONDS, check_same_thread=False
            )
        # A WAL left by a crash in a read-only folder holds the latest changes: read it
        # through its shared-memory file (SQLite can, when that file is there); opened
        # immutable, the file would silently show the database as it was before them.
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path.name}: its latest changes (in {self.path.name}-wal, left by a "
                "program that did not close it) cannot be read in this read-only folder; "
                "copy the database and its -wal file to a writable folder and open the copy"
            ) from exc
        return conn

    def _has_wal(self) -> bool:
        wal = self.path.with_name(self.path.name + "-wal")
        try:
            return wal.stat().st_size > 0
        except OSError:
            return False

    def _open(self) -> Connection:
        try:
            conn = self._connect()
            conn.execute("PRAGMA foreign_keys = ON")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            trouble = _opening_error(self.path, exc, new=False)
            if trouble:
                raise trouble from exc
            if self._has_sqlite_header():
                raise StoreError(_damaged(self.path, exc)) from exc
            raise StoreError(f"{self.path.name} is not a Timeline database ({exc})") from exc
        if version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"{self.path.name} was written by a newer version of Timeline "
                f"(schema {version}, this version knows {SCHEMA_VERSION}); it was not changed"
            )
        return Connection(conn)

    def _use_wal(self) -> None:
        """Only once the file is known to be ours: switching the journal mode
        rewrites the file's header."""
        try:
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.OperationalError:
            pass  # keep the journal mode the file has

    def _check_is_ours(self) -> None:
        """Another program's SQLite file is refused before anything is added to it.

        A file holding only an empty ``_sqlite_migrations`` table is our own, half
        made: an older version, killed while creating it, left it so."""
        tables = set(self._db.table_names())
        if not tables:
            return
        if tables == {"_sqlite_migrations"} and not self._db.execute(
            "SELECT 1 FROM _sqlite_migrations LIMIT 1"
        ).fetchone():
            return
        ours = (
            "_sqlite_migrations" in tables
            and self._db.execute(
                "SELECT 1 FROM _sqlite_migrations WHERE migration_set = ?", [migrations.name]
            ).fetchone()
        )
        if not ours:
            raise StoreError(
                f"{self.path.name} is an SQLite database of another program, not a Timeline "
                "database; it was not changed"
            )

    def _check_readable(self) -> None:
        """Touch every table once: a truncated or damaged file fails here, on
        opening, not in the middle of the user's work."""
        try:
            for table in self._db.table_names():
                self._db.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        except sqlite3.DatabaseError as exc:
            raise _opening_error(self.path, exc, new=False) or StoreError(
                _damaged(self.path, exc)
            ) from exc

    def _check_complete(self) -> None:
        """A table removed by another program is said once here, not at every article."""
        present = set(self._db.table_names())
        missing = [t for t in TABLES if t not in present]
        if missing:
            raise StoreError(
                f"{self.path.name} lacks its {', '.join(missing)} table"
                f"{'s' if len(missing) > 1 else ''} (removed by another program?); "
                "it was not changed. Restore it from a backup"
            )

    def _has_sqlite_header(self) -> bool:
        try:
            with self.path.open("rb") as handle:
                return handle.read(16) == b"SQLite format 3\x00"
        except OSError:
            return False

    def _migrate(self) -> None:
        """All pending migrations in one transaction that holds the write lock from
        the start: a second process creating the same new file waits, then finds
        it made; a crash leaves the file as it was, never half made."""
        if not migrations.pending_names(self._db.conn):
            return
        if self._db.table_names() and not self._db.table_names() == ["_sqlite_migrations"]:
            self._backup(f"before-schema-{SCHEMA_VERSION}")
        try:
            with self._transaction():
                # another process may have done it meanwhile
                if migrations.pending_names(self._db.conn):
                    migrations.apply(self._db)
                    self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except (DiskFullError, LockedError):
            raise
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path.name}: cannot prepare the database ({exc})") from exc

    def _backup(self, label: str) -> Path:
        target = self.path.with_name(f"{self.path.stem}.{label}.bak{self.path.suffix}")
        with sqlite3.connect(target) as copy:
            self._db.conn.backup(copy)
        return target

    def close(self) -> None:
        self._db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------
    def _check_writable(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.path.name} is open read-only: nothing can be imported")

    @contextlib.contextmanager
    def _transaction(self):
        """One write transaction that takes the write lock at its start (BEGIN
        IMMEDIATE), so that another program's lock is waited for (BUSY_SECONDS);
        a deferred one, upgraded from reading, fails at once.  A full disk and a
        lock that outlasts the wait become one-line errors."""
        conn = self._db.conn
        if self._batch is not None:
            with self._in_batch():
                yield
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise
            conn.commit()
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.rollback()
            raise self._write_error(exc) from exc

    @contextlib.contextmanager
    def _in_batch(self):
        """One write of an import: a savepoint inside the batch's transaction,
        which is committed every BATCH_ARTICLES writes or BATCH_SECONDS."""
        conn, batch = self._db.conn, self._batch
        inside = False  # in this write's savepoint
        try:
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
                batch.update(since=time.monotonic(), done=0)
            conn.execute("SAVEPOINT one_write")
            inside = True
            try:
                yield
            except sqlite3.OperationalError:
                raise  # a full disk, a lock: below, with the batch
            except BaseException:  # this write only: the batch goes on
                self._keys = None
                conn.execute("ROLLBACK TO one_write")
                conn.execute("RELEASE one_write")
                inside = False
                raise
            conn.execute("RELEASE one_write")
            inside = False
            if (batch["done"] + 1 >= BATCH_ARTICLES
                    or time.monotonic() - batch["since"] >= BATCH_SECONDS):  # fmt: skip
                conn.commit()
                batch["done"] = 0
            else:
                batch["done"] += 1
        except sqlite3.OperationalError as exc:
            batch["done"] = 0
            self._keys = None
            _keep_what_fits(conn, inside)
            raise self._write_error(exc) from exc

    def uncommitted_writes(self) -> int:
        """How many writes of the import's open batch are not committed yet."""
        return self._batch["done"] if self._batch is not None else 0

    def _commit_batch(self) -> None:
        conn = self._db.conn
        self._batch["done"] = 0
        self._keys = None
        try:
            if conn.in_transaction:
                conn.commit()
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.rollback()
            raise self._write_error(exc) from exc

    def _write_error(self, exc: sqlite3.OperationalError) -> Exception:
        """A full disk and a lock that outlasts the wait as one-line errors."""
        if _disk_is_full(exc, self.path):
            return DiskFullError(f"the disk is full ({self.path.name})")
        if _is_locked(exc):
            return LockedError(_locked_message(self.path))
        return exc

    def sync_places(self, places: Iterable[Place]) -> None:
        """Add the places not stored yet and update the others' names and
        coordinates; a stored place keeps its province and country (its events
        were found there: see ``moved_places``)."""
        self._check_writable()
        rows = [
            (p.id, p.name, p.province, p.country, p.iso_code, p.lat, p.lon,
             int(p.is_national_capital))
            for p in places
        ]  # fmt: skip
        with self._transaction():
            self._db.conn.executemany(
                "INSERT INTO places (id, name, province, country, iso_code, lat, lon,"
                " is_national_capital) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                " iso_code = excluded.iso_code, lat = excluded.lat, lon = excluded.lon,"
                " is_national_capital = excluded.is_national_capital",
                rows,
            )

    @_reading
    def moved_places(self, places: Iterable[Place]) -> list[tuple[Place, str, str]]:
        """(place, stored province, stored country) for each of ``places`` stored
        with another province or country."""
        stored = {
            row[0]: (row[1], row[2])
            for row in self._db.execute("SELECT id, province, country FROM places").fetchall()
        }
        return [
            (p, *stored[p.id])
            for p in places
            if p.id in stored and stored[p.id] != (p.province, p.country)
        ]

    def undated_article_id(self, content_hash: str) -> int | None:
        """The id of the stored article with this content if it has no publication
        date of its own (none, or one inferred from other reports)."""
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ?"
            " AND (published IS NULL OR published_basis IS NOT NULL)", [content_hash]
        ).fetchone()
        return row[0] if row else None

    @_reading
    def articles_without_own_date(self) -> list[tuple[int, dt.date | None]]:
        """(id, date inferred so far or None) of every article whose text and
        user gave no publication date."""
        rows = self._db.execute(
            "SELECT id, CASE WHEN published_basis IS NOT NULL THEN published END FROM articles"
            " WHERE published IS NULL OR published_basis IS NOT NULL ORDER BY id"
        ).fetchall()
        return [(row[0], dt.date.fromisoformat(row[1]) if row[1] else None) for row in rows]

    @_reading
    def fallen_place_ids_of_article(self, article_id: int) -> list[str]:
        """The places whose fall (captured, surrendered, claimed) the article reports."""
        falls = statuses.named("fall")
        rows = self._db.execute(
            "SELECT DISTINCT e.place_id FROM mentions m JOIN events e ON e.id = m.event_id"
            " WHERE m.article_id = ? AND e.rejected = 0"
            f" AND coalesce(m.source_status, e.status) IN ({', '.join('?' * len(falls))})"
            " ORDER BY e.place_id",
            [article_id, *falls],
        ).fetchall()
        return [row[0] for row in rows]

    @_reading
    def stored_article_ids(self, article_ids: Iterable[int]) -> set[int]:
        """Those of ``article_ids`` that are stored (after an import stopped half
        way, its last batch undone)."""
        wanted = list(article_ids)
        found: set[int] = set()
        for first in range(0, len(wanted), 500):
            chunk = wanted[first : first + 500]
            marks = ", ".join("?" * len(chunk))
            found |= self._id_set(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
        return found

    def stored_article(self, article_id: int) -> Article:
        """The article as stored, to be read again."""
        row = self._db.execute(
            "SELECT text, title, outlet, published, url, source_path, content_hash, dateline,"
            " flags FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            raise KeyError(article_id)
        text, title, outlet, published, url, source_path, content_hash, dateline, flags = row
        return Article(
            text=text, title=title or "", outlet=outlet or "",
            published=dt.date.fromisoformat(published) if published else None,
            url=url or "", source_path=source_path or "", content_hash=content_hash,
            dateline=dateline or "", flags=json.loads(flags or "[]"),
        )  # fmt: skip

    def has_article(self, content_hash: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM articles WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return row is not None

    def add_article(self, article: Article, events: list[Event] | EventRows) -> int:
        """Store an article with its events (or their ``event_rows``) in one
        transaction; return its id.

        Evidence for a place, status and date already stored joins that event
        as a further source, also when an analyst has since edited, confirmed
        or rejected it (the event itself is then left as the analyst left it).
        """
        self._check_writable()
        if not isinstance(events, EventRows):
            events = event_rows(events)
        with self._transaction():
            keys = self._live_keys = self._batch_keys()
            try:
                article_id = self._insert_article(article)
                touched, event_ids = self._add_evidence(article_id, events)
            finally:
                self._live_keys = None
            if self._deferred is None:
                disagreement.refresh(self._db.conn, touched, event_ids)
            else:
                if not self._deferred[0] and not self._deferred[1]:  # the first of the batch
                    self._db.execute(
                        "INSERT OR REPLACE INTO settings (key, value) VALUES (?, '1')",
                        [_DISAGREEMENT_PENDING],
                    )
                self._deferred[0].extend(touched)
                self._deferred[1].extend(event_ids)
            if keys is not None:
                self._keys_changes = self._db.conn.total_changes
        return article_id

    def _batch_keys(self) -> dict[tuple, list] | None:
        """The events the import has looked up or added, by (place, status, date):
        [id, end date, touched by an analyst].  Kept while no other connection
        has committed (``data_version``, read with the write lock held) and this
        one wrote nothing else since the last article (an edit in between makes
        it anew); a rollback drops it.  Most of an import's events join one stored
        before (1,000 generated articles: 11,143 events, 3,960 stored), each
        found by a query otherwise."""
        if self._batch is None:
            return None
        conn = self._db.conn
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if (self._keys is None or self._keys_changes != conn.total_changes
                or self._keys_version != version or len(self._keys) >= KEYS_KEPT):  # fmt: skip
            self._keys = {}
            # no event stored yet (a new database's first import): every key stored from
            # now on is one it adds, and it has them all; none needs looking up
            self._keys_whole = not conn.execute("SELECT 1 FROM event_keys LIMIT 1").fetchone()
        self._keys_version = version
        return self._keys

    @contextlib.contextmanager
    def importing(self) -> Iterator[None]:
        """Many articles in a row, committed in batches (BATCH_ARTICLES, or what
        BATCH_SECONDS took), each article still all or nothing (a savepoint): the
        batch is committed at the end, also when the import stops half way; a
        full disk or a lost lock undoes the open batch (``stored_article_ids``
        then tells which articles are in). The kept
        disagreement is brought up to date once at the end, for everything they
        touched (per article, it cost more than the rest of storing). A mark
        written with the first article says it is due, so that if the process
        dies before the end, the next opening makes the table anew."""
        if self._deferred is not None:  # already inside one
            yield
            return
        self._deferred = ([], [])
        self._batch = {"since": time.monotonic(), "done": 0}
        # Each article's savepoint keeps the pages it changes to undo it: past 64 kB,
        # in a temporary file, one write a page (1,000 articles: 93,000 writes, a
        # fifth of storing them).  In memory, as long as the import lasts: only while
        # importing, since big sorts (an export of a million events) use it too.
        with contextlib.suppress(sqlite3.Error):  # (not inside a transaction: slower)
            self._db.execute("PRAGMA temp_store = MEMORY")
        try:
            yield
        finally:
            try:
                self._commit_batch()
            finally:
                self._batch = None
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("PRAGMA temp_store = DEFAULT")
            touched, event_ids = self._deferred
            self._deferred = None
            if touched or event_ids:
                with self._transaction():
                    disagreement.refresh(self._db.conn, touched, event_ids)
                    self._db.execute("DELETE FROM settings WHERE key = ?", [_DISAGREEMENT_PENDING])

    def _repair_disagreement(self) -> None:
        """A batch import that did not finish left the kept disagreement due."""
        due = self._db.execute(
            "SELECT 1 FROM settings WHERE key = ?", [_DISAGREEMENT_PENDING]
        ).fetchone()
        if due:
            with self._transaction():
                disagreement.rebuild(self._db.conn)
                self._db.execute("DELETE FROM settings WHERE key = ?", [_DISAGREEMENT_PENDING])

    def date_article(
        self, article_id: int, article: Article, events: list[Event], basis: str | None = None
    ) -> None:
        """Give a stored undated article its publication date and its events as
        read with it: its old evidence goes, and the events only it supported,
        unless an analyst touched them.  ``basis`` says where a date that is
        not the article's own came from ("other reports"); None for one read
        or given by the user."""
        self._check_writable()
        with self._transaction():
            self._db.execute(
                "UPDATE articles SET published = ?, flags = ?, published_basis = ? WHERE id = ?",
                [article.published.isoformat(), json.dumps(article.flags), basis, article_id],
            )
            old_rows = self._db.execute(
                "SELECT DISTINCT e.id, e.place_id, e.day FROM mentions m"
                " JOIN events e ON e.id = m.event_id WHERE m.article_id = ?", [article_id]
            ).fetchall()
            old = [row[0] for row in old_rows]
            self._db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
            for event_id in old:
                orphan = self._db.execute(
                    "SELECT 1 FROM events e WHERE e.id = ?"
                    " AND e.reviewed + e.rejected + e.edited + e.manual = 0"
                    " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)",
                    [event_id],
                ).fetchone()
                if orphan:
                    self._db.execute("DELETE FROM event_keys WHERE event_id = ?", [event_id])
                    self._db.execute("DELETE FROM events WHERE id = ?", [event_id])
            touched, event_ids = self._add_evidence(article_id, event_rows(events))
            touched += [(place_id, day) for _, place_id, day in old_rows]
            disagreement.refresh(self._db.conn, touched, [*event_ids, *old])

    def _add_evidence(self, article_id: int, events: EventRows):
        """Returns the (place, day) pairs and the event ids it touched, for the
        kept disagreement."""
        touched, event_ids, mentions = [], [], []
        for place_id, status, date, end_date, precision, day, end_day, evidence in events:
            event_id = self._event_id(place_id, status, date, end_date, precision, day, end_day)
            touched.append((place_id, day))
            event_ids.append(event_id)
            mentions += [
                (event_id, article_id, quote, start, end, status, date, precision, because)
                for quote, start, end, because in evidence
            ]
        self._db.conn.executemany(
            "INSERT OR IGNORE INTO mentions (event_id, article_id, quote, start, end,"
            " source_status, source_date, source_precision, because)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            mentions,
        )
        return touched, event_ids

    def _insert_article(self, article: Article) -> int:
        cursor = self._db.execute(
            "INSERT INTO articles (content_hash, title, outlet, published, url, source_path,"
            " dateline, flags, text, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article.content_hash, article.title, article.outlet,
                article.published.isoformat() if article.published else None,
                article.url, article.source_path, article.dateline,
                json.dumps(article.flags), article.text,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            ],
        )  # fmt: skip
        return cursor.lastrowid

    def _event_id(
        self, place_id: str, status: str, date: str | None, end_date: str | None,
        precision: str, day: int | None, end_day: int | None,
    ) -> int:  # fmt: skip
        execute = self._db.conn.execute  # inside the article's transaction
        keys, key = self._live_keys, (place_id, status, date)
        row = keys.get(key) if keys is not None else None
        if row is None and not (keys is not None and self._keys_whole):
            row = execute(
                "SELECT e.id, e.end_date, e.reviewed + e.rejected + e.edited + e.manual"
                " FROM event_keys k JOIN events e ON e.id = k.event_id"
                " WHERE k.place_id = ? AND k.status = ? AND k.date IS ?"
                " ORDER BY 3 DESC, e.id LIMIT 1",
                key,
            ).fetchone()
            if row and keys is not None:
                row = keys[key] = list(row)
        if row:
            event_id, stored_end, human = row
            if not human and end_date and (stored_end is None or end_date > stored_end):
                execute(
                    "UPDATE events SET end_date = ?, end_day = ? WHERE id = ?",
                    (end_date, end_day, event_id),
                )
                if keys is not None:
                    row[1] = end_date
            return event_id
        cursor = execute(
            "INSERT INTO events (place_id, status, date, end_date, date_precision, day, end_day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (place_id, status, date, end_date, precision, day, end_day),
        )
        execute(
            "INSERT INTO event_keys (event_id, place_id, status, date) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, place_id, status, date),
        )
        if keys is not None:
            keys[key] = [cursor.lastrowid, end_date, 0]
        return cursor.lastrowid

    # -- reading -----------------------------------------------------------------------
    @_reading
    def counts(self) -> dict[str, int]:
        return {
            name: self._db.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("articles", "events", "mentions", "places")
        }

    @_reading
    def articles(self) -> list[dict]:
        rows = self._db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, a.url, a.source_path, a.dateline,"
            " a.flags, length(a.text) AS characters,"
            " (SELECT count(DISTINCT event_id) FROM mentions m WHERE m.article_id = a.id) AS events"
            " FROM articles a ORDER BY a.published, a.id"
        )
        columns = [c[0] for c in rows.description]
        result = []
        for row in rows.fetchall():
            item = dict(zip(columns, row, strict=True))
            item["flags"] = json.loads(item["flags"] or "[]")
            result.append(item)
        return result

    @_reading
    def search_articles(self, query: str, limit: int = 100) -> list[int]:
        """Ids of articles matching a full-text query, best first.

        Anything a user types is accepted: when the text is not valid FTS
        syntax ("AND(", a lone quote), it is searched as a plain phrase.
        """
        query = re.sub(r"[\x00-\x1f\x7f]", " ", query).strip()  # FTS5 rejects control characters
        if not query:
            return []
        sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        try:
            rows = self._db.execute(sql, [query, limit]).fetchall()
        except sqlite3.OperationalError:
            phrase = '"' + query.replace('"', '""') + '"'
            try:
                rows = self._db.execute(sql, [phrase, limit]).fetchall()
            except sqlite3.OperationalError:
                return []  # no match rather than an error for the user
        return [row[0] for row in rows]

    @_reading
    def article_text(self, article_id: int) -> str:
        row = self._db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise StoreError(f"no article with id {article_id}")
        return row[0]

    @_reading
    def events(self, *, include_rejected: bool = True) -> list[dict]:
        """Every event with its place, review state and sources, by date (unknown last)."""
        return list(self.iter_events(include_rejected=include_rejected))

    @_reading_rows
    def iter_events(self, *, include_rejected: bool = True) -> Iterator[dict]:
        """The events of ``events()``, one at a time, read in chunks: a million
        events with their quotes are written out in constant memory."""
        yield from self._event_dicts(self._event_order(include_rejected=include_rejected))

    @_reading
    def events_of_place(
        self, place_id: str, *, near_day: int | None = None, limit: int = 200
    ) -> list[dict]:
        """The place's events that are not rejected, as ``events()`` gives them:
        the ``limit`` dated nearest to ``near_day`` (the first ``limit`` without
        one), by date.  (A place of a big database has thousands of events: all
        of them, through ``events()``, took a minute at a million.)"""
        distance = "day IS NULL" if near_day is None else "day IS NULL, abs(day - ?)"
        rows = self._db.execute(
            f"SELECT id FROM events WHERE place_id = ? AND rejected = 0 ORDER BY {distance}, id"
            " LIMIT ?",
            [place_id, *([] if near_day is None else [near_day]), limit],
        ).fetchall()
        events = list(self._event_dicts(np.array([r[0] for r in rows], dtype="i8")))
        return sorted(events, key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))

    def _event_dicts(self, order: np.ndarray) -> Iterator[dict]:
        """The events of these ids, in this order, as ``events()`` gives them."""
        disagree = self._disagreeing_ids()
        columns = f"{_EVENT_COLUMNS}, {_SOURCE_COLUMNS}"
        first_source = 1 + len(_EVENT_KEYS)
        for rows in self._event_rows_in_order(columns, order=order):
            ids = np.fromiter((row[0] for row in rows), dtype="i8", count=len(rows))
            hits = set(ids[np.isin(ids, disagree)].tolist())
            current, sources = None, []
            for row in rows:  # one row per source, the rows of an event together
                if current is not None and row[0] != current[0]:
                    yield _event_dict(current[1:], sources, current[0] in hits)
                    sources = []
                current = row
                if row[first_source] is not None:  # no sources: one row of NULLs
                    sources.append(_source_dict(row[first_source:]))
            if current is not None:
                yield _event_dict(current[1:], sources, current[0] in hits)

    @_reading_rows
    def event_json_batches(self) -> Iterator[list[str]]:
        """Every event of ``events()`` as its JSON text (the same keys in the same
        order, the same values), in the same order, in lists of thousands: built
        by SQLite, no dict made (storage/output.py)."""
        yield from self._output_batches(output.EVENT_JSON, output.JSON_BYTES)

    @_reading_rows
    def event_csv_batches(self) -> Iterator[list[str]]:
        """Every event's CSV lines, one per source (``output.EVENT_COLUMNS`` then
        ``output.SOURCE_COLUMNS``, empty for an event without sources), in the
        order of ``events()`` and its sources', in lists of thousands."""
        yield from self._output_batches(
            output.EVENT_CSV, output.CSV_BYTES, joins=output.CSV_SOURCES,
            rank=output.CSV_SOURCE_ORDER, keyed=True,
        )  # fmt: skip

    @_reading_rows
    def acled_csv_batches(self) -> Iterator[list[str]]:
        """One CSV line in ``output.ACLED_COLUMNS`` per dated, not rejected event,
        in the order of ``events()``, in lists of thousands."""
        yield from self._output_batches(
            output.ACLED_CSV, output.ACLED_BYTES, where=output.ACLED_WHERE
        )

    def _output_batches(
        self, text: str, size: int, *, keyed: bool = False, **query
    ) -> Iterator[list[str]]:
        """``output.texts_in_order`` of every event, read by this connection and
        a second one (one per core, up to two); ``keyed``, in the order of
        ``_order_keys`` (measured for the csv only: json and acled, whose texts
        cost more, gained nothing in one run and keep the order's own scan)."""
        events, low, high, mentions = self._db.execute(
            "SELECT count(*), min(id), max(id), (SELECT count(*) FROM mentions) FROM events"
        ).fetchone()
        if not events:
            return
        batch = output.batch_size(events, mentions, size)
        cells = output.output_cells(self._db.conn)
        extra = [self._connect() for _ in range(min(2, os.cpu_count() or 1) - 1)]
        try:
            connections = [self._db.conn, *extra]
            for conn in connections:
                output.prepare(conn, cells)
            keys = self._order_keys(cells[0], batch * output.PART_BATCHES) if keyed else None
            if keys is not None:
                try:  # Unordered comes before any text
                    yield from output.texts_in_order(
                        connections, text, keys=keys, id_range=(low, high), batch=batch,
                        **query,
                    )  # fmt: skip
                    return
                except output.Unordered:
                    pass
            # the order is read by this connection while the others begin on the texts
            yield from output.texts_in_order(
                connections, text, lambda _: self._event_order(include_rejected=True),
                id_range=(low, high), batch=batch, **query,
            )  # fmt: skip
        finally:
            for conn in extra:
                conn.close()

    def _event_rows_in_order(
        self, columns: str, *, include_rejected: bool = True, order: np.ndarray | None = None
    ) -> Iterator[list]:
        """Lists of (event id, *columns) rows, one per event and source (sources
        LEFT JOINed as m and a), events in the order of ``events()`` (or of the
        ids ``order``), each event's sources by publication; CHUNK events a list.

        The order is sorted in numpy and the rows fetched by id, chunk by chunk:
        SQLite sorting the whole join (quotes and all) spilled to temporary files
        and took 23 s for a million events before the first row came."""
        if order is None:
            order = self._event_order(include_rejected=include_rejected)
        sql = (
            f"SELECT e.id, {columns} FROM events e JOIN places p ON p.id = e.place_id"
            " LEFT JOIN mentions m ON m.event_id = e.id"
            " LEFT JOIN articles a ON a.id = m.article_id"
            " WHERE e.id IN (SELECT value FROM json_each(?))"
            " ORDER BY e.id, a.published, a.id, m.start"
        )
        for start in range(0, len(order), CHUNK):
            ids = order[start : start + CHUNK].tolist()
            by_event: dict[int, list] = {}
            for row in self._db.execute(sql, [json.dumps(ids)]):
                by_event.setdefault(row[0], []).append(row)
            yield [row for event_id in ids for row in by_event.get(event_id, ())]

    def _order_keys(self, places: list[tuple], span: int) -> output.OrderKeys | None:
        """The order of ``_event_order`` (every event) as a key of the texts' query:
        the event's day, its place's name rank (temp.output_places, ``places``
        its rows) and its status packed in one integer as ``_event_order`` packs
        them; its parts of up to about ``span`` events each cut from the count of
        events by place and day (one read of an index, a tenth of a second at a
        million, where ``_event_order`` reads a second).  None when the events
        spread too unevenly (a day at one name holds more than ``span``: a part
        would be too big) or the order cannot be packed; the texts' query finds
        a status that is not the app's (``output.Unordered``)."""
        ranks = {place[0]: place[-1] for place in places}
        names = max(ranks.values(), default=-1) + 1
        known = sorted(statuses.NAMES)  # codes 1.. in the order of the names; 0 another
        codes = len(known) + 1
        if not names or codes * names >= 2**30:
            return None
        counts = self._db.execute(
            "SELECT place_id, day, count(*) FROM events GROUP BY place_id, day"
        ).fetchall()  # fmt: skip
        days = [_DAYS if day is None else day for _, day, _ in counts]  # undated last
        if not all(
            isinstance(day, int) and -_DAYS < day < _DAYS for _, day, _ in counts if day is not None
        ):
            return None  # a day beyond a million years
        groups = (np.array(days, dtype="i8") + _DAYS) * names
        groups += np.array([ranks.get(place, 0) for place, _, _ in counts], dtype="i8")
        groups, where = np.unique(groups, return_inverse=True)
        sizes = np.zeros(len(groups), dtype="i8")
        np.add.at(sizes, where, np.array([count for _, _, count in counts], dtype="i8"))
        if not len(sizes) or sizes.max() > span:
            return None
        part = (np.cumsum(sizes) - sizes) // span  # a part up to twice span
        bounds = groups[np.flatnonzero(np.diff(part, prepend=-1))] * codes
        bounds[0] = np.iinfo("i8").min
        day = (
            f"CASE WHEN e.day > -{_DAYS} AND e.day < {_DAYS} THEN e.day"
            f" WHEN e.day IS NULL THEN {_DAYS} ELSE {_DAYS + 1} END"
        )
        status = " ".join(
            f"WHEN '{name.replace(chr(39), chr(39) * 2)}' THEN {code}"
            for code, name in enumerate(known, 1)
        )
        sql = (
            f"(({day} + {_DAYS}) * {names} + o.name_rank) * {codes}"
            f" + CASE e.status {status} ELSE 0 END"
        )

        def fits(keys: np.ndarray) -> bool:  # the app's statuses, days in range
            return not ((keys % codes == 0).any() or (keys // (codes * names) > 2 * _DAYS).any())

        return output.OrderKeys(sql, bounds, fits)

    def _event_order(self, *, include_rejected: bool) -> np.ndarray:
        """Event ids by date (unknown last), place name, status, id: as
        ``ORDER BY e.date IS NULL, e.date, p.name, e.status, e.id`` (day numbers
        order as the dates do).

        One scan: SQLite writes the ids and each event's day, place and status
        packed in one integer as two texts (not four numbers a row joined, 3.8 s
        at a million events; now 1.5 s), numpy sorts them; the ids come in rowid
        order, so a stable sort leaves them last in the order.  A status that
        is not the app's, or a day beyond a million years, is sorted by
        ``_event_order_apart``."""
        places = self._db.execute("SELECT rowid, name FROM places ORDER BY name").fetchall()
        name_rank = np.zeros(max((r for r, _ in places), default=0) + 1, dtype="i8")
        rank, last = -1, None
        for rowid, name in places:  # places of one name share a rank
            rank += name != last
            name_rank[rowid], last = rank, name
        known = sorted(statuses.NAMES)  # codes 1.. in the order of the names; 0 another
        codes, rowids = len(known) + 1, len(name_rank)
        if codes * rowids >= 2**30:  # too many places to pack with a day
            return self._event_order_apart(name_rank, include_rejected)
        status = " ".join(f"WHEN ? THEN {i}" for i in range(1, codes))
        # days -2**30 < day < 2**30 kept, undated after them, others marked
        day = (
            f"CASE WHEN e.day > -{_DAYS} AND e.day < {_DAYS} THEN e.day"
            f" WHEN e.day IS NULL THEN {_DAYS} ELSE {_DAYS + 1} END"
        )
        where = "" if include_rejected else " AND e.rejected = 0"
        sql = (
            f"SELECT group_concat(e.id), group_concat((({day} + {_DAYS}) * {rowids} + p.rowid)"
            f" * {codes} + CASE e.status {status} ELSE 0 END) FROM events e"
            f" JOIN places p ON p.id = e.place_id WHERE e.id BETWEEN ? AND ?{where}"
        )
        low, high = self._db.execute(
            "SELECT (SELECT min(id) FROM events), (SELECT max(id) FROM events)"
        ).fetchone()
        if low is None:  # no events
            return np.zeros(0, dtype="i8")
        ids, packed = [], []
        step = 100_000  # ids a query: texts of a few megabytes
        for start in range(low, high + 1, step):
            texts = self._db.execute(sql, [*known, start, start + step - 1]).fetchone()
            for into, text in zip((ids, packed), texts, strict=True):
                if text:  # None when no event of these ids is kept
                    into.append(np.fromstring(text, dtype="i8", sep=","))
        if not ids:
            return np.zeros(0, dtype="i8")
        ids, packed = np.concatenate(ids), np.concatenate(packed)
        if (packed % codes == 0).any() or (packed // (codes * rowids) > 2 * _DAYS).any():
            return self._event_order_apart(name_rank, include_rejected)
        # the place's rank for its rowid, in place (a few arrays of 8 MB fewer)
        place = packed // codes % rowids
        np.subtract(name_rank[place], place, out=place)
        place *= codes
        packed += place
        del place
        return ids[output.stable_argsort(packed)]

    def _event_order_apart(self, name_rank: np.ndarray, include_rejected: bool) -> np.ndarray:
        """``_event_order`` with day, place and status read as numbers of their own."""
        names = [
            row[0] for row in self._db.execute("SELECT DISTINCT status FROM events ORDER BY status")
        ]
        status_case = " ".join(f"WHEN ? THEN {i}" for i in range(len(names)))
        where = "" if include_rejected else " AND e.rejected = 0"
        sql = (
            f"SELECT e.id, p.rowid, ifnull(e.day, {_NO_DAY}),"
            f" CASE e.status {status_case} ELSE 0 END FROM events e"
            f" JOIN places p ON p.id = e.place_id WHERE e.id BETWEEN ? AND ?{where}"
        )
        first, last = self._db.execute("SELECT min(id), max(id) FROM events").fetchone()
        step = 200_000  # ids a query: a text of a few megabytes
        ids, places, days, codes = np.concatenate([
            output.int_table(self._db.conn, sql, 4, [*names, low, low + step - 1])
            for low in range(first, last + 1, step)
        ]).T  # fmt: skip
        return ids[np.lexsort((ids, codes, name_rank[places], days))]

    @_reading
    def disagreeing_event_ids(self) -> set[int]:
        """Events whose sources disagree: within the event (its sources gave
        other dates or statuses, e.g. after a merge), or with a neighbour (the
        same place said to have fallen on another day within two weeks, or
        the same day with another of captured / claimed / surrendered)."""
        return set(self._disagreeing_ids().tolist())

    @_reading
    def disagreeing_event_id_array(self) -> np.ndarray:
        """The ids of ``disagreeing_event_ids`` as a sorted numpy array."""
        return self._disagreeing_ids()

    def _disagreeing_ids(self) -> np.ndarray:
        """The ids of ``disagreeing_event_ids``, sorted, in numpy (8 MB for a
        million, not the 60 MB of a Python set), as kept in their table."""
        return self._fetch_array(
            "SELECT event_id FROM disagreement ORDER BY event_id", [("id", "i8")]
        )["id"]

    @_reading
    def recomputed_disagreeing_event_ids(self) -> set[int]:
        """``disagreeing_event_ids`` computed anew from every mention: what the
        kept table must hold (for checks; a refresh reads the table)."""
        return set(disagreement.compute_all(self._db.conn).tolist())

    def refresh_disagreement(
        self, touched: Iterable[tuple[str, int | None]], event_ids: Iterable[int]
    ) -> None:
        """Keep the disagreement table right after an edit, inside its transaction:
        ``touched`` the (place id, day) of the changed events before and after,
        ``event_ids`` the changed events."""
        disagreement.refresh(self._db.conn, touched, event_ids)

    def _fetch_array(self, sql: str, dtype, params: Sequence = ()) -> np.ndarray:
        return disagreement.fetch_array(self._db.conn, sql, dtype, params)

    def _is_disagreeing(self, event_id: int) -> bool:
        """The same rule as ``disagreeing_event_ids`` for one event, cheaply."""
        within = self._db.execute(
            "SELECT count(DISTINCT ifnull(source_status, '') || '|' || ifnull(source_date, ''))"
            " FROM mentions WHERE event_id = ?",
            [event_id],
        ).fetchone()[0]
        if within > 1:
            return True
        marks = ", ".join("?" * len(FALLS))
        row = self._db.execute(
            "SELECT 1 FROM events e JOIN events o ON o.place_id = e.place_id AND o.id <> e.id"
            f" WHERE e.id = ? AND e.rejected = 0 AND e.status IN ({marks})"
            f" AND o.rejected = 0 AND o.status IN ({marks})"
            f" AND o.day BETWEEN e.day - {DISAGREE_DAYS} AND e.day + {DISAGREE_DAYS}"
            " AND (o.day <> e.day OR o.status <> e.status) LIMIT 1",
            [event_id, *FALLS, *FALLS],
        ).fetchone()
        return row is not None

    @_reading
    def event_table_columns(
        self, *, include_rejected: bool = False, ids: Sequence[int] | None = None
    ) -> EventTableColumns:
        """The table's sort and filter keys of every event (or of ``ids``), by id,
        in numpy: a million events in a few tens of megabytes, not a million
        Python rows; place, status and precision as codes into the lists beside."""
        chosen = None if ids is None else json.dumps([int(i) for i in ids])
        among = "" if ids is None else " WHERE id IN (SELECT value FROM json_each(?))"
        statuses, precisions = (
            sorted(r[0] for r in self._db.execute(
                f"SELECT DISTINCT {name} FROM events{among}", [] if ids is None else [chosen]
            ))
            for name in ("status", "date_precision")
        )  # (of the chosen events only: an edit's own row reads no whole column)
        places = self._db.execute("SELECT rowid, name, province FROM places").fetchall()
        status_case, precision_case = (
            " ".join(f"WHEN ? THEN {i}" for i in range(len(names))) or "WHEN 0 THEN 0"
            for names in (statuses, precisions)
        )
        clauses, params = ["1"], [*statuses, *precisions]
        if ids is not None:
            clauses.append("e.id IN (SELECT value FROM json_each(?))")
            params.append(chosen)
        if not include_rejected:
            clauses.append("e.rejected = 0")
        table = self._fetch_array(
            f"SELECT e.id, p.rowid, CASE e.status {status_case} ELSE 0 END,"
            f" ifnull(e.day, {_NO_DAY}), CASE e.date_precision {precision_case} ELSE 0 END,"
            " 0, e.reviewed, e.rejected, 0"
            " FROM events e JOIN places p ON p.id = e.place_id"
            " WHERE " + " AND ".join(clauses) + " ORDER BY e.id",
            EVENT_KEYS_DTYPE,
            params,
        )
        # Sources and disagreement read apart and matched by id in numpy: joined
        # in the query above (a grouped subquery), a million events took 22 s.
        among = "" if ids is None else " WHERE event_id IN (SELECT value FROM json_each(?))"
        counted = self._fetch_array(
            f"SELECT event_id, count(DISTINCT article_id) FROM mentions{among}"
            " GROUP BY event_id ORDER BY event_id",
            [("id", "i8"), ("articles", "i8")],
            [] if ids is None else [chosen],
        )
        where = np.searchsorted(table["id"], counted["id"]).clip(0, max(len(table) - 1, 0))
        if len(table):
            found = table["id"][where] == counted["id"]
            table["sources"][where[found]] = counted["articles"][found]
            disagreeing = self._disagreeing_ids() if ids is None else self._fetch_array(
                "SELECT event_id FROM disagreement"
                " WHERE event_id IN (SELECT value FROM json_each(?))", [("id", "i8")], [chosen]
            )["id"]  # fmt: skip
            table["disagree"] = np.isin(table["id"], disagreeing)
        return EventTableColumns(table, places, statuses, precisions)

    @_reading
    def event_rows_with_ids(self, ids: Sequence[int]) -> list[EventRow]:
        """The table's rows of these events, in the order of ``ids`` (a page of
        the table, read when it is shown); ids of no event are left out."""
        found = {}
        for row in self._db.execute(
            "SELECT e.id, p.name, p.province, e.status, e.date, e.end_date, e.date_precision,"
            " (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.event_id = e.id),"
            " e.reviewed, e.rejected,"
            " EXISTS (SELECT 1 FROM disagreement d WHERE d.event_id = e.id)"
            " FROM events e JOIN places p ON p.id = e.place_id"
            " WHERE e.id IN (SELECT value FROM json_each(?))",
            [json.dumps([int(i) for i in ids])],
        ):
            found[row[0]] = EventRow._make((*row[:8], review_label(*row[8:])))
        return [found[i] for i in ids if i in found]

    @_reading
    def filtered_event_ids(
        self, *, statuses: Iterable[str] = (), province: str = "",
        date_from: dt.date | None = None, date_to: dt.date | None = None,
        outlet: str = "", review: str = "all",
    ) -> set[int]:  # fmt: skip
        """Ids of the events with one of ``statuses`` (none: any), in the province,
        dated within [date_from, date_to], with a source from the outlet, and in
        the review state ("reviewed", "not_reviewed", "rejected"; others: any);
        rejected events only when ``review`` is "rejected"."""
        clauses, params = ["1"], []
        statuses = sorted(statuses)
        if statuses:
            clauses.append(f"e.status IN ({', '.join('?' * len(statuses))})")
            params += statuses
        if province:
            clauses.append("p.province = ?")
            params.append(province)
        if date_from:
            clauses.append("e.date >= ?")
            params.append(date_from.isoformat())
        if date_to:
            clauses.append("e.date <= ?")
            params.append(date_to.isoformat())
        if outlet:
            clauses.append(
                "EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id = m.article_id"
                " WHERE m.event_id = e.id AND a.outlet = ?)"
            )
            params.append(outlet)
        clauses.append({"reviewed": "e.reviewed = 1", "not_reviewed": "e.reviewed = 0",
                        "rejected": "e.rejected = 1"}.get(review, "1"))  # fmt: skip
        if review != "rejected":
            clauses.append("e.rejected = 0")
        return self._id_set(
            "SELECT e.id FROM events e JOIN places p ON p.id = e.place_id WHERE "
            + " AND ".join(clauses),
            params,
        )

    def _id_set(self, sql: str, params: Sequence) -> set[int]:
        return {row[0] for row in self._db.execute(sql, params)}

    @_reading
    def event_ids_quoting(self, words: Sequence[str]) -> set[int]:
        """Events with a quote containing every one of the words (any case)."""
        if not words:
            return set()
        clause = " AND ".join("m.quote LIKE ? ESCAPE '\\'" for _ in words)
        patterns = [
            "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            for w in words
        ]
        return self._id_set(f"SELECT DISTINCT m.event_id FROM mentions m WHERE {clause}", patterns)

    @_reading
    def event_ids_of_articles(self, article_ids: Sequence[int]) -> set[int]:
        """Events that these articles report."""
        if not article_ids:
            return set()
        marks = ", ".join("?" * len(article_ids))
        return self._id_set(
            f"SELECT DISTINCT event_id FROM mentions WHERE article_id IN ({marks})",
            list(article_ids),
        )

    @_reading
    def dated_event_table(
        self, *, include_rejected: bool = False, ids: Sequence[int] | None = None
    ) -> np.ndarray:
        """The dated events (of ``ids`` only, when given: an edit's), unordered,
        as a numpy array of DATED_EVENT_DTYPE (place: the places rowid), for drawing."""
        status_case = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STATUSES))
        rejected = "" if include_rejected else " AND e.rejected = 0"
        among, params = "", []
        if ids is not None:
            among = " AND e.id IN (SELECT value FROM json_each(?))"
            params = [json.dumps([int(i) for i in ids])]
        return self._fetch_array(
            "SELECT e.id, p.rowid, CASE e.status " + status_case + " ELSE 0 END,"
            f" e.day, ifnull(e.end_day, {NO_END_DAY}), e.reviewed, e.rejected"
            " FROM events e JOIN places p ON p.id = e.place_id WHERE e.day IS NOT NULL"
            + rejected + among,
            DATED_EVENT_DTYPE,
            params,
        )

    @_reading
    def events_at_most(self) -> int:
        """At least the number of events, at once: the highest event id (ids only
        grow).  ``count(*)`` walks the whole table: 30-50 ms at a million events,
        0.6-0.8 s with its pages not yet read, on the thread that asks."""
        return self._db.execute("SELECT ifnull(max(id), 0) FROM events").fetchone()[0]

    @_reading
    def undated_count(self, *, include_rejected: bool = False) -> int:
        """How many events have no date (they cannot be drawn)."""
        rejected = "" if include_rejected else " AND rejected = 0"
        return self._db.execute(
            "SELECT count(*) FROM events WHERE day IS NULL" + rejected
        ).fetchone()[0]

    @_reading
    def places_by_rowid(self, rowids: Iterable[int]) -> list[tuple]:
        """(rowid, id, name, province, lat) of these places (rowids as in
        ``dated_event_table``), in no order."""
        rowids = [int(r) for r in rowids]
        if not rowids:
            return []
        marks = ",".join("?" * len(rowids))
        return self._db.execute(
            f"SELECT rowid, id, name, province, lat FROM places WHERE rowid IN ({marks})",
            rowids,
        ).fetchall()

    @_reading
    def place_ids(self) -> list[str]:
        """Every place's id, in the order they were stored."""
        return [row[0] for row in self._db.execute("SELECT id FROM places ORDER BY rowid")]

    def add_rows_unchecked(self, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> int:
        """Write rows as they are, in one transaction: for benchmarks that need
        a million events fast (no dedup, no keys, no check of the values).
        Returns the number of rows written."""
        self._check_writable()
        if table not in {"events", "mentions", "articles", "event_keys"}:
            raise ValueError(f"no bulk writes into {table!r}")
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        with self._db.atomic():
            cursor = self._db.conn.executemany(
                f"INSERT INTO {table} ({names}) VALUES ({marks})", rows
            )
            if table in {"events", "mentions"}:
                disagreement.rebuild(self._db.conn)
        return cursor.rowcount

    @_reading
    def period(self) -> tuple[dt.date, dt.date] | None:
        """The period set for this database (``set_period``), or None."""
        row = self._db.execute("SELECT value FROM settings WHERE key = 'period'").fetchone()
        if not row or not row[0]:
            return None
        start, _, end = row[0].partition("..")
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)

    def set_period(self, period: tuple[dt.date, dt.date] | None) -> None:
        """Keep the period of the offensive in the file itself; None forgets it."""
        self._check_writable()
        with self._transaction():
            if period is None:
                self._db.execute("DELETE FROM settings WHERE key = 'period'")
            else:
                self._db.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES ('period', ?)",
                    [f"{period[0].isoformat()}..{period[1].isoformat()}"],
                )

    @_reading
    def setting(self, key: str) -> str | None:
        """A value kept in the database itself (its places file, its profile)."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_setting(self, key: str, value: str | None) -> None:
        self._check_writable()
        with self._transaction():
            if value is None:
                self._db.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                self._db.execute(
                    "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value]
                )

    @_reading
    def articles_published_in(self, start: dt.date, end: dt.date) -> tuple[int, int]:
        """(articles published from ``start`` to ``end``, articles with a publication date)."""
        row = self._db.execute(
            "SELECT count(CASE WHEN published BETWEEN ? AND ? THEN 1 END), count(published)"
            " FROM articles", [start.isoformat(), end.isoformat()],
        ).fetchone()  # fmt: skip
        return row[0], row[1]

    @_reading
    def article_span(self) -> tuple[dt.date, dt.date] | None:
        """The first and last publication date of the articles."""
        row = self._db.execute(
            "SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL"
        ).fetchone()
        if not row or not row[0]:
            return None
        return dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1])

    @_reading
    def place_countries(self) -> list[str]:
        """The countries of the places that have events."""
        rows = self._db.execute(
            "SELECT DISTINCT p.country FROM places p WHERE EXISTS"
            " (SELECT 1 FROM events e WHERE e.place_id = p.id)"
        ).fetchall()
        return [row[0] for row in rows]

    @_reading
    def control_reports(self) -> list[dict]:
        """Every source's report of a change of control or a threat, for the
        consensus: one dict per quote (event not rejected) with the place, what
        the source said (``status``, ``date``, ``precision``), the event's own
        status and date when an analyst confirmed or edited it (``human``), and
        the outlet, publication date and quote; grouped by place."""
        return list(self.iter_control_reports())

    @_reading_rows
    def iter_control_reports(
        self,
        *,
        place_ids: Sequence[str] | None = None,
        own_dates_only: bool = False,
        statuses: Sequence[str] | None = None,
        periods: tuple[dt.date, dt.date] | dict[str, tuple[dt.date, dt.date]] | None = None,
    ) -> Iterator[dict]:
        """The reports of ``control_reports()``, read with a cursor in chunks;
        only of ``place_ids`` when given, and with ``own_dates_only`` only from
        articles with a publication date of their own (read or given, not
        inferred from other reports).  With ``statuses`` or ``periods`` only the
        reports whose status, or date, as reported (the event's own when an
        analyst confirmed it) is one of those, or in the period (one for all, or
        one per country; a country without one keeps every dated report): the
        consensus drops the others, so SQLite leaves them out (at a million
        reports, most of the work)."""
        where, params = ["e.rejected = 0"], []
        if place_ids is not None:
            where.append(f"e.place_id IN ({', '.join('?' * len(place_ids))})")
            params += list(place_ids)
        if own_dates_only:
            where.append("a.published IS NOT NULL AND a.published_basis IS NULL")
        human = "(e.reviewed + e.edited + e.manual) > 0"
        if statuses is not None:
            where.append(
                f"(CASE WHEN {human} THEN e.status ELSE coalesce(m.source_status, e.status) END)"
                f" IN ({', '.join('?' * len(statuses))})"
            )
            params += list(statuses)
        if periods is not None:
            date = f"(CASE WHEN {human} THEN e.date ELSE coalesce(m.source_date, e.date) END)"
            if isinstance(periods, dict):
                cases = " ".join(f"WHEN ? THEN {date} BETWEEN ? AND ?" for _ in periods)
                where.append(f"{date} IS NOT NULL")
                if periods:
                    where.append(f"(CASE p.country {cases} ELSE 1 END)")
                for country, (first, last) in periods.items():
                    params += [country, first.isoformat(), last.isoformat()]
            else:
                where.append(f"{date} BETWEEN ? AND ?")
                params += [periods[0].isoformat(), periods[1].isoformat()]
        cursor = self._db.execute(
            "SELECT p.id, p.name, p.province, p.country, p.lat, p.lon,"
            " coalesce(m.source_status, e.status), coalesce(m.source_date, e.date),"
            " coalesce(m.source_precision, e.date_precision),"
            " e.id, e.status, e.date, e.date_precision,"
            " (e.reviewed + e.edited + e.manual) > 0,"
            " a.id, a.outlet, a.published, m.quote, m.because"
            " FROM mentions m JOIN events e ON e.id = m.event_id"
            " JOIN places p ON p.id = e.place_id JOIN articles a ON a.id = m.article_id"
            f" WHERE {' AND '.join(where)} ORDER BY p.id, 8, a.published, a.id", params
        )
        while rows := cursor.fetchmany(CHUNK):
            for row in rows:
                report = dict(zip(_REPORT_KEYS, row, strict=True))
                report["human"] = bool(report["human"])
                report["because"] = _rules(report["because"])
                yield report

    @_reading
    def event(self, event_id: int) -> dict | None:
        """One event with its place, review state and sources, as in ``events()``."""
        row = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e JOIN places p ON p.id = e.place_id"
            " WHERE e.id = ?",
            [event_id],
        ).fetchone()
        if row is None:
            return None
        sources = self._sources_by_event(event_id)
        event = _event_dict(row, sources.get(event_id, []), self._is_disagreeing(event_id))
        event["related"] = self._related_sources(event) if event["disagree"] else []
        return event

    def _related_sources(self, event: dict) -> list[dict]:
        """Sources of the place's other reports within DISAGREE_DAYS: what they said."""
        rows = self._db.execute(
            f"SELECT m.event_id, {_SOURCE_COLUMNS}"
            " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id IN"
            " (SELECT e.id FROM events e JOIN events me ON me.id = ?"
            "  WHERE e.place_id = me.place_id AND e.id <> me.id AND e.rejected = 0"
            f"  AND e.status IN ({', '.join('?' * len(FALLS))})"
            f"  AND e.day BETWEEN me.day - {DISAGREE_DAYS} AND me.day + {DISAGREE_DAYS})"
            " ORDER BY m.event_id, a.published, a.id, m.start",
            [event["id"], *FALLS],
        ).fetchall()  # one query, not one per neighbour (a hundred at a million events)
        # (BETWEEN, not abs() of the difference: the index on place and day then
        # finds the neighbours, 18 ms instead of 165 ms at a million events)
        return [_source_dict(row[1:]) for row in rows]

    @_reading
    def place_choices(self) -> list[tuple[str, str]]:
        """(place id, "Name (Province)") for every place, by name."""
        rows = self._db.execute("SELECT id, name, province FROM places ORDER BY name").fetchall()
        return [(pid, f"{name} ({province})") for pid, name, province in rows]

    @_reading
    def places(self) -> list[Place]:
        """Every place of the database (those without events too), by name."""
        rows = self._db.execute(
            "SELECT id, name, province, country, iso_code, lat, lon, is_national_capital"
            " FROM places ORDER BY name, id"
        ).fetchall()
        return [
            Place(pid, name, province, country, iso or "", lat, lon, bool(capital))
            for pid, name, province, country, iso, lat, lon, capital in rows
        ]

    @_reading
    def facets(self) -> dict[str, list[str]]:
        """Provinces and outlets that occur, for the filter menus."""
        provinces = self._db.execute(
            "SELECT DISTINCT p.province FROM events e JOIN places p ON p.id = e.place_id"
            " ORDER BY p.province"
        ).fetchall()
        outlets = self._db.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet <> '' ORDER BY outlet"
        ).fetchall()
        return {"provinces": [r[0] for r in provinces], "outlets": [r[0] for r in outlets]}

    @_reading
    def article(self, article_id: int) -> dict | None:
        row = self._db.execute(
            "SELECT id, title, outlet, published, url, text FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        keys = ("id", "title", "outlet", "published", "url", "text")
        return dict(zip(keys, row, strict=True)) if row else None

    def _sources_by_event(self, event_id: int | None = None) -> dict[int, list[dict]]:
        where = "" if event_id is None else " WHERE m.event_id = ?"
        rows = self._db.execute(
            f"SELECT m.event_id, {_SOURCE_COLUMNS}"
            f" FROM mentions m JOIN articles a ON a.id = m.article_id{where}"
            " ORDER BY m.event_id, a.published, a.id, m.start",
            [] if event_id is None else [event_id],
        ).fetchall()
        sources: dict[int, list[dict]] = {}
        for row in rows:
            sources.setdefault(row[0], []).append(_source_dict(row[1:]))
        return sources


_DISAGREEMENT_PENDING = "disagreement_pending"
_EVENT_COLUMNS = (
    "e.id, p.name, p.province, p.country, e.status, e.date, e.end_date, e.date_precision,"
    " p.lat, p.lon, p.id, e.reviewed, e.rejected, e.edited, e.manual, e.note"
)
_EVENT_KEYS = (
    "id", "place", "province", "country", "status", "date", "end_date", "date_precision",
    "lat", "lon", "place_id", "reviewed", "rejected", "edited", "manual", "note",
)  # fmt: skip
_NO_DAY = 2**40  # sorts after every day: undated events last
_DAYS = 2**30  # _event_order packs the days between -_DAYS and _DAYS
_SOURCE_COLUMNS = (
    "a.id, a.title, a.outlet, a.published, a.published_basis, m.quote, m.start, m.end,"
    " m.source_status, m.source_date, m.source_precision, m.id, m.because"
)
_SOURCE_KEYS = (
    "article_id", "title", "outlet", "published", "published_basis", "quote", "start", "end",
    "status", "date", "precision", "mention_id", "because",
)  # fmt: skip
_REPORT_KEYS = (
    "place_id", "place", "province", "country", "lat", "lon",
    "status", "date", "precision", "event_id", "event_status", "event_date",
    "event_precision", "human", "article_id", "outlet", "published", "quote", "because",
)  # fmt: skip


_RULES: dict[str | None, tuple] = {}  # the same few rules and words recur: decoded once


def _rules(because: str | None) -> list[tuple[str, str]]:
    """A source's ``because`` (JSON [[rule, words], ...]) as a list of pairs."""
    pairs = _RULES.get(because)
    if pairs is None:
        if len(_RULES) > 10_000:
            _RULES.clear()
        pairs = _RULES[because] = tuple(tuple(pair) for pair in json.loads(because or "[]"))
    return list(pairs)


def _source_dict(row: Sequence) -> dict:
    source = dict(zip(_SOURCE_KEYS, row, strict=True))
    source["because"] = _rules(source["because"])
    return source


def _event_dict(row: Sequence, sources: list[dict], disagree: bool) -> dict:
    event = dict(zip(_EVENT_KEYS, row[: len(_EVENT_KEYS)], strict=True))
    for flag in ("reviewed", "rejected", "edited", "manual"):
        event[flag] = bool(event[flag])
    event["disagree"] = disagree
    event["sources"] = sources
    # Why the event is there: the rules of its sources, each once, in order.
    event["because"] = list(dict.fromkeys(pair for s in sources for pair in s["because"]))
    event["year_inferred"] = any(rule.startswith("year from") for rule, _ in event["because"])
    return event


def review_label(reviewed: int, rejected: int, disagree: bool) -> str:
    if rejected:
        return "rejected"
    parts = (["reviewed"] if reviewed else []) + (["sources disagree"] if disagree else [])
    return ", ".join(parts)
