"""The zoomable timeline: one lane per place, a marker per event, an overview strip.

Stock pyqtgraph scatter items do not scale to a million events (MEASURED.md),
so markers are drawn by ``EventsItem``: events stay in numpy arrays sorted by
time, the visible slice is found by binary search, and when more than
``BIN_ABOVE`` are visible they are binned to one marker per lane per 2-pixel
column (the most telling status wins) and drawn with one
``drawPixmapFragments`` call.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap, QStaticText
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from .. import timeaxis
from ..model import STATUSES
from ..timeline_data import DAY, DISAGREE, REJECTED, REVIEWED, TimelineData, to_x
from . import style
from .markers import (
    MarkerPainter,
    bin_markers,
    paint_dissent_ranges,
    paint_source_rings,
    ring_radius,
    span_pen,
)

BIN_ABOVE = 20_000
MAX_LABELS = 400  # above this many visible markers, no day labels
LABEL_ROOM_PX = 56  # a day label beside its marker ("28 Feb"), with the gap before it
HOVER_PX = 9
MIN_LANE_PX = 18


class EventsItem(pg.GraphicsObject):
    """Markers for every event of a TimelineData, drawn at a fixed pixel size."""

    def __init__(self, marker_px: int = style.MARKER_PX, draw_spans: bool = True) -> None:
        super().__init__()
        self.data = TimelineData()
        self.marker_px = marker_px
        self.draw_spans = draw_spans
        self.selected: int | None = None  # index into data
        self._markers = MarkerPainter(marker_px)
        self._spans = np.zeros(0, dtype=int)
        self._extent = self.data.span()
        self._version = 0  # of the data, for the layer of markers kept
        self._layer: QPixmap | None = None
        self._layer_key: tuple | None = None
        self.show_labels = draw_spans
        self._label_cache: dict[str, QStaticText] = {}
        self._label_font = QFont()
        self._label_font.setPointSizeF(8)

    def set_data(self, data: TimelineData) -> None:
        self.prepareGeometryChange()
        self.data = data
        self._version += 1
        self.selected = None
        self._spans = np.flatnonzero(~np.isnan(data.end))
        # Qt asks for the bounding box a dozen times a paint: a span over a
        # million markers each time was 30 ms of every repaint.
        self._extent = data.span()
        self.update()

    def boundingRect(self) -> QRectF:
        start, end = self._extent
        return QRectF(start - DAY, -1, end - start + 2 * DAY, max(1, len(self.data.lanes)) + 1)

    def visible_slice(self, x0: float, x1: float) -> tuple[int, int]:
        return (
            int(np.searchsorted(self.data.x, x0, "left")),
            int(np.searchsorted(self.data.x, x1, "right")),
        )

    def paint(self, painter: QPainter, *args) -> None:
        view = self.getViewBox()
        if view is None or not len(self.data):
            return
        (x0, x1), _ = view.viewRange()
        transform = painter.transform()
        sx, dx, sy, dy = transform.m11(), transform.dx(), transform.m22(), transform.dy()
        margin = self.marker_px / max(abs(sx), 1e-12)
        i0, i1 = self.visible_slice(x0 - margin, x1 + margin)
        painter.resetTransform()
        # The markers are drawn into a layer kept while the view and the data
        # stay: a click that only moves the selection copies it (a million
        # events' markers took 15-40 ms to draw again at every click).
        device = painter.device()
        ratio = device.devicePixelRatioF()
        if isinstance(device, QWidget):
            width, height = device.width(), device.height()
        else:  # a picture (a grab): its size is in device pixels
            width, height = device.width() / ratio, device.height() / ratio
        key = (self._version, x0, x1, sx, dx, sy, dy, self.show_labels, width, height, ratio)
        if key != self._layer_key:
            layer = QPixmap(math.ceil(width * ratio), math.ceil(height * ratio))
            layer.setDevicePixelRatio(ratio)
            layer.fill(Qt.GlobalColor.transparent)
            drawing = QPainter(layer)
            drawing.setRenderHints(painter.renderHints())
            self._paint_markers(drawing, x0, x1, margin, i0, i1, (sx, dx, sy, dy))
            drawing.end()
            self._layer, self._layer_key = layer, key
        painter.drawPixmap(0, 0, self._layer)
        if self.selected is not None and i0 <= self.selected < i1:
            self._paint_selection(painter, self.selected, (sx, dx, sy, dy))

    def _paint_markers(self, painter: QPainter, x0, x1, margin, i0, i1, affine) -> None:
        sx, dx, sy, dy = affine
        if self.draw_spans:
            self._paint_spans(painter, x0 - margin, x1 + margin, (sx, dx, sy, dy))
        px = self.data.x[i0:i1] * sx + dx
        py = self.data.lane[i0:i1] * sy + dy
        status = self.data.status[i0:i1]
        opacity = np.where(self.data.flags[i0:i1] & REJECTED, 0.35, 1.0)
        if i1 - i0 > BIN_ABOVE:
            px, py, status = bin_markers(px, py, status, self.data.lane[i0:i1])
            opacity = 1.0
        consensus = self.data.consensus
        if consensus:
            paint_dissent_ranges(painter, self.data, i0, i1, (sx, dx, sy, dy), self.marker_px)
        elif self.show_labels and i1 - i0 <= MAX_LABELS:
            self._paint_disagreement(painter, i0, i1, (sx, dx, sy, dy))
        self._markers.draw(painter, px, py, status, opacity)
        if consensus and i1 - i0 <= MAX_LABELS:
            paint_source_rings(painter, self.data, i0, i1, (sx, dx, sy, dy), self.marker_px)
        if self.show_labels and i1 - i0 <= MAX_LABELS:
            self._paint_review_marks(painter, i0, i1, (sx, dx, sy, dy))
        if self.show_labels and len(px) <= MAX_LABELS:
            self._paint_labels(painter, px, py, self.data.x[i0:i1], self.data.lane[i0:i1], sy)

    def _paint_spans(self, painter: QPainter, x0: float, x1: float, affine) -> None:
        sx, dx, sy, dy = affine
        spans = self._spans
        if not len(spans):
            return
        starts, ends = self.data.x[spans], self.data.end[spans]
        visible = spans[(ends >= x0) & (starts <= x1)]
        for index in visible:
            status = STATUSES[self.data.status[index]]
            painter.setPen(span_pen(status, max(3, self.marker_px // 3)))
            y = self.data.lane[index] * sy + dy
            painter.drawLine(
                QPointF(self.data.x[index] * sx + dx, y), QPointF(self.data.end[index] * sx + dx, y)
            )

    def _paint_disagreement(self, painter: QPainter, i0: int, i1: int, affine) -> None:
        """A dashed bar from the earliest to the latest reported date of a place,
        and a dark ring, where sources disagree."""
        sx, dx, sy, dy = affine
        flagged = i0 + np.flatnonzero(self.data.flags[i0:i1] & DISAGREE)
        if not len(flagged):
            return
        pen = QPen(QColor("#5b1a00"), 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        by_lane: dict[int, list[float]] = {}
        for index in flagged:
            by_lane.setdefault(int(self.data.lane[index]), []).append(self.data.x[index] * sx + dx)
        radius = self.marker_px * 0.85
        for lane, xs in by_lane.items():
            y = lane * sy + dy
            if len(xs) > 1:
                painter.drawLine(QPointF(min(xs), y - radius - 2), QPointF(max(xs), y - radius - 2))
            for x in xs:
                painter.drawEllipse(QPointF(x, y), radius, radius)

    def _paint_review_marks(self, painter: QPainter, i0: int, i1: int, affine) -> None:
        """A check beside reviewed events; rejected ones (when shown) are crossed out."""
        sx, dx, sy, dy = affine
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        half = self.marker_px / 2
        for index in i0 + np.flatnonzero(self.data.flags[i0:i1] & (REVIEWED | REJECTED)):
            x, y = self.data.x[index] * sx + dx, self.data.lane[index] * sy + dy
            if self.data.flags[index] & REJECTED:
                painter.setPen(QPen(QColor("#444444"), 2))
                painter.drawLine(QPointF(x - half, y - half), QPointF(x + half, y + half))
                painter.drawLine(QPointF(x - half, y + half), QPointF(x + half, y - half))
                continue
            painter.setPen(QPen(QColor("#111111"), 2.2))
            corner = QPointF(x + half * 0.4, y - half * 1.7)
            painter.drawLine(corner, corner + QPointF(3, 3.5))
            painter.drawLine(corner + QPointF(3, 3.5), corner + QPointF(9, -4))

    def _paint_labels(self, painter: QPainter, px, py, xs, lanes, lane_px=1e9) -> None:
        """The day beside each marker, unless it would touch the previous label
        of its lane or run into the next marker: labels thin out instead of
        piling up."""
        painter.setFont(self._label_font)
        painter.setPen(QColor("#444444"))
        right_edge: dict[int, float] = {}
        offset = self.marker_px / 2 + 3
        if self.data.consensus:  # clear of the widest ring
            offset = ring_radius(6, self.marker_px, lane_px) + 2
        following: dict[int, float] = {}
        next_x = np.empty(len(px))
        for position in range(len(px) - 1, -1, -1):  # the next marker of the same lane
            lane = int(lanes[position])
            next_x[position] = following.get(lane, np.inf)
            following[lane] = px[position]
        for position, (x_px, y_px, seconds, lane) in enumerate(zip(px, py, xs, lanes, strict=True)):
            text = _day_label(seconds)
            label = self._label_cache.get(text)
            if label is None:
                label = self._label_cache[text] = QStaticText(text)
                label.prepare(font=self._label_font)
            left = x_px + offset
            size = label.size()
            if left < right_edge.get(int(lane), -1e9) + 4:
                continue
            if left + size.width() + 2 > next_x[position] - offset + 2:
                continue
            painter.drawStaticText(QPointF(left, y_px - size.height() / 2), label)
            right_edge[int(lane)] = left + size.width()

    def _paint_selection(self, painter: QPainter, index: int, affine) -> None:
        sx, dx, sy, dy = affine
        centre = QPointF(self.data.x[index] * sx + dx, self.data.lane[index] * sy + dy)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#111111"), 2))
        radius = self.marker_px * 0.95
        painter.drawEllipse(centre, radius, radius)


def _day_label(seconds: float) -> str:
    moment = dt.datetime.fromtimestamp(float(seconds), dt.UTC)
    return f"{moment.day} {moment:%b}"


class QuietAxis(pg.AxisItem):
    """An axis without pyqtgraph's automatic SI prefix: with it, every change of
    range rewrote the axis label as HTML (QGraphicsTextItem.setHtml), about 90
    times while the window was built, for labels none of our axes show (and with
    the label hidden, the prefix's scale stays 1 anyway).  Nor is the hidden
    label's HTML set at all (pyqtgraph set it at every change of style or pen:
    64 calls, 17 ms of the window's start); it is when the label is shown."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def _updateLabel(self) -> None:
        if getattr(self, "_label_shown", False):  # (hidden by pyqtgraph's __init__)
            text = self.labelString()
            if text != getattr(self, "_label_html", None):
                self._label_html = text
                self.label.setHtml(text)
        self._adjustSize()
        self.picture = None
        self.update()

    def showLabel(self, show: bool = True) -> None:
        self._label_shown = show
        super().showLabel(show)
        if show:
            self._updateLabel()


def _add_plot(
    graphics: pg.GraphicsLayoutWidget,
    row: int,
    view_box: pg.ViewBox | None = None,
    **axes: pg.AxisItem,
) -> pg.PlotItem:
    """A plot in ``row`` with ``axes`` and quiet axes for the others; the top and
    right ones hidden, as pyqtgraph hides them when it makes them itself."""
    sides = ("left", "bottom", "top", "right")
    plot = graphics.addPlot(
        row=row, col=0, viewBox=view_box, enableMenu=False,
        axisItems={side: axes.get(side) or QuietAxis(side) for side in sides},
    )  # fmt: skip
    plot.hideAxis("top")
    plot.hideAxis("right")
    return plot


class LaneAxis(QuietAxis):
    """Place names on the left; every k-th name when lanes are too thin to label all."""

    def __init__(self) -> None:
        super().__init__("left")
        self.names: list[str] = []
        self.setStyle(tickLength=0, autoExpandTextSpace=False)
        self.setWidth(120)

    def set_names(self, names: list[str]) -> None:
        self.names = names
        longest = max((len(n) for n in names), default=6)
        width = min(170, 14 + 7 * longest)
        if width != self.fixedWidth:  # (the width set: pyqtgraph keeps it)
            # (set again to the same width, it laid the plots out anew, and the
            # overview strip drew its markers again, old ones, in the turn meant
            # for the plot's alone: 10-20 ms of an edit's update at 1M events)
            self.setWidth(width)
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):
        low, high = sorted((minVal, maxVal))  # the lanes axis is inverted
        if not self.names or size <= 0:
            return []
        first, last = max(0, math.ceil(low)), min(len(self.names) - 1, math.floor(high))
        if last < first:
            return []
        px_per_lane = size / max(high - low, 1e-9)
        step = max(1, math.ceil(14 / px_per_lane))
        return [(step, list(range(first - first % step, last + 1, step)))]

    def tickStrings(self, values, scale, spacing):
        return [self.names[int(v)] if 0 <= int(v) < len(self.names) else "" for v in values]


class TimeAxis(QuietAxis):
    """Calendar ticks from ``timeaxis``: one step at a time, labelled by what changes."""

    def __init__(self) -> None:
        super().__init__("bottom")
        self._labels: dict[float, str] = {}

    def tickValues(self, minVal, maxVal, size):
        found = timeaxis.ticks(minVal, maxVal, size, min_pixels=85)
        self._labels = dict(found)
        spacing = found[1][0] - found[0][0] if len(found) > 1 else max(maxVal - minVal, 1)
        return [(spacing, [t for t, _ in found])]

    def tickStrings(self, values, scale, spacing):
        return [self._labels.get(v, "") for v in values]


class TimeViewBox(pg.ViewBox):
    """The wheel zooms time only; dragging pans."""

    def wheelEvent(self, event, axis=None):
        super().wheelEvent(event, axis=0)


class LegendBar(QWidget):
    """Every status with its colour and shape, plus the review marks; painted
    by hand so that it wraps onto more lines instead of widening the window."""

    EVIDENCE = [*STATUSES, "span", "reviewed", "disagree"]
    CONSENSUS = [*STATUSES, "span", "sources", "dissent", "reviewed"]
    LABELS = {
        "span": "span (e.g. a siege)", "reviewed": "reviewed", "disagree": "sources disagree",
        "sources": "ring: 2+ independent sources (wider: more)",
        "dissent": "other dates reported",
    }  # fmt: skip

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._atlas = style.symbol_atlas(12)
        self.undated_text = ""
        self.ENTRIES = self.CONSENSUS

    def set_consensus(self, consensus: bool) -> None:
        self.ENTRIES = self.CONSENSUS if consensus else self.EVIDENCE
        self.updateGeometry()
        self.update()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_undated(self, text: str) -> None:
        self.undated_text = text
        self.updateGeometry()
        self.update()

    def _items(self):
        metrics = self.fontMetrics()
        for entry in self.ENTRIES:
            label = self.LABELS.get(entry, entry)
            yield entry, label, 18 + metrics.horizontalAdvance(label) + 14
        # each clause of the note on its own, so that a narrow pane wraps between them
        for part in filter(None, self.undated_text.split(" · ")):
            yield "undated", part, metrics.horizontalAdvance(part) + 14

    def _layout(self, width: int):
        x, y, line = 8, 0, self.fontMetrics().height() + 6
        for entry, label, item_width in self._items():
            if x + item_width > width and x > 8:
                x, y = 8, y + line
            yield entry, label, x, y
            x += item_width
        self._height = y + line

    def sizeHint(self):
        list(self._layout(max(self.width(), 200)))
        return QSize(400, self._height)

    def minimumSizeHint(self):
        return QSize(120, self.sizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.updateGeometry()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self.fontMetrics().height() + 6
        cell = self._atlas.height()
        for entry, label, x, y in self._layout(self.width()):
            middle = y + line / 2
            if entry in STATUSES:
                index = STATUSES.index(entry)
                painter.drawImage(
                    QPointF(x, middle - cell / 2), self._atlas, QRectF(index * cell, 0, cell, cell)
                )
            elif entry == "span":
                painter.setPen(QPen(style.colour("besieged"), 3))
                painter.drawLine(QPointF(x, middle), QPointF(x + 14, middle))
            elif entry == "reviewed":
                painter.setPen(QPen(QColor("#111111"), 2))
                painter.drawLine(QPointF(x + 2, middle), QPointF(x + 5, middle + 3.5))
                painter.drawLine(QPointF(x + 5, middle + 3.5), QPointF(x + 11, middle - 4))
            elif entry == "disagree":
                painter.setPen(QPen(QColor("#5b1a00"), 1.6, Qt.PenStyle.DashLine))
                painter.drawEllipse(QPointF(x + 7, middle), 6, 6)
            elif entry == "sources":
                painter.setPen(QPen(QColor("#333333"), 1.4))
                painter.drawEllipse(QPointF(x + 7, middle), 6.5, 6.5)
            elif entry == "dissent":
                colour = QColor("#5b1a00")
                colour.setAlpha(70)
                painter.setPen(QPen(colour, 6))
                painter.drawLine(QPointF(x + 1, middle), QPointF(x + 14, middle))
            painter.setPen(QColor("#666666" if entry == "undated" else "#222222"))
            text_x = x if entry == "undated" else x + 18
            label = self.fontMetrics().elidedText(
                label, Qt.TextElideMode.ElideRight, max(20, self.width() - text_x - 4)
            )
            painter.drawText(QPointF(text_x, middle + self.fontMetrics().ascent() / 2 - 1), label)
        painter.end()


def _percentile(values: np.ndarray, q: float) -> float:
    """``np.percentile(values, q)`` (linear), which loads numpy.ma to ask whether
    the array is masked: 10-20 ms of the window's start."""
    ordered = np.sort(values)
    position = (len(ordered) - 1) * q / 100
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return float(ordered[below] + (ordered[above] - ordered[below]) * (position - below))


class TimelineView(QWidget):
    """Timeline plot, overview strip and legend; knows events only by id."""

    event_selected = Signal(int)

    # What ``build`` makes: asked for before it ran, it runs then (``__getattr__``).
    PLOT_PARTS = frozenset({
        "graphics", "lane_axis", "date_axis", "plot", "view", "events_item", "cursor_line",
        "overview", "overview_events", "region",
    })  # fmt: skip

    def __init__(self, parent=None, *, build_later: bool = False) -> None:
        """``build_later``: the plots (pyqtgraph's items: 30-50 ms) are made by
        ``build``, called by the owner in a later turn of the event loop, or at
        the first use of one of them, whichever comes first."""
        super().__init__(parent)
        pg.setConfigOptions(antialias=False, background="w", foreground="#333333")
        self.data = TimelineData()
        self.tooltip_for: Callable[[int], str] = lambda event_id: ""
        self._syncing = False
        self._hovered: tuple[int, str] | None = None  # event id and its tooltip text
        self._overview_due: TimelineData | None = None  # for the strip, in the next turn
        self.built = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.legend = LegendBar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        if not build_later:
            self.build()

    def __getattr__(self, name: str):
        # (Called only for what the object lacks: a part of the plots not built yet.)
        if name in TimelineView.PLOT_PARTS and not self.__dict__.get("_building"):
            self.build()
            return object.__getattribute__(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    # -- construction -----------------------------------------------------------------
    def build(self) -> None:
        """The plots, the overview strip and their wiring (once)."""
        if self.built:
            return
        self._building = True
        try:
            self._build()
            self._connect_signals()
        finally:
            self._building = False
        self.built = True

    def _build(self) -> None:
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.ci.setSpacing(0)
        self.lane_axis = LaneAxis()
        self.date_axis = TimeAxis()
        # No context menus: made without them (building a view's menu and throwing
        # it away cost each plot a few milliseconds of the window's start).
        self.plot = _add_plot(
            self.graphics, 0, TimeViewBox(enableMenu=False),
            left=self.lane_axis, bottom=self.date_axis,
        )  # fmt: skip
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.hideButtons()
        self.view = self.plot.getViewBox()
        self.view.invertY(True)
        self.view.setMouseEnabled(x=True, y=True)
        self.events_item = EventsItem()
        self.plot.addItem(self.events_item)
        # the map's day, as a line across the lanes
        self.cursor_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen("#444444", width=1, style=Qt.PenStyle.DashLine)
        )
        self.cursor_line.setZValue(-5)
        self.cursor_line.hide()
        self.plot.addItem(self.cursor_line, ignoreBounds=True)
        self._build_overview()
        self.layout().addWidget(self.graphics, 1)

    def _build_overview(self) -> None:
        self.overview = _add_plot(self.graphics, 1, bottom=TimeAxis())
        self.overview.setMaximumHeight(78)
        self.overview.hideButtons()
        self.overview.getAxis("left").setWidth(self.lane_axis.fixedWidth)
        self.overview.getAxis("left").setStyle(showValues=False, tickLength=0)
        self.overview.getViewBox().setMouseEnabled(x=False, y=False)
        self.overview.getViewBox().invertY(True)
        self.overview_events = EventsItem(marker_px=5, draw_spans=False)
        # Its view never moves: paint once into a cache, not on every pan.
        self.overview_events.setCacheMode(
            pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
        )
        self.overview.addItem(self.overview_events)
        self.region = pg.LinearRegionItem(brush=(0, 114, 178, 40))
        self.region.setZValue(10)
        self.overview.addItem(self.region)
        self.graphics.ci.layout.setRowStretchFactor(0, 6)
        self.graphics.ci.layout.setRowStretchFactor(1, 1)

    def _connect_signals(self) -> None:
        self.view.sigXRangeChanged.connect(self._on_view_range_changed)
        self.region.sigRegionChanged.connect(self._on_region_changed)
        self.graphics.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.graphics.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    # -- data ---------------------------------------------------------------------------
    def set_data(self, data: TimelineData, *, keep_view: bool = False) -> None:
        """Draw ``data``: fitted to where most events are, or (``keep_view``,
        after an edit) where the view was."""
        self.data = data
        self._hovered = None
        self.events_item.set_data(data)
        if len(data) > BIN_ABOVE:
            # The strip's markers are drawn in the next turn of the event loop:
            # drawn in one paint with the plot's, a million events' froze the
            # window 45-50 ms (two layers, each 13 ms of it the dissent bars).
            self._overview_due = data
            QTimer.singleShot(1, self._set_overview)
        else:
            self._overview_due = None
            self.overview_events.set_data(data)
        self.lane_axis.set_names([lane.name for lane in data.lanes])
        strip_axis = self.overview.getAxis("left")
        if strip_axis.fixedWidth != self.lane_axis.fixedWidth:  # (as in set_names)
            strip_axis.setWidth(self.lane_axis.fixedWidth)
        # The plots laid out for the names' width now: else they were painted
        # first for the old width, then all markers drawn again for the new.
        self.plot.layout.activate()
        self.overview.layout.activate()
        lanes = max(1, len(data.lanes))
        self.view.setLimits(yMin=-0.8, yMax=lanes - 0.2, minXRange=3600)
        self.overview.getViewBox().setYRange(-0.8, lanes - 0.2, padding=0)
        start, end = data.span()
        self.overview.getViewBox().setXRange(start - DAY, end + DAY, padding=0.02)
        notes = []
        if data.undated:
            notes.append(f"{data.undated} event(s) with unknown date: see the table")
        if data.hidden:
            notes.append(f"{data.hidden} dated outside the conflict's period, not drawn")
        suffix = " · ".join(notes)
        self.legend.set_undated(suffix)
        if not keep_view:
            self.fit_busiest()

    def _set_overview(self) -> None:
        if self._overview_due is not None:
            self.overview_events.set_data(self._overview_due)
            self._overview_due = None

    def set_cursor(self, day: dt.date | None) -> None:
        """Show ``day`` (the map's) as a dashed line; None hides it."""
        if day is None:
            self.cursor_line.hide()
            return
        self.cursor_line.setPos(to_x(day))
        self.cursor_line.show()

    def fit_all(self) -> None:
        start, end = self.data.span()
        pad = max(DAY, (end - start) * 0.04)
        self.view.setXRange(start - pad, end + self._room_after(start - pad, end, pad), padding=0)
        self._fit_lanes()

    def _room_after(self, low: float, end: float, pad: float) -> float:
        """How far the view goes past the last event: ``pad``, and room for the last
        event's day label (``LABEL_ROOM_PX``), which would be cut off at the edge."""
        width = max(2.0 * LABEL_ROOM_PX, float(self.view.width()))
        return max(pad, (end + pad - low) * LABEL_ROOM_PX / (width - LABEL_ROOM_PX))

    def fit_busiest(self) -> None:
        """Where most events are: the whole range unless a few early outliers
        (a siege that began months before) would squeeze the rest to one side."""
        if len(self.data) < 5:
            self.fit_all()
            return
        start, end = self.data.span()
        focus = _percentile(self.data.x, 15)
        if end - focus > 0.5 * (end - start) or end - focus < 2 * DAY:
            self.fit_all()
            return
        pad = max(DAY, (end - focus) * 0.06)
        self.view.setXRange(focus - pad, end + self._room_after(focus - pad, end, pad), padding=0)
        self._fit_lanes()

    def _fit_lanes(self) -> None:
        lanes = max(1, len(self.data.lanes))
        height = max(1.0, self.view.height())
        visible = max(3, min(lanes, int(height // MIN_LANE_PX))) if height > 1 else lanes
        self.view.setYRange(-0.8, min(lanes, visible) - 0.2, padding=0)

    def zoom(self, factor: float) -> None:
        (x0, x1), _ = self.view.viewRange()
        centre, half = (x0 + x1) / 2, (x1 - x0) / 2 / factor
        self.view.setXRange(centre - half, centre + half, padding=0)

    def visible_range(self) -> tuple[float, float]:
        return tuple(self.view.viewRange()[0])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.built:  # (else the lanes are fitted when the data comes)
            self._fit_lanes()

    # -- selection ----------------------------------------------------------------------
    def select_event(self, event_id: int | None, *, centre: bool = True) -> None:
        index = self.data.index_of(event_id) if event_id is not None else None
        self.events_item.selected = index
        self.events_item.update()
        if index is not None and centre:
            self._reveal(index)

    def selected_event(self) -> int | None:
        index = self.events_item.selected
        return int(self.data.ids[index]) if index is not None else None

    def _reveal(self, index: int) -> None:
        (x0, x1), (y0, y1) = self.view.viewRange()
        x, lane = self.data.x[index], self.data.lane[index]
        if not x0 <= x <= x1:
            half = (x1 - x0) / 2
            self.view.setXRange(x - half, x + half, padding=0)
        if not y0 <= lane <= y1:
            half = (y1 - y0) / 2
            self.view.setYRange(lane - half, lane + half, padding=0)

    def step(self, direction: int) -> None:
        """Select the next (1) or previous (-1) event in time."""
        if not len(self.data):
            return
        current = self.events_item.selected
        if current is None:
            index = 0 if direction > 0 else len(self.data) - 1
        else:
            index = min(len(self.data) - 1, max(0, current + direction))
        self.select_event(int(self.data.ids[index]))
        self.event_selected.emit(int(self.data.ids[index]))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step(1 if event.key() == Qt.Key.Key_Right else -1)
        else:
            super().keyPressEvent(event)

    # -- hit testing --------------------------------------------------------------------
    def event_at(self, scene_pos) -> int | None:
        """Index of the event nearest to a scene position, within HOVER_PX pixels."""
        if not len(self.data) or not self.view.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.view.mapSceneToView(scene_pos)
        pixel = self.view.viewPixelSize()
        i0, i1 = self.events_item.visible_slice(
            point.x() - HOVER_PX * pixel[0], point.x() + HOVER_PX * pixel[0]
        )
        if i1 <= i0:
            return None
        dx = (self.data.x[i0:i1] - point.x()) / pixel[0]
        dy = (self.data.lane[i0:i1] - point.y()) / pixel[1]
        distance = np.hypot(dx, dy)
        best = int(np.argmin(distance))
        return i0 + best if distance[best] <= HOVER_PX else None

    def _on_mouse_moved(self, scene_pos) -> None:
        index = self.event_at(scene_pos)
        if index is None:
            self._hovered = None
            QToolTip.hideText()
            return
        event_id = int(self.data.ids[index])
        if self._hovered is None or self._hovered[0] != event_id:
            # The text costs database queries: once per marker entered, not per mouse move.
            self._hovered = (event_id, self.tooltip_for(event_id))
        text = self._hovered[1]
        global_pos = self.graphics.mapToGlobal(self.graphics.mapFromScene(scene_pos))
        QToolTip.showText(global_pos, text, self.graphics)

    def _on_mouse_clicked(self, mouse_event) -> None:
        if mouse_event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.event_at(mouse_event.scenePos())
        if index is None:
            return
        event_id = int(self.data.ids[index])
        self.select_event(event_id, centre=False)
        self.setFocus()
        self.event_selected.emit(event_id)

    # -- overview sync ------------------------------------------------------------------
    def _on_view_range_changed(self, _view, x_range) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.region.setRegion(x_range)
        self._syncing = False

    def _on_region_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        low, high = self.region.getRegion()
        self.view.setXRange(low, high, padding=0)
        self._syncing = False
