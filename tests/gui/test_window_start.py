"""The window's start is cut into short turns of the event loop; what the user
sees of it is the same."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QSettings

from timeline_app.gui import timeline_view
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.timeline_view import EventsItem, QuietAxis, TimelineView
from timeline_app.services import import_paths
from timeline_app.storage import Store
from timeline_app.timeline_data import DAY, Lane, TimelineData


def test_an_axis_label_is_written_when_shown(qtbot):
    axis = QuietAxis("bottom")
    assert axis.label.toPlainText() == ""  # hidden: its HTML not even set
    axis.setLabel("time", units="d")  # (pyqtgraph shows the label it is given)
    assert axis.label.isVisible() and axis.label.toPlainText() == "time (d)"
    axis.showLabel(False)
    axis.setLabel("days")
    axis.showLabel(True)
    assert axis.label.toPlainText().strip() == "days"


def test_the_plots_are_built_when_first_asked_for(qtbot):
    view = TimelineView(build_later=True)
    qtbot.addWidget(view)
    assert not view.built and view.legend is not None  # the legend from the start
    view.resize(800, 500)  # (laid out before its plots: nothing to fit yet)
    assert view.view.viewRange() and view.built  # asked for: built there and then
    view.build()  # (once)
    assert view.layout().count() == 2 and view.graphics.parent() is view


def test_a_big_database_shows_its_window_complete_then_populated(
    qtbot, tmp_path, sample_path, monkeypatch
):
    store = Store(tmp_path / "big.db")
    import_paths([sample_path], store)
    monkeypatch.setattr(MainWindow, "BACKGROUND_EVENTS", 0)  # read as a big one is
    first_paint = []

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if watched is window and event.type() == QEvent.Type.Paint and not first_paint:
                first_paint.append(window.timeline.built and window.timeline.graphics.isVisible())
            return False

    window = MainWindow(store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.is_loading, timeout=20_000)
    assert first_paint == [True]  # never painted without its timeline
    events = store.counts()["events"]
    assert len(window.timeline.data) > 0 and window.table_model.rowCount() == events
    assert f"{events} events" in window.counts_label.text()
    assert window.map.canvas.states and window.filter_bar.isVisible()
    assert window.timeline.lane_axis.names  # the lanes named
    # its map was drawn ahead (the land, the names kept): the same as drawn anew
    canvas = window.map.canvas
    assert canvas.country_map is not None and canvas._land.get("labels")
    drawn_ahead = canvas.grab().toImage()
    canvas._land.clear()
    assert canvas.grab().toImage() == drawn_ahead
    window.close()
    store.close()


def _data(names: list[str], days: list[int]) -> TimelineData:
    return TimelineData(
        lanes=[Lane(n, f"p{n}", name, "P", 30.0) for n, name in enumerate(names)],
        ids=np.arange(1, len(days) + 1), x=np.array(days, "f8") * DAY + 18_800 * DAY,
        lane=np.array([n % len(names) for n in range(len(days))], "i4"),
        status=np.zeros(len(days), "i1"), end=np.full(len(days), np.nan),
        flags=np.zeros(len(days), "i1"),
    )  # fmt: skip


@pytest.fixture
def shown_view(qtbot, monkeypatch):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    drawn = []
    real = EventsItem._paint_markers
    monkeypatch.setattr(EventsItem, "_paint_markers",
                        lambda item, *args: drawn.append(item) or real(item, *args))  # fmt: skip
    return view, drawn


def _settle(qtbot) -> None:
    for _ in range(5):
        qtbot.wait(20)


def test_new_lanes_are_laid_out_before_their_markers_are_drawn(qtbot, shown_view):
    view, drawn = shown_view
    # narrower than the axis was: the plot widens
    view.set_data(_data(["Lashkar Gah", "Tarinkot"], [0, 3, 6, 9, 12, 15]))
    width = view.lane_axis.width()
    _settle(qtbot)
    assert view.lane_axis.width() == width
    assert drawn.count(view.events_item) == 1  # drawn once, for the width it is shown at


def test_an_update_of_a_big_reading_draws_the_strip_once_with_its_new_markers(
    qtbot, shown_view, monkeypatch
):
    view, drawn = shown_view
    monkeypatch.setattr(timeline_view, "BIN_ABOVE", 3)  # as a big reading: the strip later
    names, days = ["Herat", "Kandahar"], [0, 3, 6, 9, 12, 15]
    view.set_data(_data(names, days))
    _settle(qtbot)
    old_markers = []
    real = EventsItem._paint_markers
    monkeypatch.setattr(EventsItem, "_paint_markers", lambda item, *args: (
        old_markers.append(item) if view._overview_due is not None else None, real(item, *args)
    ))  # fmt: skip
    view.set_data(_data(names, [0, 3, 7, 9, 12, 15]), keep_view=True)  # an edit's update
    _settle(qtbot)
    assert view.overview_events not in old_markers  # not drawn again with the old markers
    assert view.overview_events.data.x[2] == view.data.x[2]  # the strip's new ones shown
