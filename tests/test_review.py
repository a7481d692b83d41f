import json

import pytest

from timeline_app.review import Review
from timeline_app.services import import_paths
from timeline_app.storage import StoreError


@pytest.fixture
def reviewed_store(store, sample_path):
    import_paths([sample_path], store)
    return store


def event_of(store, place, status):
    return next(e for e in store.events() if e["place"] == place and e["status"] == status)


def test_edit_a_date_then_undo_and_redo(reviewed_store):
    store, review = reviewed_store, Review(reviewed_store, user="ann")
    herat = event_of(store, "Herat", "contested")
    change = review.edit(herat["id"], date="2021-08-13", note="AP says the 13th")
    edited = store.event(herat["id"])
    assert (edited["date"], edited["note"], edited["edited"]) == (
        "2021-08-13",
        "AP says the 13th",
        True,
    )
    review.undo(change)
    assert store.event(herat["id"])["date"] == "2021-08-12"
    assert store.event(herat["id"])["edited"] is False
    review.redo(change)
    assert store.event(herat["id"])["date"] == "2021-08-13"
    actions = [(h["user"], h["action"]) for h in review.history()]
    assert actions == [("ann", "redo edit"), ("ann", "undo edit"), ("ann", "edit")]
    first = review.history()[-1]
    assert json.loads(first["before"])[0]["date"] == "2021-08-12"
    assert json.loads(first["after"])[0]["date"] == "2021-08-13"


def test_reject_hides_but_keeps(reviewed_store):
    review = Review(reviewed_store)
    kandahar = event_of(reviewed_store, "Kandahar", "contested")
    review.set_rejected(kandahar["id"])
    assert kandahar["id"] not in [e["id"] for e in reviewed_store.events(include_rejected=False)]
    assert reviewed_store.event(kandahar["id"])["rejected"] is True
    assert len(reviewed_store.event(kandahar["id"])["sources"]) == 2


def test_merge_joins_sources_and_undo_separates_them(reviewed_store):
    store, review = reviewed_store, Review(reviewed_store)
    siege, fall = event_of(store, "Ghazni", "besieged"), event_of(store, "Ghazni", "captured")
    change = review.merge(fall["id"], siege["id"])
    merged = store.event(fall["id"])
    assert len(merged["sources"]) == 4 and store.event(siege["id"]) is None
    assert {(s["status"], s["date"]) for s in merged["sources"]} == {
        ("captured", "2021-08-12"), ("besieged", "2021-05-14")}  # fmt: skip
    assert merged["disagree"]  # its sources say different things
    review.undo(change)
    assert len(store.event(fall["id"])["sources"]) == 3
    assert len(store.event(siege["id"])["sources"]) == 1
    review.redo(change)
    assert store.event(siege["id"]) is None


def test_merge_refuses_other_places(reviewed_store):
    review = Review(reviewed_store)
    with pytest.raises(StoreError, match="same place"):
        review.merge(event_of(reviewed_store, "Ghazni", "captured")["id"],
                     event_of(reviewed_store, "Herat", "contested")["id"])  # fmt: skip


def test_split_a_source_off(reviewed_store):
    store, review = reviewed_store, Review(reviewed_store)
    ghazni = event_of(store, "Ghazni", "captured")
    mention = ghazni["sources"][1]
    change = review.split(mention["mention_id"])
    new = store.event(change.event_id)
    assert [s["quote"] for s in new["sources"]] == [mention["quote"]]
    assert len(store.event(ghazni["id"])["sources"]) == 2
    review.undo(change)
    assert store.event(change.event_id) is None
    assert len(store.event(ghazni["id"])["sources"]) == 3


def test_add_an_event_with_its_own_evidence(reviewed_store):
    store, review = reviewed_store, Review(reviewed_store)
    text = store.article_text(1)
    start = text.index("Afghan government control has shrunk")
    end = text.index(".", start) + 1
    change = review.add_event(
        place_id="afghanistan-kabul", status="besieged", date="2021-08-12", precision="week",
        article_id=1, start=start, end=end, note="added by hand",
    )  # fmt: skip
    event = store.event(change.event_id)
    assert event["manual"] and event["reviewed"] and event["note"] == "added by hand"
    assert event["sources"][0]["quote"] == text[start:end]
    review.undo(change)
    assert store.event(change.event_id) is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"status": "fallen"}, "unknown status"), ({"date": "12/08/2021"}, "not a date"),
     ({"place_id": "nowhere"}, "unknown place"), ({"precision": "year"}, "unknown date precision")],
)  # fmt: skip
def test_bad_edits_are_refused(reviewed_store, changes, message):
    event = event_of(reviewed_store, "Herat", "contested")
    with pytest.raises(StoreError, match=message):
        Review(reviewed_store).edit(event["id"], **changes)


def test_human_edits_win_over_new_imports(reviewed_store, sample_path, tmp_path):
    store, review = reviewed_store, Review(reviewed_store)
    herat = event_of(store, "Herat", "contested")
    review.edit(herat["id"], status="captured", date="2021-08-13")
    review.set_reviewed(herat["id"])
    kunduz = event_of(store, "Kunduz", "surrendered")
    review.set_rejected(kunduz["id"])
    assert import_paths([sample_path], store).already_present == [sample_path]
    other = tmp_path / "other.txt"
    other.write_text(
        "Published Aug. 12, 2021\n\nClashes raged in Herat on Thursday, officials said. "
        "Afghan forces in Kunduz surrendered on Wednesday."
    )
    import_paths([other], store)
    after = store.event(herat["id"])
    assert (after["status"], after["date"], after["reviewed"]) == ("captured", "2021-08-13", True)
    assert len({s["article_id"] for s in after["sources"]}) == 2  # the new source joined it
    assert [s["status"] for s in after["sources"]][-1] == "contested"  # what that source said
    rejected = store.event(kunduz["id"])
    assert rejected["rejected"] and len(rejected["sources"]) == 2


def test_a_disagreeing_report_is_flagged(reviewed_store, tmp_path):
    other = tmp_path / "xinhua.txt"
    other.write_text(
        "Published Aug. 14, 2021\n\nGhazni fell to the Taliban on Friday, Xinhua said."
    )
    import_paths([other], reviewed_store)
    ghazni = [
        e for e in reviewed_store.events() if e["place"] == "Ghazni" and e["status"] == "captured"
    ]
    assert sorted(e["date"] for e in ghazni) == ["2021-08-12", "2021-08-13"]
    assert all(e["disagree"] for e in ghazni)
    assert not event_of(reviewed_store, "Farah", "captured")["disagree"]


def test_read_only_store_cannot_be_edited(tmp_path, sample_path):
    from timeline_app.storage import Store

    with Store(tmp_path / "r.db") as store:
        import_paths([sample_path], store)
    with Store(tmp_path / "r.db", readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            Review(store).set_reviewed(1)


def test_one_event_check_agrees_with_the_whole_set(store, gazetteer):
    """Two implementations of one rule (one event; all events): they must agree."""
    import datetime as dt
    import random

    from timeline_app.model import Article, Event, Evidence

    rng = random.Random(5)
    store.sync_places(gazetteer.places.values())
    places = ["afghanistan-herat", "afghanistan-ghazni", "afghanistan-kunduz"]
    statuses = ["captured", "claimed", "surrendered", "contested", "retaken"]
    for number in range(40):
        events = [
            Event(
                rng.choice(places),
                rng.choice(statuses),
                dt.date(2021, 8, 1) + dt.timedelta(days=rng.randrange(40)),
                "day",
                evidence=[Evidence("x", 0, 1)],
            )  # fmt: skip
            for _ in range(3)
        ]
        store.add_article(Article(text=f"article {number}", content_hash=str(number)), events)
    review = Review(store)
    for event_id in rng.sample([e["id"] for e in store.events()], 8):
        review.set_rejected(event_id)
    everything = store.disagreeing_event_ids()
    one_by_one = {e["id"] for e in store.events() if store.event(e["id"])["disagree"]}
    assert everything == one_by_one and 0 < len(everything) < len(store.events())


def test_the_kept_disagreement_follows_imports_edits_undo_and_redo(store, gazetteer):
    """The window reads which sources disagree from a table kept at import and edit
    time: after every change it must say what a computation over all quotes says."""
    import datetime as dt
    import random

    from timeline_app.model import Article, Event, Evidence

    rng = random.Random(7)
    store.sync_places(gazetteer.places.values())
    places = ["afghanistan-herat", "afghanistan-ghazni"]
    statuses = ["captured", "claimed", "surrendered", "contested"]

    def day() -> dt.date:
        return dt.date(2021, 8, 1) + dt.timedelta(days=rng.randrange(60))

    def kept_is_right() -> None:
        assert store.disagreeing_event_ids() == store.recomputed_disagreeing_event_ids()

    for number in range(30):
        events = [
            Event(rng.choice(places), rng.choice(statuses), day(), "day",
                  evidence=[Evidence(f"quote {number} {i}", i, i + 1)])
            for i in range(3)
        ]  # fmt: skip
        store.add_article(Article(text=f"article {number}", content_hash=str(number)), events)
        kept_is_right()
    review, changes = Review(store), []
    for _ in range(60):
        ids = [e["id"] for e in store.events()]
        event_id = rng.choice(ids)
        kind = rng.choice(
            ["date", "status", "place", "reject", "confirm", "note", "merge", "split", "undo",
             "redo"]
        )  # fmt: skip
        try:
            if kind == "date":
                changes.append(review.edit(event_id, date=day().isoformat()))
            elif kind == "status":
                changes.append(review.edit(event_id, status=rng.choice(statuses)))
            elif kind == "place":
                changes.append(review.edit(event_id, place_id=rng.choice(places)))
            elif kind == "reject":
                changes.append(review.set_rejected(event_id, not store.event(event_id)["rejected"]))
            elif kind == "confirm":
                changes.append(review.set_reviewed(event_id, not store.event(event_id)["reviewed"]))
            elif kind == "note":
                changes.append(review.edit(event_id, note=f"note {rng.random()}"))
            elif kind == "merge":
                changes.append(review.merge(event_id, rng.choice(ids)))
            elif kind == "split":
                sources = store.event(event_id)["sources"]
                changes.append(review.split(sources[0]["mention_id"]))
            elif kind == "undo" and changes:
                review.undo(changes[-1])
            elif kind == "redo" and changes:
                review.redo(changes[-1])
        except StoreError:  # a merge across places, a split of an only source
            pass
        kept_is_right()
    assert 0 < len(store.disagreeing_event_ids()) < len(store.events())


def test_a_confirmation_or_a_note_leaves_the_disagreement_as_it_is(reviewed_store, monkeypatch):
    """Neither can change whose sources disagree: the event keeps its flag, and the
    place's neighbourhood is not recomputed (tens of ms at a million events)."""
    store, review = reviewed_store, Review(reviewed_store)
    ghazni = event_of(store, "Ghazni", "captured")
    flagged = store.disagreeing_event_ids()
    recomputed = []
    monkeypatch.setattr(store, "refresh_disagreement", lambda *a: recomputed.append(a))
    changes = [review.set_reviewed(ghazni["id"]), review.edit(ghazni["id"], note="seen")]
    for change in changes:
        review.undo(change)
        review.redo(change)
    assert recomputed == []
    assert store.disagreeing_event_ids() == flagged == store.recomputed_disagreeing_event_ids()
    assert store.event(ghazni["id"])["reviewed"] and store.event(ghazni["id"])["note"] == "seen"
    review.set_rejected(ghazni["id"])  # a rejection can change it
    assert len(recomputed) == 1
