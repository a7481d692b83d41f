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
    clauses, params = ["1"], []
    f = event_filter
    if f.statuses:
        clauses.append(f"e.status IN ({', '.join('?' * len(f.statuses))})")
        params += sorted(f.statuses)
    if f.province:
        clauses.append("p.province = ?")
        params.append(f.province)
    if f.date_from:
        clauses.append("e.date >= ?")
        params.append(f.date_from.isoformat())
    if f.date_to:
        clauses.append("e.date <= ?")
        params.append(f.date_to.isoformat())
    if f.outlet:
        clauses.append(
            "EXISTS (SELECT 1 FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE m.event_id = e.id AND a.outlet = ?)"
        )
        params.append(f.outlet)
    clauses.append({"reviewed": "e.reviewed = 1", "not_reviewed": "e.reviewed = 0",
                    "rejected": "e.rejected = 1"}.get(f.review, "1"))  # fmt: skip
    if f.review != "rejected":
        clauses.append("e.rejected = 0")
    rows = store.db.execute(
        "SELECT e.id FROM events e JOIN places p ON p.id = e.place_id WHERE "
        + " AND ".join(clauses),
        params,
    ).fetchall()
    ids = {row[0] for row in rows}
    if f.review == "disagree":
        ids &= store.disagreeing_event_ids() if disagree is None else disagree
    if f.text.strip():
        ids &= _text_matches(store, f.text)
    return ids


def _text_matches(store, text: str) -> set[int]:
    """Events whose quotes contain the words, or whose articles match the search."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    quote_clause = " AND ".join("m.quote LIKE ? ESCAPE '\\'" for _ in words)
    patterns = [
        "%" + w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for w in words
    ]
    in_quotes = store.db.execute(
        f"SELECT DISTINCT m.event_id FROM mentions m WHERE {quote_clause}", patterns
    ).fetchall()
    articles = store.search_articles(text, limit=10_000)
    in_articles = set()
    if articles:
        marks = ", ".join("?" * len(articles))
        in_articles = {
            row[0]
            for row in store.db.execute(
                f"SELECT DISTINCT event_id FROM mentions WHERE article_id IN ({marks})", articles
            ).fetchall()
        }
    return {row[0] for row in in_quotes} | in_articles
