"""Case-insensitive searches made fast: the same matches, found on lower-cased text.

Python's ``re`` cannot skip ahead with an IGNORECASE pattern: it tries every
alternative at every position.  The trigger words, all in one alternation, cost
about 500 ms a MB that way and about 120 ms as a case-sensitive pattern run on
the lower-cased text.  The two find the same matches, at the same offsets, when

* the pattern's twin is its source lower-cased (``twin`` refuses a pattern whose
  source would change meaning: ``\\S``, ``\\W``, inline flags, a group name with a
  capital, a cased letter outside ASCII), and
* lower-casing the text keeps its length and maps each character as IGNORECASE
  does (``fold`` refuses "ı" and "ſ", the only characters IGNORECASE matches to an
  ASCII letter that ``str.lower`` does not turn into it).

Where either refuses, callers search as before.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser

import ahocorasick_rs

from . import compiled

# Every stage that reads text imports this module before it compiles its patterns:
# they, and this module's, come from the cache where kept.  (The window, which shows
# places and reads no text when it starts, loads neither.)
compiled.install()

# (an escape other than \b \s \w \d, inline flags, "(?-i:...)", a group name in capitals)
_UNSAFE_SOURCE = re.compile(r"\\[^\W_bswd]|\(\?(?!P[<=])-?[a-zA-Z]|\(\?P[<=][^>)]*[A-Z]")


_TWINS: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}


def twin(pattern: re.Pattern) -> re.Pattern | None:
    """The case-sensitive twin of an IGNORECASE pattern, for lower-cased text; None
    when the pattern is not IGNORECASE or its source cannot be lower-cased safely.
    (Kept by identity: hashing a pattern hashes its compiled code, every call.)"""
    known = _TWINS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    if len(_TWINS) > 1024:
        _TWINS.clear()
    made = _twin(pattern)
    _TWINS[id(pattern)] = (pattern, made)
    return made


def _twin(pattern: re.Pattern) -> re.Pattern | None:
    if not isinstance(pattern.pattern, str):
        return None
    lowered = twin_source(pattern.pattern, pattern.flags)
    return None if lowered is None else re.compile(lowered, pattern.flags & ~re.I)


def twin_source(source: str, flags: int) -> str | None:
    """The lower-cased source ``twin`` compiles, for a source not compiled yet
    (``flags`` as it would be compiled with), or None."""
    if not flags & re.I or _UNSAFE_SOURCE.search(source) or any(
        not c.isascii() and c.lower() != c.upper() for c in source
    ):
        return None
    # (a named group keeps its "(?P": lower-cased, it is no syntax)
    return source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")


def fold(piece: str) -> str | None:
    """``piece`` lower-cased, or None where that would not match as IGNORECASE does."""
    low = piece.lower()
    if len(low) != len(piece) or "ı" in piece or "ſ" in piece:
        return None
    return low


def search(pattern: re.Pattern, text: str, start: int, end: int):
    """``pattern.search(text, start, end)`` for a case-blind pattern with no
    look-behind, run on the lower-cased piece where that finds the same: a search
    that skips to its first letters instead of trying every position.  Each place
    found is matched again in the text itself, which sees the character before the
    piece (``\\b`` at its start)."""
    fast = twin(pattern)
    low = fold(text[start:end]) if fast is not None else None
    if low is None:
        return pattern.search(text, start, end)
    if not may_match(pattern, low):  # ("in" for a few words: ten times re's pace a character)
        return None
    scan = scanner(pattern) or fast
    position = 0
    while (found := scan.search(low, position)) is not None:
        match = pattern.match(text, start + found.start(), end)
        if match is not None:
            return match
        position = found.start() + 1
    return None


def search_folded(pattern: re.Pattern, low: str, fast=None, scan=None):
    """``twin(pattern).search(low)`` (``low`` lower-cased by ``fold``), tried only
    where ``scanner`` says a match can start (``fast``, ``scan``: the twin and the
    scanner, for a caller that keeps them)."""
    if fast is None:
        fast, scan = twin(pattern), scanner(pattern)
    if scan is None:
        return fast.search(low)
    position = 0
    while (found := scan.search(low, position)) is not None:
        match = fast.match(low, found.start())
        if match is not None:
            return match
        position = found.start() + 1
    return None


_SCANNERS: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}


def scanner(pattern: re.Pattern) -> re.Pattern | None:
    """For a case-blind pattern with a ``twin``: a pattern that finds, in lower-cased
    text, every place where a match can start (the first letters of its matches as
    a trie, after the ``\\b`` it opens with); None when they cannot be told.  A
    pattern that opens with an alternation ("not|n't|never|...") is tried by ``re``
    at every position, each branch in turn; the trie skips to its letters.
    (Kept by identity.)"""
    known = _SCANNERS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    if len(_SCANNERS) > 1024:
        _SCANNERS.clear()
    made = None
    fast = twin(pattern)
    starts = prefixes(fast) if fast is not None else None
    if starts:
        bound = r"\b" if compiled.derived("opens with a boundary", fast.pattern, fast.flags,
                                          lambda: _opens_with_boundary(fast)) else ""  # fmt: skip
        made = re.compile(bound + alternation(starts))
    _SCANNERS[id(pattern)] = (pattern, made)
    return made


def _opens_with_boundary(pattern: re.Pattern) -> bool:
    items = _parser.parse(pattern.pattern, pattern.flags)
    return bool(len(items) and items[0] == (_c.AT, _c.AT_BOUNDARY))


# -- sieves: the words a pattern cannot match without ------------------------------
#
# A qualifier rule searches a few words around a trigger, for every trigger and
# place; most never match ("would", "denied" are rare).  Every match of such a
# pattern contains one of a few literal words, so a sentence (lower-cased once)
# that has none of them needs no search at all.

_NEEDS: dict[int, tuple[re.Pattern, frozenset[str] | None, tuple[str, ...] | None]] = {}


def needed_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-cased words one of which is in every match of ``pattern``, or None
    when no such words can be told from its source."""
    return _needs_of(pattern)[1]


def sieve_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """The words of ``needed_words`` in the order to try them, for a caller that
    sieves many patterns at once; None when the pattern has none."""
    return _needs_of(pattern)[2]


def may_match(pattern: re.Pattern, low: str) -> bool:
    """False only when no part of the text ``low`` (lower-cased by ``fold``) can
    hold a match of ``pattern``."""
    return holds_any(_needs_of(pattern)[2], low)


def needed_by_any(patterns) -> tuple[str, ...] | None:
    """The words one of which every match of any of ``patterns`` holds (shortest
    first, for ``holds_any``); None when one of them needs none."""
    words: set[str] = set()
    for pattern in patterns:
        needed = needed_words(pattern)
        if needed is None:
            return None
        words |= needed
    return _to_try(words)


def _to_try(words) -> tuple[str, ...]:
    """``words`` shortest first, without those that hold a shorter one ("weeks")."""
    kept: list[str] = []
    for word in sorted(words, key=len):
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(kept)


def holds_any(words, low: str | None) -> bool:
    """Whether the lower-cased text ``low`` holds one of ``words`` (True when
    either is None: no sieve)."""
    if words is None or low is None:
        return True
    for word in words:  # (a loop: any() over a generator costs twice as much here)
        if word in low:
            return True
    return False


def _needs_of(pattern: re.Pattern):
    """(pattern, needed words, the same in the order to try), kept by identity."""
    known = _NEEDS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known
    words = compiled.derived("needs", pattern.pattern, pattern.flags,
                             lambda: _source_needs(pattern.pattern, pattern.flags))  # fmt: skip
    # (``in`` for each word is faster than one search for them all; the shortest,
    # likeliest, first)
    sieve = _to_try(words) if words else None
    if len(_NEEDS) > 1024:
        _NEEDS.clear()
    _NEEDS[id(pattern)] = known = (pattern, words, sieve)
    return known


def _source_needs(source: str, flags: int) -> frozenset[str] | None:
    try:
        return _needs(_parser.parse(source, flags))
    except Exception:  # a source this reader does not know: no sieve, same matches
        return None


_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


def _needs(items) -> frozenset[str] | None:
    """The most selective set of literal words one of which every match of the
    parsed sequence ``items`` contains (longest shortest word), or None."""
    best, run = None, [""]

    def consider(words):
        nonlocal best
        if words and (best is None or _rarity(words) > _rarity(best)):
            best = frozenset(words)

    for op, arg in items:
        letters = _letters(op, arg)
        if letters is not None and len(run) * len(letters) <= 16:
            run = [word + letter for word in run for letter in letters]
            continue
        consider({word.lower() for word in run if word} if all(run) else None)
        run = [""] if letters is None else list(letters)
        if op is _c.SUBPATTERN:
            consider(_needs(arg[-1]))
        elif op is _c.BRANCH:
            branches = [_needs(branch) for branch in arg[1]]
            if all(branches):
                consider(frozenset().union(*branches))
        elif op in _REPEATS and arg[0] >= 1:
            consider(_needs(arg[2]))
        # anything else (wider classes, anchors, look-arounds) needs no literal we can name
    consider({word.lower() for word in run} if all(run) else None)
    return best


# words in nearly every sentence: a sieve of them sieves nothing
_COMMON = frozenset("a an and at by for in of on or s the to with".split())


def _rarity(words) -> int:
    """How seldom a sentence holds one of ``words``: the letters of the
    shortest, common words not counted (" of the " is no sieve)."""
    return min(
        sum(len(part) for part in re.findall(r"\w+", word) if part not in _COMMON)
        for word in words
    )


def _letters(op, arg) -> tuple[str, ...] | None:
    """The characters a literal or a small class of literals ("['’]") stands for."""
    if op is _c.LITERAL:
        return (chr(arg),)
    if op is _c.IN and len(arg) <= 4 and all(kind is _c.LITERAL for kind, _ in arg):
        return tuple(chr(code) for _, code in arg)
    return None


_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


class Sieves:
    """Many patterns' sieves (``sieve_words``) asked of one lower-cased text at once:
    one pass of an Aho-Corasick automaton finds every place where one of all their
    words stands (words inside others too), where ``in`` for each word took a pass
    of the text per word (for the 35 rules of a capture, some 190 of them a
    sentence), and a search for the longest word at each place about five times
    the automaton's time."""

    def __init__(self, sieves) -> None:
        """``sieves``: for each pattern, its words (lower case) or None (no sieve)."""
        self.always = 0  # the patterns without a sieve, as bits
        bits: dict[str, int] = {}
        for index, words in enumerate(sieves):
            if words is None:
                self.always |= 1 << index
                continue
            for word in words:
                bits[word] = bits.get(word, 0) | 1 << index
        self.everything = (1 << len(sieves)) - 1
        words = sorted(bits)
        self._bits = [bits[word] for word in words]  # by the automaton's index of a word
        self._automaton = ahocorasick_rs.AhoCorasick(words) if words else None

    def passed(self, low: str | None) -> int:
        """The patterns (bit i for the i-th) whose sieve ``low`` passes: all for None."""
        if low is None:
            return self.everything
        found = self.always
        if self._automaton is not None:
            bits = self._bits
            for index, _, _ in self._automaton.find_matches_as_indexes(low, overlapping=True):
                found |= bits[index]
        return found


# -- prefixes: where a match can start, in a pattern that skips ahead ----------------
#
# The trigger rules in one alternation of a few thousand characters, each branch
# beginning with ``\b``: ``re`` tries every branch at every position (about 570 us
# for a 3.5 kB article).  The first eight letters of every match, as a trie
# ("c(?:a(?:pture|...)|...)"), find the same places to try the rules about five
# times faster.

_PREFIX_CAP = 4000  # prefixes of a pattern at most; a pattern with more has none


class _TooMany(Exception):
    pass


def prefixes(pattern: re.Pattern, length: int = 8) -> frozenset[str] | None:
    """Strings of at most ``length`` characters, one of which begins every match
    of ``pattern`` (zero-width parts, ``\\b`` and look-arounds, are passed over:
    the set is never too small), or None when they cannot be told from its source
    (a wide class such as ``\\w`` first, an empty string among them, or too many)."""
    return source_prefixes(pattern.pattern, pattern.flags, length)


def source_prefixes(source: str, flags: int = 0, length: int = 8) -> frozenset[str] | None:
    """``prefixes`` of a pattern not compiled yet."""
    return compiled.derived(f"prefixes {length}", source, flags,
                            lambda: _source_prefixes(source, flags, length))  # fmt: skip


def _source_prefixes(source: str, flags: int, length: int) -> frozenset[str] | None:
    try:
        found = _sequence_prefixes(_parser.parse(source, flags), length)
    except (_TooMany, Exception):  # a source this reader does not know: no prefixes
        return None
    words = frozenset(word for word, _ in found)
    return None if not words or "" in words else words


def _sequence_prefixes(items, length: int) -> set[tuple[str, bool]]:
    """(prefix, whether a match of the sequence may end right after it) for ``items``."""
    ended: set[str] = set()  # prefixes that cannot be told further
    going = {""}  # prefixes after which the next item follows
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        parts = _item_prefixes(op, arg, length)
        if parts is None:  # anything from here on: the prefixes stop here
            ended |= going
            going = set()
            break
        following = set()
        for head in going:
            for part, complete in parts:
                word = head + part
                if len(word) >= length:
                    ended.add(word[:length])
                elif complete:
                    following.add(word)
                else:
                    ended.add(word)
        going = following
        if len(going) + len(ended) > _PREFIX_CAP:
            raise _TooMany
        if not going:
            break
    return {(word, False) for word in ended} | {(word, True) for word in going}


def _item_prefixes(op, arg, length: int) -> set[tuple[str, bool]] | None:
    if op is _c.LITERAL:
        return {(chr(arg), True)}
    if op is _c.IN:
        found = set()
        for kind, value in arg:
            if kind is _c.LITERAL:
                found.add((chr(value), True))
            elif kind is _c.RANGE and value[1] - value[0] < 64:
                found.update((chr(code), True) for code in range(value[0], value[1] + 1))
            else:  # a category or a negation: any character
                return None
        return found
    if op is _c.SUBPATTERN:
        return _sequence_prefixes(arg[-1], length)
    if op is _c.BRANCH:
        found = set()
        for branch in arg[1]:
            found |= _sequence_prefixes(branch, length)
        return found
    if op in _REPEATS:
        least, most, body = arg[0], arg[1], _sequence_prefixes(arg[2], length)
        found, current = set(), {("", True)}
        for count in range(length + 1):  # a body of one character at least fills it
            if count >= least:
                found |= current
            if count == most:
                return found
            longer = set()
            for head, complete in current:
                if not complete:
                    continue
                for part, done in body:
                    word = head + part
                    longer.add((word[:length], False) if len(word) >= length else (word, done))
            current = longer
            if not current:
                return found
            if len(current) > _PREFIX_CAP:
                raise _TooMany
        return found | {(word, False) for word, _ in current}  # it may repeat further
    return None


def alternation(words) -> str:
    """A pattern source matching exactly the strings ``words`` begin with, as a
    trie: each position tries the next letters, not every word."""
    kept: list[str] = []
    for word in sorted(set(words)):  # a word that begins another sorts just before it
        if not kept or not word.startswith(kept[-1]):
            kept.append(word)
    return _trie(kept)


def _trie(words: list[str]) -> str:
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches = []
    for letter, rests in groups.items():
        if len(rests) == 1:
            branches.append(re.escape(letter + rests[0]))
        else:  # (no rest is empty: no kept word begins another)
            branches.append(re.escape(letter) + _trie(rests))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
