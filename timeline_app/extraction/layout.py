"""The shape of an article's text: paragraphs, and what each one is.

News text arrives with headlines, photo captions, "Read more" links, cookie
banners, datelines ("KABUL —", "KANDAHAR, Afghanistan (AP) —") and, in
timelines and live blogs, date headings ("Aug. 13:") or dated entries
("- Aug. 8 - KUNDUZ. ...").  Extraction reads body paragraphs only; date
headings set the date of the paragraphs after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import DAY_MONTH, MONTH_DAY, MONTH_DAY_PHRASE, MONTH_HEADING, WEEKDAY

BODY, JUNK, HEADING, DATE_HEADING = "body", "junk", "heading", "date_heading"

_JUNK = re.compile(
    r"^\W*(?:read more|read next|advertisement|sign up|subscribe|share this|share on|"
    r"we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|cookie|"
    r"follow us|related\b|recommended\b|watch:|listen:|photo:|image:|video:|click here|"
    r"copyright|©|all rights reserved|newsletter|most read|more from|"
    # "READ: Iraqi militias enter Syria": a link to another story
    r"(?:also )?read:|see also\b)",
    re.I,
)
_CREDIT = re.compile(
    # ("... amid fighting in Kunduz. (File)": an archive photo's caption)
    r"(?:\([^()]*(?:/|photo|getty|afp|reuters|ap\b|credit|\bfile\b)[^()]*\)|"
    r"\b(?:getty images|ap photo|reuters/|afp via getty|epa-efe)[^.]*)\s*$",
    re.I,
)
_TIMESTAMP = re.compile(r"^\W*\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\W*(?:\w+\W*){0,3}$", re.I)
_LEAD_PREFIX = re.compile(r"^[\s\-*•–—]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?")
_LEAD_SEPARATOR = re.compile(r"^\s*(?::|—|–|--|-|\.|,)?\s*")
_CAPS_PLACE = re.compile(r"^(?P<caps>[A-Z][A-Z'’\-]+(?:\s+[A-Z][A-Z'’\-]+)*)\s*(?:\.|—|–|-|:|,)")
# A date line may stand before the dateline ("2021-08-08 KABUL - ...").
_DATE_BEFORE = (
    r"^(?:(?:date\s+)?\d{4}-\d\d-\d\d\s+|" + MONTH_DAY_PHRASE + r",?\s+\d{4}\s+)?"
)
_DATELINE = re.compile(
    # ("YEREVAN/BAKU —": a story filed from two places)
    _DATE_BEFORE + r"(?P<place>[A-Z][A-Z'’.\-]+(?:(?:\s+|\s*/\s*)[A-Z][A-Z'’.\-]+){0,3})"
    # ("BAMAKO, Mali, Jan. 11 (UPI) --": the country, then the day)
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}(?=,\s*" + MONTH_DAY_PHRASE + r"))?"
    r"(?:,\s*(?P<date>" + MONTH_DAY_PHRASE + r"(?:,?\s+\d{4})?)"
    r"|,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
    # (a dash may touch the next word: "BAGHDAD—Islamic State on Sunday seized ...")
    r"(?:\s*\((?P<agency>[A-Za-z .,/\-]{1,30})\))?\s*(?:(?:—|–)\s*|(?:--|-|:)\s+)"
)
# "BAGHDAD Iraqi military forces on Monday retook ...": a copy that lost the dash (the
# place in capitals, then a sentence in mixed case)
_BARE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z'’\-]{2,}(?:\s+[A-Z][A-Z'’\-]{2,})?)(?P<date>(?!))?(?P<agency>(?!))?"
    # ("BAMAKO, MALI Tuareg rebels said Sunday ...": with its country, in capitals too,
    # or not: "KABUL, Afghanistan The ruling Taleban army captured ...")
    r"(?:,\s*[A-Z][A-Z'’\-]{2,}(?:\s+[A-Z][A-Z'’\-]{2,})?|,\s*[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)?"
    r"\s+(?=[A-Z][a-z]+(?:\s+[A-Z]?[a-z]+){2})"
)
# "Kabul, Afghanistan – ..." and "Kabul: ..." opening a paragraph.
_TITLE_DATELINE = re.compile(
    _DATE_BEFORE + r"(?P<place>[A-Z][a-z'’\-]+(?:[\s\-][A-Z][a-z'’\-]+){0,2})"
    r"(?:,\s*(?P<date>" + MONTH_DAY_PHRASE + r")"
    r"|,\s*(?:Afghanistan|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
    r"(?:\s*\((?P<agency>[A-Za-z .,/\-]{1,30})\))?\s*(?:—|–|--|:)\s+"
)


# "Damascus, Dec 8 Rebel groups entered ...": a place and a date without a dash, then
# the sentence
_DATED_TITLE_DATELINE = re.compile(
    _DATE_BEFORE + r"(?P<place>[A-Z][a-z'’\-]+(?:[\s\-][A-Z][a-z'’\-]+){0,2})"
    # ("Kabul, Aug 14 (IANS) Taliban militants have seized ...": an agency, no dash)
    r",\s*(?P<date>" + MONTH_DAY_PHRASE + r"(?:,?\s+\d{4})?)"
    r"(?:\s*\((?P<agency>[A-Za-z .,/\-]{1,30})\))?"
    r"\s+(?=[A-Z][a-z]+\s)"
)
# dpa and AFP write the place in mixed case: "Kabul (dpa) - ...".
_AGENCY_DATELINE = re.compile(
    _DATE_BEFORE + r"(?P<place>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){0,2})"
    r"(?:,\s*(?P<date>" + MONTH_DAY_PHRASE + r"))?"
    r"\s*\((?P<agency>dpa|AFP|AP|Reuters|Xinhua|UPI|ANI|IANS|PTI|Anadolu)\)\s*(?:—|–|--|-|:)\s+"
)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str = BODY
    dateline: tuple[int, int] | None = None  # the place part of "KABUL —"
    agency: str = ""  # "AP" in "KANDAHAR, Afghanistan (AP) —"
    dateline_date: str = ""  # "Aug 15" in "KABUL, Aug 15 (Reuters) -"
    lead_date: tuple[int, int] | None = None  # "Aug. 8" in "- Aug. 8 - KUNDUZ. ..."
    entry_place: tuple[int, int] | None = None  # "KUNDUZ" in that entry


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for line in text.split("\n"):
        spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blank lines separate; a line that does not end a
    sentence and is long is a hard wrap and continues on the next line."""
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    last = (0, 0)  # the block's last line (from the line's start): what _continues reads
    for line_start, line_end in _line_spans(text):
        start, end = _trim(text, line_start, line_end)
        if start == end:
            current = None
            continue
        if (current is not None and _continues(text[last[0] : last[1]])
                and not _JUNK.match(text, start, end)):  # fmt: skip
            current = (current[0], end)
            blocks[-1] = current
            last = (line_start, end)
        else:
            current = (start, end)
            blocks.append(current)
            last = (start, end)
    return blocks


def _continues(previous_line_text: str) -> bool:
    """Whether the next line goes on with the line before (a hard wrap); a link line
    ("READ: ...") is whole, however long."""
    last_line = previous_line_text.rsplit("\n", 1)[-1]
    return (len(last_line) >= 50 and not re.search(r"[.!?:;\"”’)\]]\s*$", last_line)
            and not _JUNK.match(last_line))


# "– 10: Militants seize Mosul" under a "JUNE 2014" heading: the day of that month
_DAY_ENTRY = re.compile(r"[\-–—•*]\s*(\d{1,2})\s*(?::|–|—|-)\s")


def _leading_date(chunk: str) -> tuple[int, int] | None:
    prefix = _LEAD_PREFIX.match(chunk).end()
    for pattern in (MONTH_DAY, DAY_MONTH):
        match = pattern.match(chunk, prefix)
        if match:
            return match.start(), match.end()
    day = _DAY_ENTRY.match(chunk)
    if day:
        return day.start(1), day.end(1)
    return None


def _is_credit(chunk: str) -> bool:
    """Ends with a photo credit.  The credit starts at the last "(" or after the
    last full stop: searching from there finds it without trying every word."""
    paren = chunk.rfind("(")
    since = min(paren if paren >= 0 else len(chunk), chunk.rfind(".") + 1)
    return _CREDIT.search(chunk, since) is not None


# "date 2020-03-24 Mocimboa da Praia was occupied this morning (Monday 23 March)": a
# saved page's own date before its first words, which are not dated by it
_PAGE_DATE = re.compile(r"\s*date\s+\d{4}-\d\d-\d\d\s+(?=\S)")


def classify(text: str, start: int, end: int) -> Paragraph:
    chunk = text[start:end]
    page_date = _PAGE_DATE.match(chunk)
    if page_date:
        return classify(text, start + page_date.end(), end)
    if _JUNK.match(chunk) or (len(chunk) < 400 and _is_credit(chunk)):
        return Paragraph(start, end, JUNK)
    if _TIMESTAMP.match(chunk):
        return Paragraph(start, end, HEADING)
    lead = _leading_date(chunk)
    if lead:
        lead_date = (start + lead[0], start + lead[1])
        rest = chunk[lead[1] :]
        if re.fullmatch(r"\s*(?::|—|–|-|\.)?\s*", rest):
            return Paragraph(start, end, DATE_HEADING, lead_date=lead_date)
        separator = _LEAD_SEPARATOR.match(rest)
        if separator and separator.group(0).strip():
            after = lead[1] + separator.end()
            caps = _CAPS_PLACE.match(chunk[after:])
            entry = (start + after, start + after + caps.end("caps")) if caps else None
            return Paragraph(start, end, BODY, lead_date=lead_date, entry_place=entry)
    bare = chunk.strip(" :.-–—") if len(chunk) < 40 else ""  # (a heading is short)
    if bare and (WEEKDAY.fullmatch(bare) or MONTH_HEADING.fullmatch(bare)):
        # ("Sunday", "JUNE 2014": a month whose days the entries below it give)
        return Paragraph(start, end, DATE_HEADING, lead_date=(start, end))
    dateline = (
        _DATELINE.match(chunk) or _AGENCY_DATELINE.match(chunk) or _TITLE_DATELINE.match(chunk)
        or _DATED_TITLE_DATELINE.match(chunk)
        or (len(chunk) > 100 and _BARE_DATELINE.match(chunk))
    )
    if dateline:
        return Paragraph(
            start, end, BODY,
            dateline=(start + dateline.start("place"), start + dateline.end("place")),
            agency=(dateline["agency"] or "").strip(),
            dateline_date=dateline["date"] or "",
        )  # fmt: skip
    if _looks_like_heading(chunk):
        return Paragraph(start, end, HEADING)
    return Paragraph(start, end, BODY)


def _looks_like_heading(chunk: str) -> bool:
    """Short, one phrase, no full stop: a headline ("Taliban seize Kunduz")."""
    return (
        len(chunk) < 120
        # (a full stop before a reference mark ends a sentence too: "...the city.[8]")
        and not re.search(r"[.!?\"”]\s*(?:\[\w{1,4}\]\s*)*$", chunk)
        and not re.search(r"[.!?]\s+\S", chunk)
    )


def paragraphs(text: str) -> list[Paragraph]:
    return list(iter_paragraphs(text))


def iter_paragraphs(text: str):
    """The paragraphs one at a time (a reader of a long text may stop half way)."""
    for start, end in _blocks(text):
        yield classify(text, start, end)
