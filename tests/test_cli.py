import csv
import io
import json

import pytest

from timeline_app.cli import main


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_then_events_as_json(tmp_path, capsys, sample_path):
    db = tmp_path / "t.db"
    code, out, err = run(capsys, "import", "--db", db, sample_path)
    assert code == 0 and "1 imported (9 events)" in out and err == ""
    code, out, _ = run(capsys, "events", "--db", db)
    events = json.loads(out)
    assert code == 0 and len(events) == 9
    kunduz = next(e for e in events if e["place"] == "Kunduz")
    assert {k: kunduz[k] for k in ("province", "country", "status", "date", "date_precision")} == {
        "province": "Kunduz", "country": "Afghanistan", "status": "surrendered",
        "date": "2021-08-11", "date_precision": "day"}  # fmt: skip
    assert kunduz["lat"] == pytest.approx(36.73)
    [source] = kunduz["sources"]
    assert source["outlet"] == "The Washington Post" and source["published"] == "2021-08-12"
    text = sample_path.read_text()
    assert text[source["start"] : source["end"]] == source["quote"]


def test_events_as_csv_has_a_row_per_source(tmp_path, capsys, sample_path):
    db = tmp_path / "t.db"
    run(capsys, "import", "--db", db, sample_path)
    code, out, _ = run(capsys, "events", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    # 9 events: Ghazni's fall is told 3 times; Herat, Kandahar and Qala-e-Naw twice each.
    assert code == 0 and len(rows) == 3 + 2 + 2 + 2 + 5
    assert {r["place"] for r in rows} >= {"Kunduz", "Ghazni", "Herat"}


def test_failed_files_exit_1_with_one_line_each_on_stderr(tmp_path, capsys, sample_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = run(capsys, "import", "--db", tmp_path / "t.db", bad, sample_path)
    assert code == 1
    assert err.strip().splitlines() == ["error: bad.txt: the file is empty"]
    assert "1 imported" in out and "Traceback" not in err


def test_articles_lists_flags(tmp_path, capsys):
    undated = tmp_path / "u.txt"
    undated.write_text("The Taliban captured Herat on Tuesday.")
    db = tmp_path / "t.db"
    _, _, err = run(capsys, "import", "--db", db, undated)
    assert "have no publication date: import them again with --published YYYY-MM-DD" in err
    code, out, _ = run(capsys, "articles", "--db", db)
    assert code == 0 and "[no publication date]" in out and "1 article(s)" in out


def test_bad_database_is_a_message_not_a_traceback(tmp_path, capsys):
    db = tmp_path / "x.db"
    db.write_text("not sqlite" * 200)
    code, _, err = run(capsys, "events", "--db", db)
    assert code == 2 and err.startswith("timeline-app: x.db is not a Timeline database")


def test_another_gazetteer(tmp_path, capsys):
    gazetteer = tmp_path / "iraq.csv"
    gazetteer.write_text("place,province,country,lat,lon\nMosul,Nineveh,Iraq,36.34,43.13\n")
    article = tmp_path / "a.txt"
    article.write_text("Published June 11, 2014\n\nMILITANTS seized Mosul on Tuesday.")
    db = tmp_path / "t.db"
    run(capsys, "import", "--db", db, "--gazetteer", gazetteer, article)
    _, out, _ = run(capsys, "events", "--db", db)
    assert [(e["place"], e["country"], e["date"]) for e in json.loads(out)] == [
        ("Mosul", "Iraq", "2014-06-10")]  # fmt: skip


def test_default_database_location_can_be_overridden(tmp_path, capsys, monkeypatch, sample_path):
    monkeypatch.setenv("TIMELINE_APP_DB", str(tmp_path / "default.db"))
    run(capsys, "import", sample_path)
    assert (tmp_path / "default.db").exists()


def test_bad_date_option_is_a_usage_error(tmp_path, capsys, sample_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "--published", "12/08/2021", str(sample_path)])
    assert exit_info.value.code == 2
    assert "not a date in YYYY-MM-DD form" in capsys.readouterr().err


def test_history_prints_each_edit_with_its_author(tmp_path, capsys, sample_path):
    from timeline_app.review import Review
    from timeline_app.storage import Store

    db = tmp_path / "t.db"
    run(capsys, "import", "--db", db, sample_path)
    with Store(db) as store:
        herat = next(e for e in store.events() if e["place"] == "Herat")
        review = Review(store, user="ann")
        review.undo(review.edit(herat["id"], date="2021-08-13"))
    code, out, _ = run(capsys, "history", "--db", db)
    lines = out.strip().splitlines()
    assert code == 0 and lines[-1] == "2 edit(s)"
    assert (
        "ann" in lines[0]
        and "edit" in lines[0]
        and "date: '2021-08-12' -> '2021-08-13'" in lines[0]
    )
    assert "undo edit" in lines[1] and "date: '2021-08-13' -> '2021-08-12'" in lines[1]
    code, out, _ = run(capsys, "events", "--db", db)
    herat = next(e for e in json.loads(out) if e["place"] == "Herat")
    assert {"reviewed", "rejected", "note"} <= herat.keys()
    assert all({"date", "status"} <= s.keys() for s in herat["sources"])


def test_events_json_has_one_event_a_line(tmp_path, capsys, sample_path):
    """The array is written event by event: `grep Kunduz` finds a whole event."""
    db = tmp_path / "t.db"
    run(capsys, "import", "--db", db, sample_path)
    _, out, _ = run(capsys, "events", "--db", db)
    lines = out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 9 + 2
    [kunduz] = [line for line in lines if '"Kunduz"' in line]
    assert json.loads(kunduz.rstrip(","))["status"] == "surrendered"


def test_events_read_in_small_chunks_keep_each_event_whole(
    tmp_path, capsys, sample_path, monkeypatch
):
    """Events read two at a time keep their order and each its sources."""
    from timeline_app.storage import output

    db = tmp_path / "t.db"
    run(capsys, "import", "--db", db, sample_path)
    _, whole, _ = run(capsys, "events", "--db", db)
    monkeypatch.setattr(output, "BATCH_EVENTS", 2)
    _, chunked, _ = run(capsys, "events", "--db", db)
    assert json.loads(chunked) == json.loads(whole)
    assert sorted(len(e["sources"]) for e in json.loads(chunked)) == [1, 1, 1, 1, 1, 2, 2, 2, 3]


def test_an_empty_database_prints_an_empty_array(tmp_path, capsys):
    code, out, _ = run(capsys, "events", "--db", tmp_path / "t.db")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run(capsys, "falls", "--db", tmp_path / "t.db", "--format", "geojson")
    assert code == 0 and json.loads(out) == {"type": "FeatureCollection", "features": []}


def test_explain_shows_each_event_with_its_rules_and_what_was_joined(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(
        "Fighting spread across the north on Thursday.\n\n"
        "Taliban fighters captured Kunduz on Sunday.\n\n"
        "Residents who stayed when Kunduz fell said food was scarce.\n"
    )
    code, out, _ = run(capsys, "explain", article, "--published", "2021-08-12")
    assert code == 0
    kept = "KEPT Kunduz captured 2021-08-08: capture verb 'captured'; date in clause 'Sunday'"
    assert kept in out
    assert "JOINED Kunduz captured 2021-08-12 -> 2021-08-08: told again" in out
    assert out.rstrip().endswith("Kunduz           captured    2021-08-08 (day)  2 sentence(s)")
