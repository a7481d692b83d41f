"""Anything typed into a search: never an exception; bad full-text syntax is a phrase search."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline_app.services import import_paths


@pytest.fixture
def searchable(tmp_path_factory, sample_path):
    from timeline_app.storage import Store

    store = Store(tmp_path_factory.mktemp("search") / "s.db")
    import_paths([sample_path], store)
    yield store
    store.close()


@pytest.mark.parametrize(
    "query",
    ['"', "*", "AND(", "NEAR", "NEAR(", "Ghazni AND", "OR OR", "🙂", "x" * 10_000,
     "Kandahar NOT", "title:", "^", "-", "a:b:c", "\x00", "' OR 1=1 --"],
)  # fmt: skip
def test_hostile_queries_do_not_raise(searchable, query):
    assert isinstance(searchable.search_articles(query), list)


def test_valid_queries_find_the_article(searchable):
    assert searchable.search_articles("Ghazni governor") == [1]
    assert searchable.search_articles('"provincial capitals"') == [1]
    assert searchable.search_articles("siege*") == [1]


def test_broken_syntax_becomes_a_phrase_search(searchable):
    assert searchable.search_articles("under siege AND(") == []  # not a phrase in the text
    assert searchable.search_articles('Kunduz city"') == [1]  # the phrase is in the text


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=200))
def test_any_text_is_a_valid_search(searchable, query):
    assert isinstance(searchable.search_articles(query), list)
