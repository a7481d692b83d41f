"""One event and the words that reported it: place, status, date, every source's quote."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QTextBrowser, QTextEdit, QVBoxLayout

from . import style

Highlighter = Callable[[str, str], list[tuple[int, int, str]]]  # quote, place id -> spans
EMPTY_HTML = (
    "<p style='color:#666'>Select an event on the timeline or in the table to see "
    "who reported it, when, and in which words.</p>"
)
_MARKS = {
    "place": "background-color:#fde9c9; font-weight:600;",
    "trigger": "background-color:#d9ecf7; font-weight:600;",
}


class LocalOnlyBrowser(QTextBrowser):
    """A text browser that never loads anything: no remote images, no files."""

    def loadResource(self, kind, name: QUrl):  # noqa: N802 - Qt's name
        return None


class DetailPane(LocalOnlyBrowser):
    article_requested = Signal(int, int, int)  # article id, quote start, quote end

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.highlighter: Highlighter = lambda text, place_id: []
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.show_event(None)

    def show_event(self, event: dict | None) -> None:
        self.setHtml(EMPTY_HTML if event is None else self._event_html(event))

    def _event_html(self, event: dict) -> str:
        status = event["status"]
        by_article: dict[int, list[dict]] = {}
        for source in event["sources"]:
            by_article.setdefault(source["article_id"], []).append(source)
        quotes, articles = len(event["sources"]), len(by_article)
        parts = [
            f"<h2 style='margin-bottom:2px'>{html.escape(event['place'])}</h2>",
            f"<p style='color:#555;margin-top:0'>{html.escape(event['province'])} province · "
            f"{html.escape(event['country'])}</p>",
            f"<p><span style='color:{style.COLOURS[status]};font-size:15pt'>●</span> "
            f"<b>{status}</b> &nbsp; {_date_text(event)}</p>",
            f"<h3>Reported by {articles} article{'s' * (articles != 1)}"
            f" ({quotes} quote{'s' * (quotes != 1)})</h3>",
        ]
        for sources in by_article.values():
            parts.append(self._article_html(sources, event["place_id"]))
        return "".join(parts)

    def _article_html(self, sources: list[dict], place_id: str) -> str:
        first = sources[0]
        outlet = html.escape(first["outlet"] or "Unknown outlet")
        title = html.escape(first["title"] or "(untitled)")
        published = html.escape(first["published"] or "publication date unknown")
        quotes = "".join(
            "<table cellpadding='6' width='100%' style='background:#f5f5f5;margin-top:4px'>"
            f"<tr><td>“{self._marked(source['quote'], place_id)}”<br>"
            f"<a href='article:{source['article_id']}:{source['start']}:{source['end']}'>"
            "Open the article at this quote</a></td></tr></table>"
            for source in sources
        )
        return (
            "<div style='margin-bottom:14px'>"
            f"<b>{outlet}</b> · <span style='color:#555'>published {published}</span><br>"
            f"<i>{title}</i>{quotes}</div>"
        )

    def _marked(self, quote: str, place_id: str) -> str:
        out, position = [], 0
        for start, end, kind in self.highlighter(quote, place_id):
            out.append(html.escape(quote[position:start]))
            out.append(f"<span style='{_MARKS[kind]}'>{html.escape(quote[start:end])}</span>")
            position = end
        out.append(html.escape(quote[position:]))
        return "".join(out)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind != "article":
            return
        article_id, start, end = (int(v) for v in rest.split(":"))
        self.article_requested.emit(article_id, start, end)


def _date_text(event: dict) -> str:
    if not event["date"]:
        return "date unknown"
    precision = event["date_precision"]
    text = f"<b>{event['date']}</b>"
    if event.get("end_date"):
        text = f"from <b>{event['date']}</b> to <b>{event['end_date']}</b>"
    note = {"day": "to the day", "week": "within about a week", "month": "within about a month"}
    return f"{text} <span style='color:#666'>({note.get(precision, precision)})</span>"


class ArticleDialog(QDialog):
    """The full text of an article with one quote highlighted and scrolled into view."""

    def __init__(self, article: dict, start: int, end: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            f"{article['title'] or 'Article'} — {article['outlet'] or ''}".strip(" —")
        )  # noqa: E501
        self.resize(760, 620)
        self.text = LocalOnlyBrowser()
        self.text.setPlainText(article["text"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.highlight(start, end)

    def highlight(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        mark = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe58a"))
        mark.format = fmt
        mark.cursor = cursor
        self.text.setExtraSelections([mark])
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def highlighted_text(self) -> str:
        return self.text.textCursor().selectedText()
