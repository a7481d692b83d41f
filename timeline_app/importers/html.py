"""Saved web pages: main text through trafilatura, date through htmldate.

Both work on the string they are given: nothing is fetched and no script
runs.  htmldate's 1 January answers are treated as unknown (MEASURED.md: it
returned 2021-01-01 for "Published Aug. 12, 2021").
"""

from __future__ import annotations

import logging

import htmldate
import trafilatura

from ..extraction.dates import parse_date_string
from ..model import Article
from .base import Importer
from .errors import ArticleError

for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


# Fewer words than this is page furniture ("Home"), not an article.
MIN_ARTICLE_WORDS = 6


class HtmlImporter(Importer):
    EXTENSIONS = (".html", ".htm", ".xhtml")
    NAME = "Web page"

    def parse(self, text: str) -> Article:
        try:
            body = trafilatura.extract(
                text, include_comments=False, include_tables=False, include_images=False,
                include_links=False, favor_precision=True, deduplicate=True,
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


def _published(html: str, meta):
    candidates = [meta.date if meta else None]
    try:
        candidates.append(htmldate.find_date(html, extensive_search=False, original_date=True))
    except Exception:  # htmldate raises on odd markup; the date is then unknown
        pass
    for value in candidates:
        date = parse_date_string(value or "")
        if date and not (date.month == 1 and date.day == 1):
            return date
    return None
