"""Which places a database's articles are read with: a places file kept in the
database, or the bundled Afghan capitals.

Apart from the import service (which needs the extraction and the importers),
so that the window can know its places without loading either.
"""

from __future__ import annotations

from pathlib import Path

from .extraction.gazetteer import Gazetteer, GazetteerError
from .storage import Store

PLACES_KEY = "places"


def places_for(store: Store, path: str | Path | None = None) -> tuple[Gazetteer, str]:
    """The places (and conflict profile) to read articles into ``store`` with,
    and a line saying where they come from.

    A places file given now is kept in the database, so that every later import
    into it, from the CLI or the window, uses it unless told otherwise; without
    one, the database's own; a database that has none keeps the Afghan default.
    """
    if path is not None:
        gazetteer = Gazetteer.load(path)
        moved = store.moved_places(gazetteer.places.values())
        if moved:
            place, province, country = moved[0]
            others = f" (and {len(moved) - 1} more)" if len(moved) > 1 else ""
            raise GazetteerError(
                f"{gazetteer.source}: {place.name} is in {place.province}, {place.country} in "
                f"the file but stored in {province}, {country}{others}: a stored place keeps "
                "its province; give the file's place another id or fix the file"
            )
        if not store.readonly:
            store.set_setting(PLACES_KEY, gazetteer.to_json())
        return gazetteer, f"places: {gazetteer.source} (kept in the database)"
    kept = store.setting(PLACES_KEY)
    if kept:
        gazetteer = Gazetteer.from_json(kept)
        return gazetteer, f"places: {gazetteer.source} (the database's)"
    return Gazetteer.load(), "places: bundled Afghan capitals"
