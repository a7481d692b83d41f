"""Date axis ticks that stay readable from years down to hours.

Given a visible time range and a width in pixels, pick the finest calendar
step whose labels do not crowd (at least ``min_pixels`` apart) and label each
tick with just what changes at that step.
"""

from __future__ import annotations

import datetime as dt
import math

HOUR = 3600
DAY = 24 * HOUR
# (step name, approximate seconds, label format)
STEPS = [
    ("1h", HOUR, "%H:%M"), ("3h", 3 * HOUR, "%H:%M"), ("6h", 6 * HOUR, "%H:%M"),
    ("12h", 12 * HOUR, "%H:%M"), ("1d", DAY, "%d %b"), ("2d", 2 * DAY, "%d %b"),
    ("1w", 7 * DAY, "%d %b"), ("2w", 14 * DAY, "%d %b"), ("1m", 30 * DAY, "%b %Y"),
    ("3m", 91 * DAY, "%b %Y"), ("6m", 182 * DAY, "%b %Y"), ("1y", 365 * DAY, "%Y"),
    ("5y", 5 * 365 * DAY, "%Y"), ("10y", 10 * 365 * DAY, "%Y"),
]  # fmt: skip
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# Ticks are only made between these (a ten-year step floors and advances by ten
# years: datetime's years 1 and 9999 must stay out of reach).
FIRST = (dt.datetime(100, 1, 1, tzinfo=dt.UTC) - EPOCH).total_seconds()
LAST = (dt.datetime(9900, 1, 1, tzinfo=dt.UTC) - EPOCH).total_seconds()


def _floor(moment: dt.datetime, step: str) -> dt.datetime:
    if step.endswith("h"):
        hours = int(step[:-1])
        return moment.replace(minute=0, second=0, microsecond=0, hour=moment.hour // hours * hours)
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    if step in ("1d", "2d"):
        return day
    if step in ("1w", "2w"):
        return day - dt.timedelta(days=day.weekday())  # Mondays
    if step.endswith("m"):
        months = int(step[:-1])
        return day.replace(day=1, month=(day.month - 1) // months * months + 1)
    years = int(step[:-1])
    return day.replace(day=1, month=1, year=day.year // years * years)


def _advance(moment: dt.datetime, step: str) -> dt.datetime:
    count, unit = int(step[:-1]), step[-1]
    if unit == "h":
        return moment + dt.timedelta(hours=count)
    if unit == "d":
        return moment + dt.timedelta(days=count)
    if unit == "w":
        return moment + dt.timedelta(weeks=count)
    if unit == "m":
        month = moment.month - 1 + count
        return moment.replace(year=moment.year + month // 12, month=month % 12 + 1)
    return moment.replace(year=moment.year + count)


def _room(step_seconds: float) -> float:
    """Events are dated to the day: hours only once a day is wide enough to
    read them, so that "12:00" lines do not suggest a time of day."""
    return 2.0 if step_seconds < DAY else 1.0


def ticks(
    start: float, end: float, pixels: float, min_pixels: float = 90
) -> list[tuple[float, str]]:
    """(seconds since 1970, label) for ticks within [start, end]; any range is
    safe (a database may hold an event dated 0001-01-01 or 9999-12-20)."""
    if not all(math.isfinite(v) for v in (start, end, pixels)):
        return []
    start, end = max(start, FIRST), min(end, LAST)
    if end <= start or pixels <= 0:
        return []
    seconds_per_pixel = (end - start) / pixels
    name, _, fmt = next(
        (s for s in STEPS if s[1] / seconds_per_pixel >= min_pixels * _room(s[1])),
        STEPS[-1],
    )
    moment = _floor(EPOCH + dt.timedelta(seconds=start), name)
    result = []
    while (t := (moment - EPOCH).total_seconds()) <= end and len(result) < 500:
        if t >= start:
            result.append((t, _label(moment, fmt)))
        moment = _advance(moment, name)
    return result


def _label(moment: dt.datetime, fmt: str) -> str:
    """Hour ticks show the time, except at midnight, where the day is what changes."""
    if "%H" in fmt and moment.hour == 0:
        fmt = "%d %b"
    text = moment.strftime(fmt)
    return text.lstrip("0") if fmt.startswith("%d") else text
