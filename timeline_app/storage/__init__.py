from .store import DiskFullError, LockedError, Store, StoreError

__all__ = ["DiskFullError", "LockedError", "Store", "StoreError"]
