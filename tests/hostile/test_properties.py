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



# Sentences of a report, most of them with an event: who, a verb, the words between
# it and a place, the place, when, what was said of it, and a place before them all;
# some in one sentence, whose places then share its words (and the rules they let in).
_CLAIMS = st.lists(
    st.tuples(
        st.sampled_from(["The Taliban", "Fighters", "Insurgents", "Government forces", "It"]),
        st.sampled_from(["captured", "seized", "claimed to have seized", "did not take",
                         "could capture", "retook", "besieged", "said they had entered",
                         "denied losing", "were fighting for", "surrounded", "overran",
                         "liberated", "took control of", "withdrew from", "took"]),
        st.sampled_from(["", "the city of ", "the provincial capital of ", "most of ",
                         "the outskirts of ", "three districts near ", "parts of ",
                         "weapons in ", "the airport of ", "a base outside ",
                         "the police chief of ", "hundreds of soldiers in ", "a road to "]),
        st.sampled_from(["Kunduz", "Herat", "Ghazni", "Kandahar", "Taloqan", "Helmand"]),
        st.sampled_from(["", " on Tuesday", " last week", " on Aug. 6", " in 1996",
                         " a day later"]),
        st.sampled_from(["", ", officials said", ", though the government denied it",
                         ", according to residents", " and Herat", ", the group said"]),
        st.sampled_from(["", "In Herat, ", "Kunduz, where "]),
        st.sampled_from([". ", ", and ", "; ", " while "]),
    ).map(lambda parts: "".join((parts[6], parts[0], " ", *parts[1:6], parts[7]))),
    min_size=1, max_size=6,
).map(lambda claims: "".join(claims).rstrip(",;: ") + ".")  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(text=_CLAIMS)
def test_what_the_extractor_keeps_between_places_changes_no_event(extractor, text):
    """The searches kept for recurring pieces (the words of a trigger, the gap before
    a place) and the rules left once they are known give what asking every rule at
    every place gives."""
    from unittest import mock

    from timeline_app.extraction import extract

    def events():
        return [(e.place_id, e.status, e.date, [(v.start, v.because) for v in e.evidence])
                for e in extractor.extract(Article(text=text, published=PUBLISHED))]  # fmt: skip

    kept = events()
    with (mock.patch.object(extract, "PIECE_CHARS", -1),
          mock.patch.object(extract, "_unpruned", lambda site, live: live)):  # fmt: skip
        assert events() == kept
