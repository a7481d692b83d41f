"""Sentence splitting with exact character offsets into the article text."""

from __future__ import annotations

import re

import sentencex

from ..model import Sentence
from .gazetteer import GLUED

_SPACE = re.compile(r"\s")


def split_sentences(text: str, start: int, end: int, paragraph: int = 0) -> list[Sentence]:
    """Sentences of ``text[start:end]`` (one paragraph), offsets into ``text``.

    Line breaks inside the paragraph are read as spaces, so the splitter sees
    hard-wrapped lines as one paragraph and the offsets stay those of ``text``.
    """
    chunk = text[start:end].replace("\n", " ").replace("\r", " ")
    sentences = []
    for boundary in sentencex.get_sentence_boundaries("en", chunk):
        if boundary.get("is_paragraph_break"):
            continue
        s, e = boundary["start_index"], boundary["end_index"]
        while s < e and _SPACE.match(chunk[s]):
            s += 1
        while e > s and _SPACE.match(chunk[e - 1]):
            e -= 1
        # a headline run into the next sentence ("... of powerDaikandi province,
        # ...") ends there
        for glue in GLUED.finditer(chunk, s, e):
            if chunk[glue.start() - 1 : glue.start()].islower():
                sentences.append(Sentence(start + s, start + glue.start(), paragraph))
                s = glue.start()
        if e > s:
            sentences.append(Sentence(start + s, start + e, paragraph))
    return sentences
