"""The places file: which places exist, how news spells them, and finding them in text.

A gazetteer row is one place (a lane on the timeline) with the province it is
the capital of.  A province name in the text stands for its capital ("the
Taliban overran Badghis"), except where the text says it means the province
itself ("in Helmand province").
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import functools
import json
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..model import Place, PlaceMention
from .profile import Profile, ProfileError

DEFAULT_GAZETTEER = "afghanistan.csv"
REQUIRED_COLUMNS = ("place", "province", "country")

_SEPARATOR = r"[\s\-'’‘]*"
# "the capitals of northern Kunduz and ...", "the capital of the southern Helmand
# province", "the capitals of the two main provinces of Paktia and Paktika"
_WHERE_WORD = (
    r"(?:(?:north|south)(?:[\s\-]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central"
    r"|neighbou?ring|remote|restive|strategic|key|main|two|three|four|both)"
)
_CAPITALS_OF = re.compile(
    r"\b(?:provincial\s+)?capitals?\s+(?:city\s+)?(?:cities\s+)?of\s+(?:the\s+)?"
    r"(?:(?:" + _WHERE_WORD + r"\s+){1,3}(?:(?:provinces?|states?|regions?|governorates?)\s+of"
    r"\s+(?:the\s+)?)?)?$",
    re.I,
)
_APPOSED_CAPITAL_OF = re.compile(
    r",\s+(?:the\s+)?(?:provincial\s+|regional\s+|state\s+)?capital\s+(?:city\s+)?of\s+"
    r"(?:the\s+)?(?:" + _WHERE_WORD + r"\s+)*",
    re.I,
)
_IN_PROVINCE = re.compile(
    r",?\s+in\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|adjacent|" + _WHERE_WORD + r")\s+)*",
    re.I,
)
_POSSESSIVE_CAPITAL = re.compile(r"^['’]s?\s+(?:provincial\s+)?capital\b", re.I)
# What a country calls its first-level units: "Helmand province", "Donetsk
# region" or "oblast", "Aleppo governorate", "North Darfur state"; the
# self-proclaimed "Donetsk People's Republic" stands for its province too.
_PROVINCE_KIND = (
    r"(?:provinces?|states?|regions?|oblasts?|governorates?|people['’]s\s+republic)"
)
# (and "crossed into Kilinochchi District", "the oil-rich Melut county": the area named
# for the town, not the town; its "district centre" is the town)
_PROVINCE_SUFFIX = re.compile(
    r"^\s+(?:" + _PROVINCE_KIND + r"\b"
    r"|(?:districts?|count(?:y|ies))\b(?!\s+(?:cent(?:er|re)|headquarters|town|seat)))",
    re.I,
)
# "the Amhara and Afar regions", "Kunduz, Takhar and Baghlan provinces": a list of
# names before the plural kind is a list of provinces (or of districts: "24 villages in
# the Fizuli, Djebrail and Zangilan Districts"; the kind in either case)
_PROVINCE_LIST_SUFFIX = re.compile(
    r"(?:\s*,\s*[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?)*,?\s+(?:and|or)\s+"
    r"[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?\s+"
    r"(?i:provinces|states|regions|oblasts|governorates|districts|counties)\b"
)
# "... Balkh, Badakhshan and Panjshir provinces, with the Taliban hoping to close in
# on their capitals": the list speaks of the capitals after all
_THEIR_CAPITALS = re.compile(r"\b(?:their|whose|the provincial) capitals\b", re.I)
# "the province of Nimroz", "the provinces of Paktia and Paktika"
# "Kunduz city" is the city; "the historic Rakhine State city of Mrauk U" another one
_CITY_AFTER_NAME = r"(?:\s+city(?!\s+of\s+(?-i:[A-Z])))?(?![\w])"
PROVINCE_OF = re.compile(r"\b" + _PROVINCE_KIND + r"\s+of\s+$", re.I)
# "in the last rebel-held province, Idlib": the province in apposition (lower-case words
# only: not "in the southern Helmand province, Lashkar Gah fell")
_PROVINCE_APPOSED = re.compile(
    r"\bthe\s+(?:[a-z][a-z\-]*\s+){0,3}(?i:" + _PROVINCE_KIND + r"),\s+$"
)
_PROVINCES_OF = re.compile(r"\b(?:provinces|states|regions|oblasts|governorates)\s+of\s+$", re.I)
# A province whose own name holds the word ("Kachin State", "Red Sea State":
# bare "Kachin" and "Red Sea" are a people and a sea).
_KIND_ENDS_NAME = re.compile(r"\s" + _PROVINCE_KIND + r"$", re.I)
# What may stand between the places of one list ("Farah, Herat and, in the
# north, Kunduz"); extract.py's coordination allows more (appositions).
LIST_GLUE_PARTS = (
    r"\s", ",", r"\band\b", r"\bor\b", "&", r"\bas well as\b", r"\bthe\b", r"\bprovinces?\b",
    r"\brespectively\b",
    # "Tirin Kot (Uruzgan) and Firoz Koh (Ghor)": a place's province in brackets
    r"\(", r"\)",
    r"\bin the (?:far\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"center|centre)(?:ern)?\b",
)  # fmt: skip
LIST_GLUE = re.compile(r"^(?:" + "|".join(LIST_GLUE_PARTS) + r")*$", re.I)


class GazetteerError(ValueError):
    """The places file cannot be read; the message says why, in one line."""


# A places file larger than this is refused before it is read: the matcher for
# 10,000 places takes 5 s to build, and a 50 MB file took 208 s and 5.9 GB.
MAX_BYTES = 2_000_000
MAX_PLACES = 5_000

# Names that would match ordinary text ("A spokesman said", "The city"): refused.
ORDINARY_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers him his how i if in into is it its
    just me more most my no nor not now of off on once only or other our ours out over own
    same she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why
    will with would you your said says say told tell according officials official people
    police army forces force troops government city town capital province district village
    north south east west northern southern eastern western new old first last next week day
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december one two
    three four five six seven eight nine ten many several since ago still however meanwhile
    later earlier near far well back home across around against amid among fighting fighters
    attack attacks war peace spokesman spokeswoman minister president news report reports
    reported taliban""".split()
)


@dataclass(frozen=True)
class _Name:
    place_id: str
    is_province: bool
    is_alias: bool = False
    spelled: bool = False  # found as another spelling (see SPELLING_MIN)


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _name_pattern(name: str) -> str:
    tokens = [re.escape(t) for t in re.split(r"[\s\-'’‘]+", name.strip()) if t]
    return _SEPARATOR.join(tokens)


# Where a name may start: a word of letters or digits ("6th of October").
_WORD = re.compile(r"(?<![\w\-])[^\W_]+")
# The words of running text a name may start: not in lower case (a name in lower
# case is no proper noun), not inside a hyphenated word.  The search skips to
# such a first letter; looking behind at every position is three times slower.
_PROPER_WORD = re.compile(r"[^\W_a-z](?<![\w\-].)[^\W_]*")
# the same words in ASCII text (and the character before it), found twice as fast
_PROPER_ASCII = re.compile(r"[A-Z0-9](?<![A-Za-z0-9_\-].)[A-Za-z0-9]*")
# Where a line of a saved page was run into the next one: "transfer of
# powerDaikandi province" (three lower-case letters, then a capitalised word).
# The capital comes first so that the search skips to capitals (four times
# faster than looking behind at every position).
GLUED = re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])(?=[a-z]{2})")
_GLUED_WORD = re.compile(r"[^\W_]+")
_MATCH_START = re.Match.start


# Transliterated names are spelled many ways ("Daikundi", "Daikandi", "Daikindi";
# "Kharkiv", "Kharkov"): a capitalised word of at least this many letters that
# differs from a one-word name by one letter, not its first, is that name.
SPELLING_MIN = 7
# What a capitalised word of the text is to the names (``Gazetteer._word_kind``)
_FIRST_WORD, _SPELLING, _NEITHER = "first word", "spelling", "neither"


class _Variants(dict):
    """Words one letter off a long one-word name -> that name, built lazily per word."""

    def __init__(self, masks: dict[str, _Name | None], excluded: set[str]) -> None:
        super().__init__({word: None for word in excluded})
        self._masks = masks
        self._excluded = excluded

    def __missing__(self, word: str):
        lower = word.lower()
        hits = {self._masks.get(lower[:i] + "?" + lower[i + 1 :], 0) for i in range(1, len(lower))}
        hits.discard(0)
        # ambiguous: no name
        name = dataclasses.replace(hits.pop(), spelled=True) if len(hits) == 1 else None
        if len(self) > 50_000:  # a text of random words must not grow it without end
            self.clear()
            self.update({excluded: None for excluded in self._excluded})
        self[word] = name
        return name

    def __contains__(self, word: object) -> bool:
        return self[word] is not None  # type: ignore[index]


def _spelling_index(names: dict[str, _Name], excluded: set[str]) -> _Variants:
    masks: dict[str, _Name | None] = {}
    for name, value in names.items():
        if len(name) < SPELLING_MIN or not name.isalpha() or value.is_alias:
            continue
        lower = name.lower()
        for i in range(1, len(lower)):
            key = lower[:i] + "?" + lower[i + 1 :]
            previous = masks.get(key, value)
            masks[key] = value if previous == value else None  # two names: neither
    return _Variants(masks, excluded)


def _words_pattern(words: set[str]) -> re.Pattern | None:
    """Any of ``words`` (lower case, as written) as a whole word of text, like
    ``_WORD`` finds it; None for no words.  The words come first and what stands
    before them is looked at after: the search skips to their first letters."""
    if not words:
        return None
    ordered = sorted(words, key=lambda word: (-len(word), word))  # (the same source each run)
    before = "".join(rf"(?<![\w\-]{re.escape(word)})" for word in ordered)
    return re.compile(rf"(?:{'|'.join(map(re.escape, ordered))}){before}(?![^\W_])")


def _first_word(name: str) -> str:
    """The first word of a name as the matcher meets it in text ("amran" for "'Amran")."""
    return _WORD.search(name).group(0).lower()


# The Arabic article, written in lower case before a capitalised name ("el-Fasher",
# "al-Qusayr"): the name is a proper noun all the same.
ARTICLES = frozenset(("al", "el", "ad", "ar", "as", "at", "an", "az", "ash", "ed", "es", "en"))
_ARTICLE_BEFORE_CAPITAL = re.compile(r"([a-z]+)[\-\s]+[A-Z]")


def _proper(matched: str) -> bool:
    """Written as a proper noun: capitalised, or, for a name starting with a digit
    ("6th of October"), capitalised further on, or after a lower-case article."""
    first = matched[0]
    if first.isupper() or not first.isalpha() and any(c.isupper() for c in matched):
        return True
    article = _ARTICLE_BEFORE_CAPITAL.match(matched)
    return article is not None and article.group(1) in ARTICLES


def _name_problem(name: str) -> str:
    """Why ``name`` cannot be a place name, or ""."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not _WORD.search(name):
        return f"{name!r} is not a place name (no letters)"
    if len(letters) < 2:
        return f"{name!r} is too short for a place name (it would match ordinary text)"
    if name.strip().lower() in ORDINARY_WORDS:
        return f"{name!r} is an ordinary English word (it would match ordinary text)"
    return ""


def _split_variants(value: str | list | None) -> list[str]:
    if not value:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split("|") if v.strip()]


def _to_float(value) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


_NOT_IN_NORMAL = re.compile(r"[\s\-'’‘]+")  # what a name's look-up key leaves out
_CITY_AFTER = re.compile(r"\s+city$", re.I)  # "Kunduz City" is Kunduz
_UNKNOWN = object()


NAME_START = operator.itemgetter(0)  # of a scanned name: (start, end, name)


class Gazetteer:
    """Places and the names they go by, with a matcher for running text."""

    def __init__(self, rows: list[dict], *, source: str = "", profile=None) -> None:
        self.source = source
        self.rows = [dict(row) for row in rows]  # as read: what a database keeps of it
        # The conflict profile kept beside the places file (actors, period).
        self.profile = profile if profile is not None else Profile()
        self.places: dict[str, Place] = {}
        self._names: dict[str, _Name] = {}
        self._province_capital: dict[str, str] = {}
        # provinces of more than one place: their name alone names no one city of them
        # ("Tigrayan forces retook most of Tigray": the region, not Mekelle)
        self._shared_provinces: set[str] = set()
        self._rows_of: dict[str, int] = {}  # normalised place name or id -> its row
        if len(rows) > MAX_PLACES:
            raise GazetteerError(
                f"{source or 'gazetteer'}: {len(rows):,} places; a places file may hold at "
                f"most {MAX_PLACES:,}"
            )
        for number, row in enumerate(rows, start=2):
            self._add_row(row, number)
        if not self.places:
            raise GazetteerError(f"{source or 'gazetteer'}: no places in the file")
        # longest first; of the same length, in the same order in every process (an
        # order that changed with the hash seed made another pattern every run)
        alternatives = sorted({_name_pattern(n) for n in self._names},
                              key=lambda source: (-len(source), source))  # fmt: skip
        self._names_pattern = r"(?:" + "|".join(alternatives) + r")" + _CITY_AFTER_NAME
        # each alternative with the first word of its names, in the same order: where a
        # word starts, only the names whose first word begins it are tried
        firsts = {_name_pattern(n): _first_word(n) for n in self._names}
        self._alternatives = [(a, firsts[a]) for a in alternatives]
        self._at_word: dict[str, re.Pattern] = {}
        self._glued_pattern: re.Pattern | None = None  # compiled when first needed
        self._lookup = {self._normal(n): v for n, v in self._names.items()}
        self._resolved: dict[str, _Name | None] = {}  # ``_resolve``'s answers
        # Trying ~200 alternatives at every position is slow; names are only
        # tried where a word starts that begins some name.
        self._first_words = {_first_word(n) for n in self._names}
        self._word_kinds: dict[str, object] = {}  # ``_word_kind``'s answers
        # lower-case words that may start a descriptive alias ("second-largest city")
        # and the article of a name that may be written in lower case ("el-Fasher")
        self._alias_starts = _words_pattern(
            {_first_word(n) for n, v in self._names.items() if v.is_alias and n[0].islower()}
            | {_first_word(n) for n in self._names if _first_word(n) in ARTICLES}
        )
        # the conflict's own names ("Taleban") are no spelling of a place ("Taleqan")
        actors = " ".join((*self.profile.attackers, *self.profile.defenders,
                           *self.profile.spokesmen))  # fmt: skip
        self._variants = _spelling_index(self._names, set(_GLUED_WORD.findall(actors)))

    @functools.cached_property
    def _pattern(self) -> re.Pattern:
        """Compiled when first needed (about 50 ms for the Afghan places): the
        window shows its places before it reads any text."""
        return re.compile(r"(?<![\w\-])" + self._names_pattern, re.I)

    def _names_at(self, word: str) -> re.Pattern:
        """The matcher where ``word`` starts in text: the alternatives of ``_pattern``
        (in its order) whose names' first word begins ``word``, the only ones that
        can match there; ``_pattern`` itself for a word outside ASCII (where
        lower-casing and IGNORECASE may differ).  Two hundred alternatives tried
        at a place cost about 4.7 us; the few of one word about 0.6."""
        if not word.isascii():
            return self._pattern
        low = word.lower()
        pattern = self._at_word.get(low)
        if pattern is None:
            kept = [a for a, first in self._alternatives if low.startswith(first)]
            pattern = self._at_word[low] = re.compile(
                r"(?<![\w\-])(?:" + "|".join(kept) + r")" + _CITY_AFTER_NAME, re.I
            ) if kept else self._pattern  # fmt: skip
        return pattern

    # -- loading ---------------------------------------------------------------
    def _add_row(self, row: dict, number: int) -> None:
        missing = [c for c in REQUIRED_COLUMNS if not str(row.get(c) or "").strip()]
        if missing:
            raise GazetteerError(
                f"{self.source or 'gazetteer'}: row {number} lacks {', '.join(missing)}"
            )
        name = str(row["place"]).strip()
        place_id = str(row.get("id") or "").strip() or slugify(f"{row['country']}-{name}")
        variants = [name, *_split_variants(row.get("place_variants"))]
        provinces = [str(row["province"]).strip(), *_split_variants(row.get("province_variants"))]
        for variant in variants + provinces:
            problem = _name_problem(variant)
            if problem:
                raise GazetteerError(f"{self.source or 'gazetteer'}: row {number}: {problem}")
        for key in (f"name:{self._normal(name)}", f"id:{place_id}"):
            if key in self._rows_of:
                raise GazetteerError(
                    f"{self.source or 'gazetteer'}: row {number}: {name} is already row "
                    f"{self._rows_of[key]} (one place, one row: remove or rename one of them)"
                )
            self._rows_of[key] = number
        place = Place(
            id=place_id,
            name=name,
            province=str(row["province"]).strip(),
            country=str(row["country"]).strip(),
            iso_code=str(row.get("iso_code") or "").strip(),
            lat=_to_float(row.get("lat")),
            lon=_to_float(row.get("lon")),
            is_national_capital=str(row.get("is_national_capital") or "").strip().lower()
            in ("1", "true", "yes"),
        )
        self.places[place_id] = place
        for variant in variants:
            known = self._names.get(variant)
            if known is None or known.is_province:  # a town's own name, in any row order
                self._names[variant] = _Name(place_id, False, variant[:1].islower())
        for variant in provinces:
            normal = self._normal(variant)
            if self._province_capital.setdefault(normal, place_id) != place_id:
                self._shared_provinces.add(normal)
                if self._normal(name) == normal:  # Aleppo, of Aleppo province: its capital
                    self._province_capital[normal] = place_id
            self._names.setdefault(variant, _Name(place_id, True))

    @staticmethod
    def _normal(name: str) -> str:
        return _NOT_IN_NORMAL.sub("", name).lower()

    @classmethod
    def load(cls, path: str | Path | None = None) -> Gazetteer:
        """Load the bundled gazetteer, or a CSV/JSON file with the same columns."""
        if path is None:
            ref = resources.files("timeline_app.data") / DEFAULT_GAZETTEER
            rows = list(csv.DictReader(ref.read_text("utf-8").splitlines()))
            return cls(rows, source="bundled", profile=Profile.load())
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise GazetteerError(f"{path.name}: cannot read the gazetteer ({exc})") from exc
        if size > MAX_BYTES:
            raise GazetteerError(
                f"{path.name}: {size / 1e6:.0f} MB; a places file may be at most "
                f"{MAX_BYTES / 1e6:.0f} MB ({MAX_PLACES:,} places)"
            )
        try:
            text = path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise GazetteerError(f"{path.name}: cannot read the gazetteer ({exc})") from exc
        if path.suffix.lower() == ".json":
            try:
                rows = json.loads(text)
            except json.JSONDecodeError as exc:
                raise GazetteerError(f"{path.name}: not valid JSON ({exc.msg})") from exc
            if isinstance(rows, dict):
                rows = rows.get("places", [])
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise GazetteerError(f"{path.name}: expected a list of place objects")
        else:
            rows = list(csv.DictReader(text.splitlines()))
        try:
            profile = Profile.beside(path)
        except ProfileError as exc:
            raise GazetteerError(str(exc)) from exc
        if profile.source == "none":
            # an analyst's own places file of a country the app knows: its actors, as
            # the shipped file has them, but not its period, which is the shipped war's
            # (an analyst of Afrin 2018 or of the Taliban of 1996 would see every day
            # without a year put in 2024 or 2021; a profile of their own gives theirs)
            countries = Counter(str(row.get("country") or "").strip() for row in rows)
            countries.pop("", None)
            bundled = Profile.bundled_for(set(countries))
            profile = dataclasses.replace(bundled, period=None) if bundled else (
                Profile.of_country(countries.most_common(1)[0][0]) if countries else profile
            )
        return cls(rows, source=path.name, profile=profile)

    # -- matching --------------------------------------------------------------
    def _resolve(self, matched: str) -> _Name | None:
        """The name ``matched`` (as the text writes it) stands for; kept for each way
        of writing it met (a few dozen in most texts: two searches and a look-up
        each, for every mention, otherwise)."""
        known = self._resolved.get(matched, _UNKNOWN)
        if known is _UNKNOWN:
            if len(self._resolved) > 10_000:  # a text of made-up spellings: no endless growth
                self._resolved.clear()
            exact = self._lookup.get(self._normal(matched))
            known = self._resolved[matched] = exact or self._lookup.get(
                self._normal(_CITY_AFTER.sub("", matched))
            )
        return known

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[tuple]:
        """Every name in ``text[start:end]``: (start, end, name) in text order.

        Names are proper nouns: "farah" in lower case is not the city, but
        descriptive aliases ("second-largest city") are lower case.
        """
        end = len(text) if end is None else end
        found = []
        for m_start, m_end, matched in self._candidates(text, start, end):
            name = self._variants[matched] if m_end < 0 else self._resolve(matched)
            if m_end < 0:  # one letter off a long one-word name: another spelling of it
                m_end = m_start + len(matched)
            if name is not None and (_proper(matched) or name.is_alias):
                found.append((m_start, m_end, name))
        found.sort(key=NAME_START)  # glued names came last (sorted: linear)
        return found

    def find(
        self, text: str, start: int = 0, end: int | None = None, *, scanned: list | None = None
    ) -> list[PlaceMention]:
        """Place mentions in ``text[start:end]`` with offsets into ``text``.

        A province named with its kind ("Helmand province", "Donetsk
        region", "Kachin State") is province-level (no lane of its own);
        "the capital(s) of A, B and C" and "A's provincial capital" are the
        capitals, as is a bare province name.  ``scanned`` is the result
        of ``scan`` over a larger span, to avoid scanning twice.
        """
        end = len(text) if end is None else end
        if scanned is None:
            raw = self.scan(text, start, end)
        else:  # ``scanned`` is in text order: bisection, not a pass over a long paragraph
            first = bisect.bisect_left(scanned, start, key=NAME_START)
            last = bisect.bisect_left(scanned, end, lo=first, key=NAME_START)
            raw = [item for item in scanned[first:last] if item[1] <= end]
        mentions = []
        listed_after = None  # the end of a list's name after "the provinces of"
        for index, (m_start, m_end, name) in enumerate(raw):
            after = text[m_end : min(end, m_end + 40)]
            before = text[max(start, m_start - 60) : m_start]
            # the patterns that end the text before the name ("of\s+$", ",\s+$") are
            # searched only where it ends so: re tries each of its 60 places
            ending = before.rstrip()[-2:].lower()
            of_before = ending == "of"
            # "in the provinces of Faryab and Kunar": the list's names are provinces
            in_list = listed_after is not None and LIST_GLUE.match(text[listed_after:m_start])
            listed = in_list or (of_before and _PROVINCES_OF.search(before))
            listed_after = m_end if listed else None
            # "Lashio, the capital of northern Shan State": the province the place before
            # is the capital of (of the province or of a part of it), not its capital
            apposed = index > 0 and (
                _APPOSED_CAPITAL_OF.fullmatch(text, raw[index - 1][1], m_start)
                # "the strategic town of Bara in neighboring North Kordofan": where it lies
                or (name.is_province and _IN_PROVINCE.fullmatch(text, raw[index - 1][1], m_start)
                    and self._same_province(raw[index - 1][2], name))
            )
            province_level = bool(apposed) or (bool(
                _PROVINCE_SUFFIX.match(after)
                or (_PROVINCE_LIST_SUFFIX.match(text, m_end, end)
                    and not _THEIR_CAPITALS.search(text, m_end, min(end, m_end + 200)))
                or (of_before and PROVINCE_OF.search(before))
                or (ending.endswith(",") and _PROVINCE_APPOSED.search(before))
                or in_list
                or (name.is_province and _KIND_ENDS_NAME.search(text[m_start:m_end]))
                or (name.is_province
                    and self._normal(text[m_start:m_end]) in self._shared_provinces)
            ) and not (
                self._governed_by_capitals_of(text, raw, index, start)
                or _POSSESSIVE_CAPITAL.match(after)
            ))
            mentions.append(
                PlaceMention(m_start, m_end, name.place_id, province_level, name.spelled)
            )
        return mentions

    def _same_province(self, place: _Name, province: _Name) -> bool:
        """Whether ``place`` is another place of the province ``province`` names."""
        if place.place_id == province.place_id:
            return False
        return self.places[place.place_id].province == self.places[province.place_id].province

    def _candidates(self, text: str, start: int, end: int):
        """(start, end, words) where a name may be; end is -1 for a word that
        is no name's first word but may be a spelling of a one-word name."""
        position = start
        proper = _PROPER_ASCII if text[max(0, start - 1) : end].isascii() else _PROPER_WORD
        words = list(proper.finditer(text, start, end))
        if self._alias_starts is not None:
            aliases = list(self._alias_starts.finditer(text, start, end))
            if aliases:
                words = sorted(words + aliases, key=_MATCH_START)
        kinds = self._word_kinds
        for word in words:
            if word.start() < position:
                continue
            first = word.group(0)
            kind = kinds.get(first)
            if kind is None:
                kind = self._word_kind(first)
            if kind is not _FIRST_WORD:
                if kind is _SPELLING:
                    yield word.start(), -1, first
                continue
            match = self._names_at(first).match(text, word.start(), end)
            if match:
                position = match.end()
                yield match.start(), match.end(), match.group(0)
        # "of powerDaikandi province": a headline run into the next sentence (rare:
        # one search of the span, not one per word)
        for glue in GLUED.finditer(text, start, end):
            yield from self._glued(text, glue.start(), end)

    def _word_kind(self, word: str):
        """Whether a word of the text (as written) begins a name (``_FIRST_WORD``), is
        another spelling of a one-word name (``_SPELLING``) or neither (``_NEITHER``);
        kept for each word met (most recur: "Taliban", "Officials", "Afghan")."""
        if len(self._word_kinds) > 50_000:  # a text of made-up words: no endless growth
            self._word_kinds.clear()
        kind = _FIRST_WORD if word.lower() in self._first_words else (
            _SPELLING if self._is_spelling(word) else _NEITHER)  # fmt: skip
        self._word_kinds[word] = kind
        return kind

    def _is_spelling(self, word: str) -> bool:
        """A capitalised word, no name's first word, that is another spelling of one."""
        return len(word) >= SPELLING_MIN and word[0].isupper() and word in self._variants

    def _glued(self, text: str, position: int, end: int):
        word = _GLUED_WORD.match(text, position)
        if word is None:
            return
        if word.group(0).lower() not in self._first_words:
            if self._is_spelling(word.group(0)):
                yield position, -1, word.group(0)
            return
        if self._glued_pattern is None:
            self._glued_pattern = re.compile(self._names_pattern, re.I)
        match = self._glued_pattern.match(text, position, end)
        if match:
            yield match.start(), match.end(), match.group(0)

    @staticmethod
    def _governed_by_capitals_of(text: str, raw: list, index: int, floor: int) -> bool:
        """True for B in "the capitals of A, B and C provinces" (coordination)."""
        position = index
        while position >= 0:
            m_start = raw[position][0]
            previous_end = raw[position - 1][1] if position > 0 else floor
            window = text[max(floor, m_start - 60) : m_start]
            if _CAPITALS_OF.search(window):
                return True
            if position == 0 or not LIST_GLUE.match(text[previous_end:m_start]):
                return False
            position -= 1
        return False

    def to_json(self) -> str:
        """The places and their profile, to keep in a database."""
        return json.dumps({"source": self.source, "rows": self.rows,
                           "profile": self.profile.to_dict()}, ensure_ascii=False)  # fmt: skip

    @classmethod
    def from_json(cls, text: str) -> Gazetteer:
        data = json.loads(text)
        profile = Profile.from_dict(data.get("profile") or {}, source=data.get("source", ""))
        return cls(data["rows"], source=data.get("source", ""), profile=profile)

    @classmethod
    def shipped(cls) -> list[tuple[str, str, Path]]:
        """(places file, conflict name, path) of every places file the app ships."""
        folder = Path(__file__).resolve().parent.parent / "data"
        found = []
        for path in sorted(folder.glob("*.csv")):
            profile = Profile.beside(path)
            found.append((path.name, profile.name or path.stem, path))
        return found

    def is_province_name(self, name: str) -> bool:
        """True for "South Kivu", "Helmand": a province's name, not its capital's."""
        found = self._resolve(name) or self._variants[name]
        return bool(found and found.is_province)

    def place(self, place_id: str) -> Place:
        return self.places[place_id]
