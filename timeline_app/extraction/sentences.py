"""Sentence splitting with exact character offsets into the article text."""

from __future__ import annotations

import re

import sentencex

from ..model import Sentence
from .gazetteer import GLUED

# No sentence of news runs this long (the longest of 50 real reports: 394
# characters); text without full stops (a transcript, a flattened table, a
# hostile file) is read in clauses of at most this many characters, so that a
# quote stays readable and the rules look at the words near each place only.
LONGEST = 1000
# where such text is cut, best first: after a semicolon or a dash, after a
# comma, at a space
_CUTS = (re.compile(r"[;\u2013\u2014]\s"), re.compile(r",\s"), re.compile(r"\s"))


def split_sentences(text: str, start: int, end: int, paragraph: int = 0) -> list[Sentence]:
    """Sentences of ``text[start:end]`` (one paragraph), offsets into ``text``.

    Line breaks inside the paragraph are read as spaces, so the splitter sees
    hard-wrapped lines as one paragraph and the offsets stay those of ``text``.
    """
    chunk = text[start:end].replace("\n", " ").replace("\r", " ")
    glued = GLUED.search(chunk) is not None  # (once a paragraph: most have none)
    sentences = []
    for boundary in sentencex.get_sentence_boundaries("en", chunk):
        if boundary.get("is_paragraph_break"):
            continue
        s, e = boundary["start_index"], boundary["end_index"]
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        # a headline run into the next sentence ("... of powerDaikandi province,
        # ...") ends there
        for glue in GLUED.finditer(chunk, s, e) if glued else ():
            if chunk[glue.start() - 1 : glue.start()].islower():
                sentences.append(Sentence(start + s, start + glue.start(), paragraph))
                s = glue.start()
        if e > s:
            sentences += _clauses(chunk, s, e, start, paragraph)
    return sentences


def _clauses(chunk: str, s: int, e: int, start: int, paragraph: int) -> list[Sentence]:
    """``chunk[s:e]`` as one sentence, or cut into pieces of at most ``LONGEST``
    characters at the last clause break of each (offsets into the text)."""
    pieces = []
    while e - s > LONGEST:
        cut = s + LONGEST
        for mark in _CUTS:
            ends = [m.end() for m in mark.finditer(chunk, s + LONGEST // 2, s + LONGEST)]
            if ends:
                cut = ends[-1]
                break
        end = cut
        while end > s and chunk[end - 1].isspace():
            end -= 1
        pieces.append(Sentence(start + s, start + end, paragraph))
        s = cut
        while s < e and chunk[s].isspace():
            s += 1
    if e > s:
        pieces.append(Sentence(start + s, start + e, paragraph))
    return pieces
