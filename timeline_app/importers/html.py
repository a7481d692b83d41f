"""Saved web pages: main text through trafilatura, date through htmldate.

Both work on the string they are given: nothing is fetched and no script
runs.  They (and lxml, justext under them) are imported when the first page
is read: the window and the CLI start without them (0.26 s of the cold start).
htmldate's 1 January answers are treated as unknown (MEASURED.md: it
returned 2021-01-01 for "Published Aug. 12, 2021").
"""

from __future__ import annotations

import functools
import logging
import re

from ..extraction.dates import parse_date_string
from ..model import Article
from .base import Importer
from .errors import ArticleError


@functools.cache
def _libraries():
    """(trafilatura, htmldate, trafilatura's LRUCache or None), imported once, when needed."""
    import htmldate
    import trafilatura

    try:  # trafilatura 2: a cache of its own for each page
        from trafilatura.deduplication import LRUCache
    except ImportError:  # pragma: no cover - older trafilatura
        LRUCache = None
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    return trafilatura, htmldate, LRUCache


# Fewer words than this is page furniture ("Home"), not an article.
MIN_ARTICLE_WORDS = 6
# libxml2 (under trafilatura and htmldate) stops at an attribute value or a stretch of
# text of about 10,000,000 bytes and keeps, without a word, only what came before: an
# 11 MB data: image in mid-article kept 1,007 of 4,393 characters.
PARSER_LIMIT_BYTES = 10_000_000
# Longer attribute values (data: images, serialised app state) never hold article text.
MAX_ATTRIBUTE_CHARS = 4096
# Scripts, styles and comments longer than this are dropped before parsing; JSON-LD
# metadata is far shorter.
MAX_BLOCK_CHARS = 1_000_000
# Only from an "=": each scan stops at the value's end, so the work is linear in the page.
_HUGE_ATTRIBUTE = re.compile(
    rf"""=(\s*)(?:"[^"]{{{MAX_ATTRIBUTE_CHARS},}}"|'[^']{{{MAX_ATTRIBUTE_CHARS},}}'"""
    rf"""|[^\s"'=<>`]{{{MAX_ATTRIBUTE_CHARS},}})"""
)


class HtmlImporter(Importer):
    EXTENSIONS = (".html", ".htm", ".xhtml")
    NAME = "Web page"

    def parse(self, text: str) -> Article:
        text = without_huge_parts(text)
        trafilatura, _, _ = _libraries()
        try:
            body = trafilatura.extract(
                text, include_comments=False, include_tables=False, include_images=False,
                include_links=False, favor_precision=True, deduplicate=_page_cache(),
            )  # fmt: skip
            meta = trafilatura.extract_metadata(text, extensive=False) if body else None
        except Exception as exc:  # lxml and trafilatura raise many kinds
            raise ArticleError(f"cannot read this web page ({type(exc).__name__})") from exc
        words = len(body.split()) if body else 0
        if words < MIN_ARTICLE_WORDS:
            raise ArticleError(
                "no article text found in this web page"
                + (f" (only {words} words outside menus and scripts)" if words else "")
            )
        return Article(
            text="\n\n".join(p.strip() for p in body.split("\n") if p.strip()),
            title=(meta.title or "") if meta else "",
            outlet=(meta.sitename or "") if meta else "",
            url=(meta.url or "") if meta else "",
            published=_published(text, meta),
        )


def _page_cache():
    """Repeated parts are removed within one page only: trafilatura's shared cache
    remembered every body of the process and, from the fourth time a page was read,
    found 'no article text' in it."""
    lru_cache = _libraries()[2]
    return lru_cache(maxsize=4096) if lru_cache is not None else True


def without_huge_parts(html: str) -> str:
    """``html`` without what the parser would stop at: attribute values over
    MAX_ATTRIBUTE_CHARS become "", scripts, styles and comments over MAX_BLOCK_CHARS
    are left out.  A stretch of text still over the parser's limit is refused, so
    that no page is imported cut short."""
    html = _HUGE_ATTRIBUTE.sub(r'=\1""', html)
    html = _without_huge_blocks(html)
    for stretch in html.split("<"):
        if len(stretch) * 4 >= PARSER_LIMIT_BYTES and (
            len(stretch.encode("utf-8", "surrogatepass")) >= PARSER_LIMIT_BYTES
        ):
            raise ArticleError(
                f"this web page holds {len(stretch) / 1e6:.1f} million characters without "
                "markup, more than can be read whole; save its text as a .txt file"
            )
    return html


def _without_huge_blocks(html: str) -> str:
    parts, position, kinds = [], 0, {"!--": "<!--", "script": r"<script\b", "style": r"<style\b"}
    opening = re.compile("|".join(kinds.values()), re.I)
    while start := opening.search(html, position):
        kind = start.group().lstrip("<").lower()
        closing = "-->" if kind == "!--" else rf"</{kind}\s*>"
        close = re.compile(closing, re.I).search(html, start.end())
        if close is None:  # never closed: left as it is, and not looked for again
            del kinds[kind]
            if not kinds:
                break
            opening = re.compile("|".join(kinds.values()), re.I)
            continue
        stop = start.start() if close.end() - start.start() > MAX_BLOCK_CHARS else close.end()
        parts.append(html[position:stop])
        position = close.end()
    parts.append(html[position:])
    return "".join(parts)


def _published(html: str, meta):
    candidates = [meta.date if meta else None]
    htmldate = _libraries()[1]
    try:
        candidates.append(htmldate.find_date(html, extensive_search=False, original_date=True))
    except Exception:  # htmldate raises on odd markup; the date is then unknown
        pass
    for value in candidates:
        date = parse_date_string(value or "")
        if date and not (date.month == 1 and date.day == 1):
            return date
    return None
