"""The map as a PNG for a report, and as one PNG per day for a slide show or
an animation (``timeline-app export-png --map [--frames]``, File ▸ Export Map).

Drawn by the same function as the window's map, headless with the offscreen
Qt platform.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from ..geography import MapContent
from ..geography import content as map_content
from .export import ensure_app, save_png
from .map_paint import paint_map

BASE_WIDTH = 1200.0
MAX_FRAMES = 3660  # ten years a day at a time


class FramesError(OSError):
    """The frames cannot be written; the message says why, in one line."""


def render_map(content: MapContent, day: dt.date | None, width: int = 1200, *, title=""):
    """The map on ``day`` as a new image, ``width`` wide, fonts scaled to it."""
    scale = max(0.8, width / BASE_WIDTH)  # names stay readable on a small picture
    height = round(width * 0.72)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    states = content.states(day or dt.date.min)
    paint_map(
        painter, QRectF(0, 0, width, height), content.country_map, states, day,
        scale=scale, title=title,
    )  # fmt: skip
    painter.end()
    return image


def export_map_headless(
    store,
    output,
    *,
    day=None,
    period=None,
    frames=False,
    every=1,
    width=1200,
    title=None,
    progress=None,
) -> list[Path]:
    """``timeline-app export-png --map``: the map on ``day`` (default: the last
    day anything changed hands), or with ``frames`` one PNG per day in the
    folder ``output``."""
    from ..snapshot import periods_for

    ensure_app()
    periods = periods_for(store, period)
    content = map_content(store, periods)
    title = title if title is not None else content.country_name
    if frames:
        return export_map_frames(
            content, output, width=width, every=every, title=title, progress=progress
        )
    return [export_map_png(content, output, day=day, width=width, title=title)]


def export_map_png(content: MapContent, output, *, day=None, width=1200, title="") -> Path:
    return save_png(render_map(content, day or content.default_day(), width, title=title), output)


def export_map_frames(
    content: MapContent,
    folder,
    *,
    width: int = 1200,
    every: int = 1,
    title: str = "",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """One PNG per ``every`` days of the period into ``folder`` (made if missing),
    named by frame number and day so that they sort in order."""
    days = content.days()[:: max(1, every)]
    if not days:
        raise FramesError("nothing to draw: the database has no dated change of control")
    if len(days) > MAX_FRAMES:
        raise FramesError(
            f"{len(days):,} frames is too many (at most {MAX_FRAMES:,}): "
            "give a shorter --period or a larger --every"
        )
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FramesError(f"cannot make the folder {folder}: {exc.strerror or exc}") from exc
    written = []
    for number, day in enumerate(days, 1):
        if cancelled is not None and cancelled():
            break
        path = folder / f"map-{number:04d}-{day.isoformat()}.png"
        written.append(export_map_png(content, path, day=day, width=width, title=title))
        if progress is not None:
            progress(number, len(days))
    return written
