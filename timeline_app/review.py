"""What an analyst does to events: edit, confirm, reject, add, merge, split.

Every operation is written at once, in one transaction, with a line in the
audit table (who, when, before, after), and returns a ``Change`` that can be
undone and redone.  A change keeps a snapshot of the rows it touched before
and after, so undo and redo restore rows instead of re-deriving inverses.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from dataclasses import dataclass, field

from .model import PRECISIONS, STATUSES
from .storage import Store, StoreError

_EVENT_FIELDS = (
    "id", "place_id", "status", "date", "end_date", "date_precision", "day", "end_day",
    "reviewed", "rejected", "edited", "manual", "note",
)  # fmt: skip
_MENTION_FIELDS = (
    "id", "event_id", "article_id", "quote", "start", "end",
    "source_status", "source_date", "source_precision",
)  # fmt: skip
_KEY_FIELDS = ("event_id", "place_id", "status", "date")
_EPOCH = dt.date(1970, 1, 1)
_NOT_GIVEN = object()


@dataclass
class Snapshot:
    """The rows of some events: the events, their quotes, their keys."""

    event_ids: set[int]
    events: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    keys: list[dict] = field(default_factory=list)


@dataclass
class Change:
    action: str
    description: str
    before: Snapshot
    after: Snapshot
    event_id: int | None  # the event to show once the change is made


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record the edit
        return "unknown"


def _day(date: str | None) -> int | None:
    return (dt.date.fromisoformat(date) - _EPOCH).days if date else None


class Review:
    def __init__(self, store: Store, user: str | None = None) -> None:
        self.store = store
        self.db = store.db
        self.user = user or _user()

    # -- the operations ---------------------------------------------------------------
    def edit(
        self, event_id: int, *, place_id=_NOT_GIVEN, status=_NOT_GIVEN, date=_NOT_GIVEN,
        precision=_NOT_GIVEN, note=_NOT_GIVEN,
    ) -> Change:  # fmt: skip
        """Change what an event says; new evidence for its new key joins it too."""
        current = self._event_row(event_id)
        changes = {
            name: value
            for name, value in (
                ("place_id", place_id), ("status", status), ("date", date),
                ("date_precision", precision), ("note", note),
            )
            if value is not _NOT_GIVEN and value != current[name]
        }  # fmt: skip
        self._validate(changes)
        if "date" in changes:
            changes["day"] = _day(changes["date"])
            if changes["date"] is None:
                changes["date_precision"] = "unknown"
            elif changes.get("date_precision", current["date_precision"]) == "unknown":
                changes["date_precision"] = "day"
        described = ", ".join(
            f"{k.replace('_', ' ')} {v!r}" for k, v in changes.items() if k != "day"
        )

        def apply() -> int:
            if changes:
                assignments = ", ".join(f"{name} = ?" for name in changes)
                self.db.execute(
                    f"UPDATE events SET {assignments}, edited = 1 WHERE id = ?",
                    [*changes.values(), event_id],
                )
                self._add_key(event_id)
            return event_id

        return self._change("edit", f"Edit event: {described or 'no change'}", {event_id}, apply)

    def set_reviewed(self, event_id: int, reviewed: bool = True) -> Change:
        label = "Confirm event" if reviewed else "Remove confirmation"
        return self._set_mark(
            event_id, "reviewed", reviewed, "confirm" if reviewed else "unconfirm", label
        )

    def set_rejected(self, event_id: int, rejected: bool = True) -> Change:
        label = "Reject event" if rejected else "Restore event"
        return self._set_mark(
            event_id, "rejected", rejected, "reject" if rejected else "restore", label
        )

    def _set_mark(self, event_id: int, column: str, value: bool, action: str, label: str) -> Change:
        self._event_row(event_id)  # a missing event is an error, not a silent no-op

        def apply() -> int:
            self.db.execute(f"UPDATE events SET {column} = ? WHERE id = ?", [int(value), event_id])
            return event_id

        return self._change(action, label, {event_id}, apply)

    def add_event(
        self, *, place_id: str, status: str, date: str | None, precision: str,
        article_id: int, start: int, end: int, note: str = "",
    ) -> Change:  # fmt: skip
        """An event the extractor missed, with the analyst's own evidence."""
        self._validate(
            {"place_id": place_id, "status": status, "date": date, "date_precision": precision}
        )
        text = self.store.article_text(article_id)
        if not 0 <= start < end <= len(text):
            raise StoreError("the selected text is not inside the article")
        if date is None:
            precision = "unknown"

        def apply() -> int:
            cursor = self.db.execute(
                "INSERT INTO events (place_id, status, date, date_precision, day, note, manual,"
                " reviewed) VALUES (?, ?, ?, ?, ?, ?, 1, 1)",
                [place_id, status, date, precision, _day(date), note or None],
            )
            event_id = cursor.lastrowid
            self.db.execute(
                "INSERT INTO mentions (event_id, article_id, quote, start, end, source_status,"
                " source_date, source_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [event_id, article_id, text[start:end], start, end, status, date, precision],
            )
            self._add_key(event_id)
            return event_id

        return self._change("add", f"Add event: {place_id} {status} {date}", set(), apply)

    def merge(self, keep_id: int, other_id: int) -> Change:
        """Two events that are one: the other's sources and keys join ``keep_id``."""
        if keep_id == other_id:
            raise StoreError("an event cannot be merged with itself")
        keep, other = self._event_row(keep_id), self._event_row(other_id)
        if keep["place_id"] != other["place_id"]:
            raise StoreError("only events of the same place can be merged")

        def apply() -> int:
            self.db.execute(
                "UPDATE OR IGNORE mentions SET event_id = ? WHERE event_id = ?", [keep_id, other_id]
            )
            self.db.execute("DELETE FROM mentions WHERE event_id = ?", [other_id])  # duplicates
            self.db.execute(
                "UPDATE event_keys SET event_id = ? WHERE event_id = ?", [keep_id, other_id]
            )
            self.db.execute("UPDATE events SET edited = 1 WHERE id = ?", [keep_id])
            self.db.execute("DELETE FROM events WHERE id = ?", [other_id])
            return keep_id

        return self._change("merge", "Merge events", {keep_id, other_id}, apply)

    def split(self, mention_id: int) -> Change:
        """One source off its event, into an event of its own with what that source said."""
        mention = self._row("mentions", _MENTION_FIELDS, mention_id)
        event = self._event_row(mention["event_id"])
        others = self.db.execute(
            "SELECT count(*) FROM mentions WHERE event_id = ? AND id <> ?",
            [event["id"], mention_id],
        ).fetchone()[0]
        if not others:
            raise StoreError("this is the event's only source: nothing to split off")

        def apply() -> int:
            status = mention["source_status"] or event["status"]
            date = mention["source_date"] if mention["source_status"] else event["date"]
            precision = mention["source_precision"] or event["date_precision"]
            cursor = self.db.execute(
                "INSERT INTO events (place_id, status, date, date_precision, day, edited)"
                " VALUES (?, ?, ?, ?, ?, 1)",
                [event["place_id"], status, date, precision, _day(date)],
            )
            self.db.execute(
                "UPDATE mentions SET event_id = ? WHERE id = ?", [cursor.lastrowid, mention_id]
            )
            self._add_key(cursor.lastrowid)
            return cursor.lastrowid

        return self._change("split", "Split a source off", {event["id"]}, apply)

    # -- undo and redo ------------------------------------------------------------------
    def undo(self, change: Change) -> None:
        with self.db.atomic():
            self._restore(change.before, remove=change.after.event_ids - change.before.event_ids)
            self._audit(f"undo {change.action}", change.event_id, change.after, change.before)

    def redo(self, change: Change) -> None:
        with self.db.atomic():
            self._restore(change.after, remove=change.before.event_ids - change.after.event_ids)
            self._audit(f"redo {change.action}", change.event_id, change.before, change.after)

    def history(self, limit: int = 200) -> list[dict]:
        rows = self.db.execute(
            "SELECT id, at, user, action, event_id, before, after FROM audit"
            " ORDER BY id DESC LIMIT ?",
            [limit],
        ).fetchall()
        keys = ("id", "at", "user", "action", "event_id", "before", "after")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    # -- machinery ----------------------------------------------------------------------
    def _change(self, action: str, description: str, touched: set[int], apply) -> Change:
        if self.store.readonly:
            raise StoreError(f"{self.store.path.name} is open read-only: events cannot be edited")
        with self.db.atomic():
            before = self.snapshot(touched)
            event_id = apply()
            after = self.snapshot((touched | {event_id}) - self._deleted(touched))
            self._audit(action, event_id, before, after)
        return Change(action, description, before, after, event_id)

    def _deleted(self, event_ids: set[int]) -> set[int]:
        return {i for i in event_ids if self._maybe_row("events", _EVENT_FIELDS, i) is None}

    def snapshot(self, event_ids: set[int]) -> Snapshot:
        snap = Snapshot(set(event_ids))
        for event_id in sorted(event_ids):
            row = self._maybe_row("events", _EVENT_FIELDS, event_id)
            if row is not None:
                snap.events.append(row)
            snap.mentions += self._rows("mentions", _MENTION_FIELDS, "event_id", event_id)
            snap.keys += self._rows("event_keys", _KEY_FIELDS, "event_id", event_id)
        return snap

    def _restore(self, snap: Snapshot, remove: set[int]) -> None:
        """Make the rows of these events exactly what the snapshot holds."""
        ids = snap.event_ids | remove
        for row in snap.events:  # events first: quotes may move to them
            if self._maybe_row("events", _EVENT_FIELDS, row["id"]) is None:
                self._insert("events", row)
            else:
                self._update("events", row)
        wanted = {m["id"] for m in snap.mentions}
        for row in snap.mentions:
            if self._maybe_row("mentions", _MENTION_FIELDS, row["id"]) is None:
                self._insert("mentions", row)
            else:
                self._update("mentions", row)
        for event_id in ids:
            for mention in self._rows("mentions", _MENTION_FIELDS, "event_id", event_id):
                if mention["id"] not in wanted:
                    self.db.execute("DELETE FROM mentions WHERE id = ?", [mention["id"]])
            self.db.execute("DELETE FROM event_keys WHERE event_id = ?", [event_id])
        for event_id in remove:
            self.db.execute("DELETE FROM events WHERE id = ?", [event_id])
        for key in snap.keys:
            self._insert("event_keys", key)

    def _add_key(self, event_id: int) -> None:
        self.db.execute(
            "INSERT INTO event_keys (event_id, place_id, status, date)"
            " SELECT id, place_id, status, date FROM events WHERE id = ?"
            " AND NOT EXISTS (SELECT 1 FROM event_keys k WHERE k.event_id = events.id"
            " AND k.place_id = events.place_id AND k.status = events.status"
            " AND k.date IS events.date)",
            [event_id],
        )

    def _audit(self, action: str, event_id, before: Snapshot, after: Snapshot) -> None:
        self.db.execute(
            "INSERT INTO audit (at, user, action, event_id, before, after) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: E501
            [
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), self.user, action,
                event_id, json.dumps(before.events), json.dumps(after.events),
            ],
        )  # fmt: skip

    def _validate(self, changes: dict) -> None:
        if "status" in changes and changes["status"] not in STATUSES:
            raise StoreError(f"unknown status {changes['status']!r}")
        if "date_precision" in changes and changes["date_precision"] not in PRECISIONS:
            raise StoreError(f"unknown date precision {changes['date_precision']!r}")
        if changes.get("date") is not None:
            try:
                dt.date.fromisoformat(changes["date"])
            except ValueError as exc:
                raise StoreError(f"{changes['date']!r} is not a date (YYYY-MM-DD)") from exc
        if (
            "place_id" in changes
            and self._maybe_row("places", ("id",), changes["place_id"]) is None
        ):
            raise StoreError(f"unknown place {changes['place_id']!r}")

    def _event_row(self, event_id: int) -> dict:
        row = self._maybe_row("events", _EVENT_FIELDS, event_id)
        if row is None:
            raise StoreError(f"no event with id {event_id}")
        return row

    def _row(self, table: str, fields, key) -> dict:
        row = self._maybe_row(table, fields, key)
        if row is None:
            raise StoreError(f"no row {key} in {table}")
        return row

    def _maybe_row(self, table: str, fields, key) -> dict | None:
        row = self.db.execute(
            f"SELECT {', '.join(fields)} FROM {table} WHERE id = ?", [key]
        ).fetchone()
        return dict(zip(fields, row, strict=True)) if row else None

    def _rows(self, table: str, fields, column: str, value) -> list[dict]:
        rows = self.db.execute(
            f"SELECT {', '.join(fields)} FROM {table} WHERE {column} = ? ORDER BY rowid", [value]
        ).fetchall()
        return [dict(zip(fields, row, strict=True)) for row in rows]

    def _insert(self, table: str, row: dict) -> None:
        columns = ", ".join(f'"{c}"' for c in row)
        marks = ", ".join("?" * len(row))
        self.db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))

    def _update(self, table: str, row: dict) -> None:
        assignments = ", ".join(f'"{c}" = ?' for c in row if c != "id")
        values = [v for c, v in row.items() if c != "id"]
        self.db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values, row["id"]])
