import json

import pytest

from timeline_app.extraction.gazetteer import Gazetteer, GazetteerError


def names(gazetteer, text):
    return [(text[m.start : m.end], gazetteer.place(m.place_id).name, m.province_level)
            for m in gazetteer.find(text)]  # fmt: skip


def test_bundled_gazetteer_has_34_provincial_capitals(gazetteer):
    assert len(gazetteer.places) == 34
    assert len({p.province for p in gazetteer.places.values()}) == 34
    assert all(p.iso_code.startswith("AF-") and p.lat and p.lon for p in gazetteer.places.values())
    kabul = [p for p in gazetteer.places.values() if p.is_national_capital]
    assert [p.name for p in kabul] == ["Kabul"]


@pytest.mark.parametrize(
    ("spelling", "capital"),
    [
        ("Sheberghan", "Sheberghan"), ("Shibirghan", "Sheberghan"),
        ("Pul-e-Khumri", "Pul-e-Khumri"), ("Pol-e Khomri", "Pul-e-Khumri"),
        ("Qala-e-Naw", "Qala-e-Naw"), ("Qala i Naw", "Qala-e-Naw"),
        ("Fayzabad", "Fayzabad"), ("Faizabad", "Fayzabad"),
        ("Taloqan", "Taloqan"), ("Taluqan", "Taloqan"),
        ("Tarinkot", "Tarinkot"), ("Tirin Kot", "Tarinkot"),
        ("Chaghcharan", "Chaghcharan"), ("Firozkoh", "Chaghcharan"),
        ("Mazar-i-Sharif", "Mazar-i-Sharif"), ("Mazar-e Sharif", "Mazar-i-Sharif"),
        ("Lashkar Gah", "Lashkar Gah"), ("Maidan Shar", "Maidan Shar"),
        ("Nimroz", "Zaranj"), ("Nimruz", "Zaranj"), ("Jawzjan", "Sheberghan"),
        ("Jowzjan", "Sheberghan"), ("Uruzgan", "Tarinkot"), ("Oruzgan", "Tarinkot"),
    ],
)  # fmt: skip
def test_news_spellings_resolve_to_the_capital(gazetteer, spelling, capital):
    text = f"The Taliban entered {spelling} on Friday."
    assert names(gazetteer, text) == [(spelling, capital, False)]


def test_capitals_of_coordinated_provinces(gazetteer):
    text = "The Taliban also overran the capitals of Ghazni and Badghis provinces Thursday."
    assert names(gazetteer, text) == [("Ghazni", "Ghazni", False), ("Badghis", "Qala-e-Naw", False)]


def test_capital_phrases_and_province_level_mentions(gazetteer):
    assert names(gazetteer, "the capital of Badghis province") == [("Badghis", "Qala-e-Naw", False)]
    assert names(gazetteer, "Badghis's provincial capital") == [("Badghis", "Qala-e-Naw", False)]
    assert names(gazetteer, "fighting in Helmand province") == [("Helmand", "Lashkar Gah", True)]
    assert names(gazetteer, "the province of Kandahar") == [("Kandahar", "Kandahar", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("villages in the Kherson region", ("Kherson", True)),
        ("shelling in Kherson oblast", ("Kherson", True)),
        ("the regions of Kherson and Zaporizhzhia", ("Kherson", True)),
        ("clashes in Kachin State", ("Kachin State", True)),
        ("the Donetsk People's Republic said", ("Donetsk", True)),
        ("troops entered Kherson", ("Kherson", False)),
        ("fighters entered Myitkyina, capital of Kachin State", ("Myitkyina", False)),
    ],
)  # fmt: skip
def test_a_province_named_with_its_own_kind_of_unit_is_the_province(tmp_path, text, expected):
    path = tmp_path / "places.csv"
    path.write_text("place,province,country\nKherson,Kherson,Ukraine\n"
                    "Donetsk,Donetsk,Ukraine\nMyitkyina,Kachin State,Myanmar\n")  # fmt: skip
    found = names(Gazetteer.load(path), text)
    assert (found[0][0], found[0][2]) == expected


def test_lower_case_words_are_not_places_but_rank_aliases_are(gazetteer):
    assert names(gazetteer, "farah and Farahnaz") == []
    assert names(gazetteer, "the country's second-biggest city") == [
        ("second-biggest city", "Kandahar", False)
    ]


def test_another_conflict_from_a_json_file(tmp_path):
    path = tmp_path / "ukraine.json"
    path.write_text(json.dumps([
        {"place": "Bakhmut", "place_variants": ["Artemivsk"], "province": "Donetsk",
         "country": "Ukraine", "lat": 48.6, "lon": 38.0},
    ]))  # fmt: skip
    gazetteer = Gazetteer.load(path)
    assert names(gazetteer, "Troops left Artemivsk.") == [("Artemivsk", "Bakhmut", False)]


def test_another_conflict_from_csv(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,province,country\nMosul,Nineveh,Iraq\n")
    gazetteer = Gazetteer.load(path)
    assert names(gazetteer, "Mosul fell.") == [("Mosul", "Mosul", False)]


def test_a_province_of_several_towns_is_named_alone_as_the_province(tmp_path):
    """With Manbij listed before Aleppo, "Aleppo" is still the city, and the capital of
    Aleppo province; "Tigray", the region of several towns, names none of them."""
    path = tmp_path / "places.csv"
    path.write_text("place,province,country\nManbij,Aleppo,Syria\nAleppo,Aleppo,Syria\n"
                    "Mekelle,Tigray,Ethiopia\nAxum,Tigray,Ethiopia\n")  # fmt: skip
    gazetteer = Gazetteer.load(path)
    assert names(gazetteer, "Rebels took Aleppo.") == [("Aleppo", "Aleppo", False)]
    assert names(gazetteer, "They took Aleppo province.")[0][1] == "Aleppo"
    assert names(gazetteer, "Rebels retook most of Tigray.") == [("Tigray", "Mekelle", True)]
    # a province of one town listed is that town's, as in the bundled file
    assert names(Gazetteer.load(), "Fighting in Helmand.") == [("Helmand", "Lashkar Gah", False)]


def test_own_places_of_a_country_the_app_knows_take_its_profile(tmp_path):
    """An analyst's own places file for Syria reads with the shipped Syria profile's
    sides, not its period (that is the shipped war's: the analyst may follow another
    war there); a country the app does not know has none, and a profile beside the
    file wins."""
    path = tmp_path / "mine.csv"
    path.write_text("place,province,country\nHoms,Homs,Syria\n")
    assert Gazetteer.load(path).profile.country == "Syria"
    assert "HTS" in Gazetteer.load(path).profile.attackers
    assert Gazetteer.load(path).profile.period is None
    other = tmp_path / "iraq.csv"
    other.write_text("place,province,country\nMosul,Nineveh,Iraq\n")
    assert Gazetteer.load(other).profile.attackers == ()
    (tmp_path / "mine.profile.json").write_text('{"name": "Mine", "attackers": ["X"]}')
    assert Gazetteer.load(path).profile.attackers == ("X",)


@pytest.mark.parametrize(
    ("content", "message"),
    [("place,province\nMosul,Nineveh\n", "lacks country"), ("[1, 2]", "list of place objects"),
     ("{not json", "not valid JSON"), ("place,province,country\n", "no places")],
)  # fmt: skip
def test_bad_gazetteer_files_say_why(tmp_path, content, message):
    path = tmp_path / ("g.json" if content.startswith(("[", "{")) else "g.csv")
    path.write_text(content)
    with pytest.raises(GazetteerError, match=message):
        Gazetteer.load(path)


def test_names_are_proper_nouns_whole_words_and_aliases_may_be_lower_case(gazetteer):
    text = (
        "In kunduz and pro-Kabul circles, talk of Kunduz; the country's second-largest "
        "city held, as did KANDAHAR and 6Kabul."
    )
    assert [found for found, _, _ in names(gazetteer, text)] == [
        "Kunduz", "second-largest city", "KANDAHAR",
    ]


def test_a_name_after_a_lower_case_arabic_article_is_a_proper_noun(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text(
        "place,place_variants,province,country\nAl-Qusayr,El-Qusayr,Homs,Syria\n"
        "Elton,,Homs,Syria\n"
    )
    gazetteer = Gazetteer.load(path)
    assert [n[1] for n in names(gazetteer, "fighters took el-Qusayr and al-Qusayr")] == [
        "Al-Qusayr", "Al-Qusayr"
    ]
    # the article alone in lower case before a lower-case word names nothing
    assert names(gazetteer, "al qusayr and elton") == []


def test_names_listed_before_a_plural_kind_are_provinces(gazetteer):
    found = gazetteer.find("Fighting spread to the Kunduz and Takhar provinces.")
    assert [m.province_level for m in found] == [True, True]
    # unless the sentence goes on to speak of their capitals (the list's earlier names,
    # as before: the last one stands right before its kind)
    found = gazetteer.find("Fighting spread to Kunduz and Takhar provinces, near their capitals.")
    assert found[0].province_level is False


def test_the_ascii_word_scan_finds_the_words_the_unicode_one_finds():
    from timeline_app.extraction import gazetteer

    texts = ["Taliban fighters captured Kunduz and Sar-e-Pul on Sunday.", "x_Kabul 6th of October",
             "north-Kunduz (Herat) 'Amran, AK-47s; KABUL—Ghazni", "powerDaikandi province 2021"]
    for text in texts:
        for start in range(len(text)):
            ascii_words = gazetteer._PROPER_ASCII.finditer(text, start, len(text))
            words = gazetteer._PROPER_WORD.finditer(text, start, len(text))
            assert [m.span() for m in ascii_words] == [m.span() for m in words], (text, start)
