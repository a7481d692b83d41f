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
    distinct = sorted(set(names), key=_name_order)
    rank = {name: number for number, name in enumerate(distinct)}
    return distinct, np.array([rank[name] for name in names], dtype="i8")


def _name_order(name: str) -> tuple:
    return (name.lower(), name)


def _day_order(day: str) -> tuple:
    return (day == "unknown", day)


def _coded(names: list[str], codes: np.ndarray, wanted: list[str], key):
    """``names`` (sorted by ``key``) with the ``wanted`` ones it lacks put in
    order, ``codes`` into them renumbered to match, and the codes of ``wanted``."""
    missing = set(wanted) - set(names)
    if missing:
        grown = sorted([*names, *missing], key=key)
        rank = {name: number for number, name in enumerate(grown)}
        codes = np.array([rank[name] for name in names], dtype="i8")[codes]
        names = grown
    rank = {name: number for number, name in enumerate(names)}
    return names, codes, [rank[name] for name in wanted]


def _day_text(day: int) -> str:
    """A day number as the date column shows it ("unknown": no date)."""
    return (EPOCH + dt.timedelta(days=day)).isoformat() if day < 10**8 else "unknown"


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
        days = [_day_text(int(v)) for v in day_values]
        combination = keys["rejected"] * 4 + keys["reviewed"] * 2 + keys["disagree"]
        labels = [review_label(c >> 1 & 1, c >> 2, bool(c & 1)) for c in range(8)]
        review_labels, label_rank = _codes(labels)
        return cls(
            # (a field of the keys' records is a strided view: every binary
            # search of it copied the million ids first, 4 ms each)
            np.ascontiguousarray(keys["id"]), by_rowid[keys["place"]], province_of[keys["place"]],
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

    def with_events_replaced(self, columns: EventTableColumns, event_ids) -> EventTable:
        """This table after an edit of the events ``event_ids``: those of them
        still in the table as ``columns`` (``Store.event_table_columns`` of
        those ids) holds them now, added, changed or gone.  A name or day new
        to the table gets its code in order (the codes after it move up)."""
        place_of = {rowid: (name, province or "") for rowid, name, province in columns.places}
        keys = columns.keys
        keep = ~np.isin(self.ids, np.fromiter(event_ids, dtype="i8", count=len(event_ids)))
        wanted = {
            "place": [place_of[int(p)][0] for p in keys["place"]],
            "province": [place_of[int(p)][1] for p in keys["place"]],
            "status": [columns.statuses[c] for c in keys["status"]],
            "precision": [columns.precisions[c] for c in keys["precision"]],
            "day": [_day_text(int(v)) for v in keys["day"]],
            "review": [review_label(k["reviewed"], k["rejected"], bool(k["disagree"]))
                       for k in keys],
        }  # fmt: skip
        lists = {
            "place": "place_names", "province": "province_names", "status": "status_names",
            "precision": "precision_names", "day": "days", "review": "review_labels",
        }  # fmt: skip
        names, arrays = {}, {"ids": self.ids[keep], "sources": self.sources[keep]}
        new = {"ids": keys["id"], "sources": keys["sources"]}
        for column, values in wanted.items():
            key = _day_order if column == "day" else _name_order
            names[lists[column]], arrays[column], new[column] = _coded(
                getattr(self, lists[column]), getattr(self, column)[keep], values, key
            )
        at = np.searchsorted(arrays["ids"], keys["id"])  # (both by id: the new rows slot in)
        arrays = {
            name: np.insert(values, at, np.asarray(new[name], dtype="i8"))
            for name, values in arrays.items()
        }
        return EventTable(**arrays, **names)

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
