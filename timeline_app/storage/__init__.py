from .store import Store, StoreError

__all__ = ["Store", "StoreError"]
