"""When did it fall?  One answer per change of control, how sure, and who disagrees.

The rules, for each place, over the reports of every source (one quote each):

* **Changes of control.**  Reports of a fall (captured, surrendered, claimed)
  and of a retaking are put in date order.  A retaking reported after a fall
  closes that fall; a fall reported after the retaking opens the next change.
  Falls more than ``NEW_CHANGE_DAYS`` after the first date of the current fall
  are another change (a city does not fall twice without being retaken; an old
  story's fall stays its own row instead of disputing this one).  A retaking
  reported by a single source, fewer than the fall around it, is dissent of
  that fall rather than a change.
* **Independent sources.**  Reports count by outlet, and copies of one wire
  story count once: two outlets whose quotes are the same words (case, spacing
  and punctuation aside) are one source.
* **Weights.**  A direct report (captured, surrendered, retaken) weighs 1, a
  claim 0.5; a date with day precision counts in full, a week or month 0.3; a
  date the sentence does not give itself (the article's news day, a date read
  earlier in the paragraph) half.  A later article's dated recap counts for
  the date it gives, like any report.
* **The date** of a change is the date with the greatest weight; ties go to the
  earliest.  The reports of other dates are the **dissent**.
* **The analyst wins.**  An event an analyst confirmed, edited or added gives
  the change its date and status, with confidence 1.
* **Confidence** (0..1) is the share of the weight behind the date, times
  ``1 - 0.5 ** sources``: one source 0.5 of the share, two 0.75, three 0.875.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import statuses

FALL = statuses.named("fall")
RETAKE = statuses.named("retake")
CONTROL_STATUSES = FALL + RETAKE  # the reports that count; threats do not
NEW_CHANGE_DAYS = 45
_DIRECT_WEIGHT = {"captured": 1.0, "surrendered": 1.0, "retaken": 1.0, "claimed": 0.5}
_PRECISION_WEIGHT = {"day": 1.0, "week": 0.3, "month": 0.3}
_BORROWED_DATE = {"news day", "earlier in paragraph", "entry goes on"}


@dataclass
class Change:
    """One change of control of one place."""

    place_id: str
    place: str
    province: str
    country: str
    lat: float | None
    lon: float | None
    status: str  # captured, surrendered or retaken
    date: dt.date
    date_precision: str
    confidence: float
    sources: int
    outlets: list[str]
    dissent: list[dict] = field(default_factory=list)
    first_reported: str | None = None
    human: bool = False
    event_ids: list[int] = field(default_factory=list)  # the events behind the date

    def dissent_range(self) -> tuple[dt.date, dt.date] | None:
        """The earliest and latest date anybody gave for this change."""
        days = [dt.date.fromisoformat(d["date"]) for d in self.dissent if d["date"]]
        if not days:
            return None
        return min([*days, self.date]), max([*days, self.date])

    def as_dict(self) -> dict:
        return {
            "place": self.place, "province": self.province, "country": self.country,
            "place_id": self.place_id, "lat": self.lat, "lon": self.lon,
            "status": self.status, "date": self.date.isoformat(),
            "date_precision": self.date_precision, "confidence": round(self.confidence, 3),
            "sources": self.sources, "outlets": self.outlets, "dissent": self.dissent,
            "first_reported": self.first_reported, "analyst": self.human,
        }  # fmt: skip

    def verdict(self) -> str:
        """ "Fell 12 Aug 2021 · 5 sources · 1 says 13 Aug" """
        verb = {"retaken": "Retaken", "surrendered": "Surrendered"}.get(self.status, "Fell")
        # (a date known to the month or week is not told as a day: "In April, the forces
        # retook ... Sabratha" is "Retaken in Apr 2020", not on the 15th)
        when = {"month": f"in {self.date:%b %Y}",
                "week": f"about {self.date.day} {self.date:%b %Y}"}.get(
            self.date_precision, f"{self.date.day} {self.date:%b %Y}")  # fmt: skip
        text = f"{verb} {when} · {self.sources} source"
        text += "s" * (self.sources != 1)
        other_dates = sorted({d["date"] for d in self.dissent if d["date"]})
        if other_dates:
            days = ", ".join(f"{int(d[8:])} {dt.date.fromisoformat(d):%b}" for d in other_dates)
            text += f" · {len(self.dissent)} say{'s' * (len(self.dissent) == 1)} {days}"
        if self.human:
            text += " · set by an analyst"
        return text


# The bytes of ASCII text that are not word characters (\\W) as spaces, the others
# as they are: an ASCII quote's words by bytes.translate and split.
_NOT_WORD = bytes(c if chr(c).isalnum() or c == ord("_") else 32 for c in range(128)) + bytes(
    [32] * 128
)


def _words(quote: str | None) -> str:
    """A quote's words, to tell a syndicated copy: ``re.sub(r"\\W+", " ", lower)``
    stripped; an ASCII quote's (nearly all) the same by bytes.translate, three
    times quicker."""
    text = (quote or "").lower()
    if text.isascii():
        return b" ".join(text.encode().translate(_NOT_WORD).split()).decode()
    return re.sub(r"\W+", " ", text).strip()


def _source_key(report: dict, copies: dict[str, str]) -> str:
    """The independent source a report belongs to: its outlet, or the first
    outlet that printed the same words (a syndicated copy).  The outlet and the
    words are worked out once a report (``_keyed``): the segments of a place
    count their sources again as they merge (7 calls a report)."""
    outlet, words = report["_source"]
    return copies.setdefault(words, outlet) if words else outlet


def _keyed(report: dict) -> dict:
    report["_source"] = (
        (report["outlet"] or f"article {report['article_id']}").strip(),
        _words(report["quote"]),
    )
    return report


def _within(report: dict, period) -> bool:
    if report["date"] is None:
        return False
    if isinstance(period, dict):  # one period per country
        period = period.get(report["country"])
    if period is None:
        return True
    return period[0] <= dt.date.fromisoformat(report["date"]) <= period[1]


def changes_of_control(
    reports: Iterable[dict],
    *,
    period: tuple[dt.date, dt.date] | dict[str, tuple[dt.date, dt.date]] | None = None,
) -> list[Change]:
    """The changes of control of every place, by place and date (``reports``
    as ``Store.control_reports`` returns them: grouped by place, so that an
    iterator of a million is read holding one place's at a time).  ``period``
    keeps the reports dated inside it: one period for all, or one per country."""
    changes: list[Change] = []
    seen: set[str] = set()
    for place_id, group in itertools.groupby(reports, key=lambda r: r["place_id"]):
        if place_id in seen:
            raise ValueError(f"reports of {place_id!r} are not together: group them by place")
        seen.add(place_id)
        place_reports = [
            _keyed(report)
            for report in map(_as_reported, group)
            if report["status"] in CONTROL_STATUSES and _within(report, period)
        ]
        place_reports.sort(key=lambda r: (r["date"], r["published"] or ""))
        for segment in _without_weak_retakes(_segments(place_reports)):
            changes.append(_consensus(segment))
    changes.sort(key=lambda c: (c.place, c.date))
    return changes


def _as_reported(report: dict) -> dict:
    """An analyst's confirmed or edited event speaks for all its sources."""
    if not report["human"]:
        return report
    return {
        **report, "status": report["event_status"], "date": report["event_date"],
        "precision": report["event_precision"],
    }  # fmt: skip


def _segments(reports: list[dict]) -> list[list[dict]]:
    """Reports cut into changes of control (see the module's rules)."""
    segments: list[list[dict]] = []
    current: list[dict] = []
    kind = None
    start: dt.date | None = None
    for report in reports:
        this = "retake" if report["status"] in RETAKE else "fall"
        date = dt.date.fromisoformat(report["date"])
        if current and (this != kind or (date - start).days > NEW_CHANGE_DAYS):
            segments.append(current)
            current = []
        if not current:
            kind, start = this, date
        current.append(report)
    if current:
        segments.append(current)
    return segments


def _count_sources(segment: list[dict]) -> int:
    copies: dict[str, str] = {}
    return len({_source_key(r, copies) for r in segment})


def _without_weak_retakes(segments: list[list[dict]]) -> list[list[dict]]:
    """A retaking that fewer independent sources report than the fall before
    it, between two reports of that fall, is dissent of the fall, not a change
    ("the army says it retook the TV building" amid reports of the city's fall)."""
    result: list[list[dict]] = []
    counted: dict[int, tuple[list[dict], int]] = {}  # a segment's sources, counted once

    def _sources(segment: list[dict]) -> int:
        if id(segment) not in counted:  # the segment is kept beside: its id stays its own
            counted[id(segment)] = (segment, _count_sources(segment))
        return counted[id(segment)][1]

    index = 0
    while index < len(segments):
        segment = segments[index]
        if (
            result and index + 1 < len(segments)
            and segment[0]["status"] in RETAKE and result[-1][0]["status"] not in RETAKE
            and segments[index + 1][0]["status"] not in RETAKE
            and _sources(segment) < min(2, _sources(result[-1]) + 1)
            and _sources(segment) < _sources(result[-1])
            and (dt.date.fromisoformat(segments[index + 1][0]["date"])
                 - dt.date.fromisoformat(result[-1][0]["date"])).days <= NEW_CHANGE_DAYS
        ):  # fmt: skip
            result[-1] = result[-1] + segment + segments[index + 1]
            index += 2
            continue
        result.append(segment)
        index += 1
    return result


def _consensus(segment: list[dict]) -> Change:
    copies: dict[str, str] = {}
    for report in segment:
        report["source"] = _source_key(report, copies)
    human = [r for r in segment if r["human"]]
    weights: dict[str, float] = {}
    backers: dict[str, set[str]] = {}
    for report in segment:
        weight = _DIRECT_WEIGHT[report["status"]] * _PRECISION_WEIGHT.get(
            report["precision"], 0.3
        )
        if not report["human"] and {r for r, _ in report.get("because", ())} & _BORROWED_DATE:
            weight *= 0.5
        weights[report["date"]] = weights.get(report["date"], 0.0) + weight
        backers.setdefault(report["date"], set()).add(report["source"])
    if human:
        date = human[0]["date"]
    else:
        date = max(sorted(weights), key=lambda d: weights[d])
    supporting = [r for r in segment if r["date"] == date]
    direct = [r["status"] for r in supporting if r["status"] != "claimed"]
    status = human[0]["status"] if human else (direct[0] if direct else "captured")
    if status == "claimed":
        status = "captured"
    sources = len({r["source"] for r in supporting})
    share = weights[date] / sum(weights.values())
    confidence = 1.0 if human else share * (1 - 0.5**sources)
    if not direct and not human:
        confidence *= 0.5  # only the side that took it says so
    precisions = [r["precision"] for r in supporting]
    first = supporting[0]
    dissent = [
        {"date": r["date"], "status": r["status"], "outlet": r["outlet"], "quote": r["quote"]}
        for r in segment
        if r["date"] != date
    ]
    published = sorted(r["published"] for r in supporting if r["published"])
    return Change(
        place_id=first["place_id"], place=first["place"], province=first["province"],
        country=first["country"], lat=first["lat"], lon=first["lon"],
        status=status, date=dt.date.fromisoformat(date),
        date_precision="day" if "day" in precisions else precisions[0],
        confidence=confidence, sources=sources,
        outlets=sorted({r["source"] for r in supporting}),
        dissent=dissent, first_reported=published[0] if published else None,
        human=bool(human),
        event_ids=sorted({r["event_id"] for r in supporting}),
    )  # fmt: skip


def default_periods(store) -> dict[str, tuple[dt.date, dt.date]]:
    """Each country's period: the database's own (set by the analyst), else the
    one of the conflict profile the app ships for that country, when at least half
    of the database's dated articles were published in it (an analyst's Afrin 2018
    in Syria is not the shipped Syria 2024: its falls would all lie outside; nor is
    Donbas 2014 with one retrospective of 2023 the shipped Ukraine 2022-)."""
    from .extraction.profile import Profile

    own = store.period()
    if own is not None:
        return dict.fromkeys(store.place_countries() or [""], own)
    periods = {}
    for country in store.place_countries():
        profile = Profile.bundled_for({country})
        if profile and profile.period:
            inside, dated = store.articles_published_in(*profile.period)
            if 2 * inside >= dated:  # (no dated article: nothing says it is another war)
                periods[country] = profile.period
    return periods


def spanning(periods: dict) -> tuple[dt.date, dt.date] | None:
    """One period spanning every country's (a timeline shows them together)."""
    if not periods:
        return None
    return min(p[0] for p in periods.values()), max(p[1] for p in periods.values())
