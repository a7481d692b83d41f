"""Markdown with optional YAML-style front matter (title, published, source, url).

The stored text is the Markdown with its markup removed (headings, emphasis,
links, images), so quotes read as prose.  Front matter is read with a small
key: value parser: nested YAML is not needed for four flat keys.
"""

from __future__ import annotations

import re

from ..extraction.dates import parse_date_string
from ..model import Article
from .base import Importer

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MARKUP = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^#{1,6}\s*", re.M), ""),  # heading marks
    (re.compile(r"^>\s?", re.M), ""),  # block quotes
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),  # inline HTML tags
]


def front_matter(text: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match["body"].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "#")):
            fields[key.strip().lower()] = value.strip().strip("'\"")
    return fields, text[match.end() :]


def strip_markup(text: str) -> str:
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text


class MarkdownImporter(Importer):
    EXTENSIONS = (".md", ".markdown")
    NAME = "Markdown"

    def parse(self, text: str) -> Article:
        fields, body = front_matter(text)
        published = fields.get("published") or fields.get("date")
        return Article(
            text=strip_markup(body),
            title=fields.get("title", ""),
            outlet=fields.get("source") or fields.get("outlet", ""),
            published=parse_date_string(published) if published else None,
            url=fields.get("url", ""),
        )
