from timeline_app.extraction import layout


def kinds(text):
    return [(p.kind, text[p.start : p.end][:20]) for p in layout.paragraphs(text)]


def test_paragraph_kinds():
    text = (
        "Taliban offensive: a timeline\n\nAug. 13:\n\nThe Taliban took Kandahar.\n\n"
        "10:42 a.m.\n\nWe use cookies to improve your experience.\n\n"
        "A photo of the city. (Joy Yi/The Washington Post)\n\nRead more:"
    )
    assert [k for k, _ in kinds(text)] == [
        layout.HEADING, layout.DATE_HEADING, layout.BODY, layout.HEADING, layout.JUNK,
        layout.JUNK, layout.JUNK,
    ]  # fmt: skip


def test_datelines_and_agencies():
    text = "KANDAHAR, Afghanistan (AP) — Fighting raged.\n\nKABUL — More."
    first, second = layout.paragraphs(text)
    assert text[slice(*first.dateline)] == "KANDAHAR" and first.agency == "AP"
    assert text[slice(*second.dateline)] == "KABUL" and second.agency == ""


def test_dated_list_entry_names_its_place():
    text = "- Aug. 8 - KUNDUZ. Taliban fighters take the city."
    [entry] = layout.paragraphs(text)
    assert text[slice(*entry.lead_date)] == "Aug. 8"
    assert text[slice(*entry.entry_place)] == "KUNDUZ"


def test_hard_wrapped_lines_form_one_paragraph():
    line = "The Taliban captured the provincial capital after a long battle with"
    text = f"{line}\ngovernment forces on Friday.\n\nNext paragraph."
    first, second = layout.paragraphs(text)
    assert text[first.start : first.end].endswith("on Friday.")
    assert text[second.start : second.end] == "Next paragraph."


def test_photo_credit_is_found_after_the_last_full_stop_or_parenthesis():
    text = (
        "Fighters in the square. (AP Photo/Jane Doe)\n\n"
        "Smoke rises over the city. Getty Images\n\n"
        "Smoke rises (over the city). The Taliban took Kunduz on Sunday.\n\n"
        "Forces take position amid fighting in Kunduz. (File)\n\n"
        "The Taliban took Kunduz, according to a file seen by reporters."
    )
    assert [k for k, _ in kinds(text)] == [
        layout.JUNK, layout.JUNK, layout.BODY, layout.JUNK, layout.BODY
    ]


def test_a_dateline_dash_may_touch_the_next_word(extract):
    [paragraph] = layout.paragraphs("KABUL—The Taliban on Sunday seized Ghazni.")
    assert paragraph.dateline == (0, 5)
    # the dateline's city is where the story was filed, not a place taken
    assert extract("KABUL—The Taliban on Thursday seized Ghazni.") == {
        ("Ghazni", "captured", "2021-08-12")
    }


def test_a_dateline_may_name_the_country_and_the_day_or_lose_its_dash():
    text = (
        "BAMAKO, Mali, Jan. 11 (UPI) -- Militants seized a village on Thursday.\n\n"
        "BAMAKO, MALI Tuareg rebels said Sunday they had taken control of an important "
        "military base in the north of the country after weeks."
    )
    first, second = layout.paragraphs(text)
    assert text[slice(*first.dateline)] == "BAMAKO" and first.agency == "UPI"
    assert first.dateline_date == "Jan. 11"
    assert text[slice(*second.dateline)] == "BAMAKO"


def test_a_saved_pages_date_before_its_first_words_is_not_in_its_first_sentence(extract):
    text = "date 2021-08-12 KABUL — The Taliban seized Ghazni on Tuesday (Aug. 10)."
    [paragraph] = layout.paragraphs(text)
    assert text[paragraph.start :].startswith("KABUL")
    assert text[slice(*paragraph.dateline)] == "KABUL"
    text = "date 2021-08-12 Ghazni was overrun by the Taliban on Tuesday after a long fight."
    assert extract(text) == {("Ghazni", "captured", "2021-08-10")}
