"""The compiled patterns kept between runs (``extraction.compiled``): a process
that finds them reads the same events as one that compiles everything, makes
none again, and a damaged or unwritable cache is no cache, never an error."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys

import pytest

from timeline_app.extraction import casefold, compiled, dates, extract, gazetteer, layout, triggers

# A process that imports the extraction, reads the sample and tells what it saw.
_READ_SAMPLE = """
import datetime as dt, json
from timeline_app.extraction import compiled
from timeline_app.extraction.extract import Extractor
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.model import Article
from timeline_app.paths import seeds_dir
text = (seeds_dir() / "000_44b0846c1f554011.txt").read_text("utf-8")
events = Extractor(Gazetteer.load()).extract(Article(text=text, published=dt.date(2021, 8, 12)))
print(json.dumps({"events": [repr(e) for e in events], "made": len(compiled._made),
                  "kept": len(compiled._used) - len(compiled._made),
                  "installed": compiled._file is not None}))
"""


def _read_sample(cache: str) -> dict:
    env = dict(os.environ, TIMELINE_APP_CACHE=cache)
    done = subprocess.run([sys.executable, "-c", _READ_SAMPLE], capture_output=True, text=True,
                          env=env, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def without_cache() -> dict:
    seen = _read_sample("")  # empty: keep nothing
    assert not seen["installed"] and seen["made"] == 0
    return seen


def test_a_second_process_compiles_nothing_again_and_reads_the_same_events(
    tmp_path, without_cache
):
    first = _read_sample(str(tmp_path))
    assert first["installed"] and first["made"] > 100  # the extraction's patterns
    assert [p.name for p in tmp_path.iterdir()] == [
        f"patterns-{sys.implementation.cache_tag}-{compiled._sre.MAGIC}.bin"
    ]
    second = _read_sample(str(tmp_path))
    assert second["made"] == 0 and second["kept"] > 100
    assert first["events"] == second["events"] == without_cache["events"]
    assert len(without_cache["events"]) >= 5


def test_a_damaged_cache_file_is_made_again(tmp_path, without_cache):
    _read_sample(str(tmp_path))
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(b"\x00not marshal at all" * 50)
    again = _read_sample(str(tmp_path))
    assert again["made"] > 100 and again["events"] == without_cache["events"]
    assert _read_sample(str(tmp_path))["made"] == 0  # written whole again


def test_a_cache_folder_that_cannot_be_written_is_no_cache(tmp_path, without_cache):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    seen = _read_sample(str(blocked / "cache"))
    assert seen["events"] == without_cache["events"]
    assert _read_sample(str(blocked / "cache"))["made"] > 100  # nothing was kept


def _patterns_of(module) -> list[re.Pattern]:
    found = []
    for value in vars(module).values():
        items = value if isinstance(value, (list, tuple)) else (value,)
        found += [item for item in items if isinstance(item, re.Pattern)]
        found += [item[0] for item in items if isinstance(item, tuple) and item
                  and isinstance(item[0], re.Pattern)]  # fmt: skip
    return found


def test_a_kept_compilation_makes_the_pattern_re_makes():
    patterns = [p for module in (casefold, dates, extract, gazetteer, layout, triggers)
                for p in _patterns_of(module)]  # fmt: skip
    assert len(patterns) > 150
    for pattern in patterns:
        kept = compiled._compilation(pattern.pattern, pattern.flags)
        # (``re.compile`` itself may come from the cache: compare with a fresh parse)
        fresh = (compiled._original or re._compiler.compile)(pattern.pattern, pattern.flags)
        assert compiled._pattern(pattern.pattern, kept) == fresh, pattern.pattern


def test_a_file_grown_past_its_bound_keeps_only_what_its_writer_used(tmp_path, monkeypatch):
    path = tmp_path / "patterns.bin"
    stale = {("re", f"a pattern of another day {n}", 0): (0, b"", 0, {}, ()) for n in range(50)}
    path.write_bytes(marshal.dumps(stale))
    made, used = ("needs", "captured", 2), ("re", "a pattern of another day 3", 0)
    monkeypatch.setattr(compiled, "PRUNE_BYTES", 100)
    monkeypatch.setattr(compiled, "_file", path)
    monkeypatch.setattr(compiled, "_entries", {**stale, made: frozenset({"captured"})})
    monkeypatch.setattr(compiled, "_made", {made})
    monkeypatch.setattr(compiled, "_used", {made, used})
    compiled.save()
    assert marshal.loads(path.read_bytes()) == {made: frozenset({"captured"}), used: stale[used]}
