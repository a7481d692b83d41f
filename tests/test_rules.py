"""Every named extraction rule, shown on a short article of our own.

Each case is one phenomenon from real news, written afresh: the rule it
exercises, the text, and the events (place, status, date) a careful reader
takes from it.  The last test checks that every rule in ``rules.names()`` is
exercised by at least one case, so a rule cannot sit untested.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline_app.extraction import rules
from timeline_app.extraction.extract import Extractor
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.extraction.profile import Profile
from timeline_app.model import Article
from timeline_app.paths import package_data

THURSDAY = dt.date(2021, 8, 12)
WEDNESDAY_2025 = dt.date(2025, 1, 29)

# (rules exercised, text, publication date, events expected)
AFGHAN = [
    # -- context: places that only situate the sentence -------------------------------------
    ({"direction or route"}, "Trucks drove on the highway to Kabul on Tuesday.", THURSDAY, set()),
    ({"bearing", "capture verb"},
     "The Taliban captured Ghazni, 80 miles south of Kabul, on Thursday.", THURSDAY,
     {("Ghazni", "captured", "2021-08-12")}),
    ({"bearing", "fall verb"},
     "Ghazni, about 125 miles southwest of the de-facto government capital of Kabul, fell on "
     "Sunday.", THURSDAY, {("Ghazni", "captured", "2021-08-08")}),
    # the bearing of another town: its fighting, not fighting near the place
    ({"bearing"}, "Clashes continued inside the city west of Kabul on Sunday.", THURSDAY,
     set()),
    ({"distance", "capture verb"},
     "Fighters seized Pul-e-Khumri, about 200 kilometres from the capital Kabul, on Tuesday.",
     THURSDAY, {("Pul-e-Khumri", "captured", "2021-08-10")}),
    # a name in apposition to a place that says where is that place, in the same role
    ({"bearing", "fighting near"},
     "Taliban fighters entered a town just west of Kandahar, Afghanistan’s second-largest "
     "city, on Sunday.", THURSDAY, {("Kandahar", "besieged", "2021-08-08")}),
    # "took key cities A and B": the plural noun before the names; the fighting is elsewhere
    ({"take verb"},
     "Government forces battled the Taliban near Kabul on Sunday, after the group took key "
     "cities Kunduz and Taloqan last week.", THURSDAY,
     {("Kunduz", "captured", "2021-08-05"), ("Taloqan", "captured", "2021-08-05")}),
    # a unit named for the place is not the place; nor its river, nor its countryside
    ({"place in a name"},
     "The Taliban said they had liberated the 209th Kunduz Infantry Division on Sunday.",
     THURSDAY, set()),
    ({"place as modifier"}, "Fighting raged along the Kunduz River on Sunday.", THURSDAY, set()),
    ({"place as modifier"}, "Fighting raged in the Kunduz countryside on Sunday.", THURSDAY,
     set()),
    ({"direction or route"},
     "Heavy fighting was reported on the west bank of the Helmand on Sunday.", THURSDAY, set()),
    # areas of the city taken: fighting for it
    ({"seized part of the city"},
     "The Taliban captured significant areas in Kunduz city on Sunday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08")}),
    # a list whose names carry their provinces, separated by semicolons, shares its verb
    ({"coordination"},
     "On Tuesday, fighters seized three capitals: Farah city in the western province of the "
     "same name; Pul-e-Khumri, the capital of the northern Baghlan province; and Faizabad, the "
     "capital of remote Badakhshan province.", THURSDAY,
     {("Farah", "captured", "2021-08-10"), ("Pul-e-Khumri", "captured", "2021-08-10"),
      ("Fayzabad", "captured", "2021-08-10")}),
    # the highway that connects Kabul: a route
    ({"direction or route"},
     "Fighters overran Aybak on Monday, a city on the main highway that connects Kabul to the "
     "north.", THURSDAY, {("Aybak", "captured", "2021-08-09")}),
    # a place that opens a road's name situates the road
    ({"place as modifier", "retake verb"},
     "Government forces recaptured Ghazni on Sunday, on the Kabul-Kandahar highway.", THURSDAY,
     {("Ghazni", "retaken", "2021-08-08")}),
    # the passive of the defenders leaving; not civilians evacuated from it
    ({"defenders withdrew"}, "Farah was abandoned by Afghan forces on Sunday.", THURSDAY,
     {("Farah", "captured", "2021-08-08")}),
    (set(), "Civilians were evacuated from Farah by Afghan forces on Sunday.", THURSDAY, set()),
    ({"facility in"}, "Staff at the embassy in Kabul were told to leave on Tuesday.", THURSDAY,
     set()),
    # "N years after": that event, long before the news day; undated unless it has its own
    ({"long after", "coarse recap"},
     "The offensive comes nearly a year after the group seized control of Kunduz.", THURSDAY,
     {("Kunduz", "captured", None)}),
    ({"long after", "coarse recap"},
     "The Taliban captured Kunduz on Sunday, two weeks after they took Taloqan.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Taloqan", "captured", None)}),
    ({"at the gates"}, "Bombs echoed through Kunduz's outskirts on Sunday.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-08")}),
    # a contraction is a negation too
    ({"negation"}, "Kunduz hasn't fallen yet.", THURSDAY, set()),
    ({"negation"}, "The Taliban haven't captured Kunduz.", THURSDAY, set()),
    ({"negation"}, "Kunduz isn't under threat.", THURSDAY, set()),
    ({"negation"}, "Kunduz is not in danger of falling, officials said on Monday.", THURSDAY,
     set()),
    # a clause with a verb of its own borrows no trigger; fighting with a place of its own
    (set(), "Kabul is calm, but the Taliban were fighting government forces in Logar province.",
     THURSDAY, set()),
    ({"fighting elsewhere"},
     "In Kabul, officials said fighting raged in Logar province on Sunday.", THURSDAY, set()),
    ({"fighting word"}, "Kunduz saw heavy fighting on Sunday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08")}),
    # "took" with its object in apposition to "another provincial capital"
    ({"take verb"}, "The Taliban had taken another provincial capital, Ghazni, on Thursday.",
     THURSDAY, {("Ghazni", "captured", "2021-08-12")}),
    ({"take verb"}, "The Taliban took their seventh provincial capital, Farah, on Tuesday.",
     THURSDAY, {("Farah", "captured", "2021-08-10")}),
    # the trigger's object is the town it names first; a place in its apposition describes it
    ({"named object before place"},
     "The Taliban seized the town of Spin Boldak on Sunday, a key supply route for the "
     "provincial capital Kandahar.", THURSDAY, set()),
    ({"capture verb"}, "The Taliban captured the town of Spin Boldak and Kandahar on Sunday.",
     THURSDAY, {("Kandahar", "captured", "2021-08-08")}),
    # a place that names an office: the deed is told of something else, unless "the city"
    # stands for the place
    ({"office"}, "Ahmad Hadid, chief of Balkh Provincial Council, said security forces had "
     "retreated from the district's center.", THURSDAY, set()),
    ({"office"}, "Jan Purusi, the provincial governor of Kunduz, confirmed the capture of the "
     "district on Sunday.", THURSDAY, set()),
    ({"office"}, "The Taliban-installed head of Kunduz, a city seized by the group in 2015, "
     "spoke on Sunday.", THURSDAY, set()),
    # a building of the place taken is not an office speaking
    ({"take verb", "partial control"},
     "Taliban fighters took the Kunduz police headquarters on Sunday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08")}),
    ({"fall verb"}, "The Kunduz governor said the city fell on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"surrender verb"}, "Officials said the governor of Kunduz had surrendered on Sunday.",
     THURSDAY, {("Kunduz", "surrendered", "2021-08-08")}),
    ({"speaker's place", "fall verb"},
     "Officials in Kabul said on Wednesday that Farah had fallen.", THURSDAY,
     {("Farah", "captured", "2021-08-11")}),
    ({"fled to", "entered"},
     "Families who fled to Kabul said the insurgents entered Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08")}),
    ({"dateline", "capture verb"},
     "KABUL, Afghanistan (AP) — The Taliban captured Zaranj on Friday.", THURSDAY,
     {("Zaranj", "captured", "2021-08-06")}),
    ({"province level"}, "Fighting raged in several districts of Helmand province on Monday.",
     THURSDAY, set()),
    ({"province level"},
     "The Taliban captured three districts of Helmand province on Monday.", THURSDAY, set()),
    ({"province taken whole", "control phrase"},
     "A deputy said the insurgents took control of Kunar province on Wednesday.", THURSDAY,
     {("Asadabad", "captured", "2021-08-11")}),
    ({"province taken whole", "surrender verb"},
     "Ghor province, in the centre of the country, succumbed without a fight on Tuesday.",
     THURSDAY, {("Chaghcharan", "surrendered", "2021-08-10")}),
    # a list of provinces shares how the first is read: taken whole, or only the setting
    ({"province taken whole", "capture verb"},
     "The Taliban captured the provinces of Faryab and Kunar on Sunday.", THURSDAY,
     {("Maymana", "captured", "2021-08-08"), ("Asadabad", "captured", "2021-08-08")}),
    ({"province taken whole", "capture verb"},
     "The two main provinces of Paktia and Paktika have also been captured.", THURSDAY,
     {("Gardez", "captured", "2021-08-12"), ("Sharana", "captured", "2021-08-12")}),
    ({"province taken whole", "control phrase"},
     "The provinces of Faryab and Kunar are also under Taliban control.", THURSDAY,
     {("Maymana", "captured", "2021-08-12"), ("Asadabad", "captured", "2021-08-12")}),
    ({"province taken whole", "fall verb"}, "Kunduz, Takhar and Baghlan provinces have fallen.",
     THURSDAY, {("Kunduz", "captured", "2021-08-12"), ("Taloqan", "captured", "2021-08-12"),
                ("Pul-e-Khumri", "captured", "2021-08-12")}),
    ({"province level"}, "Fighting continued in the provinces of Faryab and Kunar on Sunday.",
     THURSDAY, set()),
    # "the capital(s) of" with a word of where or which between
    ({"capture verb"},
     "The Taliban captured the capitals of northern Kunduz and Sar-e-Pol provinces on Sunday.",
     THURSDAY, {("Kunduz", "captured", "2021-08-08"), ("Sar-e Pul", "captured", "2021-08-08")}),
    ({"capture verb"}, "Fighters seized the capital of the southern Helmand province on Friday.",
     THURSDAY, {("Lashkar Gah", "captured", "2021-08-06")}),
    ({"capture verb"},
     "The capitals of the two main provinces of Paktia and Paktika were captured on Monday.",
     THURSDAY, {("Gardez", "captured", "2021-08-09"), ("Sharana", "captured", "2021-08-09")}),
    ({"another spelling", "fall verb"}, "Officials said Nangarhor fell on Wednesday.", THURSDAY,
     {("Jalalabad", "captured", "2021-08-11")}),
    # the conflict's own names are no spelling of a place ("Taleban" is not Taleqan)
    ({"entered"}, "Taleban fighters entered Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08")}),
    # a headline run into the next sentence on a saved page ends there
    ({"entered", "province taken whole"},
     "Fighters enter Kunduz city, residents flee the newsGhor province surrendered on Tuesday.",
     THURSDAY, {("Kunduz", "contested", "2021-08-10"), ("Chaghcharan", "surrendered",
                                                        "2021-08-10")}),
    # a place's possessive owns the noun after it: the capitulation is Ghor's, not Kabul's
    ({"surrender verb"},
     "The march is already reaching Kabul's gates, Ghor's capitulation on Tuesday the latest.",
     THURSDAY, {("Chaghcharan", "surrendered", "2021-08-10")}),
    ({"weak context", "control phrase"},
     "Reports from Gardez suggest the city is now under Taliban control.", THURSDAY,
     {("Gardez", "claimed", "2021-08-12")}),
    # -- triggers ------------------------------------------------------------------------------
    ({"retake verb"}, "Government forces recaptured Qala-e-Naw on Wednesday.", THURSDAY,
     {("Qala-e-Naw", "retaken", "2021-08-11")}),
    ({"regain control"}, "The army regained control of Lashkar Gah on Monday.", THURSDAY,
     {("Lashkar Gah", "retaken", "2021-08-09")}),
    ({"attackers driven out"}, "In Kunduz, commandos pushed the insurgents out on Monday.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-09")}),
    ({"attackers withdrew"}, "The insurgents withdrew from Kunduz on Monday.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-09")}),
    ({"liberated"}, "Troops liberated Maimana on Tuesday, officials said.", THURSDAY,
     {("Maymana", "retaken", "2021-08-10")}),
    ({"surrender verb"}, "Local elders surrendered Nili to the Taliban on Saturday.", THURSDAY,
     {("Nili", "surrendered", "2021-08-07")}),
    ({"defenders withdrew"}, "Government forces withdrew from Qalat on Thursday.", THURSDAY,
     {("Qalat", "captured", "2021-08-12")}),
    ({"loss verb"}, "The government lost Taloqan on Sunday.", THURSDAY,
     {("Taloqan", "captured", "2021-08-08")}),
    ({"take verb"}, "The Taliban took Aybak on Monday.", THURSDAY,
     {("Aybak", "captured", "2021-08-09")}),
    # the object described at length: "took the strategic northern city of Kunduz"
    ({"take verb"}, "Insurgents took the strategic northern city of Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"take verb"}, "On Monday the militants took the last major city of Herat.", THURSDAY,
     {("Herat", "captured", "2021-08-09")}),
    # a government's seat taken
    ({"control phrase"}, "The insurgents ended the war on Sunday, taking power in Kabul.",
     THURSDAY, {("Kabul", "captured", "2021-08-08")}),
    ({"intent"}, "The insurgents hope to take power in Kabul within weeks.", THURSDAY,
     {("Kabul", "besieged", "2021-08-12")}),
    # a fall told again later, undated, is the fall the article dated
    ({"told again", "news day"},
     "Fighting spread across the north on Thursday.\n\n"
     "Taliban fighters captured Kunduz on Sunday.\n\n"
     "Residents who stayed when Kunduz fell said food was scarce.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    # a coarse period ("in recent weeks") dates no later sentence of its paragraph
    ({"fighting word", "news day"},
     "The Taliban advanced across the north in recent weeks. Fighters are currently "
     "battling government forces in Kunduz.", THURSDAY,
     {("Kunduz", "contested", "2021-08-12")}),
    # what was taken is the road, not the place it leads to
    ({"direction or route"}, "Fighters took the road to Herat on Monday.", THURSDAY, set()),
    ({"flag raised"}, "In Sheberghan, their white flag was raised over the square on Friday.",
     THURSDAY, {("Sheberghan", "captured", "2021-08-06")}),
    ({"entered"}, "Insurgents marched into the western city of Herat on Tuesday.", THURSDAY,
     {("Herat", "contested", "2021-08-10")}),
    ({"swept into"}, "Insurgents swept into Herat on Tuesday.", THURSDAY,
     {("Herat", "captured", "2021-08-10")}),
    ({"fighting word"}, "Heavy clashes shook Herat on Tuesday.", THURSDAY,
     {("Herat", "contested", "2021-08-10")}),
    ({"still held"}, "Government troops still held Kandahar on Wednesday.", THURSDAY,
     {("Kandahar", "contested", "2021-08-11")}),
    ({"siege word"}, "Insurgents besieged Mazar-i-Sharif on Wednesday.", THURSDAY,
     {("Mazar-i-Sharif", "besieged", "2021-08-11")}),
    ({"threat word"}, "The insurgents now threaten Jalalabad, residents said on Wednesday.",
     THURSDAY, {("Jalalabad", "besieged", "2021-08-11")}),
    ({"at the gates"}, "Fighters reached the gates of Asadabad on Wednesday.", THURSDAY,
     {("Asadabad", "besieged", "2021-08-11")}),
    # -- qualifiers ---------------------------------------------------------------------------
    ({"seized part of the city"},
     "The Taliban seized the police headquarters in Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08")}),
    ({"object before place"}, "The Taliban seized weapons at a depot in Kunduz on Sunday.",
     THURSDAY, set()),
    ({"part of the city"}, "Parts of Lashkar Gah fell to the insurgents on Monday.", THURSDAY,
     {("Lashkar Gah", "contested", "2021-08-09")}),
    ({"on the outskirts"}, "Fighting raged on the outskirts of Herat on Tuesday.", THURSDAY,
     {("Herat", "besieged", "2021-08-10")}),
    ({"located on the outskirts"},
     "Families left the camp for displaced people on the outskirts of Herat on Tuesday.",
     THURSDAY, set()),
    ({"attributive participle"},
     "Kunduz, Taloqan and the other occupied towns of the north are short of food.", THURSDAY,
     set()),
    ({"participle after place"},
     "Food ran short in the city of Kunduz seized by the insurgents.",
     THURSDAY, set()),
    ({"capture verb"}, "Kunduz, seized by the insurgents on Sunday, is short of food.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"denial"}, "The governor denied that Taloqan had not fallen on Sunday.", THURSDAY,
     {("Taloqan", "claimed", "2021-08-08")}),
    ({"negation"}, "Kandahar has not fallen, officials insisted on Wednesday.", THURSDAY, set()),
    ({"condition"}, "If captured, Qala-e-Naw would be the first capital to go.", THURSDAY,
     set()),
    ({"intent"}, "The insurgents are fighting to overrun Lashkar Gah.", THURSDAY,
     {("Lashkar Gah", "besieged", "2021-08-12")}),
    ({"stated plan"}, "The insurgents are planning to advance on Kabul, a commander said.",
     THURSDAY, set()),
    ({"hypothetical"}, "The capture of Kandahar would add to the momentum of the offensive.",
     THURSDAY, set()),
    ({"attackers retook"}, "The Taliban recaptured Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"attackers retook"}, "Kunduz was retaken on Sunday by the Taliban.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"retake verb"}, "Government troops recaptured Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-08")}),
    ({"ranked among the falls"},
     "Kunduz was the first big city to fall to the Taliban in the north, and it was the "
     "only capital they seized.", THURSDAY, set()),
    ({"capture verb"}, "Kunduz was the first capital to be captured on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"regain control"}, "Kunduz is returning to government control, officials said on Sunday.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-08")}),
    ({"attackers withdrew"},
     "The Taliban said their troops had withdrawn from Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-08")}),
    ({"siege word"}, "The Taliban laid siege to Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-08")}),
    ({"attributive participle"}, "By Sunday Kunduz had become a liberated area.", THURSDAY,
     set()),
    ({"entered unopposed"},
     "The Taliban entered Kunduz without engaging in any major clashes on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"entered"}, "The Taliban were entering the capital of Kabul on all sides on Sunday.",
     THURSDAY, {("Kabul", "contested", "2021-08-08")}),
    ({"retake verb"}, "Government forces reclaimed the city of Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-08")}),
    ({"intent"}, "Elders held talks with the Taliban for a peaceful surrender of Kabul.",
     THURSDAY, set()),
    ({"control phrase"}, "On Sunday the Taliban gained authority over Kunduz.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"control phrase"}, "The Taliban took control on Aug. 8 of Kunduz.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"recap after"}, "Its fall on Sunday followed the Taliban's seizure of Kunduz.", THURSDAY,
     set()),
    ({"hedge"}, "Media close to the Taliban reported that they had seized Kunduz on Sunday.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-08")}),
    ({"part of the city"}, "The Taliban took control of nearly 70% of Kunduz on Sunday.",
     THURSDAY, {("Kunduz", "contested", "2021-08-08")}),
    ({"what remains"},
     "The Taliban took Herat on Thursday, leaving only the capital Kabul in government hands.",
     THURSDAY, {("Herat", "captured", "2021-08-12")}),
    ({"capture verb"},
     "Hours earlier the Taliban had captured Kandahar, where they proclaimed their emirate "
     "in the 1990s.", THURSDAY, {("Kandahar", "captured", "2021-08-12")}),
    ({"capture verb"}, "The Taliban's takeover of Kunduz on Sunday alarmed Kabul.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"capture verb"}, "The Taliban won the city of Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"siege word"}, "Kunduz held out on Sunday after three months of siege.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-08")}),
    ({"coup"}, "Herat fell on Sunday after the junta that seized power in Kabul ordered the "
     "army not to fight.", THURSDAY, {("Herat", "captured", "2021-08-08")}),
    ({"hypothetical gerund"}, "Capturing Kandahar would be a major win for the Taliban.",
     THURSDAY, set()),
    ({"intent"}, "The Taliban launched an offensive by fighters from the south to take Herat.",
     THURSDAY, {("Herat", "besieged", "2021-08-12")}),
    ({"fall verb"}, "Kunduz fell into the hands of the Taliban on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"take verb"}, "The Taliban announced that Kunduz had been taken on Sunday.", THURSDAY,
     {("Kunduz", "claimed", "2021-08-08")}),
    ({"relative to neighbour"},
     "The Taliban on Sunday attacked Mazar-i-Sharif, a day after they took the provincial "
     "capital of Kunduz.", dt.date(2021, 8, 8),
     # (an attack on the city is fighting for it: "Rebels on Saturday attacked ... Gao")
     {("Kunduz", "captured", "2021-08-07"), ("Mazar-i-Sharif", "contested", "2021-08-08")}),
    ({"another place's fall"},
     "The Taliban took Ghazni on Tuesday. Its fall would send shockwaves through Kabul.",
     THURSDAY, {("Ghazni", "captured", "2021-08-10")}),
    (set(), "The Taliban announced on Tuesday its capture of Ghazni.", THURSDAY,
     {("Ghazni", "claimed", "2021-08-10")}),
    ({"recap after"}, "After seizing Kunduz, the fighters moved on to the airport.", THURSDAY,
     set()),
    ({"recap place"},
     "After seizing Kunduz, the fighters expelled troops who had been fighting there.",
     THURSDAY, set()),
    ({"recap with its period", "coarse recap"},
     "The rebels regrouped on Wednesday following the capture of Kunduz last month.",
     THURSDAY, {("Kunduz", "captured", None)}),
    ({"recap with its period", "coarse recap"},
     "Talks stalled after the seizure of Ghazni earlier this year.", THURSDAY,
     {("Ghazni", "captured", None)}),
    ({"named event"}, "Diplomats were deeply troubled by Ghazni's fall.", THURSDAY, set()),
    ({"title phrase"}, "The fall of Herat: ten days of fear in pictures.", THURSDAY, set()),
    ({"fall verb"}, "The fall of Ghazni on Tuesday shocked the diplomats.", THURSDAY,
     {("Ghazni", "captured", "2021-08-10")}),
    (set(), "In Kunduz, fighters were taking over the running of the markets.", THURSDAY,
     set()),
    ({"circumstance"}, "With Herat under Taliban control, talks began on Wednesday.", THURSDAY,
     set()),
    ({"partial control"},
     "The Taliban captured Ghazni's prison on Tuesday.", THURSDAY,
     {("Ghazni", "contested", "2021-08-10")}),
    ({"entering while fighting"}, "The Taliban swept into Herat on Wednesday amid fighting.",
     THURSDAY, {("Herat", "contested", "2021-08-11")}),
    ({"hedge"}, "The Taliban said they had seized Firoz Koh on Friday.", THURSDAY,
     {("Chaghcharan", "claimed", "2021-08-06")}),
    # a relative clause with its own trigger tells the other side's earlier claim
    ({"defenders withdrew"},
     "The governor announced Monday that the army is withdrawing from Kunduz, citing the "
     "killings carried out by the Taliban, who had earlier declared full control over the city.",
     THURSDAY, {("Kunduz", "captured", "2021-08-09")}),
    # a claim someone else confirms is a fall; the attackers confirming it, or "could not be
    # independently confirmed", leave it a claim
    ({"capture verb"}, "The Taliban said Sunday they had captured Kunduz, a claim confirmed by "
     "a correspondent.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    ({"capture verb"}, "The Taliban captured Kunduz on Friday, a security source said, "
     "confirming a claim by the insurgents.", THURSDAY, {("Kunduz", "captured", "2021-08-06")}),
    ({"hedge"}, "The Taliban said they had captured Kunduz, but this could not be "
     "independently confirmed.", THURSDAY, {("Kunduz", "claimed", "2021-08-12")}),
    ({"hedge"}, "Taliban spokesman Zabihullah Mujahid confirmed that the group had captured "
     "Kunduz.", THURSDAY, {("Kunduz", "claimed", "2021-08-12")}),
    ({"hedge"}, "Government troops backed by militias claimed to have captured Kunduz.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-12")}),
    # a claim in a later clause with a trigger of its own is that clause's; a comment
    # with none (", officials denied it", ", the group said") is about what came before
    ({"hedge", "fall verb"},
     "Kunduz fell to the Taliban on Sunday; the group said it had also seized Taloqan.",
     THURSDAY, {("Kunduz", "captured", "2021-08-08"), ("Taloqan", "claimed", "2021-08-08")}),
    ({"hedge", "fall verb"},
     "Officials confirmed that Kunduz fell on Sunday, but denied Taliban claims that Taloqan "
     "had been captured.",
     THURSDAY, {("Kunduz", "captured", "2021-08-08"), ("Taloqan", "claimed", "2021-08-08")}),
    ({"hedge", "fall verb"}, "Kunduz fell on Sunday; officials denied it.", THURSDAY,
     {("Kunduz", "claimed", "2021-08-08")}),
    ({"hedge", "capture verb"}, "The Taliban captured Kunduz on Sunday, the group said.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-08")}),
    ({"hedge", "entered"},
     "The Taliban said they captured Kunduz on Sunday, and that they had entered Taloqan.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-08"), ("Taloqan", "contested", "2021-08-08")}),
    # the defenders driven out, the attackers' hold, their announcement of it
    ({"defenders driven out"},
     "The Taliban expelled government forces from Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"defenders driven out"}, "Government troops were pushed out of Kunduz on Sunday.",
     THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    ({"defenders driven out", "at the gates"},
     "Rebels expelled government forces from the strategic city of Kunduz on Saturday, a "
     "victory in their march on the stronghold of Kabul.", THURSDAY,
     {("Kunduz", "captured", "2021-08-07"), ("Kabul", "besieged", "2021-08-07")}),
    ({"attackers controlled"}, "The Taliban also controlled Kunduz by Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    (set(), "The Taliban controls most of the countryside around Kunduz.", THURSDAY, set()),
    ({"control phrase", "hedge"}, "The Taliban announced their control of Kunduz on Sunday.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-08")}),
    ({"control phrase", "hedge"}, "The Taliban claimed victory in Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "claimed", "2021-08-08")}),
    ({"control phrase"}, "The Taliban gained control Monday of Kunduz.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09")}),
    ({"capture verb", "hedge"}, "The Taliban say they seized Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "claimed", "2021-08-08")}),
    ({"capture verb", "hedge"}, "The group stated that it seized Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "claimed", "2021-08-08")}),
    ({"capture verb"}, "Residents say the Taliban seized Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    # "..., as has X": the verb left out is the one before, not one of X's relative clause
    ({"fall verb"},
     "Herat has fallen to the insurgents, as has the capital of the southern Helmand province, "
     "where American forces fought some of the bloodiest battles of the war.", THURSDAY,
     {("Herat", "captured", "2021-08-12"), ("Lashkar Gah", "captured", "2021-08-12")}),
    # a list set off by dashes, with where each place lies, is the sentence's subject
    ({"fall verb"},
     "Two major cities — Herat in the west and Kandahar in the south — have fallen.", THURSDAY,
     {("Herat", "captured", "2021-08-12"), ("Kandahar", "captured", "2021-08-12")}),
    # a count, then the places it counts
    ({"capture verb", "hedge"},
     "The Taliban claimed to have captured two more cities — Herat in the west and Kandahar.",
     THURSDAY, {("Herat", "claimed", "2021-08-12"), ("Kandahar", "claimed", "2021-08-12")}),
    ({"capture verb"}, "Fighters captured two cities, Herat and Kandahar, on Friday.", THURSDAY,
     {("Herat", "captured", "2021-08-06"), ("Kandahar", "captured", "2021-08-06")}),
    ({"threat word"},
     "The Taliban have captured 18 provincial capitals, and Kabul is under threat.", THURSDAY,
     {("Kabul", "besieged", "2021-08-12")}),
    # "hours before" an event dated earlier: that day
    ({"capture verb", "date in clause"},
     "Fayzabad fell on Tuesday. Farah and Pul-e-Khumri were captured hours before the "
     "collapse of Fayzabad.", THURSDAY,
     {("Fayzabad", "captured", "2021-08-10"), ("Farah", "captured", "2021-08-10"),
      ("Pul-e-Khumri", "captured", "2021-08-10")}),
    # "N days after" governs the place of the clause it opens, however near another date
    ({"relative to neighbour", "capture verb"},
     "Two days after seizing Kunduz, the Taliban captured Taloqan on Wednesday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09"), ("Taloqan", "captured", "2021-08-11")}),
    ({"relative to neighbour", "take verb"},
     "A day after capturing the provincial capital of Zaranj, the Taliban took Sheberghan "
     "on Saturday.", THURSDAY,
     {("Zaranj", "captured", "2021-08-06"), ("Sheberghan", "captured", "2021-08-07")}),
    # the neighbour with its own day: that day is its, and the other place's is a day off
    ({"relative to neighbour", "date in clause"},
     "The capture of Herat came a day after Ghazni fell on Thursday.", dt.date(2021, 8, 14),
     {("Herat", "captured", "2021-08-13"), ("Ghazni", "captured", "2021-08-12")}),
    ({"relative to neighbour", "date in clause"},
     "The Taliban took Herat two days before Ghazni was captured on Thursday.",
     dt.date(2021, 8, 14),
     {("Herat", "captured", "2021-08-10"), ("Ghazni", "captured", "2021-08-12")}),
    ({"dispute next sentence"},
     "Insurgents captured Sharana on Monday. Officials denied it.", THURSDAY,
     {("Sharana", "claimed", "2021-08-09")}),
    ({"background"}, "The Taliban captured Kunduz in 2015 and held it for days.", THURSDAY,
     set()),
    ({"coordination"},
     "Three other provincial capitals in the west, Farah, Herat, and Lashkar Gah, came "
     "under Taliban control on Friday.",
     THURSDAY, {("Farah", "captured", "2021-08-06"), ("Herat", "captured", "2021-08-06"),
                ("Lashkar Gah", "captured", "2021-08-06")}),
    ({"coordination"},
     "They took Aybak, Samangan province; Farah, Farah province; and Taloqan, Takhar province.",
     THURSDAY, {("Aybak", "captured", "2021-08-12"), ("Farah", "captured", "2021-08-12"),
                ("Taloqan", "captured", "2021-08-12")}),
    ({"fighting near"},
     "Insurgents battled government troops some 11 kilometers south of the capital, Kabul, "
     "on Saturday.", dt.date(2021, 8, 14), {("Kabul", "besieged", "2021-08-14")}),
    (set(), "Ghazni, 80 miles south of Kabul, was under siege on Tuesday.", THURSDAY,
     {("Ghazni", "besieged", "2021-08-10")}),
    (set(), "The group has now captured 18 provincial capitals, including Qalat.", THURSDAY,
     set()),
    ({"fighting word"}, "Fighting raged in Lashkar Gah after the blitz saw the group seize "
     "nine others.", THURSDAY, {("Lashkar Gah", "contested", "2021-08-12")}),
    ({"date in clause"},
     "On Wednesday evening the talks failed. The next morning, Herat surrendered.", THURSDAY,
     {("Herat", "surrendered", "2021-08-12")}),
    ({"condition"}, "Should the fall of Qalat be confirmed, it would be the 18th.", THURSDAY,
     set()),
    (set(), "By capturing Ghazni, the Taliban are better placed to attack Kabul on Friday.",
     THURSDAY, {("Ghazni", "captured", "2021-08-06")}),
    ({"capture verb"}, "Zarang is the first capital to be controlled by the Taliban.", THURSDAY,
     {("Zaranj", "captured", "2021-08-12")}),
    ({"loss verb"}, "The loss of Helmand's provincial capital came on Friday.", THURSDAY,
     {("Lashkar Gah", "captured", "2021-08-06")}),
    ({"direction or route"}, "The insurgents seized Nerkh district just outside Kabul.",
     THURSDAY, set()),
    ({"dateline"}, "2021-08-08 KABUL - Fighters overran Kunduz on Sunday.", None,
     {("Kunduz", "captured", None)}),
    ({"dateline"}, "Kabul, Afghanistan – The Taliban have captured Aybak.", THURSDAY,
     {("Aybak", "captured", "2021-08-12")}),
    ({"things fell"}, "Shells fell on the city of Kunduz on Monday.", THURSDAY, set()),
    ({"fall verb"}, "Kunduz fell on the same day, officials said.", THURSDAY,
     {("Kunduz", "captured", "2021-08-12")}),
    ({"entered something else"},
     "Staff entered the embassy compound as they left Herat on Monday.", THURSDAY, set()),
    ({"the city named before", "control phrase"},
     "Fighters swept into Kunduz on Sunday. Two days later they were in complete control of "
     "the city.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Kunduz", "captured", "2021-08-10")}),
    ({"still held"}, "The army remained in full control of Kandahar on Wednesday.", THURSDAY,
     {("Kandahar", "contested", "2021-08-11")}),
    ({"province as location"},
     "The insurgents seized the airport, a supply hub in Helmand, on Monday.", THURSDAY, set()),
    ({"province as adjective"}, "Fighters seized the Helmand border town of Garmsir.", THURSDAY,
     set()),
    ({"place as modifier"}, "The rebels seized several towns, alarming Herat residents.",
     THURSDAY, set()),
    ({"capital as government", "retake verb"},
     "Kabul said its forces had retaken Kunduz on Monday.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-09")}),
    ({"capital as government"},
     "The counteroffensive saw Kabul retake vast swathes of territory in the north.",
     THURSDAY, set()),
    # an active verb with its object right after it is not the deed of a place before it
    ({"capture verb"},
     "The Taliban launched an offensive in southern Kunduz on July 4 and seized Taloqan on "
     "Aug. 8.", THURSDAY, {("Taloqan", "captured", "2021-08-08")}),
    ({"capture verb"}, "Taliban fighters in Kunduz captured Taloqan on Sunday.", THURSDAY,
     {("Taloqan", "captured", "2021-08-08")}),
    ({"capture verb"}, "Kunduz and Taloqan were seized on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Taloqan", "captured", "2021-08-08")}),
    ({"control phrase"}, "Rebels wrested control of Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    # sources in a city speak of it as "the city"; officials in the capital do not
    ({"weak context", "fall verb", "partial control"},
     "Local sources in Kunduz city claimed that part of the city fell to the Taliban on Sunday.",
     THURSDAY, {("Kunduz", "contested", "2021-08-08")}),
    ({"speaker's place"}, "Officials in Kabul said the city had fallen on Sunday.", THURSDAY,
     set()),
    ({"capture verb"}, "Taliban fighters overtook Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"weak context", "entered"}, "A lawmaker from Kunduz told reporters the Taliban had "
     "entered the centre of the city on Sunday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08")}),
    ({"capital as government"}, "Kabul still controls Kunduz.", THURSDAY,
     {("Kunduz", "contested", "2021-08-12")}),
    ({"capital as government"}, "The loss of the city would signal the collapse of Kabul's "
     "control of the north.", THURSDAY, set()),
    ({"defenders captured"}, "Kunduz has been captured by Afghan and American security forces.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-12")}),
    # the list after "after capturing" is named for earlier events, however long
    ({"at the gates", "recap place"},
     "Fighters were moving in on Mazar-i-Sharif on Wednesday, after capturing Sheberghan to "
     "its west, and Kunduz and Taloqan in the east.", THURSDAY,
     {("Mazar-i-Sharif", "besieged", "2021-08-11")}),
    # a duration is the holding before the change, not the change's date
    ({"defenders captured"}, "Kunduz, a stronghold of the insurgency for more than two years, "
     "has been captured by Afghan security forces.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-12")}),
    ({"capture verb", "hedge"}, "The reported capture of Kunduz on Sunday alarmed officials.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-08")}),
    ({"background"}, "The Taliban have held Kunduz since the 2015 takeover of the city.",
     THURSDAY, set()),
    # a dateline whose dash a copy lost
    ({"dateline", "retake verb", "partial control"},
     "KABUL Afghan military forces on Monday retook a strategic government complex in the "
     "city of Kunduz from the militants.", THURSDAY, {("Kunduz", "contested", "2021-08-09")}),
    ({"a choice"}, "Government forces in Kunduz were left with few options: either prepare for "
     "a deadly battle or capitulate.", THURSDAY, set()),
    ({"capture verb"}, "The group seized Kunduz after capturing Taloqan on Aug. 8.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Taloqan", "captured", "2021-08-08")}),
    # -- lists -------------------------------------------------------------------------------
    ({"list heading", "date heading"},
     "Capitals captured by the Taliban\n\nAug. 6 – Zaranj: The first to go.\n\n"
     "Aug. 12 -- Herat: The third-largest city.", THURSDAY,
     {("Zaranj", "captured", "2021-08-06"), ("Herat", "captured", "2021-08-12")}),
    ({"entry goes on"},
     "August 13: Herat comes under Taliban control.\n\nThe militants also occupy Kandahar.",
     None, {("Herat", "captured", "2021-08-13"), ("Kandahar", "captured", "2021-08-13")}),
    (set(), "August 8: Kunduz falls to the Taliban.\n\nThe fall of Farah followed.", None,
     {("Kunduz", "captured", "2021-08-08"), ("Farah", "captured", None)}),
    # -- dates --------------------------------------------------------------------------------
    ({"date in clause"},
     "Fighters overran Zaranj on Friday and then the following day pushed into Sheberghan.",
     dt.date(2021, 8, 9), {("Zaranj", "captured", "2021-08-06"),
                            # "pushed into" is Sheberghan's own verb, not "overran"
                            ("Sheberghan", "contested", "2021-08-07")}),
    ({"part of the city"}, "Troops regained control of parts of Herat on Monday.", THURSDAY,
     {("Herat", "contested", "2021-08-09")}),
    ({"sequel"},
     "On Aug. 6, Zaranj fell. Then the fighters turned north, taking Sheberghan.", THURSDAY,
     {("Zaranj", "captured", "2021-08-06"), ("Sheberghan", "captured", None)}),
    # the defenders' possessive before a capture noun: their retaking; the speaker's own army's
    # capture is the attackers'
    ({"defenders' capture"},
     "The army's capture of Herat on Monday lifted morale in Kabul, officials said.", THURSDAY,
     {("Herat", "retaken", "2021-08-09")}),
    ({"capture verb"},
     "The Taliban leader hailed his army's capture of Herat on Monday.", THURSDAY,
     {("Herat", "captured", "2021-08-09")}),
    # the ones surrounded are the attackers, not the town
    ({"attackers encircled"},
     "Afghan forces reached Kunduz on Monday after encircling hundreds of Taliban fighters.",
     THURSDAY, set()),
    ({"siege word"}, "Kunduz was encircled by hundreds of Taliban fighters on Monday.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-09")}),
    # half way to taking it is fighting for it
    ({"intent"}, "Government forces are halfway to recapturing Kunduz, residents said on Monday.",
     THURSDAY, {("Kunduz", "contested", "2021-08-09")}),
    # a recap in the pluperfect with "earlier": before the day the lede speaks of
    ({"before its context"},
     "On Monday, fighters captured Aybak.\n\nThe Taliban had earlier seized Zaranj, Sar-e-Pul "
     "and Taloqan.", THURSDAY,
     {("Aybak", "captured", "2021-08-09"), ("Zaranj", "captured", None),
      ("Sar-e Pul", "captured", None), ("Taloqan", "captured", None)}),
    ({"before its context"},
     "Kunduz fell on Monday. Herat had already been overrun by the group.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09"), ("Herat", "captured", None)}),
    # a hold of months began long before the lede's day
    ({"attackers controlled", "before its context"},
     "Kunduz fell on Monday. The Taliban had controlled Taloqan for months.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09"), ("Taloqan", "captured", None)}),
    # its own date stands
    ({"date in clause"}, "The Taliban had earlier seized Zaranj on Friday, officials said.",
     THURSDAY, {("Zaranj", "captured", "2021-08-06")}),
    ({"date in clause"}, "Kunduz fell on Sunday, officials said.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"date in sentence"}, "Fighters captured Aybak; officials confirmed it on Monday.", THURSDAY,
     {("Aybak", "captured", "2021-08-09")}),
    ({"relative to neighbour"},
     "Kunduz fell on Sunday, a day after the fall of Sheberghan.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Sheberghan", "captured", "2021-08-07")}),
    ({"earlier in paragraph"},
     "On Tuesday the offensive widened. Fighters captured Farah.", THURSDAY,
     {("Farah", "captured", "2021-08-10")}),
    ({"date heading"}, "Aug. 11:\n\nThe Taliban captured Herat.", THURSDAY,
     {("Herat", "captured", "2021-08-11")}),
    ({"list entry place"}, "- Aug. 8 - KUNDUZ. Fighters take the city.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"news day"}, "The Taliban captured Ghazni on Thursday.\n\nThe militants seized Herat.",
     THURSDAY, {("Ghazni", "captured", "2021-08-12"), ("Herat", "captured", "2021-08-12")}),
    # a weekday where a span starts ("since Friday") is no news day: the publication week
    ({"news day"}, "Three more capitals fell to the Taliban.\n\nThe Taliban took Kunduz "
     "around midnight. The group has taken nine capitals since Friday.", dt.date(2021, 8, 11),
     {("Kunduz", "captured", "2021-08-11")}),
    ({"year from the article"},
     "The deal was signed on Feb. 29, 2020. The troops left by May 1, 2021.\n\n"
     "Aug. 6: Zaranj falls to the Taliban.", None, {("Zaranj", "captured", "2021-08-06")}),
    ({"publication date from the text"},
     "A photo taken in Herat on August 13, 2021 shows fighters.\n\n"
     "The Taliban captured Herat on Friday.", None, {("Herat", "captured", "2021-08-13")}),
    ({"year from the period"}, "Aug. 8: Kunduz falls to the Taliban.", None,
     {("Kunduz", "captured", "2021-08-08")}),
    # a fear of falling is a threat ("for fear of" before the city's name)
    ({"intent"}, "Residents fled Kunduz on Monday for fear of the city falling into the hands "
     "of the Taliban.", THURSDAY, {("Kunduz", "besieged", "2021-08-09")}),
    # -- phenomena of the Karabakh review set ---------------------------------------------
    # a list of names before a plural kind of region, in capitals or not, is a list of
    # regions: districts too ("24 villages in the Fizuli, Djebrail and Zangilan Districts")
    ({"province level", "take verb"},
     "The Taliban took Kunduz on Sunday and now hold most of the Herat, Farah and Kandahar "
     "Regions.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    ({"province level", "defenders took it"},
     "Government forces took control of the city of Kunduz and 24 villages in the Khanabad, "
     "Farah and Herat districts on Sunday.", THURSDAY, {("Kunduz", "retaken", "2021-08-08")}),
    # a loss refuted is a claim the other side denies
    ({"hedge", "loss verb"}, "Officials on Friday refuted the information about the loss of "
     "Kunduz.", THURSDAY, {("Kunduz", "claimed", "2021-08-06")}),
    # what taking it would do: a gerund of the place's pronoun before a modal, for it and
    # for the place after (an event told beside it stays)
    ({"hypothetical gerund of a pronoun"},
     "Kunduz lies on a hill, and capturing it would facilitate the planned offensive on "
     "Taloqan.", THURSDAY, set()),
    ({"capture verb"},
     "The Taliban seized Kunduz on Sunday, and taking the city will open the road to Taloqan.",
     THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    # the establishment of control over a town: its capture, told as a noun
    ({"control phrase"}, "Officials confirmed the establishment of control over the city of "
     "Kunduz on Sunday.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    # -- phenomena of the Iraq 2003 review set -------------------------------------------
    # the place before the verb, people or arms its object: what was taken there (not a
    # fall to fighters, nor the city taken with them)
    ({"people or arms taken there"},
     "On their first foray into Kandahar, Taliban fighters captured an Afghan colonel.",
     THURSDAY, set()),
    ({"people or arms taken there"},
     "In Kandahar, the Taliban seized weapons and vehicles on Sunday.", THURSDAY, set()),
    ({"fall verb"}, "Kandahar was said to have fallen to Taliban fighters on Sunday.", THURSDAY,
     {("Kandahar", "captured", "2021-08-08")}),
    # parts of the place, told by what it is to someone: fighting for it
    ({"partial control"},
     "Fighters battle the scattered defenders in Kandahar on Saturday and gain control of parts "
     "of the Taliban leader's hometown.", THURSDAY, {("Kandahar", "contested", "2021-08-07")}),
    # "this city" of a datelined story is the dateline's town, in its paragraph and after
    # (a place the sentence names beside it only situates it)
    ({"this city of the dateline", "capture verb"},
     "KUNDUZ, Afghanistan (AP) — The Taliban captured this provincial capital, 200 miles north "
     "of Kabul, on Sunday.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    ({"this city of the dateline", "capture verb"},
     "HERAT, Afghanistan — Fighting raged on Monday.\n\nBy Tuesday, Taliban fighters had "
     "overrun this western city, residents said.", THURSDAY,
     {("Herat", "captured", "2021-08-10")}),
    # an occupation ended: the occupier left the town
    ({"occupation ended"}, "The Taliban ended their two-week occupation of Kunduz on Friday.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-06")}),
    ({"this city of the dateline", "occupation ended"},
     "KUNDUZ, Afghanistan, Aug. 6 -- The Taliban pulled out of the villages and ended their "
     "occupation of this northern city Friday, but officials said it had not complied.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-06")}),
    # -- phenomena of the Afrin review set -----------------------------------------------
    # a participle phrase opening the sentence has its own day, not that of a place after
    # it (nor is it the news day); a place inside it keeps it
    (set(), "Having taken the hill overlooking the town on Wednesday, Taliban fighters have "
     "captured Kunduz.", THURSDAY, {("Kunduz", "captured", "2021-08-12")}),
    (set(), "Having seized Kunduz on Sunday, the Taliban captured Taloqan.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Taloqan", "captured", "2021-08-12")}),
    # -- phenomena of the Sri Lanka review set --------------------------------------------
    # a district or county named for a town is the area, not the town
    (set(), "The army crossed into Kunduz District on July 31 and has since been engaged in "
     "clashes with the Taliban.", THURSDAY, set()),
    # a threat of falling is no fall
    ({"intent"}, "Kunduz is now under threat of falling to the Taliban.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-12")}),
    # the land and water named for a town are not the town
    ({"place as modifier"}, "Fierce battles erupted on the Kunduz lagoon front on Wednesday.",
     THURSDAY, set()),
    # a side's cause is no battle
    (set(), "The Taliban, who are fighting for a separate state in the south, hold land "
     "between government-controlled Herat and Kandahar.", THURSDAY, set()),
    # a phrase ending in "of" takes its object before the next verb, not a place after it
    (set(), "The army is now in control of the main highway and can supply the residents of "
     "Kunduz by road.", THURSDAY, set()),
    # the day of a relative clause is the place's it follows, not the sentence's
    ({"news day"}, "The Taliban captured Herat on Wednesday.\n\nThe southern part of Taloqan "
     "fell to troops advancing north from Kunduz which was seized on Friday.", THURSDAY,
     {("Herat", "captured", "2021-08-11"), ("Taloqan", "contested", "2021-08-11")}),
    # -- phenomena of the Central African Republic review set ------------------------------
    # one of a count taken on a day
    ({"take verb", "date in clause"},
     "The rebels took three towns on Aug. 8, including the northern city of Taloqan.",
     THURSDAY, {("Taloqan", "captured", "2021-08-08")}),
    # a bracket after a place named only as a destination says what became of it
    ({"control phrase"}, "The army was headed toward Kunduz (under rebel control since "
     "Tuesday) when it was attacked.", THURSDAY, {("Kunduz", "captured", "2021-08-10")}),
    # "the following day" counts from the day of the paragraph before, though it names no
    # place
    ({"control phrase", "hedge"},
     "The Taliban captured Kunduz on Sunday.\n\nOn Tuesday, a spokesman said the group had "
     "paused its offensive.\n\nBut the following day, the group claimed to control the "
     "town of Aybak.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Aybak", "claimed", "2021-08-11")}),
    # a place's change told again in its paragraph, after another place's day
    ({"told again"},
     "A source said fighters overran the town of Taloqan on Aug. 10. They came from Kunduz, "
     "a city they took on Aug. 8. Just like in Kunduz, they met no resistance in capturing "
     "Taloqan.", THURSDAY,
     {("Taloqan", "captured", "2021-08-10"), ("Kunduz", "captured", "2021-08-08")}),
    # the day of a reason is the reason's
    ({"news day"}, "The Taliban captured Kunduz on Wednesday.\n\nTaloqan fell without a shot "
     "being fired because the army had pulled back to Kunduz on Tuesday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-11"), ("Taloqan", "captured", "2021-08-11")}),
    # a dateline inside a paragraph (two versions of a story side by side)
    ({"dateline"}, "An earlier version follows. KUNDUZ, Afghanistan (AP) \u2014 Fighting raged "
     "on Tuesday, officials said.", THURSDAY, set()),
    # what was not there was the resistance, not the capture
    ({"capture verb"}, "The Taliban met no resistance in capturing Taloqan on Tuesday.",
     THURSDAY, {("Taloqan", "captured", "2021-08-10")}),
    # -- phenomena of the Libya 2019-20 review set ---------------------------------------
    # a gerund with its object after it is not the deed of a place before it
    ({"retake verb"}, "Crowds gathered in Kabul to celebrate the army retaking the Kunduz and "
     "Taloqan towns on Sunday.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-08"), ("Taloqan", "retaken", "2021-08-08")}),
    # a relative pronoun that stands for the place before it is the verb's object
    ({"take verb"}, "The fighters arrived from Kunduz, 60 km away, a city on the main road "
     "that they took on Aug. 8.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    # the officials of a place speak of another
    ({"place as modifier"}, "Fighters seized Taloqan south of Kunduz, witnesses and Kunduz "
     "officials said.", THURSDAY, {("Taloqan", "captured", "2021-08-12")}),
    # a place that qualifies a body ("Kabul-based") is not where the fighting is
    (set(), "Fighting raged on Tuesday, the rival Kabul-based government said.", THURSDAY,
     set()),
    # the land around a town is no siege of it
    (set(), "Kunduz and the surrounding villages were calm on Tuesday.", THURSDAY, set()),
    # fighting to take a place is an aim; the phrase's object is the place after it
    ({"control phrase", "intent"}, "Kunduz is the main base of the Taliban, which has been "
     "fighting to take control of the capital Kabul.", THURSDAY,
     {("Kabul", "besieged", "2021-08-12")}),
    # changes "since" a day are made on days of their own; a hold since a day began then
    ({"coarse recap"}, "The towns of Kunduz, Taloqan and Aybak, which the army has captured "
     "since Aug. 1, are quiet.", THURSDAY,
     {("Kunduz", "retaken", None), ("Taloqan", "retaken", None), ("Aybak", "retaken", None)}),
    # the capital named in apposition is the verb's object
    ({"take verb"}, "On Sunday, the rebels took the capital Kabul.", THURSDAY,
     {("Kabul", "captured", "2021-08-08")}),
    ({"at the gates"}, "Rebels are pushing closer to the capital, Kabul, officials said.",
     THURSDAY, {("Kabul", "besieged", "2021-08-12")}),
    # -- phenomena of the Mosul 2016-17 review set ----------------------------------------
    # a liberation from the attackers' control is the defenders' retaking; "respectively"
    # gives the dates listed to the places listed
    ({"liberated", "respectively"},
     "Forces hailed the liberation of Kunduz and Taloqan from Taliban control in July and "
     "August, respectively.", dt.date(2021, 9, 12),
     {("Kunduz", "retaken", "2021-07-15"), ("Taloqan", "retaken", "2021-08-15")}),
    ({"on the way to"}, "It was an important step towards the liberation of Herat, the "
     "minister said.", THURSDAY, set()),
    # the day of "after retaking X on Tuesday" is X's
    ({"at the gates", "news day"}, "The Taliban captured Ghazni on Thursday.\n\nAfghan forces "
     "are pushing closer to the city of Kunduz after retaking the town of Taloqan on Tuesday.",
     THURSDAY, {("Ghazni", "captured", "2021-08-12"),
      ("Kunduz", "besieged", "2021-08-12"), ("Taloqan", "retaken", "2021-08-10")}),
    # a siege "for several days" has no day it began: the day the sentence gives is its
    ({"siege word", "date in clause"}, "Some civilians have begun Saturday morning to flee "
     "the militant-held town of Kunduz, encircled by the Taliban for several days.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-07")}),
    # a verb phrase of its own, with the place in it, stands between the verb and the place
    (set(), "Afghan forces had previously captured a nearby air field and hope to make Kunduz "
     "a base for an assault on Taloqan.", THURSDAY, set()),
    # ... nor a verb of its own with its own object
    ({"fighting word"}, "On Monday, an armed group stormed the pumping station at Baghlan and "
     "shut off the pipeline, effectively cutting off the water supply to Kunduz, Taloqan, Aybak "
     "and Herat.", THURSDAY, {("Pul-e-Khumri", "contested", "2021-08-09")}),
    # a supply cut is no siege; talks to hand a city over are no surrender
    (set(), "The militants cut off electricity in Kunduz on Monday.", THURSDAY, set()),
    ({"intent"}, "Peaceful talks to hand over the city of Kunduz failed on Monday.", THURSDAY,
     set()),
    # an entry under a list heading keeps the heading's status when a later sentence of
    # it says "the city" and nothing happens in it
    ({"list heading"}, "Provincial capitals captured by the Taliban\n\nAug. 12 -- Herat: "
     "Afghanistan's third-largest city. The city is quiet.", dt.date(2021, 8, 14),
     {("Herat", "captured", "2021-08-12")}),
    # -- phenomena of the Georgia 2008 review set -----------------------------------------
    # "the town", with a word before it, is the one town its paragraph named before
    ({"the city named before", "capture verb"},
     "Residents say life goes on here in Kunduz. Taliban fighters seized the sleepy town on "
     "Aug. 8.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    # a capital that stands for its government tried, with a day between, to retake a place
    ({"intent"}, "Kabul attempted last week to retake Kunduz.", THURSDAY,
     {("Kunduz", "contested", "2021-08-05")}),
    # -- phenomena of the Taliban 1994-2001 review set -----------------------------------
    # the attackers in control of a place on a day
    ({"attackers controlled"}, "Residents said the Taliban were in control of Kunduz on "
     "Sunday.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    # a dateline that lost its dash, its country in mixed case
    ({"dateline"}, "KABUL, Afghanistan The ruling Taleban army captured a key northern city in "
     "Afghanistan yesterday after heavy fighting, seizing 80 prisoners.", THURSDAY, set()),
    # the old year of a "since" clause after the trigger is that clause's
    ({"take verb", "news day"}, "The Taliban took Kunduz, the first time since the Soviet "
     "army left the country in 1989.", THURSDAY, {("Kunduz", "captured", "2021-08-12")}),
    # a chronology's year headings: the dates below them are of that year, whatever the
    # page's own date (a chronology of 2015 posted in 2021)
    ({"year heading", "date heading"},
     "Afghanistan timeline - Year 2015\n\nSeptember 28\n\nThe Taliban captured Kunduz.",
     dt.date(2021, 5, 30), {("Kunduz", "captured", "2015-09-28")}),
    ({"year heading", "date in clause"},
     "Timeline of the war\n\n2015\n\nSeptember\n\n  \u2022 28 September: Insurgents took "
     "control of Kunduz[1]\n\n2016\n\nOctober\n\n  \u2022 3 October: Insurgents entered "
     "Kunduz again[2]", None,
     {("Kunduz", "captured", "2015-09-28"), ("Kunduz", "contested", "2016-10-03")}),
    # a day's entries set out below its date, each a line without a full stop
    ({"year heading", "date heading"},
     "2016\n\n  \u2022 3 October:\n    \u2022 Insurgents entered Kunduz[3]\n"
     "    \u2022 Insurgents took control of Taloqan.[4]", None,
     {("Kunduz", "contested", "2016-10-03"), ("Taloqan", "captured", "2016-10-03")}),
    # -- phenomena of the eleventh review set ------------------------------------------------
    # "liberated" is each side's word for its own gains
    ({"liberated in the attackers' words", "hedge"},
     "\u201cWe confirm that Kunduz is now liberated,\u201d a Taliban spokesman posted on Monday.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-09")}),
    ({"liberated"}, "Afghan forces said they had liberated Kunduz from the Taliban on Monday.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-09")}),
    # a hyphen is a spelling
    ({"retake verb"}, "Government forces were re-capturing the northern city of Kunduz on Tuesday.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-10")}),
    # the day of a move is not the place moved on
    ({"entered"}, "Taliban fighters advanced on Sunday into the centre of Kunduz, residents said.",
     THURSDAY, {("Kunduz", "contested", "2021-08-08")}),
    ({"at the gates"}, "Taliban fighters advanced on Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-08")}),
    ({"condition"},
     "Militias were deployed in Kunduz in case the Taliban returned and tried to recapture the "
     "town.", THURSDAY, set()),
    ({"fighting over"}, "The battle for Kunduz is over, a Taliban spokesman said on Monday.",
     THURSDAY, set()),
    ({"fighting word"}, "The battle for Kunduz raged on Monday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-09")}),
    # a site inside the city is part of it
    ({"partial control"}, "Commandos took back control of the city's main square in Kunduz on "
     "Monday.", THURSDAY, {("Kunduz", "contested", "2021-08-09")}),
    ({"place in a name", "hedge"}, "The Kunduz Liberation Front said it had captured Taloqan on "
     "Sunday.", THURSDAY, {("Taloqan", "claimed", "2021-08-08")}),
    # the next sentence says it is not confirmed
    ({"dispute next sentence"}, "Sources said Lashkar Gah was also under Taliban control on "
     "Thursday. However, it has yet to be confirmed.", THURSDAY,
     {("Lashkar Gah", "claimed", "2021-08-12")}),
    # the province handed over whole: its capital surrendered
    ({"province taken whole", "surrender verb"},
     "The governor of Ghazni province handed over the province to the Taliban on Thursday.",
     THURSDAY, {("Ghazni", "surrendered", "2021-08-12")}),
    # a relative clause after a place that a bearing brings in tells of that place
    ({"bearing"}, "Ghazni lies 80 miles south of Kabul, which the Taliban threatened on Sunday.",
     THURSDAY, set()),
    ({"capture verb"}, "Taloqan, the capital of Takhar, which the Taliban captured on Sunday, is "
     "calm.", THURSDAY, {("Taloqan", "captured", "2021-08-08")}),
    # a pronoun object stands for the nearest place before the verb
    ({"siege word"},
     "The Taliban's control of Kunduz would let them besiege Taloqan from the east after they "
     "besieged it from the south on Monday.", THURSDAY, {("Taloqan", "besieged", "2021-08-09")}),
    # "a day after <the attackers took X>": a day before the day the sentence speaks of
    ({"relative to neighbour"},
     "On Wednesday, the Taliban attacked Taloqan. The attack took place a day after the "
     "Taliban took control of Kunduz.", THURSDAY,
     {("Kunduz", "captured", "2021-08-10"), ("Taloqan", "contested", "2021-08-11")}),
    # "and <place>" with a verb of its own after it borrows no trigger
    ({"capture verb"}, "The Taliban captured Zaranj on Friday, and Kunduz was quiet on Sunday.",
     THURSDAY, {("Zaranj", "captured", "2021-08-06")}),
    # -- phenomena of the twelfth review set -------------------------------------------------
    # a place and a date without a dash open the paragraph: the dateline
    ({"dateline", "entered"},
     "Kabul, Aug 12 Taliban fighters entered the northern city of Kunduz, officials said.",
     THURSDAY, {("Kunduz", "contested", "2021-08-12")}),
    # "if confirmed": a claim, and no one confirms it
    ({"hedge"}, "If confirmed, the capture of Kunduz by the Taliban would be another major "
     "setback for the government.", THURSDAY, {("Kunduz", "claimed", "2021-08-12")}),
    ({"hypothetical"}, "The capture of Kunduz would be a major setback.", THURSDAY, set()),
    # the government a city seats
    ({"place as modifier", "control phrase"},
     "The group seized control of Kunduz on Sunday in a show of strength against the Kabul "
     "government.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    # when the war broke out is no fighting in the place
    ({"outbreak of the war"},
     "Since fighting broke out on April 15 between the army and the Taliban, the city of Kunduz "
     "became a haven for thousands of displaced people.", THURSDAY, set()),
    ({"fighting word"}, "Fighting broke out in Kunduz on Monday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-09")}),
    # one of a count, named: its object, a day before the sentence's day
    ({"take verb", "relative to neighbour"},
     "The Taliban seized Aybak on Monday, officials said, a day after the insurgent group took "
     "three others, including the strategic and economically important city of Kunduz.",
     THURSDAY, {("Aybak", "captured", "2021-08-09"), ("Kunduz", "captured", "2021-08-08")}),
    # a route between two cities: both are the route
    ({"direction or route", "capture verb"},
     "Taliban fighters captured Pul-e-Khumri, a town on the road between the cities of Kabul "
     "and Mazar-i-Sharif, on Monday.", THURSDAY, {("Pul-e-Khumri", "captured", "2021-08-09")}),
    ({"capture verb"}, "Fighters advanced to Kunduz and captured Taloqan on Monday.", THURSDAY,
     {("Taloqan", "captured", "2021-08-09")}),
    # the speaker's own forces' deed: their claim
    ({"hedge"}, "The Taliban commander said his fighters had taken full control of Kunduz on "
     "Sunday.", THURSDAY, {("Kunduz", "claimed", "2021-08-08")}),
    # a season past sets the sentence in another time
    ({"background"}, "The Taliban launched a costly bid to seize Kunduz last autumn, "
     "reminiscent of the battle for Ghazni.", THURSDAY, set()),
    # -- phenomena of the thirteenth review set ------------------------------------------------
    # a hold with an object of its own; an adjective of other places
    ({"hypothetical", "contested as an adjective"},
     "The fall of Herat would be a devastating blow to the government in Kabul, which now "
     "controls a scattered archipelago of contested cities.", THURSDAY, set()),
    ({"control phrase"}, "Kunduz, which the Taliban now control, is calm.", THURSDAY,
     {("Kunduz", "captured", "2021-08-12")}),
    # "did not mean the city had fallen"
    ({"negation"}, "Although Taliban forces are in Herat, the governor's spokesman said it did "
     "not mean the city had fallen.", THURSDAY, set()),
    # a story filed from two places: both are the dateline
    ({"dateline"}, "KABUL/ISLAMABAD \u2014 The Taliban said on Monday they had captured it after "
     "days of fighting.", THURSDAY, set()),
    # -- phenomena of the fourteenth review set ------------------------------------------------
    # parts of a city entered are the city's
    ({"entered", "coordination"},
     "Taliban fighters have entered parts of Kandahar, Herat and Lashkar Gah, officials said on "
     "Monday.", THURSDAY, {("Kandahar", "contested", "2021-08-09"),
                           ("Herat", "contested", "2021-08-09"),
                           ("Lashkar Gah", "contested", "2021-08-09")}),
    # control over, claimed or extended, is control of
    ({"control phrase", "hedge"},
     "Late on Tuesday the insurgents claimed control over Ghazni, the capital of the province "
     "of the same name.", THURSDAY, {("Ghazni", "claimed", "2021-08-10")}),
    ({"control phrase", "hedge"},
     "Our forces extended full control over Ghazni on Tuesday, a Taliban spokesman said.",
     THURSDAY, {("Ghazni", "claimed", "2021-08-10")}),
    # a condition opens the sentence: what follows would be
    ({"conditional opening"},
     "If captured, Ghazni would be the third provincial capital overrun by the insurgents this "
     "week.", THURSDAY, set()),
    # the capital named by its province
    ({"capital of the same name"},
     "A lawmaker from the northern province of Baghlan confirmed on Tuesday that his province's "
     "capital of the same name had fallen to the Taliban.", THURSDAY,
     {("Pul-e-Khumri", "captured", "2021-08-10")}),
    # a date line after the publication is the page's date
    ({"page date", "news day"}, "14th August 2021\n\nThe Taliban captured Ghazni, officials said.",
     THURSDAY, {("Ghazni", "captured", "2021-08-12")}),
    # pressing to take it is an intent
    ({"intent"}, "Fighters have been pressing to capture Kandahar for weeks.", THURSDAY,
     {("Kandahar", "besieged", "2021-08-12")}),
    ({"at the gates"}, "The insurgents had advanced to the edge of Herat late on Monday.",
     THURSDAY, {("Herat", "besieged", "2021-08-09")}),
    # statements dismissed are claims
    ({"hedge"}, "The government dismissed statements that the Taliban had taken Herat on Monday.",
     THURSDAY, {("Herat", "claimed", "2021-08-09")}),
    # a link to another story is no part of the next line
    ({"hypothetical gerund"},
     "READ: Taliban fighters capture Herat in a night raid\nTaking Kandahar would be the "
     "biggest prize of the war for the insurgents.", THURSDAY, set()),
    # the intent's verb goes on, bare
    ({"intent goes on"},
     "The Taliban seek to surround Kandahar, capture Lashkar Gah and cut the road to Herat.",
     THURSDAY, {("Kandahar", "besieged", "2021-08-12"), ("Lashkar Gah", "besieged", "2021-08-12")}),
    # the gerund the subject of a verb in the present: what taking it means
    ({"hypothetical gerund"}, "Taking Kandahar gives the Taliban control of the south.",
     THURSDAY, set()),
    ({"hypothetical gerund"}, "Capturing Herat and Kandahar marks a turning point, analysts say.",
     THURSDAY, set()),
    ({"capture verb"}, "Seizing Ghazni was the easy part.", THURSDAY,
     {("Ghazni", "captured", "2021-08-12")}),
    # -- phenomena of the fifteenth review set -------------------------------------------------
    # the city taken, and a building of it named after it
    ({"capture verb", "hedge"},
     "The Taliban said they had seized Farah and the governor's office on Tuesday.", THURSDAY,
     {("Farah", "claimed", "2021-08-10")}),
    ({"seized part of the city"},
     "The Taliban seized the prison and the governor's office in Farah on Tuesday.", THURSDAY,
     {("Farah", "contested", "2021-08-10")}),
    # where the troops withdrew to is not the place they left
    ({"withdrew elsewhere"}, "Government troops withdrew to a base that overlooks Kunduz on "
     "Monday.", THURSDAY, set()),
    # the attackers' "liberation" is their capture before the rules of its object read it
    ({"liberated in the attackers' words", "object before place"},
     "The Taliban issued a statement saying they had managed to liberate the 217th Corps in "
     "Kunduz.", THURSDAY, set()),
    ({"defenders withdrew"}, "Government troops withdrew from Kunduz on Monday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09")}),
    # -- phenomena of the sixteenth review set -------------------------------------------------
    # a rank among the falls, forecast
    ({"ranked among the falls"},
     "Herat would be the seventh provincial capital that falls to the Taliban since Friday.",
     THURSDAY, set()),
    # a dateline with its agency and no dash
    ({"dateline", "bearing"},
     "Kabul, Aug 11 (IANS) Taliban fighters have seized Pul-e-Alam, located 60 km south of "
     "Kabul.", THURSDAY, {("Pul-e-Alam", "captured", "2021-08-11")}),
    # "Kabul, which said": the government speaks
    ({"capital as government", "hedge"},
     "The Taliban said they had taken Ghazni, a claim rejected by Kabul, which said fierce "
     "fighting was continuing.", THURSDAY, {("Ghazni", "claimed", "2021-08-12")}),
    # a condition with a clause of its own opens the sentence
    ({"conditional opening"},
     "If the Taliban capture Kandahar, they would cut off Lashkar Gah from the north.",
     THURSDAY, set()),
    # a counterattack to retake it is an intent
    ({"intent"}, "The army said on Monday it was preparing for a counterattack to retake Kunduz.",
     THURSDAY, {("Kunduz", "contested", "2021-08-09")}),
    # a place named to situate another, with the capital's own apposition after it
    ({"bearing"}, "Taliban fighters took control of Charikar, north of Kabul, the capital of Kabul "
     "province, on Monday.", THURSDAY, {("Charikar", "captured", "2021-08-09")}),
    # -- phenomena of the seventeenth review set -----------------------------------------------
    # "haven't confirmed": the next sentence disputes this one
    ({"dispute next sentence"}, "Taliban fighters took full control of Kunduz on Sunday. Afghan "
     "officials haven't confirmed the claim.", THURSDAY, {("Kunduz", "claimed", "2021-08-08")}),
    # to keep it from falling is to fight off its fall
    ({"intent"}, "Afghan forces spent weeks trying to keep Herat from falling to the Taliban.",
     THURSDAY, {("Herat", "besieged", "2021-08-12")}),
    # the speaker named after a quote speaks all of it
    ({"liberated in the attackers' words", "hedge"},
     "\u201cOur forces have succeeded in liberating Kunduz, the capital of Kunduz province, and "
     "have established full control over it,\u201d the Taliban said in a statement on Monday.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-09")}),
    # a count, then "of" and the places, each with its province in brackets
    ({"capture verb", "hedge"},
     "The Taliban claimed to have captured two more provincial capitals of Tarin Kot (Uruzgan) "
     "and Firoz Koh (Ghor) on Saturday.", THURSDAY,
     {("Tarinkot", "claimed", "2021-08-07"), ("Chaghcharan", "claimed", "2021-08-07")}),
    # -- review set 22 --
    # a retreat across the country is from no place; from a place named, it is that place's
    ({"withdrew elsewhere"}, "As government troops retreated across the country, Kunduz asked "
     "for help on Monday.", THURSDAY, set()),
    ({"fall verb"}, "The collapse of Kunduz on Monday was a blow to the government.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09")}),
    ({"fall verb", "object before place"}, "The collapse of the Afghan army in Kunduz surprised "
     "officials on Tuesday.", THURSDAY, set()),
    ({"attack verb"}, "The Taliban began attacking Kunduz on Monday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-09")}),
    ({"attack verb"}, "Kunduz was attacked on Monday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-09")}),
    ({"attack verb", "attack from the air"}, "The Taliban attacked Kunduz with rockets on Monday.",
     THURSDAY, set()),
    ({"attack verb", "attacked something after it"}, "In Kunduz, protesters attacked a police "
     "station on Monday.", THURSDAY, set()),
    ({"offensive launched"}, "The Taliban launched an offensive on Kunduz on Monday.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-09")}),
    # (an offensive launched on a day: the day, not the target)
    ({"attack verb"}, "When the Taliban launched their offensive on Monday, they attacked "
     "Kunduz.", THURSDAY, {("Kunduz", "contested", "2021-08-09")}),
    ({"fighting word", "an end to fighting"}, "Kunduz elders called for an end to the fighting "
     "on Monday.", THURSDAY, set()),
    ({"fell to the defenders"}, "Kunduz fell to government forces on Monday.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-09")}),
    ({"fall verb", "fell to the government"}, "Kunduz fell back into government hands on Monday.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-09")}),
    ({"fall verb"}, "Kunduz fell to the Taliban on Monday, government officials said.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09")}),
    # the date of a relative clause telling when the war began is not the siege's
    ({"siege word", "news day"}, "Kunduz has been besieged for much of the war between the "
     "army and the Taliban, which broke out in April 2019.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-12")}),
    ({"siege word"}, "The army broke the siege of Kunduz on Monday.", THURSDAY,
     {("Kunduz", "besieged", "2021-08-09")}),
    # "hours before the fall of Kunduz" counts from Kunduz's fall, not the last event's day
    ({"capture verb", "fall verb"}, "The Taliban captured Kunduz on Sunday.\n\nOn Tuesday they "
     "took Ghazni.\n\nTaloqan was captured hours before the fall of Kunduz.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Ghazni", "captured", "2021-08-10"),
      ("Taloqan", "captured", "2021-08-08")}),
    ({"capture verb", "fall verb"}, "The Taliban captured Kunduz on Sunday.\n\nTaloqan was "
     "captured a day before the fall of Kunduz.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Taloqan", "captured", "2021-08-07")}),
    # -- review set 23 --
    ({"entered"}, "Taliban fighters have entered the strategic northern Afghan city of Kunduz.",
     THURSDAY, {("Kunduz", "contested", "2021-08-12")}),
    # a purpose after a comma, and after an attack, is an intent
    ({"capture verb", "intent"}, "The Taliban massed fighters on Monday, to completely capture "
     "Kunduz.", THURSDAY, {("Kunduz", "besieged", "2021-08-09")}),
    ({"retake verb", "intent"}, "Government columns were attacking to retake Kunduz on Monday.",
     THURSDAY, {("Kunduz", "contested", "2021-08-09")}),
    # a trigger followed by a year of its own tells another time than the sentence's day
    ({"entered"}, "Taliban fighters entered Kunduz on Monday, the first time since government "
     "forces recaptured the city in 2016.", THURSDAY, {("Kunduz", "contested", "2021-08-09")}),
    ({"retake verb", "background after the trigger"}, "Government forces recaptured Kunduz in "
     "2016, officials said on Monday.", THURSDAY, set()),
    ({"defenders withdrew"}, "Afghan forces withdrew from their positions in Kunduz on Monday.",
     THURSDAY, {("Kunduz", "captured", "2021-08-09")}),
    ({"defenders withdrew", "an exception"}, "Afghan forces withdrew from the entire Kunduz "
     "province on Monday, with the exception of the city of Taloqan.", THURSDAY, set()),
    # the Taliban's own name for their fighters, and their spokesman's surname alone
    ({"attackers retook", "hedge"}, "\"Kunduz has been liberated by the mujahedin,\" Mujahid "
     "said on Monday.", THURSDAY, {("Kunduz", "claimed", "2021-08-09")}),
    ({"attackers retook", "hedge"}, "The Taliban claimed on Monday they have re-taken Kunduz.",
     THURSDAY, {("Kunduz", "claimed", "2021-08-09")}),
    # a standfirst without its full stop above the lede gives no news day
    ({"control phrase", "news day"}, "Fighters of the movement also said they had taken control "
     "of the city of Zaranj, the capital of Nimroz province in the southwest, early on Friday "
     "afternoon\n\nThe Taliban on Thursday captured Kunduz.\n\nThe city of Taloqan has fallen, "
     "an official said.", THURSDAY,
     {("Zaranj", "claimed", "2021-08-06"), ("Kunduz", "captured", "2021-08-12"),
      ("Taloqan", "captured", "2021-08-12")}),
    ({"place as modifier"}, "The Taliban captured the Kunduz-Taloqan route on Monday.", THURSDAY,
     set()),
    ({"direction or route"}, "Taliban fighters captured two villages located near the "
     "industrial town of Kunduz on Monday.", THURSDAY, set()),
    ({"direction or route"}, "The rebels captured the highways linking the northern city of "
     "Kunduz to the capital on Monday.", THURSDAY, set()),
    # -- review set 24 --
    # "May" the month is no modal
    ({"capture verb"}, "The capture of Kunduz represents the Taliban's biggest victory since "
     "May.", THURSDAY, {("Kunduz", "captured", "2021-08-12")}),
    ({"control phrase", "hedge"}, "The Taliban said Saturday it had taken \"full control\" of "
     "Kunduz.", THURSDAY, {("Kunduz", "claimed", "2021-08-07")}),
    ({"attack verb"}, "The Taliban assaulted Kunduz on Monday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-09")}),
    ({"fighting word", "the fighting told again"}, "The fighting adds to the crisis points in "
     "the country, including a series of suicide attacks in the city of Kunduz.", THURSDAY,
     set()),
    ({"fighting word"}, "The fighting in Kunduz continued on Monday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-09")}),
    # the defenders named before a capture verb retake the place
    ({"defenders took it"}, "Afghan troops captured Kunduz on Monday.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-09")}),
    ({"defenders took it"}, "Government forces took full control of Kunduz on Monday.",
     THURSDAY, {("Kunduz", "retaken", "2021-08-09")}),
    ({"capture verb", "hedge"}, "The Taliban commander said his troops had seized Kunduz on "
     "Monday.", THURSDAY, {("Kunduz", "claimed", "2021-08-09")}),
    ({"defenders took it", "the defenders' claim"}, "Government forces have reportedly taken "
     "control of Kunduz on Monday.", THURSDAY, {("Kunduz", "claimed", "2021-08-09")}),
    ({"speaker's place"}, "Fighting was heavy on Monday, said a trader who works in Kunduz.",
     THURSDAY, set()),
    # -- review set 25 --
    # "the Helmand city of Gereshk": another city of the province, not its capital
    ({"province as adjective"}, "The Taliban seized the Helmand city of Gereshk on Monday.",
     THURSDAY, set()),
    ({"direction or route"}, "The Taliban seized Taloqan on Monday, giving them momentum "
     "toward tackling Kunduz.", THURSDAY, {("Taloqan", "captured", "2021-08-09")}),
    ({"capital as government"}, "Fighting raged in Ghazni on Monday, after Kabul vowed that the "
     "city was firmly under government control.", THURSDAY,
     {("Ghazni", "contested", "2021-08-09")}),
    # verb phrases joined by a comma, as in a headline: the verb right before a place is its own
    ({"capture verb", "at the gates"}, "Taliban fighters seized Kunduz on Monday, closed in on "
     "Taloqan.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09"), ("Taloqan", "besieged", "2021-08-09")}),
    # a report in the present after a paragraph of dated narrative is of the news day
    ({"offensive launched", "news day"}, "Officials spoke to reporters in Kabul on Thursday."
     "\n\nLate on Sunday, fighters entered Kunduz. It is reported that the Taliban have "
     "launched an offensive on Taloqan.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08"), ("Taloqan", "besieged", "2021-08-12")}),
    # -- read on reports of other wars (review sets of this round) ---------------------------
    # fighters named for where they come from are not that place taken
    ({"place in a name"},
     "Helmand fighters said they had taken control of a key city on Sunday.", THURSDAY, set()),
    # what falls stands before the verb; a place after another verb is that verb's
    ({"fall verb", "at the gates"},
     "Kunduz had fallen to fighters seeking to close in on Taloqan on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08"), ("Taloqan", "besieged", "2021-08-08")}),
    # the fall of a place after "of" is that place's, not one named before the noun
    ({"fall verb"}, "Herat mourned the fall of Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    ({"speaker's place", "loss verb"},
     "A commander, reached by phone in Kabul, confirmed the loss of Kunduz on Sunday.",
     THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    # "though" opens a clause of its own; "remained" is a verb of its own
    ({"fall verb"}, "Officials said Herat remained quiet though Kunduz fell on Sunday.",
     THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    (set(), "Government forces regained control over most of the north on Sunday, but Kunduz "
     "remains beyond their reach.", THURSDAY, set()),
    # a date of the place's earlier event, told in a relative clause, is not this one's
    ({"regain control"}, "Government forces regained control of Kunduz, whose capture by the "
     "Taliban eight days ago shocked the country.", THURSDAY,
     {("Kunduz", "retaken", "2021-08-12")}),
    # the words that describe the city before its name: its country's adjective too
    ({"take verb"}, "The Taliban have taken the northern Afghan city of Kunduz.", THURSDAY,
     {("Kunduz", "captured", "2021-08-12")}),
    # defenders forced out of the place: its capture; an official of a nearby town
    ({"defenders withdrew"}, "Taliban fighters attacked Kunduz on Sunday, quickly forcing "
     "Afghan army units to withdraw.", THURSDAY, {("Kunduz", "captured", "2021-08-08")}),
    ({"office"}, "Clashes continued on Sunday, said the head of the council of nearby Kunduz.",
     THURSDAY, set()),
    # the noun of entering; neighbourhoods "in the west of the city": parts of it
    ({"entered"}, "Taliban fighters announced their entry into Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "contested", "2021-08-08")}),
    ({"entered"}, "Fighters entered five neighborhoods in the west of the city of Kunduz on "
     "Sunday.", THURSDAY, {("Kunduz", "contested", "2021-08-08")}),
    # "on Sunday, a day after the rebels claimed control of X": X a day before
    ({"relative to neighbour"}, "If confirmed, the capture of Kunduz on Sunday, a day after the "
     "rebels claimed control of Taloqan, would be a blow.", THURSDAY,
     {("Kunduz", "claimed", "2021-08-08"), ("Taloqan", "claimed", "2021-08-07")}),
    # a phrase's "of" takes the place after it, not one further on
    ({"control phrase"}, "The Taliban claimed control of Taloqan on Sunday, alarming Kabul.",
     THURSDAY, {("Taloqan", "claimed", "2021-08-08")}),
    # a verb whose object is a part of a region named after it is not a place's before it
    (set(), "\u201cWe hold Kunduz,\u201d a spokesman said, since they retook most of "
     "Badakhshan province in June.", THURSDAY, set()),
    # defenders counted, then driven from their positions in the place
    ({"defenders driven out"}, "Taliban fighters ousted around 200 army soldiers from their "
     "positions in the northern city of Kunduz on Sunday.", THURSDAY,
     {("Kunduz", "captured", "2021-08-08")}),
    # a distance from a place named after what it is to someone
    ({"distance"}, "Fighters seized Ghazni on Sunday, 150 kilometres from the movement's "
     "spiritual home, Kandahar.", THURSDAY, {("Ghazni", "captured", "2021-08-08")}),
    # "several days after" counts no days
    ({"fall verb"}, "Fighters took Taloqan on Sunday. Kunduz's fall came several days after "
     "that of Herat, officials said.", THURSDAY,
     {("Taloqan", "captured", "2021-08-08"), ("Kunduz", "captured", "2021-08-08")}),
    # an assault begun on a place is a fight for it, on the day it began
    ({"attack verb"}, "The Taliban began their assault on Kunduz on Sunday, officials said.",
     THURSDAY, {("Kunduz", "contested", "2021-08-08")}),
    # a count of days back from the day of writing
    ({"fall verb"}, "Kunduz has fallen three days back, a commander said.", THURSDAY,
     {("Kunduz", "captured", "2021-08-09")}),
]


@pytest.fixture(scope="module")
def afghan():
    return Extractor(Gazetteer.load())


@pytest.fixture(scope="module")
def congo():
    return Extractor(Gazetteer.load(package_data() / "drc.csv"))


def read(extractor, text, published):
    trace: list[dict] = []
    events = extractor.extract(Article(text=text, published=published), trace=trace)
    found = {
        (extractor.gazetteer.place(e.place_id).name, e.status, e.date and e.date.isoformat())
        for e in events
    }
    fired = {name for note in trace for name in note.get("fired", [])}
    return found, fired, events


@pytest.mark.parametrize(("exercised", "text", "published", "expected"), AFGHAN)
def test_rule_on_an_article_of_our_own(afghan, exercised, text, published, expected):
    found, fired, _ = read(afghan, text, published)
    assert found == expected
    assert exercised <= fired, f"rules that did not fire: {exercised - fired}"


# Another conflict: the same rules, with the DR Congo's places and profile.
CONGO = [
    ("Rebels took full control of Goma on Monday.", {("Goma", "captured", "2025-01-27")}),
    ("Goma fell to the rebels on Monday.", {("Goma", "captured", "2025-01-27")}),
    ("M23 fighters entered the city centre of Bukavu on Sunday.",
     {("Bukavu", "contested", "2025-01-26")}),
    ("The Congolese army withdrew from Bukavu on Sunday.", {("Bukavu", "captured", "2025-01-26")}),
    ("Wazalendo fighters regained control of Goma on Tuesday.",
     {("Goma", "retaken", "2025-01-28")}),
    ("The M23 said it had captured Goma on Monday.", {("Goma", "claimed", "2025-01-27")}),
    ("Lawrence Kanyuka announced that Bukavu had fallen on Sunday.",
     {("Bukavu", "claimed", "2025-01-26")}),
    ("Rebels advanced towards Bukavu on Tuesday.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CONGO)
def test_other_conflicts_wording(congo, text, expected):
    found, _, _ = read(congo, text, WEDNESDAY_2025)
    assert found == expected


def test_the_profile_names_the_actors_not_the_core(afghan, congo):
    """'The M23 said' is a claim only where the profile names the M23."""
    text = "The M23 said it had taken control of Goma on Monday."
    generic = Extractor(Gazetteer.load(package_data() / "drc.csv"), profile=None)
    assert read(congo, text, WEDNESDAY_2025)[0] == {("Goma", "claimed", "2025-01-27")}
    assert generic.profile.attackers  # the places file brought its profile
    assert "Taliban" not in " ".join(rule[2] for rule in rules.triggers.TRIGGER_RULES)


def test_conflicts_read_in_turn_in_one_process_keep_their_own_sides():
    """A worker process makes each conflict's patterns once: whichever comes first,
    the next one reads with its own sides and spokesmen."""
    congo_text = "M23 spokesman Lawrence Kanyuka said Goma had fallen on Monday."
    afghan_text = "Zabihullah Mujahid said Kunduz had fallen on Monday."
    for _ in range(2):
        congo = Extractor(Gazetteer.load(package_data() / "drc.csv"))
        afghan = Extractor(Gazetteer.load())
        generic = Extractor(Gazetteer.load(package_data() / "drc.csv"), profile=Profile())
        assert read(congo, congo_text, WEDNESDAY_2025)[0] == {("Goma", "claimed", "2025-01-27")}
        assert read(afghan, afghan_text, THURSDAY)[0] == {("Kunduz", "claimed", "2021-08-09")}
        assert read(generic, congo_text, WEDNESDAY_2025)[0] == {("Goma", "captured", "2025-01-27")}


def test_a_side_that_says_its_own_troops_liberated_a_town_claims_its_capture():
    """'Its troops' are the speaker's: the attackers' word for their own gain, told by
    their ministry, is their claim; the defenders' troops liberating it retake it."""
    ukraine = Extractor(Gazetteer.load(package_data() / "ukraine.csv"))
    published = dt.date(2025, 1, 8)
    said = "Russia's Defence Ministry on Tuesday said its troops had liberated Pokrovsk."
    assert read(ukraine, said, published)[0] == {("Pokrovsk", "claimed", "2025-01-07")}
    theirs = "Ukrainian troops liberated Kupiansk on Tuesday."
    assert read(ukraine, theirs, published)[0] == {("Kupiansk", "retaken", "2025-01-07")}


def test_the_side_whose_office_speaks_of_its_troops_is_the_side_that_withdrew():
    """'Russia's defense ministry said Saturday that its troops were withdrawing': the
    attackers withdrew (a retaking), not the defenders; 'Ukraine's army said Wednesday it
    was withdrawing' is the defenders' (a capture)."""
    ukraine = Extractor(Gazetteer.load(package_data() / "ukraine.csv"))
    published = dt.date(2022, 10, 2)
    russia = ("Russia's defense ministry said Saturday that its troops were withdrawing from the "
              "town of Lyman in eastern Ukraine.")  # fmt: skip
    assert read(ukraine, russia, published)[0] == {("Lyman", "retaken", "2022-10-01")}
    kyiv = "Ukraine's army said Saturday it was withdrawing from the eastern town of Lyman."
    assert read(ukraine, kyiv, published)[0] == {("Lyman", "captured", "2022-10-01")}


def test_a_front_named_for_a_city_is_no_event_of_the_city():
    ukraine = Extractor(Gazetteer.load(package_data() / "ukraine.csv"))
    text = ("\u201cOn the Donetsk front, units of the southern group liberated the village of "
            "Novyi and improved their positions,\u201d the ministry said.")  # fmt: skip
    found, fired, _ = read(ukraine, text, dt.date(2024, 2, 22))
    assert found == set()
    assert "place as modifier" in fired


def test_a_province_after_in_says_where_a_town_is_not_that_it_was_taken():
    ukraine = Extractor(Gazetteer.load(package_data() / "ukraine.csv"))
    text = ("Russia said on Thursday that 80 percent of Vovchansk in Kharkiv region had been "
            "captured.")  # fmt: skip
    found, fired, _ = read(ukraine, text, dt.date(2025, 11, 21))
    assert found == {("Vovchansk", "contested", "2025-11-20")}
    assert "province taken whole" not in fired


def test_the_attackers_commanders_liberation_is_their_claim():
    """ "Mr Shoigu said: '... liberated the settlement of Mariinka'": the Russian
    defence minister speaks for the attackers (the Ukraine profile names him)."""
    ukraine = Extractor(Gazetteer.load(package_data() / "ukraine.csv"))
    text = ("At a meeting with President Putin on Monday, Mr Shoigu said: \"The assault "
            "detachments today completely liberated the settlement of Mariinka.\"")
    found, _, _ = read(ukraine, text, dt.date(2023, 12, 26))
    assert {status for _, status, _ in found} == {"claimed"}


def test_the_province_a_place_lies_in_is_not_its_capital():
    """ "the town of Bara in neighboring North Kordofan": where Bara lies, not El
    Obeid (the capital a bare province name stands for)."""
    sudan = Extractor(Gazetteer.load(package_data() / "sudan.csv"))
    text = "On Saturday the RSF said it had seized the town of Bara in neighboring North Kordofan."
    found, fired, _ = read(sudan, text, dt.date(2025, 10, 25))
    assert found == {("Bara", "claimed", "2025-10-25")}
    found, _, _ = read(sudan, "On Saturday the RSF seized North Kordofan's capital.",
                       dt.date(2025, 10, 25))
    assert found == {("El Obeid", "captured", "2025-10-25")}


def test_a_province_in_apposition_as_a_capital_is_the_province():
    """ "Lashio, the capital of northern Shan State": the province Lashio is the
    capital of (a part of), not the province's own capital, Taunggyi."""
    myanmar = Extractor(Gazetteer.load(package_data() / "myanmar.csv"))
    text = "The MNDAA seized Lashio, the capital of northern Shan State, on Wednesday."
    found, fired, _ = read(myanmar, text, dt.date(2024, 8, 1))
    assert found == {("Lashio", "captured", "2024-07-31")}
    assert "province level" in fired
    # the region the fighters are in, after the country's possessive, is where
    text = "Insurgent forces in Myanmar's Mandalay region have captured Mogoke on Wednesday."
    found, _, _ = read(myanmar, text, dt.date(2024, 7, 24))
    assert found == {("Mogok", "captured", "2024-07-24")}


def test_a_province_in_apposition_after_a_lower_case_description_is_the_province():
    """ "in the last rebel-held province, Idlib": the province, not its capital; a name
    before "province" ("the southern Idlib province, Saraqib") leaves the next place alone."""
    syria = Extractor(Gazetteer.load(package_data() / "syria.csv"))
    text = ("Syrian government troops retook the town of Saraqib in the last rebel-held "
            "province, Idlib, on Friday.")  # fmt: skip
    found, _, _ = read(syria, text, dt.date(2020, 2, 8))
    assert found == {("Saraqib", "retaken", "2020-02-07")}
    text = "Government troops retook the southern Idlib province, Saraqib, on Friday."
    found, _, _ = read(syria, text, dt.date(2020, 2, 8))
    assert ("Saraqib", "retaken", "2020-02-07") in found


def test_russian_units_liberating_a_town_are_the_attackers():
    ukraine = Extractor(Gazetteer.load(package_data() / "ukraine.csv"))
    text = ("Russian units \"have fully liberated the town of Kurakhove,\" the Defense Ministry "
            "said on Monday.")  # fmt: skip
    found, _, _ = read(ukraine, text, dt.date(2025, 1, 6))
    assert {status for _, status, _ in found} <= {"captured", "claimed"}
    assert found


def test_a_side_named_with_its_group_noun_withdrew():
    """ "his paramilitary group had withdrawn from Khartoum": the attackers left it."""
    sudan = Extractor(Gazetteer.load(package_data() / "sudan.csv"))
    text = ("RSF commander Mohamed Hamdan Dagalo acknowledged on Sunday his paramilitary group "
            "had withdrawn from Khartoum.")  # fmt: skip
    found, fired, _ = read(sudan, text, dt.date(2025, 3, 31))
    assert found == {("Khartoum", "retaken", "2025-03-30")}
    assert "attackers withdrew" in fired


def test_a_town_near_which_villages_were_taken_is_their_setting():
    ukraine = Extractor(Gazetteer.load(package_data() / "ukraine.csv"))
    text = ("The ministry said its forces had liberated two villages located near the "
            "industrial town of Kurakhove.")  # fmt: skip
    found, fired, _ = read(ukraine, text, dt.date(2024, 12, 18))
    assert found == set()
    assert "direction or route" in fired


def test_the_attackers_troops_and_the_speakers_own_troops_do_not_retake():
    """ "Russian troops captured" holds the generic "troops" in the attackers' name;
    "Shoigu said his troops have seized" speaks of his own; "regime forces 'took full
    control'" are the defenders in quotes."""
    ukraine = Extractor(Gazetteer.load(package_data() / "ukraine.csv"))
    published = dt.date(2022, 11, 12)
    for text, expected in (
        ("Russian troops captured Kherson on Friday.", "captured"),
        ("Ukrainian troops captured Kherson on Friday.", "retaken"),
        ("Ukraine's troops swept into the key southern city of Kherson on Friday.", "retaken"),
        ("Sergei Shoigu said on Friday his troops have seized Kherson.", "claimed"),
    ):
        assert read(ukraine, text, published)[0] == {("Kherson", expected, "2022-11-11")}, text
    syria = Extractor(Gazetteer.load(package_data() / "syria.csv"))
    text = ('The Observatory said on Tuesday that regime forces "took full control" of Maarat '
            "al Numan.")  # fmt: skip
    found, _, _ = read(syria, text, dt.date(2020, 1, 29))
    assert found == {("Maarat al-Numan", "retaken", "2020-01-28")}


def test_a_province_city_of_another_name_is_not_the_capital():
    """ "the West Kordofan city of Babanusa", "the historic Rakhine State city of Mrauk
    U": a town of the province the places file may lack, not the province's capital."""
    sudan = Extractor(Gazetteer.load(package_data() / "sudan.csv"))
    text = "Rebels seized the West Kordofan city of Babanusa on Monday."
    assert read(sudan, text, dt.date(2025, 12, 2))[0] == set()
    myanmar = Extractor(Gazetteer.load(package_data() / "myanmar.csv"))
    text = ("The Arakan Army says it has seized the last junta stronghold in the historic "
            "Rakhine State city of Mrauk U.")  # fmt: skip
    assert read(myanmar, text, dt.date(2024, 2, 9))[0] == set()
    # the city itself, named with the word after it, is still the city
    text = "The Arakan Army captured Sittwe city on Monday."
    assert read(myanmar, text, dt.date(2024, 2, 9))[0] == {("Sittwe", "captured", "2024-02-05")}


def test_an_inferred_year_is_marked(afghan):
    _, _, events = read(afghan, "Aug. 8: Kunduz falls to the Taliban.", None)
    (event,) = events
    assert ("year from the period", "2021") in event.evidence[0].because


def test_an_old_undated_story_with_years_of_its_own_keeps_them(afghan):
    text = "The agreement of March 3, 2015 failed.\n\nSept. 28: Kunduz falls to the Taliban."
    found, _, _ = read(afghan, text, None)
    assert found == {("Kunduz", "captured", "2015-09-28")}


def test_anniversary_dates_the_event_a_year_earlier(congo):
    text = "January 27, 2026 marks one year since the M23 captured Goma."
    found, fired, _ = read(congo, text, dt.date(2026, 1, 27))
    assert found == {("Goma", "captured", "2025-01-27")}
    assert "anniversary" in fired


def test_a_day_before_the_fall_dates_the_fall_later(congo):
    text = "22 January: Families arrived in Goma five days before it falls to the rebels."
    found, fired, _ = read(congo, text, None)
    assert found == {("Goma", "captured", "2025-01-27")}
    assert "relative to neighbour" in fired


def test_every_rule_is_exercised_by_a_test_article(afghan):
    fired = set()
    for _, text, published, _ in AFGHAN:
        fired |= read(afghan, text, published)[1]
    fired |= read(Extractor(Gazetteer.load(package_data() / "drc.csv")),
                  "January 27, 2026 marks one year since the M23 captured Goma.",
                  dt.date(2026, 1, 27))[1]  # fmt: skip
    missing = [name for name in rules.names() if name not in fired]
    assert not missing, f"rules no test article exercises: {missing}"


def test_a_country_without_a_profile_holds_its_cities_with_its_own_forces(tmp_path):
    """No profile ships for Ethiopia: "Ethiopian forces" are the side that held the
    city, named from the country's name; "Tigrayan forces" are not."""
    path = tmp_path / "ethiopia.csv"
    path.write_text("place,province,country\nMekelle,Tigray,Ethiopia\n")
    ethiopia = Extractor(Gazetteer.load(path))
    monday = dt.date(2021, 6, 29)
    text = "Ethiopian forces have retreated from the regional capital of Mekelle on Monday."
    assert read(ethiopia, text, monday)[0] == {("Mekelle", "captured", "2021-06-28")}
    text = "Tigrayan forces have retreated from the regional capital of Mekelle on Monday."
    assert read(ethiopia, text, monday)[0] == set()


def test_day_entries_under_a_month_heading_take_that_months_days(afghan):
    """AFP's chronologies: "AUGUST 2021", then "– 6: ..." entries, one a day."""
    text = ("AUGUST 2021\n\n– 6: Taliban fighters capture Zaranj.\n\n"
            "– 8: The Taliban, later known as the Islamic Emirate, seize Kunduz.")  # fmt: skip
    assert read(afghan, text, None)[0] == {
        ("Zaranj", "captured", "2021-08-06"), ("Kunduz", "captured", "2021-08-08")}  # fmt: skip
    # without a month above it, a numbered line names no day
    assert read(afghan, "– 6: Taliban fighters capture Zaranj.", THURSDAY)[0] == {
        ("Zaranj", "captured", "2021-08-12")}  # fmt: skip


def test_the_attackers_control_of_a_town_denied_is_their_claim():
    """ "denied reports of the Rapid Support Forces (RSF) controlling Sinjah": the
    noun and the gerund of control, the acronym after the name; denied, a claim."""
    sudan = Extractor(Gazetteer.load(package_data() / "sudan.csv"))
    published = dt.date(2024, 6, 30)
    for text in (
        "The army denied reports of the Rapid Support Forces (RSF) controlling Sinjah.",
    ):
        assert read(sudan, text, published)[0] == {("Sinja", "claimed", "2024-06-30")}, text


def test_liberated_areas_are_no_retaking(afghan):
    text = "Kunduz is where the movement established its first liberated areas."
    found, fired, _ = read(afghan, text, THURSDAY)
    assert found == set() and "attributive participle" in fired


def test_a_headline_that_names_a_year_is_no_year_heading(afghan):
    """Only a year alone, "Year 2009" or a chronology of one year dates what follows."""
    from timeline_app.extraction.dates import heading_year

    for heading, year in (("2012", 2012), ("Sri Lanka Timeline - Year 2009 - Jan - May", 2009),
                          ("Chronology of 2013", 2013), ("Taliban return, 20 years after 2001",
                                                         None),
                          ("Timeline 2001-2021", None), ("Timeline: the war since 1996", None),
                          ("Timeline of the offensive", None), ("Year 2009-10", None)):
        assert heading_year(heading, 0, len(heading)) == year, heading
    text = "Taliban return, 20 years after 2001\n\nThe Taliban captured Kunduz on Aug. 8."
    assert read(afghan, text, THURSDAY)[0] == {("Kunduz", "captured", "2021-08-08")}
    # bullets with no date above them are no entries: a list of headlines stays one
    text = "\u2022 Taliban fighters capture Kunduz\n\u2022 Opinion: the war"
    assert read(afghan, text, THURSDAY)[0] == set()
