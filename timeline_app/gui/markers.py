"""Drawing many status markers fast, shared by the timeline view and the PNG export.

Markers are cells of one pre-rendered atlas, drawn with a single
``drawPixmapFragments`` call (MEASURED.md: stock scatter items do not scale to
a million events); when there are more than a few per pixel, ``bin_markers``
keeps one per lane per 2-pixel column.
"""

from __future__ import annotations

import numpy as np
from pyqtgraph.Qt import internals
from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from ..model import STATUSES
from . import style

SPAN_ALPHA = 110
_IMPORTANCE = np.array([style.IMPORTANCE[s] for s in STATUSES], dtype="i1")
_STATUS_BY_IMPORTANCE = np.zeros(int(_IMPORTANCE.max()) + 1, dtype="i1")
_STATUS_BY_IMPORTANCE[_IMPORTANCE] = np.arange(len(STATUSES), dtype="i1")


class MarkerPainter:
    """One status symbol per (x, y) pixel position, all in one call."""

    def __init__(self, size: int) -> None:
        self.atlas = QPixmap.fromImage(style.symbol_atlas(size))
        self.cell = self.atlas.height()
        self._fragments = internals.PrimitiveArray(QPainter.PixmapFragment, 10)

    def draw(self, painter: QPainter, px, py, status, opacity=1.0) -> None:
        """Centres in device pixels (the painter's transform must be reset)."""
        if not len(px):
            return
        self._fragments.resize(len(px))
        frags = self._fragments.ndarray()
        frags[:, 0], frags[:, 1] = px, py
        frags[:, 2] = status.astype("f8") * self.cell
        frags[:, 3], frags[:, 4], frags[:, 5] = 0, self.cell, self.cell
        frags[:, 6:9] = [1.0, 1.0, 0.0]
        frags[:, 9] = opacity
        painter.drawPixmapFragments(*self._fragments.drawargs(), self.atlas)


def ring_radius(sources: int, marker_px: float, lane_px: float = 1e9) -> float:
    """The ring around a consensus marker grows with its independent sources,
    but never reaches into the next lane."""
    wanted = marker_px * 0.62 + 1.1 * min(int(sources), 6)
    return max(marker_px * 0.5 + 1.5, min(wanted, abs(lane_px) / 2 - 1))


def paint_source_rings(painter: QPainter, data, i0: int, i1: int, affine, marker_px) -> None:
    """A ring per change of control backed by two or more independent sources."""
    sx, dx, sy, dy = affine
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor("#333333"), max(1.2, marker_px / 10)))
    for index in i0 + np.flatnonzero(data.sources[i0:i1] >= 2):
        radius = ring_radius(data.sources[index], marker_px, sy)
        centre = QPointF(data.x[index] * sx + dx, data.lane[index] * sy + dy)
        painter.drawEllipse(centre, radius, radius)


def paint_dissent_ranges(painter: QPainter, data, i0: int, i1: int, affine, marker_px) -> None:
    """A faint bar over the days the dissenting reports give for a change."""
    sx, dx, sy, dy = affine
    ranged = i0 + np.flatnonzero(~np.isnan(data.low[i0:i1]))
    if not len(ranged):
        return
    colour = QColor("#5b1a00")
    colour.setAlpha(70)
    pen = QPen(colour, max(4.0, marker_px * 0.55))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    # One call on one array of lines: a call per bar was most of a repaint with
    # many changes, and a QLineF made in Python per bar 20-40 ms of every
    # repaint of the layer at a million events (tens of thousands of changes).
    lines = internals.PrimitiveArray(QLineF, 4)
    lines.resize(len(ranged))
    ends = lines.ndarray()
    ends[:, 0], ends[:, 2] = data.low[ranged] * sx + dx, data.high[ranged] * sx + dx
    ends[:, 1] = ends[:, 3] = data.lane[ranged] * sy + dy
    painter.drawLines(*lines.drawargs())


def span_pen(status: str, width: float) -> QPen:
    """The translucent bar of an event with a duration (a siege)."""
    colour = style.colour(status)
    colour.setAlpha(SPAN_ALPHA)
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def bin_markers(px, py, status, lane):
    """One marker per lane per 2-pixel column; the most telling status wins.

    A grid of (lane, column) cells keeps the highest importance seen in each
    (``np.maximum.at``: 3.5 ms for a million markers, against 73 ms sorting).
    """
    column = np.floor(px / 2).astype("i8")
    first_column = int(column.min())
    columns = int(column.max()) - first_column + 1
    lane = lane.astype("i8")
    first_lane = int(lane.min())
    lanes = int(lane.max()) - first_lane + 1
    grid = np.zeros(lanes * columns, dtype="i1")
    np.maximum.at(
        grid, (lane - first_lane) * columns + (column - first_column), _IMPORTANCE[status]
    )
    cells = np.flatnonzero(grid)
    cell_lane, cell_column = np.divmod(cells, columns)
    # y per lane: the lanes' pixel rows are an affine function of the lane index
    lane_y = np.zeros(lanes)
    lane_y[lane - first_lane] = py
    return (
        (cell_column + first_column) * 2.0 + 1.0,
        lane_y[cell_lane],
        _STATUS_BY_IMPORTANCE[grid[cells]],
    )
