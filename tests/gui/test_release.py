"""What a reading replaces is let go on the GUI thread between turns, a little
at a time, not in one freeze nor by a thread sharing the interpreter."""

import time

from timeline_app.gui import workers


def test_big_containers_are_emptied_a_slice_per_turn(qtbot, monkeypatch):
    class Slow:  # each one takes a while to let go
        def __del__(self):
            time.sleep(0.0001)

    monkeypatch.setattr(workers, "RELEASE_MS", 2.0)
    items, by_id = [Slow() for _ in range(3000)], {n: Slow() for n in range(3000)}
    ids = set(range(10**5))
    slices = []
    real = workers._release_a_slice

    def timed():
        started = time.perf_counter()
        real()
        slices.append(time.perf_counter() - started)

    monkeypatch.setattr(workers, "_release_a_slice", timed)
    monkeypatch.setattr(workers, "_release_timer", None)
    workers.release_between_turns(items, by_id, ids)
    assert items and by_id and ids  # nothing let go before a turn of the event loop
    qtbot.waitUntil(lambda: not workers.release_pending(), timeout=20_000)
    assert not items and not by_id and not ids
    assert len(slices) > 10  # over many turns
    assert max(slices) < 0.05  # each short (2 ms asked, with room for a busy machine)
