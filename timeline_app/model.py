"""Plain data passed between the stages: file -> article -> sentences -> events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import statuses

STATUSES = statuses.NAMES  # the table of statuses is statuses.TABLE
PRECISIONS = ("day", "week", "month", "unknown")
EPOCH = dt.date(1970, 1, 1)  # day numbers (``events.day``) and timeline x count from here


def day_number(date: dt.date | str | None) -> int | None:
    """Days since EPOCH of a date (or an ISO date string); None for no date."""
    if not date:
        return None
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return (date - EPOCH).days


@dataclass(frozen=True)
class Place:
    """A place that gets a lane on the timeline (for Afghanistan: a provincial capital)."""

    id: str
    name: str
    province: str
    country: str
    iso_code: str = ""
    lat: float | None = None
    lon: float | None = None
    is_national_capital: bool = False


@dataclass
class Article:
    """One imported article; ``text`` is exactly what is stored and what offsets index."""

    text: str
    title: str = ""
    outlet: str = ""
    published: dt.date | None = None
    url: str = ""
    source_path: str = ""
    content_hash: str = ""
    dateline: str = ""
    flags: list[str] = field(default_factory=list)
    # where ``published`` came from when not from the article or the user:
    # "other reports" (a lower bound: see services.date_from_other_reports)
    published_basis: str | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text, resolved to a calendar date."""

    start: int
    end: int
    date: dt.date | None
    precision: str
    end_date: dt.date | None = None
    relative_to_event: bool = False
    offset_days: int = 0  # for relative_to_event: days after (+) or before (-) the anchor
    year_inferred: bool = False  # the mention gave no year: a heading, the article or period did


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    place_id: str
    province_level: bool = False
    spelled: bool = False  # another spelling of the name, one letter off ("Daikandi")


@dataclass(frozen=True)
class Evidence:
    """The sentence that reported an event, with offsets into ``Article.text``.

    ``because`` names the rules that made and changed the event from this
    sentence, each with the words it matched: (("capture verb", "seized"), ...).
    """

    quote: str
    start: int
    end: int
    because: tuple[tuple[str, str], ...] = field(default=(), compare=False)


@dataclass
class Event:
    place_id: str
    status: str
    date: dt.date | None
    precision: str
    end_date: dt.date | None = None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, dt.date | None]:
        return (self.place_id, self.status, self.date)
