import datetime as dt

from timeline_app.timeaxis import ticks

T0 = dt.datetime(2021, 8, 10, tzinfo=dt.UTC).timestamp()
DAY = 86400


def labels(span_seconds, pixels):
    return [label for _, label in ticks(T0, T0 + span_seconds, pixels)]


def test_days_when_a_few_days_fill_the_width():
    assert labels(3 * DAY, 400) == ["10 Aug", "11 Aug", "12 Aug", "13 Aug"]


def test_hours_when_zoomed_in_with_the_day_at_midnight():
    assert labels(DAY, 1200)[:3] == ["10 Aug", "06:00", "12:00"]


def test_months_and_years_when_zoomed_out():
    assert labels(200 * DAY, 800)[:2] == ["Sep 2021", "Oct 2021"]
    assert labels(12 * 365 * DAY, 2000)[:2] == ["2022", "2023"]
    assert labels(12 * 365 * DAY, 800)[:2] == ["2025", "2030"]


def test_labels_never_crowd():
    for span in (3600, DAY, 30 * DAY, 3650 * DAY):
        found = ticks(T0, T0 + span, 600, min_pixels=90)
        gaps = [b[0] - a[0] for a, b in zip(found, found[1:], strict=False)]
        assert all(gap / span * 600 >= 85 for gap in gaps)


def test_empty_range():
    assert ticks(T0, T0, 500) == []
