"""A busy database stays responsive: the detail pane of a much-disputed place,
and edits that show at once without re-reading the whole database."""

import datetime as dt

from timeline_app.gui.detail_pane import MAX_VERSION_ROWS, DetailPane


def _event_with_reports(count: int) -> dict:
    sources = [
        {"article_id": n, "title": f"Report {n}", "outlet": f"Outlet {n}",
         "published": "2021-08-20", "quote": "Taliban fighters captured the city.",
         "start": 0, "end": 10, "status": "captured" if n % 2 else "claimed",
         "date": (dt.date(2021, 7, 1) + dt.timedelta(days=n % 60)).isoformat(),
         "mention_id": n, "because": []}
        for n in range(count)
    ]  # fmt: skip
    return {
        "id": 1, "reviewed": False, "rejected": False, "place": "Herat", "province": "Herat",
        "country": "Afghanistan", "status": "captured", "date": "2021-08-10", "end_date": None,
        "date_precision": "day", "place_id": "afghanistan-herat", "disagree": True,
        "sources": sources[:1], "related": sources[1:],
    }  # fmt: skip


def test_a_much_disputed_event_lists_its_versions_by_date_not_by_outlet(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_event(_event_with_reports(600))
    text = pane.toPlainText()
    assert "What the 600 reports say" in text
    assert "Outlet 599" not in text  # not one row per outlet
    assert "2021-08-10" in text and "2021-08-11" in text  # the nearest dates are listed
    assert "more versions, further from this event's date" in text


def test_a_few_versions_keep_one_row_per_outlet(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_event(_event_with_reports(MAX_VERSION_ROWS))
    text = pane.toPlainText()
    assert "What each source says" in text and "Outlet 39" in text
