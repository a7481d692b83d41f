import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.extraction.dates import find_dates, parse_date_string

THURSDAY = dt.date(2021, 8, 12)


def resolved(text, published=THURSDAY, **kwargs):
    return [(text[m.start : m.end], m.date and m.date.isoformat(), m.precision)
            for m in find_dates(text, published=published, **kwargs)]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("under threat Thursday", "2021-08-12"),
        ("On Tuesday, the militants", "2021-08-10"),
        ("On Wednesday, in the north", "2021-08-11"),
        ("late Thursday", "2021-08-12"),
        ("Thursday night", "2021-08-12"),
        ("last Thursday", "2021-08-05"),
        # that weekday of the calendar week before (Monday 2 to Sunday 8 August)
        ("last week on Wednesday", "2021-08-04"),
        ("on Wednesday last week", "2021-08-04"),
        ("on Sunday last week", "2021-08-08"),
        ("on Friday", "2021-08-06"),
        ("yesterday", "2021-08-11"),
        ("Aug. 6", "2021-08-06"),
        ("August 6", "2021-08-06"),
        ("6 August", "2021-08-06"),
        ("Aug 6, 2020", "2020-08-06"),
        ("Dec. 30", "2020-12-30"),
    ],
)
def test_day_expressions_resolve_against_the_publication_date(text, expected):
    found = resolved(text)
    assert len(found) == 1
    assert found[0][1:] == (expected, "day")


def test_weekday_followed_by_an_explicit_date_takes_the_explicit_date():
    assert resolved("on Sunday (Aug 15)", published=dt.date(2021, 8, 16)) == [
        ("Sunday (Aug 15", "2021-08-15", "day")
    ]


def test_relative_days_count_from_the_previous_event():
    anchor = dt.date(2021, 8, 6)
    found = resolved(
        "the next day, a day later, two days earlier, on the same day", event_anchor=anchor
    )
    assert [d for _, d, _ in found] == ["2021-08-07", "2021-08-07", "2021-08-04", "2021-08-06"]


def test_coarse_periods_have_a_coarse_precision():
    assert resolved("last week") == [("last week", "2021-08-05", "week")]
    assert resolved("in recent months")[0][2] == "month"


def test_a_duration_is_a_span_ending_at_the_anchor():
    [mention] = find_dates("under siege for over three months", published=THURSDAY)
    assert (mention.date, mention.end_date, mention.precision) == (
        dt.date(2021, 5, 14), THURSDAY, "month")  # fmt: skip


@pytest.mark.parametrize(
    "text", ["we", "a five-hour drive", "the 10th and 11th to fall", "May we", "March on"]
)
def test_words_that_are_not_dates(text):
    assert resolved(text) == []


def test_without_a_publication_date_only_absolute_dates_resolve():
    found = resolved("On Tuesday and on Aug. 6, 2021 and yesterday", published=None)
    assert [(t, d) for t, d, _ in found] == [
        ("Tuesday", None), ("Aug. 6, 2021", "2021-08-06"), ("yesterday", None)]  # fmt: skip


def test_next_weekday_is_a_plan_not_an_event_date():
    assert resolved("talks will resume next Monday") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-08-12", "2021-08-12"), ("2021-08-12T10:00:00Z", "2021-08-12"),
     ("Published Aug. 12, 2021", "2021-08-12"), ("Updated 13 Aug, 2021", "2021-08-13"),
     ("August 12 2021 10:32 AM", "2021-08-12"), ("yesterday", None), ("", None)],
)  # fmt: skip
def test_metadata_date_strings(value, expected):
    parsed = parse_date_string(value)
    assert (parsed.isoformat() if parsed else None) == expected


def test_weekdays_found_from_their_names_are_those_of_the_pattern():
    from timeline_app.extraction.dates import _WEEKDAY, _weekday_matches

    text = (
        "Late Tuesday night and last Monday, this  Sunday morning, xMonday, Mondays, "
        "next Friday; Sunday Monday. It was early Saturday. late\nWednesday"
    )
    found = [m.span() for m in _weekday_matches(text, 0, len(text))]
    assert found == [m.span() for m in _WEEKDAY.finditer(text)]
    assert len(found) == 8


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fell on Aug. 6, 2021, after", [("Aug. 6, 2021", "2021-08-06")]),
        ("the PostAug. 6 edition and Aug. 7", [("Aug. 7", "2021-08-07")]),
        ("code x12 August, then 13 August", [("13 August", "2021-08-13")]),
        ("ref A2021-08-06 and 2021-08-07", [("2021-08-07", "2021-08-07")]),
        ("(Aug. 8) and [9 August]", [("Aug. 8", "2021-08-08"), ("9 August", "2021-08-09")]),
    ],
)
def test_a_date_is_read_only_where_a_word_begins(text, expected):
    """A month or a day glued to the word before it ("PostAug. 6") is no date;
    the date after it in the same sentence still is."""
    found = [(words, date) for words, date, precision in resolved(text) if precision == "day"]
    assert found == expected


_GLUE = st.sampled_from(["Aug. 6", "6 August", "2021-08-06", "x", "Aug", "12", " ", ".", "-"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_GLUE, st.text(max_size=6)), max_size=12).map("".join))
def test_dates_are_found_as_the_word_bounded_patterns_find_them(text):
    """The fast scan of days of the month finds exactly what the patterns with
    their leading word boundary find, glued words and all."""
    from timeline_app.extraction import dates

    bounded = (dates.ISO_DATE, dates.MONTH_DAY, dates.DAY_MONTH)
    for fast, pattern in zip(dates._FULL_DATES, bounded, strict=True):
        found = dates._at_word_starts(fast, text, 0, len(text))
        assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # by the calendar, not thirty days back: on March 31 "last month" is February
        ("last month", dt.date(2025, 3, 31), ("2025-02-15", "month")),
        ("earlier this month", dt.date(2025, 3, 2), ("2025-03-01", "month")),
        ("late last month", dt.date(2025, 2, 16), ("2025-01-26", "week")),
        ("at the end of last month", dt.date(2025, 2, 16), ("2025-01-26", "week")),
        ("early last month", dt.date(2021, 8, 12), ("2021-07-05", "week")),
        ("in mid-July", THURSDAY, ("2021-07-15", "week")),
        ("Late July", THURSDAY, ("2021-07-26", "week")),
        ("in early August", THURSDAY, ("2021-08-05", "week")),
        ("in July", THURSDAY, ("2021-07-15", "month")),
        # a month after the publication's is last year's; this month's stops at the day
        ("in December", THURSDAY, ("2020-12-15", "month")),
        ("in August", dt.date(2021, 8, 3), ("2021-08-03", "month")),
        ("in late December 2024", dt.date(2025, 2, 16), ("2024-12-26", "week")),
    ],
)
def test_months_and_parts_of_months_without_a_day(text, published, expected):
    [(_, date, precision)] = resolved(text, published)
    assert (date, precision) == expected


@pytest.mark.parametrize(
    "text", ["held since May", "the May 4 Declaration", "the rebels may take it",
             "the March 23 Movement", "April said"]
)
def test_a_month_name_alone_is_no_date_without_a_word_that_makes_it_a_time(text):
    assert resolved(text) == []


def test_a_month_without_its_day_in_an_undated_article_stays_unknown():
    assert resolved("in July", published=None) == [("in July", None, "unknown")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("over the weekend", dt.date(2024, 12, 2), "2024-11-30"),  # a Monday
        ("last weekend", dt.date(2024, 12, 4), "2024-11-30"),
        ("last weekend", dt.date(2024, 12, 1), "2024-11-23"),  # a Sunday: the one before
        ("during the weekend", dt.date(2024, 12, 1), "2024-11-30"),
    ],
)
def test_a_weekend_is_its_saturday_with_the_precision_of_a_week(text, published, expected):
    assert resolved(text, published) == [(text, expected, "week")]


_MONTH_PARTS = st.sampled_from(
    ["in ", "In ", "late ", "early ", "mid-", "the end of ", "at ", "since ", "during ", "x",
     "January", "May", "July 2024", " 6", ", ", " ", "Mayor", "\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_MONTH_PARTS, st.text(max_size=4)), max_size=10).map("".join))
def test_months_found_from_their_names_are_those_of_the_pattern(text):
    """The scan that starts from month names finds what the pattern finds."""
    from timeline_app.extraction import dates

    fast = [m.span() for m in dates._months_only(text, 0, len(text))]
    assert fast == [m.span() for m in dates._MONTH_ONLY.finditer(text)]


def test_a_count_of_days_or_weeks_back_counts_from_the_publication_date():
    published = dt.date(2020, 11, 19)
    assert resolved("Shire has fallen three days back", published=published) == [
        ("three days back", "2020-11-16", "day")]  # fmt: skip
    assert resolved("two days ago and a week ago", published=published) == [
        ("two days ago", "2020-11-17", "day"), ("a week ago", "2020-11-12", "week")]  # fmt: skip
    assert resolved("a few days ago", published=published) == [
        ("a few days ago", "2020-11-16", "week")]  # fmt: skip
    # a vague count names no day
    assert resolved("began more than four weeks ago", published=published) == []


def test_a_date_in_brackets_says_which_this_morning_was():
    published = dt.date(2020, 3, 24)
    assert resolved("occupied this morning (Monday 23 March) by fighters", published=published) \
        == [("this morning (Monday 23 March", "2020-03-23", "day")]  # fmt: skip


def test_a_vague_count_of_days_after_an_event_counts_none():
    anchor = dt.date(2014, 9, 2)
    assert resolved("several days after that of Gamboru", event_anchor=anchor) == []
    assert resolved("three days after", event_anchor=anchor) == [
        ("three days after", "2014-09-05", "day")]  # fmt: skip
