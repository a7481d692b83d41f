from .store import (
    DATED_EVENT_DTYPE,
    NO_END_DAY,
    DiskFullError,
    EventRow,
    LockedError,
    Store,
    StoreError,
)

__all__ = [
    "DATED_EVENT_DTYPE", "NO_END_DAY", "DiskFullError", "EventRow", "LockedError", "Store",
    "StoreError",
]
