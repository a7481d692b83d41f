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
    "EventTableColumns",
    "LockedError",
    "Store",
    "StoreError",
    "review_label",
]
