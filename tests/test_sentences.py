from timeline_app.extraction.sentences import split_sentences


def test_offsets_are_exact_and_abbreviations_do_not_split():
    text = "  U.S. officials said Thursday. On Aug. 6 Lt. Gen. Smith spoke.\nGhazni fell. "
    sentences = split_sentences(text, 0, len(text))
    assert [text[s.start : s.end] for s in sentences] == [
        "U.S. officials said Thursday.",
        "On Aug. 6 Lt. Gen. Smith spoke.",
        "Ghazni fell.",
    ]


def test_offsets_are_relative_to_the_whole_text():
    text = "Before. “Quote.” he said. After."
    sentences = split_sentences(text, 8, len(text), paragraph=3)
    assert all(s.paragraph == 3 and s.start >= 8 for s in sentences)
    assert text[sentences[-1].start : sentences[-1].end] == "After."
