"""The command line: import, events, articles, export-png; no sub-command opens the window."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from . import __version__
from .extraction.gazetteer import Gazetteer, GazetteerError
from .paths import default_db_path
from .storage import Store, StoreError
from .storage.output import (  # the columns SQLite writes them in (storage/output.py)
    ACLED_COLUMNS,
    EVENT_COLUMNS,
    SOURCE_COLUMNS,
    csv_writer,
    spreadsheet_cell,
)


class _CsvWriter:
    """csv.writer whose every cell goes through ``spreadsheet_cell``: all our CSVs."""

    def __init__(self, out) -> None:
        self._writer = csv_writer(out)

    def writerow(self, row) -> None:
        self._writer.writerow([spreadsheet_cell(value) for value in row])


_encode = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder: no indent


def write_json_array(items: Iterable, out, *, batch: int = 500) -> None:
    """A JSON array written item by item, one compact item a line: a million
    events go out in constant memory, each encoded by the C encoder."""
    lines = []
    opened = False
    for item in items:
        lines.append(_encode(item))
        if len(lines) == batch:
            out.write((",\n" if opened else "[\n") + ",\n".join(lines))
            lines, opened = [], True
    if lines:
        out.write((",\n" if opened else "[\n") + ",\n".join(lines))
        opened = True
    out.write("\n]\n" if opened else "[]\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from exc


def _published(value: str) -> dt.date:
    """A publication date of the news age: 1900 to a year from today.  Others overflow
    in date arithmetic (0001-01-01) or break the drawing once stored (9999-12-20)."""
    date = _date(value)
    first, today = dt.date(1900, 1, 1), dt.date.today()
    try:
        last = today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        last = today.replace(year=today.year + 1, day=28)
    if not first <= date <= last:
        raise argparse.ArgumentTypeError(f"{value} is outside {first} .. {last}")
    return date


def _period(value: str) -> tuple[dt.date, dt.date]:
    start, separator, end = value.partition("..")
    if not separator:
        raise argparse.ArgumentTypeError(f"{value!r} is not a period in FROM..TO form")
    first, last = _date(start), _date(end)
    if last < first:
        raise argparse.ArgumentTypeError(f"{value!r} ends before it starts")
    return first, last


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", type=Path, default=argparse.SUPPRESS,
        help="database file (default: timeline.db in your data directory)",
    )  # fmt: skip
    parser = argparse.ArgumentParser(
        prog="timeline-app", parents=[common],
        description="Which city fell when, according to whom. Without a command, opens the window.",
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway database holding the sample"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT.png",
        help="save a screenshot of the window and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    # how an article is read: shared by import and explain
    reading = argparse.ArgumentParser(add_help=False)
    reading.add_argument(
        "--published", type=_published, metavar="YYYY-MM-DD",
        help="publication date for articles where none is found",
    )  # fmt: skip
    reading.add_argument(
        "--gazetteer", type=Path, metavar="FILE",
        help="places file (CSV or JSON) instead of the bundled Afghan one; a NAME.profile.json"
        " beside it is the conflict profile",
    )  # fmt: skip

    imp = commands.add_parser(
        "import", parents=[common, reading], help="import article files or folders"
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument(
        "--period", type=_period, metavar="FROM..TO",
        help="the period of the offensive, kept in the database (reports outside it are "
        "stored but not drawn or counted in falls)",
    )  # fmt: skip
    imp.add_argument(
        "--workers", type=_workers, default=None, metavar="N",
        help="processes that read and extract (default: one per core; 1: none)",
    )  # fmt: skip

    events = commands.add_parser(
        "events", parents=[common], help="print every event with its sources"
    )
    events.add_argument("--format", choices=("json", "csv", "acled"), default="json")

    articles = commands.add_parser("articles", parents=[common], help="list imported articles")
    articles.add_argument("--format", choices=("text", "json"), default="text")

    falls = commands.add_parser(
        "falls", parents=[common],
        help="one row per change of control: when, how sure, by how many sources, who disagrees",
    )  # fmt: skip
    falls.add_argument("--format", choices=("json", "csv", "text", "geojson"), default="text")
    falls.add_argument(
        "--period", type=_period, metavar="FROM..TO",
        help="only reports dated in this period (YYYY-MM-DD..YYYY-MM-DD)",
    )  # fmt: skip

    explain = commands.add_parser(
        "explain", parents=[reading],
        help="show, sentence by sentence, how an article is read (nothing is stored)",
    )  # fmt: skip
    explain.add_argument("path", type=Path, metavar="FILE")

    commands.add_parser(
        "places", parents=[common],
        help="list the places files the app ships and the one the database uses",
    )  # fmt: skip

    history = commands.add_parser("history", parents=[common], help="print the analysts' edits")
    history.add_argument("--limit", type=int, default=200)
    history.add_argument("--format", choices=("text", "json"), default="text")

    png = commands.add_parser(
        "export-png", parents=[common], help="draw the timeline to a PNG file"
    )
    png.add_argument("output", type=Path, metavar="OUT.png")
    png.add_argument(
        "--width", type=int, default=None,
        help="picture width in pixels (default 1920, with --map 1200)",
    )
    png.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD")
    png.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD")
    png.add_argument("--title", default=None)
    png.add_argument("--period", type=_period, metavar="FROM..TO",
                     help="only what is dated in this period (default: the database's)")
    png.add_argument(
        "--evidence", action="store_true",
        help="draw every report instead of one marker per change of control",
    )  # fmt: skip
    png.add_argument("--map", action="store_true",
                     help="draw the map of the places' state on one day instead of the timeline")
    png.add_argument("--date", type=_date, metavar="YYYY-MM-DD",
                     help="with --map: the day to draw (default: the last change of control)")
    png.add_argument("--frames", action="store_true",
                     help="with --map: one PNG per day of the period, into the folder OUT")
    png.add_argument("--every", type=int, default=1, metavar="DAYS",
                     help="with --frames: one frame every DAYS days (default 1)")  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; output piped into ``head`` and cut short ends quietly."""
    try:
        try:
            return _run(argv)
        finally:
            # Flush inside the try: buffered output can first meet the closed pipe here
            # (also after argparse's --help or --version, which exit with SystemExit).
            sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return 141  # 128 + SIGPIPE, what a shell tool killed by the signal reports


def _discard_stdout() -> None:
    """Point stdout at devnull, so that the interpreter's flush at exit cannot raise a
    second BrokenPipeError (the recipe in the Python docs' 'signal' module notes)."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # a replaced stream (pytest's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    finally:
        os.close(devnull)


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    args.db = getattr(args, "db", None)
    handler = {
        "import": _import,
        "events": _events,
        "articles": _articles,
        "history": _history,
        "export-png": _export_png,
        "explain": _explain,
        "falls": _falls,
        "places": _places,
    }.get(args.command)
    if handler is None:
        from .gui.app import run  # the window is loaded only when asked for

        return run(args)
    try:
        return handler(args)
    except (StoreError, GazetteerError) as exc:
        print(f"timeline-app: {exc}", file=sys.stderr)
        return 2


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError("a number of processes from 1 to 64")
    return value


def _open_store(args, *, create: bool = True) -> Store:
    return Store(args.db or default_db_path(), create=create)


def _import(args) -> int:
    from .places import places_for
    from .services import import_paths

    with _open_store(args) as store:
        if args.period is not None:
            store.set_period(args.period)
        gazetteer, _ = places_for(store, args.gazetteer)
        report = import_paths(
            args.paths, store, gazetteer, published=args.published, workers=args.workers
        )
    for problem in report.failed:
        print(f"error: {problem.line()}", file=sys.stderr)
    for problem in report.skipped:
        print(f"skipped: {problem.line()}", file=sys.stderr)
    if report.stopped:
        print(f"error: {report.stopped}", file=sys.stderr)
    print(report.summary())
    for item in report.inferred:
        print(f"inferred: {item.line()}", file=sys.stderr)
    if report.still_undated:
        print(
            f"{len(report.still_undated)} article(s) have no publication date: "
            "import them again with --published YYYY-MM-DD",
            file=sys.stderr,
        )
    return 1 if report.failed or report.stopped else 0


def _events(args) -> int:
    with _open_store(args) as store:
        if args.format == "json":
            write_json_texts(store.event_json_batches(), sys.stdout)
        elif args.format == "acled":
            write_events_acled(store, sys.stdout)
        else:
            write_events_csv(store, sys.stdout)
    return 0


def write_json_texts(batches: Iterable[list[str]], out, *, lines: int = 2000) -> None:
    """A JSON array of items already encoded (lists of texts, as the store gives
    them), one a line, written a few thousand lines at a time."""
    opened = False
    for batch in batches:
        for start in range(0, len(batch), lines):
            out.write((",\n" if opened else "[\n") + ",\n".join(batch[start : start + lines]))
            opened = True
    out.write("\n]\n" if opened else "[]\n")


def _write_lines(batches: Iterable[list[str]], out, *, lines: int = 2000) -> None:
    for batch in batches:
        for start in range(0, len(batch), lines):
            out.write("\n".join(batch[start : start + lines]) + "\n")


def write_events_acled(store: Store, out) -> None:
    """One row per dated, not rejected event in ACLED-like columns, for analysts
    who merge our events with ACLED's: the event type by status, the outlets of
    its sources, its first quote in the notes.  The lines are SQLite's."""
    _CsvWriter(out).writerow(ACLED_COLUMNS)
    _write_lines(store.acled_csv_batches(), out)


def write_events_csv(store: Store, out) -> None:
    """One row per event and source: spreadsheet users want the quote beside the date.
    The lines are written by SQLite, each text cell safe for a spreadsheet."""
    _CsvWriter(out).writerow([*EVENT_COLUMNS, *(f"source_{c}" for c in SOURCE_COLUMNS)])
    _write_lines(store.event_csv_batches(), out)


def _articles(args) -> int:
    with _open_store(args) as store:
        rows = store.articles()
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for row in rows:
        flags = f"  [{', '.join(row['flags'])}]" if row["flags"] else ""
        print(
            f"{row['id']:>5}  {row['published'] or '????-??-??'}  {row['outlet'] or '-':<24.24}"
            f"  {row['events']:>3} events  {row['title']}{flags}"
        )
    print(f"{len(rows)} article(s)")
    return 0


FALL_COLUMNS = (
    "place", "province", "country", "status", "date", "date_precision", "confidence",
    "sources", "outlets", "dissent", "first_reported",
)  # fmt: skip


def _places(args) -> int:
    from .places import places_for

    for name, conflict, path in Gazetteer.shipped():
        places = Gazetteer.load(path)
        period = places.profile.period
        span = f"{period[0]}..{period[1]}" if period else "no period"
        print(f"{name:18} {len(places.places):>3} places  {conflict}  ({span})")
    with _open_store(args) as store:
        _, where = places_for(store)
    print(f"this database: {where}")
    return 0


def _falls(args) -> int:
    from .consensus import CONTROL_STATUSES, changes_of_control, default_periods

    with _open_store(args) as store:
        # each country's shipped profile gives its period
        period = args.period if args.period is not None else default_periods(store)
        # reports stream in place by place; only one place's are held at a time
        reports = store.iter_control_reports(statuses=CONTROL_STATUSES, periods=period)
        changes = changes_of_control(reports, period=period)
    rows = (change.as_dict() for change in changes)
    if args.format == "json":
        write_json_array(rows, sys.stdout)
    elif args.format == "geojson":
        write_geojson(rows, sys.stdout)
    elif args.format == "csv":
        writer = _CsvWriter(sys.stdout)
        writer.writerow(FALL_COLUMNS)
        for row in rows:
            writer.writerow([
                "; ".join(row["outlets"]) if c == "outlets" else
                json.dumps(row["dissent"], ensure_ascii=False) if c == "dissent" else row[c]
                for c in FALL_COLUMNS
            ])  # fmt: skip
    else:
        for change in changes:
            print(f"{change.place:16} {change.province:14} {change.verdict()}"
                  f"  (confidence {change.confidence:.2f})")  # fmt: skip
        print(f"{len(changes)} change(s) of control")
    return 0


def falls_features(rows: Iterable[dict]) -> Iterable[dict]:
    """Points with their fall dates, for QGIS and other GIS tools (GeoJSON Features)."""
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            continue
        yield {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: v for k, v in row.items() if k not in ("lat", "lon", "dissent")}
            | {"dissent": len(row["dissent"])},
        }


def write_geojson(rows: Iterable[dict], out) -> None:
    """A FeatureCollection of ``falls_features``, written feature by feature."""
    out.write('{"type": "FeatureCollection", "features": ')
    write_json_array(falls_features(rows), out)
    out.write("}\n")


def _explain(args) -> int:
    from .extraction.explain import explain
    from .extraction.extract import Extractor
    from .services import printable, read_one

    gazetteer = Gazetteer.load(args.gazetteer) if args.gazetteer else Gazetteer.load()
    result = read_one(args.path, args.published)
    if result.article is None:
        print(f"timeline-app: {printable(result.path.name)}: {result.error}", file=sys.stderr)
        return 1
    print(explain(result.article, Extractor(gazetteer)))
    return 0


def _history(args) -> int:
    from .review import Review

    with _open_store(args) as store:
        rows = Review(store).history(args.limit)
    if args.format == "json":
        for row in rows:
            row["before"], row["after"] = json.loads(row["before"]), json.loads(row["after"])
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for row in reversed(rows):
        print(f"{row['at']}  {row['user']:<12} {row['action']:<14} event {row['event_id']}"
              f"  {_difference(row['before'], row['after'])}")  # fmt: skip
    print(f"{len(rows)} edit(s)")
    return 0


def _difference(before: str, after: str) -> str:
    """What changed, field by field, for one audited edit."""
    old = {e["id"]: e for e in json.loads(before)}
    new = {e["id"]: e for e in json.loads(after)}
    parts = []
    for event_id in sorted(old.keys() | new.keys()):
        if event_id not in new:
            parts.append(f"#{event_id} removed")
        elif event_id not in old:
            parts.append(f"#{event_id} added")
        else:
            changed = [
                f"{k}: {old[event_id][k]!r} -> {new[event_id][k]!r}"
                for k in new[event_id]
                if k not in ("day", "end_day") and old[event_id].get(k) != new[event_id][k]
            ]
            parts += changed
    return "; ".join(parts) or "no change"


def _export_png(args) -> int:
    from .gui.export import export_png_headless

    if (args.date or args.frames) and not args.map:
        return _usage("--date and --frames go with --map")
    if args.every < 1:
        return _usage("--every must be a number of days, 1 or more")
    if args.map:
        return _export_map(args)
    with _open_store(args) as store:
        try:
            path = export_png_headless(
                store, args.output, width=args.width or 1920, start=args.start, end=args.end,
                title=args.title, evidence=args.evidence, period=args.period,
            )  # fmt: skip
        except OSError as exc:
            print(f"timeline-app: {exc}", file=sys.stderr)
            return 1
    print(f"saved {path}")
    return 0


def _usage(message: str) -> int:
    print(f"timeline-app: {message}", file=sys.stderr)
    return 2


def _export_map(args) -> int:
    from .gui.map_export import export_map_headless

    width = args.width or 1200

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\rframe {done} of {total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)  # fmt: skip

    with _open_store(args) as store:
        try:
            paths = export_map_headless(
                store, args.output, day=args.date, period=args.period, frames=args.frames,
                every=args.every, width=width, title=args.title, progress=progress,
            )  # fmt: skip
        except OSError as exc:
            print(f"timeline-app: {exc}", file=sys.stderr)
            return 1
    if args.frames:
        print(f"saved {len(paths)} frames in {args.output}")
    else:
        print(f"saved {paths[0]}")
    return 0
