"""The row-level reads and writes behind the analysts' edits (``review.Review``).

Review decides what an edit means (what changes, what the snapshot for undo
holds); these methods are the SQL it needs, so that no module outside
storage/ touches the connection.  Rows are dicts keyed by column name.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

EVENT_FIELDS = (
    "id", "place_id", "status", "date", "end_date", "date_precision", "day", "end_day",
    "reviewed", "rejected", "edited", "manual", "note",
)  # fmt: skip
MENTION_FIELDS = (
    "id", "event_id", "article_id", "quote", "start", "end",
    "source_status", "source_date", "source_precision",
)  # fmt: skip
KEY_FIELDS = ("event_id", "place_id", "status", "date")
AUDIT_FIELDS = ("id", "at", "user", "action", "event_id", "before", "after")
_FIELDS = {"events": EVENT_FIELDS, "mentions": MENTION_FIELDS, "event_keys": KEY_FIELDS}


def _columns(table: str, row: dict) -> list[str]:
    """The row's column names, each one the table has (names are put into SQL)."""
    unknown = set(row) - set(_FIELDS[table])
    if unknown:
        raise ValueError(f"{table} has no column {sorted(unknown)[0]!r}")
    return list(row)


class EditingQueries:
    """Mixed into ``Store``, whose ``_db`` (``connection.Connection``) they use."""

    def atomic(self) -> AbstractContextManager:
        """One transaction: everything inside is written, or nothing."""
        return self._db.atomic()

    # -- reading rows -----------------------------------------------------------------
    def _record(self, table: str, key) -> dict | None:
        fields = _FIELDS[table]
        row = self._db.execute(
            f"SELECT {', '.join(fields)} FROM {table} WHERE id = ?", [key]
        ).fetchone()
        return dict(zip(fields, row, strict=True)) if row else None

    def _records_of_event(self, table: str, event_id: int) -> list[dict]:
        fields = _FIELDS[table]
        rows = self._db.execute(
            f"SELECT {', '.join(fields)} FROM {table} WHERE event_id = ? ORDER BY rowid",
            [event_id],
        ).fetchall()
        return [dict(zip(fields, row, strict=True)) for row in rows]

    def event_record(self, event_id: int) -> dict | None:
        """The events row itself (every column of EVENT_FIELDS), or None."""
        return self._record("events", event_id)

    def mention_record(self, mention_id: int) -> dict | None:
        """The mentions row itself (MENTION_FIELDS), or None."""
        return self._record("mentions", mention_id)

    def mention_records_of(self, event_id: int) -> list[dict]:
        """The event's mentions rows, in the order they were written."""
        return self._records_of_event("mentions", event_id)

    def key_records_of(self, event_id: int) -> list[dict]:
        """The keys under which new evidence finds this event (KEY_FIELDS)."""
        return self._records_of_event("event_keys", event_id)

    def has_place(self, place_id: str) -> bool:
        row = self._db.execute("SELECT 1 FROM places WHERE id = ?", [place_id]).fetchone()
        return row is not None

    def other_mention_count(self, event_id: int, mention_id: int) -> int:
        """How many of the event's sources are not this one."""
        return self._db.execute(
            "SELECT count(*) FROM mentions WHERE event_id = ? AND id <> ?", [event_id, mention_id]
        ).fetchone()[0]

    def audit_records(self, limit: int = 200) -> list[dict]:
        """The latest audit lines, newest first."""
        rows = self._db.execute(
            f"SELECT {', '.join(AUDIT_FIELDS)} FROM audit ORDER BY id DESC LIMIT ?", [limit]
        ).fetchall()
        return [dict(zip(AUDIT_FIELDS, row, strict=True)) for row in rows]

    # -- writing rows -----------------------------------------------------------------
    def _insert_record(self, table: str, row: dict) -> int:
        columns = ", ".join(f'"{c}"' for c in _columns(table, row))
        marks = ", ".join("?" * len(row))
        cursor = self._db.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())
        )
        return cursor.lastrowid

    def _update_record(self, table: str, row_id: int, values: dict) -> None:
        assignments = ", ".join(f'"{c}" = ?' for c in _columns(table, values))
        self._db.execute(
            f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row_id]
        )

    def insert_event_record(self, row: dict) -> int:
        """A new events row from these columns; its id."""
        return self._insert_record("events", row)

    def insert_mention_record(self, row: dict) -> int:
        return self._insert_record("mentions", row)

    def insert_key_record(self, row: dict) -> None:
        self._insert_record("event_keys", row)

    def update_event_record(self, event_id: int, values: dict) -> None:
        """Set these columns of one event (nothing else is touched)."""
        if values:
            self._update_record("events", event_id, values)

    def write_event_record(self, row: dict) -> None:
        """The events row made exactly ``row``: updated if there, else inserted."""
        self._write_record("events", row)

    def write_mention_record(self, row: dict) -> None:
        self._write_record("mentions", row)

    def _write_record(self, table: str, row: dict) -> None:
        if self._record(table, row["id"]) is None:
            self._insert_record(table, row)
        else:
            self._update_record(table, row["id"], {c: v for c, v in row.items() if c != "id"})

    def move_mention(self, mention_id: int, event_id: int) -> None:
        self._db.execute("UPDATE mentions SET event_id = ? WHERE id = ?", [event_id, mention_id])

    def merge_event_into(self, keep_id: int, other_id: int) -> None:
        """The other event's sources and keys join ``keep_id``; the other is deleted.
        A source both events had is kept once."""
        self._db.execute(
            "UPDATE OR IGNORE mentions SET event_id = ? WHERE event_id = ?", [keep_id, other_id]
        )
        self._db.execute("DELETE FROM mentions WHERE event_id = ?", [other_id])  # duplicates
        self._db.execute(
            "UPDATE event_keys SET event_id = ? WHERE event_id = ?", [keep_id, other_id]
        )
        self._db.execute("UPDATE events SET edited = 1 WHERE id = ?", [keep_id])
        self._db.execute("DELETE FROM events WHERE id = ?", [other_id])

    def delete_mention(self, mention_id: int) -> None:
        self._db.execute("DELETE FROM mentions WHERE id = ?", [mention_id])

    def delete_keys_of(self, event_id: int) -> None:
        self._db.execute("DELETE FROM event_keys WHERE event_id = ?", [event_id])

    def delete_event(self, event_id: int) -> None:
        self._db.execute("DELETE FROM events WHERE id = ?", [event_id])

    def add_current_key(self, event_id: int) -> None:
        """The event's present place, status and date become one of its keys (once)."""
        self._db.execute(
            "INSERT INTO event_keys (event_id, place_id, status, date)"
            " SELECT id, place_id, status, date FROM events WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM event_keys k WHERE k.event_id = events.id"
            " AND k.place_id = events.place_id AND k.status = events.status"
            " AND k.date IS events.date)",
            [event_id],
        )

    def add_audit(self, at: str, user: str, action: str, event_id, before: str, after: str) -> None:
        self._db.execute(
            "INSERT INTO audit (at, user, action, event_id, before, after) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: E501
            [at, user, action, event_id, before, after],
        )
