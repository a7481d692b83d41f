"""Text from articles must not become a formula when an analyst opens one of our
CSV files in a spreadsheet: a text cell that starts with =, +, -, @, tab or
carriage return gets a leading ' (OWASP, CSV injection); numbers stay numbers."""

import csv
import io
import json

import pytest

from timeline_app import cli
from timeline_app.cli import main

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def db(tmp_path, capsys):
    places = tmp_path / "places.csv"
    places.write_text("place,province,country,lat,lon\nMosul,Nineveh,Iraq,-36.34,-43.13\n")
    article = tmp_path / "a.txt"
    article.write_text(
        "Published June 11, 2014\n\n-MILITANTS seized Mosul on Tuesday, @officials said.\n"
    )
    (tmp_path / "a.txt.json").write_text(
        json.dumps({"outlet": "@SUM(1+1)", "title": '=HYPERLINK("http://198.51.100.7","x")'})
    )
    path = tmp_path / "t.db"
    assert main(["import", "--db", str(path), "--gazetteer", str(places), str(article)]) == 0
    capsys.readouterr()
    return path


def rows(capsys, *argv):
    assert main([*argv]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def assert_safe(row):
    for column, cell in row.items():
        assert not cell.startswith(DANGEROUS) or _is_number(cell), (column, cell)


def _is_number(cell):
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_events_csv(db, capsys):
    [row] = rows(capsys, "events", "--db", str(db), "--format", "csv")
    assert_safe(row)
    assert row["source_title"] == '\'=HYPERLINK("http://198.51.100.7","x")'
    assert row["source_outlet"] == "'@SUM(1+1)"
    assert row["source_quote"] == "'-MILITANTS seized Mosul on Tuesday, @officials said."
    assert (row["lat"], row["lon"]) == ("-36.34", "-43.13")  # numbers, not text


def test_events_acled(db, capsys):
    [row] = rows(capsys, "events", "--db", str(db), "--format", "acled")
    assert_safe(row)
    assert row["source"] == "'@SUM(1+1)"
    assert (row["latitude"], row["longitude"]) == ("-36.34", "-43.13")


def test_falls_csv(db, capsys):
    [row] = rows(capsys, "falls", "--db", str(db), "--format", "csv")
    assert_safe(row)
    assert row["outlets"] == "'@SUM(1+1)"


def test_every_dangerous_start_and_only_text_cells():
    assert [cli.spreadsheet_cell(c + "1+1") for c in DANGEROUS] == [
        "'" + c + "1+1" for c in DANGEROUS
    ]
    assert [cli.spreadsheet_cell(v) for v in (-3, -1.5, None, "", "Herat", " =x")] == [
        -3, -1.5, None, "", "Herat", " =x",
    ]  # fmt: skip


def test_the_window_exports_through_the_same_writer():
    from timeline_app.gui import main_window

    assert main_window.write_events_csv is cli.write_events_csv


def test_a_carriage_return_inside_a_cell_is_quoted_in_every_csv(tmp_path, capsys):
    """A bare CR would end the row for a reader: the cell is quoted, in the events
    CSVs SQLite writes and in those Python writes alike."""
    out = io.StringIO()
    cli._CsvWriter(out).writerow(["a\rb", "c"])
    assert out.getvalue() == '"a\rb",c\n'
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["a\rb", "c"]]
