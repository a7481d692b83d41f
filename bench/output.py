"""`events` and `falls` output at 100k and 1M events, one quote each: time and peak memory.

    python bench/output.py [--sizes 100000 1000000] [--baseline REV]

For each size a database of random events (34 places, two years) with one quote
per event is written straight through ``Store.add_rows_unchecked`` (no
extraction), then each command runs as its own process, its output thrown
away: the figures are its wall time and its peak RSS (``ru_maxrss`` of the
child).  With ``--baseline REV`` the same commands also run from a git
worktree of REV (e.g. ``main``), on the same database in the same run, and the
ratios are printed.  Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from timeline import make_database  # noqa: E402

COMMANDS = [
    ("events --format json", ["events", "--format", "json"]),
    ("events --format csv", ["events", "--format", "csv"]),
    ("events --format acled", ["events", "--format", "acled"]),
    ("falls --format json", ["falls", "--format", "json"]),
    ("falls --format csv", ["falls", "--format", "csv"]),
    ("falls --format geojson", ["falls", "--format", "geojson"]),
]
ARTICLES = 1000
# Run in a fresh interpreter: RUSAGE_CHILDREN's ru_maxrss is the largest child so far.
_MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(
    sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=sys.argv[1]
)
seconds = time.perf_counter() - started
if done.returncode:
    sys.exit(done.stderr.decode(errors="replace")[-2000:])
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def add_quotes(store, count: int) -> None:
    """ARTICLES articles and one quote per event (events 1..count)."""
    articles = (
        (f"hash-{i}", f"Report {i}", f"Outlet {i % 40}", f"2021-{1 + i % 12:02}-15",
         "text " * 50, "[]")
        for i in range(ARTICLES)
    )  # fmt: skip
    store.add_rows_unchecked(
        "articles", ("content_hash", "title", "outlet", "published", "text", "flags"), articles
    )
    quote = (
        "Officials said the provincial capital fell to the insurgents after days of"
        " fighting, report {}, according to residents reached by telephone."
    )
    because = json.dumps([["trigger captured", "fell to"]])
    mentions = (
        (i, 1 + i % ARTICLES, quote.format(i), 0, 120, because) for i in range(1, count + 1)
    )
    store.add_rows_unchecked(
        "mentions", ("event_id", "article_id", "quote", "start", "end", "because"), mentions
    )


def measure(checkout: Path, db: Path, argv: list[str]) -> tuple[float, float] | None:
    """(seconds, peak MB) of `timeline-app ARGV --db DB` run from ``checkout``;
    None when that revision has no such command or format (argparse refuses it)."""
    env = dict(os.environ, PYTHONPATH=str(checkout))  # that checkout's code, not ours
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(checkout), sys.executable, "-m", "timeline_app",
         *argv, "--db", str(db)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    if result.returncode:
        if "invalid choice" in result.stderr:
            return None
        sys.exit(result.stderr)
    seconds, kilobytes = result.stdout.split()
    return float(seconds), int(kilobytes) / 1024


def for_baseline(db: Path, checkout: Path) -> Path:
    """A copy of ``db`` in the schema the baseline knows: the migrations it lacks
    undone (their tables are derived data), else it refuses the newer file.  The
    baseline's migrations are read from its schema module: objects with a name
    in older revisions, (name, function, transactional) in newer ones."""
    known = subprocess.run(
        [sys.executable, "-c", "from timeline_app.storage.schema import migrations as m;"
         "print(' '.join(getattr(x, 'name', None) or x[0] for x in m._migrations))"],
        capture_output=True, text=True, check=True, cwd=checkout,
        env=dict(os.environ, PYTHONPATH=str(checkout)),
    ).stdout.split()  # fmt: skip
    copy = db.with_name(f"baseline-{db.name}")
    shutil.copyfile(db, copy)
    with sqlite3.connect(copy) as conn:
        if "m006_disagreement" not in known:
            conn.execute("DROP TABLE IF EXISTS disagreement")
            conn.execute("DROP INDEX IF EXISTS idx_events_place_id_day")
            conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm006_disagreement'")
        conn.execute(f"PRAGMA user_version = {len(known)}")
    return copy


def baseline_checkout(rev: str, folder: Path) -> Path:
    path = folder / "baseline"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(path), rev], check=True
    )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--baseline", metavar="REV", help="also run REV's code (e.g. main)")
    parser.add_argument("--only", nargs="+", help="only commands starting with these words")
    args = parser.parse_args()
    commands = [c for c in COMMANDS if not args.only or c[0].startswith(tuple(args.only))]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = baseline_checkout(args.baseline, folder) if args.baseline else None
        try:
            for count in args.sizes:
                db = folder / f"out-{count}.db"
                store = make_database(db, count)
                add_quotes(store, count)
                store.close()
                print(f"{count:,} events, one quote each ({db.stat().st_size / 2**20:.0f} MB file)")
                old_db = for_baseline(db, baseline) if baseline is not None else None
                for name, argv in commands:
                    seconds, peak = measure(ROOT, db, argv)
                    line = f"  {name:24} {seconds:7.2f} s {peak:7.0f} MB"
                    old = measure(baseline, old_db, argv) if baseline is not None else None
                    if baseline is not None and old is None:
                        line += f"   {args.baseline}: no such command"
                    elif old is not None:
                        old_seconds, old_peak = old
                        line += (
                            f"   {args.baseline}: {old_seconds:7.2f} s {old_peak:7.0f} MB"
                            f"   {old_seconds / seconds:5.1f}x faster,"
                            f" {old_peak / peak:5.1f}x less memory"
                        )
                    print(line, flush=True)
        finally:
            if baseline is not None:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)],
                    check=False,
                )


if __name__ == "__main__":
    main()
