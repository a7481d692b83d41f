"""Which events' sources disagree, kept in the ``disagreement`` table.

An event's sources disagree within the event (its sources gave other dates or
statuses, e.g. after a merge), or with a neighbour: the next report of the same
place, in order of day and status, said it fell on another day within
DISAGREE_DAYS, or the same day with another of captured / claimed / surrendered.

Computing that over every mention took 0.75-1.1 s for a million events on each
refresh of the window; the table is written at import and edit time instead,
for the events near what changed, and a refresh reads it.  ``compute_all`` is
the whole computation (the migration, bulk writes, and the check that the kept
table is right).
"""

from __future__ import annotations

from collections.abc import Iterable

from .lazy import np

FALLS = ("captured", "claimed", "surrendered")
DISAGREE_DAYS = 14
# Rows turned into numpy at a time.  Each np.array() of a chunk is one C loop
# that holds the interpreter: 50,000 rows held it 20-60 ms, and the window,
# whose GUI thread waits for it while a reading runs in the background, froze
# as long at every chunk; 5,000 hold it 2-8 ms, in the same total time.
CHUNK = 5_000
_WITHIN = (
    "SELECT event_id FROM mentions{where} GROUP BY event_id HAVING count(DISTINCT"
    " ifnull(source_status, '') || '|' || ifnull(source_date, '')) > 1"
)
_FALL_REPORTS = (
    "SELECT e.id, p.rowid, e.day, unicode(e.status) * 64 + length(e.status)"
    " FROM events e JOIN places p ON p.id = e.place_id"
    " WHERE e.rejected = 0 AND e.day IS NOT NULL"
    f" AND e.status IN ({', '.join(repr(s) for s in FALLS)}){{where}}"
)
_REPORT_DTYPE = [("id", "i8"), ("place", "i8"), ("day", "i8"), ("status", "i8")]


def fetch_array(conn, sql: str, dtype, params=()) -> np.ndarray:
    """A query's rows as a numpy array, fetched in chunks (a million rows as
    Python tuples first would take a hundred megabytes)."""
    cursor = conn.execute(sql, list(params))
    parts = []
    while rows := cursor.fetchmany(CHUNK):
        parts.append(np.array(rows, dtype=dtype))
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def neighbours_disagree(table: np.ndarray) -> np.ndarray:
    """Ids of (id, place, day, status code) rows whose neighbour in the same
    place, within DISAGREE_DAYS, gives another day or status.

    Sorting and comparing neighbours in numpy: a window query did the same
    in 2.6 s for a million events, this in a fraction of that.  Ties are put
    in id order, so that any slice of a place's days flags what the whole does."""
    if not len(table):
        return np.zeros(0, dtype="i8")
    table = table[np.lexsort((table["id"], table["status"], table["day"], table["place"]))]
    same_place = table["place"][1:] == table["place"][:-1]
    gap = table["day"][1:] - table["day"][:-1]
    differ = (gap != 0) | (table["status"][1:] != table["status"][:-1])
    pair = same_place & (gap <= DISAGREE_DAYS) & differ  # between k and k + 1
    flagged = np.zeros(len(table), dtype=bool)
    flagged[:-1] |= pair
    flagged[1:] |= pair
    return table["id"][flagged]


def neighbours_disagree_few(rows) -> set[int]:
    """``neighbours_disagree`` for a few (id, place, day, status code) rows, in
    Python: an import's refresh reads a few hundred, and numpy, for them, cost
    more to load than the whole refresh (about 0.1 s at every start)."""
    rows = sorted(rows, key=lambda row: (row[1], row[2], row[3], row[0]))
    flagged = set()
    for (one, place, day, status), (other, next_place, next_day, next_status) in zip(
        rows, rows[1:], strict=False
    ):  # (each row with the next)
        if (place == next_place and next_day - day <= DISAGREE_DAYS
                and (next_day != day or next_status != status)):  # fmt: skip
            flagged.update((one, other))
    return flagged


# Past this many rows a refresh sorts them in numpy (a bulk import into a big file)
FEW = 20_000


def compute_all(conn) -> np.ndarray:
    """Every disagreeing event's id, sorted, computed from all mentions."""
    within = fetch_array(conn, _WITHIN.format(where=""), [("id", "i8")])
    reports = fetch_array(conn, _FALL_REPORTS.format(where=""), _REPORT_DTYPE)
    return _sorted_unique(np.concatenate((within["id"], neighbours_disagree(reports))))


def _sorted_unique(ids: np.ndarray) -> np.ndarray:
    """``np.union1d``'s result without it: np.unique looks for a masked array,
    which imports numpy.ma (about 20 ms of a new database's start)."""
    ids = np.sort(ids)
    keep = np.ones(len(ids), dtype=bool)
    keep[1:] = ids[1:] != ids[:-1]
    return ids[keep]


def rebuild(conn) -> None:
    """The table made anew from ``compute_all`` (inside the caller's transaction)."""
    conn.execute("DELETE FROM disagreement")
    if conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is None:
        return  # (a new file: nothing to compute, and numpy need not load)
    conn.executemany(
        "INSERT INTO disagreement (event_id) VALUES (?)", ((int(i),) for i in compute_all(conn))
    )


def refresh(conn, touched: Iterable[tuple[str, int | None]], event_ids: Iterable[int]) -> None:
    """Keep the table right after a change (inside the change's transaction).

    :param touched: (place id, day) of every event before and after the change:
        the events of that place within DISAGREE_DAYS of that day are recomputed
    :param event_ids: the events changed (their quotes, or deleted ones)
    """
    affected = {int(i) for i in event_ids}
    days_by_place: dict[str, list[int]] = {}
    for place_id, day in touched:
        if day is not None:
            days_by_place.setdefault(place_id, []).append(int(day))
    flagged: set[int] = set()
    for place_id, days in days_by_place.items():
        low, high = min(days) - DISAGREE_DAYS, max(days) + DISAGREE_DAYS
        near = conn.execute(
            "SELECT id FROM events WHERE place_id = ? AND day BETWEEN ? AND ?",
            [place_id, low, high],
        )
        affected |= {row[0] for row in near}
        # Their neighbours lie at most DISAGREE_DAYS further out.
        cursor = conn.execute(
            _FALL_REPORTS.format(where=" AND e.place_id = ? AND e.day BETWEEN ? AND ?"),
            [place_id, low - DISAGREE_DAYS, high + DISAGREE_DAYS],
        )
        reports = cursor.fetchmany(FEW + 1)
        if len(reports) <= FEW:
            flagged |= neighbours_disagree_few(reports)
        else:
            parts = [np.array(reports[start : start + CHUNK], dtype=_REPORT_DTYPE)
                     for start in range(0, len(reports), CHUNK)]  # fmt: skip
            while rows := cursor.fetchmany(CHUNK):
                parts.append(np.array(rows, dtype=_REPORT_DTYPE))
            flagged |= set(neighbours_disagree(np.concatenate(parts)).tolist())
    flagged &= affected  # those at the slice's edges lack a neighbour outside it
    ids = sorted(affected)
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ", ".join("?" * len(part))
        within = conn.execute(_WITHIN.format(where=f" WHERE event_id IN ({marks})"), part)
        flagged |= {row[0] for row in within}
        conn.execute(f"DELETE FROM disagreement WHERE event_id IN ({marks})", part)
    conn.executemany(
        "INSERT INTO disagreement (event_id) SELECT id FROM events WHERE id = ?",
        ((i,) for i in sorted(flagged)),
    )
