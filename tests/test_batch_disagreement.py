"""A batch import brings the kept "sources disagree" table up to date once, at
the end; a batch cut short by a crash is repaired when the file is next opened."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_consensus import HERAT_AUG_13, HERAT_CLAIM, HERAT_FRIDAY, add
from timeline_app.storage import Store


def test_after_a_batch_the_kept_table_is_what_a_full_computation_gives(store, tmp_path):
    add(store, tmp_path / "articles", HERAT_FRIDAY, HERAT_AUG_13, HERAT_CLAIM)
    kept = store.disagreeing_event_ids()
    assert kept and kept == store.recomputed_disagreeing_event_ids()
    assert store.setting("disagreement_pending") is None


def test_a_refresh_of_many_reports_sorts_them_in_numpy_to_the_same_table(
    store, tmp_path, monkeypatch
):
    from timeline_app.storage import disagreement

    monkeypatch.setattr(disagreement, "FEW", 1)  # (20,000 reports of a place, else)
    add(store, tmp_path / "articles", HERAT_FRIDAY, HERAT_AUG_13, HERAT_CLAIM)
    kept = store.disagreeing_event_ids()
    assert kept and kept == store.recomputed_disagreeing_event_ids()


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


# (id, place, day, status code) rows: few places, close days, two statuses, so that
# neighbours share places and days
_REPORTS = st.lists(
    st.tuples(st.integers(1, 3), st.integers(0, 40), st.sampled_from([1, 2])), max_size=40
).map(lambda rows: [(index, *row) for index, row in enumerate(rows, 1)])


@settings(max_examples=300, deadline=None)
@given(_REPORTS)
def test_a_refresh_of_few_reports_flags_what_numpy_flags_of_them(rows):
    from timeline_app.storage import disagreement

    table = np.array(rows, dtype=disagreement._REPORT_DTYPE)
    expected = set(disagreement.neighbours_disagree(table).tolist())
    assert disagreement.neighbours_disagree_few(rows) == expected


def test_an_import_from_the_command_line_leaves_numpy_unloaded(tmp_path):
    """numpy cost every import about 0.1 s of CPU before the workers could start;
    storing articles is plain SQL (the refresh of a few reports too)."""
    for name, (_, published, text) in (("a.txt", HERAT_FRIDAY), ("b.txt", HERAT_CLAIM)):
        (tmp_path / name).write_text(f"Published {published}\n\n{text}", "utf-8")
    script = (
        "import sys, importlib.util\n"
        "from timeline_app import cli\n"
        "assert cli.main(['import', '--db', sys.argv[1], sys.argv[2], sys.argv[3]]) == 0\n"
        "print(type(sys.modules.get('numpy')) is importlib.util._LazyModule)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "t.db"), str(tmp_path / "a.txt"),
         str(tmp_path / "b.txt")], capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "True"  # (the module is there, not yet run)
    with Store(tmp_path / "t.db") as store:  # and the kept table is still right
        assert store.disagreeing_event_ids() == store.recomputed_disagreeing_event_ids()
        assert store.disagreeing_event_ids()
