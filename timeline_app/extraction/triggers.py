"""The words that say what happened to a place, and the words that qualify them.

Kept apart from the extraction logic so that the vocabulary can be read (and
extended) in one place.  Every pattern is case-insensitive and matches whole
words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Strongest first: when one clause holds several triggers for a place, the
# earlier status in this list wins ("surrendered ... on the edge of Kunduz").
PRIORITY = ("retaken", "captured", "surrendered", "contested", "besieged")


def _words(*alternatives: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


TRIGGERS: dict[str, re.Pattern] = {
    "retaken": _words(
        r"retook", r"retake[ns]?", r"retaking", r"recaptur(?:ed|es|e|ing)",
        r"regain(?:ed|s|ing)?(?:\s+(?:full\s+)?control(?:\s+of)?)?",
        r"(?:took|taken|take|takes|won|win) back(?:\s+control\s+of)?",
        r"(?:pushed|drove|driven|forced|pushing) (?:the Taliban|the militants|the insurgents|them) (?:out|back)",  # noqa: E501
        r"liberat(?:ed|es|e|ing)", r"cleared (?:of|the city of) (?:the )?(?:Taliban|militants|insurgents)",  # noqa: E501
    ),
    "surrendered": _words(
        r"surrender(?:ed|s|ing)?", r"capitulat(?:ed|es|e|ing)",
        r"hand(?:ed|s|ing)? over (?:the city|the provincial capital|the capital|control|power)",
        r"hand(?:ed|s|ing)? (?:the city|the provincial capital|it) over",
        r"laid down (?:their |its )?(?:arms|weapons)",
    ),
    "captured": _words(
        r"overr[au]n(?:ning|s)?", r"captur(?:ed|es|e|ing)", r"seiz(?:ed|es|e|ing)",
        r"f[ae]ll(?:s|en|ing)?", r"conquer(?:ed|s|ing)?", r"los(?:t|es|e|ing)",
        r"(?:took|taken|take|takes|taking|gained|gains?|won|wins?|assumed|seized) (?:full |complete |total )?control (?:of|over)",  # noqa: E501
        r"(?:took|taken|take|takes|taking) over", r"(?:took|taken|take|takes|taking)",
        r"(?:now|currently|fully) (?:hold|holds|control|controls|in control of)",
        r"(?:in|under|into) (?:the )?(?:full |complete )?(?:control|hands) of (?:the )?(?:Taliban|militants|insurgents)",  # noqa: E501
        r"(?:under|into|in) (?:full |complete )?Taliban (?:control|hands)",
        r"into (?:the )?Taliban(?:'s|’s)? hands",
        r"claim(?:ed|s|ing)? (?:full |complete )?(?:control of|the capture of)",
        r"flags? (?:was|were|has been|have been) (?:raised|hoisted)",
        r"(?:raised|hoisted|raise|hoist) (?:their|its|the(?: Taliban(?:'s|’s)?)?) (?:white )?flags?",  # noqa: E501
        r"swe(?:pt|eps?) (?:into|through)", r"enter(?:ed|s|ing)?", r"rolled into",
    ),
    "contested": _words(
        r"clash(?:es|ed)?", r"fighting", r"fought", r"battl(?:e|es|ed|ing)", r"gun ?fights?",
        r"firefights?", r"street fighting", r"push(?:ed|es|ing)? (?:deep )?into", r"breach(?:ed|es)?",  # noqa: E501
        r"storm(?:ed|s|ing)?", r"infiltrat(?:ed|es|e|ing)", r"contested", r"came under attack",
        r"under attack", r"remain(?:ed|s)? in control of", r"still (?:held|holds?|controls?|controlled)",  # noqa: E501
    ),
    "besieged": _words(
        r"under siege", r"(?:laid|lay|lays|laying) siege", r"besieg(?:ed|es|e|ing)",
        r"surround(?:ed|s|ing)?", r"encircl(?:ed|es|e|ing)",
        r"under (?:dire |direct |heavy |growing |imminent |serious )?threat",
        r"clos(?:ing|ed|es|e) in on", r"(?:on|at|reached|reach|reaching) the (?:outskirts|gates|edges?) of",  # noqa: E501
        r"march(?:ing|ed|es)? (?:on|toward|towards)", r"advanc(?:ing|ed|es|e) (?:on|toward|towards)",  # noqa: E501
        r"threaten(?:ing|ed|s)?", r"cut off", r"poised to (?:take|capture|seize|overrun)",
    ),
}  # fmt: skip

# A bare "took"/"taken" is a capture only with a place as its direct object
# ("the Taliban took Kandahar"), never in "took part" or "took a drive".
DIRECT_OBJECT_ONLY = re.compile(r"^(?:took|taken|take|takes|taking|los(?:t|es|e|ing))$", re.I)
DIRECT_OBJECT_GAP = re.compile(
    r"^\s+(?:(?:the|most of|all of|much of|control of|over)\s+)*"
    r"(?:(?:key |strategic |northern |southern |western |eastern |\w+ern )?"
    r"(?:provincial )?(?:capitals?|cit(?:y|ies)|towns?) (?:city )?of\s+(?:the\s+)?)?$",
    re.I,
)

# Entering a city is a capture unless the same clause tells of fighting.
WEAK_CAPTURE = re.compile(r"^(?:enter\w*|swe\w+ (?:into|through)|rolled into)$", re.I)

PARTIAL = _words(
    r"(?:parts?|sections?|areas?|some|several|many|much) of (?:the )?(?:city|town|provincial capital|capital|cent(?:er|re))",  # noqa: E501
    r"(?:some|parts|several|many|most) of the (?:main |key )?(?:government )?(?:buildings|offices|checkpoints|districts|neighbo\w+|compounds)",  # noqa: E501
    r"(?:police|intelligence|governor(?:'s|’s)?|army|government) (?:headquarters|compounds?|buildings?|offices?)",  # noqa: E501
    r"prison",
    r"jail",
    r"airport",
    r"remain(?:ed|s)? in control",
    r"still (?:held|holds?|controls?|controlled)",
    r"held out",
    r"holding out",
    r"outskirts",
)
HEDGE = _words(
    r"claim(?:ed|s|ing)?",
    r"reportedly",
    r"allegedly",
    r"purportedly",
    r"unconfirmed",
    r"unverified",
    r"could not (?:be )?(?:independently )?(?:verif|confirm)\w*",
    r"not (?:yet )?(?:been )?(?:independently )?(?:verified|confirmed|clear)",
    r"den(?:ied|ies|y|ying)",
    r"disputed?",
    r"rejected",
    r"(?:the )?(?:Taliban|militants?|insurgents|group)(?:'s|’s)? (?:spokesm[ae]n|spokesperson|said|says|announced|claimed|statement)",  # noqa: E501
    r"according to (?:the )?(?:Taliban|militants|insurgents)",
    r"Zabihullah Mujahid",
    r"Qari Yousuf Ahmadi",
    r"said (?:it|they) (?:had|have)",
    r"says? (?:it|they) (?:has|have)",
    r"(?:was|were) reported(?: to)?",
    r"(?:on|across) social media",
    r"suggest(?:s|ed|ing)?",
    r"reports (?:say|said|suggest)",
)
DISPUTE = _words(
    r"not (?:yet )?(?:been )?(?:independently )?(?:verified|confirmed|clear)",
    r"could not (?:be )?(?:independently )?(?:verif|confirm)\w*",
    r"den(?:ied|ies|y|ying)",
    r"disputed?",
    r"unconfirmed",
    r"false",
)
DENIAL = _words(r"den(?:ied|ies|y|ying)", r"rejected", r"false")
NEGATION_BEFORE = re.compile(
    r"\b(?:not|n['’]t|never|yet to|failed to|unable to|no)\s+(?:\w+\s+){0,2}$", re.I
)
INTENT_BEFORE = re.compile(
    r"\b(?:could|may|might|would|will|can|poised to|about to|threaten\w* to|"
    r"tr(?:y|ied|ies|ying) to|attempt\w* to|bid to|aim\w* to|plan\w* to|seek\w* to|"
    r"sought to|expected to|likely to|"
    r"set to|close to|closer to|verge of|brink of|fight\w* to|push\w* to|struggl\w* to|vow\w* to|"
    r"prepar\w* to|mov\w* to|effort to|operation to|offensive to|order\w* to|intent on|"
    r"in a bid to|in an attempt to|fear\w*(?: that)?|risk of|danger of|negotiat\w*|"
    r"demand\w*|call\w* for|urg\w*|offer\w*|talks? (?:on|about|of))\s+(?:\w+\s+){0,2}$",
    re.I,
)
SURRENDER_NOUN_AFTER = re.compile(r"^\s+(?:deals?|talks|negotiations|terms|offers?)\b", re.I)
BACKGROUND = _words(
    r"in (?:late |early |mid-)?(?:19|20)\d\d",
    r"in the (?:19|20)\d0s",
    r"(?:two|three|\d+) decades ago",
    r"years ago",
    r"when the Taliban (?:last )?(?:ruled|were in power)",
    r"last time",
)
CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s*(?:but|while|whereas|although|though|as|and|when|after which)\b|"
    r"\s(?:while|whereas|although|but|as)\s",
    re.I,
)
# "from" is context ("sent from Mazar-i-Sharif"), except after words for reports
# about a place, which then is the subject when nothing else in the sentence is
# ("Reports from Gardez suggest the city is now under Taliban control").
WEAK_CONTEXT_BEFORE = re.compile(
    r"\b(?:reports?|news|accounts?|footage|images|videos?|pictures|residents?|witnesses|"
    r"sources)\s+(?:\w+\s+)?from\s+$",
    re.I,
)
# "seized weapons in Kunduz": a place after an object and a preposition is
# where it happened, not what was taken.
LOCATIVE_AFTER_OBJECT = re.compile(
    r"\S.*\b(?:in|at|inside|near|around)\s+(?:the\s+)?(?:(?:provincial\s+)?(?:city|capital|town)\s+of\s+)?$",
    re.I | re.S,
)
# "Parts of Lashkar Gah have fallen": partial control.
PART_OF = re.compile(
    r"\b(?:parts?|sections?|areas?|neighbo\w+|districts?|much|some|most|half) of (?:the )?(?:city of )?$",  # noqa: E501
    re.I,
)
# "a day after Sheberghan" / "a day after the fall of Sheberghan"
PREPOSITION_GAP = re.compile(r"^\s*(?:the (?:fall|capture|loss) of\s+)?(?:the\s+)?$", re.I)
OUTSIDE_OF = re.compile(r"\b(?:outskirts|gates|edges?) of\s+(?:the\s+)?(?:city of\s+)?$", re.I)
ANAPHOR = re.compile(r"\b(?:the (?:provincial )?(?:city|capital|town)|it)\b", re.I)
CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:to|towards?|from|out of|via|near|beyond|outside of|linking|connecting|between|"
    r"(?:highway|road|route) (?:to|from|between|linking))|"
    r"\b(?:embassy|airport|palace|hospital|prison|consulate|base)\s+(?:in|at|near)|"
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|"
    r"south-east|south-west)\s+of|"
    r"\b(?:officials?|residents?|sources?|spokesm[ae]n|lawmakers?|journalists?|reporters?|"
    r"correspondents?|witnesses|diplomats?|embassy|ministry|authorities|member|based)\s+"
    r"(?:\w+\s+){0,2}(?:in|from))"
    r"\s+(?:the\s+)?(?:(?:Afghanistan|the country)['’]s\s+capital,?\s+|(?:city|town|capital) of\s+)?$",  # noqa: E501
    re.I,
)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    status: str
    text: str

    @property
    def rank(self) -> int:
        return PRIORITY.index(self.status)


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Every trigger in ``text[start:end]``; where two overlap, the longer stays."""
    found = [
        Trigger(m.start(), m.end(), status, m.group(0))
        for status, pattern in TRIGGERS.items()
        for m in pattern.finditer(text, start, end)
    ]
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for trigger in found:
        if kept and trigger.start < kept[-1].end:
            continue
        kept.append(trigger)
    return kept
