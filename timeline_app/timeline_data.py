"""The events as numpy arrays, ready to draw: one lane per place, sorted by time.

Kept out of the GUI so that the view, the PNG export and the benchmarks share
one loader, and so that it is tested without Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from . import statuses
from .model import EPOCH, STATUSES, day_number
from .storage import NO_END_DAY

DAY = 86400.0
REVIEWED, DISAGREE, REJECTED = 1, 2, 4
LANE_ORDERS = {
    "first_capture": "First capture",
    "name": "Name",
    "north_south": "North to south",
    "province": "Province",
}


@dataclass
class Lane:
    place_rowid: int
    place_id: str
    name: str
    province: str
    lat: float | None


@dataclass
class TimelineData:
    """Dated events sorted by ``x`` (seconds since 1970, noon UTC of the day)."""

    lanes: list[Lane] = field(default_factory=list)
    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, "i8"))
    x: np.ndarray = field(default_factory=lambda: np.zeros(0, "f8"))
    lane: np.ndarray = field(default_factory=lambda: np.zeros(0, "i4"))
    status: np.ndarray = field(default_factory=lambda: np.zeros(0, "i1"))
    end: np.ndarray = field(default_factory=lambda: np.zeros(0, "f8"))  # NaN: no span
    flags: np.ndarray = field(default_factory=lambda: np.zeros(0, "i1"))  # REVIEWED | ...
    undated: int = 0
    # The consensus view: independent sources behind each marker, and the range
    # of dates the dissenting reports give (NaN: none).  Empty in the evidence view.
    sources: np.ndarray = field(default_factory=lambda: np.zeros(0, "i4"))
    low: np.ndarray = field(default_factory=lambda: np.zeros(0, "f8"))
    high: np.ndarray = field(default_factory=lambda: np.zeros(0, "f8"))
    hidden: int = 0  # reports left out: outside the period

    @property
    def consensus(self) -> bool:
        return len(self.sources) == len(self.x) and len(self.x) > 0

    def __len__(self) -> int:
        return len(self.x)

    def span(self) -> tuple[float, float]:
        if not len(self):
            today = dt.datetime(2021, 8, 1, tzinfo=dt.UTC).timestamp()
            return today, today + 30 * DAY
        ends = self.end[~np.isnan(self.end)]
        last = max(self.x[-1], ends.max()) if len(ends) else self.x[-1]
        return float(self.x[0]), float(last)

    def index_of(self, event_id: int) -> int | None:
        hits = np.flatnonzero(self.ids == event_id)
        return int(hits[0]) if len(hits) else None


def to_x(date: dt.date) -> float:
    return day_number(date) * DAY + DAY / 2


def from_x(x: float) -> dt.datetime:
    return dt.datetime.combine(EPOCH, dt.time(), dt.UTC) + dt.timedelta(seconds=float(x))


def load(
    store,
    order: str = "first_capture",
    *,
    only: set[int] | None = None,
    disagree: set[int] | None = None,
    include_rejected: bool = False,
) -> TimelineData:
    """Read the drawable events of a ``Store``.

    :param only: event ids to keep (a filter's result); None keeps all
    :param disagree: ids of events whose sources disagree, flagged for drawing
    """
    table = store.dated_event_table(include_rejected=include_rejected)
    undated = store.undated_count(include_rejected=include_rejected)
    if only is not None:
        table = table[np.isin(table["id"], np.fromiter(only, dtype="i8", count=len(only)))]
    flags = (table["reviewed"] * REVIEWED + table["rejected"] * REJECTED).astype("i1")
    if disagree:
        marks = np.isin(table["id"], np.fromiter(disagree, dtype="i8", count=len(disagree)))
        flags[marks] |= DISAGREE
    by_day = np.argsort(table["day"], kind="stable")
    table, flags = table[by_day], flags[by_day]
    lanes = _lanes(store, table, order)
    lookup = np.full(int(table["place"].max()) + 1 if len(table) else 1, -1, dtype="i4")
    for index, lane in enumerate(lanes):
        lookup[lane.place_rowid] = index
    end = np.where(table["end_day"] > NO_END_DAY / 2, table["end_day"] * DAY + DAY / 2, np.nan)
    return TimelineData(
        lanes=lanes,
        ids=table["id"].copy(),
        x=table["day"] * DAY + DAY / 2,
        lane=lookup[table["place"]] if len(table) else np.zeros(0, "i4"),
        status=table["status"].copy(),
        end=end,
        flags=flags,
        undated=undated,
    )


def with_events_replaced(
    data: TimelineData, table: np.ndarray, event_ids, disagree: np.ndarray, undated: int,
    order: str = "first_capture", new_lanes: list[Lane] = (),
) -> TimelineData:  # fmt: skip
    """``data`` (as ``load`` read it) after an edit of the events ``event_ids``:
    those of them still drawn as ``table`` (``Store.dated_event_table`` of
    those ids) now holds them, every event's "sources disagree" flag from
    ``disagree`` (sorted ids), ``undated`` events not drawn, the lanes in
    ``order`` (``LANE_ORDERS``), ``new_lanes`` those of the places in
    ``table`` that ``data`` has no lane for.
    Numpy over whole arrays, no Python loop per event: an edit of a million
    events' timeline in tens of milliseconds, instead of reading it again."""
    known = {lane.place_rowid for lane in data.lanes}
    data_lanes = data.lanes + [lane for lane in new_lanes if lane.place_rowid not in known]
    lane_of = {lane.place_rowid: index for index, lane in enumerate(data_lanes)}
    keep = ~np.isin(data.ids, np.fromiter(event_ids, dtype="i8", count=len(event_ids)))
    end = np.where(table["end_day"] > NO_END_DAY / 2, table["end_day"] * DAY + DAY / 2, np.nan)
    columns = {
        "ids": (data.ids[keep], table["id"]),
        "x": (data.x[keep], table["day"] * DAY + DAY / 2),
        "lane": (data.lane[keep], np.array([lane_of[int(p)] for p in table["place"]], "i4")),
        "status": (data.status[keep], table["status"]),
        "end": (data.end[keep], end),
        "flags": (
            data.flags[keep] & ~DISAGREE,
            (table["reviewed"] * REVIEWED + table["rejected"] * REJECTED).astype("i1"),
        ),
    }
    arrays = {
        name: np.concatenate([old, new.astype(old.dtype)]) for name, (old, new) in columns.items()
    }
    by_day = np.argsort(arrays["x"], kind="stable")
    arrays = {name: values[by_day] for name, values in arrays.items()}
    arrays["flags"][np.isin(arrays["ids"], disagree)] |= DISAGREE
    # The lanes of the events left, in the order a reading gives them.
    def firsts(mask=None) -> dict:
        lanes = arrays["lane"] if mask is None else arrays["lane"][mask]
        used, first = np.unique(lanes, return_index=True)
        xs = arrays["x"] if mask is None else arrays["x"][mask]
        return {data_lanes[i].place_rowid: x for i, x in zip(used.tolist(), xs[first].tolist(),
                                                               strict=True)}  # fmt: skip

    first_any = firsts()
    first_fall = firsts(np.isin(arrays["status"], _FALL_CODES))
    lanes = _in_order([lane for lane in data_lanes if lane.place_rowid in first_any],
                      first_any, first_fall, order)  # fmt: skip
    position = {lane.place_rowid: index for index, lane in enumerate(lanes)}
    renumber = np.array([position.get(lane.place_rowid, -1) for lane in data_lanes], dtype="i4")
    arrays["lane"] = renumber[arrays["lane"]] if len(renumber) else arrays["lane"]
    return TimelineData(lanes=lanes, undated=undated, **arrays)


THREATS = statuses.named("threat")


def from_changes(
    changes, evidence: TimelineData | None = None, order: str = "first_capture",
    *, reviewed: set[int] = frozenset(),
) -> TimelineData:  # fmt: skip
    """The consensus view: one marker per change of control (``consensus.Change``)
    with its number of sources and the range its dissent spans, beside the
    threats and fighting of ``evidence`` (the evidence view's data), which are
    states, not changes."""
    lanes: dict[str, Lane] = {}
    for change in changes:
        lanes.setdefault(change.place_id, Lane(0, change.place_id, change.place,
                                               change.province, change.lat))  # fmt: skip
    keep = np.zeros(0, dtype=int)
    if evidence is not None and len(evidence):
        threat_codes = [STATUSES.index(s) for s in THREATS]
        keep = np.flatnonzero(np.isin(evidence.status, threat_codes))
        # a threat on the day of a change (or the day after) says nothing more
        change_days = {(c.place_id, to_x(c.date)) for c in changes}
        keep = np.array([i for i in keep if not any(
            (evidence.lanes[int(evidence.lane[i])].place_id, evidence.x[i] - d) in change_days
            for d in (0.0, DAY))], dtype=int)  # fmt: skip
        for lane in {int(evidence.lane[i]) for i in keep}:
            known = evidence.lanes[lane]
            lanes.setdefault(known.place_id, known)
    first: dict[str, dt.date] = {}
    for change in changes:
        if change.status != "retaken":
            first[change.place_id] = min(first.get(change.place_id, change.date), change.date)
    keys = {
        "first_capture": lambda lane: (first.get(lane.place_id, dt.date.max), lane.name),
        "name": lambda lane: lane.name.lower(),
        "north_south": lambda lane: (-(lane.lat if lane.lat is not None else -90), lane.name),
        "province": lambda lane: (lane.province.lower(), lane.name.lower()),
    }  # fmt: skip
    ordered = sorted(lanes.values(), key=keys.get(order, keys["first_capture"]))
    index = {lane.place_id: i for i, lane in enumerate(ordered)}
    ranges = [c.dissent_range() for c in changes]
    flags = [
        (DISAGREE if c.dissent else 0) | (REVIEWED if c.human or set(c.event_ids) & reviewed else 0)
        for c in changes
    ]
    columns = {
        "ids": [c.event_ids[0] if c.event_ids else -1 for c in changes],
        "x": [to_x(c.date) for c in changes],
        "lane": [index[c.place_id] for c in changes],
        "status": [STATUSES.index(c.status) for c in changes],
        "flags": flags,
        "sources": [c.sources for c in changes],
        "low": [to_x(r[0]) if r else np.nan for r in ranges],
        "high": [to_x(r[1]) if r else np.nan for r in ranges],
        "end": [np.nan] * len(changes),
    }
    if len(keep):
        columns["ids"] += evidence.ids[keep].tolist()
        columns["x"] += evidence.x[keep].tolist()
        columns["lane"] += [index[evidence.lanes[int(i)].place_id] for i in evidence.lane[keep]]
        columns["status"] += evidence.status[keep].tolist()
        columns["flags"] += (evidence.flags[keep] & ~DISAGREE).tolist()
        columns["sources"] += [0] * len(keep)
        columns["low"] += [np.nan] * len(keep)
        columns["high"] += [np.nan] * len(keep)
        columns["end"] += evidence.end[keep].tolist()
    order_by_x = np.argsort(np.array(columns["x"], dtype="f8"), kind="stable")
    types = {"ids": "i8", "x": "f8", "lane": "i4", "status": "i1", "flags": "i1",
             "sources": "i4", "low": "f8", "high": "f8", "end": "f8"}  # fmt: skip
    arrays = {k: np.array(v, dtype=types[k])[order_by_x] for k, v in columns.items()}
    return TimelineData(lanes=ordered, undated=evidence.undated if evidence else 0, **arrays)


# What can be drawn at all: another tool may have stored an event dated 0001-01-01
# or 9999-12-20, and an axis of eighty centuries overflows dates and the drawing.
DRAWABLE = (dt.date(1900, 1, 1), dt.date(2100, 12, 31))


def within(data: TimelineData, period: tuple[dt.date, dt.date] | None) -> TimelineData:
    """Only the markers dated inside ``period`` (and DRAWABLE); ``hidden`` counts
    the rest (an old story's events stay in the database, off this offensive's
    timeline).  Spans are cut at the end of DRAWABLE."""
    if not len(data):
        return data
    first, last = period or DRAWABLE
    first, last = max(first, DRAWABLE[0]), min(last, DRAWABLE[1])
    inside = (data.x >= to_x(first) - DAY) & (data.x <= to_x(last) + DAY)
    if inside.all() and not (data.end > to_x(DRAWABLE[1])).any():
        return data
    keep = {name: getattr(data, name)[inside] for name in
            ("ids", "x", "lane", "status", "end", "flags")}  # fmt: skip
    if data.consensus:
        keep |= {name: getattr(data, name)[inside] for name in ("sources", "low", "high")}
    used = sorted(set(keep["lane"].tolist()))
    renumber = np.full(max(len(data.lanes), 1), -1, dtype="i4")
    renumber[used] = np.arange(len(used), dtype="i4")
    keep["lane"] = renumber[keep["lane"]]
    keep["end"] = np.minimum(keep["end"], to_x(DRAWABLE[1]))  # NaN (no span) stays NaN
    return TimelineData(
        lanes=[data.lanes[i] for i in used], undated=data.undated,
        hidden=data.hidden + int((~inside).sum()), **keep,
    )  # fmt: skip


def _first_day(table: np.ndarray, mask: np.ndarray | None = None) -> dict[int, float]:
    """The earliest day per place (``table`` is sorted by day)."""
    rows = table if mask is None else table[mask]
    places, first = np.unique(rows["place"], return_index=True)
    return dict(zip(places.tolist(), rows["day"][first].tolist(), strict=True))


_FALL_CODES = [STATUSES.index(s) for s in ("captured", "surrendered", "claimed")]


def _lanes(store, table: np.ndarray, order: str) -> list[Lane]:
    if not len(table):
        return []
    # The places drawn are the keys of their first days (a plain np.unique would
    # load numpy.ma, 10-20 ms of the window's start, to ask whether the array is masked).
    first_any = _first_day(table)
    lanes = [Lane(*row) for row in store.places_by_rowid(first_any)]
    first_fall = _first_day(table, np.isin(table["status"], _FALL_CODES))
    return _in_order(lanes, first_any, first_fall, order)


def _in_order(lanes: list[Lane], first_any: dict, first_fall: dict, order: str) -> list[Lane]:
    """The lanes in ``order``; ``first_any`` and ``first_fall`` the earliest
    day (or x) of any event and of a fall, by place row id."""
    keys = {
        "first_capture": lambda lane: (
            first_fall.get(lane.place_rowid, np.inf), first_any[lane.place_rowid], lane.name),
        "name": lambda lane: lane.name.lower(),
        "north_south": lambda lane: (-(lane.lat if lane.lat is not None else -90), lane.name),
        "province": lambda lane: (lane.province.lower(), lane.name.lower()),
    }  # fmt: skip
    return sorted(lanes, key=keys.get(order, keys["first_capture"]))
