"""The timeline as a PNG for a report: title, legend, lane labels, date axis, markers.

Drawn with QPainter straight from the numpy arrays rather than by grabbing the
window, so that the picture has the requested width with fonts scaled to it,
does not depend on the window's zoom or size, and renders headless (the
offscreen Qt platform) for ``timeline-app export-png``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from .. import timeaxis
from ..model import STATUSES
from ..timeline_data import DAY, DISAGREE, REVIEWED, TimelineData, to_x
from . import style
from .markers import (
    MarkerPainter,
    bin_markers,
    paint_dissent_ranges,
    paint_source_rings,
    span_pen,
)

BASE_WIDTH = 1920.0


def render_timeline(
    data: TimelineData,
    width: int = 1920,
    *,
    start: float | None = None,
    end: float | None = None,
    title: str = "",
    subtitle: str = "",
) -> QImage:
    """Draw the events between ``start`` and ``end`` (seconds) on a new image."""
    scale = width / BASE_WIDTH
    first, last = data.span()
    pad = max(DAY, (last - first) * 0.03)
    start = first - pad if start is None else start
    end = last + pad if end is None else end
    layout = _Layout(data, width, scale)
    image = QImage(width, layout.height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _draw_header(painter, layout, title, subtitle, consensus=data.consensus)
    _draw_lanes(painter, layout, data)
    _draw_axis(painter, layout, start, end)
    _draw_events(painter, layout, data, start, end)
    painter.end()
    return image


class _Layout:
    def __init__(self, data: TimelineData, width: int, scale: float) -> None:
        self.scale = scale
        self.width = width
        self.font = _font(11 * scale)
        self.small = _font(10 * scale)
        self.title_font = _font(20 * scale, bold=True)
        names = [lane.name for lane in data.lanes] or ["(no dated events)"]
        label_width = max(QFontMetricsF(self.font).horizontalAdvance(n) for n in names)
        self.row = max(14.0, 26 * scale)
        self.left = 24 * scale + label_width + 16 * scale
        self.right = width - 30 * scale
        self.top = 118 * scale
        self.lanes = max(1, len(data.lanes))
        self.bottom = self.top + self.lanes * self.row
        self.height = int(self.bottom + 62 * scale)

    def x_of(self, seconds, start: float, end: float):
        return self.left + (seconds - start) / (end - start) * (self.right - self.left)

    def y_of(self, lane):
        return self.top + (lane + 0.5) * self.row


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(8, round(pixels)))
    font.setBold(bold)
    return font


def _draw_header(
    painter: QPainter, layout: _Layout, title: str, subtitle: str, *, consensus: bool = False
) -> None:
    s = layout.scale
    painter.setPen(QColor("#111111"))
    painter.setFont(layout.title_font)
    painter.drawText(QPointF(24 * s, 38 * s), title or "Timeline")
    painter.setFont(layout.small)
    painter.setPen(QColor("#555555"))
    painter.drawText(QPointF(24 * s, 60 * s), subtitle)
    x = 24 * s
    atlas = style.symbol_atlas(round(14 * s))
    cell = atlas.height()
    painter.setFont(layout.font)
    metrics = QFontMetricsF(layout.font)
    for index, status in enumerate(STATUSES):
        painter.drawImage(QPointF(x, 88 * s - cell / 2), atlas, QRectF(index * cell, 0, cell, cell))
        x += cell + 4 * s
        painter.setPen(QColor("#222222"))
        painter.drawText(QPointF(x, 88 * s + metrics.capHeight() / 2), status)
        x += metrics.horizontalAdvance(status) + 22 * s
    pen = span_pen("besieged", max(3, 8 * s / 3))
    painter.setPen(pen)
    painter.drawLine(QPointF(x, 88 * s), QPointF(x + 30 * s, 88 * s))
    painter.setPen(QColor("#222222"))
    painter.drawText(QPointF(x + 36 * s, 88 * s + metrics.capHeight() / 2), "span (siege)")
    x += 36 * s + metrics.horizontalAdvance("span (siege)") + 22 * s
    extras = [("reviewed", "reviewed by an analyst")]
    if consensus:
        extras = [("ring", "ring: 2+ independent sources"), ("bar", "other dates reported"),
                  *extras]  # fmt: skip
    else:
        extras.append(("disagree", "sources disagree"))
    y = 88 * s
    for kind, label in extras:
        if kind == "ring":
            painter.setPen(QPen(QColor("#333333"), max(1.2, 1.6 * s)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x + 9 * s, y), 8 * s, 8 * s)
        elif kind == "bar":
            colour = QColor("#5b1a00")
            colour.setAlpha(70)
            painter.setPen(QPen(colour, 8 * s))
            painter.drawLine(QPointF(x + 2 * s, y), QPointF(x + 18 * s, y))
        elif kind == "disagree":
            painter.setPen(QPen(QColor("#5b1a00"), 1.6 * s, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x + 9 * s, y), 8 * s, 8 * s)
        else:
            _check(painter, QPointF(x + 3 * s, y - 1 * s), s)
        painter.setPen(QColor("#222222"))
        painter.drawText(QPointF(x + 24 * s, y + metrics.capHeight() / 2), label)
        x += 24 * s + metrics.horizontalAdvance(label) + 22 * s


def _check(painter: QPainter, corner: QPointF, s: float) -> None:
    painter.setPen(QPen(QColor("#111111"), max(1.5, 2.2 * s)))
    painter.drawLine(corner, corner + QPointF(3 * s, 3.5 * s))
    painter.drawLine(corner + QPointF(3 * s, 3.5 * s), corner + QPointF(9 * s, -4 * s))


def _draw_lanes(painter: QPainter, layout: _Layout, data: TimelineData) -> None:
    painter.setFont(layout.font)
    metrics = QFontMetricsF(layout.font)
    for index in range(layout.lanes):
        top = layout.top + index * layout.row
        if index % 2 == 0:
            painter.fillRect(
                QRectF(layout.left, top, layout.right - layout.left, layout.row), QColor("#f4f6f8")
            )
        name = data.lanes[index].name if data.lanes else "(no dated events)"
        painter.setPen(QColor("#222222"))
        baseline = top + layout.row / 2 + metrics.capHeight() / 2
        painter.drawText(
            QPointF(layout.left - 12 * layout.scale - metrics.horizontalAdvance(name), baseline),
            name,
        )


def _draw_axis(painter: QPainter, layout: _Layout, start: float, end: float) -> None:
    s = layout.scale
    painter.setFont(layout.font)
    metrics = QFontMetricsF(layout.font)
    for seconds, label in timeaxis.ticks(start, end, layout.right - layout.left, 110 * s):
        x = layout.x_of(seconds, start, end)
        painter.setPen(QPen(QColor("#d0d4d8"), max(1.0, s)))
        painter.drawLine(QPointF(x, layout.top), QPointF(x, layout.bottom))
        painter.setPen(QColor("#333333"))
        label_width = metrics.horizontalAdvance(label)
        left = min(
            max(x - label_width / 2, layout.left - label_width / 2), layout.width - label_width - 4
        )
        painter.drawText(QPointF(left, layout.bottom + 24 * s), label)
    painter.setPen(QPen(QColor("#888888"), max(1.0, s)))
    painter.drawLine(QPointF(layout.left, layout.bottom), QPointF(layout.right, layout.bottom))
    painter.setFont(layout.small)
    painter.setPen(QColor("#777777"))
    painter.drawText(QPointF(layout.left, layout.bottom + 48 * s), "Dates in UTC")


def _draw_events(painter: QPainter, layout: _Layout, data: TimelineData, start, end) -> None:
    if not len(data):
        return
    painter.setClipRect(
        QRectF(layout.left, layout.top, layout.width - layout.left, layout.bottom - layout.top)
    )
    spans = np.flatnonzero(~np.isnan(data.end) & (data.end >= start) & (data.x <= end))
    for index in spans:
        painter.setPen(span_pen(STATUSES[data.status[index]], max(3.0, 8 * layout.scale / 2)))
        y = layout.y_of(data.lane[index])
        painter.drawLine(
            QPointF(layout.x_of(data.x[index], start, end), y),
            QPointF(layout.x_of(data.end[index], start, end), y),
        )
    i0, i1 = np.searchsorted(data.x, start), np.searchsorted(data.x, end, "right")
    px = layout.x_of(data.x[i0:i1], start, end)
    py = layout.y_of(data.lane[i0:i1])
    status = data.status[i0:i1]
    marker = round(min(layout.row * 0.75, 18 * layout.scale))
    few = i1 - i0 <= 20_000
    # what the window draws: the consensus's dissent bars and source rings, the
    # review checks, and (evidence view) the disagreement rings
    affine = _affine(layout, start, end)
    if data.consensus:
        paint_dissent_ranges(painter, data, i0, i1, affine, marker)
    px, py, status = bin_markers(px, py, status, data.lane[i0:i1])
    MarkerPainter(marker).draw(painter, px, py, status)
    if data.consensus and few:
        paint_source_rings(painter, data, i0, i1, affine, marker)
    if few:
        for index in i0 + np.flatnonzero(data.flags[i0:i1] & REVIEWED):
            x, y = layout.x_of(data.x[index], start, end), layout.y_of(data.lane[index])
            _check(painter, QPointF(x + marker * 0.2, y - marker * 0.85), layout.scale)
        if not data.consensus:
            painter.setPen(QPen(QColor("#5b1a00"), 1.6 * layout.scale, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for index in i0 + np.flatnonzero(data.flags[i0:i1] & DISAGREE):
                centre = QPointF(layout.x_of(data.x[index], start, end),
                                 layout.y_of(data.lane[index]))  # fmt: skip
                painter.drawEllipse(centre, marker * 0.85, marker * 0.85)
    painter.setClipping(False)


def _affine(layout: _Layout, start: float, end: float):
    """(sx, dx, sy, dy): data x (seconds) and lane to image pixels."""
    sx = (layout.right - layout.left) / (end - start)
    return sx, layout.left - start * sx, layout.row, layout.top + 0.5 * layout.row


def save_png(image: QImage, path: str | Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".png":
        path = path.with_suffix(path.suffix + ".png") if path.suffix else path.with_suffix(".png")
    if not image.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    return path


def subtitle_for(data: TimelineData, articles: int) -> str:
    first, last = data.span()
    if not len(data):
        return "No dated events"
    fmt = "%d %b %Y"
    what = "changes of control and threats" if data.consensus else "dated events"
    hidden = f" · {data.hidden} outside the period not drawn" if data.hidden else ""
    return (
        f"{len(data)} {what} at {len(data.lanes)} places from {articles} article(s), "
        f"{dt.datetime.fromtimestamp(first, dt.UTC):{fmt}} – "
        f"{dt.datetime.fromtimestamp(last, dt.UTC):{fmt}}{hidden}"
    )


_APP = None


def ensure_app():
    """A Qt application to paint with (offscreen when there is none yet); it
    lives as long as the process, as painting needs it to."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        _APP = QGuiApplication([])
    return QGuiApplication.instance()


def export_png_headless(
    store, output, *, width=1920, start=None, end=None, title=None, evidence=False,
    period=None,
) -> Path:
    """``timeline-app export-png``: no display needed; the consensus view unless
    ``evidence``, as the window shows it."""
    from ..consensus import CONTROL_STATUSES, changes_of_control
    from ..snapshot import drawn_timeline, periods_for

    ensure_app()
    periods = periods_for(store, period)
    # only the reports the consensus counts, as `falls` reads them (threats and
    # dates outside the period left in the database)
    reports = () if evidence else store.iter_control_reports(
        statuses=CONTROL_STATUSES, periods=periods
    )
    changes = [] if evidence else changes_of_control(reports, period=periods)
    data, _ = drawn_timeline(store, changes, periods, evidence=evidence)
    subtitle = subtitle_for(data, store.counts()["articles"])
    if start or end:
        shown = f"{start or 'start'} to {end or 'end'}"
        subtitle += f" · showing {shown}"
    image = render_timeline(
        data, width,
        start=to_x(start) - DAY / 2 if start else None,
        end=to_x(end) + DAY / 2 if end else None,
        title=title or "Timeline of reported events",
        subtitle=subtitle,
    )  # fmt: skip
    return save_png(image, output)
