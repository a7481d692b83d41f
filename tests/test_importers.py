import datetime as dt
import json

import pytest

from timeline_app.importers import ArticleError, read_article

LEDE = "KABUL — The Taliban captured Ghazni on Thursday, officials said."


def test_plain_text_with_sidecar(sample_path):
    article = read_article(sample_path)
    assert article.published == dt.date(2021, 8, 12)
    assert article.outlet == "The Washington Post"
    assert article.title.startswith("Taliban close in on Kandahar")
    assert article.dateline == "Kabul"
    assert article.flags == []
    assert len(article.content_hash) == 64


def test_text_metadata_found_in_the_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Taliban take Ghazni\n\nPublished Aug. 12, 2021\n\n"
        "GHAZNI, Afghanistan (AP) — The Taliban captured Ghazni on Thursday."
    )
    article = read_article(path)
    assert (article.title, article.published, article.outlet, article.dateline) == (
        "Taliban take Ghazni", dt.date(2021, 8, 12), "Associated Press", "Ghazni")  # fmt: skip


def test_updated_line_is_used_when_there_is_no_published_line(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Updated 13 Aug, 2021\n\n{LEDE}")
    assert read_article(path).published == dt.date(2021, 8, 13)


def test_without_any_date_the_article_is_flagged(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(LEDE)
    article = read_article(path)
    assert article.published is None and article.flags == ["no publication date"]
    assert article.title == "The Taliban captured Ghazni on Thursday, officials said."


def test_markdown_front_matter_and_markup(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: Ghazni falls\npublished: 2021-08-12\nsource: Reuters\nurl: https://x.test/a\n---\n"
        "# Ghazni falls\n\nThe **Taliban** captured [Ghazni](https://x.test) on Thursday.\n"
        "![photo](https://x.test/p.jpg)\n"
    )
    article = read_article(path)
    assert (article.title, article.outlet, article.url) == (
        "Ghazni falls",
        "Reuters",
        "https://x.test/a",
    )
    assert article.published == dt.date(2021, 8, 12)
    assert "The Taliban captured Ghazni on Thursday." in article.text
    assert "https" not in article.text and "**" not in article.text


def test_html_main_text_title_and_date(tmp_path):
    path = tmp_path / "page.html"
    body = " ".join(["The Taliban captured Ghazni on Thursday after a long siege."] * 3)
    path.write_text(
        "<html><head><title>Ghazni falls - Example News</title>"
        '<meta property="article:published_time" content="2021-08-12T10:00:00Z">'
        '<meta property="og:site_name" content="Example News">'
        "<script>document.write('Kabul fell')</script></head><body>"
        "<nav>Home | World | Cookies</nav><article><h1>Ghazni falls</h1>"
        f"<p>{body}</p><p>{body}</p></article><footer>© Example</footer></body></html>"
    )
    article = read_article(path)
    assert article.published == dt.date(2021, 8, 12)
    assert "Ghazni falls" in article.title and article.outlet == "Example News"
    assert "The Taliban captured Ghazni on Thursday" in article.text
    assert "document.write" not in article.text and "Kabul fell" not in article.text


def test_html_without_article_text_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var x = 1;</script></body></html>")
    with pytest.raises(ArticleError, match="no article text"):
        read_article(path)


def test_sidecar_overrides_what_was_found(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Published Aug. 1, 2021\n\n{LEDE}")
    (tmp_path / "a.json").write_text(json.dumps({"published": "2021-08-12", "outlet": "Tolo"}))
    article = read_article(path)
    assert (article.published, article.outlet) == (dt.date(2021, 8, 12), "Tolo")


def test_broken_sidecar_is_a_clear_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(LEDE)
    (tmp_path / "a.json").write_text("{oops")
    with pytest.raises(ArticleError, match="a.json is not valid JSON"):
        read_article(path)


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        ("naïve Herat café".encode("cp1252"), "naïve Herat café"),
        ("naïve Herat café".encode("utf-8-sig"), "naïve Herat café"),
        ("naïve Herat café".encode("utf-16"), "naïve Herat café"),
        ("naïve Herat café, the Taliban said".encode("utf-16-le"), "naïve Herat café"),
        ("naïve Herat café, the Taliban said".encode("utf-16-be"), "naïve Herat café"),
    ],
)
def test_encodings(tmp_path, encoded, expected):
    path = tmp_path / "a.txt"
    path.write_bytes(encoded)
    assert expected in read_article(path).text


def test_same_text_in_two_encodings_has_the_same_hash(tmp_path):
    (tmp_path / "a.txt").write_bytes("Kabul café\r\nfell.".encode("cp1252"))
    (tmp_path / "b.txt").write_bytes("Kabul café\nfell.".encode())
    assert (
        read_article(tmp_path / "a.txt").content_hash
        == read_article(tmp_path / "b.txt").content_hash
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\t\n ", "only white space"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "looks like a PNG image"),
        ("binary.txt", b"abc\x00\x01\x02\x03" * 50 + b"\xff\xfe\x00", "binary data"),
        ("report.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
    ],
)
def test_bad_files_have_a_one_line_reason(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ArticleError, match=message) as error:
        read_article(path)
    assert "\n" not in str(error.value)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "gone.txt")


def test_random_bytes_are_refused_not_imported_as_garbage(tmp_path):
    import random

    rng = random.Random(3)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(5000)))
    with pytest.raises(ArticleError, match="binary data|unknown text encoding"):
        read_article(path)


def test_french_cp1252_and_russian_cp1251(tmp_path):
    french = "Les talibans ont pris Hérat jeudi, selon des responsables. Ça a été très rapide."
    russian = "Талибы захватили Кандагар в четверг, сообщили официальные лица."
    (tmp_path / "fr.txt").write_bytes(french.encode("cp1252"))
    (tmp_path / "ru.txt").write_bytes(russian.encode("cp1251"))
    assert read_article(tmp_path / "fr.txt").text == french
    assert read_article(tmp_path / "ru.txt").text == russian
