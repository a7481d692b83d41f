"""--published far outside the news age overflowed in date arithmetic (0001-01-01)
or was stored and then crashed the drawing (9999-12-20): argparse refuses it."""

import datetime as dt

import pytest

from timeline_app.cli import build_parser, main


@pytest.mark.parametrize("command", ["import", "explain"])
@pytest.mark.parametrize("value", ["0001-01-01", "1899-12-31", "9999-12-20"])
def test_an_absurd_publication_date_is_a_usage_error(tmp_path, capsys, monkeypatch, command, value):
    monkeypatch.setenv("TIMELINE_APP_DB", str(tmp_path / "timeline.db"))  # never the user's
    article = tmp_path / "a.txt"
    article.write_text("The Taliban captured Herat on Tuesday, officials said.")
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--published", value, str(article)])
    assert exit_info.value.code == 2
    [*_, last] = capsys.readouterr().err.splitlines()
    assert last.endswith(
        f"argument --published: {value} is outside 1900-01-01 .. {_limit().isoformat()}"
    ), last
    assert not (tmp_path / "timeline.db").exists()


def test_the_range_is_1900_to_a_year_from_today():
    parse = build_parser().parse_args
    assert parse(["import", "--published", "1900-01-01", "x"]).published == dt.date(1900, 1, 1)
    limit = _limit()
    assert parse(["import", "--published", limit.isoformat(), "x"]).published == limit
    with pytest.raises(SystemExit):
        parse(["import", "--published", (limit + dt.timedelta(days=1)).isoformat(), "x"])


def _limit():
    today = dt.date.today()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year + 1, day=28)
