"""Where things live: the default database and the bundled sample."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "timeline-app"


def default_db_path() -> Path:
    """``$TIMELINE_APP_DB`` if set, else ``timeline.db`` in the user's data directory."""
    override = os.environ.get("TIMELINE_APP_DB")
    if override:
        return Path(override)
    # Imported here: the window on a given file needs only package_data() of this
    # module, and platformdirs cost its start about 8 ms.
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "timeline.db"


def cache_dir() -> Path | None:
    """Where the app keeps what it can make again (``extraction.compiled``):
    ``$TIMELINE_APP_CACHE`` if set (empty: keep nothing), else the user's cache
    directory."""
    override = os.environ.get("TIMELINE_APP_CACHE")
    if override is not None:
        return Path(override) if override else None
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def _package_folder(name: str, checkout_folder: str) -> Path:
    """A data folder shipped inside the package as ``name`` (an installed copy,
    or a frozen bundle); from a source checkout, the project's own folder.
    (Not importlib.resources: without __init__.py these folders are namespace
    packages, whose files() is a MultiplexedPath that str() does not turn into
    a path; a plain pip install then found no sample and no icon.)"""
    inside = Path(__file__).resolve().parent / name
    return inside if inside.is_dir() else Path(__file__).resolve().parent.parent / checkout_folder


def seeds_dir() -> Path:
    """The bundled sample articles."""
    return _package_folder("seeds", "seeds")


def resources_dir() -> Path:
    """Icons and other files the window shows."""
    return _package_folder("resources", "resources")


def package_data() -> Path:
    """The folder of the places files and conflict profiles that ship with the app."""
    return Path(__file__).resolve().parent / "data"
