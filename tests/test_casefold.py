"""The fast case-blind search finds what IGNORECASE finds, or steps aside."""

import copy
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline_app.extraction import casefold
from timeline_app.extraction.triggers import generic

GENERIC = generic()  # the vocabulary with the generic actors only


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


# -- sieves ---------------------------------------------------------------------

# Sentences of our own with the words the rules look for, in many cases and shapes.
SENTENCES = [
    "The Taliban would not have captured Kunduz if the army had held out.",
    "Officials said the city hasn’t fallen, a claim the insurgents DENIED on Sunday.",
    "Fighters seized part of the city, including the police headquarters, late last week.",
    "After the fall of Goma on Monday, rebels advanced on Bukavu, which fell the same day.",
    "Government forces retook the provincial capital earlier this month after a siege.",
    "The group is poised to overrun the town; residents fled to the outskirts of Herat.",
    "Taloqan, besieged for three months, surrendered to the militants this morning.",
    "Two days later the army withdrew from the city and the flag was raised over it.",
    "In recent weeks the insurgents had been closing in on the gates of Kandahar.",
    "Rebels entered the city centre on Tuesday night; clashes continued the next day.",
]


def _patterns():
    from timeline_app.extraction import dates, rules

    found = [p for _, _, p, _ in GENERIC.triggers] + [GENERIC.hedge]
    for rule in rules.QUALIFIERS:
        pairs = [(rule.window, rule.pattern), *(rule.unless or ()),
                 *((rule.requires,) if rule.requires else ())]  # fmt: skip
        found += [p for _, p in pairs if isinstance(p, re.Pattern)]
    found += [row[0] for row in (*dates._DEICTIC, *dates._EVENT_RELATIVE, *dates._COARSE)]
    return found + [dates._DURATION, dates._WEEKDAY]


def test_every_match_of_every_rule_holds_one_of_its_needed_words():
    checked = 0
    for pattern in _patterns():
        words = casefold.needed_words(pattern)
        for sentence in SENTENCES:
            for match in pattern.finditer(sentence):
                if words is not None and match.group(0):
                    assert any(w in match.group(0).lower() for w in words), (pattern, match)
                    checked += 1
    assert checked > 40  # the sentences do exercise the rules


def test_needed_words_of_alternatives_repeats_and_small_classes():
    assert casefold.needed_words(re.compile(r"\b(?:could|would)\s+fall\b")) == {"could", "would"}
    assert casefold.needed_words(re.compile(r"has(?:n['’]t| not) fallen", re.I)) == {" fallen"}
    assert casefold.needed_words(re.compile(r"(?:ab)+c?d")) == {"ab"}
    assert casefold.needed_words(re.compile(r"\w+ed|x*")) is None  # a branch needs nothing
    # a sieve of common words sieves nothing: the rarer words are chosen
    assert casefold.needed_words(re.compile(r"the (?:next|following) day")) == {"next", "following"}


def test_a_sentence_without_the_words_cannot_match_and_one_with_them_may():
    pattern = re.compile(r"\b(?:denied|rejected)\b", re.I)
    assert not casefold.may_match(pattern, casefold.fold("Rebels took the city."))
    assert casefold.may_match(pattern, casefold.fold("Officials DENIED it."))


def test_every_trigger_match_begins_with_one_of_its_rules_heads():
    # the trigger scan tries, where a trigger may start, only the rules one of whose
    # three-letter heads begins the text there
    checked = 0
    for (_, _, pattern, _), heads in zip(GENERIC.triggers, GENERIC._heads, strict=True):
        for sentence in SENTENCES:
            for match in pattern.finditer(sentence):
                assert heads is None or any(match.group(0).lower().startswith(h) for h in heads)
                checked += 1
    assert checked > 15
    assert casefold.prefixes(re.compile(r"(?:the )?x|y*z"), 3) == {"the", "x", "yyy", "yyz", "yz",
                                                                  "z"}
    assert casefold.prefixes(re.compile(r"\w+ fell"), 3) is None  # may start anywhere
    assert casefold.prefixes(re.compile(r"re-?took|fell"), 3) == {"ret", "re-", "fel"}


def test_a_pattern_with_a_case_sensitive_part_gets_no_twin():
    # "(?-i:IS)": the acronym only in capitals; lowered, it would match "is"
    pattern = re.compile(r"\b(?:(?-i:IS)|militants)\b", re.I)
    assert casefold.twin(pattern) is None
    assert not pattern.search("the city is calm") and pattern.search("IS fighters")


# -- prefixes: the trigger scan tries the rules where a trigger's first letters are --


def test_every_trigger_match_begins_with_one_of_the_scans_prefixes():
    starts = casefold.prefixes(casefold.twin(GENERIC._any))
    assert starts and max(map(len, starts)) == 8
    checked = 0
    for _, _, pattern, _ in GENERIC.triggers:
        for sentence in SENTENCES:
            for match in pattern.finditer(sentence):
                assert any(match.group(0).lower().startswith(s) for s in starts), match
                checked += 1
    assert checked > 15


def test_prefixes_of_alternatives_repeats_classes_and_look_arounds():
    assert casefold.prefixes(re.compile(r"\b(?:took|taken) back"), 4) == {"took", "take"}
    assert casefold.prefixes(re.compile(r"fell\s+to"), 8) == {"fell"}  # \s: stops there
    assert casefold.prefixes(re.compile(r"(?<!not )(?:ab)+c", re.I), 5) == {"abc", "ababc", "ababa"}
    assert casefold.prefixes(re.compile(r"[a-c]x?y"), 3) == {"ay", "axy", "by", "bxy", "cy", "cxy"}
    assert casefold.prefixes(re.compile(r"\w+ed")) is None  # any letter first
    assert casefold.prefixes(re.compile(r"x|y?")) is None  # may match nothing


def test_alternation_matches_exactly_what_its_words_begin():
    pattern = re.compile(casefold.alternation(["capture", "captur", "cap.", "seize", "s"]))
    assert pattern.pattern.count("|") <= 3  # a trie, with "captur" and "s" covering the longer
    for text, expected in (("captured", "captur"), ("cap.", "cap."), ("sold", "s"), ("cut", None),
                           ("capx", None)):  # fmt: skip
        match = pattern.match(text)
        assert (match.group(0) if match else None) == expected, text


_WORDS = st.sampled_from(
    "captured Captur seized the took back control of fell to not remained besieged retook"
    " over ran - . , ı ſ".split() + ["in full control of", "\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=4)), max_size=14).map(" ".join))
def test_the_prefix_scan_finds_the_triggers_the_whole_alternation_finds(text):
    whole = copy.copy(GENERIC)
    whole._any_folded = casefold.twin(GENERIC._any)  # every rule, tried at every position
    for start, end in ((0, len(text)), (min(3, len(text)), len(text))):
        assert GENERIC.find_triggers(text, start, end) == whole.find_triggers(text, start, end)


def test_a_folded_search_finds_what_the_case_blind_search_finds():
    # the piece is searched lower-cased; a place found is matched again in the text,
    # which sees the character before the piece
    from timeline_app.extraction.extract import _CITY_ANAPHOR
    from timeline_app.extraction.triggers import DISPUTE

    texts = ["xThe city fell. The Town is calm.", "Officials DENIED it; unverified.",
             "THE CITY OF Kunduz", "the city centre, then the city", "Iıthe city", ""]
    for pattern in (_CITY_ANAPHOR, DISPUTE):
        for text in texts:
            for start in range(len(text) + 1):
                want = pattern.search(text, start, len(text))
                got = casefold.search(pattern, text, start, len(text))
                assert (got and got.span()) == (want and want.span()), (text, start)


_RULE_WORDS = st.sampled_from(
    "not n't n’t never no yet to failed to without claimed said reportedly allegedly"
    " would could poised to threaten captured seized the city of Kunduz fell denied"
    " unconfirmed IF Not NEVER ı ſ İ - , . ;".split() + ["could not be verified", "\n"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_RULE_WORDS, st.text(max_size=3)), max_size=16).map(" ".join))
def test_a_search_from_the_first_letters_finds_what_the_case_blind_search_finds(text):
    """Every rule's pattern, searched where its scanner says a match can start on the
    lower-cased text (the hedge and the negations open with alternations), finds the
    match that the case-blind search of the text finds."""
    low = casefold.fold(text)
    for pattern in _patterns():
        if casefold.scanner(pattern) is None or low is None:
            continue
        want = pattern.search(text)
        got = casefold.search_folded(pattern, low)
        assert (got and got.span()) == (want and want.span()), pattern.pattern[:60]
        for start in (0, min(2, len(text))):
            want = pattern.search(text, start, len(text))
            got = casefold.search(pattern, text, start, len(text))
            assert (got and got.span()) == (want and want.span()), pattern.pattern[:60]


def test_a_scanner_opens_with_the_boundary_its_pattern_opens_with():
    opening = casefold.scanner(re.compile(r"\b(?:claim(?:ed)?|said)\b", re.I))
    assert opening.pattern.startswith(r"\b")
    assert not opening.search("proclaimed") and opening.search("they claimed")
    # "n't" needs no boundary before it: a branch without one gets none
    inner = casefold.scanner(re.compile(r"(?:\bnot|n['’]t|\bnever)", re.I))
    assert not inner.pattern.startswith(r"\b") and inner.search("hasn't")
    assert casefold.scanner(re.compile(r"\w+ed", re.I)) is None  # no first letters to tell


_SIEVE_WORDS = ["ed", "captured", "captur", "tak", "taken", "in", "in control", "n’t", "n't", ",",
                " after ", "%", "on", "once", "—"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.lists(st.sampled_from(_SIEVE_WORDS), min_size=1,
                                           max_size=4)), min_size=1, max_size=8),  # fmt: skip
    st.lists(st.one_of(st.sampled_from(_SIEVE_WORDS), st.text("acdeinoprtu ,'’—", max_size=5)),
             max_size=12).map("".join),  # fmt: skip
)
@example([["ed"], ["captured"], ["tak", "on"]], "captured")
@example([["once"], ["on"], ["n’t"]], "n’tonce")
@example([["taken"], ["tak"]], "tak")
@example([["tak"], ["taken"]], "taken")
def test_the_sieves_asked_at_once_pass_the_patterns_a_word_by_word_check_passes(sieves, low):
    # words inside others ("ed" in "captured"), beginning others ("tak", "taken") and
    # overlapping ("on" in "once" in "n’tonce") are all found by the one search
    expected = sum(1 << i for i, words in enumerate(sieves)
                   if words is None or any(word in low for word in words))  # fmt: skip
    assert casefold.Sieves(sieves).passed(low) == expected
    long = "#" * 2000 + low + "#" * 2000  # (a long text: the words far from its start)
    assert casefold.Sieves(sieves).passed(long) == expected
    assert casefold.Sieves(sieves).passed(None) == (1 << len(sieves)) - 1
