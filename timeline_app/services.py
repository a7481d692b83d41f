"""Import: paths -> files -> articles -> events -> store.

The same functions serve the CLI, the GUI's worker thread and the tests.  The
caller supplies progress and cancellation as plain callables; nothing here
knows about Qt.  Each article is stored in its own transaction, so a cancel
or a crash leaves every article either fully stored or absent.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .extraction.dates import full_dates
from .extraction.gazetteer import Gazetteer
from .importers import IMPORTERS, NOT_REGULAR, ArticleError, is_supported, read_article
from .importers.base import sidecar_for
from .model import Article
from .statuses import named
from .storage import DiskFullError, LockedError

if TYPE_CHECKING:
    from .extraction.extract import Extractor
    from .storage import Store

# (done, total, label): done of total articles (inside a long article, in hundredths
# of one: the same fraction, finer), the label naming the file
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class LazyExtractor:
    """An ``Extractor`` made when first asked to extract.  When workers extract
    every article, this process extracts only the articles it dates again, often
    none, and loading the extraction (compiling its patterns) and making an
    extractor cost it about 0.2 s of CPU that the workers beside it want."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._extractor: Extractor | None = None

    def extract(self, article: Article, **options) -> list:
        if self._extractor is None:
            from .extraction.extract import Extractor

            self._extractor = Extractor(self.gazetteer)
        return self._extractor.extract(article, **options)


class _NeverRaised(Exception):
    pass


def _extraction_cancelled() -> type[Exception]:
    """The extraction's ``Cancelled``, without loading the extraction for it: only
    an extraction that ran here, so was loaded, can have raised it."""
    module = sys.modules.get(f"{__package__}.extraction.extract")
    return _NeverRaised if module is None else module.Cancelled


# Control, format (bidi overrides), line and paragraph separators, and surrogates
# (bytes of a name that are not UTF-8).
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` with what a terminal would act on escaped as in Python literals
    (``\\n``, ``\\x1b``; an undecodable byte of a name as ``\\xff``), so that a file
    name cannot start a forged line or clear the screen."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


@dataclass(frozen=True)
class FileProblem:
    path: Path
    reason: str

    def line(self) -> str:
        return printable(f"{self.path.name}: {self.reason}")


@dataclass
class ReadResult:
    path: Path
    article: Article | None = None
    error: str = ""
    # extracted already (in a worker process, as storage.rows.event_rows), or not yet
    events: list | None = None


@dataclass(frozen=True)
class Inferred:
    """An undated article dated by what the database's dated articles report."""

    article_id: int
    published: dt.date
    places: tuple[str, ...]  # the places whose fall dated it
    events: int

    def line(self) -> str:
        return (f"article {self.article_id} dated {self.published.isoformat()} "
                f"from other reports of {', '.join(self.places)}")  # fmt: skip


@dataclass
class ImportReport:
    imported: list[tuple[Path, int, int]] = field(default_factory=list)  # path, article id, events
    already_present: list[Path] = field(default_factory=list)
    # stored undated, now given the publication date the user passed: path, article id, events
    dated: list[tuple[Path, int, int]] = field(default_factory=list)
    failed: list[FileProblem] = field(default_factory=list)
    skipped: list[FileProblem] = field(default_factory=list)
    undated: list[Path] = field(default_factory=list)  # imported without a publication date
    # undated articles (of this import or earlier ones) dated by other reports
    inferred: list[Inferred] = field(default_factory=list)
    cancelled: bool = False
    stopped: str = ""  # why the batch stopped before the end (a full disk, a lock), one line

    @property
    def still_undated(self) -> list[Path]:
        """The undated articles of this import that other reports did not date."""
        dated = {item.article_id for item in self.inferred}
        ids = {path: article_id for path, article_id, _ in self.imported}
        return [path for path in self.undated if ids.get(path) not in dated]

    @property
    def events_found(self) -> int:
        return sum(count for _, _, count in self.imported)

    def summary(self) -> str:
        parts = [
            f"{len(self.imported)} imported ({self.events_found} events)",
            f"{len(self.already_present)} already present",
            *([f"{len(self.dated)} given their publication date "
               f"({sum(count for _, _, count in self.dated)} events)"] if self.dated else []),
            f"{len(self.failed)} failed",
        ]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        if self.inferred:
            parts.append(f"{len(self.inferred)} undated dated from other reports")
        text = ", ".join(parts)
        if self.stopped:
            return text + " - stopped before the end"
        return text + (" - cancelled before the end" if self.cancelled else "")


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileProblem]]:
    """Article files among ``paths`` (folders are searched recursively).

    In folders, metadata sidecars and hidden files are passed over and other
    file types are reported as skipped, as are FIFOs, devices and sockets (only
    stat is used on them: opening a FIFO blocks); a file named explicitly is
    always tried, so that an unsupported one gets a clear error.
    """
    files: list[Path] = []
    skipped: list[FileProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                kind = _file_kind(child)
                if kind == "folder":
                    continue
                if kind:
                    skipped.append(FileProblem(child, kind))
                elif is_supported(child):
                    files.append(child)
                elif not _is_sidecar(child):
                    kind = child.suffix or "no extension"
                    skipped.append(FileProblem(child, f"not an article type ({kind})"))
        else:
            files.append(path)
    return list(dict.fromkeys(files)), skipped


def _file_kind(path: Path) -> str:
    """Empty for a regular file (links followed), "folder", or why it is not read."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a link to something that does not exist"
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return "folder"
    return "" if stat.S_ISREG(mode) else NOT_REGULAR


def _is_sidecar(path: Path) -> bool:
    if path.suffix.lower() != ".json":
        return False
    stem = path.with_suffix("")
    if stem.suffix.lower() in IMPORTERS and stem.exists():
        return True
    return any(sidecar_for(path.with_suffix(ext)) == path and path.with_suffix(ext).exists()
               for ext in IMPORTERS)  # fmt: skip


def read_one(path: Path, published: dt.date | None = None) -> ReadResult:
    try:
        article = read_article(path)
    except ArticleError as exc:
        return ReadResult(path, error=str(exc))
    if article.published is None and published is not None:
        article.published = published
        article.flags = [f for f in article.flags if f != "no publication date"]
        article.flags.append("publication date given by the user")
    return ReadResult(path, article)


def store_articles(
    results: Iterable[ReadResult],
    store: Store,
    extractor: Extractor,
    *,
    total: int | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    report: ImportReport | None = None,
) -> ImportReport:
    """Extract and store articles read by ``read_one``; one transaction per article.

    ``results`` may be a lazy iterable (files are then read one at a time);
    ``total`` is only used for progress.
    """
    report = report or ImportReport()
    uncommitted: list[ReadResult] = []
    if total is None:
        results = list(results)
        total = len(results)
    try:
        store.sync_places(extractor.gazetteer.places.values())
        with store.importing():
            for done, result in enumerate(results):
                if cancelled and cancelled():
                    report.cancelled = True
                    if hasattr(results, "close"):
                        results.close()  # workers (``parallel``): stop them now
                    break
                if progress:
                    progress(done, total, result.path.name)
                _store_one(result, store, extractor, report, cancelled,
                           _within_article(progress, done, total, result))  # fmt: skip
                # what the open batch holds, to store again if it is undone
                if store.uncommitted_writes():
                    uncommitted.append(result)
                else:
                    uncommitted.clear()
        if report.imported or report.dated:
            report.inferred = date_from_other_reports(store, extractor, cancelled=cancelled)
    except _extraction_cancelled():  # inside a long article: it is not stored
        report.cancelled = True
    except (DiskFullError, LockedError) as exc:
        # Every further article would fail the same way: stop at the first.  The
        # articles of the batch it undid are not imported either.
        kept = store.stored_article_ids([article_id for _, article_id, _ in report.imported])
        lost = {path for path, article_id, _ in report.imported if article_id not in kept}
        report.imported = [item for item in report.imported if item[0] not in lost]
        report.undated = [path for path in report.undated if path not in lost]
        if lost and isinstance(exc, DiskFullError):
            # SQLite undid the whole batch with the article that did not fit: the
            # batch's articles go in again one at a time, as many as still fit
            with contextlib.suppress(DiskFullError, LockedError):
                for result in uncommitted:
                    if result.path in lost:
                        _store_one(result, store, extractor, report, cancelled)
        report.stopped = _stopped_line(exc, len(report.imported))
    if progress and not report.cancelled and not report.stopped:
        progress(total, total, "")
    return report


OTHER_REPORTS = "other reports"
INFERRED_FLAG = "publication date inferred from other reports"


def date_from_other_reports(
    store: Store, extractor: Extractor, *, cancelled: Cancelled | None = None
) -> list[Inferred]:
    """Date the undated articles by what the dated ones say.

    An article without a publication date (none in its text, none given)
    that reports the fall of places whose falls the database's dated articles
    date was published on or after the latest of those dates: it is read
    again as published then, so that its weekdays ("on Tuesday", "Saturday
    night") and its undated reports get days.  Only articles with dates of
    their own count, so no inferred date leans on another.  The article is
    flagged; a date the user gives later (``--published``) replaces it.  Run
    after every import, since a later import may date an earlier article.
    """
    from .consensus import changes_of_control, default_periods

    candidates = store.articles_without_own_date()
    if not candidates:
        return []
    reported = {aid: store.fallen_place_ids_of_article(aid) for aid, _ in candidates}
    place_ids = sorted({p for places in reported.values() for p in places})
    if not place_ids:
        return []
    latest: dict[str, dt.date] = {}
    falls = named("fall")
    reports = store.iter_control_reports(place_ids=place_ids, own_dates_only=True)
    for change in changes_of_control(reports, period=default_periods(store)):
        if change.status in falls and change.date_precision == "day":
            latest[change.place_id] = max(change.date, latest.get(change.place_id, change.date))
    inferred = []
    for article_id, current in candidates:
        if cancelled and cancelled():
            break
        known = sorted((latest[p], p) for p in reported[article_id] if p in latest)
        if not known or known[-1][0] == current:
            continue
        anchor = known[-1][0]
        article = store.stored_article(article_id)
        stated = full_dates(article.text)
        if stated and max(stated).year != anchor.year:
            continue  # an old story ("From the archive, 2009"): its own years say when
        names = tuple(extractor.gazetteer.place(p).name if p in extractor.gazetteer.places
                      else p for d, p in known if d == anchor)  # fmt: skip
        article.published, article.published_basis = anchor, OTHER_REPORTS
        article.flags = [f for f in article.flags
                         if f != "no publication date" and not f.startswith(INFERRED_FLAG)]
        article.flags.append(
            f"{INFERRED_FLAG}: on or after {anchor.isoformat()}, when other articles date "
            f"the fall of {', '.join(names)}"
        )  # fmt: skip
        events = extractor.extract(article, cancelled=cancelled)
        store.date_article(article_id, article, events, basis=OTHER_REPORTS)
        inferred.append(Inferred(article_id, anchor, names, len(events)))
    return inferred


def _stopped_line(exc: Exception, imported: int) -> str:
    done = f"{imported} article{'' if imported == 1 else 's'} imported, the rest not"
    if isinstance(exc, DiskFullError):
        return f"the disk is full: {done}; free space and import again"
    return f"{exc}: {done}; close it or let it finish, then import again"


# An article this long (characters) takes a second or more to read: the progress
# label says how far into it the reading is ("Importing war.txt (45%)")
LONG_ARTICLE = 500_000


def _within_article(progress: Progress | None, done: int, total: int, result: ReadResult):
    """For a long article, a callback that moves the progress by hundredths of an
    article as it is read, its percent in the label; None for the others (their
    label would only flicker)."""
    if progress is None or result.article is None or len(result.article.text) < LONG_ARTICLE:
        return None
    name = result.path.name
    return lambda percent: progress(done * 100 + percent, total * 100, f"{name} ({percent}%)")


def _store_one(
    result: ReadResult, store: Store, extractor: Extractor, report, cancelled=None,
    within=None,
) -> None:  # fmt: skip
    if result.article is None:
        report.failed.append(FileProblem(result.path, result.error))
        return
    article = result.article
    if store.has_article(article.content_hash):
        undated = store.undated_article_id(article.content_hash)
        if undated is not None and article.published is not None:
            # stored without a date, now given one (--published): read it again with it
            events = extractor.extract(article, cancelled=cancelled, progress=within)
            store.date_article(undated, article, events)
            report.dated.append((result.path, undated, len(events)))
        else:
            report.already_present.append(result.path)
        return
    try:
        events = result.events
        if events is None:
            events = extractor.extract(article, cancelled=cancelled, progress=within)
        article_id = store.add_article(article, events)
    except (DiskFullError, LockedError, _extraction_cancelled()):
        raise
    except Exception as exc:  # one bad article must not stop the batch
        report.failed.append(
            FileProblem(result.path, f"unexpected error ({type(exc).__name__}: {exc})")
        )
        return
    report.imported.append((result.path, article_id, len(events)))
    if article.published is None:
        report.undated.append(result.path)


def import_paths(
    paths: Iterable[str | Path],
    store: Store,
    gazetteer: Gazetteer | None = None,
    *,
    published: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    workers: int | None = 1,
) -> ImportReport:
    """Import files and folders: the whole pipeline in one call.

    :param published: publication date for articles where none was found
    :param workers: processes that read and extract (None: one per core); the
        articles are stored here, in order, one transaction each
    """
    from .parallel import read_extracted

    extractor = LazyExtractor(gazetteer or Gazetteer.load())
    files, skipped = discover(paths)
    report = ImportReport(skipped=skipped)
    results = read_extracted(files, extractor.gazetteer, published, workers=workers)
    return store_articles(
        results, store, extractor,
        total=len(files), progress=progress, cancelled=cancelled, report=report,
    )  # fmt: skip
