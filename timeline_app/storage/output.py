"""The text of ``events --format json|csv|acled``, built by SQLite: one string per
event, so that a million events cost no Python dict, list or cell each.

The texts are built in id order, each query a range of ids, so that the pages
of the events, mentions and index are read once each, in file order, and put in
the order asked through a temporary file (``texts_in_order``); two connections
read alternate batches in threads (SQLite works without the interpreter's lock).
The places' and articles' cells are written by Python into temporary tables
(``prepare``), once each instead of once per event or source: coordinates keep
Python's float text (SQLite's JSON keeps 15 digits) and names the csv module's
quoting.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .. import statuses
from ..model import PRECISIONS
from .lazy import np

# A text cell a spreadsheet would read as a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The columns of `events --format csv`: the event's, then its source's (source_...).
EVENT_COLUMNS = (
    "id", "place", "province", "country", "status", "date", "end_date", "date_precision",
    "lat", "lon",
)  # fmt: skip
SOURCE_COLUMNS = ("article_id", "outlet", "title", "published", "quote", "start", "end")
ACLED_COLUMNS = (
    "event_date", "time_precision", "event_type", "sub_event_type", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "source", "notes",
)  # fmt: skip
# ACLED's time precision codes by our date precision (3, a month, for the others).
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3}

# Text a query builds (two run at once, a third is being cut into pieces): 5,000
# events of JSON with one quote each, 14,000 of CSV; fewer when they have more sources.
BATCH_BYTES = 4 * 2**20
BATCH_EVENTS = 100_000
# Batches of positions in one part of the order, merged in memory from its pieces.
PART_BATCHES = 2
# Batches read ahead while the order is read (one connection reads it, the others texts).
AHEAD_BATCHES = 8
# An event's text with one source, roughly: sizes the batches.
JSON_BYTES, CSV_BYTES, ACLED_BYTES = 800, 300, 250


def spreadsheet_cell(value):
    """``value`` as safe to open in a spreadsheet: text starting like a formula gets a
    leading ' (a title "=HYPERLINK(...)" stays text); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class _Rows:
    """A file for csv.writer: each row it writes ends in \\n, not the \\r\\n it was
    given, so that the writer quotes a cell holding a carriage return too."""

    def __init__(self, out) -> None:
        self._out = out

    def write(self, row: str) -> int:  # the writer writes a row in one call
        return self._out.write(row[:-2] + "\n")


def csv_writer(out):
    """The csv.writer of all our CSVs (cells through ``spreadsheet_cell`` first):
    rows end in \\n; a cell holding a comma, a quote or a line break is quoted."""
    return csv.writer(_Rows(out), lineterminator="\r\n")


def csv_cells(values) -> str:
    """``values`` as one line of our CSVs writes them (without the line end)."""
    out = io.StringIO()
    csv_writer(out).writerow([spreadsheet_cell(v) for v in values])
    return out.getvalue()[:-1]


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_STARTS = ", ".join(
    "char(9)" if c == "\t" else "char(13)" if c == "\r" else _sql_text(c) for c in FORMULA_START
)


def _cell(expr: str) -> str:
    """SQL: the CSV cell of a text column, as ``csv_cells`` writes it: '' for NULL,
    a leading ' before a formula's start, quoted when it holds a comma, a quote or
    a line break (\\n or \\r)."""
    safe = (
        f"CASE WHEN typeof({expr}) = 'text' AND substr({expr}, 1, 1) IN ({_STARTS})"
        f" THEN '''' || {expr} ELSE {expr} END"
    )
    return (
        f"CASE WHEN {expr} IS NULL THEN ''"
        f" WHEN instr({expr}, '\"') OR instr({expr}, ',') OR instr({expr}, char(10))"
        f" OR instr({expr}, char(13)) THEN '\"' || replace({safe}, '\"', '\"\"') || '\"'"
        f" ELSE {safe} END"
    )


def _date_cell(expr: str) -> str:
    """``_cell`` with a short way for an ISO date (all but a few dates)."""
    iso = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
    return f"CASE WHEN {expr} GLOB '{iso}' THEN {expr} ELSE {_cell(expr)} END"


def _word_cell(expr: str, words: tuple[str, ...]) -> str:
    """``_cell`` with a short way for the app's own words (statuses, precisions)."""
    assert all(csv_cells([word, 1]) == f"{word},1" for word in words)  # nothing to escape
    listed = ", ".join(_sql_text(word) for word in words)
    return f"CASE WHEN {expr} IN ({listed}) THEN {expr} ELSE {_cell(expr)} END"


_encode = json.JSONEncoder(ensure_ascii=False).encode


def _json_number(value) -> str:
    """A coordinate as Python's JSON writes it (SQLite's own text keeps 15 digits)."""
    return json.dumps(value) if value is not None and math.isfinite(value) else "null"


def output_cells(conn) -> tuple[list[tuple], list[tuple]]:
    """The rows of ``prepare``'s two temporary tables, as Python writes them: each
    place's cells, and each article's rank by publication (NULL dates first, as
    SQLite orders them) with its CSV cells (article_id, outlet, title, published),
    its JSON keys and its outlet's ACLED cell ('unknown outlet' for none).  A
    place's row ends with the rank of its name (0 the first by ``ORDER BY name``,
    places of one name sharing one), which an order's key may use."""
    places = [
        (pid, name, province, country, _json_number(lat), _json_number(lon),
         csv_cells([name, province, country]), csv_cells([lat, lon]),
         csv_cells([country, province, name, lat, lon]),
         f'"place":{_encode(name)},"province":{_encode(province)},"country":{_encode(country)}',
         f'"lat":{_json_number(lat)},"lon":{_json_number(lon)},"place_id":{_encode(pid)}',
         name_rank)
        for pid, name, province, country, lat, lon, name_rank in conn.execute(
            "SELECT id, name, province, country, lat, lon,"
            " dense_rank() OVER (ORDER BY name) - 1 FROM places"
        )
    ]  # fmt: skip
    articles = [
        (aid, rank, csv_cells([aid, outlet, title, published]),
         ",".join(f'"{key}":{_encode(value)}' for key, value in (
             ("article_id", aid), ("title", title), ("outlet", outlet),
             ("published", published), ("published_basis", basis))),
         csv_cells([outlet or "unknown outlet"]))
        for aid, rank, outlet, title, published, basis in conn.execute(
            "SELECT id, row_number() OVER (ORDER BY published, id), outlet, title, published,"
            " published_basis FROM articles"
        )
    ]  # fmt: skip
    return places, articles


def prepare(conn, cells: tuple[list[tuple], list[tuple]]) -> None:
    """temp.output_places and temp.output_articles of ``output_cells`` on ``conn``."""
    places, articles = cells
    conn.execute("DROP TABLE IF EXISTS temp.output_places")
    conn.execute(
        "CREATE TEMP TABLE output_places (id TEXT PRIMARY KEY, name, province, country,"
        " lat_json, lon_json, csv_names, csv_coordinates, acled_place, json_place, json_spot,"
        " name_rank INTEGER)"
        " WITHOUT ROWID"  # an event's place one look-up, not an index's then the table's
    )
    conn.executemany(
        "INSERT INTO temp.output_places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places
    )
    conn.execute("DROP TABLE IF EXISTS temp.output_articles")
    conn.execute(
        "CREATE TEMP TABLE output_articles"
        " (id INTEGER PRIMARY KEY, rank INTEGER, csv_cells, json_head, acled_outlet)"
    )
    conn.executemany("INSERT INTO temp.output_articles VALUES (?, ?, ?, ?, ?)", articles)


# Each event's sources, by publication, as the subquery of an event ``e``.
_SOURCES = (
    "SELECT a.id AS article_id, a.title, a.outlet, a.published, a.published_basis, m.quote,"
    " m.start AS quote_start, m.end AS quote_end, m.source_status, m.source_date,"
    " m.source_precision, m.id AS mention_id,"
    " CASE WHEN m.because IS NULL OR m.because = '' THEN '[]' ELSE m.because END AS because"
    " FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id"
    " ORDER BY a.published, a.id, m.start"
)
# A source's JSON: its article's keys (written by Python, ``output_cells``) and
# its own, as text; a source whose article is gone has nulls for the first.  Each
# value as json_object writes it (json_quote), the object written by one printf.
_NO_ARTICLE = ",".join(
    f'"{k}":null' for k in ("article_id", "title", "outlet", "published", "published_basis")
)
_SOURCE_KEYS = ("quote", "start", "end", "status", "date", "precision", "mention_id", "because")
_JSON_SOURCES = (
    "SELECT printf('{%s," + ",".join(f'"{k}":%s' for k in _SOURCE_KEYS) + "}',"
    f" ifnull(oa.json_head, '{_NO_ARTICLE}'), json_quote(m.quote), json_quote(m.start),"
    " json_quote(m.end), json_quote(m.source_status), json_quote(m.source_date),"
    " json_quote(m.source_precision), m.id, json(CASE WHEN m.because IS NULL"
    " OR m.because = '' THEN '[]' ELSE m.because END)) AS source,"
    " CASE WHEN m.because IS NULL OR m.because = '' THEN '[]' ELSE m.because END AS pairs"
    " FROM mentions m LEFT JOIN temp.output_articles oa ON oa.id = m.article_id"
    " WHERE m.event_id = e.id ORDER BY oa.rank, m.start"
)
# The event's rules: its sources' [rule, words] pairs, each once, in order
# (``rules`` the JSON array of each source's list of pairs, as stored: json_each
# gives each pair minified), then year_inferred: a rule starting 'year from' (the
# minified JSON holds each rule as ["rule", ...]).  One subquery gives both, so
# that the rules are not merged again for the second.
_BECAUSE = (
    "SELECT b || ',\"year_inferred\":' || CASE WHEN instr(b, '[\"year from') THEN 'true'"
    " ELSE 'false' END FROM (SELECT json_group_array(json(pair)) AS b FROM (SELECT"
    " b.value AS pair FROM json_each(rules) x, json_each(x.value) b"
    " GROUP BY b.value ORDER BY min(x.key * 1000000 + b.key)))"
)


def _true(expr: str) -> str:
    return f"CASE WHEN {expr} THEN 'true' ELSE 'false' END"


# The keys, order and values of Store.events()'s dicts (storage/store.py _event_dict),
# written by one printf: the event's own values as json_object writes them
# (json_quote), its place's as Python's encoder wrote them (``output_cells``), then
# its sources, rules and year_inferred as text.
_EVENT_KEYS = (
    '{"id":%s,%s,"status":%s,"date":%s,"end_date":%s,"date_precision":%s,%s,"reviewed":%s,'
    '"rejected":%s,"edited":%s,"manual":%s,"note":%s,"disagree":%s,"sources":%s}'
)
_RAW_PAIRS = "CASE WHEN m.because IS NULL OR m.because = '' THEN '[]' ELSE m.because END"
_SOURCE_JSON = (
    "printf('{%s," + ",".join(f'"{k}":%s' for k in _SOURCE_KEYS) + "}',"
    f" ifnull(oa.json_head, '{_NO_ARTICLE}'), json_quote(m.quote), json_quote(m.start),"
    " json_quote(m.end), json_quote(m.source_status), json_quote(m.source_date),"
    " json_quote(m.source_precision), m.id, p)"
)
# An event's sources, rules and year_inferred when it has no source, or one whose
# list of rules has fewer than two (nothing to merge; in the minified list two
# pairs meet at '],['): one look-up, no sorting; NULL for others (_MANY_SOURCES_JSON).
_ONE_SOURCE_JSON = (
    "SELECT CASE WHEN count(*) = 0 THEN '[],\"because\":[],\"year_inferred\":false'"
    f" WHEN count(*) = 1 AND NOT instr(p, '],[') THEN '[' || {_SOURCE_JSON}"
    " || '],\"because\":' || p || ',\"year_inferred\":' || CASE WHEN"
    " instr(p, '[\"year from') THEN 'true' ELSE 'false' END END"
    f" FROM (SELECT m.*, json({_RAW_PAIRS}) AS p FROM mentions m WHERE m.event_id = e.id) m"
    " LEFT JOIN temp.output_articles oa ON oa.id = m.article_id"
)
_MANY_SOURCES_JSON = (
    "SELECT s.sources || ',\"because\":' || s.because"
    f" FROM (SELECT sources, ({_BECAUSE}) AS because FROM (SELECT"
    " '[' || ifnull(group_concat(source, ','), '') || ']' AS sources,"
    " '[' || ifnull(group_concat(pairs, ','), '') || ']' AS rules"
    f" FROM ({_JSON_SOURCES}))) s"
)
EVENT_JSON = (
    f"printf('{_EVENT_KEYS}', e.id, o.json_place, json_quote(e.status),"
    " json_quote(e.date), json_quote(e.end_date), json_quote(e.date_precision), o.json_spot,"
    f" {_true('e.reviewed')}, {_true('e.rejected')}, {_true('e.edited')},"
    f" {_true('e.manual')}, json_quote(e.note),"
    f" {_true('EXISTS (SELECT 1 FROM disagreement d WHERE d.event_id = e.id)')},"
    f" coalesce(({_ONE_SOURCE_JSON}), ({_MANY_SOURCES_JSON})))"
)


def _line(cells: list[str]) -> str:
    """SQL: the cells joined by commas (printf: one string built, not one per ||)."""
    return f"printf('{','.join(['%s'] * len(cells))}', {', '.join(cells)})"


# One CSV line per source: EVENT_COLUMNS, then SOURCE_COLUMNS; an event without
# sources has one line, its source cells empty.  (printf writes NULL as nothing.)
_CSV_EVENT = [
    "e.id", "o.csv_names", _word_cell("e.status", statuses.NAMES), _date_cell("e.date"),
    _date_cell("e.end_date"), _word_cell("e.date_precision", PRECISIONS), "o.csv_coordinates",
]  # fmt: skip
_EVENT_CSV_ANY = _line(
    [*_CSV_EVENT, "ifnull(oa.csv_cells, ',,,')", _cell("m.quote"), "m.start", "m.end"]
)
# The same line the short way, for an event of the app's own words and ISO dates
# (nearly all): its cells as they are; the quote between " when it holds a ", a
# comma or a line break, which GLOB finds with strcspn (its " doubled by printf's
# %w, a loop a character, only when it holds one: else %s, a copy); a ' before a
# formula's start.  Less work a line than _EVENT_CSV_ANY's cells (instr, substr
# and replace are slow loops, and each call costs).
_ISO = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
_SIMPLE_EVENT = (
    f"e.status IN ({', '.join(_sql_text(w) for w in statuses.NAMES)})"
    f" AND e.date_precision IN ({', '.join(_sql_text(w) for w in PRECISIONS)})"
    f" AND (e.date IS NULL OR e.date GLOB '{_ISO}')"
    f" AND (e.end_date IS NULL OR e.end_date GLOB '{_ISO}')"
)
_QUOTE_QUOTED = " OR ".join(f"m.quote GLOB '*{c}*'" for c in (",", "\n", "\r"))
_FORMULA_CODES = ", ".join(str(ord(c)) for c in FORMULA_START)
_QUOTE_ARGS = (
    "e.id, o.csv_names, e.status, e.date, e.end_date, e.date_precision, o.csv_coordinates,"
    " ifnull(oa.csv_cells, ',,,'), CASE WHEN unicode(m.quote) IN"
    f" ({_FORMULA_CODES}) AND typeof(m.quote) = 'text' THEN '''' ELSE '' END, m.quote,"
    " m.start, m.end"
)
EVENT_CSV = (
    f"CASE WHEN {_SIMPLE_EVENT} THEN CASE WHEN m.quote GLOB '*\"*'"
    f" THEN printf('%s,%s,%s,%s,%s,%s,%s,%s,\"%s%w\",%s,%s', {_QUOTE_ARGS})"
    f" WHEN {_QUOTE_QUOTED} THEN printf('%s,%s,%s,%s,%s,%s,%s,%s,\"%s%s\",%s,%s', {_QUOTE_ARGS})"
    f" ELSE printf('%s,%s,%s,%s,%s,%s,%s,%s,%s%s,%s,%s', {_QUOTE_ARGS}) END"
    f" ELSE {_EVENT_CSV_ANY} END"
)
# An event's sources, for EVENT_CSV: its mentions m with their articles' cells.
CSV_SOURCES = (
    " LEFT JOIN mentions m ON m.event_id = e.id"
    " LEFT JOIN temp.output_articles oa ON oa.id = m.article_id"
)
# The order of a source among its event's: by publication, then offset.
CSV_SOURCE_ORDER = "ifnull(oa.rank, 0) * 4294967296 + ifnull(m.start, 0)"


def _acled_types() -> str:
    """SQL: ACLED's event type and sub-event type cells of e.status."""
    cases = " ".join(
        f"WHEN {_sql_text(s.name)} THEN {_sql_text(csv_cells(s.acled))}" for s in statuses.TABLE
    )
    return f"CASE e.status {cases} ELSE ',' END"


def _acled_precision() -> str:
    cases = " ".join(f"WHEN {_sql_text(k)} THEN {v}" for k, v in ACLED_TIME_PRECISION.items())
    return f"CASE e.date_precision {cases} ELSE 3 END"


# The source and notes cells: the outlets in the order of the sources, each once
# ('unknown outlet' for none), and the status with the first quote.
_OUTLET = "CASE WHEN {0} IS NULL OR {0} = '' THEN 'unknown outlet' ELSE {0} END"
_NOTE = "e.status || ': ' || {quote} || CASE WHEN e.status = 'claimed' THEN ' (claim)' ELSE '' END"
_MANY_SOURCES = (
    f"SELECT {_cell('outlets')} || ',' || {_cell('note')} FROM (SELECT group_concat(outlet, '; ')"
    f" AS outlets FROM (SELECT outlet FROM (SELECT {_OUTLET.format('outlet')} AS outlet,"
    f" row_number() OVER () AS n FROM ({_SOURCES})) GROUP BY outlet ORDER BY min(n))), (SELECT"
    f" {_NOTE.format(quote='quote')} AS note FROM ({_SOURCES}) LIMIT 1)"
)
# At most one source (most events): one look-up, no sorting; NULL for more.  The
# outlet's cell written by Python (``output_cells``); the note's, for a status of
# the app's own words (no comma, quote or formula start), by one printf: between "
# (its " doubled by %w) when the quote holds a ", a comma or a line break.
_ONE_QUOTE = "ifnull(max(m.quote), '')"
_CLAIM = "CASE WHEN e.status = 'claimed' THEN ' (claim)' ELSE '' END"
_QUOTE_CELL_QUOTED = " OR ".join(f"{_ONE_QUOTE} GLOB '*{c}*'" for c in ('"', ",", "\n", "\r"))
assert all(csv_cells([f"{word}: x", 1]) == f"{word}: x,1" for word in statuses.NAMES)
_ONE_NOTE_CELL = (
    f"CASE WHEN e.status IN ({', '.join(_sql_text(w) for w in statuses.NAMES)}) THEN"
    f" CASE WHEN {_QUOTE_CELL_QUOTED} THEN printf('\"%w: %w%s\"', e.status, {_ONE_QUOTE}, {_CLAIM})"
    f" ELSE printf('%s: %s%s', e.status, {_ONE_QUOTE}, {_CLAIM}) END"
    f" ELSE {_cell(_NOTE.format(quote=_ONE_QUOTE))} END"
)
_ONE_SOURCE = (
    "SELECT CASE WHEN count(*) = 0 THEN ',' || " + _ONE_NOTE_CELL + " WHEN count(*) = 1 THEN"
    " ifnull(max(oa.acled_outlet), 'unknown outlet') || ',' || " + _ONE_NOTE_CELL + " END"
    " FROM mentions m LEFT JOIN temp.output_articles oa ON oa.id = m.article_id"
    " WHERE m.event_id = e.id"
)
# ACLED_COLUMNS.
ACLED_CSV = _line(
    [_date_cell("e.date"), _acled_precision(), _acled_types(), "o.acled_place", "1",
     f"coalesce(({_ONE_SOURCE}), ({_MANY_SOURCES}))"]
)  # fmt: skip
ACLED_WHERE = "e.rejected = 0 AND e.date <> ''"  # dated and not rejected


def batch_size(events: int, mentions: int, text_bytes: int) -> int:
    """Events a query: about BATCH_BYTES of text (``text_bytes`` an event's with
    one source), at most BATCH_EVENTS."""
    per_event = max(1.0, mentions / max(events, 1))
    return max(1, min(BATCH_EVENTS, int(BATCH_BYTES / (text_bytes * per_event))))


class Unordered(Exception):
    """An ``OrderKeys`` that cannot order the events read (raised by
    ``texts_in_order`` before it gives any text): ask again with the order itself."""


@dataclass(frozen=True)
class OrderKeys:
    """An order as a key the texts' query computes beside each text: events by
    ``sql`` (an integer expression over the event ``e`` and its place's cells
    ``o``), then id.  ``bounds`` cut the order into parts (part i the keys from
    bounds[i] on; bounds[0] at most the lowest key), worked out beforehand from
    how the events spread over the keys; ``fits`` is False for keys that do not
    order as asked (``Unordered``)."""

    sql: str
    bounds: np.ndarray
    fits: Callable[[np.ndarray], bool]


def texts_in_order(
    connections: Sequence,
    text: str,
    order=None,
    *,
    id_range: tuple[int, int],
    joins: str = "",
    where: str = "",
    rank: str | None = None,
    keys: OrderKeys | None = None,
    batch: int = BATCH_EVENTS,
    lines: int = 2000,
) -> Iterator[list[str]]:
    """Lists of ``lines`` texts, one per event that ``where`` keeps, in the order
    of ``order`` (its ids, or a function of a connection giving them) or of
    ``keys``: ``text`` an SQL expression over the event ``e`` and its place's
    cells ``o``, and what ``joins`` adds; with several rows an event (sources
    joined), ``rank`` orders them (an integer expression).

    The texts are built in id order, ``batch`` ids a query, each query a range of
    ids (``BETWEEN``): SQLite reads the pages of the events, mentions and index
    once each, in file order (read in the events' date order, at random, the same
    texts took twice the time at a million).  A query gives its texts as one
    string, with their lengths (and keys) as text that numpy parses (no Python
    tuple a row).  Each batch's texts are cut by the part of the order they
    belong to, each piece written to a temporary file; then each part is read
    back, its pieces merged by position (or key), and given out.  With ``order``
    a part is PART_BATCHES batches of positions and each batch is put in order
    within it; with ``keys`` a part is the keys between two bounds, found from
    each text's key: no scan of its own for the order (a second of a million
    events' seven), and a batch is only grouped by part.  Each of ``connections``
    (each ``prepare``d) reads every other batch in a thread of its own: SQLite
    builds the texts without the interpreter's lock, so a second core builds
    the next batch meanwhile."""
    and_where = f" AND ({where})" if where else ""

    def query(concat: str, columns: str) -> str:
        # LIMIT: the texts are built once, not once for the string and once for the rest
        return (
            f"SELECT {concat} FROM (SELECT e.id AS id, ifnull({text}, '') AS t, {columns}"
            f" FROM events e JOIN temp.output_places o ON o.id = e.place_id{joins}"
            f" WHERE e.id BETWEEN ?1 AND ?2{and_where} LIMIT -1)"
        )

    sql = query(
        "group_concat(t, ''), group_concat(length(t)), group_concat(id)"
        + (", group_concat(r)" if rank else ""),
        f"{rank or 'NULL'} AS r",
    )
    ranked_sql = None
    if keys is not None:
        # with ``rank``, the batch's events counted: as many as rows, an event a
        # row and no ids or ranks needed (fewer numbers written and parsed), else
        # the batch read again with them (ranked_sql)
        counted = f"(SELECT count(*) FROM events e WHERE e.id BETWEEN ?1 AND ?2{and_where})"
        texts = "group_concat(t, ''), group_concat(length(t)), group_concat(k)"
        sql = query(texts + (f", {counted}" if rank else ""), f"{keys.sql} AS k")
        ranked_sql = query(
            texts + ", group_concat(id), group_concat(r)", f"{keys.sql} AS k, {rank or 'NULL'} AS r"
        )
    ranked = False  # with ``keys``: an event of several rows seen, ranked_sql from then on
    ids = by_id = parts = None
    span = batch * PART_BATCHES  # positions a part (with ``order``)

    def know(order: np.ndarray) -> None:
        nonlocal ids, by_id, parts
        small = "i4" if len(order) and -(2**31) < order.min() and order.max() < 2**31 else "i8"
        by_id = np.argsort(order).astype("i4")  # ids are unique: no need of a stable sort
        ids = order[by_id].astype(small)  # the ids in id order, ``by_id`` their positions
        parts = [[] for _ in range(-(-len(order) // span))]

    def read(conn, first: int, last: int, text_sql: str | None = None) -> tuple:
        return conn.execute(text_sql or sql, [int(first), int(last)]).fetchone()

    def numbers(text: str | None) -> np.ndarray:
        return np.fromstring(text, dtype="i8", sep=",") if text else np.zeros(0, dtype="i8")

    def write(texts: str, cuts: list, starts, ends, order_keys, lengths, into) -> None:
        """The texts starts[i]:ends[i], in that order, a piece a part (part p
        those from cuts[p] to cuts[p + 1]), into the file."""
        starts, ends = starts.tolist(), ends.tolist()
        for part, (low, high) in enumerate(itertools.pairwise(cuts)):
            if low < high:
                pieces_of = map(slice, starts[low:high], ends[low:high])
                data = "".join(map(texts.__getitem__, pieces_of)).encode()
                parts[part].append((into.tell(), len(data), order_keys[low:high],
                                    lengths[low:high]))  # fmt: skip
                into.write(data)

    def store(result: tuple, into, _batch=None) -> None:
        """The batch's texts in the order's order, a piece a part, into the file."""
        texts, lengths, read_ids, *ranks = result
        if not texts and not lengths:
            return
        lengths, read_ids = numbers(lengths), numbers(read_ids)
        found = np.searchsorted(ids, read_ids).clip(max=len(ids) - 1)
        positions = by_id[found]
        known = ids[found] == read_ids  # an event made since the order was read: not given
        ends = np.cumsum(lengths)
        if (read_ids[1:] > read_ids[:-1]).all():  # an event a row (most batches)
            sequence = np.argsort(positions)  # unique: numpy's quicksort, 10x a stable sort
        elif rank:
            sequence = np.lexsort((numbers(ranks[0]), positions))
        else:
            sequence = np.argsort(positions, kind="stable")
        sequence = sequence[known[sequence]]
        positions, lengths = positions[sequence].astype("i4"), lengths[sequence].astype("i4")
        ends = ends[sequence]
        cuts = np.searchsorted(positions, np.arange(len(parts) + 1) * span).tolist()
        write(texts, cuts, ends - lengths, ends, positions, lengths, into)

    part_type = "i2" if keys is not None and len(keys.bounds) < 2**15 else "i8"

    def store_keyed(result: tuple, into, batch: tuple) -> None:
        """The batch's texts grouped by part (in id order, an event's rows by
        rank, within each), a piece a part, into the file."""
        nonlocal ranked
        texts, lengths, order_keys, *more = result
        if not texts and not lengths:
            return
        order_keys = numbers(order_keys)
        if rank and len(more) == 1 and more[0] != len(order_keys):
            ranked = True  # this batch again, with the ids and ranks
            pool, conn, first, last = batch
            again = pool.submit(read, conn, first, last, ranked_sql)
            return store_keyed(again.result(), into, batch)
        if not keys.fits(order_keys):
            raise Unordered
        part = (np.searchsorted(keys.bounds, order_keys, side="right") - 1).astype(part_type)
        read_ids = numbers(more[0]) if len(more) == 2 else None
        if read_ids is not None and not (read_ids[1:] > read_ids[:-1]).all():
            sequence = np.lexsort((numbers(more[1]), read_ids, part))  # several rows an event
        else:  # an event a row, in id order: a stable sort (a radix sort of 16 bits)
            sequence = np.argsort(part, kind="stable")
        lengths = numbers(lengths)
        ends = np.cumsum(lengths)
        part, order_keys = part[sequence], order_keys[sequence]
        lengths, ends = lengths[sequence].astype("i4"), ends[sequence]
        cuts = np.searchsorted(part, np.arange(len(parts) + 1)).tolist()
        write(texts, cuts, ends - lengths, ends, order_keys, lengths, into)

    keep = store if keys is None else store_keyed
    pools = [ThreadPoolExecutor(max_workers=1) for _ in connections]  # one a connection
    try:
        ordered = None
        if keys is not None:
            parts = [[] for _ in keys.bounds]
        elif callable(order):  # read by the first connection while the others start
            ordered = pools[0].submit(order, connections[0])
        else:
            know(order)
        with tempfile.TemporaryFile() as pieces:
            pending: deque = deque()  # the batches in flight
            first, last = id_range
            for number, start in enumerate(range(first, last + 1, batch)):
                pool, conn = pools[number % len(pools)], connections[number % len(pools)]
                end = min(start + batch - 1, last)
                reading = pool.submit(read, conn, start, end, ranked_sql if ranked else None)
                pending.append((reading, (pool, conn, start, end)))
                if ordered is not None and len(pending) >= AHEAD_BATCHES:
                    know(ordered.result())
                    ordered = None
                if ordered is None and len(pending) >= len(connections):
                    keep(pending[0][0].result(), pieces, pending.popleft()[1])
            if ordered is not None:
                know(ordered.result())
            while pending:
                keep(pending[0][0].result(), pieces, pending.popleft()[1])
            # every batch stored (``Unordered`` raised, if at all): the texts given out
            for part in parts:
                if not part:
                    continue
                data = bytearray(sum(piece[1] for piece in part))
                view, at = memoryview(data), 0
                for offset, size, _, _ in part:
                    pieces.seek(offset)
                    pieces.readinto(view[at : at + size])
                    at += size
                del view
                whole = data.decode()
                del data
                order_keys = np.concatenate([piece[2] for piece in part])
                sequence = stable_argsort(order_keys)  # ties (with keys) in id order
                lengths = np.concatenate([piece[3] for piece in part]).astype("i8")
                ends = np.cumsum(lengths)
                starts, ends = (ends - lengths)[sequence].tolist(), ends[sequence].tolist()
                for first in range(0, len(starts), lines):
                    cut = map(slice, starts[first : first + lines], ends[first : first + lines])
                    yield list(map(whole.__getitem__, cut))
    finally:
        for pool in pools:
            pool.shutdown()


def stable_argsort(keys: np.ndarray) -> np.ndarray:
    """``np.argsort(keys, kind="stable")`` of integers, several times faster:
    the keys made unique (times their count, plus their index) when that fits
    in 63 bits, then numpy's default sort (vectorised, not stable)."""
    if not len(keys):
        return np.zeros(0, dtype="i8")
    low, high = int(keys.min()), int(keys.max())
    if (high - low + 1) * len(keys) >= 2**63:
        return np.argsort(keys, kind="stable")
    unique = keys.astype("i8") - low
    unique *= len(keys)
    unique += np.arange(len(keys))
    return np.argsort(unique)


def int_table(conn, sql: str, columns: int, params=()) -> np.ndarray:
    """The rows of ``sql`` (``columns`` integers each, never NULL) as an array of
    shape (rows, columns): SQLite writes them as one text that numpy parses, a
    fifth of the time of a million rows of Python tuples."""
    expr = " || ',' || ".join(f"c{i}" for i in range(columns))
    names = ", ".join(f"c{i}" for i in range(columns))
    [text] = conn.execute(
        f"WITH t({names}) AS ({sql}) SELECT group_concat({expr}, ',') FROM t", list(params)
    ).fetchone()
    if not text:
        return np.zeros((0, columns), dtype="i8")
    return np.fromstring(text, dtype="i8", sep=",").reshape(-1, columns)
