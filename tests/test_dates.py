import datetime as dt

import pytest

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
