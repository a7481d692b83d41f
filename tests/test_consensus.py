"""`timeline-app falls` and the consensus behind it (timeline_app/consensus.py), one test
per rule, on small databases of invented articles.

Each article is a .txt file with a sidecar NAME.txt.json giving its outlet and
publication date, imported as a user would import it."""

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.paths import package_data
from timeline_app.review import Review
from timeline_app.services import import_paths
from timeline_app.storage import Store

try:  # optional: a second, independent opinion on the GeoJSON
    import geojson
except ImportError:  # pragma: no cover - depends on the environment
    geojson = None

FALL_KEYS = [
    "place", "province", "country", "status", "date", "date_precision", "confidence",
    "sources", "outlets", "dissent", "first_reported",
]  # fmt: skip
CLI = Path(sys.executable).parent / "timeline-app"

# Invented reports (no real article text).
KUNDUZ_SUNDAY = (
    "Kabul Wire", "2021-08-08",
    "Taliban fighters captured Kunduz on Sunday after days of street fighting, residents"
    " said. Shops in the old bazaar stayed shut and the roads out of the city were quiet.",
)  # fmt: skip
KUNDUZ_RECAP = (
    "Mountain Herald", "2021-08-20",
    "Kunduz fell on Aug. 8, the first of several northern cities to slip from government"
    " hands within a week. Aid groups say thousands of families have since moved south.",
)  # fmt: skip
HERAT_CLAIM = (
    "Frontier Radio", "2021-08-14",
    "A Taliban spokesman said on Saturday that the movement's fighters had seized Herat on"
    " Thursday. There was no word from the governor's office.",
)  # fmt: skip
HERAT_FRIDAY = (
    "Kabul Wire", "2021-08-14",
    "Taliban fighters captured Herat on Friday, two officials in the city said. The western"
    " city is close to the border with Iran.",
)  # fmt: skip
HERAT_AUG_13 = (
    "Mountain Herald", "2021-08-15",
    "Herat, the largest city in the west, was captured by the Taliban on Aug. 13 after a"
    " long siege. Traders said the border crossing was closed.",
)  # fmt: skip


def write_article(folder: Path, name: str, outlet: str, published: str, text: str) -> Path:
    """NAME.txt and its sidecar NAME.txt.json, which gives the outlet and the date."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    sidecar = folder / f"{name}.txt.json"
    sidecar.write_text(json.dumps({"outlet": outlet, "published": published}), encoding="utf-8")
    return path


def add(store: Store, folder: Path, *articles: tuple[str, str, str]) -> None:
    """Import (outlet, published, text) articles into the store; all of them must import."""
    start = len(list(folder.glob("*.txt"))) if folder.exists() else 0
    paths = [
        write_article(folder, f"article{start + i}", *article) for i, article in enumerate(articles)
    ]
    report = import_paths(paths, store)
    assert len(report.imported) == len(articles), report.summary()


@pytest.fixture
def falls(capsys):
    """`timeline-app falls --format json` on a store, in this process: the parsed rows."""

    def run(store: Store, *args: str) -> list[dict]:
        capsys.readouterr()
        code = main(["falls", "--db", str(store.path), "--format", "json", *args])
        out, err = capsys.readouterr()
        assert code == 0 and err == ""
        return json.loads(out)

    return run


def rows_for(rows: list[dict], place: str) -> list[dict]:
    return [row for row in rows if row["place"] == place]


# 1. A later article's recap counts for the date it gives -------------------------------
def test_a_recap_supports_the_first_report_date(store, tmp_path, falls):
    add(store, tmp_path / "articles", KUNDUZ_SUNDAY, KUNDUZ_RECAP)  # Aug 8 2021: a Sunday
    [kunduz] = rows_for(falls(store), "Kunduz")
    assert kunduz["status"] == "captured"
    assert kunduz["date"] == "2021-08-08" and kunduz["date_precision"] == "day"
    assert kunduz["sources"] == 2
    assert kunduz["outlets"] == ["Kabul Wire", "Mountain Herald"]
    assert kunduz["dissent"] == []
    assert kunduz["first_reported"] == "2021-08-08"  # the first report, not the recap
    assert kunduz["confidence"] == pytest.approx(0.75)  # all the weight, two sources


# 2. A claim weighs half a direct report, and is dissent ---------------------------------
def test_direct_reports_outweigh_a_claim_which_stays_as_dissent(store, tmp_path, falls):
    # The claim dates the fall Thursday Aug 12; two outlets report it on Friday Aug 13.
    add(store, tmp_path / "articles", HERAT_CLAIM, HERAT_FRIDAY, HERAT_AUG_13)
    [herat] = rows_for(falls(store), "Herat")
    assert herat["date"] == "2021-08-13" and herat["status"] == "captured"
    assert herat["sources"] == 2
    assert herat["outlets"] == ["Kabul Wire", "Mountain Herald"]
    assert [(d["date"], d["status"], d["outlet"]) for d in herat["dissent"]] == [
        ("2021-08-12", "claimed", "Frontier Radio")
    ]
    # weights: 1 + 1 for Aug 13, 0.5 for the claim -> share 0.8, times 1 - 0.5**2
    assert herat["confidence"] == pytest.approx(0.8 * 0.75, abs=1e-3)


# 3. Copies of one wire story count once ------------------------------------------------
def test_syndicated_copies_count_once_and_a_differently_worded_report_counts(
    store, tmp_path, falls
):
    wire = (
        "Taliban fighters captured Ghazni on Thursday, a provincial council member said."
        " The city lies on the main highway between Kabul and Kandahar."
    )
    # The same wire text under two outlets, each with its own headline (identical files
    # would not be imported twice); the copy changed a comma to a dash, double spaces.
    copy = wire.replace("Thursday,", "Thursday --").replace("Taliban fighters", "Taliban  fighters")
    folder = tmp_path / "articles"
    add(
        store, folder,
        ("Kabul Wire", "2021-08-13", "Ghazni lost\n\n" + wire),
        ("Valley Daily", "2021-08-13", "Insurgents take highway city\n\n" + copy),
    )  # fmt: skip
    [ghazni] = rows_for(falls(store), "Ghazni")
    assert ghazni["date"] == "2021-08-12"
    assert ghazni["sources"] == 1
    assert ghazni["confidence"] == pytest.approx(0.5)

    own_words = (
        "The provincial capital of Ghazni was seized by the Taliban on Aug. 12, its governor"
        " fleeing toward Kabul. Officials in the capital said talks were under way."
    )
    add(store, folder, ("Mountain Herald", "2021-08-14", own_words))
    [ghazni] = rows_for(falls(store), "Ghazni")
    assert ghazni["date"] == "2021-08-12"
    assert ghazni["sources"] == 2
    assert ghazni["outlets"] == ["Kabul Wire", "Mountain Herald"]
    assert ghazni["confidence"] == pytest.approx(0.75)


# 4. A retaking closes a fall; a later fall opens the next change ------------------------
QALA_FALL = (
    "Kabul Wire", "2021-07-08",
    "Taliban fighters captured Qala-e-Naw on Wednesday, a provincial official said. Many"
    " residents stayed indoors as gunfire echoed through the streets.",
)  # fmt: skip
QALA_RETAKEN = (
    "Valley Daily", "2021-07-10",
    "Afghan forces retook Qala-e-Naw on Friday after a counter-offensive backed by air"
    " strikes, the defence ministry said.",
)  # fmt: skip
QALA_AGAIN = (
    "Mountain Herald", "2021-08-11",
    "The Taliban captured Qala-e-Naw on Tuesday for the second time in five weeks,"
    " residents said. The provincial police chief was not reachable.",
)  # fmt: skip


def test_captured_retaken_captured_again_are_three_changes_in_order(store, tmp_path, falls):
    add(store, tmp_path / "articles", QALA_FALL, QALA_RETAKEN, QALA_AGAIN)
    rows = rows_for(falls(store), "Qala-e-Naw")
    assert [(r["status"], r["date"]) for r in rows] == [
        ("captured", "2021-07-07"),
        ("retaken", "2021-07-09"),
        ("captured", "2021-08-10"),
    ]
    assert [r["outlets"] for r in rows] == [["Kabul Wire"], ["Valley Daily"], ["Mountain Herald"]]
    assert all(r["dissent"] == [] for r in rows)

    # The retaking is what splits them: the two falls are only 34 days apart, and
    # without it the second would be a dissenting report of the first.
    with Store(tmp_path / "no_retake.db") as other:
        add(other, tmp_path / "no_retake", QALA_FALL, QALA_AGAIN)
        [single] = rows_for(falls(other), "Qala-e-Naw")
    assert single["date"] == "2021-07-07"
    assert [d["date"] for d in single["dissent"]] == ["2021-08-10"]


# 5. The analyst wins --------------------------------------------------------------------
def _event(store: Store, place: str, status: str) -> dict:
    [event] = [e for e in store.events() if e["place"] == place and e["status"] == status]
    return event


def test_an_analyst_edit_gives_the_date_with_confidence_one(store, tmp_path, falls):
    add(store, tmp_path / "articles", HERAT_CLAIM, HERAT_FRIDAY, HERAT_AUG_13)
    assert rows_for(falls(store), "Herat")[0]["date"] == "2021-08-13"
    # The analyst moves the lone claim (weight 0.5, Aug 12) to Aug 11: by weight alone
    # the two direct reports of Aug 13 would still win.
    claimed = _event(store, "Herat", "claimed")
    Review(store, user="tester").edit(claimed["id"], date="2021-08-11")
    [herat] = rows_for(falls(store), "Herat")
    assert herat["date"] == "2021-08-11"
    assert herat["status"] == "captured"
    assert herat["confidence"] == 1.0
    assert herat["analyst"] is True
    outvoted = [(d["date"], d["outlet"]) for d in herat["dissent"] if d["status"] == "captured"]
    assert outvoted == [("2021-08-13", "Kabul Wire"), ("2021-08-13", "Mountain Herald")]


def test_an_analyst_confirmation_of_the_minority_date_wins(store, tmp_path, falls):
    add(store, tmp_path / "articles", HERAT_CLAIM, HERAT_FRIDAY, HERAT_AUG_13)
    claimed = _event(store, "Herat", "claimed")
    assert claimed["date"] == "2021-08-12"
    Review(store, user="tester").set_reviewed(claimed["id"])
    [herat] = rows_for(falls(store), "Herat")
    assert herat["date"] == "2021-08-12"
    assert herat["status"] == "captured"  # a confirmed claim is a fall
    assert herat["confidence"] == 1.0
    assert herat["analyst"] is True


# 6. --period ----------------------------------------------------------------------------
def test_reports_dated_outside_the_period_are_left_out(store, tmp_path, falls):
    early_herat = (
        "Frontier Radio", "2021-07-31",
        "Taliban fighters captured Herat on Friday, a local elder told the radio. The"
        " report could not be confirmed.",
    )  # fmt: skip
    add(store, tmp_path / "articles", early_herat, HERAT_FRIDAY, HERAT_AUG_13, QALA_FALL)

    everything = falls(store)  # the shipped profile's period: May to September 2021
    [herat] = rows_for(everything, "Herat")
    assert herat["date"] == "2021-08-13"
    assert [d["date"] for d in herat["dissent"]] == ["2021-07-30"]
    assert rows_for(everything, "Qala-e-Naw")

    august = falls(store, "--period", "2021-08-01..2021-08-31")
    assert {row["place"] for row in august} == {"Herat"}  # Qala-e-Naw fell in July
    [herat] = august
    assert herat["date"] == "2021-08-13"
    assert herat["dissent"] == []  # the July 30 report is out, not dissent
    assert herat["sources"] == 2 and herat["confidence"] == pytest.approx(0.75)


def test_without_period_the_shipped_profile_period_applies(store, tmp_path, falls):
    old_story = (
        "Kabul Wire", "2015-09-28",
        "Taliban fighters captured Kunduz on Monday, police in the province said. It was"
        " the first provincial capital taken by the movement in years.",
    )  # fmt: skip
    add(store, tmp_path / "articles", old_story, KUNDUZ_SUNDAY)
    assert [r["date"] for r in rows_for(falls(store), "Kunduz")] == ["2021-08-08"]
    in_2015 = falls(store, "--period", "2015-01-01..2015-12-31")
    assert [r["date"] for r in rows_for(in_2015, "Kunduz")] == ["2015-09-28"]


# 7. The command line's four formats ------------------------------------------------------
def cli(*args) -> str:
    done = subprocess.run(
        [str(CLI), *map(str, args)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory) -> Path:
    """Kunduz (one change) and Herat (one change with a dissenting claim), imported
    with `timeline-app import`."""
    folder = tmp_path_factory.mktemp("cli")
    paths = [
        write_article(folder / "articles", f"a{i}", *article)
        for i, article in enumerate([KUNDUZ_SUNDAY, KUNDUZ_RECAP, HERAT_CLAIM, HERAT_FRIDAY])
    ]
    db = folder / "falls.db"
    out = cli("import", "--db", db, "--published", "2021-08-15", *paths)
    assert "4 imported" in out
    return db


def test_falls_json_is_one_array_of_changes(cli_db):
    rows = json.loads(cli("falls", "--db", cli_db, "--format", "json"))
    assert isinstance(rows, list) and len(rows) == 2
    for row in rows:
        assert set(FALL_KEYS) <= set(row), set(FALL_KEYS) - set(row)
    assert [(r["place"], r["date"]) for r in rows] == [
        ("Herat", "2021-08-13"), ("Kunduz", "2021-08-08")
    ]  # fmt: skip
    herat = rows[0]
    assert herat["province"] == "Herat" and herat["country"] == "Afghanistan"
    assert isinstance(herat["outlets"], list) and isinstance(herat["dissent"], list)
    assert 0 < herat["confidence"] <= 1


def test_falls_csv_has_a_header_then_one_row_per_change(cli_db):
    rows = list(csv.reader(io.StringIO(cli("falls", "--db", cli_db, "--format", "csv"))))
    assert rows[0] == FALL_KEYS
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [(r["place"], r["date"], r["sources"]) for r in body] == [
        ("Herat", "2021-08-13", "1"), ("Kunduz", "2021-08-08", "2")
    ]  # fmt: skip
    kunduz = body[1]
    assert kunduz["outlets"] == "Kabul Wire; Mountain Herald"
    assert json.loads(kunduz["dissent"]) == []
    assert [d["status"] for d in json.loads(body[0]["dissent"])] == ["claimed"]


def test_falls_text_ends_with_the_count(cli_db):
    lines = cli("falls", "--db", cli_db, "--format", "text").splitlines()
    assert lines[-1] == "2 change(s) of control"
    assert len(lines) == 3
    assert lines[0].startswith("Herat") and "Fell 13 Aug 2021" in lines[0]
    assert lines[1].startswith("Kunduz") and "Fell 8 Aug 2021 · 2 sources" in lines[1]


def test_falls_geojson_is_a_feature_collection_of_points(cli_db):
    text = cli("falls", "--db", cli_db, "--format", "geojson")
    rows = json.loads(cli("falls", "--db", cli_db, "--format", "json"))
    collection = json.loads(text)
    # Structural check, always.
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert isinstance(features, list) and len(features) == len(rows) == 2
    for feature, row in zip(features, rows, strict=True):
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]  # GeoJSON order: longitude first
        assert all(isinstance(v, int | float) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert [lon, lat] == [row["lon"], row["lat"]]
        assert isinstance(feature["properties"], dict)
        assert feature["properties"]["place"] == row["place"]
        assert feature["properties"]["date"] == row["date"]
    kunduz = next(f for f in features if f["properties"]["place"] == "Kunduz")
    assert kunduz["geometry"]["coordinates"] == pytest.approx([68.86, 36.73])
    # And a GeoJSON library's own opinion, where it is installed.
    if geojson is not None:
        parsed = geojson.loads(text)
        assert parsed.is_valid, parsed.errors()


# Found while writing the above ----------------------------------------------------------
def test_text_verdict_does_not_list_the_consensus_date_as_disagreeing(store, tmp_path, capsys):
    """A claim dated the same day as the direct reports agrees on the date: the verdict
    must not say that someone "says" the very date it gives."""
    claim_friday = (
        "Frontier Radio", "2021-08-14",
        "A Taliban spokesman said on Saturday that the movement's fighters had seized Herat"
        " on Friday. There was no word from the governor's office.",
    )  # fmt: skip
    add(store, tmp_path / "articles", claim_friday, HERAT_FRIDAY, HERAT_AUG_13)
    capsys.readouterr()
    assert main(["falls", "--db", str(store.path), "--format", "text"]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("Herat")]
    assert "Fell 13 Aug 2021" in line
    assert "says 13 Aug" not in line, line


def test_the_claim_an_analyst_confirmed_is_not_its_own_dissent(store, tmp_path, falls):
    """The dissent is the reports that disagree with the change; the very report an
    analyst confirmed gives the change its date, so it cannot also dissent from it."""
    add(store, tmp_path / "articles", HERAT_CLAIM, HERAT_FRIDAY, HERAT_AUG_13)
    claimed = _event(store, "Herat", "claimed")
    Review(store, user="tester").set_reviewed(claimed["id"])
    [herat] = rows_for(falls(store), "Herat")
    assert herat["date"] == "2021-08-12" and herat["analyst"] is True
    assert [(d["date"], d["outlet"]) for d in herat["dissent"]] == [
        ("2021-08-13", "Kabul Wire"), ("2021-08-13", "Mountain Herald")
    ]  # fmt: skip


def test_default_period_of_a_two_country_database_drops_neither_country(store, tmp_path, falls):
    """Each shipped profile's period is for its own country: Kunduz (Afghanistan, Aug
    2021) and Goma (DR Congo, Jan 2025) in one database are both in their periods."""
    add(store, tmp_path / "afghan", KUNDUZ_SUNDAY)
    goma = (
        "Lakes Post", "2025-01-27",
        "M23 rebels captured Goma on Monday after Congolese troops withdrew, witnesses said."
        " Crowds gathered near the lake shore as the shooting died down.",
    )  # fmt: skip
    path = write_article(tmp_path / "congo", "goma", *goma)
    drc = Gazetteer.load(package_data() / "drc.csv")
    assert len(import_paths([path], store, drc).imported) == 1
    every_date = falls(store, "--period", "2021-01-01..2025-12-31")
    assert [(r["place"], r["date"]) for r in every_date] == [
        ("Goma", "2025-01-27"), ("Kunduz", "2021-08-08")
    ]  # fmt: skip
    by_default = falls(store)
    assert [(r["place"], r["date"]) for r in by_default] == [
        ("Goma", "2025-01-27"), ("Kunduz", "2021-08-08")
    ]  # fmt: skip


def test_a_lone_retaking_amid_reports_of_the_fall_is_dissent_not_a_change(
    store, tmp_path, falls
):
    second = ("Frontier Radio", "2021-07-08",
              "Qala-e-Naw was seized by the Taliban on Wednesday, witnesses told the radio.")
    again = ("Mountain Herald", "2021-07-16",
             "The Taliban captured Qala-e-Naw on Thursday, residents said.")  # fmt: skip
    add(store, tmp_path / "articles", QALA_FALL, second, QALA_RETAKEN, again)
    rows = rows_for(falls(store), "Qala-e-Naw")
    assert [(r["status"], r["date"], r["sources"]) for r in rows] == [
        ("captured", "2021-07-07", 2)
    ]
    assert {(d["status"], d["date"]) for d in rows[0]["dissent"]} == {
        ("retaken", "2021-07-09"), ("captured", "2021-07-15")}


def test_a_fall_known_to_the_month_is_not_told_as_a_day(store, tmp_path, capsys):
    """ "In August, the fighters took Kunduz": the change is dated to the month, and the
    verdict says so, not that it fell on the 15th (the day that stands for the month)."""
    in_august = ("Steppe Review", "2021-09-20",
                 "In August, Taliban fighters took Kunduz after weeks of fighting.")
    add(store, tmp_path / "articles", in_august)
    capsys.readouterr()
    assert main(["falls", "--db", str(store.path), "--format", "text"]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("Kunduz")]
    assert "Fell in Aug 2021 · 1 source" in line, line


def test_one_later_report_does_not_put_another_war_in_the_shipped_period(tmp_path):
    """Reports of 2018 in Syria and one retrospective published in 2024, inside the
    shipped Syria period: most of the database is another war, whose falls `falls`
    still lists."""
    places = tmp_path / "afrin.csv"
    places.write_text("place,province,country\nAfrin,Aleppo,Syria\nAleppo,Aleppo,Syria\n")
    articles = [
        write_article(tmp_path / "articles", "afrin", "Border Post", "2018-03-19",
                      "Turkish-backed rebels captured the town of Afrin on Sunday."),
        write_article(tmp_path / "articles", "jinderes", "Border Post", "2018-03-09",
                      "Turkish-backed rebels were fighting for the town of Afrin on Thursday."),
        write_article(tmp_path / "articles", "later", "Weekly Review", "2024-12-20",
                      "Six years ago, rebels captured Afrin; this month they took Aleppo."),
    ]  # fmt: skip
    db = tmp_path / "afrin.db"
    for article in articles:
        cli("import", "--db", db, "--gazetteer", places, article)
    rows = json.loads(cli("falls", "--db", db, "--format", "json"))
    assert ("Afrin", "captured", "2018-03-18") in [(r["place"], r["status"], r["date"])
                                                   for r in rows]  # fmt: skip


def test_another_war_in_a_country_the_app_ships_keeps_its_falls(tmp_path):
    """An analyst's own places file for Syria, and reports of 2018 (the app ships
    Syria's 2024 offensive): the shipped period is not this database's, so `falls`
    lists the 2018 change instead of none."""
    places = tmp_path / "afrin.csv"
    places.write_text("place,province,country\nAfrin,Aleppo,Syria\nAleppo,Aleppo,Syria\n")
    article = write_article(tmp_path / "articles", "afrin", "Border Post", "2018-03-19",
                            "Turkish-backed rebels captured the town of Afrin on Sunday.")
    db = tmp_path / "afrin.db"
    cli("import", "--db", db, "--gazetteer", places, article)
    rows = json.loads(cli("falls", "--db", db, "--format", "json"))
    assert [(r["place"], r["status"], r["date"]) for r in rows] == [
        ("Afrin", "captured", "2018-03-18")]  # fmt: skip
