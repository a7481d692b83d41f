"""Places files (--gazetteer) that are odd or hostile: names that do not start
with a letter, names that are ordinary words, a place listed twice, a place
already stored elsewhere, a file far too big."""

import sqlite3

import pytest

from timeline_app import cli
from timeline_app.extraction.gazetteer import Gazetteer, GazetteerError

HEADER = "place,province,country\n"


def places_file(tmp_path, body, name="places.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body)
    return path


def found(gazetteer, text):
    return [text[m.start : m.end] for m in gazetteer.find(text)]


def test_names_that_do_not_start_with_a_letter_are_read_and_found(tmp_path):
    path = places_file(tmp_path, "'Amran,'Amran,Yemen\n6th of October,Giza,Egypt\n")
    gazetteer = Gazetteer.load(path)
    text = "Houthi fighters took 'Amran on Monday; police left 6th of October city."
    assert found(gazetteer, text) == ["Amran", "6th of October city"]


@pytest.mark.parametrize(
    ("row", "reason"),
    [("(", "no letters"), ("A", "too short"), ("The", "ordinary English word"),
     ("Said", "ordinary English word")],
)  # fmt: skip
def test_names_that_would_match_ordinary_text_are_refused_with_their_row(tmp_path, row, reason):
    path = places_file(tmp_path, f"Herat,Herat,Afghanistan\n{row},Somewhere,Nowhere\n")
    with pytest.raises(GazetteerError) as refused:
        Gazetteer.load(path)
    assert str(refused.value).startswith(f"places.csv: row 3: {row!r} ")
    assert reason in str(refused.value)


def test_a_province_variant_that_is_a_word_is_refused_too(tmp_path):
    path = tmp_path / "places.csv"
    path.write_text("place,province,province_variants,country\nHerat,Herat,The,Afghanistan\n")
    with pytest.raises(GazetteerError, match=r"row 2: 'The' is an ordinary English word"):
        Gazetteer.load(path)


def test_a_place_listed_twice_is_refused_naming_both_rows(tmp_path):
    path = places_file(
        tmp_path, "Herat,Herat,Afghanistan\nGhazni,Ghazni,Afghanistan\nHerat,Farah,Afghanistan\n"
    )
    with pytest.raises(GazetteerError, match=r"row 4: Herat is already row 2"):
        Gazetteer.load(path)


def test_a_stored_place_is_never_moved_to_another_province(tmp_path, capsys):
    db, article = tmp_path / "work.db", tmp_path / "a.txt"
    article.write_text("Published Aug. 12, 2021\n\nThe Taliban captured Herat on Monday.\n")
    assert cli.main(["import", "--db", str(db), str(article)]) == 0
    moved = places_file(tmp_path, "Herat,Farah,Afghanistan\n", name="moved.csv")
    article.write_text("Published Aug. 13, 2021\n\nThe Taliban captured Herat on Tuesday.\n")
    capsys.readouterr()
    code = cli.main(["import", "--db", str(db), "--gazetteer", str(moved), str(article)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(
        "timeline-app: moved.csv: Herat is in Farah, Afghanistan in the file but stored in "
        "Herat, Afghanistan"
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT province FROM places WHERE id = 'afghanistan-herat'"
        ).fetchall() == [("Herat",)]
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_a_50_mb_places_file_is_refused_saying_the_limit(tmp_path):
    path = tmp_path / "huge.csv"
    block = "".join(f"Place{n:07d},Province{n % 400},Country\n" for n in range(20000))
    with path.open("w") as out:
        out.write(HEADER)
        while out.tell() < 50_000_000:
            out.write(block)
    limit = r"huge\.csv: 50 MB; a places file may be at most 2 MB"
    with pytest.raises(GazetteerError, match=limit):
        Gazetteer.load(path)
