"""Whole articles in the styles the extractor meets: a wire story, a Reuters
piece with a dated dateline, a live blog with timestamps and banners, a
list-style timeline in Markdown, an old story, a report full of denials and a
saved web page. Written for these tests (not copied), with the
phrasings that broke earlier versions of the rules."""

from pathlib import Path

import pytest

from timeline_app.importers import read_article

ARTICLES = Path(__file__).parent / "data" / "articles"

EXPECTED = {
    "ap_0813.txt": {
        (
            "Ghazni",
            "captured",
            "2021-08-12",
        ),  # "On Thursday ... seized Ghazni ... linking Kabul to Kandahar"
        # "took over Herat ... late Thursday"; "The capture of Kandahar and Herat",
        # dated only by the lede's Friday, tells of the same capture again
        ("Herat", "captured", "2021-08-12"),
        ("Kandahar", "captured", "2021-08-13"),
        ("Lashkar Gah", "captured", "2021-08-13"),
        ("Mazar-i-Sharif", "besieged", "2021-08-13"),  # "closing in on"
        ("Qalat", "captured", "2021-08-13"),
        (
            "Tarinkot",
            "captured",
            "2021-08-13",
        ),  # "..., and Tirin Kot in Uruzgan province on Friday"
    },
    "reuters_0815.txt": {
        ("Kabul", "contested", "2021-08-15"),  # "entered the Afghan capital": in it, not yet held
        ("Kabul", "besieged", "2021-08-15"),  # "on the outskirts", not the negotiated "surrender"
        ("Jalalabad", "captured", "2021-08-15"),  # "the eastern city of Jalalabad"
        ("Mazar-i-Sharif", "captured", "2021-08-14"),  # captured ... after forces surrendered
        ("Maymana", "claimed", "2021-08-14"),  # a Taliban spokesman's claim, denied
        ("Sheberghan", "claimed", "2021-08-14"),  # "taken Maimana and Sheberghan"
    },
    "liveblog.txt": {
        ("Mazar-i-Sharif", "claimed", "2021-08-14"),  # "not been independently verified"
        ("Mazar-i-Sharif", "contested", "2021-08-14"),  # "fighting ... in parts of"
        ("Pul-e-Alam", "contested", "2021-08-14"),  # "entered"; "70km south of Kabul" is context
        ("Gardez", "claimed", "2021-08-14"),  # "Reports from Gardez suggest the city is ..."
    },
    "kunduz2015.txt": {  # an old story: its own dates, no 2021 events, no Mazar-i-Sharif
        ("Kunduz", "contested", "2015-09-28"),  # "seized most of the northern city of Kunduz"
    },
    "denials.txt": {
        ("Lashkar Gah", "claimed", "2021-08-03"),  # the Taliban said so; officials denied it
        ("Herat", "besieged", "2021-08-04"),  # "marching on Herat"; Kandahar "not in danger"
    },
    "page.html": {  # menus, cookie banner, caption and "most read" box are not read
        ("Pul-e-Khumri", "captured", "2021-08-10"),
        ("Farah", "captured", "2021-08-10"),
        ("Aybak", "captured", "2021-08-09"),
        ("Fayzabad", "besieged", "2021-08-10"),  # fighting on the outskirts, not inside
    },  # fmt: skip
    "timeline.md": {
        ("Zaranj", "captured", "2021-08-06"),
        ("Sheberghan", "captured", "2021-08-07"),
        ("Kunduz", "captured", "2021-08-08"),
        ("Sar-e Pul", "captured", "2021-08-08"),
        ("Taloqan", "captured", "2021-08-08"),
        ("Aybak", "captured", "2021-08-09"),
        ("Farah", "captured", "2021-08-10"),
        ("Pul-e-Khumri", "captured", "2021-08-10"),
        ("Kandahar", "captured", "2021-08-13"),
        ("Herat", "captured", "2021-08-13"),
        ("Lashkar Gah", "captured", "2021-08-13"),
        ("Kabul", "contested", "2021-08-15"),  # "The Taliban enter Kabul": in it, not yet held
    },  # fmt: skip
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_realistic_article(extractor, gazetteer, name):
    article = read_article(ARTICLES / name)
    events = extractor.extract(article)
    found = {(gazetteer.place(e.place_id).name, e.status, e.date.isoformat()) for e in events}
    assert found == EXPECTED[name]
    for event in events:
        for evidence in event.evidence:
            assert article.text[evidence.start : evidence.end] == evidence.quote


def test_metadata_of_the_wire_stories():
    reuters = read_article(ARTICLES / "reuters_0815.txt")
    assert (reuters.outlet, reuters.dateline) == ("Reuters", "Kabul")
    assert "dateline says Aug 15, no year" in reuters.flags  # found, but not guessed
    blog = read_article(ARTICLES / "liveblog.txt")
    assert (
        blog.published.isoformat() == "2021-08-14"
        and blog.title == "Afghanistan live: Taliban offensive"
    )
