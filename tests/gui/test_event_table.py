"""The event table reads its rows from the database as they are shown: sorting
a column, filtering and editing must still show the right rows."""

from PySide6.QtCore import Qt

from timeline_app.gui import event_table

from .conftest import import_and_wait


def column(window, number):
    model = window.table_model
    return [model.index(row, number).data() for row in range(model.rowCount())]


def test_sorting_a_column_shows_the_right_first_rows(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    places = sorted({e["place"] for e in window.store.events()})
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert column(window, 0)[0] == places[0]
    assert column(window, 0) == sorted(column(window, 0), key=str.lower)
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert column(window, 0)[0] == places[-1]
    window.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    first = min(e["date"] for e in window.store.events() if e["date"])
    dates = column(window, 3)
    assert dates == sorted(dates) and dates[0].startswith(first)
    window.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert column(window, 3) == sorted(dates, reverse=True)


def test_a_big_table_sorts_in_the_background(qtbot, window, answers, sample_path, monkeypatch):
    import_and_wait(qtbot, window, answers, [sample_path])
    monkeypatch.setattr(event_table, "BACKGROUND_SORT", 0)
    window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    statuses = sorted(e["status"] for e in window.store.events())
    qtbot.waitUntil(lambda: column(window, 2) == statuses)


def test_the_quick_filter_counts_and_shows_the_matching_rows(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    window.filter_edit.setText("2021-08-1")
    dates = [e["date"] for e in window.store.events() if (e["date"] or "").startswith("2021-08-1")]
    assert sorted(column(window, 3)) == sorted(dates) and dates
    assert f"{len(dates)} of 9 events match" in window.statusBar().currentMessage()


def test_confirming_changes_its_row_before_the_refresh_is_done(
    qtbot, window, answers, sample_path, monkeypatch
):
    import_and_wait(qtbot, window, answers, [sample_path])
    monkeypatch.setattr(window, "BACKGROUND_EVENTS", 0)  # as with a big database
    event_id = window.table_model.event_id(0)
    assert window.table_model.index(0, 6).data() == ""
    window._on_action("toggle_confirm", event_id)
    assert window.is_loading  # the refresh is still reading
    row = window.table_model.row_of(event_id)
    assert window.table_model.index(row, 6).data() == "reviewed"
    qtbot.waitUntil(lambda: not window.is_loading, timeout=10_000)
    assert window.table_model.index(window.table_model.row_of(event_id), 6).data() == "reviewed"
