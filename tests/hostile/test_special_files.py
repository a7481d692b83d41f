"""Only regular files are read: a FIFO must not hang the import and a device must
not be read until memory runs out. Each gets one line, named or found in a folder.

The CLI runs in a child process with a timeout and a memory limit, so that a
regression fails the test instead of blocking it or filling the machine."""

import os
import resource
import subprocess
import sys

import pytest

from timeline_app.services import discover, import_paths

GOOD = "Published Aug. 12, 2021\n\nThe Taliban captured Herat on Tuesday, officials said."

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="needs FIFOs, /dev/zero"
)


def _limit_memory():
    limit = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_import(db, *paths):
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", "import", "--db", str(db), *map(str, paths)],
        capture_output=True, text=True, timeout=60, preexec_fn=_limit_memory,
    )  # fmt: skip


@pytest.fixture
def specials(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "good.txt").write_text(GOOD)
    return folder


def test_a_fifo_named_on_the_command_line_does_not_hang(tmp_path, specials):
    done = run_import(tmp_path / "t.db", specials / "pipe.txt", specials / "good.txt")
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == ["error: pipe.txt: not a regular file"]
    assert "1 imported" in done.stdout and "1 failed" in done.stdout


def test_a_device_named_on_the_command_line_is_not_read(tmp_path, specials):
    done = run_import(tmp_path / "t.db", specials / "zero.txt")
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == ["error: zero.txt: not a regular file"]


def test_special_files_in_a_folder_are_reported_not_passed_over(tmp_path, specials):
    done = run_import(tmp_path / "t.db", specials)
    assert done.returncode == 0, done.stderr
    assert sorted(done.stderr.splitlines()) == [
        "skipped: pipe.txt: not a regular file",
        "skipped: zero.txt: not a regular file",
    ]
    assert "1 imported" in done.stdout and "2 skipped" in done.stdout


def test_the_service_reports_them_without_opening_them(specials, store):
    files, skipped = discover([specials])
    assert [p.name for p in files] == ["good.txt"]
    assert {(p.path.name, p.reason) for p in skipped} == {
        ("pipe.txt", "not a regular file"), ("zero.txt", "not a regular file"),
    }  # fmt: skip
    report = import_paths([specials / "pipe.txt", specials / "zero.txt"], store)
    assert [(p.path.name, p.reason) for p in report.failed] == [
        ("pipe.txt", "not a regular file"), ("zero.txt", "not a regular file"),
    ]  # fmt: skip
