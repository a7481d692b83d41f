"""Events as the store writes them, made where they are extracted.

An import's workers extract the events and the writer stores them; what
crosses between the two processes is what the writer needs and nothing
more: per event its columns as stored (dates in ISO form, day numbers) and
its quotes with their rules already in JSON.  Plain tuples of strings and
numbers cost the writer, which shares two cores with the workers, a fraction
of what the events' objects do to unpickle, and the work of turning events
into rows is done beside the other extraction, not in the one writer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..model import Event, day_number


class EventRows(tuple):
    """``event_rows``: one row an event, (place id, status, date, end date,
    precision, day, end day, mentions), each mention (quote, start, end,
    because as JSON)."""

    __slots__ = ()


def event_rows(events: Iterable[Event]) -> EventRows:
    rows = []
    for event in events:
        date, end_date = event.date, event.end_date
        rows.append((
            event.place_id, event.status,
            date.isoformat() if date else None,
            end_date.isoformat() if end_date else None,
            event.precision, day_number(date), day_number(end_date),
            tuple(
                (e.quote, e.start, e.end, json.dumps([list(pair) for pair in e.because]))
                for e in event.evidence
            ),
        ))  # fmt: skip
    return EventRows(rows)
