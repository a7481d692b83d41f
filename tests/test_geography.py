"""The map's core, without a display: shipped outlines, which map a database
gets, where places fall on it, and each place's state on a given day."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from tests.test_consensus import QALA_AGAIN, QALA_FALL, QALA_RETAKEN, add
from timeline_app import geography
from timeline_app.consensus import changes_of_control, default_periods
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.paths import package_data
from timeline_app.storage import Store

D = dt.date

HERAT_FIGHTING = (
    "Valley Daily", "2021-07-30",
    "Fierce fighting raged inside Herat on Friday as Taliban fighters pushed into"
    " the city, officials said.",
)  # fmt: skip


def inside(point, ring: np.ndarray) -> bool:
    """Ray casting: is (lon, lat) inside the polygon ``ring``?"""
    x, y = point
    xs, ys = ring[:, 0], ring[:, 1]
    xs2, ys2 = np.roll(xs, -1), np.roll(ys, -1)
    crosses = (ys > y) != (ys2 > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = xs + (y - ys) * (xs2 - xs) / (ys2 - ys)
    return bool(np.count_nonzero(crosses & (x < at)) % 2)


def test_every_shipped_map_loads_with_its_provinces_and_border():
    countries = geography.shipped_countries()
    assert {"AF", "CD"} <= set(countries)
    for country in countries:
        country_map = geography.shipped_map(country)
        assert country_map.country == country and "Natural Earth" in country_map.source
        assert country_map.provinces and country_map.outline
        for province in country_map.provinces:
            assert province.iso.startswith(country + "-"), province
            assert all(len(ring) >= 3 for ring in province.rings)
    afghanistan = geography.shipped_map("AF")
    # the two provinces Natural Earth's copy names after their parents are corrected
    assert len({p.iso for p in afghanistan.provinces}) == 34
    assert {"AF-PAN", "AF-DAY"} <= {p.iso for p in afghanistan.provinces}


@pytest.mark.parametrize("places_file", sorted(p.name for p in package_data().glob("*.csv")))
def test_every_shipped_place_lies_inside_its_country_on_the_map(places_file):
    gazetteer = Gazetteer.load(package_data() / places_file)
    country_map = geography.map_for(list(gazetteer.places.values()))
    assert country_map is not None
    rings = [ring for province in country_map.provinces for ring in province.rings]
    vertices = np.concatenate(rings)

    def on_the_map(p) -> bool:  # inside, or on the shore of a border lake (Goma, Bukavu)
        near = np.hypot(vertices[:, 0] - p.lon, vertices[:, 1] - p.lat).min() <= 0.05
        return near or any(inside((p.lon, p.lat), ring) for ring in rings)

    assert [p.name for p in gazetteer.places.values() if not on_the_map(p)] == []


# DR Congo: Natural Earth draws the 11 provinces of before 2015, not the places
# file's 26. Sudan and Myanmar: two capitals of units newer than Natural Earth's
# (West Kordofan's El Fula, Naypyidaw; timeline_app/data/SOURCES.md), and West
# Kordofan's town En Nahud. Quneitra lies in the UN buffer zone, which Natural
# Earth draws as an area of its own.
OWN_PROVINCE_EXCEPTIONS = {"El Fula", "En Nahud", "Naypyidaw", "Quneitra"}


def in_or_on_the_shore(place, province) -> bool:
    """Inside, or within 0.03 degree (3 km) of the rounded coast of a port."""
    vertices = np.concatenate(province.rings)
    if np.hypot(vertices[:, 0] - place.lon, vertices[:, 1] - place.lat).min() <= 0.03:
        return True
    return any(inside((place.lon, place.lat), ring) for ring in province.rings)


@pytest.mark.parametrize(
    "places_file", sorted(p.name for p in package_data().glob("*.csv") if p.name != "drc.csv")
)
def test_capitals_and_towns_lie_in_their_own_province(places_file):
    gazetteer = Gazetteer.load(package_data() / places_file)
    country_map = geography.map_for(list(gazetteer.places.values()))
    provinces = {p.iso: p for p in country_map.provinces}
    wrong = [
        (p.name, p.iso_code) for p in gazetteer.places.values()
        if p.name not in OWN_PROVINCE_EXCEPTIONS and (
            p.iso_code not in provinces or not in_or_on_the_shore(p, provinces[p.iso_code])
        )
    ]  # fmt: skip
    assert wrong == []


def test_a_country_without_a_shipped_map_gets_none():
    assert geography.shipped_map("ZZ") is None
    assert geography.shipped_map("../x") is None
    assert geography.map_for([]) is None


def test_the_projection_keeps_the_country_in_its_rectangle_and_its_shape():
    bounds = geography.shipped_map("AF").bounds
    projection = geography.Projection.fit(bounds, 10, 20, 400, 400)
    west, south, east, north = bounds
    corners = projection.many(np.array([[west, north], [east, south]]))
    (x0, y0), (x1, y1) = corners
    assert 10 <= x0 < x1 <= 410.001 and 20 <= y0 < y1 <= 420.001
    # one degree of latitude is longer than one of longitude at 34 degrees north
    assert (x1 - x0) / (east - west) == pytest.approx(
        (y1 - y0) / (north - south) * np.cos(np.radians((south + north) / 2))
    )
    # centred: the same margin left and right
    assert x0 - 10 == pytest.approx(410 - x1)


def _states(store: Store, day: dt.date) -> dict[str, str | None]:
    content = geography.content(store, default_periods(store))
    states = content.states(day)
    return {s.place.name: s.status for s in states}


def test_a_place_is_fallen_from_its_fall_retaken_after_and_fallen_again(store, tmp_path):
    add(store, tmp_path / "articles", QALA_FALL, QALA_RETAKEN, QALA_AGAIN)
    assert _states(store, D(2021, 7, 6))["Qala-e-Naw"] is None
    assert _states(store, D(2021, 7, 7))["Qala-e-Naw"] == "captured"
    assert _states(store, D(2021, 7, 9))["Qala-e-Naw"] == "retaken"
    assert _states(store, D(2021, 8, 9))["Qala-e-Naw"] == "retaken"
    assert _states(store, D(2021, 8, 10))["Qala-e-Naw"] == "captured"
    # a place nothing reported stays in the list, with no state
    assert _states(store, D(2021, 8, 10))["Herat"] is None


def test_a_threat_shows_for_two_weeks_then_fades(store, tmp_path):
    add(store, tmp_path / "articles", HERAT_FIGHTING)
    assert _states(store, D(2021, 7, 29))["Herat"] is None
    assert _states(store, D(2021, 7, 30))["Herat"] == "contested"
    assert _states(store, D(2021, 8, 12))["Herat"] == "contested"
    assert _states(store, D(2021, 8, 14))["Herat"] is None


def test_the_summary_counts_fallen_threatened_and_retaken(store, tmp_path):
    add(store, tmp_path / "articles", QALA_FALL, QALA_RETAKEN, HERAT_FIGHTING)
    content = geography.content(store, default_periods(store))
    states = content.states(D(2021, 7, 8))
    assert geography.summary(states) == "1 of 34 fallen"
    states = content.states(D(2021, 7, 31))
    assert geography.summary(states) == "0 of 34 fallen · 1 threatened · 1 retaken"


def test_a_database_for_another_country_gets_that_country_s_map(tmp_path):
    from timeline_app.services import import_paths

    article = tmp_path / "goma.txt"
    article.write_text("Published Jan. 29, 2025\n\nM23 rebels captured Goma on Monday.\n")
    gazetteer = Gazetteer.load(package_data() / "drc.csv")
    with Store(tmp_path / "congo.db") as store:
        store.sync_places(list(gazetteer.places.values()))
        import_paths([article], store, gazetteer)
        content = geography.content(store, default_periods(store))
        assert content.country_map.country == "CD"
        assert content.country_name == "DR Congo"
        assert len(content.places) == len(list(gazetteer.places.values()))
        assert content.default_day() == D(2025, 1, 27)
        assert changes_of_control(store.control_reports())[0].place == "Goma"
        assert _states(store, D(2025, 1, 27))["Goma"] == "captured"
        assert _states(store, D(2025, 1, 26))["Goma"] is None


def test_an_analysts_places_without_codes_still_get_their_country_s_map(tmp_path):
    """An analyst's own places file needs no ISO codes: the country's name picks the
    map that ships for it, and its places stay on it."""
    from timeline_app.services import import_paths

    places = tmp_path / "afrin.csv"
    places.write_text("place,province,country,lat,lon\nAfrin,Aleppo,Syria,36.51,36.87\n"
                      "Damascus,Damascus,Syria,33.51,36.29\n")  # fmt: skip
    article = tmp_path / "afrin.txt"
    article.write_text("Published March 19, 2018\n\nRebels captured Afrin on Sunday.\n")
    gazetteer = Gazetteer.load(places)
    with Store(tmp_path / "afrin.db") as store:
        store.sync_places(list(gazetteer.places.values()))
        import_paths([article], store, gazetteer)
        content = geography.content(store, default_periods(store))
        assert content.country_map is not None and content.country_map.country == "SY"
        assert {p.name for p in content.places} == {"Afrin", "Damascus"}
        assert content.default_day() == D(2018, 3, 18)
