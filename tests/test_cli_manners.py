"""The command line as a shell pipeline sees it: `| head -1` ends quietly, and
`articles --format json` gives what a script needs."""

import json
import os
import subprocess
import sys

import pytest

from timeline_app.cli import main
from timeline_app.paths import seeds_dir
from timeline_app.storage import Store

SAMPLE_COPIES = 60  # 9 events; each copy adds a source to each: ~450 kB of events JSON
SMALL_ARTICLES = 1500  # one short line each in `articles`: ~200 kB

# Linux pipes hold 64 kB; output must be well past that plus Python's 8 kB buffer for
# the writer to still be writing when the reader goes away.
PIPE_AND_BUFFERS = 64 * 1024 + 8 * 1024


@pytest.fixture(scope="session")
def big_db(tmp_path_factory):
    """A database whose listings are far bigger than a pipe holds."""
    folder = tmp_path_factory.mktemp("articles")
    sample = (seeds_dir() / "000_44b0846c1f554011.txt").read_text(encoding="utf-8")
    for i in range(SAMPLE_COPIES):
        # A different text each time, or the import would skip it as already present.
        (folder / f"sample-{i:03}.txt").write_text(
            f"{sample}\n\nCorrection {i}: an earlier version misspelled a name.\n",
            encoding="utf-8",
        )
    for i in range(SMALL_ARTICLES):
        (folder / f"short-{i:04}.txt").write_text(
            f"The Taliban captured Herat on Tuesday, officials said in report {i}.\n",
            encoding="utf-8",
        )
    db = tmp_path_factory.mktemp("db") / "big.db"
    assert main(["import", "--db", str(db), "--published", "2021-08-12", str(folder)]) == 0
    return db


def environment(buffering: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if buffering == "unbuffered":  # as in many CI images and containers
        env["PYTHONUNBUFFERED"] = "1"
    return env


def output_size(db, *argv) -> int:
    result = subprocess.run(
        [sys.executable, "-m", "timeline_app", *argv, "--db", str(db)],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    return len(result.stdout)


def head_1(db, *argv, env) -> tuple[bytes, int, str]:
    """`timeline-app ARGV | head -1`: read one line, close the pipe, wait."""
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline_app", *argv, "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    try:
        line = process.stdout.readline()
        process.stdout.close()
        _, err = process.communicate(timeout=120)
    finally:
        process.kill()
        process.wait()
    return line, process.returncode, err.decode("utf-8", "replace")


COMMANDS = [
    pytest.param(("articles",), id="articles"),
    pytest.param(("articles", "--format", "json"), id="articles-json"),
    pytest.param(("articles", "--format", "text"), id="articles-text"),
    pytest.param(("events",), id="events"),
    pytest.param(("events", "--format", "csv"), id="events-csv"),
]


@pytest.mark.slow
@pytest.mark.parametrize("buffering", ["buffered", "unbuffered"])
@pytest.mark.parametrize("argv", COMMANDS)
def test_output_cut_short_by_head_ends_quietly(big_db, argv, buffering):
    # Otherwise the pipe never breaks and the test proves nothing.
    assert output_size(big_db, *argv) > 2 * PIPE_AND_BUFFERS
    line, code, err = head_1(big_db, *argv, env=environment(buffering))
    assert line.strip()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert err == ""
    if buffering == "buffered":
        # 141 (128 + SIGPIPE): the pipe really broke and the program noticed.
        assert code == 141
    else:
        # Unbuffered, CPython's text layer drops the rest of one big write (the CSV)
        # that the closed pipe took only part of, without an error: then it is 0.
        assert code in (0, 141)


def test_articles_as_json_is_what_the_store_lists(tmp_path, capsys, sample_path):
    db = tmp_path / "t.db"
    article = tmp_path / "herat.txt"
    article.write_text("The Taliban captured Herat on Tuesday.\n", encoding="utf-8")
    (tmp_path / "herat.json").write_text(
        json.dumps({"title": "Herat’s fall — «Taliban»", "published": "2021-08-12"}),
        encoding="utf-8",
    )
    assert main(["import", "--db", str(db), str(sample_path), str(article)]) == 0
    capsys.readouterr()
    assert main(["articles", "--db", str(db), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "Herat’s fall — «Taliban»" in out  # ensure_ascii=False: readable, not \u2019
    articles = json.loads(out)
    with Store(db) as store:
        assert articles == store.articles()
    assert len(articles) == 2
    assert {a["events"] for a in articles} == {9, 1}


def test_articles_text_stays_the_default(tmp_path, capsys, sample_path):
    db = tmp_path / "t.db"
    main(["import", "--db", str(db), str(sample_path)])
    capsys.readouterr()
    assert main(["articles", "--db", str(db)]) == 0
    default = capsys.readouterr().out
    assert main(["articles", "--db", str(db), "--format", "text"]) == 0
    assert capsys.readouterr().out == default
    assert default.endswith("1 article(s)\n") and "9 events" in default
