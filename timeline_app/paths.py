"""Where things live: the default database and the bundled sample."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "timeline-app"


def default_db_path() -> Path:
    """``$TIMELINE_APP_DB`` if set, else ``timeline.db`` in the user's data directory."""
    override = os.environ.get("TIMELINE_APP_DB")
    if override:
        return Path(override)
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "timeline.db"


def _package_folder(package: str, checkout_folder: str) -> Path:
    """A data folder shipped as ``package``; from a source checkout (the package
    imported from the working directory) it is the project's own folder."""
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / checkout_folder


def seeds_dir() -> Path:
    """The bundled sample articles."""
    return _package_folder("timeline_app.seeds", "seeds")


def resources_dir() -> Path:
    """Icons and other files the window shows."""
    return _package_folder("timeline_app.resources", "resources")


def package_data() -> Path:
    """The folder of the places files and conflict profiles that ship with the app."""
    return Path(__file__).resolve().parent / "data"
