"""Properties of the extractor and the date resolver on text they have never seen."""

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.extraction.dates import find_dates
from timeline_app.model import Article
from timeline_app.services import ReadResult, store_articles
from timeline_app.storage import Store

PUBLISHED = dt.date(2021, 8, 12)
WORDS = [
    "Kabul", "Herat", "Kandahar", "Ghazni", "Badghis", "capital", "capitals", "of", "and",
    "province", "fell", "captured", "overran", "claimed", "denied", "not", "could", "fall",
    "under", "siege", "for", "three", "months", "surrendered", "retook", "Thursday", "Tuesday",
    "yesterday", "next", "day", "a", "later", "Aug.", "6", "2021", "the", "Taliban", ".", ",",
    "—", "KABUL", "(AP)", "\n\n", "\n", "in", "1996", "parts", "city", "road", "to", "north",
    "miles", "said", "it", "had", "seized", "Sunday", "(Aug", "15)", "last", "week", "- Aug. 8 -",
    "ZARANJ.", "Read more:", "“", "”", "'s",
]  # fmt: skip
news_like = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=80).map(
    " ".join
)
any_text = st.one_of(st.text(max_size=400), news_like)
ABSOLUTE = re.compile(
    r"\d{4}-\d\d-\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\d{1,2}\s", re.I
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=any_text,
    published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_extraction_never_fails_and_quotes_slice_exactly(extractor, text, published):
    article = Article(text=text, published=published)
    for event in extractor.extract(article):
        assert event.status in {
            "captured",
            "claimed",
            "contested",
            "besieged",
            "surrendered",
            "retaken",
        }
        assert event.precision in {"day", "week", "month", "unknown"}
        assert (event.date is None) == (event.precision == "unknown")
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.quote


@settings(max_examples=400, deadline=None)
@given(text=any_text)
def test_dates_after_publication_only_when_the_text_states_them(text):
    for mention in find_dates(text, published=PUBLISHED):
        if mention.date and mention.date > PUBLISHED:
            assert ABSOLUTE.search(text[mention.start : mention.end]), text[
                mention.start : mention.end
            ]


@settings(max_examples=300, deadline=None)
@given(text=news_like.filter(lambda t: not re.search(r"\d|next|later|Aug", t)))
def test_events_are_never_after_publication_without_a_stated_date(extractor, text):
    for event in extractor.extract(Article(text=text, published=PUBLISHED)):
        assert event.date is None or event.date <= PUBLISHED


ARTICLES = [
    ("Published Aug. 12, 2021", "The Taliban captured Ghazni on Thursday."),
    ("Published Aug. 13, 2021", "Ghazni fell on Thursday, officials said."),
    ("Published Aug. 11, 2021", "Fighting raged in Herat on Tuesday. Kandahar was under siege."),
    ("Published Aug. 14, 2021", "The group said it had seized Herat on Friday."),
    ("Published Aug. 15, 2021", "Kabul fell on Sunday. Herat fell on Friday."),
]


def events_after_importing(folder, extractor, order):
    from timeline_app.importers.base import content_hash

    with Store(folder / f"{'-'.join(map(str, order))}.db") as store:
        results = []
        for index in order:
            date_line, body = ARTICLES[index]
            text = f"{date_line}\n\n{body}"
            published = dt.date(2021, 8, 12 + index % 4)
            article = Article(text=text, published=published, content_hash=content_hash(text))
            results.append(ReadResult(folder / f"{index}.txt", article))
        store_articles(results, store, extractor)
        return sorted(
            (e["place"], e["status"], e["date"], len(e["sources"])) for e in store.events()
        )


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(range(len(ARTICLES))))
def test_results_do_not_depend_on_import_order(tmp_path_factory, extractor, order):
    folder = tmp_path_factory.mktemp("order")
    in_order = events_after_importing(folder, extractor, sorted(order))
    assert len(in_order) >= 5
    assert events_after_importing(folder, extractor, order) == in_order
