"""Compiled patterns kept between runs, as Python keeps the bytecode of modules.

The extraction compiles some 350 regular expressions when it is imported and
when it reads its first article, and reads their sources again for its sieves
and scanners (``casefold``): about 0.15 s of CPU in every process that
extracts, each ``timeline-app import`` and the forkserver of a big import's
workers, before the first article.  What ``re`` compiles a source to, and what
``casefold`` reads from it, depend on the source, the flags and the Python
version only; so both are kept in one file in the user's cache folder, read
back in about 5 ms by the next process and handed to ``_sre`` as ``re`` would.

A pattern made from a kept compilation is the pattern ``re`` makes (equal, code
and all: ``check`` compares a few when the cache is installed, and the cache
stays off if they differ).  A cache that cannot be read or written is no cache:
patterns are then compiled as before.  Entries of another Python never meet:
the file's name holds the interpreter's tag and the engine's version.
"""

from __future__ import annotations

import array
import atexit
import marshal
import os
import re
import sys
from pathlib import Path

try:
    import _sre
    import re._compiler as _compiler
    import re._parser as _parser
except ImportError:  # pragma: no cover - not CPython: patterns compile as usual
    _sre = _compiler = _parser = None

# A file past this size keeps only what its next writer used (the six shipped
# conflicts' patterns: about 2 MB, read in about 7 ms); a larger one is not read.
PRUNE_BYTES = 6_000_000
MAX_BYTES = 64_000_000
_PROBES = (r"\b(?:captured?|seized)\s+(?P<place>[A-Z]\w+)", r"^\s*[-–—•]\s*", r"(?<![\w\-])x")

_entries: dict = {}  # key -> kept value, as read from the file and made since
_made: set = set()  # keys made by this process, not in the file yet
_used: set = set()  # keys this process asked for
_file: Path | None = None
_original = None


def install(folder: Path | None = None) -> bool:
    """Keep compilations in ``folder`` (default: the user's cache folder); once a
    process.  False when this Python's ``re`` is not the one this module knows."""
    global _file, _original
    if _file is not None or _compiler is None:
        return _file is not None
    if folder is None:
        try:
            from ..paths import cache_dir

            folder = cache_dir()
        except Exception:  # no home folder to find, say: no cache, never a failed import
            return False
    if folder is None:
        return False
    _original = _compiler.compile
    if not check():
        return False
    _file = Path(folder) / f"patterns-{sys.implementation.cache_tag}-{_sre.MAGIC}.bin"
    _entries.update(_read(_file))
    _compiler.compile = _compile
    atexit.register(save)
    return True


def check() -> bool:
    """Whether patterns made from kept compilations equal those ``re`` makes here."""
    try:
        for source in _PROBES:
            for flags in (0, re.I):
                kept = _compilation(source, flags)
                if _pattern(source, kept) != _original(source, flags):
                    return False
    except Exception:  # an ``re`` of another shape
        return False
    return True


def _compile(source, flags=0):
    """``re._compiler.compile``, from the kept compilation where there is one."""
    if not isinstance(source, str) or flags & re.DEBUG:
        return _original(source, flags)
    key = ("re", source, int(flags))
    kept = _entries.get(key)
    if kept is not None:
        try:
            pattern = _pattern(source, kept)
        except Exception:  # an entry that does not read: made again
            pass
        else:
            _used.add(key)
            return pattern
    try:
        kept = _compilation(source, flags)
    except Exception:  # an error in the pattern: as ``re`` reports it
        return _original(source, flags)
    _remember(key, kept)
    return _pattern(source, kept)


def _compilation(source: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, to keep."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), array.array("I", code).tobytes(),
            parsed.state.groups - 1, groupindex, tuple(indexgroup))  # fmt: skip


def _pattern(source: str, kept: tuple) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = kept
    return _sre.compile(source, flags, array.array("I", code).tolist(), groups, groupindex,
                        indexgroup)  # fmt: skip


def derived(kind: str, source: str, flags: int, make):
    """``make()``, what ``kind`` reads from a pattern's source (a value ``marshal``
    keeps: strings, numbers, sets, tuples, None), kept like a compilation."""
    if _file is None:
        return make()
    key = (kind, source, int(flags))
    if key in _entries:
        _used.add(key)
        return _entries[key]
    value = make()
    _remember(key, value)
    return value


def _remember(key, value) -> None:
    _entries[key] = value
    _made.add(key)
    _used.add(key)


def _read(path: Path) -> dict:
    try:
        if path.stat().st_size > MAX_BYTES:  # not what this module writes: ignored
            return {}
        with open(path, "rb") as stream:
            entries = marshal.load(stream)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def save() -> None:
    """Write what this process made to the file (at exit): with what another
    process wrote since, unless the file has grown past ``PRUNE_BYTES``."""
    if _file is None or not _made:
        return
    try:
        grown = _file.stat().st_size > PRUNE_BYTES
    except OSError:
        grown = False
    if grown:  # (what it holds is not read: this process's own entries replace it)
        entries = {key: _entries[key] for key in _used if key in _entries}
    else:
        entries = _read(_file)
        entries.update((key, _entries[key]) for key in _made)
    temporary = _file.with_name(f"{_file.name}.{os.getpid()}.tmp")
    try:
        _file.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as stream:
            marshal.dump(entries, stream)
        os.replace(temporary, _file)
    except (OSError, ValueError):  # a full disk, a read-only folder: no cache this time
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        return
    _made.clear()
