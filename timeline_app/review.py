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

from .model import PRECISIONS, STATUSES, day_number
from .storage import Store, StoreError

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


# What ``storage.disagreement`` reads of an event and of a quote.
_EVENT_INPUTS = ("id", "place_id", "day", "status", "rejected")
_MENTION_INPUTS = ("id", "event_id", "source_status", "source_date")


def _disagreement_inputs(snap: Snapshot) -> tuple:
    """What whose sources disagree depends on, of the snapshot's rows."""
    return (
        snap.event_ids,
        sorted(tuple(row[k] for k in _EVENT_INPUTS) for row in snap.events),
        sorted(tuple(row[k] for k in _MENTION_INPUTS) for row in snap.mentions),
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still record the edit
        return "unknown"


class Review:
    def __init__(self, store: Store, user: str | None = None) -> None:
        self.store = store
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
            changes["day"] = day_number(changes["date"])
            if changes["date"] is None:
                changes["date_precision"] = "unknown"
            elif changes.get("date_precision", current["date_precision"]) == "unknown":
                changes["date_precision"] = "day"
        described = ", ".join(
            f"{k.replace('_', ' ')} {v!r}" for k, v in changes.items() if k != "day"
        )

        def apply() -> int:
            if changes:
                self.store.update_event_record(event_id, {**changes, "edited": 1})
                self.store.add_current_key(event_id)
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
            self.store.update_event_record(event_id, {column: int(value)})
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
            event_id = self.store.insert_event_record({
                "place_id": place_id, "status": status, "date": date,
                "date_precision": precision, "day": day_number(date), "note": note or None,
                "manual": 1, "reviewed": 1,
            })  # fmt: skip
            self.store.insert_mention_record({
                "event_id": event_id, "article_id": article_id, "quote": text[start:end],
                "start": start, "end": end, "source_status": status, "source_date": date,
                "source_precision": precision,
            })  # fmt: skip
            self.store.add_current_key(event_id)
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
            self.store.merge_event_into(keep_id, other_id)
            return keep_id

        return self._change("merge", "Merge events", {keep_id, other_id}, apply)

    def split(self, mention_id: int) -> Change:
        """One source off its event, into an event of its own with what that source said."""
        mention = self.store.mention_record(mention_id)
        if mention is None:
            raise StoreError(f"no row {mention_id} in mentions")
        event = self._event_row(mention["event_id"])
        if not self.store.other_mention_count(event["id"], mention_id):
            raise StoreError("this is the event's only source: nothing to split off")

        def apply() -> int:
            status = mention["source_status"] or event["status"]
            date = mention["source_date"] if mention["source_status"] else event["date"]
            precision = mention["source_precision"] or event["date_precision"]
            new_id = self.store.insert_event_record({
                "place_id": event["place_id"], "status": status, "date": date,
                "date_precision": precision, "day": day_number(date), "edited": 1,
            })  # fmt: skip
            self.store.move_mention(mention_id, new_id)
            self.store.add_current_key(new_id)
            return new_id

        return self._change("split", "Split a source off", {event["id"]}, apply)

    # -- undo and redo ------------------------------------------------------------------
    def undo(self, change: Change) -> None:
        with self.store.atomic():
            self._restore(change.before, remove=change.after.event_ids - change.before.event_ids)
            self._refresh_disagreement(change.after, change.before)
            self._audit(f"undo {change.action}", change.event_id, change.after, change.before)

    def redo(self, change: Change) -> None:
        with self.store.atomic():
            self._restore(change.after, remove=change.before.event_ids - change.after.event_ids)
            self._refresh_disagreement(change.before, change.after)
            self._audit(f"redo {change.action}", change.event_id, change.before, change.after)

    def history(self, limit: int = 200) -> list[dict]:
        return self.store.audit_records(limit)

    # -- machinery ----------------------------------------------------------------------
    def _change(self, action: str, description: str, touched: set[int], apply) -> Change:
        if self.store.readonly:
            raise StoreError(f"{self.store.path.name} is open read-only: events cannot be edited")
        with self.store.atomic():
            before = self.snapshot(touched)
            event_id = apply()
            after = self.snapshot((touched | {event_id}) - self._deleted(touched))
            self._refresh_disagreement(before, after)
            self._audit(action, event_id, before, after)
        return Change(action, description, before, after, event_id)

    def _refresh_disagreement(self, before: Snapshot, after: Snapshot) -> None:
        """Whose sources disagree changes with the events' places, days, statuses,
        rejection and quotes; not with a confirmation or a note, whose change is
        left at that (recomputing the place's neighbourhood took 10-40 ms of the
        window's GUI thread at each confirm, its undo and its redo at 1M events)."""
        if _disagreement_inputs(before) == _disagreement_inputs(after):
            return
        rows = before.events + after.events
        self.store.refresh_disagreement(
            [(row["place_id"], row["day"]) for row in rows],
            before.event_ids | after.event_ids | {row["id"] for row in rows},
        )

    def _deleted(self, event_ids: set[int]) -> set[int]:
        return {i for i in event_ids if self.store.event_record(i) is None}

    def snapshot(self, event_ids: set[int]) -> Snapshot:
        snap = Snapshot(set(event_ids))
        for event_id in sorted(event_ids):
            row = self.store.event_record(event_id)
            if row is not None:
                snap.events.append(row)
            snap.mentions += self.store.mention_records_of(event_id)
            snap.keys += self.store.key_records_of(event_id)
        return snap

    def _restore(self, snap: Snapshot, remove: set[int]) -> None:
        """Make the rows of these events exactly what the snapshot holds."""
        ids = snap.event_ids | remove
        for row in snap.events:  # events first: quotes may move to them
            self.store.write_event_record(row)
        wanted = {m["id"] for m in snap.mentions}
        for row in snap.mentions:
            self.store.write_mention_record(row)
        for event_id in ids:
            for mention in self.store.mention_records_of(event_id):
                if mention["id"] not in wanted:
                    self.store.delete_mention(mention["id"])
            self.store.delete_keys_of(event_id)
        for event_id in remove:
            self.store.delete_event(event_id)
        for key in snap.keys:
            self.store.insert_key_record(key)

    def _audit(self, action: str, event_id, before: Snapshot, after: Snapshot) -> None:
        self.store.add_audit(
            dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), self.user, action,
            event_id, json.dumps(before.events), json.dumps(after.events),
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
        if "place_id" in changes and not self.store.has_place(changes["place_id"]):
            raise StoreError(f"unknown place {changes['place_id']!r}")

    def _event_row(self, event_id: int) -> dict:
        row = self.store.event_record(event_id)
        if row is None:
            raise StoreError(f"no event with id {event_id}")
        return row
