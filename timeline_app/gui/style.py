"""How statuses look, everywhere: timeline, legend, table, detail pane, PNG.

The colours, shapes and ranks come from the one table, ``statuses.TABLE``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from .. import statuses
from ..model import STATUSES

COLOURS = {status.name: status.colour for status in statuses.TABLE}
SHAPES = {status.name: status.shape for status in statuses.TABLE}
# When markers must share a pixel column, the more telling status wins.
IMPORTANCE = {status.name: status.rank for status in statuses.TABLE}
MARKER_PX = 13


def colour(status: str) -> QColor:
    return QColor(statuses.of(status).colour)


def symbol_path(shape: str, size: float) -> QPainterPath:
    """The outline of a status shape, centred on (0, 0)."""
    r = size / 2
    path = QPainterPath()
    if shape in ("circle", "ring"):
        path.addEllipse(QPointF(0, 0), r, r)
    elif shape == "square":
        path.addRect(QRectF(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7))
    elif shape == "diamond":
        path.moveTo(0, -r)
        path.lineTo(r, 0)
        path.lineTo(0, r)
        path.lineTo(-r, 0)
        path.closeSubpath()
    else:
        sign = 1 if shape == "triangle" else -1
        points = [QPointF(r * math.sin(a), -sign * r * math.cos(a)) for a in (0, 2.094, 4.189)]
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
        path.closeSubpath()
    return path


def paint_symbol(painter: QPainter, status: str, centre: QPointF, size: float) -> None:
    painter.save()
    painter.translate(centre)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = colour(status)
    shape = statuses.of(status).shape
    if shape == "ring":
        painter.setPen(QPen(fill, max(2.0, size / 5)))
        painter.setBrush(QColor("white"))
        painter.drawPath(symbol_path("ring", size * 0.82))
    else:
        painter.setPen(QPen(fill.darker(150), 1))
        painter.setBrush(fill)
        painter.drawPath(symbol_path(shape, size))
    painter.restore()


def symbol_atlas(size: int = MARKER_PX, scale: float = 1.0) -> QImage:
    """One row of symbols, one cell per status in STATUSES order."""
    cell = int(math.ceil((size + 4) * scale))
    image = QImage(cell * len(STATUSES), cell, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    for index, status in enumerate(STATUSES):
        paint_symbol(painter, status, QPointF(index * cell + cell / 2, cell / 2), size * scale)
    painter.end()
    return image
