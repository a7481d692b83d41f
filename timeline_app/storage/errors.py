"""What the store raises, apart from it: catching them loads no SQLite code or numpy
(an import's worker processes catch nothing else of the store)."""


class StoreError(RuntimeError):
    """The database cannot be used; the message is one line for the user."""


class DiskFullError(StoreError):
    """Nothing more can be written: the disk (or the file's size limit) is full."""


class LockedError(StoreError):
    """Another program kept the database locked for longer than BUSY_SECONDS."""
