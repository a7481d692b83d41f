"""One filter for the timeline and the table together: status, province, dates,
outlet, review state and a full-text search over quotes and articles."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

REVIEW_STATES = {
    "all": "All events",
    "not_reviewed": "Not reviewed",
    "reviewed": "Reviewed",
    "disagree": "Sources disagree",
    "rejected": "Rejected",
}


@dataclass(frozen=True)
class EventFilter:
    statuses: frozenset[str] = field(default_factory=frozenset)  # empty: every status
    province: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    outlet: str = ""
    review: str = "all"
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == EventFilter()


def matching_event_ids(
    store, event_filter: EventFilter, disagree: set[int] | None = None
) -> set[int] | None:
    """Ids of the events the filter lets through; None when it lets everything through
    (rejected events are kept out unless asked for).

    :param disagree: ``store.disagreeing_event_ids()`` if the caller has it already
    """
    if event_filter.is_empty:
        return None
    f = event_filter
    ids = store.filtered_event_ids(
        statuses=f.statuses, province=f.province, date_from=f.date_from, date_to=f.date_to,
        outlet=f.outlet, review=f.review,
    )  # fmt: skip
    if f.review == "disagree":
        ids &= store.disagreeing_event_ids() if disagree is None else disagree
    if f.text.strip():
        ids &= _text_matches(store, f.text)
    return ids


def _text_matches(store, text: str) -> set[int]:
    """Events whose quotes contain the words, or whose articles match the search."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    articles = store.search_articles(text, limit=10_000)
    return store.event_ids_quoting(words) | store.event_ids_of_articles(articles)
