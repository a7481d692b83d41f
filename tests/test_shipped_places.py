"""The places files and profiles the app ships, one per conflict."""

from __future__ import annotations

import csv
import json
import re

import pytest

from timeline_app.cli import main
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.extraction.profile import Profile
from timeline_app.paths import package_data

# (file, country, ISO 3166-1 code, places, (south, west, north, east)): each
# country's extent from Natural Earth, a little wider.
COUNTRIES = [
    ("afghanistan.csv", "Afghanistan", "AF", 34, (29.3, 60.4, 38.5, 75.0)),
    ("drc.csv", "DR Congo", "CD", 26, (-13.5, 12.1, 5.4, 31.4)),
    ("syria.csv", "Syria", "SY", 23, (32.3, 35.6, 37.4, 42.4)),
    ("ukraine.csv", "Ukraine", "UA", 40, (44.3, 22.1, 52.4, 40.2)),
    ("sudan.csv", "Sudan", "SD", 24, (8.6, 21.8, 22.3, 38.7)),
    ("myanmar.csv", "Myanmar", "MM", 20, (9.7, 92.1, 28.6, 101.2)),
]
FILES = [c[0] for c in COUNTRIES]


def rows(name):
    text = (package_data() / name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def names_of(row, *columns):
    return [n.strip() for c in columns for n in [row[c], *row[c + "_variants"].split("|")]
            if n.strip()]  # fmt: skip


def normal(name):
    return re.sub(r"[\s\-'’‘]+", "", name).lower()


def test_every_places_file_the_app_ships_is_tested():
    assert sorted(p.name for p in package_data().glob("*.csv")) == sorted(FILES)


@pytest.mark.parametrize(("name", "country", "code", "count", "box"), COUNTRIES)
def test_a_shipped_places_file_loads_with_its_profile(name, country, code, count, box):
    places = Gazetteer.load(package_data() / name)
    assert len(places.places) == count
    profile = places.profile
    assert profile.country == country and profile.name and profile.period
    assert profile.attackers and profile.defenders
    assert profile.period[0] < profile.period[1]
    data = json.loads((package_data() / name).with_suffix(".profile.json").read_text("utf-8"))
    assert data["places"] == name
    assert Profile.bundled_for([country]) == profile  # found by the database's country
    capitals = [p.name for p in places.places.values() if p.is_national_capital]
    assert len(capitals) == 1


@pytest.mark.parametrize(("name", "country", "code", "count", "box"), COUNTRIES)
def test_every_place_lies_in_its_country_with_its_countrys_codes(name, country, code, count,
                                                                 box):  # fmt: skip
    south, west, north, east = box
    for place in Gazetteer.load(package_data() / name).places.values():
        assert place.country == country
        assert south <= place.lat <= north and west <= place.lon <= east, place.name
        assert re.fullmatch(code + r"-[A-Z0-9]{2,3}", place.iso_code), place.name


@pytest.mark.parametrize("name", FILES)
def test_no_name_of_one_place_is_a_name_of_another(name):
    owner: dict[str, str] = {}
    for row in rows(name):
        for spelling in names_of(row, "place"):
            assert owner.setdefault(normal(spelling), row["place"]) == row["place"], spelling
    capital: dict[str, str] = {}  # a province's first row is its capital's
    for row in rows(name):  # a province's names are its capital's, or no place's
        capital.setdefault(row["province"], row["place"])
        for spelling in names_of(row, "province"):
            mine = capital[row["province"]]
            assert owner.get(normal(spelling), mine) == mine, spelling


# Ordinary English, and the words of these wars that are not places: the
# peoples, seas, rivers, armies and parliaments that share a word with a
# province ("Kachin", "Red Sea", "the Duma").
ORDINARY = """\
Northern and southern towns were quiet. The Chin, Mon, Kachin and Karen peoples
live in the hills; Shan noodles are sold in Mon markets. Ships crossed the Red
Sea while the White Nile and the Blue Nile met near the river. The Duma voted.
Hims and hers, a Fula song, a Kurdish fighter, the Arakan Army, the Kachin
Independence Army and the Chin National Front. Islamic State. The Karenni Army.
Madani and Obeid are family names.
"""


@pytest.mark.parametrize("name", FILES)
def test_ordinary_words_and_other_names_are_not_places(name):
    places = Gazetteer.load(package_data() / name)
    assert [ORDINARY[m.start : m.end] for m in places.find(ORDINARY)
            if not m.province_level] == []  # fmt: skip


# One short article of our own per new country, imported into a database
# created for that country: (file, publication date, text, expected events).
# Each names a province with its own word for one ("governorate", "region",
# "state"), which is not its capital.
ARTICLES = [
    ("syria.csv", "2024-12-06",
     "Rebels captured Hama on Thursday after the Syrian army withdrew from the city. "
     "Fighting went on in Aleppo governorate.",
     {("Hama", "captured", "2024-12-05")}),
    ("ukraine.csv", "2022-11-12",
     "Russian forces withdrew from Kherson on Friday, Kyiv said. Fighting went on in the "
     "Donetsk region.",
     {("Kherson", "retaken", "2022-11-11")}),
    ("sudan.csv", "2023-12-20",
     "The Rapid Support Forces seized Wad Madani on Monday. Clashes spread in Sennar state.",
     {("Wad Madani", "captured", "2023-12-18")}),
    ("myanmar.csv", "2024-08-05",
     "The MNDAA captured Lashio on Saturday. The Kachin Independence Army fought in Kachin "
     "State.",
     {("Lashio", "captured", "2024-08-03")}),
]


def run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.mark.parametrize(("name", "published", "text", "expected"), ARTICLES)
def test_an_article_about_another_country_imports_into_its_database(
    tmp_path, capsys, name, published, text, expected
):
    db = str(tmp_path / "war.db")
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    code, out = run(capsys, "import", "--db", db, "--published", published,
                    "--gazetteer", str(package_data() / name), str(article))  # fmt: skip
    assert code == 0 and "1 imported (1 events)" in out
    _, out = run(capsys, "events", "--db", db, "--format", "json")
    assert {(r["place"], r["status"], r["date"]) for r in json.loads(out)} == expected
    _, out = run(capsys, "places", "--db", db)
    assert f"this database: places: {name} (the database's)" in out


# A town the news reports changing hands has a lane of its own: (file,
# publication date, text, expected event).
TOWNS = [
    ("ukraine.csv", "2024-02-18", "Russian forces captured Avdiivka on Saturday.",
     ("Avdiivka", "captured", "2024-02-17")),
    ("sudan.csv", "2025-09-12", "The Sudanese army retook Bara on Thursday.",
     ("Bara", "retaken", "2025-09-11")),
    ("myanmar.csv", "2024-04-12", "The Karen National Union captured Myawaddy on Thursday.",
     ("Myawaddy", "captured", "2024-04-11")),
    ("syria.csv", "2024-12-10", "Turkish-backed rebels captured Manbij on Monday.",
     ("Manbij", "captured", "2024-12-09")),
]


@pytest.mark.parametrize(("name", "published", "text", "expected"), TOWNS)
def test_a_town_is_a_place_of_its_own(tmp_path, capsys, name, published, text, expected):
    db = str(tmp_path / "war.db")
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    code, _ = run(capsys, "import", "--db", db, "--published", published,
                  "--gazetteer", str(package_data() / name), str(article))  # fmt: skip
    assert code == 0
    _, out = run(capsys, "events", "--db", db, "--format", "json")
    assert [(r["place"], r["status"], r["date"]) for r in json.loads(out)] == [expected]


@pytest.mark.parametrize("name", FILES)
def test_a_bare_province_name_still_stands_for_its_capital(name):
    """A town is listed after its province's capital and adds no province
    names: "Donetsk" is still the city of Donetsk, not Bakhmut."""
    places = Gazetteer.load(package_data() / name)
    first: dict[str, str] = {}
    for row in rows(name):
        first.setdefault(row["province"], row["place"])
        if row["place"] != first[row["province"]]:
            assert row["province_variants"] == "", row["place"]
    for province, capital in first.items():
        mentions = places.find(f"The fighters entered {province} on Monday.")
        assert [places.place(m.place_id).name for m in mentions] == [capital], province


def test_places_lists_every_shipped_conflict(tmp_path, capsys):
    code, out = run(capsys, "places", "--db", str(tmp_path / "t.db"))
    assert code == 0
    for name, _, _, count, _ in COUNTRIES:
        line = next(line for line in out.splitlines() if line.startswith(name))
        assert f"{count} places" in line
