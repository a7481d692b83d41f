"""Extraction time on large and hostile texts: seconds per MB; prints, asserts nothing.

    python bench/hostile_extract.py [--sizes 1,4,16] [--quick]

Normal text: the seed article repeated with other dates and places, at 1, 4
and 16 MB.  Each adversarial shape of issue 11 (case 1) at two sizes, so that
growth shows: "the capital of " repeated between a trigger and its place, a
run of capitalised words, a 2 MB line without a full stop, normal text as one
hard-wrapped paragraph, and a list of "- Aug. 6 – Taliban captured Kunduz."
entries.  Linear extraction keeps
seconds per MB flat as the size grows; the target is at most 2 s/MB.
Last, how long a cancel takes to stop the extraction of the largest normal
text (the import service asks its cancel callback inside an article).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.extraction.extract import Cancelled, Extractor
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.model import Article
from timeline_app.paths import seeds_dir

MB = 1_000_000
PUBLISHED = dt.date(2021, 8, 12)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jul.", "Aug."]


def normal(size: int, gazetteer: Gazetteer, seed: int = 11) -> str:
    """The seed article again and again, its places and weekdays swapped for others."""
    sample = next(seeds_dir().glob("*.txt")).read_text("utf-8")
    names = [p.name for p in gazetteer.places.values()]
    seeded = [n for n in names if n in sample]
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        copy = sample
        for name in seeded:
            copy = copy.replace(name, rng.choice(names))
        for day in WEEKDAYS:
            copy = copy.replace(day, rng.choice(WEEKDAYS))
        parts.append(copy)
        length += len(copy) + 2
    return "\n\n".join(parts)[:size]


def capital_of(size: int) -> str:
    """ "The Taliban captured the capital of the capital of ... Kunduz on Sunday." """
    head, tail = "The Taliban captured ", "Kunduz on Sunday."
    repeat = "the capital of "
    return head + repeat * max(1, (size - len(head) - len(tail)) // len(repeat)) + tail


def capitalised(size: int) -> str:
    words = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")
    text, count = [], 0
    while count < size:
        word = words[len(text) % len(words)]
        text.append(word)
        count += len(word) + 1
    return "The Taliban captured Kunduz as " + " ".join(text) + " said on Sunday."


def no_full_stop(size: int, gazetteer: Gazetteer) -> str:
    names = [p.name for p in gazetteer.places.values()]
    rng = random.Random(3)
    parts, count = [], 0
    while count < size:
        part = f"fighters captured {rng.choice(names)} on {rng.choice(WEEKDAYS)}, "
        parts.append(part)
        count += len(part)
    return "".join(parts)


def hard_wrapped(size: int, gazetteer: Gazetteer) -> str:
    """Normal text as one paragraph hard-wrapped at 72 columns (no blank lines)."""
    words = normal(size, gazetteer).split()
    lines, line = [], []
    for word in words:
        if sum(len(w) + 1 for w in line) + len(word) > 72:
            lines.append(" ".join(line))
            line = []
        line.append(word)
    return "\n".join([*lines, " ".join(line)])


def entries(size: int) -> str:
    line = "- Aug. 6 – Taliban captured Kunduz.\n"
    return line * (size // len(line))


def floor(text: str) -> float:
    """The floor, measured beside each figure: one pass of a word regex over the text
    (the machine is shared, so compare the ratio more than the seconds)."""
    start = time.perf_counter()
    for _ in re.finditer(r"\w+", text):
        pass
    return time.perf_counter() - start


def seconds(extractor: Extractor, text: str) -> float:
    start = time.perf_counter()
    extractor.extract(Article(text=text, published=PUBLISHED))
    return time.perf_counter() - start


def cancel_delay(extractor: Extractor, text: str, after: float) -> float:
    """Seconds from the cancel flag going up (``after`` s into the extraction) to
    the extraction stopping."""
    pressed = time.perf_counter() + after
    try:
        extractor.extract(
            Article(text=text, published=PUBLISHED),
            cancelled=lambda: time.perf_counter() >= pressed,
        )
    except Cancelled:
        return time.perf_counter() - pressed
    return float("nan")  # finished before the cancel


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16", help="normal text sizes in MB")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    extractor = Extractor(gazetteer)
    scale = 0.05 if args.quick else 1.0
    cases = [(f"normal text, {mb} MB", lambda s, mb=mb: normal(s, gazetteer), float(mb))
             for mb in (float(v) for v in args.sizes.split(","))]  # fmt: skip
    cases += [
        ('"the capital of " x N', capital_of, 0.03),
        ('"the capital of " x N', capital_of, 0.12),
        ("capitalised words in a row", capitalised, 0.02),
        ("capitalised words in a row", capitalised, 0.08),
        ("one line, no full stop", lambda s: no_full_stop(s, gazetteer), 0.5),
        ("one line, no full stop", lambda s: no_full_stop(s, gazetteer), 2.0),
        ("normal text on one line", lambda s: " ".join(normal(s, gazetteer).split()), 0.4),
        ("normal text on one line", lambda s: " ".join(normal(s, gazetteer).split()), 1.6),
        ("one paragraph hard-wrapped at 72 columns", lambda s: hard_wrapped(s, gazetteer), 0.25),
        ("one paragraph hard-wrapped at 72 columns", lambda s: hard_wrapped(s, gazetteer), 1.0),
        ('"- Aug. 6 – Taliban captured Kunduz." entries', entries, 0.25),
        ('"- Aug. 6 – Taliban captured Kunduz." entries', entries, 1.0),
    ]
    print(f"{'text':<48} {'MB':>7} {'seconds':>9} {'s/MB':>7} {'x floor':>8}")
    largest = ""
    for label, make, mb in cases:
        text = make(int(mb * MB * scale))
        if label.startswith("normal") and len(text) > len(largest):
            largest = text
        took, base = seconds(extractor, text), floor(text)
        size = len(text.encode("utf-8")) / MB
        print(f"{label:<48} {size:7.2f} {took:9.2f} {took / size:7.2f} {took / base:8.0f}",
              flush=True)  # fmt: skip
    delays = [cancel_delay(extractor, largest, after) for after in (0.5, 2.0, 5.0)]
    print(
        f"cancel inside {len(largest) / MB:.1f} MB of normal text, pressed 0.5 / 2 / 5 s in: "
        + " / ".join(f"{d * 1000:.0f} ms" for d in delays) + " to stop"
    )


if __name__ == "__main__":
    main()
