"""Date expressions in news prose, resolved against the publication date.

Only expressions that are unambiguously dates are recognised: a month name with
a day, an ISO date, a weekday name, "yesterday"/"today", relative days
("the next day"), coarse periods ("last week", "late last month"), a month
after a word that makes it a time ("in January", "mid-July") and durations ("for
over three months").  The wall clock is never consulted: with no publication date,
relative expressions stay unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from ..model import DateMention
from . import casefold

# English names, written out: ``calendar``'s follow the process's locale, which a Qt
# application sets from the user's ("lundi", "janvier" under French).
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {
    name.lower(): number
    for number, full in enumerate(MONTH_NAMES, start=1)
    for name in (full, full[:3])
}
_MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(MONTH_NAMES)
_MONTH = rf"(?P<month>{_MONTH_NAMES}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![a-z])\.?"
_WEEKDAYS = list(WEEKDAYS)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "several": 3, "a few": 3, "few": 3,
}  # fmt: skip
_NUMBER = r"(?P<count>\d{1,3}|a few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"  # noqa: E501
# counts that name no number of days ("several days after", "a few days ago")
_VAGUE_COUNTS = frozenset(("a few", "few", "several"))

# A month and day with no groups, for other patterns to embed ("KABUL, Aug 15 (Reuters)").
MONTH_DAY_PHRASE = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
# A date that names something ("the March 23 Movement", "the May 4 Declaration") is no date.
_NAMING = r"(?!\s+(?:Movement|Declaration|Agreement|Accord|Revolution|Avenue|Street|Road|Square))"
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}[ \t\u00a0]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?:,?[ \t\u00a0]+(?P<year>(?:19|20)\d\d)\b)?" + _NAMING
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?{_MONTH}"
    r"(?:,?[ \t\u00a0]+(?P<year>(?:19|20)\d\d)\b)?"
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")
# ("last week on Wednesday", "on Wednesday last week": that weekday of the week before)
_WEEKDAY = re.compile(
    r"\b(?:(?P<week>last\s+week\s+on)\s+|(?P<modifier>last|next|this|late|early)\s+)?(?P<weekday>"
    + "|".join(_WEEKDAYS)
    + r")(?:\s+(?:night|morning|afternoon|evening))?(?:\s+(?P<week_after>last\s+week))?\b"
)
_DEICTIC = [
    (re.compile(r"\bthe day before yesterday\b", re.I), -2),
    (re.compile(r"\byesterday\b", re.I), -1),
    (
        re.compile(
            r"\b(?:earlier |later )?today\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b",
            re.I,
        ),
        0,
    ),
]
# "two days ago", "Shire has fallen three days back", "a week ago": counted back from
# the day of writing (not "more than four weeks ago": no day)
_COUNTED_BACK = re.compile(
    r"(?<!more than )(?<!over )(?<!at least )(?<!nearly )(?<!almost )"
    rf"\b{_NUMBER}\s+(?P<unit>days?|weeks?)\s+(?:ago|back)\b", re.I
)
_COUNTED_BACK_WORDS = ("ago", "back")  # one of which each match holds
_EVENT_RELATIVE = [
    (re.compile(r"\b(?:on\s+)?(?:the\s+)?(?:same|that)\s+day\b", re.I), 0),
    # ("were captured hours before the collapse of Faizabad": that day)
    (re.compile(r"\b(?:hours|minutes) (?:later|before|after)\b", re.I), 0),
    (re.compile(r"\bthe (?:next|following) (?:day|morning)\b", re.I), 1),
    (re.compile(r"\bthe day (?:after|before)\b(?!\s+yesterday)", re.I), None),
    (re.compile(r"\bthe (?:previous|preceding) day\b", re.I), -1),
    (re.compile(rf"\b{_NUMBER}\s+days?\s+(?P<direction>later|after|earlier|before)\b", re.I), None),
]
_COARSE = [
    (re.compile(r"\blast week\b", re.I), -7, "week"),
    (re.compile(r"\b(?:earlier )?this week\b", re.I), -2, "week"),
    (re.compile(r"\bin (?:recent|the past|the last) (?:few )?weeks\b", re.I), -14, "week"),
    (re.compile(r"\bin (?:recent|the past|the last) (?:few )?months\b", re.I), -60, "month"),
]
# A part of a month: "late last month", "in mid-January", "at the end of July".
_PART = r"(?P<part>(?i:early|late|mid-?|the (?:end|beginning|start|middle) of))"
# Last month and this one, by the calendar ("last month" on March 31 is February).
_RECENT_MONTH = re.compile(
    rf"\b(?:(?:at |by )?{_PART}\s*)?(?P<which>last|(?:earlier )?this) month\b", re.I
)
# A month without its day, after a word that makes it a time: "in January",
# "early February", "at the end of July 2024" (not "since May": a span's start, not
# its events'; not "January 26": a day; not "the May 4 Declaration").
_MONTH_ONLY = re.compile(
    rf"\b(?:(?i:in|during|throughout)\s+(?:{_PART}\s*)?"
    rf"|(?i:at |by |in )?{_PART.replace('<part>', '<part2>')}\s*)"
    rf"(?P<month>{_MONTH_NAMES})\b(?:,?[ \t\u00a0]+(?P<year>(?:19|20)\d\d)\b)?(?![ \t\u00a0]*\d)"
)
_DURATION = re.compile(
    rf"\bfor\s+(?:over|more than|nearly|almost|about|some|around|roughly|the (?:past|last))?\s*"
    rf"{_NUMBER}\s+(?P<unit>days?|weeks?|months?|years?)\b",
    re.I,
)
_YEAR_ONLY = re.compile(
    r"\b(?:in|since|by|of)\s+(?:late\s+|early\s+|mid-)?(?P<year>(?:19|20)\d\d)\b"
)


# Cheap look-ups that decide whether a family of patterns is worth running.
# (Case-sensitive on purpose: twice as fast as re.I, and only ever a first sieve.)
# Sieves: the words one of which every match of a group's patterns holds, worked
# out from the patterns.  A sentence holding none of them skips the group's scans
# (a day of the month is a number: _DIGIT).
_DEICTIC_WORDS = casefold.needed_by_any(pattern for pattern, _ in _DEICTIC)
_RELATIVE_WORDS = casefold.needed_by_any(pattern for pattern, _ in _EVENT_RELATIVE)
# ("day" alone, needed by a duration, is in every weekday: a duration also needs "for")
_COARSE_WORDS = casefold.needed_by_any([row[0] for row in _COARSE])
_DURATION_WORDS = casefold.needed_by_any([_DURATION])
_MONTH_WORDS = casefold.needed_by_any([_MONTH_ONLY])
# A month is found by its name, then what stands before it (as for weekdays): a
# search for ``_MONTH_ONLY`` itself tries its optional words at every position.
_MONTH_NAME = re.compile(rf"(?:{_MONTH_NAMES})\b")
_BEFORE_MONTH = re.compile(_MONTH_ONLY.pattern.split("(?P<month>")[0] + "$")
# "over the weekend", "last weekend": the Saturday of the last weekend before (or of)
# the publication day; "last" on a weekend day is the one before
_WEEKEND = re.compile(
    r"\b(?:(?:over|during|at|on) )?(?P<which>the|this past|last|past)\s+weekend\b", re.I
)
_WEEKDAY_WORDS = casefold.needed_by_any([_WEEKDAY])
# The sieves of the families above, asked of a sentence at once (one pass of it)
_FAMILIES = casefold.Sieves([_WEEKDAY_WORDS, _DEICTIC_WORDS, _COUNTED_BACK_WORDS, _RELATIVE_WORDS,
                             _COARSE_WORDS, _DURATION_WORDS, _MONTH_WORDS])  # fmt: skip
(_WEEKDAY_FAMILY, _DEICTIC_FAMILY, _COUNTED_BACK_FAMILY, _RELATIVE_FAMILY, _COARSE_FAMILY,
 _DURATION_FAMILY, _MONTH_FAMILY) = (1 << index for index in range(7))  # fmt: skip
# A weekday is found by its name, then what stands before it: a search for the
# pattern itself tries its modifiers and word boundary at every position.
_WEEKDAY_NAME = re.compile("|".join(_WEEKDAYS))
_MODIFIER_BEFORE = re.compile(r"\b(?:last\s+week\s+on|last|next|this|late|early)\s+$")
_DIGIT = re.compile(r"\d")  # ISO, month-day and day-month dates all hold one


def count_words(text: str) -> int:
    """ "three" -> 3, "12" -> 12, "a few" -> 3."""
    return _count(text)


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS.get(text.lower(), 1)


def month_number(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date | None) -> dt.date | None:
    """A month and day without a year: the publication year, or the one before
    when that would put the date over a week after publication (news reports
    what has happened: "February 16" in a story of January 27 is last year's)."""
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate and (candidate - published).days > 7:
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def weekday_on_or_before(anchor: dt.date, weekday: int, strictly: bool = False) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def parse_date_string(value: str) -> dt.date | None:
    """A metadata date ("2021-08-12", "Aug. 12, 2021", "13 Aug, 2021"); None if unsure."""
    value = (value or "").strip()
    if not value:
        return None
    iso = _ISO.search(value)
    if iso:
        return _safe_date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        match = pattern.search(value)
        if match and match["year"]:
            return _safe_date(int(match["year"]), month_number(match["month"]), int(match["day"]))
    return None


# The three patterns of a day of the month, without their leading ``\b``: so
# written, ``re`` skips to the characters a match can start with (a month's
# capital, a digit) instead of trying every position; ``_at_word_starts`` asks
# for the word boundary itself.  Three to five times faster on a sentence.
_FULL_DATES = tuple(
    re.compile(p.pattern.removeprefix(r"\b"), p.flags) for p in (_ISO, _MONTH_DAY, _DAY_MONTH)
)
_WORD_CHARACTER = re.compile(r"\w")


def _at_word_starts(pattern: re.Pattern, text: str, start: int, end: int):
    """The matches ``\b`` + ``pattern`` would find in ``text[start:end]``, in
    order: a match that does not begin a word (its first character is a word
    character) is passed over, and the search goes on from the next character."""
    position = start
    while True:
        m = pattern.search(text, position, end)
        if m is None:
            return
        begin = m.start()
        if begin > 0 and _WORD_CHARACTER.match(text, begin - 1):
            position = begin + 1
            continue
        yield m
        position = m.end() if m.end() > begin else begin + 1


def _absolute(
    text: str, start: int, end: int, published: dt.date | None, year_for=None,
    lower_bound: bool = False, year: int | None = None, patterns=_FULL_DATES,
) -> list[DateMention]:
    found = []
    for pattern in patterns:
        for m in _at_word_starts(pattern, text, start, end):
            month = int(m["month"]) if m["month"].isdigit() else month_number(m["month"])
            day = int(m["day"])
            if m["year"]:
                date = _safe_date(int(m["year"]), month, day)
            elif year is not None:  # under a heading of its year ("2012", then "10 December")
                date = _safe_date(year, month, day)
                if date is not None:
                    found.append(DateMention(m.start(), m.end(), date, "day", year_inferred=True))
                    continue
            else:
                if lower_bound:  # published on or after: "Aug. 30" is this year's
                    date = _safe_date(published.year, month, day)
                else:
                    date = _infer_year(month, day, published)
                if date is None and published is None and year_for is not None:
                    year = year_for(month, day)
                    date = _safe_date(year, month, day) if year else None
                    if date is not None:
                        found.append(
                            DateMention(m.start(), m.end(), date, "day", year_inferred=True)
                        )
                        continue
            if date is not None or published is None:
                found.append(DateMention(m.start(), m.end(), date, "day" if date else "unknown"))
    return found


def lead_date(
    text: str, start: int, end: int, *, published: dt.date | None, year_for=None,
    weekday_anchor: dt.date | None = None, year: int | None = None,
) -> list[DateMention]:
    """``find_dates`` of a dated entry's lead ("Aug. 6" in "- Aug. 6 – ..."): a day of
    a month alone is read by the one family that can match it (a list of 30,000
    entries reads each lead once more in its sentence)."""
    family = (_FULL_DATES[1] if _MONTH_DAY.fullmatch(text, start, end)
              else _FULL_DATES[2] if _DAY_MONTH.fullmatch(text, start, end) else None)  # fmt: skip
    if family is not None:
        return _absolute(
            text, start, end, published, year_for,
            lower_bound=published is not None and weekday_anchor is not None, year=year,
            patterns=(family,),
        )  # fmt: skip
    return find_dates(text, start, end, published=published, year_for=year_for,
                      weekday_anchor=weekday_anchor, year=year)  # fmt: skip


def may_count_from_an_event(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a date counted from another event's
    ("the following day", "two days after"): a sieve, never wrong when False."""
    return casefold.holds_any(_RELATIVE_WORDS, casefold.fold(text[start:end]))


def full_dates(text: str) -> list[dt.date]:
    """Every date in the text that states its year ("May 1, 2021", "2021-08-15")."""
    found = []
    for pattern in _FULL_DATES:
        for m in _at_word_starts(pattern, text, 0, len(text)):
            if m["year"]:
                month = int(m["month"]) if m["month"].isdigit() else month_number(m["month"])
                date = _safe_date(int(m["year"]), month, int(m["day"]))
                if date:
                    found.append(date)
    return found


def _weekday_matches(text: str, start: int, end: int):
    """The matches of ``_WEEKDAY.finditer(text, start, end)``, found from the names
    (a modifier is looked for in the 40 characters before its weekday)."""
    position = start
    for name in _WEEKDAY_NAME.finditer(text, start, end):
        at = name.start()
        if at < position:
            continue
        modifier = _MODIFIER_BEFORE.search(text, max(position, at - 40), at)
        match = _WEEKDAY.match(text, modifier.start() if modifier else at, end)
        if match:
            position = match.end()
            yield match


def _weekdays(text: str, start: int, end: int, published: dt.date | None) -> list[DateMention]:
    found = []
    for m in _weekday_matches(text, start, end):
        if m["modifier"] == "next":
            continue  # a future plan, never an event date
        if published is None:
            found.append(DateMention(m.start(), m.end(), None, "unknown"))
            continue
        weekday = _WEEKDAYS.index(m["weekday"])
        if m["week"] or m["week_after"]:  # that day of the calendar week before
            date = published - dt.timedelta(days=published.weekday() + 7 - weekday)
        else:
            date = weekday_on_or_before(published, weekday, m["modifier"] == "last")
        found.append(DateMention(m.start(), m.end(), date, "day"))
    return found


def _sieved(patterns: list, low: str | None) -> list:
    """The (pattern, ...) rows whose pattern may match the lower-cased text ``low``."""
    return patterns if low is None else [row for row in patterns
                                         if casefold.may_match(row[0], low)]  # fmt: skip


def _deictic(text: str, start: int, end: int, published, low) -> list[DateMention]:
    found = []
    for pattern, offset in _sieved(_DEICTIC, low):
        for m in pattern.finditer(text[start:end]):
            date = published + dt.timedelta(days=offset) if published else None
            found.append(
                DateMention(start + m.start(), start + m.end(), date, "day" if date else "unknown")
            )
    return found


def _counted_back(text: str, start: int, end: int, published) -> list[DateMention]:
    found = []
    for m in _COUNTED_BACK.finditer(text, start, end):
        weeks = m["unit"].lower().startswith("week")
        vague = m["count"].lower() in _VAGUE_COUNTS
        days = -_count(m["count"]) * (7 if weeks else 1)
        date = published + dt.timedelta(days=days) if published else None
        precision = ("week" if weeks or vague else "day") if date else "unknown"
        found.append(DateMention(m.start(), m.end(), date, precision))
    return found


def _event_relative(text: str, start: int, end: int, event_anchor, low) -> list:
    found = []
    for pattern, offset in _sieved(_EVENT_RELATIVE, low):
        for m in pattern.finditer(text, start, end):
            if offset is None:
                phrase = m.group(0).lower()
                sign = -1 if re.search(r"before|earlier", phrase) else 1
                if (m.groupdict().get("count") or "").lower() in _VAGUE_COUNTS:
                    continue  # "several days after that of Gamboru": no day to count
                count = _count(m.groupdict().get("count") or "1")
                offset_days = sign * count
            else:
                offset_days = offset
            date = event_anchor + dt.timedelta(days=offset_days) if event_anchor else None
            found.append(
                DateMention(
                    m.start(), m.end(), date, "day" if date else "unknown",
                    relative_to_event=True, offset_days=offset_days,
                )
            )  # fmt: skip
    return found


def _coarse(text: str, start: int, end: int, published, low) -> list[DateMention]:
    found = []
    for pattern, offset, precision in _sieved(_COARSE, low):
        for m in pattern.finditer(text, start, end):
            date = published + dt.timedelta(days=offset) if published else None
            found.append(DateMention(m.start(), m.end(), date, precision if date else "unknown"))
    return found


def _part_of_month(year: int, month: int, part: str | None, published) -> tuple:
    """The day that stands for a month or a part of it, and its precision: the
    middle of the month, of its first ten days, of its middle ten or of the rest;
    never after the publication day."""
    last = calendar.monthrange(year, month)[1]
    part = (part or "").lower().rstrip("-")
    if part in ("early", "the beginning of", "the start of"):
        day, precision = 5, "week"
    elif part in ("late", "the end of"):
        day, precision = (21 + last + 1) // 2, "week"
    elif part in ("mid", "the middle of"):
        day, precision = 15, "week"
    else:
        day, precision = 15, "month"
    date = dt.date(year, month, day)
    if published is not None and date > published:
        date = max(published, dt.date(year, month, 1))
    return date, precision


def _months_only(text: str, start: int, end: int):
    """The matches of ``_MONTH_ONLY.finditer(text, start, end)``, found from the names."""
    position = start
    for name in _MONTH_NAME.finditer(text, start, end):
        at = name.start()
        if at < position or (at > 0 and text[at - 1].isalnum()):
            continue
        before = _BEFORE_MONTH.search(text, max(position, at - 40), at)
        if before is None:
            continue
        match = _MONTH_ONLY.match(text, before.start(), end)
        if match:
            position = match.end()
            yield match


def _months(text: str, start: int, end: int, published, low, year_for=None,
            heading_year: int | None = None, *, month_words: bool = True) -> list:
    """Months without a day ("last month", "late last month", "earlier this month",
    "in mid-January", "early February 2025") and weekends ("over the weekend").
    ``month_words``: ``low`` may hold a month's name (``_MONTH_WORDS``)."""
    found = []
    if low is None or "month" in low:
        for m in _RECENT_MONTH.finditer(text, start, end):
            if published is None:
                found.append(DateMention(m.start(), m.end(), None, "unknown"))
                continue
            year, month = published.year, published.month
            if m["which"].lower() == "last":
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
                part = m["part"]
            else:  # this month, so far: a week back, not before its first day
                part = m["part"] or "this"
            if part == "this":
                date = max(published - dt.timedelta(days=7), published.replace(day=1))
                found.append(DateMention(m.start(), m.end(), date, "month"))
                continue
            date, precision = _part_of_month(year, month, part, published)
            found.append(DateMention(m.start(), m.end(), date, precision))
    if low is None or "weekend" in low:
        for m in _WEEKEND.finditer(text, start, end):
            if published is None:
                found.append(DateMention(m.start(), m.end(), None, "unknown"))
                continue
            saturday = weekday_on_or_before(published, 5)
            if m["which"].lower() == "last" and published.weekday() >= 5:
                saturday -= dt.timedelta(days=7)
            found.append(DateMention(m.start(), m.end(), saturday, "week"))
    if month_words:
        for m in _months_only(text, start, end):
            month = month_number(m["month"])
            part = m["part"] or m["part2"]
            inferred = False
            if m["year"]:
                year = int(m["year"])
            elif heading_year is not None:
                year, inferred = heading_year, True
            elif published is not None:  # the last such month on or before publication
                year = published.year if month <= published.month else published.year - 1
            elif year_for is not None and year_for(month, 15):
                year, inferred = year_for(month, 15), True
            else:
                found.append(DateMention(m.start(), m.end(), None, "unknown"))
                continue
            date, precision = _part_of_month(year, month, part, published)
            found.append(
                DateMention(m.start(), m.end(), date, precision, year_inferred=inferred)
            )
            after = _AND_MONTH.match(text, m.end(), end)
            if after and not m["year"]:  # "in July and August": August too, in that year
                second = month_number(after["month"])
                if second > month:
                    date, precision = _part_of_month(year, second, None, published)
                    found.append(DateMention(after.start("month"), after.end(), date,
                                             precision, year_inferred=inferred))  # fmt: skip
    return found


_AND_MONTH = re.compile(rf"\s+(?:and|or)\s+(?P<month>{_MONTH_NAMES})\b(?![ \t\u00a0]*\d)")


def is_duration(text: str, position: int) -> bool:
    """Whether a duration ("for over three months") starts at ``position``."""
    return _DURATION.match(text, position) is not None


def _durations(text: str, start: int, end: int, anchor: dt.date | None) -> list[DateMention]:
    found = []
    for m in _DURATION.finditer(text, start, end):
        if m["count"].lower() in _VAGUE_COUNTS:
            continue  # "encircled for several days": no day it began, nor any other
        unit = m["unit"].lower().rstrip("s")
        count = _count(m["count"])
        if anchor is None:
            found.append(DateMention(m.start(), m.end(), None, "unknown"))
            continue
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * count
        precision = {"day": "day", "week": "week"}.get(unit, "month")
        began = anchor - dt.timedelta(days=days)
        found.append(DateMention(m.start(), m.end(), began, precision, end_date=anchor))
    return found


def weekday_with_day(text: str, year_for) -> tuple | None:
    """The latest "Friday August 13" (or "Friday, 13 August") in ``text`` whose
    weekday is that day's in the year ``year_for(month, day)`` gives: (date, words),
    or None.  An undated article's day of writing is that one or after."""
    if year_for is None:
        return None
    best = None
    for name in _WEEKDAY_NAME.finditer(text, 0, min(len(text), 20000)):
        gap = _COMMA_SPACE.match(text, name.end())
        if gap is None or (name.start() > 0 and text[name.start() - 1].isalnum()):
            continue
        m = _FULL_DATES[1].match(text, gap.end()) or _FULL_DATES[2].match(text, gap.end())
        if m is None:
            continue
        month, day = month_number(m["month"]), int(m["day"])
        year = year_for(month, day)
        date = _safe_date(year, month, day) if year else None
        if date and WEEKDAYS[date.weekday()] == name.group(0) and (best is None or date > best[0]):
            best = (date, text[name.start() : m.end()])
    return best


_COMMA_SPACE = re.compile(r",?\s+")


def find_years(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Bare years ("in 1996", "since 2001"): a sign that a sentence is background."""
    end = len(text) if end is None else end
    return [int(m["year"]) for m in _YEAR_ONLY.finditer(text, start, end)]


def find_dates(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    published: dt.date | None,
    event_anchor: dt.date | None = None,
    span_anchor: dt.date | None = None,
    year_for=None,
    weekday_anchor: dt.date | None = None,
    year: int | None = None,
) -> list[DateMention]:
    """Date mentions in ``text[start:end]``, in text order, without overlaps.

    :param published: the article's publication date (anchor of weekdays etc.)
    :param event_anchor: the date of the previous event ("the next day")
    :param span_anchor: where a duration ends ("under siege for three months")
    :param year_for: with no publication date, ``year_for(month, day)`` gives the
        year of a date that states none (the mention is then ``year_inferred``)
    :param weekday_anchor: a weekday is the last one on or before this day
        (default ``published``); for a publication date that is only a lower
        bound, three days after it: the weekday nearest to it
    :param year: the year a heading above states ("2012", "Timeline - Year 2009"):
        a month and day without one are in it, whatever the publication date
        (the mention is then ``year_inferred``)
    """
    end = len(text) if end is None else end
    # Sieves, each implied by every match of the patterns it guards (a day of the
    # month is a number; "last week" names a week): most sentences skip most scans.
    low = casefold.fold(text[start:end])
    candidates = (
        _absolute(
            text, start, end, published, year_for,
            lower_bound=published is not None and weekday_anchor is not None, year=year,
        )
        if _DIGIT.search(text, start, end) else []
    )  # fmt: skip
    passed = _FAMILIES.passed(low)
    if passed & _WEEKDAY_FAMILY:
        candidates += _weekdays(text, start, end, weekday_anchor or published)
    if passed & _DEICTIC_FAMILY:
        candidates += _deictic(text, start, end, published, low)
    if passed & _COUNTED_BACK_FAMILY:
        candidates += _counted_back(text, start, end, published)
    if passed & _RELATIVE_FAMILY:
        candidates += _event_relative(text, start, end, event_anchor, low)
    if passed & _COARSE_FAMILY:
        candidates += _coarse(text, start, end, published, low)
    if (low is None or "for" in low) and passed & _DURATION_FAMILY:
        candidates += _durations(text, start, end, span_anchor or published)
    candidates += _months(text, start, end, published, low, year_for, year,
                          month_words=bool(passed & _MONTH_FAMILY))  # fmt: skip
    return _prefer_explicit(_without_overlaps(candidates), text)


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    chosen: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if chosen and mention.start < chosen[-1].end:
            continue
        chosen.append(mention)
    return chosen


def _prefer_explicit(mentions: list[DateMention], text: str) -> list[DateMention]:
    """ "Sunday (Aug. 15)" and "Sunday, August 15": the explicit date wins."""
    result: list[DateMention] = []
    for mention in mentions:
        # ("this morning (Monday 23 March)": the date in brackets says which)
        while (result and re.fullmatch(r"[\s,(]*", text[result[-1].end : mention.start])
               and (_is_weekday(text, result[-1]) or _is_deictic(text, result[-1]))
               and _is_absolute(text, mention)):  # fmt: skip
            mention = replace(mention, start=result.pop().start)
        result.append(mention)
    return result


def _is_absolute(text: str, mention: DateMention) -> bool:
    """A date that names its day ("Aug. 15", "Sunday (Aug 15": one merged before)."""
    span = text[mention.start : mention.end]
    if mention.date is None:
        return False
    for pattern in (_ISO, _MONTH_DAY, _DAY_MONTH):
        for match in pattern.finditer(span):
            if match.end() == len(span):
                return True
    return False


def _is_deictic(text: str, mention: DateMention) -> bool:
    span = text[mention.start : mention.end]
    return any(p.fullmatch(span) for p, _ in _DEICTIC)


def _is_weekday(text: str, mention: DateMention) -> bool:
    return bool(_WEEKDAY.fullmatch(text[mention.start : mention.end]))


# A heading that is a month alone ("JUNE 2014", "July"), in any case.
MONTH_HEADING = re.compile(rf"(?i:{_MONTH_NAMES})(?:[ \t\u00a0]+(?P<year>(?:19|20)\d\d))?")


def month_heading(
    text: str, start: int, end: int, published, year_for, heading_year: int | None = None
) -> DateMention | None:
    """The month a heading of a month alone names (its middle, "month" precision),
    its year stated, else the year heading's above it, else the publication's,
    else ``year_for``'s; None otherwise."""
    phrase = text[start:end].strip(" :.-–—\n\t")
    match = MONTH_HEADING.fullmatch(phrase)
    if match is None:
        return None
    month = month_number(phrase.split()[0])
    year = int(match["year"]) if match["year"] else heading_year or (
        published.year if published else (year_for(month, 15) if year_for else None))
    if year is None:
        return None
    date, precision = _part_of_month(year, month, None, None)
    return DateMention(start, end, date, precision, year_inferred=not match["year"])


# A heading that gives the year of what follows: a year alone ("2012"), "Year 2009"
# ("Sri Lanka Timeline - Year 2009 - Jan - May"), or a timeline or chronology of one
# year ("Chronology of 2013"); not a headline that only names a year ("Twenty years
# after 2001") nor one of a span ("Timeline 2001-2021")
_YEAR_HEADING = re.compile(
    r"[\s\W]*(?:year\s+)?(?P<alone>(?:19|20)\d\d)[\s\W]*"
    r"|.*\byear\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–—]\s*(?:19|20)?\d\d\b).*"
    r"|.*\b(?:timeline|chronology)\b.*",
    re.I | re.S,
)
_A_YEAR = re.compile(r"(?<![\d-])(?:19|20)\d\d(?![\d-])")
_SPAN_OF_YEARS = re.compile(r"\d\s*[-–—]\s*\d|\b(?:since|after|before|until|from|years|decades)\b",
                            re.I)


def heading_year(text: str, start: int, end: int) -> int | None:
    """The year a heading between start and end gives what follows it, or None."""
    if end - start > 120:
        return None
    match = _YEAR_HEADING.fullmatch(text, start, end)
    if match is None:
        return None
    if match["alone"] or match["year"]:
        return int(match["alone"] or match["year"])
    years = set(_A_YEAR.findall(text, start, end))  # a timeline: of one year only
    if len(years) != 1 or _SPAN_OF_YEARS.search(text, start, end):
        return None
    return int(years.pop())


def day_of_month(text: str, start: int, end: int, month: DateMention | None):
    """ "– 10:" under a month's heading: that day of the heading's month, or None."""
    digits = text[start:end]
    if month is None or month.precision != "month" or not digits.isdigit():
        return None
    date = _safe_date(month.date.year, month.date.month, int(digits))
    return DateMention(start, end, date, "day") if date else None


# Public names for the layout, which reads dates at the start of paragraphs.
MONTH_DAY, DAY_MONTH, WEEKDAY, ISO_DATE = _MONTH_DAY, _DAY_MONTH, _WEEKDAY, _ISO
