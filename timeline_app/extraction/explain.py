"""Sentence by sentence: which places were read, which rules fired, what was kept."""

from __future__ import annotations

from ..model import Article
from .extract import Extractor


def explain(article: Article, extractor: Extractor) -> str:
    """A plain-text account of how ``article`` was read."""
    trace: list[dict] = []
    events = extractor.extract(article, trace=trace)
    text = article.text
    places = extractor.gazetteer
    lines = [
        f"published: {article.published or 'unknown'}"
        f"   profile: {extractor.profile.name or 'none'}   places: {places.source}",
    ]
    for note in trace:
        for place_id, status, date, told in note.get("joined", []):
            lines.append("")
            lines.append(
                f"JOINED {places.place(place_id).name} {status} {date} -> {told}: told again,"
                " dated only by the news day or another place's sentence; the article dated"
                " this change before"
            )
        quote = " ".join(text[note["start"] : note["end"]].split())
        if not note.get("places") and not note.get("context"):
            continue
        lines.append("")
        lines.append(f"[{note['start']}-{note['end']}] {quote[:300]}")
        if note.get("places"):
            lines.append(f"  places: {', '.join(note['places'])}")
        for name, rule, words in note.get("context", []):
            lines.append(f"  context: {name} <- {rule} ({words!r})")
        if note.get("triggers"):
            lines.append(
                "  triggers: " + ", ".join(f"{rule} {words!r}" for rule, words in note["triggers"])
            )
        for place_id, status, date, because in note.get("kept", []):
            lines.append(
                f"  KEPT {places.place(place_id).name} {status} {date or 'no date'}: "
                + because_line(because)
            )
        for name, reason in note.get("dropped", []):
            lines.append(f"  dropped {name}: {reason}")
    lines.append("")
    lines.append(f"{len(events)} event(s)")
    for event in events:
        lines.append(
            f"  {places.place(event.place_id).name:16} {event.status:11} "
            f"{event.date or 'unknown'} ({event.precision})"
            f"  {len(event.evidence)} sentence(s)"
        )
    return "\n".join(lines)


def because_line(because) -> str:
    """ "captured <- 'seized' (capture verb); claimed <- 'the group said' (hedge)" """
    return "; ".join(f"{rule} {words!r}" for rule, words in because)
