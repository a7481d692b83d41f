"""The window's start is cut into short turns of the event loop; what the user
sees of it is the same."""

import numpy as np
from PySide6.QtCore import QEvent, QObject, QSettings

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
    window.close()
    store.close()


def test_new_lanes_are_laid_out_before_their_markers_are_drawn(qtbot, monkeypatch):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    drawn = []
    real = EventsItem._paint_markers
    monkeypatch.setattr(EventsItem, "_paint_markers",
                        lambda item, *args: drawn.append(item) or real(item, *args))  # fmt: skip
    names = ["Lashkar Gah", "Tarinkot"]  # narrower than the axis was: the plot widens
    view.set_data(TimelineData(
        lanes=[Lane(n, f"p{n}", name, "P", 30.0) for n, name in enumerate(names)],
        ids=np.arange(1, 7), x=np.arange(6, dtype="f8") * 3 * DAY + 18_800 * DAY,
        lane=np.array([0, 1] * 3, "i4"), status=np.zeros(6, "i1"), end=np.full(6, np.nan),
        flags=np.zeros(6, "i1"),
    ))  # fmt: skip
    width = view.lane_axis.width()
    for _ in range(5):
        qtbot.wait(20)
    assert view.lane_axis.width() == width
    assert drawn.count(view.events_item) == 1  # drawn once, for the width it is shown at
