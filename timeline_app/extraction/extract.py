"""Events from an article: which place, what happened, when, and the sentence that says so.

The rules, in reading order:

* Paragraphs are read in order; junk (captions, "Read more", banners) and
  headlines are skipped.  A date heading ("Aug. 13:") dates the paragraphs
  after it; a dated entry ("- Aug. 8 - KUNDUZ. ...") dates its own paragraph
  and names the place its sentences speak of.
* In a sentence, a place is a subject unless it is only context (the
  dateline, "on the road to Kabul", "80 miles southwest of Kabul", "officials
  in Kabul").  Each subject takes the strongest trigger of its clause (or of
  the sentence when its clause has none), qualified by the words around it:
  intent ("poised to take") makes a threat, partial control ("the police
  headquarters") makes fighting, a hedge ("the group said it had seized")
  makes a claim, a negation without a denial drops it.
* The date is the nearest date in the clause, else in the sentence, else the
  last one read earlier in the paragraph, else the paragraph's heading date,
  else the article's news day (the date its lede speaks of, or the
  publication date with a week's precision).  "The next day" counts from the
  previous event.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import itertools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Article, DateMention, Event, Evidence, PlaceMention, Sentence
from . import casefold, dates, layout, triggers
from .gazetteer import LIST_GLUE, LIST_GLUE_PARTS, NAME_START, PROVINCE_OF, Gazetteer
from .profile import Profile
from .rules import DATE_RULES, QUALIFIERS, Qualifier
from .sentences import split_sentences

NEWS_DAY_MAX_AGE = dt.timedelta(days=7)
# Between a place and a coarse date after it: the date is another event's ("Zaranj
# fell, the first capital to fall since the offensive began in May").
_OTHER_EVENT_CLAUSE = re.compile(r"\b(?:since|after|following|before|when|while)\b", re.I)
# "besieged for much of the war ..., which broke out in April 2023": the date after
# the place is when something else began
_BEGAN_BEFORE_DATE = re.compile(
    r"\b(?:which|that|war|conflict|fighting|offensive|invasion|hostilities)\s+(?:first\s+)?"
    r"(?:broke\s+out|began|begun|started|erupted|was\s+launched)\s+(?:in\s+|on\s+)?$", re.I
)
STANDFIRST_CHARS = 100  # (a shorter line without a full stop: "Published Aug. 4, 2021")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_ANNIVERSARY = re.compile(
    r"\b(?:marks?|marked|is|was)\s+(?P<count>one|a|two|three|four|five|\d{1,2})\s+years?\s+"
    r"(?:since|after)\b",
    re.I,
)
SHORT_CLAUSE_WORDS = 6
# How far from a place its trigger may stand (characters); natural clauses are far
# shorter, and in a line of 2 MB without a full stop each place would otherwise
# weigh every trigger of it (quadratic time).
TRIGGER_REACH = 500


# Days after a publication date known only as a lower bound to which its
# weekdays are read back (so that they land within three days of it).
WEEKDAY_LEEWAY = 3


class Cancelled(Exception):
    """The caller's cancel callback said stop, in the middle of an article."""


@dataclass
class _Reading:
    """Where the reader is in an article: the dates that earlier text set."""

    published: dt.date | None
    weekday_anchor: dt.date | None = None  # see dates.find_dates
    year_for: object = None
    trace: list | None = None
    cancelled: object = None  # the caller's callback: True to stop
    progress: object = None  # the caller's callback: the percent of the text read
    length: int = 1
    shown: int = -1  # the percent last given to ``progress``
    heading: tuple | None = None  # (status, words) of a list heading above
    entry_date: DateMention | None = None
    continued: DateMention | None = None
    clue: tuple | None = None  # (rule, words) when the date came from a caption
    news_day: DateMention | None = None
    section_date: DateMention | None = None
    heading_year: int | None = None  # a heading's year ("2012"): dates without one are in it
    paragraph_date: DateMention | None = None
    before_sentence: DateMention | None = None  # the paragraph's date before the last read
    # the paragraph's sentences since the last one read whose dates are not yet
    # found: nothing read them; a later sentence that reads the paragraph's date
    # finds theirs first, in order (``_sentence_dates``)
    undated: list = field(default_factory=list)
    last_event_date: dt.date | None = None
    # the last paragraph skipped (no place) since the last event: its day is the one
    # "the following day" counts from ("On Friday, a spokesman said ..." then "But the
    # following day, Seleka ... claimed to control Ippy")
    skipped: tuple[int, int] | None = None
    # the town of the article's dateline ("KUNDUZ, Afghanistan (AP) —"): "this northern
    # city" of its story
    dateline_place: str | None = None
    events: dict = field(default_factory=dict)

    def context_date(self) -> DateMention | None:
        return self.paragraph_date or self.section_date or self.news_day

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled

    def reached(self, position: int) -> None:
        """The text is read up to ``position``: tell ``progress`` each new percent."""
        percent = position * 100 // self.length
        if percent > self.shown:
            self.shown = percent
            self.progress(percent)


@dataclass(frozen=True)
class _Found:
    """One place, status and date read from one sentence."""

    place_id: str
    status: str
    date: DateMention | None
    position: int
    because: tuple = ()


class Extractor:
    """Reads articles with one places file and one conflict profile."""

    def __init__(self, gazetteer: Gazetteer, profile: Profile | None = None) -> None:
        self.gazetteer = gazetteer
        self.profile = profile if profile is not None else gazetteer.profile
        self.vocabulary = triggers.Vocabulary.for_profile(self.profile)

    def extract(
        self, article: Article, trace: list | None = None, cancelled=None, progress=None
    ) -> list[Event]:
        """The article's events.  ``trace``, when given, receives one dict per
        sentence read: places, context, triggers, events kept and dropped.
        ``cancelled`` is asked at every paragraph and sentence (a 16 MB article
        takes a minute): when it returns True, ``Cancelled`` is raised.
        ``progress``, when given, is told each new whole percent of the text
        read (0 to 100), for a long article's progress."""
        text = article.text
        published = article.published
        clue = None if published else _publication_clue(text)
        year_for = self._year_source(text) if published is None else None
        lower_bound = published is not None and article.published_basis is not None
        if published is None and clue is None:
            # "citing Reuters on Friday August 13": written that Friday or after
            clue = dates.weekday_with_day(text, year_for)
            lower_bound = clue is not None
        if clue is not None:  # "footage in Goma on January 27, 2025" under a photo
            published, reading_clue = clue
        reading = _Reading(published, trace=trace, cancelled=cancelled, progress=progress,
                           length=max(1, len(text)))  # fmt: skip
        if lower_bound:
            # a date inferred from other reports or from a weekday is the earliest it
            # can be: "on Sunday" is the Sunday nearest to it, before or after
            reading.weekday_anchor = published + dt.timedelta(days=WEEKDAY_LEEWAY)
        if clue is not None:
            reading.clue = ("publication date from the text", reading_clue)
        if published is None:
            reading.year_for = year_for
        paragraphs = []
        for paragraph in layout.iter_paragraphs(text):
            if len(paragraphs) % 256 == 255:
                reading.check()  # 16 MB hold about 70,000 paragraphs
            paragraphs.append(paragraph)
        reading.news_day = self._news_day(text, paragraphs, published, reading.weekday_anchor)
        for number, paragraph in enumerate(paragraphs):
            reading.check()
            if progress is not None:
                reading.reached(paragraph.start)
            self._read_paragraph(text, paragraph, number, reading)
        _join_told_again(reading.events, reading.trace, text)
        if progress is not None:
            reading.reached(len(text))
        return sorted(
            reading.events.values(),
            key=lambda e: (e.date or dt.date.max, e.place_id, e.status),
        )

    # -- article and paragraph level ----------------------------------------------
    def _year_source(self, text: str):
        """With no publication date, where a month and day without a year get
        their year: the latest year of the article's own full dates ("May 1,
        2021"), else the profile's period (the latest of its years in which the
        day falls).  Each such date is marked as having an inferred year."""
        stated = dates.full_dates(text)
        period = self.profile.period
        if stated:
            year = max(stated).year
            return _YearSource(lambda month, day: year, "year from the article")
        if period is None:
            return None

        def in_period(month: int, day: int) -> int | None:
            for year in range(period[1].year, period[0].year - 1, -1):
                try:
                    if self.profile.in_period(dt.date(year, month, day)):
                        return year
                except ValueError:
                    return None
            return None

        return _YearSource(in_period, "year from the period")

    def _news_day(self, text: str, paragraphs: list, published: dt.date | None, weekdays=None):
        """The day the lede speaks of ("... Thursday"), else the publication date."""
        # (not a standfirst without its full stop above the lede: "The insurgents also
        # claimed control of Zaranj early Friday afternoon", then "The Taliban on Saturday
        # captured Sheberghan")
        body = itertools.islice((p for p in paragraphs if p.kind == layout.BODY
                                 and (p.end - p.start < STANDFIRST_CHARS
                                      or _ENDS_SENTENCE.search(text, p.start, p.end))),
                                2)  # fmt: skip
        for paragraph in body:
            having = _having_before(text, paragraph.start, paragraph.end)
            for mention in dates.find_dates(
                text, paragraph.start, paragraph.end, published=published, weekday_anchor=weekdays
            ):
                if having is not None and mention.start < having:
                    continue  # ("Having seized Kunduz on Sunday, ...": that day's, not the news)
                if (mention.date and published and mention.precision == "day"
                        and _recent(mention.date, weekdays or published)
                        # ("nine provincial capitals since Friday": where a span starts)
                        and not _SPAN_START_BEFORE.search(
                            text, max(0, mention.start - 8), mention.start)):  # fmt: skip
                    # (a day: "last week" or "over the weekend" in the lede is no news day)
                    return DateMention(mention.start, mention.end, mention.date, mention.precision)
        if published is None:
            return None
        return DateMention(0, 0, published, "week")

    def _read_paragraph(self, text: str, paragraph, number: int, reading: _Reading) -> None:
        reading.paragraph_date = reading.continued = reading.before_sentence = None
        reading.undated = []
        if (paragraph.kind == layout.HEADING and reading.section_date is not None
                and _BULLET.match(text, paragraph.start)):  # fmt: skip
            # "• 23 March:", then "• Rebels entered Bangui" below it: that day's entries,
            # not headlines, though they end without a full stop
            paragraph = dataclasses.replace(paragraph, kind=layout.BODY)
        if paragraph.kind == layout.HEADING:
            reading.heading = self._heading_status(text, paragraph)
            reading.entry_date = None
            year = dates.heading_year(text, paragraph.start, paragraph.end)
            if year is not None:
                reading.heading_year = year
        if paragraph.lead_date:
            lead = self._first_date(text, *paragraph.lead_date, reading)
            if paragraph.kind == layout.DATE_HEADING:
                if (lead is not None and lead.date and reading.published is not None
                        and reading.weekday_anchor is None and lead.date > reading.published):
                    # the page's own date ("2nd July 2024" above a report of June 30)
                    if reading.trace is not None:
                        reading.trace.append({"start": paragraph.start, "end": paragraph.end,
                                              "fired": ["page date"]})  # fmt: skip
                    return
                reading.section_date = lead
                reading.entry_date = None
                return
            reading.paragraph_date = reading.entry_date = lead
        elif (
            reading.entry_date is not None
            and paragraph.kind == layout.BODY
            and _CONTINUES.search(text, paragraph.start, paragraph.end)
        ):
            # a line after a dated entry that says it goes on ("August 13: ..."
            # then "Extremists also occupy Kandahar.") continues that entry
            reading.paragraph_date = reading.entry_date
            reading.continued = reading.entry_date
        if paragraph.kind != layout.BODY:
            return
        if paragraph.dateline and reading.dateline_place is None:
            towns = [m for m in self.gazetteer.find(text, *paragraph.dateline)
                     if not m.province_level]  # fmt: skip
            reading.dateline_place = towns[0].place_id if towns else None
        entry_place = self._entry_place(text, paragraph)
        before = len(reading.events)
        names = self.gazetteer.scan(text, paragraph.start, paragraph.end)
        if not names and not entry_place and not (
                reading.dateline_place and _says_this_city(text, paragraph.start, paragraph.end)):
            reading.skipped = (paragraph.start, paragraph.end)
            if reading.trace is None:
                # no place, no event; the dates its sentences set (``paragraph_date``)
                # would count only for the paragraph's own later sentences
                return
        sentences = split_sentences(text, paragraph.start, paragraph.end, number)
        previous: list[_Found] = []
        named_before = None  # the place of the paragraph's last event: "the city" after it
        for index, sentence in enumerate(sentences):
            reading.check()
            if reading.progress is not None and index % 64 == 63:
                reading.reached(sentence.start)  # (one paragraph may be the whole text)
            place, rule = entry_place, "list entry place"
            if (not place and reading.dateline_place
                    and _says_this_city(text, sentence.start, sentence.end)):
                # "KUNDUZ, Afghanistan (AP) — Taliban fighters overran this northern city on
                # Sunday": the dateline's town, when the sentence has no subject of its own
                place, rule = reading.dateline_place, "this city of the dateline"
            if (not place and not _names_between(names, sentence.start, sentence.end)
                    and casefold.search(_CITY_ANAPHOR, text, sentence.start, sentence.end)):
                # ("... here in Akhalgori. Russian and South Ossetian troops seized the sleepy
                # town on August 15": with no event before, the one town named before)
                town = named_before or _only_town_before(names, sentence.start)
                if town:
                    place, rule = town, "the city named before"
            found = self._read_sentence(text, sentence, paragraph, (place, rule), reading, names)
            if found:
                named_before = found[-1].place_id
            dispute = None if found or not previous else self._disputes(text, sentence)
            if dispute:
                self._record(
                    text, sentences[index - 1], _as_claims(previous, dispute), reading,
                    replace=True,
                )  # fmt: skip
            if found:
                self._record(text, sentence, found, reading)
            previous = found
        if paragraph.lead_date and reading.heading and len(reading.events) == before and sentences:
            self._list_heading_entry(text, paragraph, sentences[0], reading, names)

    def _sentence_dates(self, text: str, start: int, end: int, reading: _Reading) -> list:
        """The sentence's date mentions, each sentence of the paragraph before it
        read first (the last explicit date of each is the paragraph's for the next)."""
        self._date_undated(text, reading)
        anchor = reading.last_event_date or _date_of(reading.context_date())
        if reading.skipped is not None and dates.may_count_from_an_event(text, start, end):
            anchor = self._skipped_day(text, reading) or anchor
        date_mentions = dates.find_dates(
            text, start, end,
            published=reading.published,
            event_anchor=anchor,
            span_anchor=_date_of(reading.context_date()),
            year_for=reading.year_for,
            weekday_anchor=reading.weekday_anchor,
            year=reading.heading_year,
        )  # fmt: skip
        date_mentions = _relative_to_sentence(date_mentions)
        if any(m.relative_to_event for m in date_mentions):
            date_mentions = [self._relative_to_named_fall(text, m, reading)
                             for m in date_mentions]  # fmt: skip
        if date_mentions and not date_mentions[-1].relative_to_event:
            explicit = [m for m in date_mentions if m.date and not m.end_date
                        and m.precision not in ("week", "month")]  # fmt: skip
            if explicit:
                reading.before_sentence = reading.paragraph_date
                reading.paragraph_date = explicit[-1]
        return date_mentions

    @staticmethod
    def _skipped_day(text: str, reading: _Reading) -> dt.date | None:
        """The last day the paragraph skipped since the last event names, or None."""
        start, end = reading.skipped
        reading.skipped = None
        found = dates.find_dates(
            text, start, min(end, start + 2000), published=reading.published,
            year_for=reading.year_for, weekday_anchor=reading.weekday_anchor,
            year=reading.heading_year,
        )  # fmt: skip
        days = [m.date for m in found
                if m.date and m.precision == "day" and not m.relative_to_event]  # fmt: skip
        return days[-1] if days else None

    def _date_undated(self, text: str, reading: _Reading) -> None:
        """The dates of the sentences not yet dated (``reading.undated``), in order."""
        if reading.undated:
            earlier, reading.undated = reading.undated, []
            for number, span in enumerate(earlier):
                if number % 64 == 63:
                    reading.check()  # (a paragraph may hold thousands)
                self._sentence_dates(text, *span, reading)

    def _heading_status(self, text: str, paragraph):
        """ "Provincial capitals captured by the Taliban": the status that the
        dated entries under this heading share, with the heading's words."""
        found = self.vocabulary.find_triggers(text, paragraph.start, paragraph.end)
        if not found or self.gazetteer.find(text, paragraph.start, paragraph.end):
            return None  # no trigger, or a headline about one place
        trigger = min(found, key=lambda t: t.rank)
        if trigger.status not in ("captured", "besieged", "contested", "retaken"):
            return None
        return trigger.status, text[paragraph.start : paragraph.end].strip()

    def _list_heading_entry(self, text, paragraph, sentence, reading, names) -> None:
        """ "Aug. 12 -- Herat: Afghanistan's third-largest city." under such a
        heading: the entry's place had what the heading says."""
        first = [m for m in self.gazetteer.find(text, paragraph.lead_date[1],
                                                min(sentence.end, paragraph.lead_date[1] + 40),
                                                scanned=names)
                 if not m.province_level]  # fmt: skip
        self._date_undated(text, reading)
        if not first or reading.paragraph_date is None:
            return
        status, words = reading.heading
        date = reading.paragraph_date
        because = (("list heading", words), ("date heading", text[date.start : date.end]))
        if date.year_inferred:
            because += _year_rule(reading, date)
        if reading.trace is not None:
            reading.trace.append({"start": sentence.start, "end": sentence.end,
                                  "places": [_name(text, first[0])]})  # fmt: skip
        self._record(text, sentence, [_Found(first[0].place_id, status, date, first[0].start,
                                             because)], reading)  # fmt: skip

    def _first_date(self, text: str, start: int, end: int, reading: _Reading):
        found = dates.lead_date(
            text, start, end, published=reading.published, year_for=reading.year_for,
            weekday_anchor=reading.weekday_anchor, year=reading.heading_year,
        )  # fmt: skip
        if found:
            return found[0]
        # "JUNE 2014" as a heading, then "– 10: Militants seize Mosul" under it
        return dates.month_heading(text, start, end, reading.published, reading.year_for,
                                   reading.heading_year) \
            or dates.day_of_month(text, start, end, reading.section_date)

    def _entry_place(self, text: str, paragraph) -> str | None:
        if not paragraph.entry_place:
            return None
        mentions = self.gazetteer.find(text, *paragraph.entry_place)
        return mentions[0].place_id if mentions else None

    # -- sentence level -------------------------------------------------------------
    def _read_sentence(self, text, sentence: Sentence, paragraph, entry, reading, names):
        """``entry``: (place the sentence speaks of when it names none, rule)."""
        (entry_place, entry_rule), start, end = entry, sentence.start, sentence.end
        note = {"start": start, "end": end} if reading.trace is not None else None
        if note is not None:
            reading.trace.append(note)
        if not entry_place and not _names_between(names, start, end):
            # no place named: nothing to read (and no triggers to look for); its dates
            # count only as its paragraph's for a later sentence, if one reads them
            reading.undated.append((start, end))
            return []
        all_triggers = self.vocabulary.find_triggers(text, start, end)
        if not all_triggers and note is None:
            reading.undated.append((start, end))
            return []  # no trigger, no event: which places are subjects need not be read
        date_mentions = self._sentence_dates(text, start, end, reading)
        notes: dict[int, tuple] = {}
        subjects, context = self._subjects(text, sentence, paragraph, names, all_triggers, notes)
        base: tuple = ()
        if not subjects and entry_place:
            subjects = [_entry_subject(text, sentence, entry_place, _THIS_CITY
                                       if entry_rule == "this city of the dateline"
                                       else triggers.ANAPHOR)]  # fmt: skip
            base = ((entry_rule, self.gazetteer.place(entry_place).name),)
        if note is not None:
            note["places"] = [text[m.start : m.end] or entry_place for m in subjects]
            note["context"] = context
            note["fired"] = [rule for _, rule, _ in context]
        if not subjects:
            near = self._fighting_near(text, sentence, context, all_triggers, date_mentions,
                                       _clauses(text, start, end), reading)  # fmt: skip
            if note is not None and near:
                note["places"] = [self.gazetteer.place(f.place_id).name for f in near]
            return _first_per_place(near)
        background = _background(text, start, end, all_triggers)
        if background and not _has_day(date_mentions):
            if note is not None:
                note["dropped"] = [("*", f"background ({background.group(0)!r})")]
                note["fired"] = ["background"]
            return []
        if note is not None:
            note["triggers"] = [(t.rule, t.text) for t in all_triggers]
        if not all_triggers:
            return []
        clauses = _clauses(text, start, end)
        found = []
        starts = [m.start for m in subjects]  # for the nearer-place check, once a sentence
        looks: dict = {}  # the qualifiers' searches, shared by the sentence's places
        looks[_SENTENCE_PARTS] = (clauses, all_triggers)
        for number, mention in enumerate(subjects):
            if number % 64 == 63:
                reading.check()  # one sentence may name thousands of places
            status, because = self._status(
                text, mention, all_triggers, clauses, sentence, subjects, starts, looks
            )
            if status is None:
                if note is not None:
                    if isinstance(because, tuple):  # the rules that dropped each trigger
                        for tried in because:
                            note.setdefault("fired", []).extend(rule for rule, _ in tried)
                        because = "; ".join(
                            " -> ".join(f"{rule} {words!r}" for rule, words in tried)
                            for tried in because
                        )
                    note.setdefault("dropped", []).append((_name(text, mention), because))
                continue
            date, date_rule = self._date_for(
                text, mention, date_mentions, clauses, reading, looks, (all_triggers, names)
            )
            if (date is not None and date.end_date is not None
                    and status not in ("besieged", "contested")
                    and dates.is_duration(text, date.start)):  # fmt: skip
                # "a stronghold of the insurgency for more than two years has been
                # captured": the span is the holding, not the change, which has no date here
                date, date_rule = self._context_date(
                    text, _clause_of(clauses, mention.start, looks), reading
                )  # fmt: skip
            if (date is not None and date.date is not None and reading.published is not None
                    and reading.weekday_anchor is None and date.date > reading.published):
                # news tells what has happened: "one day after the RSF claimed control"
                # counted from the wrong day lands after publication
                date, date_rule = self._context_date(
                    text, _clause_of(clauses, mention.start, looks), reading
                )  # fmt: skip
            if (date is not None and status in ("captured", "claimed", "retaken", "surrendered")
                    and text.find("since", max(0, date.start - 8), date.start) >= 0
                    and date_rule[0] in ("date in clause", "date in sentence")
                    and _SINCE_BEFORE.search(text, max(0, date.start - 8), date.start)
                    # ("under rebel control since Tuesday": held since it changed hands)
                    and not _STATE_WORDS.search(because[0][1])):
                # "Pooneryn, Elephant Pass, Paranthan ... which we won since Jan 1": changes
                # made after that day, on days of their own (a siege "since Jan 1" began then)
                date, date_rule = None, ("coarse recap", text[max(0, date.start - 6) : date.end])
            recap = {rule for rule, _ in because} & {"recap with its period", "long after"}
            if recap and (
                date is None or date.precision != "day" or date_rule[0] != "date in clause"
                # "two weeks after they took Taloqan": the day before it is the other event's
                or ("long after" in recap and date.start < mention.start)
            ):  # "the capture of Goma last month": no day, and no other sentence's day
                date, date_rule = None, ("coarse recap", date_rule[1])
            because = (*base, *notes.get(mention.start, ()), *because, date_rule)
            if date is not None and date.year_inferred:
                because += _year_rule(reading, date)
            found.append(_Found(mention.place_id, status, date, mention.start, because))
        found += _coordinated(text, subjects, found, note)
        if not found:
            found = self._fighting_near(text, sentence, context, all_triggers, date_mentions,
                                        clauses, reading)  # fmt: skip
        elif len(found) > 1 and text.find("respectively", sentence.start, sentence.end) >= 0:
            found = _respectively(text, found, date_mentions)
        return _first_per_place(found)

    def _fighting_near(self, text, sentence, context, all_triggers, date_mentions, clauses,
                       reading) -> list[_Found]:  # fmt: skip
        """ "Fighting 11 kilometers south of Kabul": a threat to Kabul, where the
        fighting is close (a stated distance under NEAR_KM, or none stated)."""
        fights = [t for t in all_triggers if t.status in ("contested", "besieged")]
        strong = [t for t in all_triggers if t.status not in ("contested", "besieged")]
        if not fights or strong:
            return []
        result = []
        for name, rule, words in context:
            if rule not in ("bearing", "distance"):
                continue
            mentions = [m for m in self.gazetteer.find(text, sentence.start, sentence.end)
                        if _name(text, m) == name]  # fmt: skip
            if not mentions:
                continue
            mention = mentions[0]
            before = text[max(sentence.start, mention.start - 80) : mention.start]
            if not _near(before) or _ANOTHER_TOWN_BEARING.search(before):
                continue  # ("inside the city west of Baghdad": that city's fighting)
            date, date_rule = self._date_for(text, mention, date_mentions, clauses, reading)
            because = ((fights[0].rule, fights[0].text), ("fighting near", words), date_rule)
            result.append(_Found(mention.place_id, "besieged", date, mention.start, because))
        return result

    def _subjects(
        self, text: str, sentence: Sentence, paragraph, names, found_triggers=(), notes=None
    ):
        """The places the sentence speaks of, and the ones it names only as
        context: ([mention], [(place, rule, words)]).  ``notes`` receives the
        rules that made a place a subject, by the mention's start."""
        notes = {} if notes is None else notes
        found = self.gazetteer.find(text, sentence.start, sentence.end, scanned=names)
        mentions, subjects, context, provinces = [], [], [], []
        taken_whole = None  # the last mention taken whole: its list shares it
        for mention in found:
            whole = mention.province_level and _province_taken(text, mention, sentence)
            if (not whole and mention.province_level and taken_whole is not None
                    and LIST_GLUE.match(text[taken_whole.end : mention.start])):  # fmt: skip
                # "captured the provinces of Faryab and Kunar"
                whole = notes[taken_whole.start][0][1]
            taken_whole = mention if whole else None
            if whole:  # "took control of Kunar province": its capital with it
                mentions.append(mention)
                notes[mention.start] = (("province taken whole", whole),)
            elif mention.province_level:
                context.append((_name(text, mention), "province level", _name(text, mention)))
                provinces.append(mention)
            else:
                mentions.append(mention)
            if mention.spelled:
                words = _name(text, mention)
                notes[mention.start] = (("another spelling", words), *notes.get(mention.start, ()))
        previous = None  # (mention, context rule or None) of the place read before
        for mention in mentions:
            rule = _context_rule(text, mention, sentence, paragraph, found_triggers)
            if rule is None and self.gazetteer.is_province_name(_name(text, mention)):
                adjective = _PROVINCE_AS_ADJECTIVE.match(text, mention.end, sentence.end)
                located = _LOCATED_IN.search(text, max(sentence.start, mention.start - 12),
                                             mention.start)  # fmt: skip
                if adjective:  # "the South Kivu mining town of Nyabibwe"
                    rule = ("province as adjective", adjective.group(0).strip())
                elif located:  # "a supply hub in South Kivu": the province is where
                    rule = ("province as location", located.group(0).strip())
            if rule is None and self.gazetteer.place(mention.place_id).is_national_capital:
                government = triggers.CAPITAL_AS_GOVERNMENT.match(text, mention.end, sentence.end)
                if government:  # "Kyiv said its forces had retaken Kherson"
                    rule = ("capital as government", _name(text, mention) + government.group(0))
            if (rule is None and previous is not None and previous[1] is not None
                    and previous[1][0] in _WHERE_RULES and previous[0].place_id == mention.place_id
                    and _APPOSITION.fullmatch(text, previous[0].end, mention.start)):  # fmt: skip
                rule = previous[1]  # "north of Homs, Syria's third-largest city": the same role
            previous = (mention, rule)
            if rule is None:
                subjects.append(mention)
            else:
                context.append((_name(text, mention), *rule))
        if not subjects and provinces:
            # "from the province of Farah, confirmed his province's capital of the same
            # name fell": the phrase stands for that province's capital
            same = _SAME_NAME.search(text, provinces[0].end, sentence.end)
            named = [m for m in provinces if same and m.end <= same.start()]
            if named:
                capital = PlaceMention(same.start(), same.end(), named[-1].place_id)
                subjects.append(capital)
                notes[capital.start] = (("capital of the same name", _name(text, named[-1])),)
        if not subjects and triggers.ANAPHOR.search(text, sentence.start, sentence.end):
            # "Reports from Gardez suggest the city is now under Taliban control"
            # (not "officials in Kabul said the city ...": where the government sits)
            weak = {m.start: _weak_context(text, m, sentence) for m in mentions}
            subjects = [m for m in mentions if weak[m.start] and not (
                weak[m.start] == "in" and self.gazetteer.place(m.place_id).is_national_capital)]
            context = [c for c in context if c[0] not in {_name(text, m) for m in subjects}]
            context += [(_name(text, m), "weak context", weak[m.start]) for m in subjects]
        return subjects, context

    def _status(self, text, mention, all_triggers, clauses, sentence, subjects, starts, looks):
        """The status of the strongest trigger that applies to the place, with
        the rules that gave it; (None, reason) when none does.

        Triggers of the place's own clause come first; a short clause with none
        ("..., and Taloqan on Monday") borrows the sentence's.  A trigger that
        its context disqualifies (intent, negation) gives way to the next one.
        """
        clause = _clause_of(clauses, mention.start, looks)
        reach = (mention.start - TRIGGER_REACH, mention.end + TRIGGER_REACH)
        in_clause = _between(all_triggers, max(clause[0], reach[0]), min(clause[1], reach[1]),
                             looks)  # fmt: skip
        ellipsis = _ELLIPSIS.match(text, clause[0], mention.start)
        before = _between(all_triggers, reach[0], clause[0], looks) if ellipsis else None
        if before:  # "..., as has the capital of Helmand": the verb before is its
            candidates, scope = before, (sentence.start, sentence.end)
        elif in_clause:
            candidates, scope = in_clause, clause
        elif _is_short(text, clause, mention) or _only_places(text, clause, subjects, starts):
            candidates = _between(all_triggers, *reach, looks)
            scope = (sentence.start, sentence.end)
        else:
            return None, "no trigger in its clause"
        # Whether a trigger applies is asked in rank order, and of all of them only
        # when a rule wants them all ("fighting"): a line naming thousands of places
        # has hundreds of triggers within reach of each.
        verdicts: dict[int, bool] = {}

        def applies(t) -> bool:
            if t.start not in verdicts:
                verdicts[t.start] = _trigger_applies(text, t, mention, subjects, starts, candidates)
            return verdicts[t.start]

        def applying() -> list:
            return [t for t in candidates if applies(t)]

        reasons = []
        governing = _governing_trigger(text, candidates, mention, starts)

        def strongest(t):
            return t is not governing, t.rank, abs(t.start - mention.start)

        def in_order():
            # the strongest, and the others sorted only when it gives no status (a line
            # naming thousands of places has dozens of triggers in reach of each); min
            # and sorted are stable: the first of the sorted is the one min gives
            yield min(candidates, key=strongest)
            yield from sorted(candidates, key=strongest)[1:]

        for trigger in candidates if len(candidates) < 2 else in_order():
            if not applies(trigger):
                continue
            status, because = _qualify(
                text, trigger, mention, scope, sentence, applying, self.vocabulary, looks
            )
            if status is not None:
                return status, because
            reasons.append(because)
        return None, tuple(reasons) if reasons else "no trigger applies to it"

    def _date_for(self, text, mention, date_mentions, clauses, reading, looks=None,
                  others=None):  # fmt: skip
        """The date of the place at ``mention`` and the rule that gave it.  ``others``:
        the sentence's triggers and the paragraph's names, to see a date that belongs
        to another place's event ("..., a coalition that also captured Aleppo last
        week")."""
        clause = _clause_of(clauses, mention.start, looks)
        starts = _starts(date_mentions, looks)
        # "Having taken the hill on Wednesday, forces have captured Jandaris": the opening
        # participle's day is its own, not that of a place after it
        having = _having_before(text, clause[0], mention.start)
        low = bisect.bisect_left(starts, clause[0] if having is None else having)
        high = bisect.bisect_left(starts, clause[1])
        in_clause = high > low
        if not in_clause:
            low = 0 if having is None else bisect.bisect_left(starts, having)
            high = len(date_mentions)
            # ("because" opens a clause: ``triggers.CLAUSE_BREAK``)
            reason = next((begin for begin, _ in clauses if begin >= mention.end
                           and text[begin : begin + 9].lstrip().lower().startswith("because")),
                          None)  # fmt: skip
            if reason is not None:  # "fell without a shot because the army had pulled
                # back to Damara on Friday": the reason's day is not the fall's
                high = bisect.bisect_left(starts, reason)
                if high <= low:  # (nor is it the paragraph's, for the place)
                    return self._context_date(text, (clause[0], clauses[-1][1]), reading)
        if high > low:
            # the dates (in text order, not overlapping) nearest on either side of the
            # place: the nearest of them all is among these, in the same order
            index = bisect.bisect_left(starts, mention.start, low, high)
            near = date_mentions[max(low, index - 2) : min(high, index + 2)]
            nearest = min(near, key=lambda m: _distance(m, mention))
            preceding = [m for m in near if m.end <= mention.start]
            own = _own_date_after(text, preceding[-1], mention, date_mentions) if preceding \
                else None
            if own is not None:
                return own
            if preceding and preceding[-1] is not nearest:
                # "A day after capturing Zaranj, the Taliban took Sheberghan on
                # Saturday": the phrase governs the place, however near the other date
                shifted = _relative_to_neighbour(text, preceding[-1], mention, date_mentions,
                                                 reading)  # fmt: skip
                if shifted is not preceding[-1]:
                    words = text[shifted.start : shifted.end]
                    return shifted, ("relative to neighbour", words)
            if nearest.start >= mention.end and (
                (nearest.precision in ("week", "month")
                 and _OTHER_EVENT_CLAUSE.search(text, mention.end, nearest.start))
                or _another_event_between(text, mention.end, nearest.start, others)
                or _BEGAN_BEFORE_DATE.search(text, mention.end, nearest.start)
            ):  # fmt: skip
                return self._context_date(text, clause, reading)
            if nearest.start >= mention.end and _NEXT_PHRASE_DATE.match(
                text[mention.end : nearest.start]
            ):
                # "had captured Nimroz and on Saturday they captured Sheberghan": the
                # date after "and" opens the next phrase; the place's is the one before
                earlier = [m for m in near if m.end <= mention.start]
                if earlier:
                    nearest = earlier[-1]
            # (what stands between a date and its place is read in the last 300 characters)
            anniversary = _ANNIVERSARY.search(
                text, max(nearest.end, mention.start - 300), mention.start
            )
            if anniversary and nearest.date and nearest.end <= mention.start:
                years = dates.count_words(anniversary["count"])
                earlier = nearest.date.replace(year=nearest.date.year - years)
                shifted = DateMention(nearest.start, nearest.end, earlier, nearest.precision)
                return shifted, ("anniversary", text[nearest.start : anniversary.end()])
            own = _own_date_after(text, nearest, mention, date_mentions)
            if own is not None:
                return own
            date = _relative_to_neighbour(text, nearest, mention, date_mentions, reading)
            if (date is nearest and nearest.relative_to_event and nearest.date
                    and text[nearest.start : nearest.end].lower().endswith(("before", "after"))
                    and _EVENT_AFTER_PHRASE.match(text, nearest.end)):  # fmt: skip
                # "arriving five days before it falls": the fall is five days later
                later = nearest.date - dt.timedelta(days=2 * nearest.offset_days)
                flipped = DateMention(nearest.start, nearest.end, later, "day",
                                      relative_to_event=True, offset_days=-nearest.offset_days)
                return flipped, ("relative to neighbour", text[nearest.start : nearest.end])
            rule = "relative to neighbour" if date is not nearest else (
                "date in clause" if in_clause else "date in sentence"
            )
            return date, (rule, text[nearest.start : nearest.end])
        before = _before_context(text, mention, others)
        if before is not None:
            return None, ("before its context", before)
        return self._context_date(text, clause, reading)

    def _relative_to_named_fall(self, text, mention, reading) -> DateMention:
        """ "captured hours before the collapse of Faizabad": counted from the day the
        article gave Faizabad's fall (its earliest), not from its last event."""
        phrase = text[mention.start : mention.end].lower()
        if not mention.relative_to_event or not phrase.endswith(("before", "after")):
            return mention
        gap = _BEFORE_THE_FALL_OF.match(text, mention.end)
        if gap is None:
            return mention
        names = self.gazetteer.scan(text, gap.end(), min(len(text), gap.end() + 60))
        if not names or names[0][0] != gap.end():
            return mention
        place_id = names[0][2].place_id
        days = [key[2] for key in reading.events
                if key[0] == place_id and key[1] in _FALLS and key[2] is not None]  # fmt: skip
        if not days:
            return mention
        return DateMention(
            mention.start, mention.end, min(days) + dt.timedelta(days=mention.offset_days),
            "day", relative_to_event=True, offset_days=mention.offset_days,
        )  # fmt: skip

    @staticmethod
    def _context_date(text, clause, reading):
        """The date a place without one of its own takes: its paragraph's, its
        section's or the news day."""
        context = reading.context_date()
        if context is reading.paragraph_date and context is not None \
                and context is not reading.entry_date and clause[0] <= context.start < clause[1]:
            # the clause's own date, found to be another event's ("Konna, whose capture
            # eight days ago"): the date the paragraph had before this sentence
            context = reading.before_sentence or reading.section_date or reading.news_day
        if context is None:
            return None, ("news day", "none")
        if context is reading.paragraph_date and reading.news_day is not None \
                and _NOW_REPORTED.search(text, *clause):
            # "Late on January 26, units entered Goma. ... It is reported that the rebels
            # have launched an offensive on Bukavu": the report turns to the present
            words = text[reading.news_day.start : reading.news_day.end]
            return reading.news_day, ("news day", words or reading.news_day.date.isoformat())
        if context is reading.paragraph_date:
            sequel = _SEQUEL.search(text, *clause)
            if sequel:  # "... then they took X": after that date, not on it
                return None, ("sequel", sequel.group(0))
            rule = "entry goes on" if context is reading.continued else "earlier in paragraph"
        elif context is reading.before_sentence:
            rule = "earlier in paragraph"
        elif context is reading.section_date:
            rule = "date heading"
        else:
            rule = "news day"
        words = text[context.start : context.end] or context.date.isoformat()
        return context, (rule, words)

    @staticmethod
    def _disputes(text: str, sentence: Sentence) -> str | None:
        match = casefold.search(triggers.DISPUTE, text, sentence.start, sentence.end)
        return match.group(0) if match else None

    # -- recording --------------------------------------------------------------------
    def _record(self, text, sentence, found, reading, replace: bool = False) -> None:
        for item in found:
            because = item.because + ((reading.clue,) if reading.clue else ())
            evidence = Evidence(
                text[sentence.start : sentence.end], sentence.start, sentence.end, because
            )
            if replace:
                _drop_evidence(reading.events, item, evidence)
            date = item.date
            event_date = date.date if date else None
            precision = date.precision if date and date.date else "unknown"
            key = (item.place_id, item.status, event_date)
            event = reading.events.get(key)
            if event is None:
                event = Event(
                    item.place_id, item.status, event_date, precision,
                    end_date=date.end_date if date else None,
                )  # fmt: skip
                reading.events[key] = event
            elif _finer(precision, event.precision):
                event.precision = precision
            if not _has_evidence(event, evidence):
                event.evidence.append(evidence)
            if reading.trace is not None:
                reading.trace[-1].setdefault("kept", []).append(
                    (item.place_id, item.status, event_date, because)
                )
                reading.trace[-1].setdefault("fired", []).extend(r for r, _ in because)
            if event_date is not None:
                reading.last_event_date = date.end_date or event_date
                reading.skipped = None


# -- helpers (pure functions over text and offsets) ------------------------------------
# "... five days before it falls": the event follows the relative phrase (the event is
# after its anchor by the phrase's days, or before it for "after")
_EVENT_AFTER_PHRASE = re.compile(
    r"\s+(?:it|the (?:city|town|capital)|[A-Z][\w\-]+)\s+(?:falls|fell|is (?:captured|taken|seized)"
    r"|was (?:captured|taken|seized)|surrendered|is retaken|was retaken)\b"
    # "This took place a day after the Houthi militia took control of Bayhan": a day
    # before the day the sentence speaks of
    r"|\s+(?:the\s+)?(?:[\w\-’']+\s+){0,3}?(?:took|seized|captured|overran|stormed)"
    r"(?:\s+(?:full\s+|complete\s+)?control\s+(?:of|over))?\s+(?:the\s+)?[A-Z]"
)
_CLUE_LINE = re.compile(
    r"^[^\n]*\b(?:photo|video|footage|picture|image|grab|published|updated|posted)\b[^\n]*$"
    r"|^\s*date\s+\d{4}-\d\d-\d\d\b",
    re.I | re.M,
)


def _publication_clue(text: str):
    """An undated article's own word for when it was written: the latest full
    date on a caption or a "Published/Updated" line, with its words."""
    best = None
    for line in _CLUE_LINE.finditer(text[:6000]):
        for date in dates.full_dates(line.group(0)):
            if best is None or date > best[0]:
                best = (date, line.group(0).strip()[:80])
    return best


# "were captured hours before the collapse of Faizabad": the fall the phrase counts from
_BEFORE_THE_FALL_OF = re.compile(
    r"\s+(?:the\s+)?(?:" + triggers.EVENT_NOUNS + r")\s+of\s+"
    r"(?:the\s+(?:[\w\-]+\s+)?(?:city|town|capital)\s+of\s+)?", re.I
)
_FALLS = ("captured", "surrendered")


def _relative_to_sentence(mentions: list[DateMention]) -> list[DateMention]:
    """ "overran Zaranj on Friday and then the following day pushed into
    Sheberghan": a day relative to an event counts from the date the sentence
    gave just before it, when it gave one."""
    result, last = [], None
    for mention in mentions:
        if mention.relative_to_event and last is not None and last.date is not None:
            mention = DateMention(
                mention.start, mention.end, last.date + dt.timedelta(days=mention.offset_days),
                "day", relative_to_event=True, offset_days=mention.offset_days,
            )  # fmt: skip
        elif not mention.relative_to_event and mention.date and not mention.end_date:
            last = mention
        result.append(mention)
    return result


def _recent(date: dt.date, published: dt.date) -> bool:
    return dt.timedelta(0) <= published - date <= NEWS_DAY_MAX_AGE


def _date_of(mention: DateMention | None) -> dt.date | None:
    return mention.date if mention else None


def _has_day(mentions: list[DateMention]) -> bool:
    return any(m.date and m.precision == "day" for m in mentions)


def _finer(new: str, old: str) -> bool:
    order = ("day", "week", "month", "unknown")
    return order.index(new) < order.index(old)


def _distance(date: DateMention, mention: PlaceMention) -> int:
    if date.end <= mention.start:
        return mention.start - date.end
    return max(0, date.start - mention.end)


# A sentence that opens with a participle phrase: "Having taken the hill overlooking the
# town on Wednesday, ..."
_HAVING_OPENING = re.compile(r"[\s\"“‘']*Having\s+[a-z]+\b[^,;.]{0,150},")


def _having_before(text: str, start: int, position: int) -> int | None:
    """Where a participle phrase opening the text at ``start`` ends, when it ends
    before ``position``; else None."""
    if text.find("Having", start, start + 12) < 0:
        return None
    opening = _HAVING_OPENING.match(text, start, position)
    return opening.end() if opening else None


def _says_this_city(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` says "this city" (searched only where "this " is)."""
    return (text.find("this ", start, end) >= 0 or text.find("This ", start, end) >= 0
            or text.find("THIS ", start, end) >= 0) \
        and _THIS_CITY.search(text, start, end) is not None


def _names_between(names: list, start: int, end: int) -> bool:
    """Whether one of ``names`` (``Gazetteer.scan``'s, in text order) starts in [start, end)."""
    index = bisect.bisect_left(names, start, key=NAME_START)
    return index < len(names) and names[index][0] < end


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [m.start() for m in triggers.CLAUSE_BREAK.finditer(text, start, end)]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _clause_of(clauses: list[tuple[int, int]], position: int, looks=None) -> tuple[int, int]:
    """The clause holding ``position`` (clauses are contiguous, in order), else the last."""
    index = bisect.bisect_right(_starts(clauses, looks), position) - 1
    if index >= 0 and position < clauses[index][1]:
        return clauses[index]
    return clauses[-1]


def _starts(items: list, looks: dict | None) -> list[int]:
    """The start offsets of a sentence's clauses, triggers or dates (each list is in
    text order), worked out once a sentence when ``looks`` is given."""
    key = ("starts", id(items))
    if looks is not None and key in looks:
        return looks[key]
    starts = [item[0] if isinstance(item, tuple) else item.start for item in items]
    if looks is not None:
        looks[key] = starts
    return starts


def _between(items: list, start: int, end: int, looks=None) -> list:
    """The items (in text order) that start in [start, end), found by bisection."""
    starts = _starts(items, looks)
    return items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _has_evidence(event: Event, evidence: Evidence) -> bool:
    """Whether the sentence is already a source of the event.  Sentences are recorded
    in reading order, so only the latest sources can be the same one (a membership
    test on the whole list made a list of 30,000 dated entries quadratic)."""
    for known in reversed(event.evidence):
        if known == evidence:
            return True
        if known.start < evidence.start:
            return False
    return False


def _context_rule(text: str, mention: PlaceMention, sentence: Sentence, paragraph, found=()):
    """(rule, words) when the place is named only to situate something else.
    Words that belong to a trigger ("withdrew from", "pushed them out of") are
    not context."""
    if paragraph.dateline and paragraph.dateline[0] <= mention.start < paragraph.dateline[1]:
        return ("dateline", text[paragraph.dateline[0] : paragraph.dateline[1]].strip())
    if text[mention.start : mention.end].isupper() and _INNER_DATELINE.match(text, mention.start):
        # "... BANGUI, Central African Republic (AP) — Rebels ...": a dateline inside a
        # paragraph (a page that set two versions of a story side by side)
        return ("dateline", text[mention.start : mention.end])
    if text.startswith(_STATE_OPENERS, mention.end) and _OWN_STATE_AFTER.match(
        text, mention.end, sentence.end
    ):
        return None  # "headed toward Bria (under rebel control since Tuesday)": its own news
    modifier = _MODIFIER_AFTER.match(text, mention.end, sentence.end)
    if modifier:
        return ("place as modifier", modifier.group(0).strip())
    named = _NAME_AFTER.match(text, mention.end, sentence.end) or _FORCE_AFTER.match(
        text, mention.end, sentence.end
    )
    if named:  # "the Tigray People's Liberation Front", "the Kunduz National Radio"
        return ("place in a name", text[mention.start : named.end()].strip())
    office = _OFFICE_AFTER.match(text, mention.end, sentence.end) or _OFFICE_BEFORE.search(
        text, max(sentence.start, mention.start - 40), mention.start
    )
    if (office and not _CITY_ANAPHOR.search(text, sentence.start, sentence.end)
            and not any(t.status == "surrendered" for t in found)):  # fmt: skip
        # "chief of Balkh Provincial Council, said forces retreated from the district's
        # center": the place names the office; what happened is told of something else
        # (unless "the city" stands for it; "the governor of Jalalabad had surrendered"
        # is the city's surrender)
        return ("office", text[min(office.start(), mention.start) : max(office.end(),
                                                                         mention.end)].strip())
    offset = max(sentence.start, mention.start - 80)
    before = text[offset : mention.start]
    low = casefold.fold(before)  # seven case-blind searches a place: on the lower case
    if low is not None and _CONTEXT_ANY is not None and _CONTEXT_ANY.search(low) is None:
        return None  # (one search of them all says none matches: most places)
    for name, pattern, fast in _CONTEXT_TWINS:
        match = pattern.search(before) if low is None or fast is None else fast.search(low)
        if match and not any(
            t.start <= offset + match.start() < t.end + 1 for t in found
        ) and not (  # (not "neighborhoods in the west of the city of Aleppo": a part of it)
            name == "bearing" and _PART_OF_CITY.search(text, offset, offset + match.start())
        ):
            return (name, before[match.start() : match.end()].strip())
    return None


_PART_OF_CITY = re.compile(r"\bin\s+the\s+$", re.I)
_INNER_DATELINE = re.compile(
    r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
    r"\s*\([A-Za-z .,/\-]{1,30}\)\s*(?:—|–|--|-)\s"
)
# The context rules with their lower-case twins, and all of them in one pattern
_CONTEXT_TWINS = tuple((name, p, casefold.twin(p)) for name, p in triggers.CONTEXT_RULES)
_CONTEXT_ANY = (
    re.compile("|".join(f"(?:{fast.pattern})" for _, _, fast in _CONTEXT_TWINS))
    if all(fast is not None for _, _, fast in _CONTEXT_TWINS) else None
)  # fmt: skip


_PROVINCE_AS_ADJECTIVE = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:town|towns|city|cities|village|villages|district|districts|region|"
    r"area|areas|countryside|highway|road|hills?|lake|mines?|mining|border)\b"
)
# "this northern city", "this provincial capital" of a datelined story
_THIS_CITY = re.compile(r"\bthis (?:[\w\-]+ ){0,2}?(?:city|town|capital)\b", re.I)
_CITY_ANAPHOR = re.compile(
    # ("the provincial town", "the sleepy town": a word may stand before it)
    r"\bthe (?:[a-z]+ )?(?:city|town)\b(?!\s+(?:of|centre|center))", re.I
)
# A whole province taken is its capital taken: "gained control of Kunar
# province", "took control of the neighbouring province of Nimruz", "Daikundi
# province, in central Afghanistan, succumbed".  (Not "fighting in Helmand
# province" or "captured districts of Helmand province".)
_WHOLE_PROVINCE_BEFORE = re.compile(
    r"\b(?:(?:took|taken|take|takes|taking|gained|gains?|seized|assumed|won)\s+"
    r"(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)"
    r"|captur(?:ed|es|e|ing)|seiz(?:ed|es|e|ing)|overr[au]n(?:ning|s)?|conquer(?:ed|s|ing)?)"
    r"\s+(?:the\s+)?(?:(?:whole|entire|neighbou?ring|central|remote|(?:north|south|east|west)"
    r"(?:ern|east|west|eastern|western)?)\s+)*(?:(?:province|region|state)s?\s+of\s+)?$",
    re.I,
)
_TAKEN_VERB = (
    r"(?:(?:(?:has|had|have|was|were)\s+)?(?:also\s+)?(?:been\s+)?(?:fallen|fell|succumbed"
    r"|surrendered|capitulated|taken|captured|seized|overrun)\b"
    # "the governor of Ghazni province handed over the province to the Taliban"
    r"|hand(?:ed|s)\s+over\s+the\s+province\b"
    # "The provinces of Faryab and Kunar are also under Taliban control"
    r"|(?:is|are|was|were)\s+(?:also\s+|now\s+)*under\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}control\b)"
)
_WHOLE_PROVINCE_AFTER = re.compile(
    r"\s+(?:province|region|oblast|governorate|state)s?(?:\s*,[^,.;]{1,60},)?\s+" + _TAKEN_VERB,
    re.I,
)
_WHOLE_PROVINCE_VERB = re.compile(r"\s+" + _TAKEN_VERB, re.I)
# the other names of a list after a place: ", Takhar and Baghlan"
_LIST_TAIL = re.compile(
    r"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?)*"
)


def _province_taken(text: str, mention, sentence) -> str | None:
    """The words that say a province named with its kind was taken whole."""
    before = _WHOLE_PROVINCE_BEFORE.search(
        text, max(sentence.start, mention.start - 80), mention.start
    )
    if before:
        return text[before.start() : mention.end].strip()
    if _LOCATED_IN.search(text, max(sentence.start, mention.start - 30), mention.start):
        return None  # "80 percent of Vovchansk in Kharkiv region has been captured": where
    # "Kunduz, Takhar and Baghlan provinces have fallen": past the list's other names
    tail = _LIST_TAIL.match(text, mention.end, sentence.end).end()
    after = _WHOLE_PROVINCE_AFTER.match(text, tail, sentence.end)
    if after is None and PROVINCE_OF.search(
        text, max(sentence.start, mention.start - 40), mention.start
    ):  # "the two main provinces of Paktia and Paktika have also been captured"
        after = _WHOLE_PROVINCE_VERB.match(text, tail, sentence.end)
    if after:
        return text[mention.start : after.end()].strip()
    return None


_SAME_NAME = re.compile(
    r"\bcapital(?:\s+city)?,?\s+(?:of|with|bearing|sharing)\s+the\s+same\s+name\b", re.I
)
# ("Insurgent forces in Myanmar's Mandalay region have captured the town of Mogoke")
_LOCATED_IN = re.compile(
    r"\b(?:in|across|throughout)\s+(?:the\s+)?(?:[A-Z][\w\-]*['’]s\s+)?$", re.I
)
# "leaving for Goma", "headed for Bukavu": where people go
_CONTINUES = re.compile(r"\b(?:also|too|as well|the same day|that day|meanwhile)\b", re.I)
# "among Bukavu residents": the place qualifies the people who live there.
# (Not "Ghazni's governor fled the city as it fell", which speaks of the city.)
_MODIFIER_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:residents?|people|civilians|population|inhabitants|dwellers"
    # ("witnesses and Tripoli officials said": the place the speakers are of)
    r"|officials?|lawmakers?|councillors?)\b"
    # "against the Shi'ite-led Baghdad government": the government it seats
    r"|\s+(?:government|authorities|regime)\b"
    # "On the Donetsk front, units ... liberated the village of Pobeda": a front's name
    r"|\s+(?:front|frontline|front line|direction|sector|axis)\b"
    # "along the Mandalay-Lashio-Muse highway", "the Kabul-Kandahar motorway", "the
    # Bhamo-Tazain-Myothit-Laiza route": a road's name
    r"|(?:\s*[\-–]\s*[A-Z][\w’']*(?:\s+[A-Z][\w’']*)?){0,3}\s+"
    r"(?:road|highway|motorway|expressway|railway|railroad|route|corridor)s?\b"
    # "the Dnipro River", "the eastern Idlib countryside": a river, a province's farmland
    # ("the northern Jaffna peninsula", "the Jaffna lagoon front": the land and water
    # named for the town)
    r"|\s+(?:river|countryside|peninsula|lagoon|lake|bay|gulf|coast)\b"
    # ("the rival Tripoli-based government", "a Kabul-born analyst")
    r"|[\-–](?:based|born|bound|headquartered)\b",
    re.I,
)
# The place opens the name of a body ("Tigray Liberation Front", "Kunduz National
# Radio", "Kachin Independence Army"): capitalised, case-sensitive
_NAME_AFTER = re.compile(
    r"(?:\s+(?:People['’]s|National|Liberation|Independence|Defen[cs]e|Revolutionary"
    r"|Democratic|Islamic|Popular|United|Joint|Special)){0,3}"
    r"\s+(?:Liberation|Front|Movement|Radio|Television|TV|University|Brigades?|Corps|Party"
    r"|Alliance|(?:Defen[cs]e\s+)?Forces?|Army|Militia"
    # "the 17th Singa Infantry Division": a unit and its base
    r"|Infantry|Division|Battalion|Regiment|Garrison)\b"
)
# "Tigray forces say they have taken control of a key city", "Misrata rebels advanced":
# fighters named for where they come from
_FORCE_AFTER = re.compile(
    r"\s+(?:forces|fighters|troops|rebels|militias?|militiamen|insurgents|gunmen)\b"
)
_OFFICE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:provincial\s+)?(?:council|governor|police|governorate|administration"
    r"|assembly)\b"
    # (not "took the Quneitra police headquarters": a building of the place)
    r"(?!['’]?s?\s+(?:headquarters|station|compound|building|offices?|complex|base)\b)",
    re.I,
)
_OFFICE_BEFORE = re.compile(
    # ("the Russian-installed head of Crimea, ...")
    r"\b(?:governor|mayor|police chief|spokesm[ae]n|spokesperson|council|head|leader)\s+"
    # ("the municipal council of nearby Samarra")
    r"(?:of|for)\s+(?:the\s+)?(?:nearby\s+|neighbou?ring\s+)?$",
    re.I,
)
NEAR_KM = 40
_SPAN_START_BEFORE = re.compile(r"\b(?:since|until|till)\s+$", re.I)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.I)
_STATE_WORDS = re.compile(r"\b(?:control|held|holds?|hands)\b", re.I)
_APPOSITION = re.compile(r"\s*,\s*(?:the\s+)?")  # "Homs, Syria's third-largest city"
_WHERE_RULES = frozenset(("bearing", "distance"))  # context that says where something is
_SEQUEL = re.compile(
    r"\b(?:then|later|subsequently|afterwards|next|since then|after that(?!\s+of\b)"
    r"|over the past)\b"
    # (not "the Islamic State of Iraq and the Levant, later renamed the Islamic State": a name)
    r"(?!\s+(?:renamed|known|called|dubbed|rebranded)\b)", re.I
)
_NOW_REPORTED = re.compile(
    r"\bit\s+(?:is|was)\s+(?:now\s+)?(?:being\s+)?(?:reported|understood|believed)\s+that\s+"
    r"(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:has|have)\s", re.I
)
# "Taliban had earlier captured Zaranj": the pluperfect with "earlier" or "already"
# tells of a time before the day the paragraph or the lede speaks of
_BEFORE_CONTEXT = re.compile(
    r"\b(?:had\s+(?:earlier|already|previously)|(?:earlier|previously)\s+had)\s+(?:been\s+)?$",
    re.I,
)


# "The RSF had controlled Singa for months": a hold that began long before
_HAD_BEFORE = re.compile(r"\bhad\s+(?:\w+ly\s+)?$", re.I)
_HELD_FOR = re.compile(
    r"\s+for\s+(?:(?:more\s+than|nearly|almost|over|about|some|several|many)\s+)*"
    r"(?:\w+\s+)?(?:days|weeks|months|years)\b",
    re.I,
)


def _before_context(text: str, mention, others) -> str | None:
    """The words that put the trigger nearest the place (without a date of its
    own) before its context date, or None."""
    if not others or not others[0]:
        return None
    trigger = min(others[0], key=lambda t: abs(t.start - mention.start))
    match = _BEFORE_CONTEXT.search(text, max(0, trigger.start - 30), trigger.start)
    if match:
        return match.group(0).strip()
    had = _HAD_BEFORE.search(text, max(0, trigger.start - 16), trigger.start)
    held = had and trigger.end <= mention.start and _HELD_FOR.match(text, mention.end)
    return text[had.start() : held.end()].strip() if held else None


_DISTANCE = re.compile(r"(?P<n>\d[\d,.]*)\s*(?P<unit>km|kilomet|mi)", re.I)


_ANOTHER_TOWN_BEARING = re.compile(
    r"\b(?:city|town|village|district|base|area)\s+(?:(?:due|just|some)\s+)?"
    r"(?:north|south|east|west)\S*\s+of\s+(?:the\s+)?(?:capital,?\s+)?$",
    re.I,
)


def _near(words: str) -> bool:
    match = _DISTANCE.search(words)
    if not match:
        return True
    number = float(match["n"].replace(",", "") or 0)
    return number * (1.6 if match["unit"].lower().startswith("mi") else 1) <= NEAR_KM


_COORDINATION_GLUE = re.compile(
    r"^(?:" + "|".join((
        *LIST_GLUE_PARTS, ";",
        r"\bof their respective(?: eponymous)? provinces\b", r"\([^()]{0,40}\)",
        r"\b(?:the )?(?:provincial )?capital of\b", r"\bin\b", r"\bcentral\b",
        r"\b[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?(?=\s+[Pp]rovinces?\b)",
        r"\b(?:far\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\b",
        # "Farah city in the western province of the same name; Pul-e-Khumri, the capital
        # of the northern Baghlan province; and Faizabad, the capital of remote ..."
        r"\bof the same name\b", r"\b(?:remote|restive|strategic|key|mountainous)\b",
    )) + r")*$",
    re.I,
)  # fmt: skip


def _coordinated(text: str, subjects, found: list, note) -> list:
    """ "Qal'at Naw, Herat, and Lashkar Gah come under Taliban control": places
    listed together share what happened to the one the trigger reached."""
    have = {f.place_id: f for f in found}
    ordered = sorted(subjects, key=lambda m: m.start)
    groups: list[list] = []
    for mention in ordered:
        if groups and _COORDINATION_GLUE.match(text[groups[-1][-1].end : mention.start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    extra = []
    for group in groups:
        given = [have[m.place_id] for m in group if m.place_id in have]
        if not given:
            continue
        source = given[0]
        for mention in group:
            if mention.place_id in have:
                continue
            because = (*source.because[:1], ("coordination", _name(text, ordered[0])),
                       *source.because[1:])  # fmt: skip
            extra.append(_Found(mention.place_id, source.status, source.date, mention.start,
                                because))  # fmt: skip
            have[mention.place_id] = extra[-1]
            if note is not None:
                note["dropped"] = [d for d in note.get("dropped", [])
                                   if d[0] != _name(text, mention)]  # fmt: skip
    return extra


def _name(text: str, mention: PlaceMention) -> str:
    return text[mention.start : mention.end] or mention.place_id


def _year_rule(reading: _Reading, date: DateMention) -> tuple:
    """The rule that gave a date without a year its year, with the year."""
    if reading.heading_year is not None:
        return (("year heading", str(reading.heading_year)),)
    if reading.year_for is not None:
        return ((reading.year_for.rule, str(date.date.year)),)
    return ()


def _only_town_before(names: list, position: int) -> str | None:
    """The one place the paragraph names before ``position`` (its provinces aside),
    or None when it names none or several."""
    named = names[: bisect.bisect_left(names, position, key=NAME_START)]
    places = {name[2].place_id for name in named if not name[2].is_province}
    return places.pop() if len(places) == 1 else None


_BULLET = re.compile(r"[•▪◦‣*\-–]\s")


class _YearSource:
    """Where the year of a date without one comes from, and the rule that says so."""

    def __init__(self, year_for, rule: str) -> None:
        self.year_for, self.rule = year_for, rule

    def __call__(self, month: int, day: int) -> int | None:
        return self.year_for(month, day)


def _is_short(text: str, clause: tuple[int, int], mention: PlaceMention) -> bool:
    """A gapped coordinate: a clause of a few words around the place, or one
    that opens with "and <place>" ("seized Qalat, ..., and Tirin Kot in
    Uruzgan province on Friday")."""
    # "and" fits in 200 characters, and so do a few words: a longer stretch is not
    # short (and is not copied, for each place of a sentence of a megabyte)
    if mention.start - clause[0] > 200:
        return False
    if clause[1] - mention.end > 200:
        return bool(_COORDINATED.match(text[clause[0] : mention.start]))
    if _COORDINATED.match(text[clause[0] : mention.start]):
        # "..., and Kunduz was quiet on Sunday": a verb of its own after the place
        return not _FINITE.search(text, mention.end, clause[1])
    before = len(text[clause[0] : mention.start].split())
    if before + len(text[mention.end : clause[1]].split()) > SHORT_CLAUSE_WORDS:
        return False
    # "Kabul is calm, but ...": a clause with a verb of its own is not a gapped one
    return not _FINITE.search(text, clause[0], clause[1])


def _only_places(text: str, clause: tuple[int, int], subjects, starts) -> bool:
    """A clause that is a list of places and nothing else ("two cities — Herat in the
    west and Kandahar in the south — have fallen"): its places borrow the sentence's
    trigger."""
    first = bisect.bisect_left(starts, clause[0])
    last = bisect.bisect_left(starts, clause[1], lo=first)
    if last - first < 2 or last - first > 50:
        return False
    position = clause[0]
    for mention in subjects[first:last]:
        if not LIST_GLUE.match(text[position : mention.start].strip(" \t,—–-:")):
            return False
        position = mention.end
    return bool(LIST_GLUE.match(text[position : clause[1]].strip(" \t,—–-:.")))


# "Herat and Kandahar have fallen, as has the capital of Helmand province": the verb left
# out is the one before
_ELLIPSIS = re.compile(
    r"[\s,]*as\s+(?:has|have|had|did|was|were)\s+(?:the\s+)?(?:[\w\-]+\s+){0,4}?"
    r"(?:(?:city|capital|town)\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?)?$",
    re.I,
)
_COORDINATED = re.compile(r"^[\s,]*(?:and|or|as well as)\s+(?:the\s+)?$", re.I)


def _weak_context(text: str, mention: PlaceMention, sentence: Sentence) -> str | None:
    """ "from" or "in" when the place is where a source is ("reports from Gardez",
    "sources in Khost city"), else None."""
    before = text[max(sentence.start, mention.start - 40) : mention.start]
    match = triggers.WEAK_CONTEXT_BEFORE.search(before)
    return match.group(1).lower() if match else None


_PART_OBJECT = re.compile(
    r"\s+(?:most|much|all|(?:large\s+)?parts?|swathes?)\s+of\s+"
    r"(?!the\s+(?:city|town|capital)\b|it\b)", re.I
)
# The gap between a place and a verb whose relative pronoun stands for it: "Kunduz,
# which they took", "Bangassou, 130 km away, a town on the border that they took"
_RELATIVE_OBJECT_GAP = re.compile(
    r"(?:,[^,;.()]{0,30})?,\s*(?:(?:a|the)\s+(?:[\w\-]+\s+){0,3}(?:town|city|capital|hub"
    r"|stronghold)\b[^,;.()]{0,60}?\s(?:(?:that|which)\s+)?|(?:that|which)\s+)"
    r"(?:[\w\-]+\s+){1,2}(?:had\s+)?",
    re.I,
)
# A bracket or apposition right after a place that says what became of it
_STATE_OPENERS = (",", " (", "(", " ,")  # how ``_OWN_STATE_AFTER`` can start
_OWN_STATE_AFTER = re.compile(
    r"\s*[(,]\s*(?:now\s+)?(?:under\s+(?:[\w\-]+\s+){1,2}control|(?:captured|seized|taken|overrun)"
    r"\s+by)\b"
    # ("arrived from Bangassou, 130 km away, a town on the border with the DR Congo that
    # they took on March 11")
    r"|(?:" + _RELATIVE_OBJECT_GAP.pattern + r")(?:took|taken|captured|seized|overran|overrun)\b",
    re.I,
)
_NEW_VERB_PHRASE = re.compile(
    r"\s(?:and|but)\s+(?:then\s+)?(?:\w+ly\s+)?(?:(?:hopes?|hoped|plans?|planned|wants?|wanted"
    r"|aims?|aimed|seeks?|sought|intends?|intended|expects?|expected|vows?|vowed|tries|tried)"
    r"\s+to|is|are|was|were|has|have|had|will|would|can|could"
    # ("stormed the station at al-Shuwayrif and shut off the pipeline, cutting off the
    # water supply to Tripoli, Bani Walid ...": a verb of its own with its own object)
    r"|(?:[a-z]+ed|shut|cut|set|put|hit|made|sent|began|drove|blew|tore)"
    r"\s+(?:off\s+|down\s+|up\s+|out\s+)?(?:the|a|an|its|their|his|her)\s)\b",
    re.I,
)
_CAPITAL_APPOSED = re.compile(r"\s+the\s+(?:[\w\-]+\s+)?(?:capital|city|town),?\s+", re.I)
_ACTIVE_TRANSITIVE = re.compile(
    r"^(?:captured|seized|overran|overrun|conquered|occupied|retook|recaptured|liberated"
    r"|took control of|seized control of|gained control of|took over"
    # ("celebrate the GNA retaking the Tarhuna and Bani Walid towns": the gerund's too)
    r"|capturing|seizing|overrunning|conquering|occupying|retaking|recapturing|liberating"
    # ("Tbilisi attempted last week to retake South Ossetia": the base form's too)
    r"|capture|seize|overrun|conquer|occupy|retake|recapture|liberate"
    # "control of Bayhan would enable them to besiege Marib": Marib's siege
    r"|besieg(?:e|es|ed|ing)|surround(?:s|ed|ing)?|encircl(?:e|es|ed|ing))$",
    re.I,
)
_CONTROL_NOW = re.compile(rf"^{triggers.HOLD_NOW}$", re.I)
_INDEFINITE_OBJECT = re.compile(r"\s+(?:a|an|some|several|most|much|parts?|large)\b", re.I)
_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\b", re.I)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be|had|has|have)\s+$", re.I)


def _named_after_count(text, end, mention, subjects, starts) -> bool:
    """ "captured two more cities — Herat in the west and Kandahar": the count's
    places named right after it, the place among them."""
    if mention.start < end:
        return False
    first = bisect.bisect_left(starts, end)
    chain = subjects[first : bisect.bisect_left(starts, mention.start) + 1]
    if not chain or chain[-1] is not mention:
        return False
    lead = _COUNT_NAMES.match(text[end : chain[0].start])
    if lead is None or (lead["mark"] == "," and len(chain) < 2):
        return False  # (", Kabul is next": one place after a comma is no list of them)
    return all(
        LIST_GLUE.match(text[a.end : b.start]) for a, b in zip(chain, chain[1:], strict=False)
    )


# ("18 provincial capitals, including Qalat": a summary, not the day each fell)
# ("two more provincial capitals of Tirin Kot (Uruzgan) and Firoz Koh (Ghor)")
_COUNT_NAMES = re.compile(r"^\s*(?P<mark>[—–:(,]|--?|of)\s*(?:namely\s+)?(?:the\s+)?$")
_COUNT_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a dozen|dozens of|half|most|more than \w+)\s+(?:(?:other|more|further|additional)\s+)?"
    r"(?:of\s+(?:the\s+)?(?:country['’]s\s+)?\d*\s*)?"
    r"(?:(?:provincial|regional)\s+)?(?:capitals|cities|towns|districts|provinces|others)\b",
    re.I,
)
_NOUN_OF = re.compile(rf"(?:re)?(?:{triggers.EVENT_NOUNS})(?: of)?$", re.I)
# What stands between a verb (or a noun's "of") and its place: "the", "the town of"
# ("took over the long-coveted northern oil hub of Kirkuk", "the rebel stronghold of Homs")
_OBJECT_WORDS = (
    r"(?:the\s+)?(?:(?:[\w\-]+\s+){0,3}(?:city|town|capital|hub|stronghold|bastion)\s+of\s+)?$"
)
_OF_OBJECT = re.compile(r"^\s*(?:of\s+)?" + _OBJECT_WORDS, re.I)
_OBJECT_NEXT = re.compile(r"^\s*" + _OBJECT_WORDS)
_FINITE = re.compile(
    r"\b(?:are|is|was|were|has|have|had|will|would|can|could|remain(?:s|ed)?|stay(?:s|ed)?)\b"
)


# A relative clause, with no comma in it, opened after another name that a bearing or
# a route brings in: the trigger in it tells of that name ("110km south of Aleppo,
# which the rebels captured"; not "el-Fasher in North Darfur, which ... fell" nor
# "Taloqan, the capital of Takhar, which the Taliban captured")
_RELATIVE_OF_ANOTHER = re.compile(
    r"\b(?:(?:north|south|east|west)\w*\s+of|near|from|to|outside(?:\s+of)?)\s+(?:the\s+)?"
    r"(?:[A-Z][\w\-’']*\s+){0,2}[A-Z][\w\-’']*,\s+"
    r"(?:which|that)\s[^,;.]*$"
)


def _trigger_applies(
    text: str, trigger: triggers.Trigger, mention: PlaceMention, subjects, starts, others=()
) -> bool:
    """Bare "took"/"lost" count only with the place as their object, alone or
    in a list ("had taken Maimana and Sheberghan").  ``others``: the triggers in
    reach, in text order."""
    if triggers.DIRECT_OBJECT_ONLY.match(trigger.text):
        if mention.start < trigger.end:
            if mention.end <= trigger.start and _RELATIVE_OBJECT_GAP.fullmatch(
                text, mention.end, trigger.start
            ):  # "Bangassou, a town on the border that they took on March 11": the object
                return True
            # the passive: "announced Sirte had been taken", "Kunduz was lost"
            return mention.end <= trigger.start and bool(
                _PASSIVE_GAP.match(text, mention.end, trigger.start)
            ) and trigger.text.lower() in ("taken", "taken over", "lost")
        # the places between them, found by bisection (``starts``: the subjects' starts)
        between = subjects[bisect.bisect_left(starts, trigger.end) :
                           bisect.bisect_left(starts, mention.start)]  # fmt: skip
        first = between[0] if between else mention
        if not triggers.DIRECT_OBJECT_GAP.match(text[trigger.end : first.start]):
            return False
        chain = [*between, mention]
        return all(
            LIST_GLUE.match(text[a.end : b.start]) for a, b in zip(chain, chain[1:], strict=False)
        )
    if (mention.end <= trigger.start and _ACTIVE_TRANSITIVE.match(trigger.text)
            and _PRONOUN_OBJECT.match(text, trigger.end)):  # fmt: skip
        # "to besiege Marib from the east after it besieged it from the south": the
        # pronoun stands for the nearest place before the verb, not one further back
        nearest = bisect.bisect_left(starts, trigger.start) - 1
        if nearest >= 0 and subjects[nearest].start != mention.start:
            return False
    if (mention.end <= trigger.start and _CONTROL_NOW.match(trigger.text)
            and _INDEFINITE_OBJECT.match(text, trigger.end)):  # fmt: skip
        # "the government in Kabul, which now controls a scattered archipelago of
        # cities": the verb has an object of its own, not a place named before it
        return False
    if (mention.end <= trigger.start and _ACTIVE_TRANSITIVE.match(trigger.text)
            and _PART_OBJECT.match(text, trigger.end)):  # fmt: skip
        # "“Firmly in control of Kombolcha,” ... since they retook most of Tigray": the
        # verb's object is the part it names after it (not "took most of the city")
        return False
    if mention.end <= trigger.start and _ACTIVE_TRANSITIVE.match(trigger.text):
        # "The KIA launched its offensive in southern Kachin on Dec. 4 and seized Mansi":
        # an active verb with a place right after it as its object is not the deed of a
        # place before it (unless that place is its passive subject: "Kunduz was seized")
        following = bisect.bisect_left(starts, trigger.end)
        if (following < len(subjects)
                and triggers.DIRECT_OBJECT_GAP.match(text[trigger.end : subjects[following].start])
                and not _PASSIVE_BEFORE.search(text, max(0, trigger.start - 20), trigger.start)):
            return False  # fmt: skip
    if mention.end < trigger.start and _RELATIVE_OF_ANOTHER.search(
        text, max(mention.end, trigger.start - 120), trigger.start
    ):  # "Hama is 110km south of Aleppo, which the rebels captured last week": Aleppo's
        return False
    count = _COUNT_AFTER.match(text, trigger.end)
    if count and not _named_after_count(text, count.end(), mention, subjects, starts):
        return False  # "have captured 18 provincial capitals": a count, not these places
    if trigger.end <= mention.start:
        # "By capturing Ghazni, the Taliban are in a position to attack Kabul":
        # the trigger's object is the nearer place.
        index = bisect.bisect_left(starts, mention.start) - 1  # the place just before it
        nearer = subjects[index] if index >= 0 else None
        if (nearer is not None and nearer.start >= trigger.end and nearer.end <= mention.start
                and _FINITE.search(text, nearer.end, mention.start)):  # fmt: skip
            return False
    if mention.end <= trigger.start and (
        _NOUN_OF.match(trigger.text) or trigger.text.lower().endswith((" of", " over"))
    ):
        # "reached in Bamako, confirmed the loss of Konna", "Gharyan is the forward base
        # for the LNA, which has been fighting to take control of the capital Tripoli":
        # the noun's (or the phrase's) object is the place after its "of", not one
        # named before it
        following = bisect.bisect_left(starts, trigger.end)
        if following < len(subjects) and subjects[following].start - trigger.end < 60:
            gap = text[trigger.end : subjects[following].start]
            if _OF_OBJECT.match(gap) or _CAPITAL_APPOSED.fullmatch(gap):
                return False
    if (trigger.end <= mention.start
            and (text.find(" and ", trigger.end, mention.start) >= 0
                 or text.find(" but ", trigger.end, mention.start) >= 0)
            and _NEW_VERB_PHRASE.search(text, trigger.end, mention.start)):  # fmt: skip
        # "had previously captured a nearby air field and hopes to make Qayyarah a
        # launchpad": a verb phrase of its own, with the place in it, stands between
        return False
    if (trigger.end <= mention.start and trigger.rule == "fall verb" and trigger.text[:1] in "fF"
            and any(trigger.end <= t.start < mention.start for t in others)):  # fmt: skip
        # "Shire had fallen to federal troops seeking to close in on Mekelle": what
        # falls stands before the verb; a place after another verb is that verb's
        return False
    if trigger.end <= mention.start and (
        _NOUN_OF.match(trigger.text) or trigger.text.lower().endswith((" of", " over"))
    ):
        # "the capture of Goma alarmed Kinshasa", "claimed control of Taloqan, stunning
        # Kabul": the noun's (or the phrase's) object is the place after
        # its "of" (and a list joined to it), not a place further on
        first_index = bisect.bisect_left(starts, trigger.end)
        first = subjects[first_index] if first_index < len(subjects) else None
        if (first is not None and first.start < mention.start
                and _OF_OBJECT.match(text[trigger.end : first.start])):  # fmt: skip
            chain = subjects[first_index : bisect.bisect_left(starts, mention.start) + 1]
            if not all(LIST_GLUE.match(text[a.end : b.start])
                       for a, b in zip(chain, chain[1:], strict=False)):  # fmt: skip
                return False
        if trigger.text.lower().endswith((" of", " over")) and _FINITE.search(
            text, trigger.end, mention.start
        ):
            # "now in control of the A9 highway and can supply the residents of Jaffna":
            # the phrase's object came before the next verb
            return False
    owner = _possessor(text, trigger, subjects, starts)
    if owner is not None and owner.start != mention.start:
        return False  # "Daikundi's capitulation" is Daikundi's only
    if trigger.status == "surrendered" and triggers.SURRENDER_NOUN_AFTER.match(
        text[trigger.end : trigger.end + 20]
    ):
        return False
    return True


_VERB_PHRASES_JOINED = re.compile(r"\s(?:and|but|then|before|after)\s|,\s", re.I)


def _governing_trigger(text, candidates, mention, starts):
    """ "captured Kunduz and besieged Taloqan", "seized a key city and encircled
    Timbuktu": the verb right before the place (its object) is the place's, not a
    stronger one of an earlier verb phrase joined by "and"; None when no such
    verb stands there."""
    # (the candidates are in text order, without overlaps: their ends are sorted too)
    index = bisect.bisect_right(candidates, mention.start, key=_END)
    if index < 2:
        return None
    near = candidates[index - 1]
    if mention.start - near.end > 60 or not _OBJECT_NEXT.match(text[near.end : mention.start]):
        return None
    # no other place between the verb and this one (the subjects' starts, sorted)
    if bisect.bisect_left(starts, mention.start) > bisect.bisect_left(starts, near.end):
        return None
    rank = near.rank
    if rank == 0:
        return None  # nothing is stronger than a retaking
    for other in candidates[: index - 1]:
        if triggers.RANK[other.status] < rank and _VERB_PHRASES_JOINED.search(
            text, other.end, near.start
        ):
            return near
    return None


_END = operator.attrgetter("end")


_PASSIVE_GAP = re.compile(
    r"\s+(?:(?:has|have|had)\s+been|(?:was|were|is|are)(?:\s+being)?|(?:had|has) been)"
    r"(?:\s+(?:\w+ly|also|now|finally))?\s+$",
    re.I,
)
_POSSESSIVE_GAP = re.compile(r"['’]s?\s+(?:\w+\s+)?")


def _possessor(text: str, trigger, subjects, starts):
    """The place whose possessive stands right before the trigger ("Daikundi's
    capitulation", "Kunduz's swift fall"), if any."""
    index = bisect.bisect_left(starts, trigger.start) - 1
    if index < 0:
        return None
    owner = subjects[index]
    if owner.end <= trigger.start and _POSSESSIVE_GAP.fullmatch(text, owner.end, trigger.start):
        return owner
    return None


GAP_CHARS = 200
_SIEVE = "sieve"  # in a sentence's looks: its lower-cased text, and which patterns may match

_WINDOWS = {
    "before trigger": lambda q: (max(q.sentence.start, q.trigger.start - 60), q.trigger.start),
    "before place": lambda q: (max(q.sentence.start, q.mention.start - 40), q.mention.start),
    "before place, wide": lambda q: (max(q.sentence.start, q.mention.start - 100),
                                     q.mention.start),
    # the last GAP_CHARS before the place: what qualifies an object stands next to it
    "gap": lambda q: (max(q.trigger.end, q.mention.start - GAP_CHARS),
                      max(q.trigger.end, q.mention.start)),  # fmt: skip
    "after place": lambda q: (q.mention.end, min(q.sentence.end, q.mention.end + 60)),
    "after trigger": lambda q: (q.trigger.end, min(q.sentence.end, q.trigger.end + 20)),
    "after trigger, wide": lambda q: (q.trigger.end, min(q.sentence.end, q.trigger.end + 60)),
    "trigger": lambda q: (q.trigger.start, q.trigger.end),
    "scope": lambda q: q.scope,
    "sentence": lambda q: (q.sentence.start, q.sentence.end),
    "reported": lambda q: (q.sentence.start, _reported_end(q)),
    # the trigger's own report: also from the last earlier clause with a trigger of its own
    "report": lambda q: (_reported_start(q), _reported_end(q)),
}
_SENTENCE_PARTS = "clauses and triggers"  # in a sentence's looks
# ", and that they had entered Taloqan": the same report goes on
_REPORT_GOES_ON = re.compile(r"[,;]?\s*(?:and|but)?\s*that\b", re.I)


_RELATIVE_START = re.compile(r",\s*(?:who|which)\b", re.I)


def _clauses_and_trigger_starts(site) -> tuple:
    """The sentence's clauses and its triggers' starts, worked out once a sentence."""
    parts = site.looks.get(("parts", "starts"))
    if parts is None:
        clauses, found = site.looks.get(_SENTENCE_PARTS, ((), ()))
        parts = site.looks[("parts", "starts")] = (clauses, [t.start for t in found])
    return parts


def _holds_start(starts: list[int], begin: int, stop: int) -> bool:
    """Whether one of ``starts`` (in order) lies in [begin, stop)."""
    index = bisect.bisect_left(starts, begin)
    return index < len(starts) and starts[index] < stop


def _reported_start(site) -> int:
    """Where the report of the site's trigger starts: after the last earlier clause
    with a trigger of its own ("Officials confirmed that Kunduz fell, but denied
    claims that Taloqan had been captured": the confirmation is Kunduz's)."""
    key = ("report start", site.trigger.start)
    start = site.looks.get(key)
    if start is None:
        clauses, starts = _clauses_and_trigger_starts(site)
        start = site.sentence.start
        for begin, stop in clauses:
            if stop > site.trigger.start:
                break
            if _holds_start(starts, begin, stop):
                start = stop
        site.looks[key] = start
    return start


# '"Our forces have succeeded in liberating ..., and have established full control over
# it," the RSF said': the speaker named after a quote speaks all of it
_ATTRIBUTION_AFTER = re.compile(
    r"[”\"]\s*,?\s*(?:[\w\-’'.]+\s+){1,6}?(?:said|says|added|stated|posted|wrote|told)\b"
    r"[^”\"]*$",
    re.I,
)


def _quoted_then_attributed(site) -> bool:
    """Whether the site's trigger stands in a quote that the sentence then attributes."""
    text, sentence = site.text, site.sentence
    opening = max(text.rfind("“", sentence.start, site.trigger.start),
                  text.rfind('"', sentence.start, site.trigger.start))  # fmt: skip
    return opening >= 0 and _ATTRIBUTION_AFTER.search(
        text, site.trigger.end, sentence.end
    ) is not None


def _reported_end(site) -> int:
    """Where the report of the site's trigger ends: at the first later clause
    with a trigger of its own ("Kunduz fell on Sunday, and the group said it had
    seized Taloqan": the claim is Taloqan's), else at the sentence's end (";
    officials denied it" comments on what came before)."""
    key = ("reported", site.trigger.start)
    end = site.looks.get(key)
    if end is None and _quoted_then_attributed(site):
        end = site.looks[key] = site.sentence.end
    if end is None:
        clauses, starts = _clauses_and_trigger_starts(site)
        end = site.sentence.end
        for start, stop in clauses:
            if start <= site.trigger.start or _REPORT_GOES_ON.match(site.text, start, stop):
                continue
            if _holds_start(starts, start, stop):
                end = start
                break
        # "..., the RSF, who had earlier declared full control over ...": a relative
        # clause with a trigger of its own tells the other side's earlier claim
        for relative in _RELATIVE_START.finditer(site.text, site.trigger.end, end):
            if _holds_start(starts, relative.start(), end):
                end = relative.start()
                break
        site.looks[key] = end
    return end


class _Site:
    """What a qualifier rule looks at: one trigger for one place in one sentence.
    (A plain class with slots: a frozen dataclass costs more to make than most
    sentences cost to qualify.)"""

    __slots__ = ("text", "trigger", "mention", "scope", "sentence", "applying",
                 "vocabulary", "looks")  # fmt: skip

    def __init__(self, text, trigger, mention, scope, sentence, applying, vocabulary, looks):
        self.text = text
        self.trigger: triggers.Trigger = trigger
        self.mention: PlaceMention = mention
        self.scope: tuple[int, int] = scope
        self.sentence: Sentence = sentence
        self.applying: Callable[[], list] = applying  # the triggers in reach that apply
        self.vocabulary: triggers.Vocabulary = vocabulary
        self.looks: dict = looks  # the sentence's searches: its places share the windows


_ANCHORED_WINDOWS = frozenset(("gap", "trigger", "after trigger"))  # "^" is the window's start


def _look(site: _Site, window: str, pattern, sieved: bool = False) -> str | None:
    """The words ``pattern`` matches in ``window``, or None.  ``sieved``: the
    sentence is known to hold the pattern's needed words."""
    if pattern.__class__ is str:  # a word for a search the rule cannot name itself
        if pattern == "fighting":
            fights = [t for t in site.applying() if t.status == "contested"]
            return fights[0].text if fights else None
        if pattern == "confirmed":
            return _confirmed(site, *_WINDOWS[window](site))
        if pattern == "defenders":
            return _other_side(site, *_WINDOWS[window](site))
        pattern = site.vocabulary.named[pattern]  # "hedge", "attackers", "defenders"
    if not sieved and not _may_hold(site, pattern):  # every window lies in the sentence
        return None
    if window == "trigger":
        start, end = site.trigger.start, site.trigger.end
    else:
        start, end = _WINDOWS[window](site)
    if end - start <= PIECE_CHARS:
        # a few words (the trigger's own, the gap before the place, those after it or
        # before it, a short sentence): pieces that recur from place to place
        piece = site.text[start:end]
        key = (id(pattern), piece, window in _ANCHORED_WINDOWS)
        known = _PIECE_LOOKS.get(key)
        if known is None or known[0] is not pattern:
            if len(_PIECE_LOOKS) > 20_000:
                _PIECE_LOOKS.clear()
            known = _PIECE_LOOKS[key] = (pattern, _found(pattern, piece, window))
        return known[1]
    key = (start, end, id(pattern), window)
    looks = site.looks
    found = looks.get(key, _UNSEEN)
    if found is _UNSEEN:
        looks[key] = found = _found(pattern, site.text[start:end], window)
    return found


# What ``_look`` keeps of the windows at most PIECE_CHARS long, by their words (what
# a pattern finds in a window depends on the window's words alone: it is searched as
# a piece of its own): by (id of the pattern, the piece, whether it is anchored at
# the piece's start), (the pattern, what ``_found`` found); the pattern kept to tell
# a new one made where a gone one was.
PIECE_CHARS = 60
_PIECE_LOOKS: dict[tuple[int, str, bool], tuple] = {}
_UNSEEN = object()
# By id of a pattern: (the pattern, anchored at a window's start, its twin for
# lower-cased text or None, its scanner or None), worked out once a pattern
_FINDERS: dict[int, tuple] = {}


def _found(pattern: re.Pattern, piece: str, window: str) -> str | None:
    """The words ``pattern`` matches in the window's text ``piece``, or None."""
    finder = _FINDERS.get(id(pattern))
    if finder is None or finder[0] is not pattern:
        if len(_FINDERS) > 4096:
            _FINDERS.clear()
        finder = _FINDERS[id(pattern)] = (
            pattern, pattern.pattern.startswith("^"), casefold.twin(pattern),
            casefold.scanner(pattern),
        )  # fmt: skip
    _, anchored, fast, scan = finder
    if anchored and window in _ANCHORED_WINDOWS:
        match = pattern.match(piece)
    else:
        # case-blind, "re" tries each branch of an alternation at every position (the
        # hedge: 300 ms a MB): on the lower-cased piece, only where a match can start
        # (in a window of a few words, lower-casing alone costs more than it saves)
        low = casefold.fold(piece) if fast is not None and (
            len(piece) > 80 or scan is not None) else None
        match = pattern.search(piece) if low is None else casefold.search_folded(
            pattern, low, fast, scan)
    return piece[match.start() : match.end()].strip() if match else None


def _confirmed(site: _Site, start: int, end: int) -> str | None:
    """The words by which someone other than the attackers confirms what the
    sentence reports, or None ("could not be independently confirmed" and "the
    Taliban spokesman confirmed" confirm nothing)."""
    text = site.text
    for match in triggers.CONFIRMED.finditer(text, start, end):
        if triggers.NOT_BEFORE.search(text, max(start, match.start() - 30), match.start()):
            continue
        own = site.vocabulary.self_confirmation.search(
            text, max(start, match.start() - 80), match.end()
        )
        if own is not None and own.end() >= match.end():
            continue
        return match.group(0)
    return None


# "said its troops had liberated": a generic word for troops that are the speaker's own
_OWN_BEFORE = re.compile(r"\b(?:its|their|his|her|our|own)\s+$", re.I)


def _other_side(site: _Site, start: int, end: int) -> str | None:
    """The words that name the defenders between start and end, or None: not a
    generic word for troops that the attackers' own name holds ("Russian troops")
    or a possessive makes the speaker's ("Russia's Defense Ministry said its
    troops had liberated")."""
    text, vocabulary = site.text, site.vocabulary
    own = [match.span() for match in vocabulary.attackers.finditer(text, start, end)]
    for match in vocabulary.defenders.finditer(text, start, end):
        if any(s <= match.start() < e for s, e in own):
            continue
        if _OWN_BEFORE.search(text, max(start, match.start() - 8), match.start()):
            continue
        return match.group(0)
    return None


def _may_hold(site: _Site, pattern: re.Pattern) -> bool:
    """Whether the sentence holds a word ``pattern`` cannot match without, once a
    sentence.  (A pattern as a key would hash its compiled code each time: its id.)"""
    sieve = (_SIEVE, id(pattern))
    live = site.looks.get(sieve)
    if live is None:
        low = _sentence_low(site)
        site.looks[sieve] = live = low is None or casefold.may_match(pattern, low)
    return live


def _sentence_low(site: _Site) -> str | None:
    """The sentence lower-cased (``casefold.fold``), once a sentence."""
    looks = site.looks
    if _SIEVE not in looks:
        sentence = site.sentence
        looks[_SIEVE] = casefold.fold(site.text[sentence.start : sentence.end])
    return looks[_SIEVE]


_LIVE = "live rules"  # in a sentence's looks: by status, the rules whose words it holds


def _live_rules(site: _Site, status: str) -> tuple:
    """The qualifier rules for ``status``, (place in ``QUALIFIERS``, rule) in
    order, less those whose own pattern the sentence cannot hold: they would not
    fire for any of its places (a short sentence holds the words of few).  Worked
    out once a sentence and status."""
    by_status = site.looks.get(_LIVE)
    if by_status is None:
        by_status = site.looks[_LIVE] = {}
    live = by_status.get(status)
    if live is None:
        rules, sieves, by_bits = _rule_sieves(site.vocabulary, status)
        passed = sieves.passed(_sentence_low(site))
        live = by_bits.get(passed)
        if live is None:  # (the same few sets of rules, sentence after sentence)
            if len(by_bits) > 4096:
                by_bits.clear()
            live = by_bits[passed] = tuple(
                rule for index, rule in enumerate(rules) if passed >> index & 1
            )
        by_status[status] = live
    return live


_SIEVES: dict[tuple[int, str], tuple] = {}


def _rule_sieves(vocabulary: triggers.Vocabulary, status: str) -> tuple:
    """The qualifier rules for ``status``: ((place in ``QUALIFIERS``, rule), ...),
    their sieves (``casefold.Sieves``: the words one of which a rule's pattern
    cannot match without), and the live rules found so far by the sieves that
    passed, worked out once."""
    key = (id(vocabulary), status)
    known = _SIEVES.get(key)
    if known is None or known[0] is not vocabulary:
        rules, words = [], []
        for rank, rule in enumerate(QUALIFIERS):
            if status not in rule.statuses:
                continue
            pattern = vocabulary.named.get(rule.pattern, rule.pattern) \
                if isinstance(rule.pattern, str) else rule.pattern
            rules.append((rank, rule))
            words.append(None if pattern == "fighting" else casefold.sieve_words(pattern))
        known = _SIEVES[key] = (vocabulary, (tuple(rules), casefold.Sieves(words), {}))
    return known[1]


def _fires(rule: Qualifier, site: _Site) -> str | None:
    """The words by which ``rule`` fires at ``site`` (its status is one of the
    rule's and the sentence may hold its pattern), or None."""
    if rule.place_after_trigger and site.mention.start < site.trigger.end:
        return None
    if rule.place_before_trigger and site.mention.end > site.trigger.start:
        return None
    words = _look(site, rule.window, rule.pattern, sieved=True)
    if words is None:
        return None
    if rule.requires and _look(site, *rule.requires) is None:
        return None
    if rule.unless and any(_look(site, *other) is not None for other in rule.unless):
        return None
    return words or site.text[site.trigger.start : site.trigger.end]


def _qualify(text, trigger, mention, scope, sentence, applying, vocabulary, looks):
    """The trigger's status as the qualifier rules change it, with the rules
    that fired: (status or None, ((rule, words), ...))."""
    site = _Site(text, trigger, mention, scope, sentence, applying, vocabulary, looks)
    status = trigger.status
    because = [(trigger.rule, trigger.text)]
    rules = _unpruned(site, _live_rules(site, status))
    index = 0
    while index < len(rules):
        rank, rule = rules[index]
        index += 1
        words = _fires(rule, site)
        if words is None:
            continue
        changed = rule.effect[status]
        because.append((rule.name, words))
        if changed is None or rule.final:
            return changed, tuple(because)
        if changed != status:  # the rules after this one, for the new status
            rules = [item for item in _unpruned(site, _live_rules(site, changed))
                     if item[0] > rank]
            index = 0
        status = changed
    return status, tuple(because)


def _unpruned(site: _Site, live: tuple) -> tuple:
    """``live`` less the rules that cannot fire at ``site`` for what its pieces
    alone say: a place on the wrong side of the trigger for the rule, or a piece
    (the trigger's words, the gap, the words after the trigger, as ``_look`` keeps them)
    in which the rule's pattern finds nothing.  The pieces recur from place to
    place ("captured Kunduz", "seized the city of Taloqan"), and with them the
    rules left: worked out once for each, where ``_fires`` asked each rule in turn
    (a line naming a place every few words asked a dozen a place)."""
    trigger, mention, text = site.trigger, site.mention, site.text
    gap_start, gap_end = _WINDOWS["gap"](site)
    after_start, after_end = _WINDOWS["after trigger"](site)
    pieces = (
        text[trigger.start : trigger.end] if trigger.end - trigger.start <= PIECE_CHARS else None,
        text[gap_start:gap_end] if gap_end - gap_start <= PIECE_CHARS else None,
        text[after_start:after_end] if after_end - after_start <= PIECE_CHARS else None,
    )  # (written out: a generator of three cost more than the look-up it saves)
    key = (id(live), mention.start < trigger.end, mention.end > trigger.start, pieces)
    known = _PRUNED.get(key)
    if known is None or known[0] is not live:
        if len(_PRUNED) > 20_000:
            _PRUNED.clear()
        known = _PRUNED[key] = (live, _prune(site, live, key[1], key[2], pieces))
    return known[1]


def _prune(site: _Site, live: tuple, before: bool, reaches: bool, pieces: tuple) -> tuple:
    """``_unpruned`` worked out: ``before``, the place starts before the trigger
    ends; ``reaches``, it ends after the trigger starts."""
    by_window = dict(zip(("trigger", "gap", "after trigger"), pieces, strict=True))
    kept = []
    for item in live:
        rule = item[1]
        if (rule.place_after_trigger and before) or (rule.place_before_trigger and reaches):
            continue
        piece = by_window.get(rule.window)
        if piece is not None and not (rule.pattern.__class__ is str
                                      and rule.pattern in _UNNAMED):
            if _look(site, rule.window, rule.pattern, sieved=True) is None:
                continue
        kept.append(item)
    return tuple(kept)


_PRUNED: dict[tuple, tuple] = {}
_UNNAMED = frozenset(("fighting", "confirmed", "defenders"))  # (``_look``'s own searches)


# "attacked Gao on Saturday, a day after they took the provincial capital of Kidal":
# the place of a short clause after "a day after" lies a day before the other date
# ("two days after seizing Kunduz, the Taliban captured Taloqan on Wednesday": a gerund)
_NEIGHBOUR_CLAUSE_GAP = re.compile(
    r"^\s+(?:(?:they|it|he|she|(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)\s+(?:had\s+)?"
    r"(?:took|captured|seized|overran|entered|stormed"
    # ("a day after the rebels claimed control of Dessie")
    r"|(?:claimed|took|seized|gained|declared)\s+(?:full\s+)?control\s+(?:of|over))"
    r"|(?:taking|capturing|seizing|overrunning|entering|storming))\s+"
    + triggers.ONE_OF_A_COUNT  # ("took three others, including the strategic city of Kunduz")
    + r"(?:the\s+)?(?:(?:[\w\-]+\s+){0,4}(?:capital|city|town)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
_PLUPERFECT = re.compile(r"(?:\s+[\w\-]+){0,3}?\s+had\s+(?:been\s+)?(?:\w+ly\s+)?$", re.I)
# ", where the Taliban first proclaimed their emirate in the 1990s": the other time is
# the relative clause's, after the sentence's triggers
_RELATIVE_CLAUSE_BEFORE = re.compile(
    # ("... united under one regime for the first time since the Soviet army left the
    # country in 1989": a "since" clause of its own, after the trigger)
    r",\s*(?:where|which|who|whose|when)\b[^,;]*$|\bsince\s+(?:the\s+)?[A-Za-z][^,;.]*$", re.I
)


def _background(text, start, end, found_triggers):
    """The words that set the sentence in another time ("in 1996", "years ago"), or
    None; not those of a relative clause after its last trigger."""
    first = casefold.search(triggers.BACKGROUND, text, start, end)
    if first is None:
        return None  # (most sentences: one search of the lower case, where re tries each
        # position with each of the words)
    for match in triggers.BACKGROUND.finditer(text, first.start(), end):  # (none before)
        last = found_triggers[-1].end if found_triggers else end
        if match.start() > last and _RELATIVE_CLAUSE_BEFORE.search(
            text, max(last, match.start() - 120), match.start()
        ):
            continue
        return match
    return None


_NEXT_PHRASE_DATE = re.compile(
    r"^[\s,]*(?:and|but|then|and then)\s+(?:on\s+|by\s+|later\s+)?$", re.I
)
_RELATIVE_PRONOUN = re.compile(r"\b(?:that|which|who)\b", re.I)


_AFTER_GERUND = re.compile(r"\b(?:after|before|since|following)\s+(\w+ing)\b", re.I)
_JUST_BEFORE_PRONOUN = re.compile(r"\s*,?\s*")
_WHOSE_EVENT = re.compile(rf"\bwhose\s+(?:[\w\-]+\s+)?(?:{triggers.EVENT_NOUNS})\b", re.I)


def _another_event_between(text, start, end, others) -> bool:
    """Whether a relative clause between a place and a date after it tells of another
    event: a relative pronoun, then a trigger, then another place; or the pluperfect
    ("which had fallen ... in August"), an earlier event of the same place."""
    if others is None or end - start < 12:
        return False
    if _WHOSE_EVENT.search(text, start, end):
        return True  # "regained control of Konna, whose capture eight days ago ...": its own
    pronoun = _RELATIVE_PRONOUN.search(text, start, end)
    if pronoun is None:
        # "are inching closer to Mosul after retaking the town of Qayyarah on Thursday":
        # the day of a gerund after "after", with a place of its own, is that event's
        gerund = _AFTER_GERUND.search(text, start, end) if text.find("ing", start, end) >= 0 \
            else None
        if gerund is None:
            return False
        found_triggers, names = others
        trigger = next((t for t in found_triggers if t.start == gerund.start(1)), None)
        following = bisect.bisect_left(names, gerund.end(), key=NAME_START)
        return (trigger is not None and following < len(names)
                and names[following][0] < end)  # fmt: skip
    found_triggers, names = others
    trigger = next((t for t in found_triggers if pronoun.end() <= t.start < end), None)
    if trigger is None:
        return False
    if _PLUPERFECT.match(text, pronoun.end(), trigger.start):
        return True  # "retook Lalibela, which had fallen to the rebels in August"
    named = bisect.bisect_left(names, pronoun.start(), key=NAME_START) - 1
    if (named >= 0 and names[named][0] >= start
            and _JUST_BEFORE_PRONOUN.fullmatch(text, names[named][1], pronoun.start())):
        # "fell to troops advancing from Kilinochchi which was seized on Friday": the
        # relative clause tells of the place it follows, with its own day (not of a list
        # the place opens: "Kunduz, Taloqan and Aybak, which the army has captured")
        listed = names[bisect.bisect_left(names, start, key=NAME_START) : named + 1]
        ends = [start, *(name[1] for name in listed[:-1])]  # where each gap before a name opens
        if not all(LIST_GLUE.match(text[end : name[0]]) for end, name in zip(ends, listed,
                                                                             strict=True)):
            return True
    first = bisect.bisect_left(names, trigger.end, key=NAME_START)
    return first < len(names) and names[first][0] < end


# "a day after Ghazni fell on Thursday": the neighbour's own verb and date
_NEIGHBOUR_OWN_DATE = re.compile(
    r"^\s+(?:had\s+)?(?:been\s+)?(?:fell|falls|was\s+(?:captured|taken|seized|overrun)"
    r"|came under|surrendered)\b[^,;.]{0,30}?$",
    re.I,
)


def _own_date_after(text, nearest, mention, date_mentions):
    """With "a day after Ghazni fell on Thursday", (date, rule) for either place:
    Ghazni's is its own Thursday, and the place before the phrase ("The capture
    of Herat came a day after ...") lies a day after it.  None otherwise."""
    if not nearest.relative_to_event:
        return None
    phrase = text[nearest.start : nearest.end].lower()
    if not phrase.endswith(("after", "before")):
        return None
    later = [m for m in date_mentions if m.start >= nearest.end and m.date
             and not m.relative_to_event and m.precision == "day"]  # fmt: skip
    if not later:
        return None
    own = later[0]
    if nearest.end <= mention.start:  # the neighbour: "Ghazni fell on Thursday"
        if (triggers.PREPOSITION_GAP.match(text[nearest.end : mention.start])
                and _NEIGHBOUR_OWN_DATE.match(text[mention.end : own.start])):  # fmt: skip
            return own, ("date in clause", text[own.start : own.end])
        return None
    if mention.end > nearest.start or own.start - nearest.end > 80:
        return None
    names_between = text[nearest.end : own.start]
    if not _NEIGHBOUR_OWN_DATE.search(names_between) and not re.search(
        r"\b(?:fell|falls|was (?:captured|taken|seized))\b", names_between
    ):
        return None
    shifted = DateMention(nearest.start, nearest.end,
                          own.date + dt.timedelta(days=nearest.offset_days), "day")  # fmt: skip
    return shifted, ("relative to neighbour", text[nearest.start : own.end])


def _relative_to_neighbour(text, nearest, mention, date_mentions, reading) -> DateMention:
    """ "Kunduz fell Sunday, a day after Sheberghan": the place after "a day
    after" lies a day before the sentence's other date, not a day after the
    previous event."""
    if not nearest.relative_to_event or nearest.end > mention.start:
        return nearest
    phrase = text[nearest.start : nearest.end].lower()
    if not phrase.endswith(("after", "before")):
        return nearest
    gap = text[nearest.end : mention.start]
    others = [m for m in date_mentions if m is not nearest and m.date and not m.relative_to_event]
    if nearest.date and not others and _BEFORE_THE_FALL_OF.fullmatch(gap):
        # "Taloqan was captured a day before the fall of Kunduz": Kunduz fell on the day
        # the phrase counts from
        fell = nearest.date - dt.timedelta(days=nearest.offset_days)
        return DateMention(nearest.start, nearest.end, fell, "day")
    if not (triggers.PREPOSITION_GAP.match(gap) or _NEIGHBOUR_CLAUSE_GAP.match(gap)):
        return nearest
    anchor = others[-1].date if others else reading.last_event_date
    if anchor is None:
        return nearest
    return DateMention(
        nearest.start, nearest.end, anchor - dt.timedelta(days=nearest.offset_days), "day"
    )


def _entry_subject(text: str, sentence: Sentence, place_id: str, words) -> PlaceMention:
    """In a dated entry ("Aug. 8 - KUNDUZ. Fighters take the city."), "the
    city" is the entry's place; the mention stands where the text refers to it
    (``words``: "the city", "it"; for a dateline's town, "this northern city")."""
    anaphor = words.search(text, sentence.start, sentence.end)
    if anaphor:
        return PlaceMention(anaphor.start(), anaphor.end(), place_id)
    return PlaceMention(sentence.start, sentence.start, place_id)


def _join_told_again(events: dict, trace: list | None = None, text: str = "") -> None:
    """An event dated only by the news day joins the same change of the same place
    that the article dates on that day or before (the latest such): "Noor was there
    when Mazar-i-Sharif fell" tells again of the fall it dated "on Saturday".  So does
    one dated only by an earlier sentence of its paragraph, another place's, when the
    paragraph dated that change of that place before it ("overran Rafai on March 12
    ... Bangassou, which they took on March 11 ... in capturing Rafai")."""
    dated: dict[tuple, list] = {}  # (place, status) -> its events dated otherwise, by date
    told_again = []
    for key, event in events.items():
        if event.date is None:
            continue
        rules = {_date_rule(e.because) for e in event.evidence}
        if rules == _NEWS_DAY:
            told_again.append((key, event, False))
        else:
            if rules == _EARLIER_IN_PARAGRAPH:
                told_again.append((key, event, True))
            dated.setdefault((event.place_id, event.status), []).append(event)
    for key, event, borrowed in told_again:
        if key not in events:
            continue  # (joined to another already)
        others = [o for o in dated.get((event.place_id, event.status), ())
                  if o is not event and events.get(o.key) is o]  # (not one joined away)
        if borrowed:
            first = event.evidence[0].start
            earlier = [o for o in others if any(
                e.start < first and "\n" not in text[e.start : first] for e in o.evidence)]
        else:
            earlier = [o for o in others if o.date <= event.date]
        if not earlier:
            continue
        told = max(earlier, key=lambda other: other.date)
        for evidence in event.evidence:
            because = (*evidence.because, ("told again", told.date.isoformat()))
            joined = dataclasses.replace(evidence, because=because)
            if not _has_evidence(told, joined):
                told.evidence.append(joined)
        del events[key]
        if trace is not None:
            trace.append({"start": 0, "end": 0, "fired": ["told again"],
                          "joined": [(event.place_id, event.status, event.date, told.date)]})


_NEWS_DAY, _EARLIER_IN_PARAGRAPH = {"news day"}, {"earlier in paragraph"}


def _date_rule(because) -> str | None:
    """The date rule among an evidence's rules."""
    return next((rule for rule, _ in because if rule in DATE_RULES), None)


def _respectively(text: str, found: list[_Found], date_mentions) -> list[_Found]:
    """ "the liberation of Mosul and Tal Afar in July and August, respectively": as
    many dates after the places as places, joined as a list, go to them in order."""
    places = sorted({f.position: f for f in found}.values(), key=lambda f: f.position)
    days = [m for m in date_mentions if m.start > places[-1].position and m.date
            and not m.relative_to_event]  # fmt: skip
    if len(days) < len(places):
        return found
    days = days[: len(places)]
    if not all(LIST_GLUE.match(text[a.end : b.start])
               for a, b in zip(days, days[1:], strict=False)):  # fmt: skip
        return found
    given = {}
    for item, day in zip(places, days, strict=True):
        because = tuple(rule for rule in item.because if rule[0] not in DATE_RULES)
        given[item.position] = dataclasses.replace(
            item, date=day,
            because=(*because, ("respectively", text[day.start : day.end])),
        )  # fmt: skip
    return [given.get(f.position, f) for f in found]


def _first_per_place(found: list[_Found]) -> list[_Found]:
    seen, unique = set(), []
    for item in found:
        if item.place_id not in seen:
            seen.add(item.place_id)
            unique.append(item)
    return unique


def _as_claims(found: list[_Found], words: str) -> list[_Found]:
    return [
        _Found(
            f.place_id, "claimed", f.date, f.position,
            (*f.because, ("dispute next sentence", words)),
        ) if f.status == "captured" else f
        for f in found
    ]  # fmt: skip


def _drop_evidence(events: dict, item: _Found, evidence: Evidence) -> None:
    """A later sentence disputed this one: its capture becomes a claim."""
    date = item.date.date if item.date else None
    key = (item.place_id, "captured", date)
    event = events.get(key)
    if event is None or item.status != "claimed":
        return
    if evidence in event.evidence:
        event.evidence.remove(evidence)
    if not event.evidence:
        del events[key]
