import datetime as dt

import numpy as np

from timeline_app import timeline_data
from timeline_app.filters import EventFilter, matching_event_ids
from timeline_app.review import Review
from timeline_app.services import import_paths


def places(store, event_filter):
    ids = matching_event_ids(store, event_filter)
    return sorted(e["place"] for e in store.events() if ids is None or e["id"] in ids)


def test_filters(store, sample_path, tmp_path):
    import_paths([sample_path], store)
    other = tmp_path / "x.txt"
    other.write_text(
        "Published Aug. 14, 2021\n\nGhazni fell to the Taliban on Friday, Xinhua said."
    )
    import_paths([other], store)
    assert matching_event_ids(store, EventFilter()) is None
    assert places(store, EventFilter(statuses=frozenset({"contested"}))) == ["Herat", "Kandahar"]
    assert places(store, EventFilter(province="Badakhshan")) == ["Fayzabad"]
    window = EventFilter(date_from=dt.date(2021, 8, 11), date_to=dt.date(2021, 8, 11))
    assert places(store, window) == ["Kunduz"]
    assert places(store, EventFilter(outlet="The Washington Post")) != places(
        store, EventFilter(outlet="nobody")
    )
    assert places(store, EventFilter(review="disagree")) == ["Ghazni", "Ghazni"]
    # Words in a quote find its event; words in an article find all the article's events.
    assert places(store, EventFilter(text="Xinhua")) == ["Ghazni"]
    assert len(places(store, EventFilter(text="Humvees"))) == 9  # the sample's, not Xinhua's
    assert isinstance(places(store, EventFilter(text='AND( "*')), list)  # any text is accepted


def test_review_states_and_rejected(store, sample_path):
    import_paths([sample_path], store)
    review = Review(store)
    farah = next(e for e in store.events() if e["place"] == "Farah")
    herat = next(e for e in store.events() if e["place"] == "Herat")
    review.set_reviewed(farah["id"])
    review.set_rejected(herat["id"])
    assert places(store, EventFilter(review="reviewed")) == ["Farah"]
    assert "Herat" not in places(store, EventFilter(review="not_reviewed"))
    assert places(store, EventFilter(review="rejected")) == ["Herat"]
    data = timeline_data.load(store)
    assert herat["id"] not in data.ids.tolist()
    index = data.index_of(farah["id"])
    assert data.flags[index] & timeline_data.REVIEWED
    with_rejected = timeline_data.load(store, include_rejected=True)
    assert with_rejected.flags[with_rejected.index_of(herat["id"])] & timeline_data.REJECTED
    only = timeline_data.load(store, only={farah["id"]})
    assert only.ids.tolist() == [farah["id"]] and np.all(only.lane == 0)
