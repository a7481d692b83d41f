"""A batch import brings the kept "sources disagree" table up to date once, at
the end; a batch cut short by a crash is repaired when the file is next opened."""

from __future__ import annotations

from tests.test_consensus import HERAT_AUG_13, HERAT_CLAIM, HERAT_FRIDAY, add
from timeline_app.storage import Store


def test_after_a_batch_the_kept_table_is_what_a_full_computation_gives(store, tmp_path):
    add(store, tmp_path / "articles", HERAT_FRIDAY, HERAT_AUG_13, HERAT_CLAIM)
    kept = store.disagreeing_event_ids()
    assert kept and kept == store.recomputed_disagreeing_event_ids()
    assert store.setting("disagreement_pending") is None


def test_a_batch_cut_short_is_repaired_on_the_next_open(tmp_path):
    path = tmp_path / "crash.db"
    with Store(path) as store:
        add(store, tmp_path / "articles", HERAT_FRIDAY, HERAT_AUG_13, HERAT_CLAIM)
        expected = store.disagreeing_event_ids()
        assert expected
        # what a process killed inside the batch leaves: the mark, and a stale table
        store._db.execute("DELETE FROM disagreement")
        store._db.execute(
            "INSERT INTO settings (key, value) VALUES ('disagreement_pending', '1')"
        )
        store._db.conn.commit()
        assert store.disagreeing_event_ids() == set()
    with Store(path) as store:
        assert store.disagreeing_event_ids() == expected
        assert store.setting("disagreement_pending") is None
