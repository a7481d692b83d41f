"""Whatever lands in a batch: a one-line reason for what cannot be imported,
the rest imported, nothing half-written. Every case goes through
``import_paths``, the service the CLI and the GUI use."""

import codecs
import re

import pytest

from timeline_app.services import import_paths

GOOD = "Published Aug. 12, 2021\n\nThe Taliban captured Herat on Tuesday, officials said."
HTML_PAGE = (
    "<html><head><title>Herat falls</title>"
    '<meta property="article:published_time" content="2021-08-12">'
    "<script>fetch('http://198.51.100.7/track')</script></head><body>"
    "<article><h1>Herat falls</h1>"
    '<img src="http://198.51.100.7/pixel.gif"><iframe src="http://198.51.100.7/ad"></iframe>'
    + "<p>The Taliban captured Herat on Tuesday after days of fighting, officials said.</p>" * 4
    + "</article></body></html>"
)


def build(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


CASES = {
    # name: (content, expected one-line error or None when it imports)
    "empty.txt": (b"", "the file is empty"),
    "blank.txt": (b" \n\t \r\n", "the file holds only white space"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n" + bytes(200), "not a text file: it looks like a PNG image"),
    "invalid-utf8.txt": (GOOD.encode() + b" caf\xe9 \xff\xfe", None),
    "utf16-bom.txt": (GOOD.encode("utf-16"), None),
    "utf16-no-bom.txt": (GOOD.encode("utf-16-le"), None),
    "cp1252 café.txt": (GOOD.replace("officials", "naïve officials").encode("cp1252"), None),
    "no-article.html": ("<html><body><nav>Home</nav><script>x()</script></body></html>", "no article text found in this web page"),  # noqa: E501
    "remote.html": (HTML_PAGE, None),
    "deep.html": ("<div>" * 100_000 + "Kabul fell." + "</div>" * 100_000, "no article text|cannot read this web page"),  # noqa: E501
    "Кабул статья.txt": (GOOD, None),
    "with spaces.md": ("---\npublished: 2021-08-12\n---\n" + GOOD, None),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_each_hostile_file(tmp_path, store, name):
    content, expected = CASES[name]
    path = build(tmp_path, name, content)
    report = import_paths([path], store)
    if expected is None:
        assert len(report.imported) == 1 and not report.failed, report.failed
        assert store.counts()["events"] == 1
    else:
        [problem] = report.failed
        assert problem.path == path
        assert "\n" not in problem.reason
        assert re.search(expected, problem.reason), problem.reason
        assert store.counts() == {"articles": 0, "events": 0, "mentions": 0, "places": 34}


def test_a_folder_mixing_all_of_them(tmp_path, store):
    folder = tmp_path / "mix"
    folder.mkdir()
    for name, (content, _) in CASES.items():
        build(folder, name, content)
    build(folder, "notes.pdf", b"%PDF-1.4")
    report = import_paths([folder], store)
    failing = {name for name, (_, expected) in CASES.items() if expected}
    assert {p.path.name for p in report.failed} == failing
    # Several files hold the same text in other encodings: stored once.
    assert len(report.imported) + len(report.already_present) == len(CASES) - len(failing)
    assert report.already_present
    assert [p.path.name for p in report.skipped] == ["notes.pdf"]
    articles = store.counts()["articles"]
    assert articles == len(report.imported)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, store, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # 50 MB, written sparsely: nothing is held in memory
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\n")
    read_sizes = []
    real_read = type(path).read_bytes
    monkeypatch.setattr(
        type(path), "read_bytes", lambda self: read_sizes.append(self) or real_read(self)
    )
    [problem] = import_paths([path], store).failed
    assert problem.reason == "the file is 52.4 MB; articles over 20 MB are not imported"
    assert read_sizes == []


def test_an_unreadable_file(tmp_path, store, monkeypatch):
    path = build(tmp_path, "locked.txt", GOOD)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    # (Tests run as root here, where file modes do not stop reading.)
    monkeypatch.setattr(type(path), "read_bytes", denied)
    [problem] = import_paths([path], store).failed
    assert problem.line() == "locked.txt: permission denied: the file cannot be read"


def test_utf32_and_broken_utf16(tmp_path, store):
    good = build(tmp_path, "utf32.txt", GOOD.encode("utf-32"))
    broken = build(tmp_path, "broken16.txt", codecs.BOM_UTF16_LE + b"H\x00i\x00\x00\xd8")
    report = import_paths([good, broken], store)
    assert [path.name for path, *_ in report.imported] == ["utf32.txt"]
    assert report.failed[0].reason.startswith("broken UTF-16 text")
