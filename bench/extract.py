"""Import throughput on generated articles: prints figures, asserts nothing.

    python bench/extract.py [--articles 1000] [--workers 1 2 4] [--baseline REV [--rounds 3]]

Generates news-like articles (a lede with a weekday, coordination, hedges,
context places, captions and filler paragraphs, about 4 kB each, like the
sample), writes them to a temporary folder, then times extraction alone and
the whole import (read, decode, extract, store) into a fresh database, and the
whole process, ``timeline-app import``, as a user's runs go: Python's bytecode
written beside the modules, the extraction's compiled patterns kept (in the
run's folder; its first run makes them, and prints apart).  Last,
the floor of parallel work here: a pure-Python loop alone and as one process a
core at once (on shared cores each runs slower: the workers' ceiling).

With ``--baseline REV`` it also times extraction alone for REV's code (a git
worktree) beside this checkout's, each in its own process on the same files,
interleaved for ``--rounds`` rounds: CPU seconds, so that other work on the
machine weighs less; medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.extraction.extract import Extractor
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.importers import read_article
from timeline_app.services import import_paths
from timeline_app.storage import Store

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "The Taliban overran {a} on {day}, officials said.",
    "Taliban fighters captured the capitals of {pa} and {pb} provinces {day}.",
    "Clashes pushed into the center of {a} as fighters took control of the police headquarters.",
    "{a} had been under siege by the militants for over two months.",
    "The group said it had seized {a} on {day}, a claim officials denied.",
    "Hundreds of Afghan forces surrendered at a base on the edge of {a} on {day}.",
    "Government forces retook {a} on {day} after a day of fighting.",
    "{a}, a five-hour drive north of Kabul, fell to the Taliban on {day}.",
]
FILLER = (
    "Afghan government control has shrunk to less than a third of the country's territory, "
    "and the withdrawal of foreign troops is set to conclude within weeks. Officials in Kabul "
    "said reinforcements would be sent, though it was not clear when they would arrive. "
)


def generate(count: int, folder: Path, gazetteer: Gazetteer, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    places = list(gazetteer.places.values())
    paths = []
    for number in range(count):
        published = dt.date(2021, 8, 1) + dt.timedelta(days=rng.randrange(20))
        paragraphs = [f"KABUL — Two cities were under threat {rng.choice(WEEKDAYS)}."]
        for _ in range(10):
            a, b = rng.sample(places, 2)
            template = rng.choice(TEMPLATES)
            paragraphs.append(
                template.format(a=a.name, pa=a.province, pb=b.province, day=rng.choice(WEEKDAYS))
                + " "
                + FILLER
            )
        paragraphs.append("A photo of the city. (Jane Doe/Example News)")
        paragraphs.append("Read more:")
        path = folder / f"article-{number:05d}.txt"
        path.write_text(f"Published {published:%B %d, %Y}\n\n" + "\n\n".join(paragraphs))
        paths.append(path)
    return paths


ROOT = Path(__file__).resolve().parent.parent

# Extraction alone in one process, for any revision (the module layout changed).
_EXTRACT_ONLY = """
import pathlib, sys, time
try:
    from timeline_app.extract import Extractor
    from timeline_app.gazetteer import Gazetteer
except ImportError:
    from timeline_app.extraction.extract import Extractor
    from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.importers import read_article
import timeline_app
paths = sorted(pathlib.Path(sys.argv[1]).glob("article-*.txt"))
articles = [read_article(p) for p in paths]
extractor = Extractor(Gazetteer.load())
extractor.extract(articles[0])
started = time.process_time()
events = sum(len(extractor.extract(a)) for a in articles)
print(len(paths) / (time.process_time() - started), events, timeline_app.__file__)
"""


def extraction_rate(checkout: Path, folder: Path) -> tuple[float, int]:
    """(articles a CPU second, events) of ``checkout``'s extractor on the files."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    result = subprocess.run(
        [sys.executable, "-c", _EXTRACT_ONLY, str(folder)],
        capture_output=True, text=True, env=env, cwd=checkout, check=True,
    )  # fmt: skip
    rate, events, package = result.stdout.split()
    if not Path(package).resolve().is_relative_to(checkout.resolve()):
        raise SystemExit(f"{checkout}: ran the code of {package}, not its own")
    return float(rate), int(events)


def compare(rev: str, folder: Path, rounds: int) -> None:
    from output import baseline_checkout  # bench/output.py, beside this script

    checkout = baseline_checkout(rev, folder / "revisions")
    try:
        rates: dict[str, list[float]] = {"this checkout": [], rev: []}
        events = {}
        for _ in range(rounds):  # interleaved, so that load on the machine hits both
            for name, tree in (("this checkout", ROOT), (rev, checkout)):
                rate, events[name] = extraction_rate(tree, folder)
                rates[name].append(rate)
        for name, values in rates.items():
            print(
                f"extract only, {name}: {statistics.median(values):,.0f} articles a CPU second "
                f"(median of {rounds}: {', '.join(f'{v:.0f}' for v in values)}; "
                f"{events[name]} events)"
            )
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(checkout)], check=False
        )


# The floor of parallel work on this machine: a pure-Python loop, timed alone and as
# ``count`` processes at once (cores that share a host, or one core's two threads,
# run each of them slower than one alone: the import's workers too).
_SPIN = "import time\nt = time.perf_counter()\nx = 0\nfor i in range(6_000_000): x += i\n" \
    "print(time.perf_counter() - t)"


def parallel_floor(count: int, rounds: int = 3) -> tuple[float, float]:
    """(seconds of the loop alone, seconds of each of ``count`` at once): medians
    of ``rounds`` rounds, the two interleaved (the machine's speed drifts)."""
    alone, together = [], []
    for _ in range(rounds):
        alone.append(float(subprocess.run([sys.executable, "-c", _SPIN], capture_output=True,
                                          text=True, check=True).stdout))  # fmt: skip
        runs = [subprocess.Popen([sys.executable, "-c", _SPIN], stdout=subprocess.PIPE,
                                 text=True) for _ in range(count)]  # fmt: skip
        together += [float(run.communicate()[0]) for run in runs]
    return statistics.median(alone), statistics.median(together)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--baseline", metavar="REV", help="also time REV's extraction")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved runs with --baseline")
    args = parser.parse_args()
    gazetteer = Gazetteer.load()
    extractor = Extractor(gazetteer)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = generate(args.articles, folder, gazetteer)
        size = sum(p.stat().st_size for p in paths) / len(paths)
        articles = [read_article(p) for p in paths]

        started = time.perf_counter()
        events = sum(len(extractor.extract(a)) for a in articles)
        extract_s = time.perf_counter() - started

        started = time.perf_counter()
        with Store(folder / "bench.db") as store:
            report = import_paths(paths, store, gazetteer)
            counts = store.counts()
        import_s = time.perf_counter() - started

        # the whole process, as a user runs it: `timeline-app import --workers N`, with
        # Python's bytecode written beside the modules and the extraction's compiled
        # patterns kept (here in this run's folder: the first run makes them)
        env = dict(os.environ, TIMELINE_APP_CACHE=str(folder / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)

        def whole_process(workers: int, name: str) -> float:
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "timeline_app", "import", "--db",
                 str(folder / f"whole-{name}.db"), "--workers", str(workers), *map(str, paths)],
                check=True, capture_output=True, env=env,
            )  # fmt: skip
            return time.perf_counter() - started

        first = whole_process(2, "first")
        whole = {workers: whole_process(workers, str(workers)) for workers in args.workers}
        if args.baseline:
            compare(args.baseline, folder, args.rounds)
        cores = len(os.sched_getaffinity(0))
        alone, together = parallel_floor(cores)

    print(f"articles: {len(paths)} generated, {size / 1000:.1f} kB each")
    print(
        f"extract only: {len(paths) / extract_s:,.0f} articles/s "
        f"({events} events, {extract_s:.2f} s)"
    )
    print(
        f"full import (read, extract, store, in batches, each article atomic): "
        f"{len(report.imported) / import_s:,.0f} articles/s ({import_s:.2f} s; "
        f"{counts['events']} events, {counts['mentions']} quotes stored)"
    )
    print(
        f"whole process, first run (no compiled patterns kept yet), --workers 2: "
        f"{len(paths) / first:,.0f} articles/s ({first:.2f} s)"
    )
    for workers, seconds in whole.items():
        print(
            f"whole process, timeline-app import --workers {workers}: "
            f"{len(paths) / seconds:,.0f} articles/s ({seconds:.2f} s)"
        )
    print(
        f"floor: a pure-Python loop takes {alone:.2f} s alone, {together:.2f} s as {cores} "
        f"at once ({together / alone:.2f}x): {cores} processes do the work of "
        f"{cores * alone / together:.1f}"
    )


if __name__ == "__main__":
    main()
