"""Which words of a quote to highlight: the places and the words that say what happened."""

from __future__ import annotations

from .gazetteer import Gazetteer
from .triggers import find_triggers


def highlight_spans(
    quote: str, gazetteer: Gazetteer, place_id: str | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, "place" | "trigger") spans of ``quote``, in order, without overlaps.

    :param place_id: highlight only this place, not the others the quote names
    """
    spans = [
        (m.start, m.end, "place")
        for m in gazetteer.find(quote)
        if place_id is None or m.place_id == place_id
    ]
    spans += [(t.start, t.end, "trigger") for t in find_triggers(quote, 0, len(quote))]
    spans.sort()
    kept: list[tuple[int, int, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
