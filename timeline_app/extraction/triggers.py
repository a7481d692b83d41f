"""The words that say what happened to a place, and the words that qualify them.

Kept apart from the extraction logic so that the vocabulary can be read (and
extended) in one place.  Every pattern is case-insensitive and matches whole
words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import casefold

# Strongest first: when one clause holds several triggers for a place, the
# earlier status in this list wins ("surrendered ... on the edge of Kunduz").
PRIORITY = ("retaken", "captured", "surrendered", "contested", "besieged")
RANK = {status: rank for rank, status in enumerate(PRIORITY)}
# The nouns that name a change of control ("the capture of Goma", "its fall")
EVENT_NOUNS = "capture|fall|seizure|loss|takeover|conquest|collapse"


def _words(*alternatives: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.I)


# Generic words for the sides: the core knows no conflict.  A profile adds the
# names of one conflict's actors ("Taliban", "M23") and spokesmen.
GENERIC_ATTACKERS = (
    r"rebels?", r"insurgents?", r"militants?", r"fighters", r"jihadists?", r"the group",
    r"opposition (?:fighters|forces)", r"armed groups?", r"extremists",
)  # fmt: skip
GENERIC_DEFENDERS = (
    r"(?:the )?(?:national )?army", r"government (?:forces|troops|soldiers)", r"regime forces",
    r"security forces", r"(?:the )?(?:government|regime) troops", r"soldiers", r"troops",
)  # fmt: skip

# The trigger rules: (name, status, pattern[, who]).  ``{actor}`` stands for any
# attacker (generic or named by the profile), ``{defender}`` for the other side;
# ``who``, when given, must name the side just before the trigger.  (A pattern
# that begins with the list of actors is tried at every position of the text:
# five times slower than one that begins with its verb.)
# "the Taliban now control Kunduz": the attackers' hold, a trigger of its own
HOLD_NOW = r"(?:now|currently|fully) (?:hold|holds|control|controls)"
# "launched its offensive on November 27": the day it was launched, not its target
_NOT_A_DAY = (r"(?!\s+(?:[A-Z][a-z]+day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
              r"[a-z]*\.?\s+\d))")
TRIGGER_RULES: tuple[tuple, ...] = (
    # "rebels recaptured Aleppo", "was recaptured last week by rebel groups", "the
    # MNDAA liberated Lashio": the attackers' retaking is a capture on this timeline
    ("attackers retook", "captured",
     r"(?:re-?took|re-?taken|re-?captur(?:ed|es|e|ing)|reclaim(?:ed|s|ing)?|liberat(?:ed|es|e|ing))",
     "{actor}"),
    ("attackers retook", "captured",
     r"(?:re-?taken|re-?captured|liberated)(?:\s+[\w\-]+){{0,3}}?\s+by\s+(?:the\s+)?(?:{actor})"),
    # "has been captured by Rwandan and Mozambican security forces": the defenders' capture
    ("defenders captured", "retaken",
     r"(?:captured|seized|taken)(?:\s+[\w\-]+){{0,3}}?\s+by\s+(?:the\s+)?"
     r"(?:[A-Z][\w\-]+\s+(?:and\s+[A-Z][\w\-]+\s+)?)?(?:{defender})"),
    # "Ukraine's capture of Lyman": the defenders' possessive before a capture noun
    # (not "Putin hailed his army's capture of Avdiivka": the speaker's own army)
    ("defenders' capture", "retaken", r"(?:capture|seizure|takeover) of",
     r"(?<!his )(?<!her )(?<!its )(?<!our )(?<!their )(?:{defender})['’]s"),
    ("retake verb", "retaken",
     # ("re-capturing the northern city of Tikrit": the hyphen is a spelling)
     r"re-?took|re-?take[ns]?|re-?taking|re-?captur(?:ed|es|e|ing)|reclaim(?:ed|s|ing)?"),
    ("regain control", "retaken",
     r"regain(?:ed|s|ing)?(?:\s+(?:full\s+)?control(?:\s+of)?)?"
     r"|(?:took|taken|take|takes|won|win) back(?:\s+control\s+of)?"
     # "Kherson is returning to Ukrainian control", "restored to government control"
     r"|(?:return(?:ed|s|ing)?|restored) to (?:the )?(?:[\w\-]+ ){{0,2}}control"),
    ("attackers driven out", "retaken",
     r"(?:pushed|drove|driven|forced|pushing) (?:the )?(?:{actor}|them) (?:out|back)"
     r"|cleared (?:of|the city of) (?:the )?(?:{actor})"),
    # "(the rebels) withdrew from": the side named just before the verb decides
    ("attackers withdrew", "retaken",
     r"(?:withdr(?:ew|awn|awing|awal)|retreat(?:ed|ing)?|pull(?:ed|ing)? out|were expelled)"
     r" from", "{actor}"),
    # "Russia ... ended its 10-day occupation of this Georgian city Friday": the occupier
    # left it (an occupation is the attackers')
    ("occupation ended", "retaken",
     r"end(?:ed|s|ing)? (?:its|their|the) (?:[\w\-]+ ){{0,2}}occupation of"),
    # ("the liberation of Mosul and Tal Afar from IS control in July and August")
    ("liberated", "retaken", r"liberat(?:ed|es|e|ing)|liberation of"),
    ("surrender verb", "surrendered",
     r"surrender(?:ed|s|ing)?|capitulat(?:ed|es|e|ing|ion)"
     r"|succumb(?:ed|s|ing)?(?=\s+(?:to|without)\b)"
     r"|hand(?:ed|s|ing)? over (?:the city|the provincial capital|the capital|the province"
     r"|control|power)"
     r"|hand(?:ed|s|ing)? (?:the city|the provincial capital|it) over"
     r"|laid down (?:their |its )?(?:arms|weapons)"),
    # "attacked the town of Sinjar, quickly forcing Kurdish Peshmerga units to withdraw"
    # (not "bombed a rebel position, forcing them to withdraw": an attack repelled)
    ("defenders withdrew", "captured",
     r"forc(?:ed|es|ing) (?:the )?(?:[\w\-]+ ){{0,3}}(?:units|forces|troops|soldiers|defenders"
     r"|garrison) to (?:withdraw|retreat|flee|pull out|abandon)"),
    ("defenders withdrew", "captured",
     r"(?:withdr(?:ew|awn|awing|awal)|retreat(?:ed|ing)?|pull(?:ed|ing)? (?:out|back)|fled"
     r"|abandon(?:ed|ing)?)(?: from| of)?", "{defender}"),
    # "Al-Sukhna and Palmyra have been evacuated by the Syrian army": the passive
    # (not "civilians were evacuated from Palmyra by the army", nor "the streets of Goma,
    # abandoned by Congolese army soldiers": what they left is the subject; the auxiliary
    # is looked for before the verb, not scanned for: "is" and "was" are everywhere)
    ("defenders withdrew", "captured",
     r"(?:evacuated|abandoned|vacated)(?:\s+(?!from\b)[\w\-]+){{0,2}}?\s+by\s+(?:the\s+)?"
     r"(?:[A-Z][\w\-]+\s+)?(?:{defender})",
     r"(?:has|have|had)\s+been|was|were|is|are"),
    # "government troops were pushed out of Kunduz", "expelled government forces from"
    ("defenders driven out", "captured",
     r"(?:pushed|driven|forced|ousted|expelled|routed|chased) (?:out )?(?:of|from)", "{defender}"),
    ("defenders driven out", "captured",
     r"(?:pushed|drove|driven|forced|pushing|ousted|ousting|expelled|expelling|routed|chased)"
     # ("ousted around 200 military soldiers from their positions in ... Myawaddy")
     r" (?:the )?(?:(?:around|about|some|nearly|almost|more than|over|hundreds of)\s+)?"
     r"(?:\d[\d,]*\s+)?(?:(?:military|government|regime|junta|army)\s+)?(?:{defender})"
     r" (?:out of|from)(?: (?:their|its) (?:positions|bases?|barracks|posts) in)?"),
    # "the Taliban also controlled Kunduz by Sunday": the attackers' hold
    # (not "the RSF controls most of Khartoum": a state, on no day)
    # ("the army denied reports of the RSF controlling Sinjah")
    ("attackers controlled", "captured", r"controll(?:ed|ing)", "{actor}"),
    # ("With the Taliban in control of the ancient city of Mazar-i-Sharif")
    ("attackers controlled", "captured", r"in (?:full |complete |total |firm )?control of",
     "{actor}"),
    # "Ukrainian troops captured Kherson", "Ukraine's troops swept into Kherson": the
    # defenders named just before the verb (not "Russian troops": the attackers' name
    # holds the generic word; nor "Shoigu said his troops have seized": the speaker's
    # own; Vocabulary)
    ("defenders took it", "retaken",
     r"overr[au]n|captur(?:ed|ing)|seiz(?:ed|ing)|swe(?:pt|eps?) (?:into|through)"
     r"|(?:took|taken|take|takes|taking|seized|gained|won) [\"“]?(?:full |complete |total )?"
     r"control[\"”]? (?:of|over)", "{defender}"),
    ("capture verb", "captured",
     r"overr[au]n(?:ning|s)?|captur(?:ed|es|e|ing)|seiz(?:ed|es|e|ing|ure)|conquer(?:ed|s|ing)?"
     # ("the RSF declared it had fully overtaken Al-Nahud")
     r"|overt(?:ook|aken)"
     r"|occup(?:y|ies|ied|ying)"
     r"|(?:is|are|was|were|be|been|being) controlled by (?:the )?(?:{actor})"
     r"|takeover of|(?:won|wins|win) the (?:city|town) of"),
    # ("The collapse of Kunduz on Monday was a blow to the government")
    # (not "as night fell", "darkness falls")
    ("fall verb", "captured",
     r"(?<!night )(?<!darkness )(?<!dusk )(?<!silence )f[ae]ll(?:s|en|ing)?|collapse of"),
    # "Saraqib fell to government forces" (not "fell to the Taliban, and security forces
    # retreated"; "fell to the government": rules.py)
    ("fell to the defenders", "retaken",
     r"(?:f[ae]ll(?:s|en)?|(?:was|were|been) lost) (?:back )?(?:to|into the hands of) "
     r"(?:the )?(?:{defender})"),
    ("loss verb", "captured", r"los(?:t|es|e|ing)|loss of"),
    ("control phrase", "captured",
     r"(?:took|taken|take|takes|taking|gained|gains?|won|wins?|assumed|seized|established|wrest(?:ed|s)?"
    # "our forces extended full control over the capital of Sennar State"
    r"|extend(?:ed|s)?)"
     # ("took control on Feb. 16 of Bukavu": a day may stand inside)
     # ("the RSF has gained authority over Zalingei")
     # ('had taken "full control" of the city of Avdiivka': the words quoted)
     r" [\"“]?(?:full |complete |total |effective )?(?:control|authority)[\"”]?"
     r"(?: (?:on )?(?:[A-Z][a-z]+day|[A-Z][a-z]{{2,8}}\.? \d{{1,2}}))? (?:of|over)"
     # "announced their control of Zalingei", "claimed victory in Falluja"
     r"|(?:announced|announces|declared|declares|proclaimed) (?:their |its )?"
     r"(?:full |complete |total )?control (?:of|over)"
     r"|claim(?:ed|s|ing)? victory in"
     # ("reported on the establishment of control over the city of Zangilan")
     r"|establishment of (?:its |their )?(?:full |complete )?control (?:of|over)"
     r"|" + HOLD_NOW + r"|(?:now|currently|fully) in control of"
     r"|(?<!remained )(?<!remains )(?<!remain )in (?:full|complete|total) control of"
     r"|(?:in|under|into) (?:the )?(?:full |complete )?(?:control|hands) of (?:the )?(?:{actor})"
     r"|(?:under|into|in) (?:full |complete )?(?:{actor})(?:['’]s?)? (?:control|hands)"
     r"|claim(?:ed|s|ing)? (?:full |complete )?(?:control (?:of|over)|the capture of)"
     # ("claimed to control the nearby gold-mining town of Ndassima")
     r"|claim(?:ed|s|ing)? to (?:control|hold)"
     # a government's seat taken: "taking power in Kabul"
     r"|(?:took|taken|take|takes|taking|seized|seize|seizes|seizing) power in"),
    ("take verb", "captured", r"(?:took|taken|take|takes|taking)(?: over)?"),
    ("flag raised", "captured",
     r"flags? (?:was|were|has been|have been) (?:raised|hoisted)"
     r"|(?:raised|hoisted|raise|hoist) (?:their|its|the(?: \w+(?:'s|’s)?)?) (?:white )?flags?"),
    # sweeping through a city is taking it; entering it is being in it, fighting or not
    # (the gold of both dev sets: "entered Goma" contested, "entered Kabul" captured
    # or contested)
    ("swept into", "captured", r"swe(?:pt|eps?) (?:into|through)|rolled into"),
    ("entered", "contested",
     # ("advanced on Sunday into the centre of Bukavu": a day may stand between)
     # ("announced their entry into Damascus")
     r"enter(?:ed|s|ing)?|(?:entry|entrance) into"
     r"|(?:march(?:ed|es|ing)?|poured|pour(?:s|ing)?) into"
     r"|advanc(?:ed|es|ing)(?: on [A-Z][a-z]+day)? (?:deep )?into"),
    ("fighting word", "contested",
     # (not "the Tigers, who are fighting for a separate homeland": a cause, not a battle)
     # (nor "the LNA, which has been fighting to take control of Tripoli": an aim)
     r"(?:clash(?:es|ed)?|fighting|fought|battl(?:e|es|ed|ing))(?!\s+for\s+(?:(?:a|an|the|their|"
     r"its|his)\s+)?(?:[\w\-]+\s+){{0,2}}(?:homeland|state|independence|autonomy|freedom|cause"
     r"|rights|survival|self-rule|secession)\b)(?!\s+to\s+(?:take|capture|seize|retake|recapture"
     r"|control|enter|reach|regain|win|topple|oust)\b)|gun ?fights?|firefights?"
     r"|street fighting|push(?:ed|es|ing)? (?:deep )?into|breach(?:ed|es)?|storm(?:ed|s|ing)?"
     r"|infiltrat(?:ed|es|e|ing)|contested|came under attack|under attack"),
    # "began attacking Lashio City on July 3", "launched an offensive on Bukavu": an
    # assault on the place (not "will attack": the base form is left out; nor from the
    # air: rules.py)
    ("attack verb", "contested",
     r"attack(?:ed|ing)|assault(?:ed|ing)"
     # ("began its assault on Falam on November 5, 2024")
     r"|(?:launch(?:ed|es|ing)?|beg(?:an|un|ins?|inning)|start(?:ed|s|ing)?|mount(?:ed|s|ing)?"
     r"|renew(?:ed|s|ing)?) (?:an? |its |their )?(?:(?:new|fresh|major|final"
     r"|ground|full-scale) )?(?:attack|assault) (?:on|against)" + _NOT_A_DAY),
    # (an offensive launched on a city is a threat to it: the golds of a DR Congo dev
    # article and of a review article say so)
    ("offensive launched", "besieged",
     r"launch(?:ed|es|ing)? (?:an? |its |their )?(?:(?:new|fresh|major|final|ground"
     r"|full-scale) )?offensive (?:on|against)" + _NOT_A_DAY),
    ("still held", "contested",
     r"remain(?:ed|s)? in (?:full |complete |total )?control of"
     r"|still (?:held|holds?|controls?|controlled)"),
    ("siege word", "besieged",
     r"under siege|(?:laid|lay|lays|laying) siege(?: to)?|besieg(?:ed|es|e|ing)"
     r"|(?:days|weeks|months|years) of (?:a )?siege"
     # "broke a paramilitary siege on the city of Kadugli", "the siege of Mariupol"
     r"|siege (?:of|on)"
     # (not "Sirte and all surrounding areas": the land around it)
     r"|surround(?:ed|s|ing)?(?!\s+(?:areas?|villages?|towns?|regions?|countryside|districts?"
     r"|hills|neighbou?rhoods|provinces?|territor(?:y|ies)|lands?))"
     # (not "cutting off the water supply to Tripoli": a supply cut, not a siege)
     r"|encircl(?:ed|es|e|ing)|cut(?:s|ting)? off(?!\s+(?:the\s+)?(?:water|power|electricity"
     r"|fuel|internet|phone|telephone|gas|aid|food|oil)\b)"),
    ("threat word", "besieged",
     r"under (?:dire |direct |heavy |growing |imminent |serious )?threat|threaten(?:ing|ed|s)?"
     r"|poised to (?:take|capture|seize|overrun)"),
    ("at the gates", "besieged",
     r"clos(?:ing|ed|es|e) in on|(?:on|at|reached|reach|reaching) the (?:outskirts|gates|edges?) of"
     # "they had advanced to the edge of Homs"
     r"|(?:advanc|push|mov|arriv)(?:ed|es|e|ing) (?:right )?(?:to|at)"
     r" the (?:outskirts|gates|edges?) of"
     # ("rebels ... are pushing closer to the capital, Bangui")
     r"|(?:push|mov|advanc)(?:ed|es|e|ing) (?:ever )?(?:closer|nearer)"
     r" (?:to|toward|towards)"
     # (not "advanced on Sunday into the centre": the day the move was made)
     r"|(?:march(?:ing|ed|es)?|advanc(?:ing|ed|es|e)|mov(?:ing|ed|es|e) in) on"
     r"(?!\s+(?:[A-Z][a-z]+day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))"
     # "bombs echoed through Goma's outskirts"
     r"|(?<=['’]s )outskirts|(?<=['’] )outskirts"),
)  # fmt: skip

# Moving towards a place is a threat only where the text says the place is
# threatened: "advancing towards the capital" alone is not a siege.
ADVANCE_TOWARDS = re.compile(
    r"\b(?:march|advanc|mov|head)\w* (?:on|toward|towards)\s+(?:the\s+)?$", re.I
)


def _alternatives(generic: tuple[str, ...], names: tuple[str, ...], acronyms=False) -> str:
    """The names (longest first) and the generic words as one alternation; with
    ``acronyms``, a name in capitals matches only in capitals ("IS", "AA")."""
    named = [re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True)]
    if acronyms:
        named = [f"(?-i:{n})" if n.isupper() else n for n in named]
    return "|".join([*named, *generic])


# The national capital standing for its government: "Kyiv said its forces had
# retaken Kherson", "Damascus's troops", "Khartoum accused the RSF".
CAPITAL_AS_GOVERNMENT = re.compile(
    r"(?:['’]s?\s+(?:(?:armed\s+)?forces|troops|army|military|soldiers|government|officials|"
    r"control of|grip on|authority|"
    r"allies|leaders?|(?:defen[cs]e\s+|foreign\s+)?ministry|envoy|ambassador|spokesm[ae]n|"
    r"counteroffensive|offensive)"
    # ("rejected by Kyiv, which said fierce fighting ...")
    r"|(?:,\s+which)?\s+(?:has\s+|had\s+)?(?:said|says|claimed|claims|denied|denies|announced|announces|"
    r"accused|accuses|insisted|insists|confirmed|confirms|warned|warns|reported|reports"
    # ("after Kabul vowed that the city was firmly under government control")
    r"|vowed|vows|pledged|pledges|promised|promises"
    # "saw Kyiv retake vast swathes of territory": the government acts
    r"|retake|retook|recapture[ds]?|regain(?:ed|s)?|launch(?:ed|es)?|sen[dt]s?|deploy(?:ed|s)?"
    r"|push(?:ed|es)?|(?:has|had)\s+retaken"
    # "Kyiv still controls Kupiansk"
    r"|(?:still\s+)?(?:controls|holds|held|controlled)))\b",
    re.I,
)

# A bare "took"/"taken" is a capture only with a place as its direct object
# ("the Taliban took Kandahar"), never in "took part" or "took a drive"; nor "taking
# over" in "were taking over the running of the city" with the place before it.
DIRECT_OBJECT_ONLY = re.compile(
    r"^(?:(?:took|taken|take|takes|taking)(?: over)?|los(?:t|es|e|ing)"
    # "expelled government forces from Zawiya ..., in their march on Tripoli": from where
    r"|(?:pushed|drove|driven|forced|pushing|ousted|ousting|expelled|expelling|routed|chased)"
    r"\b.*\b(?:out of|from))$",
    re.I,
)
# "took three others, including the strategic city of Kunduz": one of the count named
ONE_OF_A_COUNT = (
    r"(?:(?:two|three|four|five|six|\d+)\s+(?:others|more"
    # ("took three towns on Dec. 10, including the northern city of Ndele")
    r"|(?:(?:key|major|provincial|district|\w+ern)\s+)?(?:towns|cities|capitals))"
    r"(?:\s+[\w\-]+)?(?:\s+(?:on|by|since)\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?,?\s+including\s+"
    r"(?:the\s+)?)?"
)
DIRECT_OBJECT_GAP = re.compile(
    r"^\s+(?:(?:the|most of|all of|much of|control of|over)\s+)*"
    + ONE_OF_A_COUNT +
    # "the key eastern city of", "the last major city of": a few words that describe it
    # ("the eastern Syrian city of Deir Ezzor", "the historic desert town of", "the
    # oil hub of Kirkuk", "the rebel-held stronghold of")
    r"(?:(?:(?:key|strategic|important|major|main|last|remaining|\w+ern|[\w\-]+-largest"
    r"|[\w\-]+-biggest|largest|biggest|economically|and|(?-i:[A-Z][\w\-’']+)|historic"
    r"|ancient|[\w\-]+-held|[\w\-]+-controlled|border|desert|garrison|oil|port|coastal"
    r"|industrial|besieged|embattled|rebel|government)\s+){0,4}"
    r"(?:provincial )?(?:capitals?|cit(?:y|ies)|towns?|hub|stronghold|bastion)"
    r" (?:city )?of\s+(?:the\s+)?"
    # "had taken another provincial capital, Ghazni": the noun, then the name in apposition
    r"|(?:another|a|a second|a third|a fourth|a fifth|a sixth|their \w+|its \w+)\s+"
    r"(?:(?:key|strategic|important|major|provincial|regional|northern|southern|eastern"
    r"|western)\s+){0,2}(?:capital|city|town),?\s+"
    # "took the capital Bangui", "seized the provincial capital, Kunduz"
    r"|(?<=the )(?:(?:provincial|regional|national|\w+ern)\s+)?capital,?\s+"
    # "taking key cities Aleppo and Hama": the plural noun, then the names
    r"|(?:(?:key|strategic|important|major|main|provincial|regional|\w+ern)\s+){1,3}"
    r"(?:capitals|cities|towns)\s+(?:like\s+|including\s+|such\s+as\s+)?)?$",
    re.I,
)

# Entering a city is a capture unless the same clause tells of fighting.
WEAK_CAPTURE = re.compile(
    r"^(?:enter\w*|swe\w+ (?:into|through)|rolled into|march\w* into|pour\w* into)$", re.I
)

PARTIAL = _words(
    # ("gain control of parts of the Iraqi leader's hometown")
    r"(?:parts?|sections?|areas?|some|several|many|much) of (?:the )?(?:[\w\-]+(?:'s|’s)? ){0,3}?(?:city|town|hometown|provincial capital|capital|cent(?:er|re))",  # noqa: E501
    r"(?:some|parts|several|many|most) of the (?:main |key )?(?:government )?(?:buildings|offices|checkpoints|districts|neighbo\w+|compounds)",  # noqa: E501
    r"(?:police|intelligence|governor(?:'s|’s)?|army|government) (?:headquarters|compounds?|complex|buildings?|offices?)",  # noqa: E501
    # "the city's General Raziq Square", "the town's main market": a site inside it
    r"(?:city|town|capital)(?:'s|’s) (?:[\w\-]+ ){0,3}(?:square|stadium|station|bridge|market|compound|headquarters)",  # noqa: E501
    r"prison",
    r"jail",
    r"airport",
    r"remain(?:ed|s)? in control",
    r"still (?:held|holds?|controls?|controlled)",
    r"held out",
    r"holding out",
    r"outskirts",
)
# One list per kind of doubt, shared by the patterns below (they used to repeat
# one another's alternatives).
IF_CONFIRMED = r"if (?:independently )?(?:confirmed|verified|true)"
UNVERIFIED = (
    r"unconfirmed", r"unverified",
    r"could not (?:be )?(?:independently )?(?:verif|confirm)\w*",
    r"not (?:yet )?(?:been )?(?:independently )?(?:verified|confirmed|clear)",
    # "Ukrainian officials haven't confirmed the claim"
    r"(?:have|has|had|could|did)n['’]t (?:yet )?(?:be(?:en)? )?(?:independently )?"
    r"(?:verif|confirm)\w*",
    # "However, it has yet to be confirmed."
    r"yet to be (?:independently )?(?:verified|confirmed)",
    # "If confirmed, the capture of Kyaukme would be another setback"
    IF_CONFIRMED,
)  # fmt: skip
DENIAL_WORDS = (
    r"den(?:ied|ies|y|ying)", r"rejected", r"false",
    # "Ukraine dismissed Russian statements that its forces had taken", "untrue"
    r"dismiss(?:ed|es|ing)", r"untrue",
    # "Armenia had refuted the information about the loss of Djebrail"
    r"refut(?:ed|es|e|ing)",
)  # fmt: skip
CLAIM_WORDS = (
    r"claim(?:ed|s|ing)?", r"reportedly", r"allegedly", r"purportedly",
    r"(?:said|announced|declared|stated) (?:that )?(?:it|they) (?:had|have)",
    r"(?:says?|announces?|declares?|states?) (?:that )?(?:it|they) (?:has|have)",
    r"(?:announced|announces|declared|declares|proclaimed) (?:their |its )?(?:full |complete )?"
    r"control",
    # "the group stated that it seized Kunduz": the speaker's own deed
    r"(?:said|says?|stated|states?|announced|declared) (?:that )?(?:it|they) (?:now |also )?"
    r"(?:seized|captured|took|overran|controls?|controlled)",
    # "the head of Wagner said his forces had taken full control of Bakhmut"
    r"(?:said|says?|stated|states?|announced|declared|claimed) (?:that )?(?:his|her|its|their) "
    r"(?:forces|troops|fighters|men|units) (?:had |have |has )?(?:now |also )?"
    r"(?:taken|seized|captured|took|overran|controls?|controlled|entered)",
    r"(?:was|were) reported(?: to)?", r"(?:on|across) social media", r"suggest(?:s|ed|ing)?",
    r"reports (?:say|said|suggest)",
    r"reported (?:capture|fall|seizure|takeover|loss)",
)  # fmt: skip
# A claim made by the attackers' side ("the group said", "according to the
# rebels", a named spokesman): {actor} and {spokesman} come from the profile.
SPEAKER_CLAIM = (
    # "the MNDAA, a Kokang armed group, announced": an apposition between
    r"(?:the )?(?:{actor})(?:'s|’s)?(?:, [^,.;]{{1,60}},)? "
    # "Russia's Defense Ministry on Monday said": the side's own office speaks
    r"(?:(?:defen[cs]e |foreign |interior |information )?(?:ministry|military command"
    r"|general staff|high command|media office|press office|command) "
    r"(?:on [A-Z][a-z]+day )?)?"
    r"(?:spokesm[ae]n|spokesperson|said|says|say|stated|announced|claimed|statement)",
    r"according to (?:the )?(?:{actor})",
    # "local media run by the MNDAA reported", "channels affiliated with the RSF"
    r"(?:media|outlets?|channels?|accounts?|sources)\s+(?:run by|linked to|affiliated with"
    r"|close to|loyal to)\s+(?:the )?(?:{actor})",
    r"{spokesman}",
)  # fmt: skip
# "a senior Afghan security source said, confirming a claim by the insurgents", "a claim
# confirmed by an AFP correspondent": the claim stands confirmed
CONFIRMED = re.compile(
    r"\b(?:confirm(?:ed|s|ing)|corroborat(?:ed|es|ing)|verified"
    # ("a claim also backed by a resident", not "troops backed by Shia militias")
    r"|claims?,?\s+(?:\w+\s+){0,2}backed by)\b",
    re.I,
)
# before "confirmed": no confirmation ("could not be confirmed", "if confirmed")
NOT_BEFORE = re.compile(
    r"\b(?:not|n['’]t|never|unable|cannot|yet to|no)\b[^,;.]{0,20}$|\bif\s+(?:\w+ly\s+)?$", re.I
)
DISPUTE = _words(*UNVERIFIED, *DENIAL_WORDS, r"disputed?")
DENIAL = _words(*DENIAL_WORDS)
NEGATION_BEFORE = re.compile(
    # ("isn't", "hasn't": the contraction is inside a word)
    r"(?:\bnot|n['’]t|\bnever|\byet to|\bfailed to|\bunable to|\bno|\bwithout)\s+"
    r"(?:\w+\s+){0,2}$"
    # "it did not mean the city had fallen"
    r"|(?:\bnot|n['’]t)\s+(?:necessarily\s+)?mean\s+(?:that\s+)?(?:\w+\s+){0,4}$"
    # "the city was not in danger of falling", "no risk of a takeover"
    r"|(?:\bnot|n['’]t|\bno)\s+(?:\w+\s+){0,2}(?:danger|risk|threat|prospect)\s+of\s+(?:\w+\s+)?$",
    re.I,
)
INTENT_BEFORE = re.compile(
    r"\b(?:could|may|might|would|will|can|poised to|about to|threaten\w* to|"
    # ("Tbilisi attempted last week to retake South Ossetia")
    r"(?:tr(?:y|ied|ies|ying)|attempt\w*)(?:\s+(?:last|this|on|early|late)\s+\w+)? to|"
    r"bid to|aim\w* to|plan\w* to|seek\w* to|"
    r"sought to|expected to|likely to|hop(?:e|es|ed|ing) to|want\w* to|intend\w* to|"
    r"set to|close to|closer to|(?:half|part)way to|verge of|brink of|fight\w* to|push\w* to|"
    r"press\w* to|"
    r"struggl\w* to|vow\w* to|"
    r"prepar\w* to|mov\w* to|effort to|operation to|offensive to|order\w* to|intent on|"
    # ("for fear of the city falling into the hands of the Taliban")
    r"in a bid to|in an attempt to|fear\w*(?: that| of)?|risk of|danger of|negotiat\w*|"
    # ("after peaceful talks to hand over the city failed")
    r"talks to|"
    # "the capital too is now under threat of falling"
    r"threat of|"
    # "trying to keep Lysychansk from falling", "to prevent the fall of the capital"
    r"prevent\w*|(?:keep|stop)\w*\s+(?:[\w\-’']+\s+){1,3}from|"
    # "They attacked Bhamo ... since December 4, to completely capture Bhamo": a purpose
    r"(?:,|\bin order)\s+to|"
    # "an offensive by the east-based forces to take Tripoli", "a battle to take it"
    # ("preparing for a counterattack to retake control of large parts of Aleppo")
    r"(?:offensives?|battles?|campaigns?|drives?|push|bids?|operations?|attempts?|efforts?|war"
    r"|counter-?attacks?|counter-?offensives?|attack(?:s|ed|ing))\b"
    r"(?:\s+[\w\-’']+){0,5}?\s+to|"
    r"demand\w*|call\w* for|urg\w*|offer\w*|talks? (?:on|about|of)"

    # "talks with the Taliban for a peaceful surrender of Kabul"
    r"|for (?:a|the) (?:peaceful|negotiated|possible|orderly|conditional)"
    # "ordered any remaining troops to surrender": told to, not done
    r"|(?:order|urg|ask|told|tell|warn|call\w* on|command|instruct)\w*\s+(?:[\w\-’']+\s+){1,7}to)"
    r"\s+(?:\w+\s+){0,2}$",
    re.I,
)
SURRENDER_NOUN_AFTER = re.compile(r"^\s+(?:deals?|talks|negotiations|terms|offers?)\b", re.I)
BACKGROUND = _words(
    r"in (?:late |early |mid-)?(?:19|20)\d\d",
    r"in the (?:19|20)\d0s",
    # "since the 2014 takeover of the capital Sanaa"
    r"(?:the|its|their) (?:19|20)\d\d (?:takeover|capture|fall|seizure|conquest|loss)",
    r"(?:two|three|\d+) decades ago",
    r"years ago",
    # "launched a costly bid to seize Avdiivka last autumn"
    r"last (?:autumn|fall|winter|spring|summer)",
    r"when (?:the )?\w+ (?:last )?(?:ruled|were in power)",
    r"last time",
)
CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s*(?:but|while|whereas|although|though|as|and|when|after which)\b|"
    # ("Sibut fell without a shot being fired because the army had pulled back to Damara
    # on Friday": the reason's day is the reason's)
    r"\s(?:while|whereas|although|though|but|as|because)\s",
    re.I,
)
# "from" is context ("sent from Mazar-i-Sharif"), except after words for reports
# about a place, which then is the subject when nothing else in the sentence is
# ("Reports from Gardez suggest the city is now under Taliban control").
WEAK_CONTEXT_BEFORE = re.compile(
    r"\b(?:reports?|news|accounts?|footage|images|videos?|pictures|residents?|witnesses|"
    # "A lawmaker from Sar-e-Pul told AFP the Taliban had entered the centre of the city"
    r"sources|lawmakers?|legislators?|MPs?|councillors?|council members?|elders?|officials?)"
    # ("local sources in Khost city ... claimed that part of the city fell")
    r"\s+(?:\w+\s+)?(from|in)\s+$",
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
    r"\b(?:parts?|sections?|areas?|neighbo\w+|districts?|much|some|most|half"
    # "nearly 70% of Khartoum", "about 80 percent of the city of Bakhmut"
    r"|\d{1,2}(?:\.\d)?\s*(?:%|percent|per cent)) of (?:the )?(?:city of |capital,? )?$",
    re.I,
)
# "a day after Sheberghan" / "a day after the fall of Sheberghan"
PREPOSITION_GAP = re.compile(r"^\s*(?:the (?:fall|capture|loss) of\s+)?(?:the\s+)?$", re.I)
OUTSIDE_OF = re.compile(r"\b(?:outskirts|gates|edges?) of\s+(?:the\s+)?(?:city of\s+)?$", re.I)
ANAPHOR = re.compile(r"\b(?:the (?:provincial )?(?:city|capital|town)|it)\b", re.I)
# Context rules: words before a place that make it only the setting of the
# sentence, not what happened ("80 miles south of Kabul").  (name, pattern of
# the 80 characters before the place.)
_CAPITAL_APPOSITION = (
    # ("southwest of the de-facto rebel capital of Benghazi")
    r"\s+(?:the\s+)?(?:(?:[\w\-]+\s+){0,3}?(?:national\s+)?capital(?:\s+of)?,?\s+"
    r"|(?:\w+['’]s\s+capital,?\s+)|(?:cit(?:y|ies)|towns?|capitals?) of\s+"
    # ("west of Singa, the capital of Sennar state": the capital's own apposition)
    r"|[\w\-’']+(?:\s+[\w\-’']+)?,\s+(?:the\s+)?(?:provincial\s+|regional\s+|state\s+)?"
    r"capital\s+of\s+)?"
    # ("on the road between the cities of Mandalay and Lashio": the list's second too)
    r"(?:[\w\-’']+(?:\s+[\w\-’']+)?\s+and\s+)?$"
)
CONTEXT_RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, re.compile(pattern + _CAPITAL_APPOSITION, re.I))
    for name, pattern in (
        # (not "neighborhoods in the west of the city of Aleppo", a part of it: extract.py)
        ("bearing", r"\b(?:north|south|east|west|northeast|northwest|"
                    r"southeast|southwest|"
                    r"north-east|north-west|south-east|south-west)(?:ern)?\s+of"),
        ("distance", r"\b\d[\d,.]*\s*(?:km|kilomet(?:er|re)s?|miles?|mi)\b[^.;]{0,30}?"
                     r"\b(?:from|of|outside|to)"
                     # ("75 kilometres from the group's spiritual home, Maiduguri")
                     r"(?:\s+(?:the\s+)?(?:[\w\-’']+\s+){0,3}(?:home|hometown|stronghold"
                     r"|bastion|heartland|birthplace|headquarters),)?"),
        ("facility in",
         r"\b(?:embassy|airport|palace|hospital|prison|consulate|base|hotel)\s+(?:in|at|near)"),
        ("fled to",
         r"\b(?:fled|fleeing|flee|escaped|evacuated|displaced|sought refuge|leaving|left|"
         r"headed|heading|bound)\s+(?:\w+\s+){0,3}(?:to|into|in|toward|towards|for)"),
        # "leaving just the capital Kabul as the last city under government control"
        ("what remains", r"\bleaving\s+(?:just|only)"),
        ("direction or route",
         r"\b(?:to|towards?|from|out of|via|near|beyond|outside(?: of)?|linking|connecting|between|"
         # "located near the industrial town of Kurakhove", "highways linking the northern
         # city of Aleppo to the capital" (not "from the southern cities of": a report's)
         r"(?:near|linking|connecting|between|via)\s+(?:the\s+)?(?:[\w\-]+\s+){1,2}"
         r"(?:city|town|village)\s+of|"
         # "the main highway that connects Kabul to the northern provinces"
         r"(?:that|which) (?:connects|links)|"
         r"(?:highway|road|route) (?:to|from|between|linking)"
         # "giving the Taliban greater momentum toward tackling Kabul"
         r"|towards?\s+[a-z]+ing"
         # "retreat from the west bank of the Dnipro": the river
         r"|(?:left|right|west|east|western|eastern|opposite|other) banks? of)"),
        ("speaker's place",
         r"(?:\b(?:officials?|residents?|sources?|spokesm[ae]n|lawmakers?|journalists?|reporters?|"
         r"correspondents?|witnesses|diplomats?|embassy|ministry|authorities|member|based|"
         r"(?:said|told|spoke|speaking|reported|announced|news conference|press conference"
         # "a resident of Odesa who works in Kyiv" (not "a resident of Herat town, described
         # hearing heavy fighting": a witness of the place)
         r"|works|worked|working|lives|lived|living"
         # "the officer, reached by phone in Bamako, confirmed the loss of Konna"
         r"|reached))\s+"
         r"(?:\w+\s+){0,2}(?:in|from)"
         # "the government in Damascus has regained control over most of the country"
         r"|\b(?:government|regime)\s+in)"),
    )
)  # fmt: skip


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    status: str
    text: str
    rule: str = ""

    @property
    def rank(self) -> int:
        return RANK[self.status]


# Between the side and its verb: "the army's withdrawal", "Syria's army said it is
# withdrawing", "forces have withdrawn", "troops hastily retreated".
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her|its|their|our)\s+$", re.I)
_SIDE_TO_VERB = (
    # ("the Rapid Support Forces (RSF) controlling Sinjah": the acronym after the name)
    r"(?:\s*\([A-Za-z][A-Za-z\-]{1,10}\))?"
    # ("Russia's defense ministry said Saturday that its troops were withdrawing")
    # ("his paramilitary group had withdrawn from Khartoum")
    r"(?:['’]s?)?(?:\s+(?:group|forces|fighters|troops|units|militias?))?"
    r"(?:(?:\s+(?:defen[cs]e\s+)?(?:ministry|military|army|command|general\s+staff))?"
    r"\s+(?:said|says|announced|confirmed|admitted|claimed|claims|declared)(?:\s+(?:on\s+)?[a-z]+day)?\s+(?:that\s+)?"
    r"(?:it|they|(?:its|their)\s+(?:troops|forces|soldiers|units|fighters)))?"
    r"(?:\s+(?:has|have|had|is|are|was|were|been|began|begun|started|reportedly|also|finally"
    r"|completely|fully|quickly|hastily|then))*\s+[\"“]?$"  # ('regime forces "took full control"')
)


_VOCABULARIES: dict[tuple, Vocabulary] = {}  # by sides and spokesmen (for_profile)

HEAD = 3  # letters of a trigger's start by which its rules are looked up


class Vocabulary:
    """The trigger and hedge patterns with one profile's actors and spokesmen."""

    def __init__(self, attackers=(), defenders=(), spokesmen=()) -> None:
        actor = _alternatives(GENERIC_ATTACKERS, tuple(attackers))
        defender = _alternatives(GENERIC_DEFENDERS, tuple(defenders))
        spokesman = _alternatives((), tuple(spokesmen)) or r"(?!x)x"
        fill = {"actor": actor, "defender": defender, "spokesman": spokesman}
        self.triggers = []
        # the attackers just before a verb whose rule wants the defenders there: "Russian
        # troops captured" is theirs, though "troops" is a generic word for the defenders
        not_defenders = re.compile(r"\b(?:the )?(?:" + actor + r")" + _SIDE_TO_VERB, re.I)
        self._attackers_before = not_defenders
        self._defenders_only: set[str] = set()
        for name, status, pattern, *who in TRIGGER_RULES:
            before = (
                re.compile(r"\b(?:the )?(?:" + who[0].format(**fill) + r")" + _SIDE_TO_VERB, re.I)
                if who else None
            )
            compiled = re.compile(r"\b(?:" + pattern.format(**fill) + r")\b", re.I)
            self.triggers.append((name, status, compiled, before))
            if who and who[0] == "{defender}":
                self._defenders_only.add(name)
        # all the rules as one scan: on the lower-cased text (``_any_folded``); for a
        # text that cannot be lower-cased as IGNORECASE reads it (rare), ``_any``
        self._any_source = "|".join(p.pattern for _, _, p, _ in self.triggers)
        # the rules that may match where a trigger starts, by its first three letters
        # (lower-cased): one of the strings each rule's matches begin with, read from
        # its source; None: any.  Most places where a trigger may start are tried
        # against two or three rules, not the dozen that share a first letter.
        self._heads = [_heads_of(p) for _, _, p, _ in self.triggers]
        self._by_head: dict[str, tuple] = {}
        # the same scan on the lower case, 4x faster; faster again: where the first
        # eight letters of a trigger start a word (every rule begins with "\b"); the
        # rules tried there say which, as before (each compiled only when used: the
        # scan of the whole vocabulary takes 10-20 ms to compile)
        folded = casefold.twin_source(self._any_source, re.I)
        starts = folded and casefold.source_prefixes(folded)
        self._any_folded = (
            re.compile(r"\b" + casefold.alternation(starts)) if starts
            else re.compile(folded) if folded else None
        )  # fmt: skip
        self.hedge = _words(
            *CLAIM_WORDS, *UNVERIFIED, *DENIAL_WORDS, r"disputed?",
            *(p.format(**fill) for p in SPEAKER_CLAIM),
        )  # fmt: skip

        # the sides named in a sentence ("liberated" is each side's word for its own
        # gains: in the attackers' words, and with no word of the defenders, their capture)
        # (an acronym only in capitals: "IS" is not "is")
        self.attackers = re.compile(
            r"\b(?:" + _alternatives(GENERIC_ATTACKERS, tuple(attackers), acronyms=True) + r")\b",
            re.I,
        )
        self.defenders = re.compile(
            r"\b(?:" + _alternatives(GENERIC_DEFENDERS, tuple(defenders), acronyms=True) + r")\b",
            re.I,
        )
        # the patterns a qualifier rule names by a word (rules.Qualifier.pattern)
        self.named = {"hedge": self.hedge, "attackers": self.attackers,
                      "defenders": self.defenders}  # fmt: skip
        # a confirmation by the attackers themselves ("Taliban spokesman confirmed") is
        # their claim again
        self.self_confirmation = re.compile(
            r"\b(?:the )?(?:" + fill["actor"] + "|" + fill["spokesman"]
            + r")(?:['’]s)?(?:\s+[\w\-]+){0,3}?\s+(?:also\s+)?(?:confirm|corroborat|verif)\w*",
            re.I,
        )

    @classmethod
    def for_profile(cls, profile) -> Vocabulary:
        """One vocabulary for each set of sides and spokesmen, made once a process:
        its 60-odd patterns cost some 60 ms to compile (each worker of an import
        would compile them again, and the forkserver makes the common one for them)."""
        key = (tuple(profile.attackers), tuple(profile.defenders), tuple(profile.spokesmen))
        made = _VOCABULARIES.get(key)
        if made is None:
            if len(_VOCABULARIES) >= 16:
                _VOCABULARIES.clear()
            made = _VOCABULARIES[key] = cls(*key)
        return made

    def _rules_at(self, head: str) -> tuple:
        """The rules (in order) a match of which can begin with ``head``, the
        lower-cased text where a trigger may start (shorter at the text's end)."""
        if len(self._by_head) > 4096:
            self._by_head.clear()
        return tuple(
            rule for rule, heads in zip(self.triggers, self._heads, strict=True)
            if heads is None or any(head.startswith(h) or h.startswith(head) for h in heads)
        )  # fmt: skip

    @functools.cached_property
    def _any(self) -> re.Pattern:
        return re.compile(self._any_source, re.I)

    def find_triggers(self, text: str, start: int, end: int) -> list[Trigger]:
        """Every trigger in ``text[start:end]``; where two overlap, the earlier
        and then the longer stays.  One scan with all the rules together finds
        where a trigger starts; the rules are then tried there one by one."""
        kept: list[Trigger] = []
        position = start
        # The scan runs on the lower-cased sentence where that finds the same places
        # (casefold); from the slice's start it may stop where the text before would
        # have said no ("\\b", a look-behind), and the rules tried there then say no.
        low = casefold.fold(text[start:end]) if self._any_folded is not None else None
        while True:
            if low is not None:
                hit = self._any_folded.search(low, position - start)
                at = None if hit is None else hit.start() + start
            else:
                hit = self._any.search(text, position, end)
                at = None if hit is None else hit.start()
            if at is None:
                return kept
            best = None
            head = low[at - start : at - start + HEAD] if low is not None else None
            rules = self.triggers if head is None else self._by_head.get(head)
            if rules is None:
                rules = self._by_head[head] = self._rules_at(head)
            for name, status, pattern, before in rules:
                match = pattern.match(text, at, end)
                if match is None or (best is not None and match.end() <= best.end):
                    continue
                if before is not None:
                    # (on the lower-cased text, where a name can start: "captured" is
                    # everywhere, and its defenders' rule looks before each)
                    side = casefold.search(before, text, max(start, at - 90), at)
                    if side is None:
                        continue
                    if name in self._defenders_only:
                        other = casefold.search(self._attackers_before, text,
                                                max(start, at - 90), at)  # fmt: skip
                        if other is not None and other.start() <= side.start():
                            continue
                        if _POSSESSIVE_PRONOUN.search(text, max(start, side.start() - 8),
                                                      side.start()):  # fmt: skip
                            continue
                best = Trigger(at, match.end(), status, match.group(0), name)
            if best is None:
                position = at + 1
                continue
            kept.append(best)
            position = best.end


def _heads_of(pattern: re.Pattern) -> frozenset[str] | None:
    """The lower-cased strings of at most ``HEAD`` characters one of which begins
    every match of ``pattern``, or None when they cannot be told."""
    folded = casefold.twin(pattern)
    return None if folded is None else casefold.prefixes(folded, HEAD)


@functools.cache
def generic() -> Vocabulary:
    """The vocabulary with the generic actors only, made when first asked for:
    an import's processes read with a conflict's own and never need it, and
    compiling it took a fifth of their start."""
    return Vocabulary()


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Triggers with the generic actors only (for highlighting quotes)."""
    return generic().find_triggers(text, start, end)
