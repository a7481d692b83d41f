"""The map beside the timeline: another country's database from the File menu,
its events on the map, selection shared both ways, play, export."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.gui.conftest import import_and_wait, new_database
from tests.test_consensus import QALA_FALL, QALA_RETAKEN, add
from timeline_app.timeline_data import to_x

D = dt.date


def state_of(window, name: str) -> str | None:
    return next(s.status for s in window.map.canvas.states if s.place.name == name)


def click_place(qtbot, window, name: str) -> None:
    place_id = next(s.place.id for s in window.map.canvas.states if s.place.name == name)
    hit = next(h for h in window.map.canvas.hits if h.place_id == place_id)
    point = QPoint(int(hit.x), int(hit.y))
    qtbot.mouseClick(window.map.canvas, Qt.MouseButton.LeftButton, pos=point)


def test_a_new_database_for_another_country_shows_its_map_and_events(
    qtbot, window, answers, tmp_path, monkeypatch
):
    new_database(window, monkeypatch, tmp_path / "congo.db", "drc.csv")
    assert window.map.canvas.country_map.country == "CD"
    assert state_of(window, "Goma") is None  # nothing imported yet: all quiet
    article = tmp_path / "goma.txt"
    article.write_text("Published Jan. 29, 2025\n\nM23 rebels captured Goma on Monday, "
                       "residents said. Fighting went on near Bukavu.")  # fmt: skip
    import_and_wait(qtbot, window, answers, [article])
    assert [lane.name for lane in window.timeline.data.lanes] == ["Goma"]
    window.map.set_day(D(2025, 1, 27))
    assert state_of(window, "Goma") == "captured"
    assert window.map.canvas.title == "DR Congo"
    window.map.canvas.repaint()
    # clicking Goma on the map selects its change of control everywhere
    click_place(qtbot, window, "Goma")
    selected = window.timeline.selected_event()
    assert selected is not None
    assert window.store.event(selected)["place"] == "Goma"
    assert "Goma" in window.detail.toPlainText()
    assert window.table_model.event_id(window.table.currentIndex().row()) == selected
    assert window.map.day == D(2025, 1, 27)  # a click on the map keeps its day


@pytest.fixture
def qala(window, tmp_path):
    add(window.store, tmp_path / "articles", QALA_FALL, QALA_RETAKEN)
    window.refresh()
    return window


def test_selecting_an_event_moves_the_map_to_its_day_and_the_timeline_shows_it(qtbot, qala):
    window = qala
    assert window.map.day == D(2021, 7, 9)  # opens on the last change of control
    assert state_of(window, "Qala-e-Naw") == "retaken"
    changes = window.map_content.changes_of("afghanistan-qala-e-naw")
    fall = next(c for c in changes if c.status == "captured")
    window.select_event(fall.event_ids[0])
    assert window.map.day == D(2021, 7, 7)
    assert state_of(window, "Qala-e-Naw") == "captured"
    assert window.map.canvas.selected == "afghanistan-qala-e-naw"
    assert window.timeline.cursor_line.isVisible()
    assert window.timeline.cursor_line.value() == to_x(D(2021, 7, 7))
    # the slider and the arrow keys move the day; the line follows
    window.map.canvas.setFocus()
    qtbot.keyClick(window.map.canvas, Qt.Key.Key_Right)
    assert window.map.day == D(2021, 7, 8)
    assert window.timeline.cursor_line.value() == to_x(D(2021, 7, 8))
    window.map.slider.setValue(0)
    assert window.map.day == D(2021, 5, 1) and state_of(window, "Qala-e-Naw") is None


def test_play_steps_day_by_day_to_the_end_and_stops(qtbot, qala, monkeypatch):
    window = qala
    window.map.timer.setInterval(1)
    window.map.set_day(window.map.last)
    window.play_action.trigger()  # at the end: starts again from the first day
    assert window.map.playing and window.map.play_button.text().endswith("Pause")
    seen = []
    window.map.day_changed.connect(seen.append)
    qtbot.waitUntil(lambda: not window.map.playing, timeout=20_000)
    assert window.map.day == window.map.last == D(2021, 9, 10)
    assert seen == sorted(seen) and len(seen) == (D(2021, 9, 10) - D(2021, 5, 1)).days
    assert window.map.play_button.text().endswith("Play")


def test_the_map_can_be_hidden_and_comes_back(qtbot, qala):
    window = qala
    assert window.map.isVisible()
    window.map_action.trigger()
    assert not window.map.isVisible() and window.detail.isVisible()
    window.map_action.trigger()
    assert window.map.isVisible()


def test_export_map_png_and_frames_from_the_window(qtbot, qala, answers, tmp_path):
    window = qala
    answers["save"] = str(tmp_path / "map.png")
    window.export_map_action.trigger()
    assert (tmp_path / "map.png").stat().st_size > 10_000
    assert "Saved map.png" in window.statusBar().currentMessage()
    window.store.set_period((D(2021, 7, 1), D(2021, 7, 10)))  # ten frames
    window.refresh()
    answers["folder"] = str(tmp_path / "frames")
    window.export_frames_action.trigger()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=60_000)
    frames = sorted((tmp_path / "frames").iterdir())
    assert len(frames) == 10 and frames[0].name == "map-0001-2021-07-01.png"
    assert "Saved 10 frames" in window.statusBar().currentMessage()


def test_a_big_database_is_read_in_the_background_and_the_newest_reading_wins(
    qtbot, qala, monkeypatch
):
    window = qala
    shown = len(window.timeline.data)
    assert shown > 0
    monkeypatch.setattr(window, "BACKGROUND_EVENTS", 0)
    applied = []
    real = window._show_snapshot
    monkeypatch.setattr(window, "_show_snapshot", lambda snap: (applied.append(snap), real(snap)))
    window.evidence_action.setChecked(True)  # the evidence view: one marker per report
    window.refresh()
    window.evidence_action.setChecked(False)
    window.refresh()  # asked again before the first reading is back
    assert window.is_loading and window.loading_label.isVisible()
    assert "Loading" in window.loading_label.text()
    qtbot.waitUntil(lambda: not window.is_loading, timeout=60_000)
    assert not window.loading_label.isVisible()
    # only the newest reading reached the screen: the consensus view, as first shown
    assert len(applied) == 1 and window.timeline.data.consensus
    assert len(window.timeline.data) == shown
    assert window.table_model.rowCount() == window.store.counts()["events"]
    assert state_of(window, "Qala-e-Naw") == "retaken"
