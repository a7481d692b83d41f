"""`timeline-app export-png --map`: the map on one day, or one frame per day."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from tests.test_consensus import QALA_FALL, QALA_RETAKEN, add
from timeline_app import statuses
from timeline_app.cli import main

# the export paints with whatever Qt application exists; pytest-qt's QApplication
# first, so that the GUI tests after these find theirs (not a QGuiApplication)
pytestmark = pytest.mark.usefixtures("qapp")


def pixels_like(path, colour: str, tolerance: int = 12) -> int:
    """How many pixels of the PNG are (nearly) ``colour``."""
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert not image.isNull(), path
    data = np.frombuffer(image.constBits(), dtype=np.uint8)
    rows = data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3]
    rgb = rows.reshape(image.height(), image.width(), 3).astype(int)
    want = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int(np.count_nonzero(np.abs(rgb - want).max(axis=2) <= tolerance))


@pytest.fixture
def qala_db(store, tmp_path):
    add(store, tmp_path / "articles", QALA_FALL, QALA_RETAKEN)
    return store.path


def export(*args) -> int:
    return main(["export-png", *map(str, args)])


def test_the_map_shows_a_city_fallen_from_its_day_and_retaken_after(qala_db, tmp_path, capsys):
    captured, retaken = statuses.of("captured").colour, statuses.of("retaken").colour
    for day, fallen, back in (("2021-07-06", 0, 0), ("2021-07-07", 1, 0), ("2021-07-09", 0, 1)):
        out = tmp_path / f"map-{day}.png"
        assert export(out, "--db", qala_db, "--map", "--date", day) == 0
        assert capsys.readouterr().out.strip() == f"saved {out}"
        assert (pixels_like(out, captured) > 40) == bool(fallen), day
        assert (pixels_like(out, retaken) > 40) == bool(back), day


def test_frames_are_one_png_per_step_of_the_period_in_order(qala_db, tmp_path, capsys):
    folder = tmp_path / "frames"
    # the shipped Afghan period: 2021-05-01..2021-09-10, 133 days
    assert export(folder, "--db", qala_db, "--map", "--frames", "--every", 30, "--width", 400) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "map-0001-2021-05-01.png", "map-0002-2021-05-31.png", "map-0003-2021-06-30.png",
        "map-0004-2021-07-30.png", "map-0005-2021-08-29.png",
    ]  # fmt: skip
    assert capsys.readouterr().out.strip() == f"saved 5 frames in {folder}"
    assert QImage(str(folder / names[0])).width() == 400


@pytest.mark.parametrize(
    "args, message",
    [
        (["--date", "2021-07-07"], "--date and --frames go with --map"),
        (["--map", "--frames", "--every", "0"], "--every must be a number of days"),
    ],
)
def test_wrong_combinations_are_one_line(qala_db, tmp_path, capsys, args, message):
    assert export(tmp_path / "x.png", "--db", qala_db, *args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_an_unwritable_place_is_one_line_for_the_map_and_the_timeline(qala_db, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for args in (["--map"], [], ["--map", "--frames"]):
        target = blocker / "out.png" if "--frames" not in args else blocker
        assert export(target, "--db", qala_db, *args) == 1
        err = capsys.readouterr().err
        assert err.startswith("timeline-app: ") and err.count("\n") == 1, err


def test_too_many_frames_are_refused_before_any_is_drawn(qala_db, tmp_path, capsys):
    folder = tmp_path / "frames"
    period = "1950-01-01..2021-12-31"  # 26,000 days
    assert export(folder, "--db", qala_db, "--map", "--frames", "--period", period) == 1
    err = capsys.readouterr().err
    assert "too many" in err and "--every" in err and err.count("\n") == 1
    assert not folder.exists() or not any(folder.iterdir())


def test_the_period_given_keeps_a_fall_outside_it_off_the_map(qala_db, tmp_path, capsys):
    out = tmp_path / "later.png"
    # the fall (7 Jul) and the retaking (9 Jul) lie before this period
    assert export(out, "--db", qala_db, "--map", "--period", "2021-07-20..2021-08-31") == 0
    assert pixels_like(out, statuses.of("captured").colour) <= 40
    assert pixels_like(out, statuses.of("retaken").colour) <= 40
