"""The table's order and quick filter, from the stored events, without Qt."""

import datetime as dt

from timeline_app.model import Article, Event, Evidence
from timeline_app.table_order import EventTable

TEXT = "Kabul and Herat fell."


def event(place, day):
    date = dt.date(2021, 8, day) if day else None
    return Event(f"afghanistan-{place}", "captured", date, "day" if day else "unknown",
                 evidence=[Evidence(TEXT, 0, len(TEXT))])  # fmt: skip


def test_the_date_column_puts_unknown_dates_last_and_ties_by_place(store, gazetteer):
    store.sync_places(gazetteer.places.values())
    events = [event("kabul", None), event("kabul", 15), event("herat", 15), event("herat", 2)]
    article = Article(text=TEXT, title="t", published=dt.date(2021, 8, 20), content_hash="a")
    store.add_article(article, events)
    table = EventTable.from_columns(store.event_table_columns())

    def shown(order):
        return [f"{table.place_names[table.place[p]]} {table.days[table.day[p]]}" for p in order]

    assert shown(table.order(3, False)) == [
        "Herat 2021-08-02", "Herat 2021-08-15", "Kabul 2021-08-15", "Kabul unknown"]  # fmt: skip
    assert shown(table.order(3, True))[0] == "Kabul unknown"
    assert shown(table.order(0, True)) == [
        "Kabul 2021-08-15", "Kabul unknown", "Herat 2021-08-02", "Herat 2021-08-15"]  # fmt: skip
    assert table.matching("unknown").sum() == 1 and table.matching("herat").sum() == 2
