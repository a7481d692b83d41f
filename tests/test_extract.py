"""The rules, on the sample article and on the phrasings that rule prototypes get wrong."""

import datetime as dt

import pytest

from timeline_app.importers import read_article

SAMPLE_EXPECTED = {
    ("Kandahar", "contested", "2021-08-12"),
    ("Herat", "contested", "2021-08-12"),
    ("Ghazni", "captured", "2021-08-12"),
    ("Qala-e-Naw", "captured", "2021-08-12"),
    ("Fayzabad", "captured", "2021-08-10"),
    ("Farah", "captured", "2021-08-10"),
    ("Pul-e-Khumri", "captured", "2021-08-10"),
    ("Kunduz", "surrendered", "2021-08-11"),
    ("Ghazni", "besieged", "2021-05-14"),  # "under siege ... for over three months"
}


def test_sample_article_gives_exactly_the_expected_events(extractor, gazetteer, sample_path):
    article = read_article(sample_path)
    events = extractor.extract(article)
    found = {(gazetteer.place(e.place_id).name, e.status, e.date.isoformat()) for e in events}
    assert found == SAMPLE_EXPECTED
    assert not any(gazetteer.place(e.place_id).name == "Kabul" for e in events)


def test_sample_quotes_slice_exactly_from_the_stored_text(extractor, sample_path):
    article = read_article(sample_path)
    for event in extractor.extract(article):
        assert event.evidence
        for evidence in event.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.quote


def test_sample_events_carry_the_sentences_that_report_them(extractor, gazetteer, sample_path):
    article = read_article(sample_path)
    by_place = {(gazetteer.place(e.place_id).name, e.status): e for e in extractor.extract(article)}
    kunduz = by_place[("Kunduz", "surrendered")]
    assert kunduz.evidence[0].quote.startswith("On Wednesday, in the country’s north, hundreds")
    assert kunduz.precision == "day"
    siege = by_place[("Ghazni", "besieged")]
    assert siege.end_date == dt.date(2021, 8, 12) and siege.precision == "month"
    # Ghazni's fall is told three times: one event, three quotes.
    assert len(by_place[("Ghazni", "captured")].evidence) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # capture verbs beyond "captured"
        ("Taliban fighters now hold Sheberghan.", {("Sheberghan", "captured", "2021-08-12")}),
        ("Taliban fighters entered Maimana on Tuesday.", {("Maymana", "contested", "2021-08-10")}),
        ("The Taliban took over Sar-e Pul on Friday.", {("Sar-e Pul", "captured", "2021-08-06")}),
        ("Taliban fighters swept into Aybak on Monday.", {("Aybak", "captured", "2021-08-09")}),
        ("The Taliban took Kandahar on Friday.", {("Kandahar", "captured", "2021-08-06")}),
        # claims and denials
        (
            "The group said it had seized Lashkar Gah on Friday.",
            {("Lashkar Gah", "claimed", "2021-08-06")},
        ),
        (
            "Officials denied that Qalat had fallen on Wednesday.",
            {("Qalat", "claimed", "2021-08-11")},
        ),
        ("Kandahar has not fallen, officials said on Tuesday.", set()),
        # partial control is fighting, not capture
        (
            "Parts of Lashkar Gah have fallen to the Taliban, officials said Monday.",
            {("Lashkar Gah", "contested", "2021-08-09")},
        ),
        (
            "Taliban fighters took control of the police headquarters in Herat on Tuesday.",
            {("Herat", "contested", "2021-08-10")},
        ),
        # intent is a threat, not capture
        ("The Taliban are fighting to overrun Kandahar.", {("Kandahar", "besieged", "2021-08-12")}),
        ("Militants were marching on Herat on Wednesday.", {("Herat", "besieged", "2021-08-11")}),
        (
            "Officials fear Mazar-i-Sharif could fall within days.",
            {("Mazar-i-Sharif", "besieged", "2021-08-12")},
        ),
        # retaken, surrendered
        ("Government forces retook Fayzabad on Friday.", {("Fayzabad", "retaken", "2021-08-06")}),
        (
            "Afghan forces in Tirin Kot surrendered on Wednesday.",
            {("Tarinkot", "surrendered", "2021-08-11")},
        ),
        # places that are only context
        ("Fighters from Ghazni were seen on the road to Kabul.", set()),
        (
            "The Taliban captured Pul-e-Khumri, a five-hour drive north of Kabul, on Tuesday.",
            {("Pul-e-Khumri", "captured", "2021-08-10")},
        ),
        ("Taliban fighters are marching towards the capital, officials in Kabul said.", set()),
        # objects that are not the place
        ("The Taliban seized weapons in Kunduz on Tuesday.", set()),
        # background from other years
        ("In 1996, the Taliban captured Kabul.", set()),
        ("The Taliban briefly seized Kunduz in 2015.", set()),
        # province level is not the capital
        ("Heavy fighting continued in Helmand province on Tuesday.", set()),
        # provinces standing for their capital, ranks for cities
        ("The Taliban overran Badghis on Tuesday.", {("Qala-e-Naw", "captured", "2021-08-10")}),
        (
            "The country's second-biggest city fell on Thursday.",
            {("Kandahar", "captured", "2021-08-12")},
        ),
        # more capture phrasings
        (
            "Kandahar is now in Taliban hands, residents said on Friday.",
            {("Kandahar", "captured", "2021-08-06")},
        ),
        (
            "The Taliban claimed control of Lashkar Gah on Friday.",
            {("Lashkar Gah", "claimed", "2021-08-06")},
        ),
        (
            "Taliban flags were raised over the governor's office in Herat on Tuesday.",
            {("Herat", "contested", "2021-08-10")},
        ),
        (
            "The Taliban took over the eastern city of Jalalabad without a fight on Sunday.",
            {("Jalalabad", "captured", "2021-08-08")},
        ),
        (
            "Ghazni, a city on the highway linking Kabul to Kandahar, fell on Thursday.",
            {("Ghazni", "captured", "2021-08-12")},
        ),
        # misspellings from the gazetteer's variants
        (
            "The Taliban captured Shibirghan on Saturday.",
            {("Sheberghan", "captured", "2021-08-07")},
        ),
    ],
)
def test_phrasings(extract, text, expected):
    assert extract(text) == expected


def test_mixed_case_agency_dateline_is_context(extract):
    assert extract("Kabul (dpa) - The Taliban captured Herat on Tuesday, officials said.") == {
        ("Herat", "captured", "2021-08-10")
    }


def test_dateline_is_context_even_after_a_headline(extract):
    text = (
        "Taliban push on in the south\n\n"
        "KANDAHAR, Afghanistan (AP) — Taliban fighters captured Lashkar Gah on Friday, "
        "officials said."
    )
    assert extract(text) == {("Lashkar Gah", "captured", "2021-08-06")}


def test_date_heading_governs_the_entries_after_it(extract):
    text = (
        "Aug. 13:\n\nThe Taliban took Kandahar after days of fighting.\n\n"
        "Lashkar Gah fell too.\n\nAug. 14:\n\nMazar-i-Sharif fell without a fight."
    )
    assert extract(text, dt.date(2021, 8, 16)) == {
        ("Kandahar", "captured", "2021-08-13"),
        ("Lashkar Gah", "captured", "2021-08-13"),
        ("Mazar-i-Sharif", "captured", "2021-08-14"),
    }


def test_list_entries_with_a_date_and_a_place_in_capitals(extract):
    text = (
        "- Aug. 8 - KUNDUZ. Taliban fighters take the city.\n\n"
        "Aug. 6 – ZARANJ. The Taliban take over the capital of Nimroz province."
    )
    assert extract(text, dt.date(2021, 8, 16)) == {
        ("Kunduz", "captured", "2021-08-08"),
        ("Zaranj", "captured", "2021-08-06"),
    }


def test_relative_days_chain_from_the_previous_event(extract):
    text = (
        "Zaranj fell on Friday, Aug. 6. Sheberghan fell the next day. "
        "Two days later Taloqan was captured. On the same day, fighting raged in Kunduz."
    )
    assert extract(text) == {
        ("Zaranj", "captured", "2021-08-06"),
        ("Sheberghan", "captured", "2021-08-07"),
        ("Taloqan", "captured", "2021-08-09"),
        ("Kunduz", "contested", "2021-08-09"),
    }


def test_a_day_after_a_place_puts_that_place_a_day_before(extract):
    assert extract("Kunduz fell on Sunday, a day after Sheberghan.", dt.date(2021, 8, 9)) == {
        ("Kunduz", "captured", "2021-08-08"),
        ("Sheberghan", "captured", "2021-08-07"),
    }


def test_a_dispute_in_the_next_sentence_turns_a_capture_into_a_claim(extract):
    text = (
        "The AP reported that Taliban fighters captured Lashkar Gah on Thursday. "
        "A U.S. official said that was not yet clear."
    )
    assert extract(text) == {("Lashkar Gah", "claimed", "2021-08-12")}


def test_junk_lines_are_not_read(extract):
    text = (
        "Taliban seize Kunduz in lightning advance\n\n"
        "Read more: Taliban captured Herat on Tuesday\n\n"
        "Photo of Ghazni after it fell on Tuesday. (AP Photo/Rahmat Gul)\n\n"
        "We use cookies. Kabul fell on Tuesday.\n\n"
        "Officials said Taloqan fell on Wednesday."
    )
    assert extract(text) == {("Taloqan", "captured", "2021-08-11")}


def test_undated_article_without_publication_date_keeps_dates_unknown(extract):
    found = extract("The Taliban captured Ghazni on Thursday. Herat fell on Aug. 13, 2021.", None)
    assert found == {("Ghazni", "captured", None), ("Herat", "captured", "2021-08-13")}


def test_an_undated_report_falls_back_to_the_publication_date_with_week_precision(extractor):
    from timeline_app.model import Article

    [event] = extractor.extract(
        Article(text="The Taliban have captured Ghazni.", published=dt.date(2021, 8, 12))
    )
    assert (event.date, event.precision) == (dt.date(2021, 8, 12), "week")


def test_two_places_in_one_sentence_get_their_own_statuses(extract):
    text = "The Taliban captured Ghazni on Thursday, while fighting continued in Kandahar."
    assert extract(text) == {
        ("Ghazni", "captured", "2021-08-12"),
        ("Kandahar", "contested", "2021-08-12"),
    }


def test_a_month_names_the_date_of_a_capture_that_gives_no_day(extract):
    assert extract("The Taliban captured Ghazni in late July.") == {
        ("Ghazni", "captured", "2021-07-26")
    }


def test_a_coarse_date_of_a_later_clause_belongs_to_that_clause(extract):
    # "since ... in May": the offensive's start, not the day Zaranj fell
    text = ("Aug. 6 - The Taliban seized Zaranj, the first capital to fall since they "
            "escalated attacks in May.")
    assert extract(text) == {("Zaranj", "captured", "2021-08-06")}


@pytest.mark.parametrize(
    "text",
    [
        "The army said it is withdrawing from Ghazni after a week of fighting on Thursday.",
        "Afghan forces have withdrawn from Ghazni, officials said on Thursday.",
        "The governor confirmed on Thursday the army's withdrawal from Ghazni.",
    ],
)
def test_the_defenders_withdrawal_is_the_fall(extract, text):
    assert ("Ghazni", "captured", "2021-08-12") in extract(text)


def test_an_order_to_surrender_is_no_surrender(extract):
    text = "The governor ordered the remaining Taliban fighters in Ghazni to surrender on Thursday."
    assert not any(status == "surrendered" for _, status, _ in extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban, the movement ousted in 2001, announced that it had captured Kunduz "
        "on Sunday.",
        "The group announced that it had captured Kunduz on Sunday.",
    ],
)
def test_the_attackers_announcement_is_a_claim(extract, text):
    assert extract(text) == {("Kunduz", "claimed", "2021-08-08")}


def test_a_date_in_a_relative_clause_of_another_place_is_not_this_places(extract):
    text = ("Government troops withdrew from Ghazni on Thursday, a blow after the fighters "
            "who took Kandahar last week.")
    found = extract("Government troops withdrew from Ghazni, a second gain for the fighters "
                    "who also took Kandahar last week.")
    assert ("Kandahar", "captured", "2021-08-05") in found
    assert ("Ghazni", "captured", "2021-08-12") in found  # the news day, not last week
    assert ("Ghazni", "captured", "2021-08-12") in extract(text)


def test_a_coarse_date_in_the_lede_is_no_news_day(extractor, gazetteer):
    from timeline_app.model import Article

    text = ("The Taliban took Kandahar last week, officials said.\n\n"
            "Herat has fallen, a spokesman said.")
    events = extractor.extract(Article(text=text, published=dt.date(2021, 8, 12)))
    found = {(gazetteer.place(e.place_id).name, str(e.date)) for e in events}
    assert ("Herat", "2021-08-12") in found


def test_a_date_in_a_pluperfect_relative_clause_is_the_earlier_event(extract):
    found = extract("Government forces retook Kunduz, which had fallen to the Taliban in July.")
    assert found == {("Kunduz", "retaken", "2021-08-12")}  # the news day, not July


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taliban captured Kunduz and besieged Taloqan on Thursday.",
         {("Kunduz", "captured", "2021-08-12"), ("Taloqan", "besieged", "2021-08-12")}),
        ("The Taliban seized a key city on Thursday and encircled the town of Taloqan.",
         {("Taloqan", "besieged", "2021-08-12")}),
        # one verb phrase: the stronger verb stays the place's
        ("The Taliban surrounded and captured Kunduz on Thursday.",
         {("Kunduz", "captured", "2021-08-12")}),
    ],
)  # fmt: skip
def test_the_verb_right_before_a_place_is_its_own(extract, text, expected):
    assert extract(text) == expected


def test_an_undated_article_dates_its_weekdays_by_a_weekday_with_its_day(extract):
    text = ("The Taliban captured Kandahar on Friday. Reuters, on Friday August 13, said the "
            "militants had also taken Herat.")
    assert extract(text, None) == {
        ("Kandahar", "captured", "2021-08-13"), ("Herat", "captured", "2021-08-13")
    }
    # a weekday that is not that day's in the article's year gives nothing
    assert extract("The Taliban captured Kandahar on Friday. Thursday August 13 came.", None) == {
        ("Kandahar", "captured", None)
    }


def test_a_date_after_and_opens_the_next_phrase(extract):
    text = ("Earlier on Wednesday the Taliban had captured Ghazni and on Thursday they "
            "captured Herat.")
    assert extract(text) == {("Ghazni", "captured", "2021-08-11"),
                             ("Herat", "captured", "2021-08-12")}  # fmt: skip


def test_no_event_is_dated_after_its_publication(extract):
    # "a day after" counted from the next sentence's Thursday would be Friday the 13th
    found = extract("Herat fell to the Taliban a day after they were seen on its edges "
                    "on Thursday.")
    assert all(date is None or date <= "2021-08-12" for _, _, date in found)


def test_night_falling_is_no_fall():
    from timeline_app.extraction.triggers import Vocabulary

    text = "As night fell, gunmen were in the city. Kunduz fell on Sunday."
    assert [t.text for t in Vocabulary().find_triggers(text, 0, len(text))] == ["fell"]
