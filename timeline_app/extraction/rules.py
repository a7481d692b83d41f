"""The extraction rules, by name, in the order they are applied.

Every event says which rules made it (``because``): the trigger rule that gave
its status, the qualifier rules that changed it, the date rule that dated it.
``explain`` prints them sentence by sentence; a test checks that each rule in
this file is exercised by at least one test article.

Order of application, for each sentence of a body paragraph:

1. **drop** rules on the whole sentence (background years).
2. **context** rules on each place: a place named only to situate something
   else is no subject ("80 miles south of Kabul").
3. **trigger** rules (``triggers.TRIGGER_RULES``): the strongest trigger of the
   place's clause gives its first status.
4. **qualifier** rules (``QUALIFIERS`` below), top to bottom; a *final* rule
   that fires ends the list.
5. **date** rules: the date the event gets (``DATE_RULES``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import triggers

DROP = None  # a qualifier effect: the trigger does not make an event


@dataclass(frozen=True)
class Qualifier:
    """A rule that changes (or drops) the status a trigger gave.

    :param window: where ``pattern`` looks: ``before trigger`` (60 characters),
        ``before place`` (40), ``gap`` (between trigger and place), ``after
        place`` (60), ``trigger`` (the trigger's own words), ``scope`` (the
        clause, or the sentence for a borrowed trigger), ``sentence``, ``reported``
        (the sentence up to a later clause with a trigger of its own).
    :param effect: new status for each status it applies to; ``DROP`` removes.
    :param requires: a further (window, pattern) that must match too; the
        pattern ``"fighting"`` means another trigger says there is fighting;
        ``"hedge"``, ``"attackers"`` and ``"defenders"`` are the profile's
        (``triggers.Vocabulary.named``).
    :param unless: (window, pattern) pairs any of which stops the rule.
    :param place_after_trigger: the rule reads the words between the trigger and
        a place after it, so it says nothing of a place named before the trigger.
    :param place_before_trigger: the rule says where the trigger happened, so it
        concerns only a place named before it.
    """

    name: str
    window: str
    pattern: re.Pattern | str
    effect: dict
    final: bool = True
    requires: tuple | None = None
    unless: tuple | None = None
    place_after_trigger: bool = False  # only for a place that follows the trigger
    place_before_trigger: bool = False  # only for a place named before the trigger
    doc: str = ""
    statuses: frozenset = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "statuses", frozenset(self.effect))


# "encircling thousands of Russian troops": a number of people right after the trigger
_COUNT_OF_TROOPS = re.compile(
    r"^\s+(?:some\s+|about\s+|around\s+|nearly\s+|up\s+to\s+|more\s+than\s+)?"
    r"(?:thousands|hundreds|dozens|scores|[\d,]+(?:\s+(?:to|-)\s+[\d,]+)?)\s+(?:of\s+)?", re.I
)
_NOUN_TRIGGER = re.compile(rf"^(?:{triggers.EVENT_NOUNS})$", re.I)
_RECAP_AFTER = re.compile(
    r"\b(?:after|following|since|followed|follows)\s+(?:the\s+)?(?:[\w\-]+['’]s\s+)?$", re.I
)
_THINGS_FELL = re.compile(
    r"^\s+(?:onto|into(?!\s+(?:the\s+)?(?:[\w\-’']+\s+){0,2}hands\b)|on\s+(?!the\s+(?:same|following|next|day|morning|night|evening|"
    r"weekend|eve)\b)(?:the|a|an|its|their|houses|homes|civilians|residents)\b)", re.I
)
_ENTERED_WHAT = re.compile(
    r"^\s+(?!(?:the\s+)?(?:(?:(?:city\s+)?(?:centre|center)|heart|streets|outskirts"
    # "entered parts of Herat"
    r"|(?:(?:some|several|many|large|most|other)\s+)?parts?"
    # "entered capital Kabul", "entering the capital of Kabul", "the provincial capital",
    # "entered the central Syrian city of Homs", "the strategic northern Afghan city of Kunduz"
    r"|(?:[\w\-]+\s+){0,4}(?:city|town|capital(?:\s+city)?)"
    # "enter five neighborhoods in the west of the city of Aleppo": parts of it
    r"|(?:[\w\-]+\s+){0,2}(?:neighbou?rhoods?|districts?|quarters?)"
    r"(?:\s+(?:in|of)(?:\s+the)?(?:\s+(?:north|south|east|west)\w*\s+of(?:\s+the)?)?"
    r"(?:\s+(?:[\w\-]+\s+){0,3}(?:city|town)\s+of)?)?)(?:\s+of)?\s+)?"
    r"(?:central\s+|downtown\s+)?(?:the\s+)?$)", re.I
)
# "After seizing Goma, ...", "Following the fall of Goma, ...": the place is named
# as the object of an earlier event, right before it.
_RECAP_PLACE = re.compile(
    r"\b(?:after|following|since)\s+(?:the\s+)?(?:[\w\-]+['’]s\s+)?"
    r"(?:seiz\w*|captur\w*|taking|overr[au]nn?\w*|conquer\w*"
    r"|(?:fall|capture|seizure|takeover|loss|conquest)\s+of)\s+"
    r"(?:the\s+)?(?:(?:[\w\-]+\s+){0,2}(?:city|capital|town)\s+(?:of\s+)?)?"
    # ("after capturing Sheberghan, Kunduz and Taloqan": each place of the list)
    r"(?:[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?"
    r"(?:\s+(?:to its|to the|in the|in its)\s+(?:far\s+)?(?:north|south|east|west)\w*)?"
    r"(?:,\s+|\s+and\s+|,\s+and\s+))*$",
    re.I,
)
_RELATIVE_RECAP = re.compile(
    r"\b(?:day|days|hours?|weeks?|nights?|morning)\s+(?:after|since)\s+\S[^.;]*$", re.I
)
_CIRCUMSTANCE = re.compile(r"^\W*with\b", re.I)
_STATE = re.compile(r"^(?:in|under|into|now|currently|fully)\b", re.I)
_LONG_AFTER = re.compile(
    r"\b(?:nearly |almost |about |more than |less than |over |some )?(?:a|one|two|three|four"
    r"|five|six|several|a few|\d+) (?:years?|months?|weeks?) after "
    r"(?:[\w\-’']+\s+){0,3}$",
    re.I,
)
_RELATIVE_AFTER = re.compile(
    r"\b(?:day|days|hours?|weeks?|nights?|morning)\s+after\s+(?:the\s+)?$", re.I
)
_DATE_AFTER = re.compile(
    r"^[^.;]{0,12}\b(?:on|late on|early on)\s+(?:\d{1,2}\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?\b",
    re.I,
)
# "following the capture of Goma last month", "since seizing Goma in late January": a
# recap that says roughly when (the date rules give it its coarse date, or none)
_PERIOD_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:(?:late |early )?last (?:week|month)|earlier (?:this|that) (?:year|month)"
    r"|(?:in )?(?:late|early|mid-?)\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b",
    re.I,
)
# "the fall of Goma", "Goma's fall", "the seizure of Ghazni": the noun names an event
_NOUN_USE = re.compile(r"(?:\bthe|['’]s)\s+$", re.I)
_NOUN_AFTER_PREPOSITION = re.compile(
    r"\b(?:by|with|over|about|at|to|for|despite|amid|on|in|of)\s+(?:the|[\w\-]+['’]s)\s+$", re.I
)
_TITLE_AFTER = re.compile(r"^\s*[:–—|]")
_DAY_AFTER_PLACE = re.compile(
    r"^[^.;]{0,12}\b(?:on|late on|early on|late|early)\s+(?:\d{1,2}\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*",
    re.I,
)
_PLAN_BEFORE = re.compile(
    r"\b(?:plan\w*|vow\w*|intend\w*|pledg\w*|promis\w*|threaten\w*|want\w*|wish\w*|"
    r"determined|hop\w*|aim\w*)\s+to\s+(?:\w+\s+){0,2}$",
    re.I,
)
# "the Nzulo camp for displaced people on the outskirts of Goma": where a thing lies
_THING_BEFORE = re.compile(
    r"\b(?:camps?|villages?|neighbo\w+|districts?|suburbs?|settlements?|sites?|bases?|airport|"
    r"hospitals?|schools?|homes?|houses?|markets?|factor(?:y|ies)|mines?)\b(?:\s+[\w\-]+){0,5}\s+$",
    re.I,
)
# "occupied corners", "the captured towns": a participle describing a noun
# ("established its first liberated areas")
_ATTRIBUTIVE_BEFORE = re.compile(
    r"\b(?:the|other|all|newly|recently|an?|its|their|our)"
    r"\s+(?:(?:first|last|newly|recently|other|many|several)\s+)?$", re.I
)
_NOUN_OF_PLACES = re.compile(
    r"^\s+(?:cit(?:y|ies)|towns?|areas?|regions?|districts?|territor(?:y|ies)|zones?"
    r"|provinces?|lands?|fronts?)\b",
    re.I,
)
_PARTICIPLE = re.compile(r"^(?:\w+ed|taken|overrun|held)$", re.I)
_NO_NOUN_AFTER = re.compile(
    r"^(?!\s+[a-z])|^\s+(?:by|on|in|at|the|it|its|from|and|or|to|for|with|over|of)\b"
)
# "the city of Goma seized by the rebels": a state named in passing, without a day
_PARTICIPLE_AFTER_PLACE = re.compile(
    r"^,?\s+(?:seized|captured|taken|overrun|occupied|controlled|held)\s+by\b"
    r"(?![^.;]{0,40}\b(?:on|since)\s+(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
    r"Mon|Tue|Wed|Thu|Fri|Sat|Sun))",
    re.I,
)
# "Its fall", "the city's capture": the event of a place named before, by a pronoun
_POSSESSED_BEFORE = re.compile(
    r"\b(?:its|their|the\s+(?:city|town|capital)['’]s)\s+(?:(?:full|eventual|possible|swift|"
    r"rapid|sudden|quick)\s+)?$", re.I
)
_EVENT_NOUN = re.compile(rf"^(?:re)?(?:{triggers.EVENT_NOUNS})$", re.I)
_OF_GAP = re.compile(r"^\s*of\b", re.I)
# "Kherson was the first major urban hub to fall", "it was the only regional capital
# his forces seized": a place ranked, in the past tense, among the falls of the war
# tells its history ("Zaranj is the first to be taken" in a dated entry is the news)
_RANKED_BEFORE = re.compile(
    # ("Farah would be the seventh provincial capital city that falls": a forecast)
    r"\b(?:was|were|had been|would be|will be|could be)\s+the\s+(?:first|only|second|third|fourth|"
    r"sixth|seventh|eighth|ninth|tenth|"
    r"fifth|last|latest|biggest|largest)\b[^.;,]{0,50}?"
    r"(?:\bto(?:\s+be)?|\b(?:that|which)?\s*(?:it|they|[\w\-]+(?:\s+[\w\-]+)?)\s+(?:has|had|have)?)"
    r"\s*$",
    re.I,
)
_DAY_AFTER_TRIGGER = re.compile(
    r"^\W{0,3}(?:\w+\s+){0,3}?(?:on|late on|early on)?\s*"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
    r"|yesterday|today)[a-z]*\b"
)
# "Capturing Sirte would be a major win": a sentence that opens with the trigger and
# puts a modal after the place speaks of what taking it would mean
# ("The capture of Avdiivka represents Russia's biggest victory since May": the month)
_MODAL_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:would|could|might|will|(?-i:may))\b", re.I)
_GERUND = re.compile(r"^(?:captur|seiz|tak|overrunn|conquer|los|retak|recaptur)ing\b", re.I)
# ... or, the gerund the subject, a verb in the present right after the place (and the
# list it ends): "Taking the city paves the way for ...", "Capturing Herat and Kandahar
# gives them ..." ("Seizing Ghazni was the easy part" tells it happened)
_GERUND_SUBJECT_AFTER = re.compile(
    _MODAL_AFTER.pattern
    + r"|^(?:\s*,\s*(?:and\s+)?[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?"
    r"|\s+and\s+[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?)*"
    r"\s+(?!was\b)[a-z]+s\b(?!\s+of\b)"
)
_WORD_BEFORE = re.compile(r"\w")  # the trigger does not open the sentence
# "Shushi is located on a hill and conquering it would facilitate the planned offensive
# on Stepanakert": the gerund's object a pronoun (or "the city"), a modal after it
_PRONOUN_MODAL_AFTER = re.compile(
    r"^\s+(?:it|them|the\s+(?:city|town|capital))\s+(?:would|could|might|will)\b", re.I
)
# "the junta that seized power in Bamako on March 22": a coup, not a city taken
_COUP_BEFORE = re.compile(
    r"\b(?:junta|coup|putsch|mutineers?|mutinous|officers|military leaders?)\b[^.;]{0,30}$", re.I
)
_POWER_IN = re.compile(r"\bpower in$", re.I)
_UNOPPOSED_AFTER = re.compile(
    r"^[^.;]{0,30}?\b(?:unopposed|unchallenged|without (?:a fight|a shot|firing a shot"
    r"|(?:\w+\s+){0,4}(?:clashes|fighting|resistance)))",
    re.I,
)
# "If captured, Qala-e-Naw would be the first provincial capital overrun": a condition
# opens the sentence and what would follow it is told; every trigger of it is in the
# condition ("If confirmed, ..." is a claim: the hedge's)
# ("If the rebels capture Homs, they would cut off Damascus": the same, with a clause)
_CONDITION_OPENING = re.compile(
    r"^\W*(?:if|unless)\s+(?!(?:confirmed|true|verified)\b)[^,;.]{1,80},"
    r"[^.;]*?\b(?:would|could|might|will)\b",
    re.I,
)
# "Russia seeks to surround Lysychansk, capture Sievierodonetsk": the verb of the
# intent goes on, in the bare form, after a comma or "and"
_INTENT_COORDINATED = re.compile(
    r"\b(?:seek|aim|plan|tr(?:y|ie|ying)|attempt|want|intend|hop|threaten|vow|push|press"
    r"|prepar|mov)\w*\s+to\s+[\w\-]+\s+[^.;]{1,40}?(?:,|\band)\s+$",
    re.I,
)
_BARE_VERB = re.compile(
    r"^(?:capture|take|seize|overrun|surround|encircle|enter|storm|retake|recapture|besiege)$",
    re.I,
)
_CONDITION = re.compile(
    r"\b(?:if|unless|whether|once|should)\s+(?:\w+\s+){0,3}$"
    # "in case the expelled troops returned and tried to recapture the town"
    r"|\bin case\b[^.;:]{0,80}$",
    re.I,
)
# "The battle for Tripoli is over", "fighting in the city has ended"
_FIGHT_OVER = re.compile(
    r"^[^.;]{0,20}?\b(?:is|was|are|were) over\b|^\s+(?:has |had )?ended\b", re.I
)
_BROKE_OUT = re.compile(r"^\s+(?:first\s+)?(?:broke out|erupted|began|started)\b", re.I)
_SINCE_BEFORE = re.compile(r"\b(?:since|after|when|before)\s+(?:the\s+)?$", re.I)
_IF_CONFIRMED = re.compile(rf"\b{triggers.IF_CONFIRMED}\b", re.I)
_OBJECT_GAP = re.compile(r"^(?!\s*in\b)\s*" + triggers.LOCATIVE_AFTER_OBJECT.pattern, re.I | re.S)
# ... and, the place before the verb, its object after it: "On their first foray into
# Baghdad, U.S. Army troops captured an Iraqi colonel", "In Kandahar, the Taliban seized
# weapons and vehicles": people or arms taken there
_PEOPLE_OR_ARMS_AFTER = re.compile(
    r"^\s+(?:(?:an?|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|several|some|many"
    r"|dozens\s+of|hundreds\s+of|scores\s+of|their|its)\s+)?"
    r"(?:(?!(?:to|into|by|from|with|in|on|at|for|of|and)\b)[\w\-’']+\s+){0,3}?"
    r"(?:soldiers?|troops|officers?|colonels?|generals?|commanders?|fighters|militants"
    r"|prisoners|policemen|civilians|hostages|journalists|weapons|vehicles|tanks|ammunition"
    r"|equipment|arms|artillery|rockets|missiles)\b",
    re.I,
)
# (a verb that takes an object: not "Mosul was said to have fallen to Kurdish fighters")
_TAKES_AN_OBJECT = re.compile(r"^(?:captur|seiz|took|tak|overr[au]n|overt)", re.I)
# what was seized is part of the place: "the police headquarters in", and right before
# it "capturing significant areas in Aleppo city" (not "more areas in Daraa province,
# including Daraa city")
_PARTIAL_OBJECT = re.compile(
    triggers.PARTIAL.pattern
    + r"|\b(?:areas|parts|districts|neighbou?rhoods|quarters|sections)\s+in\s+(?:the\s+)?$",
    re.I,
)
_CHOICE_BEFORE = re.compile(
    r"\b(?:options?|choices?|alternatives?)\b[^.;]{0,20}?:?\s*either\b[^.;]{0,60}?"
    r"(?:\s+or\s+)?(?:[\w\-]+\s+){0,3}$",
    re.I,
)
# "were battling government forces in Logar province": where the fighting is
_FIGHTING_ELSEWHERE = re.compile(
    r"^(?:\s+[\w\-]+){0,4}?\s+(?:in|at|around|inside)\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}"
    r"(?:(?:province|city|town|district) of\s+)?[A-Z][\w\-’']*"
)
# "the town of Minova ..., a key supply route for": a named town, then an apposition
_NAMED_OBJECT_GAP = re.compile(
    r"^\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}(?:town|village|district|city|base|crossing|hub"
    r"|airport)\s+(?:of\s+|called\s+|named\s+)?[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)?"
    r"[^;]*?,\s+(?:a|an|another|the)\s",
)
# "seized Farah and the governor's office": the place taken, a building of it named after
_BUILDINGS_WITH_IT = re.compile(
    r"^\s*,?\s+and\s+(?:the|its|their)\s+(?:[\w\-’']+\s+){0,3}?(?:offices?|headquarters"
    r"|compounds?|buildings?|prison|jail|airport|base|square|market)\b"
    r"(?!\s+(?:remain|is|are|was|were|still|held))",
    re.I,
)
# "The troops withdrew to a bridge that connects Myawaddy to Thailand": where they went,
# not the place they left (not "withdrew to the outskirts of Kunduz": out of the city)
_WITHDREW_TO = re.compile(
    r"^\s+(?:back\s+)?(?:to|towards|toward)\s+(?!(?:the\s+)?(?:outskirts|edges?)\s+of\s+$)"
    # "As security forces retreated across the country, Kabul handed a proposal": a
    # retreat everywhere, from no place named after it
    r"|^\s+(?:across|throughout|all\s+over)\s+(?:the\s+)?(?:country|nation|region|province)\b"
    r"(?![^,;]*\bfrom\b)", re.I
)
# "fell to the government", "fell back into government hands" (the defenders' own
# names: triggers.py)
_TO_GOVERNMENT = re.compile(
    r"^\s+(?:back\s+)?(?:to|into)\s+(?:the\s+)?(?:hands\s+of\s+(?:the\s+)?)?(?:[\w\-]+\s+)?"
    r"(?:government|regime)(?!\s+(?:forces|troops|soldiers))\b", re.I
)
_EXCEPT_BEFORE = re.compile(
    r"\b(?:with\s+the\s+exception\s+of|except(?:\s+for)?|apart\s+from|other\s+than|save\s+for"
    r"|excluding|but\s+not)\s+(?:the\s+)?(?:(?:[\w\-]+\s+){0,2}(?:cit(?:y|ies)|towns?)\s+of\s+)?"
    r"(?:[\w\-’']+(?:\s+[\w\-’']+)?\s+and\s+)?$", re.I
)
_LEFT_POSITIONS_IN = re.compile(
    r"\b(?:withdr\w+|retreat\w*|pull(?:ed|ing)?\s+out|fled)\s+from\s+(?:all\s+(?:of\s+)?)?"
    r"(?:their|its|the)\s+(?:[\w\-]+\s+)?positions\s+"
    r"(?:in|inside|across)\s+(?:the\s+)?(?:(?:[\w\-]+\s+){0,2}(?:city|town)\s+of\s+)?$", re.I
)
# ("recaptured the city in 2016"; not "in September 2015", a month of its own)
_BACKGROUND_AFTER = re.compile(
    r"^[^,;.]{0,40}?\b(?:in\s+(?:late\s+|early\s+|mid-)?(?:19|20)\d\d|in\s+the\s+(?:19|20)\d0s"
    r"|(?:two|three|\d+)\s+decades\s+ago|years\s+ago)\b(?!\s*[\-/])", re.I
)
# the words of the capture verbs that "defenders took it" shares (triggers.py)
_TAKING_WORDS = re.compile(
    r"^(?:overr|captur|seiz|swe|(?:took|taken|take|takes|taking|seized|gained|won)\s+[\"“]?"
    r"(?:full\s+|complete\s+|total\s+)?control)", re.I
)
_THE_SUBJECT_BEFORE = re.compile(
    r"^\s*(?:The|This|That)\s+(?:latest\s+|recent\s+|renewed\s+|heavy\s+|fierce\s+)?$"
)
_VERB_AFTER_SUBJECT = re.compile(
    r"^\s+(?:adds?|added|comes?|came|follows?|followed|marks?|marked|underscores?|highlights?"
    r"|raises?|raised|shows?|showed|deepens?|worsens?|threatens?)\b", re.I
)
_END_TO = re.compile(
    r"\b(?:end|halt|stop|pause|lull|cessation|break)\s+(?:to|in|of)\s+(?:the\s+)?$", re.I
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:[\w\-]+ly\s+)?$", re.I)
# "attacked Kyiv with drones": what the attack was made with
_FROM_THE_AIR = re.compile(
    r"^[^.;]{0,25}?\bwith\s+(?:[\w\-]+\s+){0,3}?(?:drones?|missiles?|rockets?|bombs?|shells?"
    r"|artillery|air\s*strikes?|warplanes?|jets?|aircraft)\b", re.I
)
ALL = ("captured", "claimed", "contested", "besieged", "surrendered", "retaken")
# "the liberation of Mosul and Tal Afar from IS control": freed from a side's hold
_FROM_CONTROL = re.compile(
    r"^[^.;]{0,40}?\bfrom\s+(?:the\s+)?(?:[\w\-’']+\s+){0,3}(?:control|rule|occupation|grip)\b",
    re.I,
)
# "an important step towards the liberation of Mosul": on the way, not there
_ON_THE_WAY = re.compile(r"\b(?:steps?|moves?|way|path|road)\s+towards?\s+(?:the\s+)?$", re.I)
# "met no resistance in capturing Rafai": what was not there was the resistance
_NO_RESISTANCE = re.compile(
    r"\b(?:no|little|any|without)\s+(?:\w+\s+)?(?:resistance|opposition|fight|fighting|"
    r"bloodshed|shot)\s+(?:in|while|when)\s+$",
    re.I,
)
# what an intent ("poised to take", "seeks to surround ..., capture") makes of a trigger:
# a threat
_INTENT_EFFECT = {"captured": "besieged", "claimed": "besieged", "retaken": "contested",
                  "surrendered": DROP, "contested": "contested", "besieged": "besieged"}

QUALIFIERS: tuple[Qualifier, ...] = (
    Qualifier(
        "liberated in the attackers' words", "trigger", re.compile(r"^liberat", re.I),
        {"retaken": "captured"}, final=False,
        requires=("sentence", "attackers"),
        # ("the liberation of Mosul and Tal Afar from IS control": freed from them)
        unless=(("reported", "defenders"), ("after place", _FROM_CONTROL)),
        doc="'\"the city of Uvira is now liberated,\" an M23 spokesperson posted': "
        "each side calls its own gains a liberation; in the attackers' words, with no word "
        "of the defenders, it is their capture (and, told by them alone, their claim); "
        "first of the rules, so that those of its object read a capture ('managed to "
        "liberate the 6 Division in El-Fasher': a base taken, not the city)",
    ),
    Qualifier(
        "seized part of the city", "gap", _OBJECT_GAP, {"captured": "contested"},
        place_after_trigger=True,
        requires=("gap", _PARTIAL_OBJECT),
        doc="'seized the police headquarters in Kunduz': fighting, not a fall",
    ),
    Qualifier(
        "object before place", "gap", _OBJECT_GAP, {"captured": DROP},
        place_after_trigger=True, unless=(("before place, wide", _LEFT_POSITIONS_IN),),
        doc="'seized weapons in Kunduz': the place is where, not what was taken ('forces "
        "withdrew from their positions in Quneitra' left the place)",
    ),
    Qualifier(
        "people or arms taken there", "after trigger, wide", _PEOPLE_OR_ARMS_AFTER,
        {"captured": DROP, "retaken": DROP}, place_before_trigger=True,
        requires=("trigger", _TAKES_AN_OBJECT),
        doc="'On their first foray into Baghdad, U.S. Army troops captured an Iraqi "
        "colonel', 'In Kandahar, the Taliban seized weapons': what was taken there",
    ),
    Qualifier(
        "named object before place", "gap", _NAMED_OBJECT_GAP,
        {"captured": DROP, "contested": DROP, "surrendered": DROP, "retaken": DROP},
        place_after_trigger=True,
        doc="'seized the town of Minova, a key supply route for the provincial capital Goma': "
        "the trigger's object is the town it names first; the place only describes it",
    ),
    Qualifier(
        "fighting elsewhere", "after trigger, wide", _FIGHTING_ELSEWHERE, {"contested": DROP},
        place_before_trigger=True,
        doc="'In Kabul, officials said fighting raged in Logar province': the fighting "
        "has a place of its own, after it",
    ),
    Qualifier(
        "part of the city", "before place", triggers.PART_OF,
        {"captured": "contested", "retaken": "contested"},
        final=False, doc="'parts of Lashkar Gah have fallen'",
    ),
    Qualifier(
        "located on the outskirts", "before trigger", _THING_BEFORE, {"besieged": DROP},
        requires=("trigger", re.compile(r"^on the (?:outskirts|edges?)", re.I)),
        unless=(("scope", "fighting"),),
        doc="'the camp for displaced people on the outskirts of Goma': where a thing lies, "
        "not an attacker at the gates",
    ),
    Qualifier(
        "attributive participle", "trigger", _PARTICIPLE, {"captured": DROP, "retaken": DROP},
        requires=("before trigger", _ATTRIBUTIVE_BEFORE),
        unless=(("after trigger", _NO_NOUN_AFTER),),
        doc="'Bukavu, Goma and all the other occupied corners': the participle describes a "
        "noun, it tells of no capture",
    ),
    Qualifier(
        "contested as an adjective", "trigger", re.compile(r"^contested$", re.I),
        {"contested": DROP},
        requires=("after trigger", _NOUN_OF_PLACES),
        doc="'a scattered archipelago of contested cities': the adjective describes other "
        "places, not fighting in this one",
    ),
    Qualifier(
        "participle after place", "after place", _PARTICIPLE_AFTER_PLACE, {"captured": DROP},
        doc="'a press conference in the city of Goma seized by the rebels': a state named in "
        "passing; with its own day ('Goma, seized by the rebels on Monday') it is a report",
    ),
    Qualifier(
        "on the outskirts", "before place", triggers.OUTSIDE_OF, {"contested": "besieged"},
        final=False, doc="fighting on the outskirts is a threat, not fighting inside",
    ),
    Qualifier(
        "things fell", "after trigger", _THINGS_FELL, {"captured": DROP},
        requires=("trigger", re.compile(r"^f[ae]ll", re.I)),
        doc="'bombs fell on the city': something fell on it, the city did not fall",
    ),
    Qualifier(
        "withdrew elsewhere", "gap", _WITHDREW_TO, {"captured": DROP, "retaken": DROP},
        place_after_trigger=True,
        requires=("trigger", re.compile(r"^(?:withdr|retreat|pull|fled)", re.I)),
        doc="'The troops withdrew to a bridge that connects Myawaddy to Thailand': the place "
        "is where they went, not the place they left; 'retreated across the country, Kabul "
        "handed': from no place",
    ),
    Qualifier(
        "fell to the government", "after trigger, wide", _TO_GOVERNMENT, {"captured": "retaken"},
        final=False, requires=("trigger", re.compile(r"^(?:f[ae]ll|los[te])", re.I)),
        doc="'Maarat al-Numan fell to the government last week': the government itself",
    ),
    Qualifier(
        "attack from the air", "after place", _FROM_THE_AIR, {"contested": DROP},
        requires=("trigger", re.compile(r"^(?:attack|assault|launch)", re.I)),
        doc="'Russia attacked Kyiv with drones overnight': a strike, not fighting for the city",
    ),
    Qualifier(
        "an exception", "before place, wide", _EXCEPT_BEFORE, dict.fromkeys(ALL, DROP),
        place_after_trigger=True,
        doc="'army forces withdrew from the entire Idlib province, with the exception of the "
        "cities of Khan Sheikhoun and Kafr Nabl': what the trigger did not reach",
    ),
    Qualifier(
        "background after the trigger", "after trigger, wide", _BACKGROUND_AFTER,
        dict.fromkeys(ALL, DROP),
        doc="'rebels entered Aleppo Friday, the first time since government forces "
        "recaptured the city in 2016': that trigger's own time is another",
    ),
    Qualifier(
        "the fighting told again", "before trigger", _THE_SUBJECT_BEFORE, {"contested": DROP},
        requires=("after trigger", _VERB_AFTER_SUBJECT),
        doc="'The fighting adds to the crisis points ..., including suicide attacks in the "
        "capital, Kabul': the fighting told before, the subject of a comment ('The fighting "
        "in Kunduz continued' is Kunduz's)",
    ),
    Qualifier(
        "an end to fighting", "before trigger", _END_TO, {"contested": DROP},
        requires=("trigger", re.compile(r"^(?:fight|clash|battl|hostil)", re.I)),
        doc="'offering a power-sharing deal in return for an end to fighting': no fighting "
        "anywhere named",
    ),
    Qualifier(
        "attacked something after it", "trigger", re.compile(r"^(?:attack|assault)", re.I),
        {"contested": DROP}, place_before_trigger=True,
        unless=(("before trigger", _PASSIVE_BEFORE),),
        doc="'In the capital Kinshasa, protesters attacked a U.S. embassy': what they attacked "
        "comes after the verb ('Kunduz was attacked' is the place's)",
    ),
    Qualifier(
        "attackers encircled", "after trigger", _COUNT_OF_TROOPS, {"besieged": DROP},
        requires=("after trigger, wide", "attackers"),
        doc="'entered Lyman after encircling thousands of Russian troops': the attackers are "
        "the ones surrounded, not the town",
    ),
    Qualifier(
        "entered something else", "gap", _ENTERED_WHAT, {"captured": DROP, "contested": DROP},
        place_after_trigger=True,
        requires=("trigger", re.compile(r"^enter", re.I)),
        doc="'staff enter the UN compound as they evacuate Goma': not the city entered",
    ),
    Qualifier(
        "denial", "before trigger", triggers.NEGATION_BEFORE,
        {"captured": "claimed", "surrendered": "claimed"},
        requires=("sentence", triggers.DENIAL),
        doc="'denied that the city had fallen': somebody claims it",
    ),
    Qualifier(
        "negation", "before trigger", triggers.NEGATION_BEFORE, dict.fromkeys(ALL, DROP),
        # ("met no resistance in capturing Rafai": what was not there was the resistance)
        unless=(("before trigger", _NO_RESISTANCE),),
        doc="'has not fallen'",
    ),
    Qualifier(
        "condition", "before trigger", _CONDITION, dict.fromkeys(ALL, DROP),
        doc="'if captured, Qala-e-Naw would be the first'",
    ),
    Qualifier(
        "conditional opening", "sentence", _CONDITION_OPENING, dict.fromkeys(ALL, DROP),
        doc="'If captured, Qala-e-Naw would be the first provincial capital overrun': the "
        "sentence tells what would follow the condition; no trigger in it is an event",
    ),
    Qualifier(
        "outbreak of the war", "after trigger", _BROKE_OUT, {"contested": DROP},
        requires=("before trigger", _SINCE_BEFORE),
        doc="'Since fighting broke out on April 15 between the army and the RSF, the city "
        "of Wad Madani became a haven': when the war began, not fighting in the place",
    ),
    Qualifier(
        "fighting over", "after place", _FIGHT_OVER, {"contested": DROP},
        requires=("trigger", re.compile(r"^(?:battl|fight|clash)", re.I)),
        place_after_trigger=True,
        doc="'The battle for Tripoli is over': the fighting has ended; who holds the city "
        "the sentence does not say",
    ),
    Qualifier(
        "stated plan", "before trigger", _PLAN_BEFORE, {"besieged": DROP},
        requires=("trigger", re.compile(r"^(?:march|advanc)", re.I)),
        doc="'planning to advance on Kinshasa', 'vowed to march on the capital': a plan "
        "stated, not a threat the text describes",
    ),
    Qualifier(
        "a choice", "before trigger", _CHOICE_BEFORE, dict.fromkeys(ALL, DROP),
        doc="'left with few options: either prepare for a deadly battle or capitulate': "
        "what may be done, not what was",
    ),
    Qualifier(
        "on the way to", "before trigger", _ON_THE_WAY, dict.fromkeys(ALL, DROP),
        doc="'an important step towards the liberation of Mosul': what is still to come",
    ),
    Qualifier(
        "intent", "before trigger", triggers.INTENT_BEFORE, _INTENT_EFFECT,
        doc="'poised to take', 'fighting to overrun', 'could fall': a threat",
    ),  # fmt: skip
    Qualifier(
        "intent goes on", "before trigger", _INTENT_COORDINATED, _INTENT_EFFECT,
        requires=("trigger", _BARE_VERB),
        doc="'Russia seeks to surround Lysychansk, capture Sievierodonetsk': the second "
        "verb, bare, is the intent's too",
    ),  # fmt: skip
    Qualifier(
        "another place's fall", "before trigger", _POSSESSED_BEFORE, dict.fromkeys(ALL, DROP),
        place_after_trigger=True,
        requires=("trigger", _EVENT_NOUN),
        unless=(("gap", _OF_GAP),),
        doc="'Its fall would send shockwaves through Damascus', 'the city's capture gives "
        "them control over Nyala': the fall is of the place the pronoun stands for, not of "
        "one named after it ('its capture of Homs' is Homs')",
    ),
    Qualifier(
        "ranked among the falls", "before trigger", _RANKED_BEFORE,
        {"captured": DROP, "surrendered": DROP},
        unless=(("after trigger", _DAY_AFTER_TRIGGER),),
        doc="'Kherson was the first major city to fall to Russian troops', 'it was the "
        "only regional capital his forces seized': the place's history, not this report's "
        "event (with its own day, 'was the first to fall on Friday', it is one)",
    ),
    Qualifier(
        "hypothetical", "trigger", _NOUN_TRIGGER, {"captured": DROP},
        requires=("after place", _MODAL_AFTER),
        # ("If confirmed, the capture of Kyaukme would be a setback": a claim, told)
        unless=(("before trigger", _IF_CONFIRMED),),
        doc="'the capture of X would add to the momentum'",
    ),
    Qualifier(
        "coup", "trigger", _POWER_IN, {"captured": DROP},
        requires=("before trigger", _COUP_BEFORE),
        doc="'the head of the junta that seized power in Bamako': a coup in the capital, "
        "not its fall in the offensive",
    ),
    Qualifier(
        "hypothetical gerund", "trigger", _GERUND,
        {"captured": DROP, "retaken": DROP, "surrendered": DROP},
        requires=("after place", _GERUND_SUBJECT_AFTER),
        unless=(("before trigger", _WORD_BEFORE),),
        doc="'Capturing Sirte would be a major win for the LNA', 'Taking the city paves the "
        "way for ...': what taking it would mean, or means",
    ),
    Qualifier(
        "hypothetical gerund of a pronoun", "trigger", _GERUND,
        {"captured": DROP, "retaken": DROP, "surrendered": DROP},
        requires=("after trigger", _PRONOUN_MODAL_AFTER),
        doc="'Shushi is located on a hill and conquering it would facilitate the planned "
        "offensive on Stepanakert': what taking it would do, for the place and any other",
    ),
    Qualifier(
        "long after", "before trigger", _LONG_AFTER,
        {"captured": "captured", "surrendered": "surrendered", "retaken": "retaken"},
        final=False,
        doc="'comes nearly a year after the group seized control of Goma': that event, long "
        "before the news day and not dated by it",
    ),
    Qualifier(
        "recap with its period", "after place", _PERIOD_AFTER,
        {"captured": "captured", "surrendered": "surrendered"},
        requires=("before trigger", _RECAP_AFTER),
        doc="'following the capture of Goma last month': a recap that says roughly when "
        "is a report of that event, with the coarse date it gives",
    ),
    Qualifier(
        "named event", "trigger", _NOUN_TRIGGER, {"captured": DROP},
        requires=("before trigger", _NOUN_AFTER_PREPOSITION),
        unless=(("after place", _DAY_AFTER_PLACE),),
        doc="'troubled by Goma's fall', 'with the seizure of Ghazni': the noun names an "
        "event the reader knows; it is a report of it only with its own day",
    ),
    Qualifier(
        "title phrase", "after place", _TITLE_AFTER, {"captured": DROP},
        requires=("before trigger", _NOUN_USE),
        doc="'The fall of Goma: 16 days of chaos': a title naming the story's subject",
    ),
    Qualifier(
        "recap after", "before trigger", _RECAP_AFTER,
        {"captured": DROP, "surrendered": DROP},
        unless=(("before trigger", _RELATIVE_AFTER), ("after place", _DATE_AFTER)),
        doc="'after seizing Goma, the rebels ...', 'following the fall of Goma': an earlier "
        "event, not this sentence's (measured: keeping it undated added more false events "
        "than it found)",
    ),
    Qualifier(
        "recap place", "before place, wide", _RECAP_PLACE, dict.fromkeys(ALL, DROP),
        unless=(("before place, wide", _RELATIVE_RECAP), ("after place", _DATE_AFTER)),
        doc="'After seizing Goma, the rebels expelled troops who had been fighting': the "
        "place is named for an earlier event, so the sentence's other triggers are not its",
    ),
    Qualifier(
        "circumstance", "sentence", _CIRCUMSTANCE, {"captured": DROP},
        requires=("trigger", _STATE),
        doc="'With Goma under rebel control, talks began on April 18': a state, not a change",
    ),
    Qualifier(
        "partial control", "scope", triggers.PARTIAL,
        {"captured": "contested", "retaken": "contested", "surrendered": "contested"},
        unless=(("after place", _BUILDINGS_WITH_IT),),
        doc="'captured the prison and the police headquarters' (not 'seized Farah and the "
        "governor's office': the city taken, and its buildings with it)",
    ),
    Qualifier(
        "entered unopposed", "after place", _UNOPPOSED_AFTER, {"contested": "captured"},
        requires=("trigger", re.compile(r"^(?:enter|march|pour)", re.I)),
        doc="'entered Mazar-i-Sharif without engaging in any major clashes', 'marched into "
        "Kabul unopposed': the city taken without a fight",
    ),
    Qualifier(
        "entering while fighting", "trigger", triggers.WEAK_CAPTURE, {"captured": "contested"},
        requires=("scope", "fighting"),
        doc="'entered the city, fighting continues'",
    ),
    Qualifier(
        "hedge", "reported", "hedge", {"captured": "claimed", "surrendered": "claimed"},
        unless=(("report", "confirmed"),),
        doc="'the group said it had seized', 'reportedly', a named spokesman; not once "
        "someone else confirms it ('a claim confirmed by an AFP correspondent')",
    ),
    Qualifier(
        "the defenders' claim", "reported", "hedge", {"retaken": "claimed"},
        requires=("trigger", _TAKING_WORDS), unless=(("report", "confirmed"),),
        doc="'Zelensky said Ukrainian forces captured Sudzha', 'Gaddafi loyalists have "
        "reportedly taken control of Ras Lanuf': the defenders' capture, told as a claim "
        "(their retaking words, 'regained', 'retook', stay a retaking)",
    ),
)  # fmt: skip

# Rules that stop a sentence, a place or a date, by name (applied in extract.py).
DROP_RULES = {
    "background": "the sentence speaks of another time ('in 1996', 'years ago') and gives no day",
    "dispute next sentence": "the next sentence disputes this one: its captures become claims",
    "list entry place": "a dated entry ('Aug. 8 - KUNDUZ.') names the place its sentences speak of",
    "the city named before": "'Units entered Goma on Sunday. Three days later they were in "
    "complete control of the city.': 'the city' is the place of the paragraph's last event",
    "dateline": "the dateline opening a paragraph names where the story was filed",
    "this city of the dateline": "'KUNDUZ, Afghanistan (AP) - Taliban fighters overran this "
    "northern city on Sunday': 'this city' of a datelined story is the dateline's town",
    "province level": "'in Helmand province' speaks of the province, not its capital",
    "province taken whole": "'gained control of Kunar province', 'Daikundi province ... "
    "succumbed': a province taken whole is its capital taken",
    "capital of the same name": "'a lawmaker from the province of Farah said his province's "
    "capital of the same name fell': the phrase names that province's capital",
    "another spelling": "'Daikandi' for Daikundi, 'Kharkov' for Kharkiv: a capitalised word one "
    "letter (not the first) off a one-word name of seven letters or more is that name",
    "province as adjective": "'the South Kivu mining town of Nyabibwe': the province names "
    "where a town lies",
    "province as location": "'seized the airport, a supply hub in South Kivu': a province's "
    "own name after 'in' says where, not its capital",
    "place as modifier": "'alarming Bukavu residents': the place qualifies the people",
    "place in a name": "'the Tigray Liberation Front', 'the Kunduz National Radio': the "
    "place opens the name of a body, which is what the sentence speaks of",
    "office": "'chief of Balkh Provincial Council', 'the governor of South Kivu': the place "
    "names an office; what happened is told of something else, unless 'the city' stands for it",
    "capital as government": "'Kyiv said', 'Kabul's forces': the national capital stands for "
    "its government",
    "coordination": "'Qal'at Naw, Herat and Lashkar Gah come under control': a list shares",
    "fighting near": "'fighting 11 km south of Kabul': a threat to a city the fighting is close to",
    "list heading": "entries under 'Provincial capitals captured by the Taliban' were captured",
}
DATE_RULES = {
    "date in clause": "the nearest date in the place's clause",
    "date in sentence": "the nearest date in the sentence",
    "relative to neighbour": "'a day after Sheberghan': a day before the sentence's other date",
    "earlier in paragraph": "the last date read earlier in the paragraph",
    "sequel": "'... then they took X': after the paragraph's last date, so no date of its own",
    "before its context": "'Taliban had earlier captured Zaranj': before the day its paragraph "
    "or lede speaks of, so no date of its own",
    "date heading": "the date heading ('Aug. 13:') above the paragraph",
    "page date": "a date heading later than the publication date is the page's own date "
    "('2nd July 2024' above a report of June 30): no date of the text below it",
    "entry goes on": "a line after a dated entry that says it goes on ('also') shares its date",
    "news day": "the day the lede speaks of, or the publication week",
    "publication date from the text": "an undated article's caption or 'Updated' line "
    "with a full date stands for its publication date; else its latest 'Friday August 13' "
    "whose weekday fits the year of its dates or period: its bare weekdays are near it",
    "year from the article": "no year given: the year of the article's own full dates",
    "year from the period": "no year in the whole article: the year of the conflict's period",
    "respectively": "'Mosul and Tal Afar ... in July and August, respectively': the "
    "dates listed go to the places listed, in order",
    "year heading": "a heading of a year ('2012', 'Timeline - Year 2009') gives the dates "
    "below it that state none their year, whatever the publication date",
    "coarse recap": "a recap that gives only a coarse time ('last month') stays undated: "
    "neither its month nor the day of the sentence is the day of the event",
    "anniversary": "'January 27, 2026 marks one year since ... captured Goma': a year earlier",
    "told again": "dated only by the news day, a change the article has dated before "
    "('when Mazar-i-Sharif fell' after 'Mazar-i-Sharif fell on Saturday') is that one; "
    "so is one dated only by another place's sentence before it in a paragraph that "
    "dated that change before",
}


def names() -> list[str]:
    """Every rule's name, in the order of the stages."""
    return [
        *DROP_RULES,
        "weak context",
        *(name for name, _ in triggers.CONTEXT_RULES),
        *dict.fromkeys(rule[0] for rule in triggers.TRIGGER_RULES),
        *(q.name for q in QUALIFIERS),
        *DATE_RULES,
    ]
