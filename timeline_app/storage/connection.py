"""The store's connection, used the way sqlite-utils' Database is, without
importing sqlite-utils until something needs more than SQL.

Importing sqlite-utils (click, pluggy and dateutil come with it) took about
100 ms of the window's start, most of what the start spent on the app's own
modules, while opening a database and reading it need only ``execute``.  So
``execute`` and ``atomic`` here behave as sqlite-utils' own (a write outside a
transaction is committed at once, a failed one leaves no transaction open; a
nested ``atomic`` is a savepoint), recursive triggers are on as sqlite-utils
sets them, and anything else (sqlite-utils' table API: the app itself, its
migrations included, needs none of it) is a real sqlite-utils Database over the
same connection, made when first asked for.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database

# Statements after which an open transaction is the caller's, not one to commit.
_TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}
_FIRST_WORD = re.compile(r"[\s;]*(\w*)")
_savepoints = itertools.count(1)


class Connection:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None
        self.conn.execute("PRAGMA recursive_triggers = on")

    @property
    def database(self) -> Database:
        """The sqlite-utils Database over this connection (imported on first use)."""
        if self._database is None:
            from sqlite_utils import Database

            # No plugins: the app uses none, and looking for them reads every installed
            # distribution's metadata (and would run a third party's code on the file).
            self._database = Database(self.conn, recursive_triggers=False, execute_plugins=False)
        return self._database

    def __getattr__(self, name: str):
        return getattr(self.database, name)

    def __getitem__(self, table: str):
        return self.database[table]

    def execute(self, sql: str, parameters: Sequence | dict[str, Any] | None = None):
        was_in_transaction = self.conn.in_transaction
        try:
            if parameters is None:
                cursor = self.conn.execute(sql)
            else:
                cursor = self.conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # the failed write's implicit transaction
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and _FIRST_WORD.match(sql).group(1).upper() not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")  # the write's implicit transaction
        return cursor

    def table_names(self) -> list[str]:
        rows = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return [row[0] for row in rows]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Connection]:
        """One transaction; inside another, a savepoint."""
        if self.conn.in_transaction:
            savepoint = f"timeline_{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it all
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
