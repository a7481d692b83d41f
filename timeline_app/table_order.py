"""The event table's order and quick filter, computed on arrays of codes.

The table does not hold a row per event: it holds, per event, a few integer
codes (place, province, status, day, precision, sources, review) and the order
of the rows as an array of positions.  Sorting by a column is one stable
argsort of one integer key (0.1 s for a million events, in numpy, which lets
go of the interpreter while it sorts); the quick filter matches the text
against each distinct name once and picks the rows by code.  The rows
themselves are read from the database a page at a time when shown
(``Store.event_rows_with_ids``).  Nothing here touches Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from .model import EPOCH
from .storage import EVENT_KEYS_DTYPE, EventTableColumns, review_label

# The table's columns, in order: what each sorts by is ``EventTable.sort_key``.
COLUMNS = ("Place", "Province", "Status", "Date", "Precision", "Sources", "Review")
DATE_COLUMN = 3


def _codes(names: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct names sorted (case-insensitively) and each name's rank."""
    distinct = sorted(set(names), key=lambda name: (name.lower(), name))
    rank = {name: number for number, name in enumerate(distinct)}
    return distinct, np.array([rank[name] for name in names], dtype="i8")


@dataclass
class EventTable:
    """The events of the table, by id, as codes (see the module's docstring)."""

    ids: np.ndarray
    place: np.ndarray  # rank of the place's name
    province: np.ndarray
    status: np.ndarray
    day: np.ndarray  # rank of the day (the last, unknown, ranks after every day)
    precision: np.ndarray
    sources: np.ndarray
    review: np.ndarray  # code into review_labels
    place_names: list[str]
    province_names: list[str]
    status_names: list[str]
    days: list[str]  # the date of each day rank, "unknown" for no date
    precision_names: list[str]
    review_labels: list[str]

    @classmethod
    def from_columns(cls, columns: EventTableColumns) -> EventTable:
        keys = columns.keys
        place_names, place_ranks = _codes([name for _, name, _ in columns.places])
        province_names, province_ranks = _codes([prov or "" for _, _, prov in columns.places])
        by_rowid = np.zeros(max((r for r, _, _ in columns.places), default=0) + 1, dtype="i8")
        province_of = by_rowid.copy()
        for (rowid, _, _), place, province in zip(
            columns.places, place_ranks, province_ranks, strict=True
        ):
            by_rowid[rowid], province_of[rowid] = place, province
        status_names, status_rank = _codes(columns.statuses)  # (the codes are distinct)
        precision_names, precision_rank = _codes(columns.precisions)
        day_values, day = np.unique(keys["day"], return_inverse=True)
        days = [
            (EPOCH + dt.timedelta(days=int(v))).isoformat() if v < 10**8 else "unknown"
            for v in day_values
        ]
        combination = keys["rejected"] * 4 + keys["reviewed"] * 2 + keys["disagree"]
        labels = [review_label(c >> 1 & 1, c >> 2, bool(c & 1)) for c in range(8)]
        review_labels, label_rank = _codes(labels)
        return cls(
            keys["id"], by_rowid[keys["place"]], province_of[keys["place"]],
            status_rank[keys["status"]], day.astype("i8").ravel(),
            precision_rank[keys["precision"]], keys["sources"].copy(), label_rank[combination],
            place_names, province_names, status_names, days, precision_names, review_labels,
        )  # fmt: skip

    @classmethod
    def empty(cls) -> EventTable:
        return cls.from_columns(EventTableColumns(np.zeros(0, EVENT_KEYS_DTYPE), [], [], []))

    def __len__(self) -> int:
        return len(self.ids)

    def sort_key(self, column: int, descending: bool = False) -> np.ndarray:
        """One integer per event whose order is the column's, ties by date (the
        date column: by date, ties by place); ``descending`` turns the column's
        order round, not the ties'."""
        if column == DATE_COLUMN:
            primary, ties, tie_range = self.day, self.place, len(self.place_names) + 1
        else:
            primary = (
                self.place, self.province, self.status, None, self.precision, self.sources,
                self.review,
            )[column]  # fmt: skip
            ties, tie_range = self.day, len(self.days) + 1
        if descending and len(primary):
            primary = primary.max() - primary
        return primary * tie_range + ties

    def order(self, column: int, descending: bool, only=None) -> np.ndarray:
        """Positions of the events (those of ``only``, an id set or array, if
        given) in the order of ``column``; equal keys stay by id."""
        key = self.sort_key(column, descending)
        positions = np.arange(len(self.ids))
        if only is not None:
            wanted = np.fromiter(only, dtype="i8", count=len(only)) if isinstance(
                only, (set, frozenset)) else np.asarray(only, dtype="i8")  # fmt: skip
            positions = positions[np.isin(self.ids, wanted)]
            key = key[positions]
        return positions[np.argsort(key, kind="stable")]

    def matching(self, text: str) -> np.ndarray:
        """Whether each event's place, province, status, date, precision or review
        contains the (lower-case) text."""
        found = np.zeros(len(self.ids), dtype=bool)
        for codes, names in (
            (self.place, self.place_names), (self.province, self.province_names),
            (self.status, self.status_names), (self.day, self.days),
            (self.precision, self.precision_names), (self.review, self.review_labels),
        ):  # fmt: skip
            hits = np.array([text in name.lower() for name in names], dtype=bool)
            if hits.any():
                found |= hits[codes]
        return found

    def position_of(self, event_id: int) -> int | None:
        position = int(np.searchsorted(self.ids, event_id))
        if position < len(self.ids) and self.ids[position] == event_id:
            return position
        return None

    def update(self, columns: EventTableColumns) -> list[int]:
        """Take in new keys of some events (after an edit) whose names are
        already known; the positions changed.  An event whose place, status or
        precision is new to the table is left as it was (a refresh follows)."""
        changed = []
        for key in columns.keys:
            position = self.position_of(int(key["id"]))
            if position is None:
                continue
            label = review_label(key["reviewed"], key["rejected"], bool(key["disagree"]))
            self.review[position] = self.review_labels.index(label)
            self.sources[position] = key["sources"]
            changed.append(position)
        return changed
