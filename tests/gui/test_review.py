"""The analyst's review in the real window: edit, undo/redo, reject, merge,
re-import without losing edits, disagreement in the pane and the filter."""

import pytest
from PySide6.QtCore import Qt

from timeline_app.gui import dialogs

from .conftest import import_and_wait


@pytest.fixture
def loaded(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    answers["shown"].clear()
    return window


def event_id(window, place, status):
    return next(
        e["id"] for e in window.store.events() if e["place"] == place and e["status"] == status
    )


def test_edit_a_date_then_undo_and_redo(qtbot, loaded, monkeypatch):
    window = loaded
    herat = event_id(window, "Herat", "contested")
    window.select_event(herat)
    new_values = {"place_id": "afghanistan-herat", "status": "captured", "date": "2021-08-13",
                  "precision": "day", "note": "AP and Xinhua agree on the 13th"}  # fmt: skip
    monkeypatch.setattr(dialogs, "ask_event_values", lambda *a: new_values)
    window.edit_action.trigger()
    edited = window.store.event(herat)
    assert (edited["status"], edited["date"]) == ("captured", "2021-08-13")
    assert "AP and Xinhua agree on the 13th" in window.detail.toPlainText()
    x = window.timeline.data.x[window.timeline.data.index_of(herat)]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.event(herat)["date"] == "2021-08-12"
    assert window.timeline.data.x[window.timeline.data.index_of(herat)] == x - 86400
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.store.event(herat)["date"] == "2021-08-13"
    assert window.undo_stack.undoText().startswith("Edit event")


def test_reject_removes_the_marker_and_undo_brings_it_back(qtbot, loaded):
    window = loaded
    kandahar = event_id(window, "Kandahar", "contested")
    window.select_event(kandahar)
    window.reject_action.trigger()
    assert kandahar not in window.timeline.data.ids.tolist()
    assert window.table_model.row_of(kandahar) is None
    window.show_rejected_action.trigger()
    assert kandahar in window.timeline.data.ids.tolist()  # shown faded, crossed out
    window.show_rejected_action.trigger()
    window.undo_action.trigger()
    assert kandahar in window.timeline.data.ids.tolist()


def test_confirm_marks_the_event(qtbot, loaded):
    window = loaded
    farah = event_id(window, "Farah", "captured")
    window.detail.action_requested.emit("confirm", farah)
    assert window.store.event(farah)["reviewed"]
    assert "✓ Reviewed" in window.detail.toPlainText()
    from timeline_app.timeline_data import REVIEWED

    assert window.timeline.data.flags[window.timeline.data.index_of(farah)] & REVIEWED


def test_merge_two_events(qtbot, loaded, monkeypatch):
    window = loaded
    fall, siege = event_id(window, "Ghazni", "captured"), event_id(window, "Ghazni", "besieged")
    monkeypatch.setattr(dialogs, "ask_merge_partner", lambda parent, event, candidates: siege)
    window.select_event(fall)
    window.merge_action.trigger()
    assert window.store.event(siege) is None
    assert len(window.store.event(fall)["sources"]) == 4
    assert "What each source says" in window.detail.toPlainText()
    window.undo_action.trigger()
    assert len(window.store.event(siege)["sources"]) == 1


def test_reimport_keeps_every_human_edit(qtbot, loaded, answers, monkeypatch, sample_path):
    window = loaded
    herat, kunduz = (
        event_id(window, "Herat", "contested"),
        event_id(window, "Kunduz", "surrendered"),
    )
    monkeypatch.setattr(dialogs, "ask_event_values", lambda *a: {
        "place_id": "afghanistan-herat", "status": "captured", "date": "2021-08-13",
        "precision": "day", "note": "checked"})  # fmt: skip
    window.select_event(herat)
    window.edit_action.trigger()
    window.detail.action_requested.emit("reject", kunduz)
    before = window.store.events()
    report = import_and_wait(qtbot, window, answers, [sample_path])
    assert report.already_present == [sample_path]
    assert window.store.events() == before
    assert kunduz not in window.timeline.data.ids.tolist()


def test_a_disagreeing_article_shows_in_the_pane_and_the_filter(qtbot, loaded, answers, tmp_path):
    window = loaded
    other = tmp_path / "xinhua.txt"
    other.write_text(
        "Published Aug. 14, 2021\n\nGhazni fell to the Taliban on Friday, Xinhua said."
    )
    import_and_wait(qtbot, window, answers, [other])
    window.select_event(event_id(window, "Ghazni", "captured"))
    text = window.detail.toPlainText()
    assert "sources disagree" in text and "What each source says" in text
    assert "2021-08-12" in text and "2021-08-13" in text
    review = window.filter_bar.review
    review.setCurrentIndex(review.findData("disagree"))
    assert sorted(window.table_model.index(r, 3).data() for r in range(window.table_model.rowCount())) == [  # noqa: E501
        "2021-08-12", "2021-08-13"]  # fmt: skip
    # the consensus view: one change of control, the other date as its dissent range
    data = window.timeline.data
    assert len(data) == 1 and data.consensus and data.high[0] - data.low[0] == 86400
    window.evidence_action.trigger()  # V: every report
    assert len(window.timeline.data) == 2
    window.filter_bar.clear()
    assert len(window.timeline.data) == 10


def test_filter_bar_filters_timeline_and_table_together(qtbot, loaded):
    window = loaded
    status = window.filter_bar.status
    status.setCurrentIndex(status.findData("captured"))
    assert window.table_model.rowCount() == len(window.timeline.data) == 5
    window.filter_bar.search.setText("five-hour drive")
    qtbot.waitUntil(lambda: window.table_model.rowCount() == 5)  # (the sample is one article)
    window.filter_bar.clear()
    assert window.table_model.rowCount() == 9


def test_add_an_event_from_a_selection_in_the_article(qtbot, loaded, monkeypatch):
    window = loaded
    monkeypatch.setattr(dialogs, "ask_event_values", lambda parent, title, places, prefill: {
        **{"status": "besieged", "date": "2021-08-12", "precision": "week", "note": ""},
        "place_id": prefill["place_id"]})  # fmt: skip
    kunduz = window.store.event(event_id(window, "Kunduz", "surrendered"))["sources"][0]
    window._on_article_requested(kunduz["article_id"], kunduz["start"], kunduz["end"])
    dialog = window.article_dialog
    qtbot.addWidget(dialog)
    text = window.store.article_text(kunduz["article_id"])
    start = text.index("Ghazni city — about 80 miles")
    end = text.index("three months.") + len("three months.")
    dialog.select(start, end)
    dialog.add_button.click()
    added = window.store.event(
        window.undo_stack.command(window.undo_stack.count() - 1).change.event_id
    )
    assert added["manual"] and added["place"] == "Ghazni" and added["status"] == "besieged"
    assert added["sources"][0]["quote"] == text[start:end]
