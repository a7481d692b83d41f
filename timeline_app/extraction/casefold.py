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

_UNSAFE_SOURCE = re.compile(r"\\[^\W_bswd]|\(\?(?!P[<=])[a-zA-Z]|\(\?P[<=][^>)]*[A-Z]")


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
    if not pattern.flags & re.I or not isinstance(pattern.pattern, str):
        return None
    source = pattern.pattern
    if _UNSAFE_SOURCE.search(source) or any(
        not c.isascii() and c.lower() != c.upper() for c in source
    ):
        return None
    return re.compile(source.lower(), pattern.flags & ~re.I)


def fold(piece: str) -> str | None:
    """``piece`` lower-cased, or None where that would not match as IGNORECASE does."""
    low = piece.lower()
    if len(low) != len(piece) or "ı" in piece or "ſ" in piece:
        return None
    return low
