"""One event and the words that reported it: place, status, date, every source's quote."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QDialog, QPushButton, QTextBrowser, QTextEdit, QVBoxLayout

from .. import statuses

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

    def loadResource(self, kind, name: QUrl):
        return None


class DetailPane(LocalOnlyBrowser):
    article_requested = Signal(int, int, int)  # article id, quote start, quote end
    action_requested = Signal(
        str, int
    )  # edit/confirm/unconfirm/reject/restore/merge: event id; split: mention id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.highlighter: Highlighter = lambda text, place_id: []
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._shown: str | None = None  # the HTML shown
        self.asked = 0  # events asked to be shown so far (a later one wins)
        self.show_event(None)

    def show_event(self, event: dict | None) -> None:
        self.asked += 1
        text = EMPTY_HTML if event is None else self._event_html(event)
        if text == self._shown:
            # (the same event read again after an edit's update: laid out anew it
            # took 10-20 ms of the GUI thread, and lost the pane's scroll position)
            return
        self._shown = text
        self.setHtml(text)

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
            f"<p><span style='color:{statuses.of(status).colour};font-size:15pt'>●</span> "
            f"<b>{status}</b> &nbsp; {_date_text(event)}</p>",
            _verdict_html(event),
            _review_html(event),
            _actions_html(event),
        ]
        if event.get("disagree") or len(_versions(event)) > 1:
            parts.append(_versions_html(event))
        parts.append(
            f"<h3>Reported by {articles} article{'s' * (articles != 1)}"
            f" ({quotes} quote{'s' * (quotes != 1)})</h3>"
        )
        for sources in by_article.values():
            parts.append(self._article_html(sources, event["place_id"], split=quotes > 1))
        return "".join(parts)

    def _article_html(self, sources: list[dict], place_id: str, split: bool = False) -> str:
        first = sources[0]
        outlet = html.escape(first["outlet"] or "Unknown outlet")
        title = html.escape(first["title"] or "(untitled)")
        published = html.escape(first["published"] or "publication date unknown")
        if first["published"] and first.get("published_basis"):
            # an undated article dated by other reports: the earliest it can be
            published = f"on or after {published} (inferred from {first['published_basis']})"
        quotes = "".join(
            "<table cellpadding='6' width='100%' style='background:#f5f5f5;margin-top:4px'>"
            f"<tr><td>“{self._marked(source['quote'], place_id)}”<br>"
            f"{_because_html(source)}"
            f"<a href='article:{source['article_id']}:{source['start']}:{source['end']}'>"
            "Open the article at this quote</a>"
            + (f" · <a href='do:split:{source['mention_id']}'>Split off</a>" if split else "")
            + "</td></tr></table>"
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
        if kind == "do":
            action, _, target = rest.partition(":")
            self.action_requested.emit(action, int(target))
            return
        if kind != "article":
            return
        article_id, start, end = (int(v) for v in rest.split(":"))
        self.article_requested.emit(article_id, start, end)


def _verdict_html(event: dict) -> str:
    """ "Fell 12 Aug 2021 · 5 sources · 1 says 13 Aug", above the quotes."""
    if not event.get("verdict"):
        return ""
    return (
        "<p style='background:#eef3f8;padding:6px;font-size:12pt'>"
        f"<b>{html.escape(event['verdict'])}</b>"
        f" <span style='color:#555'>(confidence {event['confidence']:.2f})</span></p>"
    )


def _because_html(source: dict) -> str:
    """How this source was read, in one line: "capture verb 'seized' · hedge 'the group said'";
    an inferred year is shown in the warning colour."""
    because = source.get("because") or []
    if not because:
        return ""
    parts = []
    for rule, words in because:
        text = f"{html.escape(rule)} “{html.escape(words)}”"
        if rule.startswith("year from"):
            text = f"<span style='color:#b35900'><b>{text}</b></span>"
        parts.append(text)
    return f"<span style='color:#666;font-size:small'>why: {' · '.join(parts)}</span><br>"


def _review_html(event: dict) -> str:
    marks = []
    if event.get("rejected"):
        marks.append(
            "<b style='color:#8a1c1c'>Rejected</b> (a false positive; hidden from the timeline)"
        )
    if event.get("reviewed"):
        marks.append("<b>✓ Reviewed</b>")
    if event.get("manual"):
        marks.append("added by hand")
    elif event.get("edited"):
        marks.append("edited by an analyst")
    if event.get("disagree"):
        marks.append("<b style='color:#5b1a00'>sources disagree</b>")
    note = event.get("note")
    html_note = (
        f"<p style='background:#fff8e1;padding:4px'>Note: {html.escape(note)}</p>" if note else ""
    )
    return (f"<p>{' · '.join(marks)}</p>" if marks else "") + html_note


def _actions_html(event: dict) -> str:
    event_id = event["id"]
    confirm = "unconfirm" if event.get("reviewed") else "confirm"
    reject = "restore" if event.get("rejected") else "reject"
    links = [
        ("edit", "Edit…"), (confirm, "Unconfirm" if confirm == "unconfirm" else "Confirm"),
        (reject, "Restore" if reject == "restore" else "Reject"), ("merge", "Merge with…"),
    ]  # fmt: skip
    return "<p>" + " · ".join(f"<a href='do:{a}:{event_id}'>{t}</a>" for a, t in links) + "</p>"


def _all_reports(event: dict) -> list[dict]:
    return event["sources"] + event.get("related", [])


def _versions(event: dict) -> list[tuple]:
    return sorted({(s.get("status"), s.get("date")) for s in _all_reports(event)}, key=str)


# Above this many rows the table of what each source says is one row per status
# and date (with how many reports and outlets) instead of one per outlet: a
# disputed place of a big database has hundreds of reports within two weeks,
# and a table of 600 rows took Qt 300 ms to lay out, a freeze at every click.
MAX_VERSION_ROWS = 40


def _versions_html(event: dict) -> str:
    """What each article said, side by side, when they do not all say the same."""
    seen: dict[tuple, int] = {}
    for source in _all_reports(event):
        key = (source["outlet"] or "Unknown outlet", source["published"] or "?",
               source.get("status") or "?", source.get("date") or "unknown")  # fmt: skip
        seen[key] = seen.get(key, 0) + 1
    if len(seen) > MAX_VERSION_ROWS:
        return _versions_by_date_html(event, seen)
    rows = "".join(
        "<tr>"
        f"<td>{html.escape(outlet)}</td>"
        f"<td style='white-space:nowrap'>{html.escape(published)}</td>"
        f"<td style='color:{statuses.of(status).colour}'>{html.escape(status)}</td>"
        f"<td style='white-space:nowrap'><b>{html.escape(date)}</b>"
        + (f" <span style='color:#777'>×{count}</span>" if count > 1 else "")
        + "</td></tr>"
        for (outlet, published, status, date), count in sorted(
            seen.items(), key=lambda kv: (kv[0][3], kv[0][1])
        )
    )
    return (
        "<h3>What each source says</h3>"
        "<table cellpadding='3' width='100%'>"
        "<tr style='background:#eeeeee'><th align='left'>Outlet</th><th align='left'>Published</th>"
        "<th align='left'>Status</th><th align='left'>Event date</th></tr>"
        f"{rows}</table>{_related_note(event)}"
    )


def _versions_by_date_html(event: dict, seen: dict[tuple, int]) -> str:
    """The sources' versions as one row per status and date: how many reports
    say it, from how many outlets; the dates nearest the event's first."""
    reports: dict[tuple, int] = {}
    outlets: dict[tuple, set] = {}
    for (outlet, _published, status, date), count in seen.items():
        reports[status, date] = reports.get((status, date), 0) + count
        outlets.setdefault((status, date), set()).add(outlet)
    own = _day(event["date"])

    def distance(key: tuple) -> tuple:
        day = _day(key[1])
        gap = abs(day - own) if day is not None and own is not None else 10**6
        return (gap, key[1], key[0])

    kept = sorted(sorted(reports, key=distance)[:MAX_VERSION_ROWS], key=lambda k: (k[1], k[0]))
    rows = "".join(
        "<tr>"
        f"<td style='color:{statuses.of(status).colour}'>{html.escape(status)}</td>"
        f"<td style='white-space:nowrap'><b>{html.escape(date)}</b></td>"
        f"<td>{reports[status, date]}</td><td>{len(outlets[status, date])}</td></tr>"
        for status, date in kept
    )
    left = len(reports) - len(kept)
    more = (
        f"<p style='color:#666'>{left} more versions, further from this event's date, "
        f"not listed ({sum(reports[k] for k in reports if k not in set(kept))} reports).</p>"
        if left else ""
    )  # fmt: skip
    return (
        f"<h3>What the {sum(reports.values())} reports say</h3>"
        "<table cellpadding='3' width='100%'>"
        "<tr style='background:#eeeeee'><th align='left'>Status</th>"
        "<th align='left'>Event date</th><th align='left'>Reports</th>"
        "<th align='left'>Outlets</th></tr>"
        f"{rows}</table>{more}{_related_note(event)}"
    )


def _day(date: str | None) -> int | None:
    try:
        return dt.date.fromisoformat(date).toordinal() if date else None
    except ValueError:  # a date another tool stored: no distance, listed last
        return None


def _related_note(event: dict) -> str:
    if not event.get("related"):
        return ""
    return (
        "<p style='color:#666'>Some rows are other events of this place: the reports that "
        "disagree. Merge them if they are one event.</p>"
    )


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
    """The full text of an article with one quote highlighted and scrolled into view.

    Selecting text and pressing "Add Event from Selection" asks the window to
    add an event with that text as its evidence.
    """

    add_requested = Signal(int, int, int)  # article id, selection start, end

    def __init__(self, article: dict, start: int, end: int, parent=None) -> None:
        super().__init__(parent)
        self.article_id = article["id"]
        self.setWindowTitle(
            f"{article['title'] or 'Article'} — {article['outlet'] or ''}".strip(" —")
        )
        self.resize(760, 620)
        self.plain = article["text"]
        self.text = LocalOnlyBrowser()
        self.text.setPlainText(self.plain)
        self.add_button = QPushButton("Add Event from Selection")
        self.add_button.setToolTip("Select the sentence that reports an event the app missed")
        self.add_button.clicked.connect(self._on_add_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.add_button)
        self.highlight(start, end)

    def highlight(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._to_qt(start))
        cursor.setPosition(self._to_qt(end), QTextCursor.MoveMode.KeepAnchor)
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

    def select(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._to_qt(start))
        cursor.setPosition(self._to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def _on_add_clicked(self) -> None:
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            self.add_button.setText("Select the text that reports the event first")
            return
        start, end = self._from_qt(cursor.selectionStart()), self._from_qt(cursor.selectionEnd())
        self.add_requested.emit(self.article_id, start, end)

    # Qt counts UTF-16 units; stored offsets count characters (an emoji is 2 vs 1).
    def _to_qt(self, index: int) -> int:
        return len(self.plain[:index].encode("utf-16-le")) // 2

    def _from_qt(self, position: int) -> int:
        return len(self.plain.encode("utf-16-le")[: position * 2].decode("utf-16-le", "ignore"))
