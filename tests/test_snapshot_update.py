"""An edit's update of the reading (``read_update``) shows what a full reading
of the database would: the table, the timeline in both views, the map, the
counts; after an edit, its undo and its redo."""

import numpy as np
import pytest

from timeline_app.review import Review
from timeline_app.services import import_paths
from timeline_app.snapshot import ViewRequest, read_snapshot, read_update


@pytest.fixture
def sampled(store, sample_path):
    import_paths([sample_path], store)
    return store


def event_of(store, place, status):
    return next(e["id"] for e in store.events() if e["place"] == place and e["status"] == status)


def _shown(snapshot):
    """What a reading puts on screen, comparable between two readings."""
    data, table = snapshot.data, snapshot.table
    rows = sorted(zip(data.ids.tolist(), data.x.tolist(), data.lane.tolist(),
                      data.status.tolist(), data.flags.tolist(), strict=True))  # fmt: skip
    table_rows = [
        (int(table.ids[p]), table.place_names[table.place[p]], table.status_names[table.status[p]],
         table.days[table.day[p]], table.review_labels[table.review[p]], int(table.sources[p]))
        for p in snapshot.order
    ]  # fmt: skip
    content = snapshot.map_content
    days = [content.default_day(), *content.days()[::5]]
    states = [(s.place.id, s.status, s.since) for day in days for s in content.states(day)]
    changes = [(c.place_id, c.date, c.status, tuple(c.event_ids)) for c in content.changes]
    return {
        "timeline": rows, "lanes": [lane.place_id for lane in data.lanes], "table": table_rows,
        "changes": sorted(changes),
        "map": states, "first": content.first_event, "counts": snapshot.counts,
        "by_event": sorted((k, v.date) for k, v in snapshot.changes.items()),
    }  # fmt: skip


@pytest.mark.parametrize("evidence", [False, True])
def test_an_update_after_each_kind_of_edit_equals_a_full_reading(sampled, evidence):
    store, review = sampled, Review(sampled, user="ann")
    request = ViewRequest(evidence=evidence)
    shown = read_snapshot(store, request)
    herat = event_of(store, "Herat", "contested")
    kandahar = event_of(store, "Kandahar", "contested")
    fall, siege = event_of(store, "Ghazni", "captured"), event_of(store, "Ghazni", "besieged")
    farah = event_of(store, "Farah", "captured")
    edits = [
        lambda: review.set_reviewed(farah),
        lambda: review.edit(herat, status="captured", date="2021-08-13"),
        lambda: review.set_rejected(kandahar),
        lambda: review.merge(fall, siege),
        lambda: review.split(store.event(fall)["sources"][-1]["mention_id"]),
    ]
    done = []
    steps = [("do", edit) for edit in edits] + [("undo", None)] * len(edits) + [("redo", None)]
    for step, edit in steps:
        if step == "do":
            change = edit()
            done.append(change)
        elif step == "undo":
            change = done.pop()
            review.undo(change)
        else:
            review.redo(change)
        places = {row["place_id"] for row in change.before.events + change.after.events}
        ids = change.before.event_ids | change.after.event_ids
        updated = read_update(store, request, shown, places, ids)
        assert updated is not None, (change.action, step)
        assert _shown(updated) == _shown(read_snapshot(store, request)), (change.action, step)
        shown = updated


def test_an_update_declines_under_a_filter(sampled):
    from timeline_app.filters import EventFilter

    request = ViewRequest(event_filter=EventFilter(province="Herat"))
    shown = read_snapshot(sampled, request)
    farah = event_of(sampled, "Farah", "captured")
    Review(sampled).set_reviewed(farah)
    assert read_update(sampled, request, shown, {"afghanistan-farah"}, {farah}) is None
    assert np.array_equal(read_snapshot(sampled, request).table.ids, shown.table.ids)
