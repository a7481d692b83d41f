"""What every importer shares: normalising text, metadata found in the text,
and the sidecar ``NAME.json`` that overrides what was found."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..extraction import layout
from ..extraction.dates import parse_date_string
from ..model import Article
from .errors import ArticleError

MAX_FILE_BYTES = 20 * 1024 * 1024
AGENCIES = {
    "AP": "Associated Press",
    "REUTERS": "Reuters",
    "AFP": "Agence France-Presse",
    "DPA": "dpa",
    "XINHUA": "Xinhua",
    "UPI": "United Press International",
    "ANI": "Asian News International",
}
_PUBLISHED_LINE = re.compile(
    r"^\s*(?P<kind>Published|Posted|Updated|Last updated|Date|Dated)\s*(?:on|at)?\s*:?\s*(?P<value>.{6,60})$",  # noqa: E501
    re.I | re.M,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HEAD_CHARS = 5000
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


class Importer:
    """One file format.  Subclasses set EXTENSIONS and NAME and implement parse()."""

    EXTENSIONS: tuple[str, ...] = ()
    NAME = ""

    def parse(self, text: str) -> Article:
        raise NotImplementedError


def normalise(text: str) -> str:
    """Newlines to \\n, NFC, no control characters: the text offsets will index."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub(" ", text).strip("\n ")


def check_is_text(text: str) -> None:
    check_not_empty(text)
    sample = text[:20000]
    if len(_BINARY.findall(sample)) > 0.01 * len(sample):
        raise ArticleError("not a text file: it holds binary data")


def check_not_empty(text: str) -> None:
    """Of a normalised text (no control characters left), all ``check_is_text`` can
    still find wrong."""
    if not text.strip():
        raise ArticleError("the file is empty" if not text else "the file holds only white space")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def metadata_from_text(article: Article) -> Article:
    """Fill what the text itself says: title, dateline, agency, publication line."""
    # The head is enough, and its paragraphs are classified only as far as they
    # are read: most of it is body text, and classifying it cost a worker more
    # than the rest of reading the file.
    rest = layout.iter_paragraphs(article.text[:_HEAD_CHARS])
    first = list(itertools.islice(rest, 4))
    if not article.published:
        article.published = _published_line(article.text[:3000])
    for paragraph in first:
        if paragraph.dateline:
            article.dateline = article.text[slice(*paragraph.dateline)].title()
            agency = AGENCIES.get(paragraph.agency.upper().replace(".", ""), paragraph.agency)
            article.outlet = article.outlet or agency
            if not article.published and paragraph.dateline_date:
                article.published = parse_date_string(paragraph.dateline_date)
                if article.published is None:  # "Aug 15" without a year: ask, do not guess
                    article.flags.append(f"dateline says {paragraph.dateline_date}, no year")
            break
    if not article.title:
        article.title = _title(article.text, first, rest)
    return article


def _published_line(head: str):
    found = {}
    for match in _PUBLISHED_LINE.finditer(head):
        date = parse_date_string(match["value"])
        if date:
            found.setdefault("updated" if "updated" in match["kind"].lower() else "published", date)
    return found.get("published") or found.get("updated")


def _title(text: str, first: list, rest: Iterator) -> str:
    """From the head's ``first`` paragraphs and the ``rest``, read as needed."""
    for paragraph in first[:3]:
        chunk = text[paragraph.start : paragraph.end]
        if paragraph.kind == layout.HEADING and not _PUBLISHED_LINE.match(chunk):
            return chunk.strip("# ").strip()
    for paragraph in itertools.chain(first, rest):
        if paragraph.kind == layout.BODY:
            start = paragraph.dateline[1] if paragraph.dateline else paragraph.start
            lede = text[start : paragraph.end].lstrip(" —–-:,")
            first = re.split(r"(?<=[.!?])\s", lede, maxsplit=1)[0]
            return first if len(first) <= 110 else first[:107].rsplit(" ", 1)[0] + "…"
    return ""


def sidecar_for(path: Path) -> Path | None:
    for candidate in (path.with_name(path.name + ".json"), path.with_suffix(".json")):
        if candidate != path and candidate.is_file():
            return candidate
    return None


def apply_sidecar(article: Article, path: Path) -> Article:
    """``NAME.json`` beside the file wins over what was found in it."""
    sidecar = sidecar_for(path)
    if sidecar is None:
        return article
    try:
        data = json.loads(sidecar.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleError(f"its metadata file {sidecar.name} is not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise ArticleError(f"its metadata file {sidecar.name} must hold a JSON object")
    if data.get("published"):
        published = parse_date_string(str(data["published"]))
        if published is None:
            raise ArticleError(f"{sidecar.name}: cannot read the date {data['published']!r}")
        article.published = published
    for key in ("title", "outlet", "url"):
        if data.get(key):
            setattr(article, key, str(data[key]).strip())
    if data.get("source") and not data.get("outlet"):
        article.outlet = str(data["source"]).strip()
    return article
