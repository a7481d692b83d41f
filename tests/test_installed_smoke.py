"""The installed program, as a user runs it: the `timeline-app` console script that
`pip install` put beside this Python, in subprocesses, on the bundled sample.

Other tests call the code in-process or through `python -m timeline_app`; these
catch what only an install shows: the entry point, shipped data files (seeds,
places, icons), and dependencies that import in a fresh venv.
"""

import importlib.metadata
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

PROGRAM = Path(sys.executable).parent / "timeline-app"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TIMEOUT = 120


def run(folder: Path, *args, window: bool = False) -> subprocess.CompletedProcess:
    """Run the installed program with its settings, data and temporary files in folder."""
    assert PROGRAM.is_file(), f"{PROGRAM.name} was not installed beside {sys.executable}"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command line needs no display of any kind
    if window:
        env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "TMPDIR"):
        env[name] = str(folder / name.lower())
        (folder / name.lower()).mkdir(exist_ok=True)
    env["TIMELINE_APP_DB"] = str(folder / "default.db")
    return subprocess.run(
        [str(PROGRAM), *map(str, args)],
        capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=folder,
    )  # fmt: skip


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE, f"{path.name} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    """The sample imported by the installed program: (folder, database, the run)."""
    folder = tmp_path_factory.mktemp("installed")
    db = folder / "sample.db"
    samples = sorted(SEEDS.glob("*.txt"))
    assert samples, "no sample article in seeds/"
    return folder, db, run(folder, "import", "--db", db, *samples)


def test_version_is_the_installed_distributions(tmp_path):
    result = run(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    version = importlib.metadata.version("timeline-app")
    assert result.stdout.strip() == f"timeline-app {version}"


def test_import_the_sample(sample_db):
    _, _, result = sample_db
    assert result.returncode == 0, result.stderr
    assert "1 imported (9 events)" in result.stdout
    assert "Traceback" not in result.stderr


def test_events_as_json(sample_db):
    folder, db, _ = sample_db
    result = run(folder, "events", "--db", db, "--format", "json")
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)
    assert len(events) == 9
    for event in events:
        assert event["sources"], f"{event['place']} has no source"
        for source in event["sources"]:
            assert source["quote"].strip()
            assert len(source["quote"]) == source["end"] - source["start"]


@pytest.mark.slow
def test_export_png(sample_db):
    folder, db, _ = sample_db
    out = folder / "export.png"
    result = run(folder, "export-png", out, "--db", db)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000, "an almost empty picture"
    assert png_size(out)[0] == 1920


@pytest.mark.slow
def test_demo_screenshot(tmp_path):
    out = tmp_path / "demo.png"
    result = run(tmp_path, "--demo", "--screenshot", out, window=True)
    assert result.returncode == 0, result.stderr
    width, height = png_size(out)
    assert width > 600 and height > 400 and out.stat().st_size > 10_000
    # The demo's database is a throwaway: nothing is left behind, nothing in the default.
    assert not list((tmp_path / "tmpdir").glob("timeline-demo-*"))
    assert not (tmp_path / "default.db").exists()


SAVED_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Taliban take Kunduz | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-08-09T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Taliban take Kunduz</h1>
<p>The Taliban captured Kunduz, the capital of Kunduz province, on Sunday, officials said,
in the biggest gain for the militants since they began their offensive in May.</p>
<p>Residents said fighters were patrolling the streets of the city on Monday morning while
government forces had withdrawn to the airport outside the city.</p>
</article><footer>&copy; 2021 Example News</footer></body></html>
"""


@pytest.mark.slow
def test_a_saved_web_page_imports(tmp_path):
    """An HTML import loads the import-time chain a fresh venv can lack
    (trafilatura -> justext -> lxml.html.clean, htmldate, charset detection)."""
    page = tmp_path / "kunduz.html"
    page.write_text(SAVED_PAGE, encoding="utf-8")
    result = run(tmp_path, "import", "--db", tmp_path / "page.db", page)
    assert result.returncode == 0, result.stderr
    assert "1 imported" in result.stdout and "Traceback" not in result.stderr
