"""Importers by file extension: a file on disk becomes an Article."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model import Article
from . import base
from .base import Importer
from .encoding import decode
from .errors import ArticleError
from .html import HtmlImporter
from .markdown import MarkdownImporter
from .text import TextImporter

IMPORTERS: dict[str, Importer] = {
    extension: importer
    for importer in (TextImporter(), MarkdownImporter(), HtmlImporter())
    for extension in importer.EXTENSIONS
}

__all__ = ["ArticleError", "IMPORTERS", "NOT_REGULAR", "is_supported", "read_article"]

NOT_REGULAR = "not a regular file"


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in IMPORTERS


def read_article(path: str | Path) -> Article:
    """Read, decode and parse one file; raise ArticleError with a one-line reason."""
    path = Path(path)
    size = _regular_file_size(path)  # before anything opens it: a FIFO would block
    importer = IMPORTERS.get(path.suffix.lower())
    if importer is None:
        supported = ", ".join(sorted(IMPORTERS))
        raise ArticleError(
            f"unsupported file type {path.suffix or '(none)'}; supported: {supported}"
        )
    data = _read_bytes(path, size)
    text = decode(data)
    base.check_is_text(text)
    normalised = base.normalise(text)
    article = importer.parse(normalised)
    if article.text is not normalised:  # text of the importer's own making (HTML, Markdown)
        article.text = base.normalise(article.text)
    base.check_not_empty(article.text)  # (an HTML page with no text, say)
    article.source_path = storable_path(path)
    article.content_hash = base.content_hash(article.text)
    base.metadata_from_text(article)
    base.apply_sidecar(article, path)
    if article.published is None:
        article.flags.append("no publication date")
    return article


def storable_path(path: Path) -> str:
    """``path`` as valid Unicode: a name with bytes that are not UTF-8 (held by Python
    as lone surrogates, which SQLite cannot store) gets U+FFFD in their place."""
    text = str(path)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte (Windows)
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def _os_problem(exc: OSError) -> ArticleError:
    """What the user is told when the system refuses to stat or read a file."""
    if isinstance(exc, FileNotFoundError):
        return ArticleError("no such file or folder")
    if isinstance(exc, PermissionError):
        return ArticleError("permission denied: the file cannot be read")
    if isinstance(exc, IsADirectoryError):
        return ArticleError("this is a folder, not a file")
    return ArticleError(f"cannot read the file ({exc.strerror or exc})")


def _regular_file_size(path: Path) -> int:
    """Size of ``path`` if it is a regular file (links followed); ArticleError otherwise.

    Only stat is used: opening a FIFO blocks until a writer comes, and a device
    reports size 0 however much it yields, so neither may reach ``read_bytes``.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_problem(exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError("this is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(NOT_REGULAR)
    return info.st_size


def _read_bytes(path: Path, size: int) -> bytes:
    if size > base.MAX_FILE_BYTES:
        raise ArticleError(
            f"the file is {size / 1e6:.1f} MB; articles over "
            f"{base.MAX_FILE_BYTES // (1024 * 1024)} MB are not imported"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _os_problem(exc) from exc
    if len(data) > base.MAX_FILE_BYTES:  # it grew after stat
        raise ArticleError(
            f"the file grew while it was read; articles over "
            f"{base.MAX_FILE_BYTES // (1024 * 1024)} MB are not imported"
        )
    return data
