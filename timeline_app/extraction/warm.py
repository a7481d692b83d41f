"""Imported by an import's forkserver (``parallel.PRELOAD``) and by nothing else:
it reads a short article of its own once, so that what every worker would
otherwise make on its first article is made there once, before the workers
fork: the default conflict's trigger patterns (``Vocabulary.for_profile``),
the lower-cased twins and sieves of the rules' patterns, and the date
patterns.  A worker of another conflict still finds all but its own
vocabulary and names made.  Nothing it makes changes what is extracted."""

from __future__ import annotations

import datetime as dt

_SAMPLE = (
    "KABUL — Taliban fighters captured Kunduz on Sunday, officials said, "
    "and the group claimed it had seized Taloqan a day later.\n\n"
    "Aug. 6 – Government forces retook Zaranj after the city had been under siege "
    "for two weeks, though it was not clear whether the fighting was over."
)


def warm() -> None:
    try:
        from ..model import Article
        from .extract import Extractor
        from .gazetteer import Gazetteer

        Extractor(Gazetteer.load()).extract(Article(text=_SAMPLE, published=dt.date(2021, 8, 9)))
    except Exception:  # pragma: no cover - a warm-up that fails leaves the work to workers
        pass


warm()
