"""Importing never opens a socket, and the detail pane never loads anything remote."""

import socket

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from timeline_app.services import import_paths

PAGE = (
    "<html><head><title>Herat</title><link rel='stylesheet' href='http://192.0.2.1/s.css'>"
    "<script src='http://192.0.2.1/app.js'></script>"
    "<script>new Image().src='http://192.0.2.1/beacon'</script></head><body><article>"
    "<img src='http://192.0.2.1/photo.jpg'><iframe src='https://192.0.2.1/embed'></iframe>"
    "<video src='http://192.0.2.1/v.mp4'></video>"
    + "<p>The Taliban captured Herat on Tuesday after heavy fighting, officials said.</p>" * 3
    + "</article></body></html>"
)


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted during a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_importing_html_and_markdown_opens_no_socket(tmp_path, store, no_network):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE)
    (folder / "note.md").write_text(
        "---\npublished: 2021-08-12\nurl: http://192.0.2.1/a\n---\n"
        "![x](http://192.0.2.1/i.png) The Taliban captured [Ghazni](http://192.0.2.1) on Tuesday."
    )
    report = import_paths([folder], store)
    assert len(report.imported) == 2 and not report.failed, report.failed
    assert no_network == []


def test_detail_pane_loads_no_resources_and_shows_markup_as_text(qtbot):
    from timeline_app.gui.detail_pane import DetailPane

    pane = DetailPane()
    qtbot.addWidget(pane)
    for url in ("http://192.0.2.1/x.png", "file:///etc/passwd", "x.png"):
        assert pane.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None
    quote = "<img src='http://192.0.2.1/x.png'> Herat fell <script>alert(1)</script>"
    pane.show_event({
        "id": 1, "reviewed": False, "rejected": False, "place": "Herat", "province": "Herat",
        "country": "Afghanistan", "status": "captured",
        "date": "2021-08-10", "end_date": None, "date_precision": "day", "place_id": "x",
        "sources": [{"article_id": 1, "title": "<b>t</b>", "outlet": "O", "published": None,
                     "quote": quote, "start": 0, "end": len(quote)}],
    })  # fmt: skip
    assert "<img src='http://192.0.2.1/x.png'>" in pane.toPlainText()
    assert "<script>alert(1)</script>" in pane.toPlainText()
