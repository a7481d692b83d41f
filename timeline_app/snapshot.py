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
    by_event = {}
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
    changes = changes_of_control(reports, period=periods)
    if only is not None:
        changes = [c for c in changes if set(c.event_ids) & only]
    check()
    data, by_event = drawn_timeline(
        store, changes, periods, evidence=request.evidence, lane_order=request.lane_order,
        only=only, disagree=disagree, include_rejected=request.include_rejected,
    )  # fmt: skip
    check()
    map_content = geography.content(store, periods, changes, reports, places=request.places)
    check()
    table = EventTable.from_columns(
        store.event_table_columns(include_rejected=request.include_rejected)
    )
    check()
    order = table.order(*request.sort, only=only)
    empty_in_slices(reports, disagree)  # (the caller keeps only and changes)
    return Snapshot(
        data, by_event, table, order, only, store.counts(), store.facets(), map_content
    )
