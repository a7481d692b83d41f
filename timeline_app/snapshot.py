"""Everything the window shows, read from the database in one go.

The window asks for a ``Snapshot`` (what the timeline, the table, the map, the
filter bar and the status bar show) and then only puts it on screen.  Reading
it is the slow part at a million events, so the window reads it in a thread
of its own, with a connection of its own, while it stays responsive; nothing
here touches Qt.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np

from . import geography, timeline_data
from .consensus import changes_of_control, default_periods, spanning
from .filters import EventFilter, matching_event_ids
from .table_order import EventTable


@dataclass(frozen=True)
class ViewRequest:
    """What the window is set to show."""

    lane_order: str = "first_capture"
    event_filter: EventFilter = field(default_factory=EventFilter)
    include_rejected: bool = False
    evidence: bool = False  # every report, instead of the consensus
    places: tuple = ()  # the places file's, for a database that holds none yet
    sort: tuple[int, bool] = (3, False)  # the table's column and descending


@dataclass
class Snapshot:
    data: timeline_data.TimelineData
    changes: dict  # event id -> its change of control (consensus view)
    table: EventTable  # the table's events, as codes
    order: np.ndarray  # the positions in ``table`` of the rows shown, sorted as asked
    only: set[int] | None  # the events the filter lets through; None: all
    counts: dict[str, int]
    facets: dict[str, list[str]]
    map_content: geography.MapContent
    # What an edit's update starts from (``read_update``): every report as
    # drawn in the evidence view, before the period's cut, and every change of
    # control, before the filter's.
    evidence: timeline_data.TimelineData | None = None
    every_change: list | None = None


def empty_in_slices(*containers, size: int = 20_000) -> None:
    """Empty big lists, dicts and sets ``size`` items at a time.  Freeing a
    million items at once is one C loop that holds the interpreter (860 ms
    for the million control reports a reading ends with, a freeze of the GUI
    thread); between slices other threads get their turn.  Items that own
    much (a change of control, with its dissent and outlets: 4 ms a thousand)
    want smaller slices."""
    for container in containers:
        if isinstance(container, list):
            while container:
                del container[-size:]
        elif isinstance(container, dict):
            while container:
                for key in list(itertools.islice(container, size)):
                    del container[key]
        else:
            while container:
                container.difference_update(list(itertools.islice(container, size)))


class Superseded(Exception):
    """The reading was called off (the window closed, or asked again)."""


def periods_for(store, period=None) -> dict:
    """The period of each country of ``store`` (``consensus.default_periods``),
    or one ``period`` (from, to) for all of them."""
    if period is None:
        return default_periods(store)
    return dict.fromkeys(store.place_countries() or [""], period)


def drawn_timeline(
    store, changes, periods: dict, *, evidence: bool = False, lane_order: str = "first_capture",
    only=None, disagree=None, include_rejected: bool = False,
):
    """What the timeline draws, in the window and in the PNG export alike:
    every report (``evidence``) or one marker per change of control among
    ``changes``, inside ``periods``; and which change each event backs."""
    disagree = store.disagreeing_event_ids() if disagree is None else disagree
    data = timeline_data.load(
        store, lane_order, only=only, disagree=disagree, include_rejected=include_rejected
    )
    return _drawn(data, changes, periods, evidence=evidence, lane_order=lane_order)


def _drawn(reports_drawn, changes, periods, *, evidence: bool, lane_order: str):
    """``drawn_timeline`` from the evidence view's data."""
    data, by_event = reports_drawn, {}
    if not evidence:
        by_event = {event_id: c for c in changes for event_id in c.event_ids}
        data = timeline_data.from_changes(changes, data, lane_order)
    return timeline_data.within(data, spanning(periods)), by_event


def read_snapshot(store, request: ViewRequest, cancelled=None) -> Snapshot:
    """``cancelled`` (a callable) is asked between the stages of the reading."""

    def check() -> None:
        if cancelled is not None and cancelled():
            raise Superseded

    disagree = store.disagreeing_event_ids()
    only = matching_event_ids(store, request.event_filter, disagree)
    periods = periods_for(store)
    reports = store.control_reports()
    every_change = changes = changes_of_control(reports, period=periods)
    if only is not None:
        changes = [c for c in changes if set(c.event_ids) & only]
    check()
    evidence = timeline_data.load(
        store, request.lane_order, only=only, disagree=disagree,
        include_rejected=request.include_rejected,
    )  # fmt: skip
    data, by_event = _drawn(
        evidence, changes, periods, evidence=request.evidence, lane_order=request.lane_order
    )
    check()
    map_content = geography.content(store, periods, changes, reports, places=request.places)
    check()
    table = EventTable.from_columns(
        store.event_table_columns(include_rejected=request.include_rejected)
    )
    check()
    order = table.order(*request.sort, only=only)
    # (the caller keeps only and changes; a report is a dict of 19 keys: 2,000
    # at a time, 20,000 held the interpreter 80 ms a slice)
    empty_in_slices(reports, disagree, size=2000)
    return Snapshot(
        data, by_event, table, order, only, store.counts(), store.facets(), map_content,
        evidence, every_change,
    )  # fmt: skip


def read_update(
    store, request: ViewRequest, previous: Snapshot, place_ids, event_ids, cancelled=None
) -> Snapshot | None:
    """``previous`` (read with ``request``, no filter) after edits of the events
    ``event_ids`` of the places ``place_ids``: only those places' reports and
    those events are read, the rest is taken from ``previous``.  A million
    events' reading takes 20 s; an edit's update, a fraction of one.  None
    under a filter (which the edit may change for any event): a full reading
    must follow."""
    if not request.event_filter.is_empty or previous.only is not None:
        return None
    if previous.evidence is None or previous.every_change is None:
        return None
    event_ids, place_ids = sorted(event_ids), set(place_ids)
    columns = store.event_table_columns(include_rejected=request.include_rejected, ids=event_ids)
    table = previous.table.with_events_replaced(columns, event_ids)
    dated = store.dated_event_table(include_rejected=request.include_rejected, ids=event_ids)
    known = {lane.place_rowid for lane in previous.evidence.lanes}
    new_lanes = [
        timeline_data.Lane(*row)
        for row in store.places_by_rowid(set(dated["place"].tolist()) - known)
    ]
    evidence = timeline_data.with_events_replaced(
        previous.evidence, dated, event_ids, store.disagreeing_event_id_array(),
        store.undated_count(include_rejected=request.include_rejected), request.lane_order,
        new_lanes,
    )  # fmt: skip
    if cancelled is not None and cancelled():
        raise Superseded
    periods = periods_for(store)
    reports = list(store.iter_control_reports(place_ids=sorted(place_ids)))
    changes = [c for c in previous.every_change if c.place_id not in place_ids]
    changes += changes_of_control(reports, period=periods)
    changes.sort(key=lambda c: (c.place, c.date))
    data, by_event = _drawn(
        evidence, changes, periods, evidence=request.evidence, lane_order=request.lane_order
    )
    map_content = previous.map_content.with_changes_of(place_ids, changes, reports)
    order = table.order(*request.sort)
    return Snapshot(
        data, by_event, table, order, None, store.counts(), store.facets(), map_content,
        evidence, changes,
    )  # fmt: skip
