"""File names are data too: invalid UTF-8 bytes must not stop an import, and no
name may write raw control characters to the terminal (forge an 'error:' line,
clear the screen)."""

import os
import subprocess
import sys

import pytest

from timeline_app.services import import_paths

GOOD = b"Published Aug. 12, 2021\n\nThe Taliban captured Herat on Tuesday, officials said."

needs_bytes_names = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="the file system must accept any bytes"
)


def run_import(db, *paths):
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", "import", "--db", os.fsencode(db), *paths],
        capture_output=True, timeout=120,
    )  # fmt: skip


@needs_bytes_names
def test_a_name_with_invalid_utf8_is_imported(tmp_path, store):
    path = os.path.join(os.fsencode(tmp_path), b"bad\xff.txt")
    with open(path, "wb") as handle:
        handle.write(GOOD)
    report = import_paths([os.fsdecode(path)], store)
    assert not report.failed, report.failed
    assert len(report.imported) == 1
    [article] = store.articles()
    assert article["source_path"].endswith("bad\ufffd.txt")
    article["source_path"].encode("utf-8")  # storable and printable as it is


@needs_bytes_names
def test_the_cli_imports_it_and_prints_its_name_escaped(tmp_path):
    folder = os.path.join(os.fsencode(tmp_path), b"batch")
    os.mkdir(folder)
    with open(os.path.join(folder, b"bad\xff.txt"), "wb") as handle:
        handle.write(GOOD)
    with open(os.path.join(folder, b"empty\xfe.txt"), "wb"):
        pass
    done = run_import(tmp_path / "t.db", folder)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [b"error: empty\\xfe.txt: the file is empty"]
    assert b"1 imported" in done.stdout


@needs_bytes_names
def test_newlines_and_escape_sequences_in_names_are_printed_escaped(tmp_path):
    forged = tmp_path / "x.txt\nerror: everything.txt: the database is damaged\n.txt"
    clear = tmp_path / "\x1b[2J\x1b[Hclear.txt"
    forged.write_bytes(b"")
    clear.write_bytes(b"")
    done = run_import(tmp_path / "t.db", forged, clear)
    assert done.returncode == 1
    assert b"\x1b" not in done.stderr + done.stdout
    assert done.stderr.splitlines() == [
        b"error: x.txt\\nerror: everything.txt: the database is damaged\\n.txt: the file is empty",
        b"error: \\x1b[2J\\x1b[Hclear.txt: the file is empty",
    ]


def test_a_path_that_does_not_exist(tmp_path):
    done = run_import(tmp_path / "t.db", tmp_path / "no-such-folder", tmp_path / "gone.txt")
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        "error: no-such-folder: no such file or folder",
        "error: gone.txt: no such file or folder",
    ]


def test_explain_prints_the_name_escaped(tmp_path):
    path = tmp_path / "a\x1b[2J.txt"
    path.write_bytes(b"")
    done = subprocess.run(
        [sys.executable, "-m", "timeline_app", "explain", os.fsencode(path)],
        capture_output=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.splitlines() == [b"timeline-app: a\\x1b[2J.txt: the file is empty"]
