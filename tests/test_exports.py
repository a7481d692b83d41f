"""What the analyst takes to other tools: ACLED-like rows, the period of the database,
and a PNG that draws what the window draws."""

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

from timeline_app.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    return code, capsys.readouterr().out


def write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_acled_rows_map_statuses_and_precisions(tmp_path, capsys):
    db = str(tmp_path / "t.db")
    article = write(tmp_path, "a.txt", "The Taliban captured Kunduz on Sunday.\n\n"
                    "Fighting raged in Herat on Tuesday.\n\n"
                    "Government forces retook Lashkar Gah on Wednesday.")  # fmt: skip
    assert run(capsys, "import", "--db", db, "--published", "2021-08-12", str(article))[0] == 0
    code, out = run(capsys, "events", "--db", db, "--format", "acled")
    rows = {row["location"]: row for row in csv.DictReader(io.StringIO(out))}
    assert code == 0
    kunduz = rows["Kunduz"]
    assert kunduz["event_date"] == "2021-08-08" and kunduz["time_precision"] == "1"
    assert kunduz["sub_event_type"] == "Non-state actor overtakes territory"
    assert kunduz["admin1"] == "Kunduz" and float(kunduz["latitude"]) > 30
    assert "captured Kunduz" in kunduz["notes"]
    assert rows["Herat"]["sub_event_type"] == "Armed clash"
    assert rows["Lashkar Gah"]["sub_event_type"] == "Government regains territory"


def test_import_period_is_kept_in_the_database_and_falls_obeys_it(tmp_path, capsys):
    db = str(tmp_path / "t.db")
    old = write(tmp_path, "old.txt", "The Taliban captured Kunduz on Monday, Sept. 28, 2015.")
    new = write(tmp_path, "new.txt", "The Taliban captured Kunduz on Sunday.")
    run(capsys, "import", "--db", db, "--period", "2021-05-01..2021-09-10", str(old))
    run(capsys, "import", "--db", db, "--published", "2021-08-12", str(new))
    _, out = run(capsys, "falls", "--db", db, "--format", "json")
    assert [row["date"] for row in json.loads(out)] == ["2021-08-08"]
    from timeline_app.storage import Store

    with Store(tmp_path / "t.db") as store:
        assert store.period() == (dt.date(2021, 5, 1), dt.date(2021, 9, 10))
    _, out = run(capsys, "falls", "--db", db, "--format", "json", "--period",
                 "2015-01-01..2015-12-31")  # fmt: skip
    assert [row["date"] for row in json.loads(out)] == ["2015-09-28"]


def test_a_bad_period_is_refused_in_one_line(tmp_path, capsys):
    import pytest

    with pytest.raises(SystemExit) as exit_info:
        main(["falls", "--db", str(tmp_path / "t.db"), "--period", "2021-09-10..2021-05-01"])
    assert exit_info.value.code == 2
    assert "ends before it starts" in capsys.readouterr().err


def test_png_draws_the_consensus_by_default_and_every_report_with_evidence(tmp_path, capsys):
    from PySide6.QtGui import QImage

    db = str(tmp_path / "t.db")
    for number, outlet in enumerate(("Daily One", "Daily Two", "Daily Three")):
        text = f"Report {number}: the Taliban captured Kunduz on Sunday, residents said."
        path = write(tmp_path, f"{number}.txt", text)
        write(tmp_path, f"{number}.txt.json",
              json.dumps({"outlet": outlet, "published": "2021-08-12"}))  # fmt: skip
        run(capsys, "import", "--db", db, str(path))
    consensus, evidence = tmp_path / "c.png", tmp_path / "e.png"
    # in a process of its own: the export makes a QGuiApplication, the GUI tests a QApplication
    app = Path(sys.executable).parent / "timeline-app"
    for out, extra in ((consensus, []), (evidence, ["--evidence"])):
        done = subprocess.run([str(app), "export-png", str(out), "--db", db, "--width", "800",
                               *extra], capture_output=True, text=True, timeout=120)  # fmt: skip
        assert done.returncode == 0, done.stderr
    one, other = QImage(str(consensus)), QImage(str(evidence))
    assert one.width() == other.width() == 800
    assert one != other  # the consensus ring and its legend are drawn


def test_a_database_keeps_its_places_file_for_later_imports(tmp_path, capsys):
    from timeline_app.paths import package_data

    db = str(tmp_path / "congo.db")
    first = write(tmp_path, "first.txt", "Rebels captured Bukavu on Sunday.")
    later = write(tmp_path, "later.txt", "Rebels captured Goma on Monday.")
    run(capsys, "import", "--db", db, "--published", "2025-02-17",
        "--gazetteer", str(package_data() / "drc.csv"), str(first))  # fmt: skip
    code, out = run(capsys, "import", "--db", db, "--published", "2025-01-29", str(later))
    assert code == 0 and "1 imported (1 events)" in out
    _, out = run(capsys, "falls", "--db", db, "--format", "json")
    assert {(r["place"], r["date"]) for r in json.loads(out)} == {
        ("Bukavu", "2025-02-16"), ("Goma", "2025-01-27")}
    _, out = run(capsys, "places", "--db", db)
    assert "drc.csv" in out and "afghanistan.csv" in out
    assert "this database: places: drc.csv (the database's)" in out
