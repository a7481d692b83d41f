"""A busy database stays responsive: the detail pane of a much-disputed place,
and edits that show at once without re-reading the whole database."""

import datetime as dt
import threading

import pytest

from timeline_app.gui import dialogs, main_window
from timeline_app.gui.detail_pane import MAX_VERSION_ROWS, DetailPane
from timeline_app.timeline_data import REVIEWED

from .conftest import import_and_wait


def _event_with_reports(count: int) -> dict:
    sources = [
        {"article_id": n, "title": f"Report {n}", "outlet": f"Outlet {n}",
         "published": "2021-08-20", "quote": "Taliban fighters captured the city.",
         "start": 0, "end": 10, "status": "captured" if n % 2 else "claimed",
         "date": (dt.date(2021, 7, 1) + dt.timedelta(days=n % 60)).isoformat(),
         "mention_id": n, "because": []}
        for n in range(count)
    ]  # fmt: skip
    return {
        "id": 1, "reviewed": False, "rejected": False, "place": "Herat", "province": "Herat",
        "country": "Afghanistan", "status": "captured", "date": "2021-08-10", "end_date": None,
        "date_precision": "day", "place_id": "afghanistan-herat", "disagree": True,
        "sources": sources[:1], "related": sources[1:],
    }  # fmt: skip


def test_a_much_disputed_event_lists_its_versions_by_date_not_by_outlet(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_event(_event_with_reports(600))
    text = pane.toPlainText()
    assert "What the 600 reports say" in text
    assert "Outlet 599" not in text  # not one row per outlet
    assert "2021-08-10" in text and "2021-08-11" in text  # the nearest dates are listed
    assert "more versions, further from this event's date" in text


def test_a_few_versions_keep_one_row_per_outlet(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_event(_event_with_reports(MAX_VERSION_ROWS))
    text = pane.toPlainText()
    assert "What each source says" in text and "Outlet 39" in text


def test_the_same_event_shown_again_keeps_where_the_pane_was_scrolled(qtbot):
    """An edit's update shows the selected event again: the reader keeps their place."""
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(300, 200)
    pane.show()
    event = _event_with_reports(200)
    event["sources"] = event["related"][:30]
    pane.show_event(event)
    bar = pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    pane.show_event(dict(event))
    assert bar.value() == bar.maximum() // 2
    pane.show_event({**event, "reviewed": True})  # another state: shown anew, from the top
    assert "Outlet 1" in pane.toPlainText() and bar.value() == 0


@pytest.fixture
def loaded(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    answers["shown"].clear()
    return window


def _event_id(window, place, status):
    return next(
        e["id"] for e in window.store.events() if e["place"] == place and e["status"] == status
    )


@pytest.mark.parametrize("in_background", [False, True])
def test_an_edit_shows_its_row_marker_and_counts_without_reading_everything(
    qtbot, loaded, monkeypatch, in_background
):
    window = loaded
    if in_background:  # as in a big database: the update is read in a thread
        monkeypatch.setattr(window, "BACKGROUND_EVENTS", 0)
    full_readings = []
    real = main_window.read_snapshot
    monkeypatch.setattr(main_window, "read_snapshot",
                        lambda *a, **k: full_readings.append(1) or real(*a, **k))  # fmt: skip

    def settled():
        qtbot.waitUntil(lambda: not window.is_loading, timeout=10_000)
        return window.timeline.data

    farah = _event_id(window, "Farah", "captured")
    events_before = window.store.counts()["events"]
    assert f"{events_before} events" in window.counts_label.text()
    window.detail.action_requested.emit("confirm", farah)
    data = settled()
    assert "reviewed" in window.table_model.index(window.table_model.row_of(farah), 6).data()
    assert data.flags[data.index_of(farah)] & REVIEWED
    fall, siege = _event_id(window, "Ghazni", "captured"), _event_id(window, "Ghazni", "besieged")
    monkeypatch.setattr(dialogs, "ask_merge_partner", lambda parent, event, candidates: siege)
    window.select_event(fall)
    window.merge_action.trigger()
    settled()
    assert f"{events_before - 1} events" in window.counts_label.text()
    assert window.table_model.row_of(siege) is None
    assert window.table_model.total() == events_before - 1
    window.undo_action.trigger()  # the merge
    settled()
    assert f"{events_before} events" in window.counts_label.text()
    assert window.table_model.row_of(siege) is not None
    window.undo_action.trigger()  # the confirmation
    data = settled()
    assert window.table_model.index(window.table_model.row_of(farah), 6).data() in ("", "sources disagree")  # noqa: E501
    assert not data.flags[data.index_of(farah)] & REVIEWED
    assert full_readings == []


def test_edits_made_while_an_update_is_read_all_show(qtbot, loaded, monkeypatch):
    window = loaded
    monkeypatch.setattr(window, "BACKGROUND_EVENTS", 0)
    gate, real = threading.Event(), main_window.read_update
    calls = []

    def held(*args, **kwargs):  # the first update is read slowly
        calls.append(1)
        if len(calls) == 1:
            gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(main_window, "read_update", held)
    farah = _event_id(window, "Farah", "captured")
    kunduz = _event_id(window, "Kunduz", "surrendered")
    window.detail.action_requested.emit("confirm", farah)
    qtbot.waitUntil(lambda: bool(calls), timeout=5_000)
    window.detail.action_requested.emit("confirm", kunduz)
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5_000)
    gate.set()
    qtbot.waitUntil(lambda: not window.is_loading, timeout=10_000)
    data = window.timeline.data
    for event in (farah, kunduz):
        assert "reviewed" in window.table_model.index(window.table_model.row_of(event), 6).data()
        assert data.flags[data.index_of(event)] & REVIEWED


def test_the_timeline_redraws_a_new_selection_and_new_data_after_a_paint(qtbot):
    import numpy as np

    from timeline_app.gui.timeline_view import TimelineView
    from timeline_app.timeline_data import DAY, Lane, TimelineData

    def data(days):
        return TimelineData(
            lanes=[Lane(1, "a", "A", "P", 30.0), Lane(2, "b", "B", "P", 31.0)],
            ids=np.arange(1, len(days) + 1), x=np.array(days, "f8") * DAY + 18_800 * DAY,
            lane=np.array([n % 2 for n in range(len(days))], "i4"),
            status=np.zeros(len(days), "i1"), end=np.full(len(days), np.nan),
            flags=np.zeros(len(days), "i1"),
        )  # fmt: skip

    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_data(data([0, 3, 6, 9, 12, 15]))
    view.select_event(1, centre=False)
    first = view.graphics.grab().toImage()
    view.select_event(4, centre=False)  # (the view stays: only the selection moves)
    second = view.graphics.grab().toImage()
    assert second != first
    view.select_event(1, centre=False)
    assert view.graphics.grab().toImage() == first
    view.set_data(data([0, 3, 7, 9, 12, 15]), keep_view=True)
    view.select_event(1, centre=False)
    assert view.graphics.grab().toImage() != first  # a marker moved a day


def test_in_a_big_database_an_edit_shows_its_row_at_once_then_its_pane(qtbot, loaded, monkeypatch):
    """The row and the marker at once, the detail pane and map a turn later (each
    its own paint), then the update; the same pane as a small database shows,
    unless another event was chosen meanwhile."""
    window = loaded
    monkeypatch.setattr(window, "BACKGROUND_EVENTS", 0)
    farah = _event_id(window, "Farah", "captured")
    window.detail.action_requested.emit("confirm", farah)
    assert "reviewed" in window.table_model.index(window.table_model.row_of(farah), 6).data()
    assert window.timeline.selected_event() == farah
    assert window.table_model.event_id(window.table.currentIndex().row()) == farah
    qtbot.waitUntil(lambda: not window.is_loading, timeout=10_000)
    shown = window.detail.toPlainText()
    assert "Farah" in shown and "✓ Reviewed" in shown
    assert window.map.canvas.selected == window.store.event(farah)["place_id"]
    kunduz = _event_id(window, "Kunduz", "surrendered")
    window.detail.action_requested.emit("unconfirm", farah)
    window.select_event(kunduz)  # chosen before the edit's pane is shown
    qtbot.waitUntil(lambda: not window.is_loading, timeout=10_000)
    assert "Kunduz" in window.detail.toPlainText()
    assert not window.store.event(farah)["reviewed"]
