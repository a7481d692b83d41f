"""The map of an offensive: a country's provinces, where its places are, and
what state each place is in on a given day.

The outlines ship with the app (``data/maps/XX.json``, from Natural Earth's
public-domain admin-1 boundaries; ``data/maps/README.md`` says how they are
made).  Which map a database gets follows from its places' ISO 3166-2 codes,
so a database made for another country shows that country without asking.

A place's state on day D:

* the latest change of control (``consensus.Change``) dated on or before D:
  fallen (captured, surrendered) or retaken, since its date;
* else, or after a retaking, a threat (contested, besieged) reported in the
  ``THREAT_DAYS`` up to D;
* else no state: nothing reported it changing hands by then.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import statuses
from .model import Place
from .paths import package_data

THREAT_DAYS = 14


@dataclass(frozen=True)
class Province:
    iso: str
    name: str
    rings: tuple[np.ndarray, ...]  # each (n, 2): longitude, latitude


@dataclass(frozen=True)
class CountryMap:
    country: str  # ISO 3166-1 alpha-2
    source: str
    note: str
    provinces: tuple[Province, ...]
    outline: tuple[np.ndarray, ...]  # the country's border, as lines (n, 2)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """West, south, east, north."""
        points = np.concatenate(self.outline or [r for p in self.provinces for r in p.rings])
        return (
            float(points[:, 0].min()), float(points[:, 1].min()),
            float(points[:, 0].max()), float(points[:, 1].max()),
        )  # fmt: skip


def _points(flat: list[int], scale: float) -> np.ndarray:
    return np.asarray(flat, dtype=float).reshape(-1, 2) / scale


@lru_cache(maxsize=8)
def shipped_map(country: str) -> CountryMap | None:
    """The map that ships for ``country`` (ISO alpha-2), or None."""
    if not (len(country) == 2 and country.isalpha()):
        return None
    path = package_data() / "maps" / f"{country.upper()}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    scale = float(data["scale"])
    provinces = tuple(
        Province(p["iso"], p["name"], tuple(_points(r, scale) for r in p["rings"]))
        for p in data["provinces"]
    )
    outline = tuple(_points(line, scale) for line in data["outline"])
    return CountryMap(data["country"], data["source"], data.get("note", ""), provinces, outline)


def shipped_countries() -> list[str]:
    return sorted(path.stem for path in (package_data() / "maps").glob("??.json"))


def country_of(places: Iterable[Place]) -> str | None:
    """The country most of ``places`` are in, by their ISO 3166-2 codes, else (an
    analyst's places file need not give codes) by the name of a country whose map
    ships."""
    places = list(places)
    codes = Counter(p.iso_code.split("-")[0].upper() for p in places if "-" in p.iso_code)
    if not codes:
        codes = Counter(code for code in map(code_of_country, (p.country for p in places))
                        if code)  # fmt: skip
    return codes.most_common(1)[0][0] if codes else None


def code_of_country(name: str) -> str | None:
    """The ISO code of a country the app ships a map of, by the name its places files
    give it ("Syria" -> "SY"), or None."""
    return _codes_by_country().get((name or "").strip().casefold())


def in_country(place: Place, country: str) -> bool:
    """Whether ``place`` lies in ``country`` (an ISO code), by its code or its country."""
    if place.iso_code:
        return place.iso_code.upper().startswith(country + "-")
    return code_of_country(place.country) == country


@lru_cache(maxsize=1)
def _codes_by_country() -> dict[str, str]:
    """Each shipped places file's country name, lower-cased, with its ISO code."""
    found = {}
    for path in package_data().glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = (row.get("iso_code") or "").split("-")[0].upper()
                country = (row.get("country") or "").strip().casefold()
                if code and country:
                    found.setdefault(country, code)
                break
    return found


def map_for(places: Iterable[Place]) -> CountryMap | None:
    country = country_of(places)
    return shipped_map(country) if country else None


@dataclass(frozen=True)
class Projection:
    """Longitude and latitude to pixels: equirectangular, shrunk east-west by the
    cosine of the middle latitude so that the country keeps its shape, fitted
    into the rectangle ``(left, top, width, height)``."""

    west: float
    north: float
    factor: float  # pixels per degree of latitude
    squeeze: float  # cos(middle latitude)
    left: float
    top: float

    @classmethod
    def fit(cls, bounds, left: float, top: float, width: float, height: float) -> Projection:
        west, south, east, north = bounds
        squeeze = math.cos(math.radians((south + north) / 2))
        span_x = max((east - west) * squeeze, 1e-6)
        span_y = max(north - south, 1e-6)
        factor = min(width / span_x, height / span_y)
        # centre the country in the rectangle
        left += (width - span_x * factor) / 2
        top += (height - span_y * factor) / 2
        return cls(west, north, factor, squeeze, left, top)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (
            self.left + (lon - self.west) * self.squeeze * self.factor,
            self.top + (self.north - lat) * self.factor,
        )

    def many(self, points: np.ndarray) -> np.ndarray:
        out = np.empty_like(points, dtype=float)
        out[:, 0] = self.left + (points[:, 0] - self.west) * self.squeeze * self.factor
        out[:, 1] = self.top + (self.north - points[:, 1]) * self.factor
        return out


@dataclass(frozen=True)
class PlaceState:
    place: Place
    status: str | None  # a status of statuses.TABLE, or None: no change reported by then
    since: dt.date | None
    sources: int = 0


class StateIndex:
    """Each place's changes and threat days, sorted once, so that the state of
    every place on any day is a binary search (playing the map asks for one day
    after another; a million reports must not be read again at every step)."""

    def __init__(self, places: Iterable[Place], changes, reports: Iterable[dict]) -> None:
        self.places = list(places)
        threats = set(statuses.named("threat"))
        self._changes: dict[str, list] = {}
        for change in sorted(changes, key=lambda c: c.date):
            self._changes.setdefault(change.place_id, []).append(change)
        self._change_days = {
            pid: [c.date for c in place_changes] for pid, place_changes in self._changes.items()
        }
        threat_days: dict[str, dict[dt.date, str]] = {}
        for report in reports:
            if report["status"] in threats and report["date"]:
                day = dt.date.fromisoformat(report["date"])
                threat_days.setdefault(report["place_id"], {})[day] = report["status"]
        self._threats = {pid: sorted(days.items()) for pid, days in threat_days.items()}
        self._threat_days = {pid: [d for d, _ in items] for pid, items in self._threats.items()}

    def changes_of(self, place_id: str) -> list:
        return list(self._changes.get(place_id, []))

    def held(self) -> list:
        """Most of what the index holds (each place's threat days), in one list
        of the caller's own, to let go of a slice at a time: the 25,000 threat
        days of a million reports, freed at once with the index, held the
        interpreter 90 ms (pinned memory given back to the system)."""
        return [threat for threats in self._threats.values() for threat in threats]

    def take_threats(self, other: StateIndex, place_ids) -> None:
        """The threats ``other`` knows of its places outside ``place_ids``."""
        for place_id, threats in other._threats.items():
            if place_id not in place_ids:
                self._threats[place_id] = threats
                self._threat_days[place_id] = other._threat_days[place_id]

    def at(self, day: dt.date) -> list[PlaceState]:
        states = []
        for place in self.places:
            change = None
            days = self._change_days.get(place.id)
            if days:
                index = bisect_right(days, day)
                change = self._changes[place.id][index - 1] if index else None
            threat = None
            days = self._threat_days.get(place.id)
            if days:
                index = bisect_right(days, day)
                if index and days[index - 1] > day - dt.timedelta(days=THREAT_DAYS):
                    threat = self._threats[place.id][index - 1]
            if change is not None and statuses.of(change.status).control == "fall":
                states.append(PlaceState(place, change.status, change.date, change.sources))
            elif threat is not None and (change is None or threat[0] > change.date):
                states.append(PlaceState(place, threat[1], threat[0]))
            elif change is not None:
                states.append(PlaceState(place, change.status, change.date, change.sources))
            else:
                states.append(PlaceState(place, None, None))
        return states


def states_at(places: Iterable[Place], changes, reports: Iterable[dict], day: dt.date):
    """Each place's state on ``day`` (see the module's docstring).  ``changes``
    are ``consensus.Change``s, ``reports`` as ``Store.control_reports`` gives."""
    return StateIndex(places, changes, reports).at(day)


def summary(states: list[PlaceState]) -> str:
    """ "9 of 34 fallen · 3 threatened" for the map's caption."""
    fallen = sum(1 for s in states if s.status and statuses.of(s.status).control == "fall")
    threatened = sum(1 for s in states if s.status and statuses.of(s.status).control == "threat")
    retaken = sum(1 for s in states if s.status and statuses.of(s.status).control == "retake")
    parts = [f"{fallen} of {len(states)} fallen"]
    if threatened:
        parts.append(f"{threatened} threatened")
    if retaken:
        parts.append(f"{retaken} retaken")
    return " · ".join(parts)


@dataclass
class MapContent:
    """What a map of a database draws: its country's outline, the places of that
    country, the changes of control, the period, and (read from the reports once,
    which are then let go) each place's state by day and first event."""

    country_map: CountryMap | None
    places: list[Place]
    changes: list
    period: tuple[dt.date, dt.date] | None
    index: StateIndex
    first_event: dict[str, int]  # place id -> its earliest reported event

    @classmethod
    def of(cls, country_map, places, changes, reports, period) -> MapContent:
        # one pass, no sort: a sort of a million reports would hold the interpreter
        # for a second, and with it the window, while the map is read in the background
        first: dict[str, tuple[str, int]] = {}
        for report in reports:
            key = (report["date"] or "9999", report["event_id"])
            seen = first.get(report["place_id"])
            if seen is None or key < seen:
                first[report["place_id"]] = key
        first_event = {place_id: key[1] for place_id, key in first.items()}
        index = StateIndex(places, changes, reports)
        return cls(country_map, places, changes, period, index, first_event)

    def held(self) -> list[list]:
        """Lists of the caller's own holding most of this map's objects (its
        changes, its threat days), to empty a slice at a time in the background
        before the map itself is let go."""
        return [list(self.changes), self.index.held()]

    def with_changes_of(self, place_ids, changes, reports: list[dict]) -> MapContent:
        """This map after an edit of the places ``place_ids``: ``changes`` every
        place's changes of control now, ``reports`` those places' reports (the
        others' threats and first events stay as they were read)."""
        fresh = MapContent.of(self.country_map, self.places, changes, reports, self.period)
        fresh.index.take_threats(self.index, place_ids)
        first_event = {
            **{k: v for k, v in self.first_event.items() if k not in place_ids},
            **fresh.first_event,
        }
        return MapContent(
            self.country_map, self.places, changes, self.period, fresh.index, first_event
        )

    @classmethod
    def empty(cls) -> MapContent:
        return cls.of(None, [], [], [], None)

    def changes_of(self, place_id: str) -> list:
        """The place's changes of control, by date."""
        return self.index.changes_of(place_id)

    @property
    def country_name(self) -> str:
        return self.places[0].country if self.places else ""

    def default_day(self) -> dt.date | None:
        """The last day anything changed hands, else the period's end."""
        last = max((c.date for c in self.changes), default=None)
        return last or (self.period[1] if self.period else None)

    def states(self, day: dt.date) -> list[PlaceState]:
        """Each place's state on ``day``."""
        return self.index.at(day)

    def days(self) -> list[dt.date]:
        if self.period is None:
            return []
        first, last = self.period
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def content(store, periods: dict, changes=None, reports=None, places=None) -> MapContent:
    """The map of ``store``'s country for ``periods`` (as ``consensus.default_periods``);
    ``changes`` and ``reports`` when the caller already has them; ``places``: the
    database's, or (a new database holds none yet) those of its places file."""
    from .consensus import changes_of_control, spanning

    reports = store.control_reports() if reports is None else reports
    changes = changes_of_control(reports, period=periods) if changes is None else changes
    places = store.places() or list(places or [])
    country = country_of(places)
    if country is not None:
        places = [p for p in places if in_country(p, country)]
    period = spanning(periods)
    if period is None and changes:
        period = (min(c.date for c in changes), max(c.date for c in changes))
    country_map = shipped_map(country) if country else None
    return MapContent.of(country_map, places, changes, reports, period)
