from .rows import EventRows, event_rows
from .store import (
    DATED_EVENT_DTYPE,
    EVENT_KEYS_DTYPE,
    NO_END_DAY,
    DiskFullError,
    EventRow,
    EventTableColumns,
    LockedError,
    Store,
    StoreError,
    review_label,
)

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
