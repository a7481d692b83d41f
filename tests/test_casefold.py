"""The fast case-blind search finds what IGNORECASE finds, or steps aside."""

import re

from timeline_app.extraction import casefold
from timeline_app.extraction.triggers import GENERIC


def test_twin_matches_like_ignorecase_on_lowered_text():
    pattern = re.compile(r"\b(?:seiz(?:ed|es)|fell to (?:the )?rebels)\b", re.I)
    text = "Rebels SEIZED the town; it Fell To The Rebels on Sunday."
    twin, low = casefold.twin(pattern), casefold.fold(text)
    assert [m.span() for m in twin.finditer(low)] == [m.span() for m in pattern.finditer(text)]


def test_sources_that_lowering_would_change_get_no_twin():
    for source in (r"\S+ fell", r"\W", r"(?i)Fell", r"(?P<Day>\d+)", r"\x46ell", "ŞEHİR"):
        assert casefold.twin(re.compile(source, re.I)) is None, source
    assert casefold.twin(re.compile("fell")) is None  # not case-blind: nothing to gain


def test_texts_that_ignorecase_folds_otherwise_are_searched_as_they_are():
    # "ſ" (long s) and "ı" (dotless i) match "s" and "i" under IGNORECASE, but
    # lower-casing leaves them; "İ" lower-cases to two characters
    for text in ("the city was ſeized", "Taliban fıghters", "İstanbul fell"):
        assert casefold.fold(text) is None
    found = GENERIC.find_triggers("Rebels ſeized Kunduz.", 0, 21)
    assert [t.text for t in found] == ["ſeized"]
