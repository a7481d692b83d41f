"""The SQLite file (``store``).  The store itself (and numpy with it) is loaded
when first asked for: an import's worker processes need only its errors and
the rows it writes (``rows``), and load the package in each import."""

from .errors import DiskFullError, LockedError, StoreError
from .rows import EventRows, event_rows

_OF_THE_STORE = {
    "DATED_EVENT_DTYPE", "EVENT_KEYS_DTYPE", "NO_END_DAY", "EventRow", "EventTableColumns",
    "Store", "review_label",
}  # fmt: skip


def __getattr__(name: str):
    if name in _OF_THE_STORE:
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DATED_EVENT_DTYPE",
    "EVENT_KEYS_DTYPE",
    "NO_END_DAY",
    "DiskFullError",
    "EventRow",
    "EventRows",
    "EventTableColumns",
    "LockedError",
    "Store",
    "StoreError",
    "event_rows",
    "review_label",
]
