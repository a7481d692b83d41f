"""What a reading replaces is let go on the GUI thread between turns, a little
at a time, not in one freeze nor by a thread sharing the interpreter."""

import time

from timeline_app.gui import workers


def test_big_containers_are_emptied_a_slice_per_turn(qtbot, monkeypatch):
    let_go = [0]

    class Slow:  # each one takes a while to let go
        def __del__(self):
            let_go[0] += 1
            time.sleep(0.0001)

    monkeypatch.setattr(workers, "RELEASE_MS", 2.0)
    items, by_id = [Slow() for _ in range(3000)], {n: Slow() for n in range(3000)}
    ids = set(range(10**5))
    slices = []
    real = workers._release_a_slice

    def counted():
        before = let_go[0]
        real()
        slices.append(let_go[0] - before)

    monkeypatch.setattr(workers, "_release_a_slice", counted)
    monkeypatch.setattr(workers, "_release_timer", None)
    workers.release_between_turns(items, by_id, ids)
    assert items and by_id and ids  # nothing let go before a turn of the event loop
    qtbot.waitUntil(lambda: not workers.release_pending(), timeout=20_000)
    assert not items and not by_id and not ids
    assert len(slices) > 10  # over many turns
    # no turn lets go of more than a fifth of the 6,000 slow objects (counted, not
    # timed: a test asserts no time on a shared machine)
    assert max(slices) < 6000 / 5
