"""Drawing the map: provinces, the country's border, each place coloured by its
state on one day, labels that never overlap, the legend and the credit.

One function draws it for the window and for the PNG export, so that the
picture in a report is the picture on the screen.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from pyqtgraph import functions as pg_functions
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)  # fmt: skip

from .. import statuses
from ..geography import CountryMap, PlaceState, Projection, summary
from . import style

LAND = QColor("#F2F0EB")
PROVINCE_LINE = QColor("#C9C4BA")
BORDER = QColor("#6B6660")
QUIET = QColor("#8A8A8A")  # a place with no change reported
INK = QColor("#222222")


@dataclass
class Hit:
    place_id: str
    x: float
    y: float


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(8, round(px)))
    font.setBold(bold)
    return font


def _path(points, closed: bool) -> QPainterPath:
    """A line or ring of (lon, lat) points, unprojected: copied in one go into a
    polygon's buffer (a point at a time cost about 25 ms a country)."""
    polygon = pg_functions.create_qpolygonf(len(points))
    pg_functions.ndarray_from_qpolygonf(polygon)[:] = points
    path = QPainterPath()
    path.addPolygon(polygon)
    if closed:
        path.closeSubpath()
    return path


# The land of each country drawn, as paths in degrees, made once: built point
# by point at each paint (a new size, the first show) they took 80 ms of it;
# projected by the painter's transform instead (the projection is affine).
_LAND: dict[int, tuple] = {}


def _land_paths(country_map: CountryMap) -> tuple[list[QPainterPath], list[QPainterPath]]:
    kept = _LAND.get(id(country_map))
    if kept is None or kept[0] is not country_map:
        if len(_LAND) > 8:
            _LAND.clear()
        rings = [_path(ring, closed=True) for p in country_map.provinces for ring in p.rings]
        lines = [_path(line, closed=False) for line in country_map.outline]
        kept = _LAND[id(country_map)] = (country_map, rings, lines)
    return kept[1], kept[2]


def _bounds(country_map: CountryMap | None, states: list[PlaceState]):
    if country_map is not None:
        return country_map.bounds
    points = [(s.place.lon, s.place.lat) for s in states if s.place.lat is not None]
    if not points:
        return (-1.0, -1.0, 1.0, 1.0)
    lons, lats = zip(*points, strict=True)
    pad = 0.5
    return (min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad)


def legend_entries(states: list[PlaceState]) -> list[tuple[str | None, str]]:
    """(status or None, label) for what the map shows, in the table's order."""
    shown = {s.status for s in states}
    entries: list[tuple[str | None, str]] = [
        (status.name, status.label) for status in statuses.TABLE if status.name in shown
    ]
    entries.append((None, "no change reported"))
    if any(s.place.is_national_capital for s in states):
        entries.append(("capital", "national capital"))
    return entries


def paint_map(
    painter: QPainter,
    rect: QRectF,
    country_map: CountryMap | None,
    states: list[PlaceState],
    day: dt.date | None,
    *,
    scale: float = 1.0,
    selected: str | None = None,
    title: str = "",
    cache: dict | None = None,
) -> list[Hit]:
    """Draw the map into ``rect``; returns where each place was drawn.  With a
    ``cache`` (a dict kept by the caller) the provinces and border are drawn once
    per size and reused while the day changes (playing repaints every step), and
    each name with its halo drawn once and copied after (stroking 24 names took
    20-35 ms of every repaint: a click, a day of the map playing)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.fillRect(rect, QColor("white"))
    pad = 12 * scale
    caption_font, small_font, label_font = (
        _font(17 * scale, True),
        _font(11 * scale),
        _font(12 * scale),
    )
    caption_h = QFontMetricsF(caption_font).height() + QFontMetricsF(small_font).height() + pad
    credit_h = QFontMetricsF(small_font).height() + 4 * scale
    inner = QRectF(
        rect.left() + pad, rect.top() + caption_h + pad,
        rect.width() - 2 * pad, rect.height() - caption_h - credit_h - 2 * pad,
    )  # fmt: skip
    bounds = _bounds(country_map, states)
    area, legend = _layout(inner, bounds, legend_entries(states), small_font, scale)
    hits: list[Hit] = []
    if area.width() > 20 and area.height() > 20:
        projection = Projection.fit(bounds, area.left(), area.top(), area.width(), area.height())
        if country_map is not None:
            _paint_land_cached(painter, country_map, projection, scale, area, cache)
        labels = None if cache is None else cache.setdefault("labels", {})
        hits = _paint_places(
            painter, states, projection, scale, selected, label_font, area, labels
        )
    _paint_caption(painter, rect, pad, day, states, title, caption_font, small_font)
    _paint_legend(painter, legend, small_font, scale)
    _paint_credit(painter, rect, pad, country_map, small_font, credit_h)
    painter.restore()
    return hits


def _paint_land_cached(painter, country_map, projection, scale, area: QRectF, cache) -> None:
    if cache is None:
        _paint_land(painter, country_map, projection, scale)
        return
    ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
    key = (country_map.country, area.x(), area.y(), area.width(), area.height(), scale, ratio)
    if cache.get("key") != key:
        image = QImage(
            max(1, round(area.right() * ratio) + 2), max(1, round(area.bottom() * ratio) + 2),
            QImage.Format.Format_ARGB32_Premultiplied,
        )  # fmt: skip
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        land = QPainter(image)
        land.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint_land(land, country_map, projection, scale)
        land.end()
        cache.clear()
        cache.update(key=key, image=image)
    painter.drawImage(QPointF(0, 0), cache["image"])


def _paint_land(painter: QPainter, country_map: CountryMap, projection: Projection, scale):
    rings, lines = _land_paths(country_map)
    painter.save()
    p = projection
    painter.setTransform(QTransform(
        p.squeeze * p.factor, 0, 0, -p.factor,
        p.left - p.west * p.squeeze * p.factor, p.top + p.north * p.factor,
    ), True)  # fmt: skip
    pen = QPen(PROVINCE_LINE, max(0.6, 0.8 * scale))
    pen.setCosmetic(True)  # (its width in pixels, not in degrees)
    painter.setPen(pen)
    painter.setBrush(LAND)
    for path in rings:
        painter.drawPath(path)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    pen = QPen(BORDER, 1.6 * scale)
    pen.setCosmetic(True)
    painter.setPen(pen)
    for path in lines:
        painter.drawPath(path)
    painter.restore()


def _priority(state: PlaceState, selected: str | None) -> tuple:
    control = statuses.of(state.status).control if state.status else ""
    return (
        state.place.id != selected,
        not state.place.is_national_capital,
        {"fall": 0, "retake": 1, "threat": 2}.get(control, 3),
        state.place.name,
    )


def _paint_places(
    painter, states, projection, scale, selected, font, area, labels=None
) -> list[Hit]:
    # markers shrink on a small map so that neighbouring cities stay apart
    size = style.MARKER_PX * scale * min(1.0, max(0.6, min(area.width(), area.height()) / 420))
    hits = []
    for state in states:
        if state.place.lat is None or state.place.lon is None:
            continue
        x, y = projection.xy(state.place.lon, state.place.lat)
        hits.append(Hit(state.place.id, x, y))
    where = {hit.place_id: hit for hit in hits}
    # markers: quiet places first, so that the ones that changed hands sit on top
    order = sorted((s for s in states if s.place.id in where), key=lambda s: s.status is not None)
    for state in order:
        hit = where[state.place.id]
        centre = QPointF(hit.x, hit.y)
        if state.place.is_national_capital:
            painter.setPen(QPen(INK, 1.4 * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, size * 0.85, size * 0.85)
        if state.status is None:
            painter.setPen(QPen(QUIET, 1.2 * scale))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(centre, size * 0.3, size * 0.3)
        else:
            style.paint_symbol(painter, state.status, centre, size)
        if state.place.id == selected:
            painter.setPen(QPen(INK, 2 * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, size * 1.1, size * 1.1)
    _paint_labels(painter, order, where, scale, selected, font, area, size, labels)
    return hits


def _paint_labels(painter, states, where, scale, selected, font, area, size, labels) -> None:
    metrics = QFontMetricsF(font)
    taken: list[QRectF] = [
        QRectF(h.x - size / 2, h.y - size / 2, size, size) for h in where.values()
    ]
    names: list[QRectF] = []
    painter.setFont(font)
    gap = size * 0.7
    for state in sorted(states, key=lambda s: _priority(s, selected)):
        hit = where[state.place.id]
        text = state.place.name
        width, height = metrics.horizontalAdvance(text) + 2, metrics.height()
        candidates = (
            QRectF(hit.x + gap, hit.y - height / 2, width, height),
            QRectF(hit.x - gap - width, hit.y - height / 2, width, height),
            QRectF(hit.x - width / 2, hit.y - gap - height, width, height),
            QRectF(hit.x - width / 2, hit.y + gap, width, height),
        )
        for box in candidates:
            if not area.contains(box):
                continue
            # the capital's and the selected place's names may cover a neighbour's
            # marker, never another name
            obstacles = names if _must_label(state, selected) else taken
            if any(box.intersects(other) for other in obstacles):
                continue
            names.append(box)
            taken.append(box)
            strong = state.status is not None or state.place.id == selected
            if labels is None:
                _halo_text(painter, box, text, font, strong)
            else:
                _copy_halo_text(painter, box, text, font, strong, labels)
            break


def _must_label(state: PlaceState, selected: str | None) -> bool:
    return state.place.is_national_capital or state.place.id == selected


def _halo_text(painter: QPainter, box: QRectF, text: str, font: QFont, strong: bool) -> None:
    path = QPainterPath()
    baseline = box.top() + QFontMetricsF(font).ascent()
    path.addText(QPointF(box.left() + 1, baseline), font, text)
    painter.setPen(QPen(QColor(255, 255, 255, 230), 3, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))  # fmt: skip
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK if strong else QUIET.darker(130))
    painter.drawPath(path)


def _copy_halo_text(painter, box: QRectF, text, font, strong: bool, images: dict) -> None:
    """``_halo_text`` drawn once into an image kept in ``images``, then copied."""
    ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
    key = (text, font.toString(), strong, ratio, box.width(), box.height())
    image = images.get(key)
    if image is None:
        if len(images) > 2000:
            images.clear()
        image = QImage(
            math.ceil((box.width() + 4) * ratio), math.ceil((box.height() + 4) * ratio),
            QImage.Format.Format_ARGB32_Premultiplied,
        )  # fmt: skip
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        label = QPainter(image)
        label.setRenderHint(QPainter.RenderHint.Antialiasing)
        _halo_text(label, QRectF(2, 2, box.width(), box.height()), text, font, strong)
        label.end()
        images[key] = image
    painter.drawImage(QPointF(round(box.left()) - 2, round(box.top()) - 2), image)


def _paint_caption(painter, rect, pad, day, states, title, caption_font, small_font) -> None:
    painter.setPen(INK)
    painter.setFont(caption_font)
    top = rect.top() + pad
    when = f"{day.day} {day:%b %Y}" if day else "No dated change yet"
    heading = f"{title} · {when}" if title else when
    metrics = QFontMetricsF(caption_font)
    painter.drawText(
        QRectF(rect.left() + pad, top, rect.width() - 2 * pad, metrics.height()),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        metrics.elidedText(heading, Qt.TextElideMode.ElideRight, rect.width() - 2 * pad),
    )
    painter.setFont(small_font)
    painter.setPen(QColor("#555555"))
    painter.drawText(
        QRectF(
            rect.left() + pad,
            top + metrics.height(),
            rect.width() - 2 * pad,
            QFontMetricsF(small_font).height(),
        ),  # fmt: skip
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        summary(states) if states else "No places with coordinates in this database",
    )


def _layout(inner: QRectF, bounds, entries, font: QFont, scale: float):
    """The map's area and where each legend entry goes: in rows under the map,
    or in a column at its right when that leaves the map bigger (a wide pane)."""
    metrics = QFontMetricsF(font)
    row_h = metrics.height() + 6 * scale
    widths = [22 * scale + metrics.horizontalAdvance(label) + 14 * scale for _, label in entries]
    rows: list[list[int]] = [[]]
    used = 0.0
    for index, width in enumerate(widths):
        if rows[-1] and used + width > inner.width():
            rows.append([])
            used = 0.0
        rows[-1].append(index)
        used += width
    below_h = len(rows) * row_h + 4 * scale
    below = QRectF(inner.left(), inner.top(), inner.width(), inner.height() - below_h)
    column_w = max(widths) + 4 * scale
    beside = QRectF(inner.left(), inner.top(), inner.width() - column_w, inner.height())
    fits_beside = len(entries) * row_h <= inner.height()

    def factor(area: QRectF) -> float:
        if area.width() <= 0 or area.height() <= 0:
            return 0.0
        return Projection.fit(bounds, 0, 0, area.width(), area.height()).factor

    placed = []
    if fits_beside and factor(beside) > factor(below):
        top = inner.top() + (inner.height() - len(entries) * row_h) / 2
        for index, (status, label) in enumerate(entries):
            placed.append(
                (
                    status,
                    label,
                    QRectF(beside.right() + 4 * scale, top + index * row_h, widths[index], row_h),
                )
            )
        return beside, placed
    for r, row in enumerate(rows):
        x = inner.left()
        for index in row:
            status, label = entries[index]
            placed.append(
                (
                    status,
                    label,
                    QRectF(x, below.bottom() + 4 * scale + r * row_h, widths[index], row_h),
                )
            )
            x += widths[index]
    return below, placed


def _paint_legend(painter, placed, font, scale) -> None:
    painter.setFont(font)
    for status, label, box in placed:
        centre = QPointF(box.left() + 8 * scale, box.center().y())
        if status is None:
            painter.setPen(QPen(QUIET, 1.2 * scale))
            painter.setBrush(QColor("white"))
            painter.drawEllipse(centre, 4 * scale, 4 * scale)
        elif status == "capital":
            painter.setPen(QPen(INK, 1.4 * scale))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, 7 * scale, 7 * scale)
        else:
            style.paint_symbol(painter, status, centre, 12 * scale)
        painter.setPen(INK)
        painter.drawText(
            QRectF(box.left() + 20 * scale, box.top(), box.width(), box.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )


def _paint_credit(painter, rect, pad, country_map, font, credit_h) -> None:
    text = (
        "Boundaries: Natural Earth (public domain)"
        if country_map
        else "No outline ships for this country"
    )
    if country_map is not None and country_map.note:
        text += f" · {country_map.note}"
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    painter.setPen(QColor("#777777"))
    width = rect.width() - 2 * pad
    painter.drawText(
        QRectF(rect.left() + pad, rect.bottom() - credit_h, width, credit_h),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        metrics.elidedText(text, Qt.TextElideMode.ElideRight, width),
    )
