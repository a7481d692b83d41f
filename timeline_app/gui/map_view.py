"""The map beside the timeline: the places' state on one day, and a play
control that steps through the period day by day.

Clicking a place asks the window to select its events (``place_clicked``);
the window moves the map's day to what the analyst selects on the timeline or
in the table, and the timeline shows the map's day as a line.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..geography import CountryMap, MapContent, PlaceState
from .map_paint import Hit, paint_map

STEP_MS = 180  # one day of the period per step while playing
HIT_PX = 12


class MapCanvas(QWidget):
    place_clicked = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.country_map: CountryMap | None = None
        self.states: list[PlaceState] = []
        self.day: dt.date | None = None
        self.selected: str | None = None
        self.title = ""
        self._land: dict = {}  # the provinces drawn once per size (map_paint's cache)
        self.hits: list[Hit] = []
        self.setMinimumSize(240, 200)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccessibleName("Map")

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self.hits = paint_map(
            painter, QRectF(self.rect()), self.country_map, self.states, self.day,
            selected=self.selected, title=self.title, cache=self._land,
        )  # fmt: skip
        painter.end()

    def draw_ahead(self, country_map, states, day, title: str) -> None:
        """Draw a map into an image thrown away: what its paint keeps (the land,
        the names with their halos) is then ready for the paint that shows it."""
        ratio = self.devicePixelRatioF()
        image = QImage(
            max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )  # fmt: skip
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        paint_map(
            painter, QRectF(self.rect()), country_map, states, day,
            selected=self.selected, title=title, cache=self._land,
        )  # fmt: skip
        painter.end()

    def place_at(self, x: float, y: float) -> str | None:
        best, best_d = None, HIT_PX**2
        for hit in self.hits:
            d = (hit.x - x) ** 2 + (hit.y - y) ** 2
            if d <= best_d:
                best, best_d = hit.place_id, d
        return best

    def mousePressEvent(self, event) -> None:
        place = self.place_at(event.position().x(), event.position().y())
        if place is not None:
            self.place_clicked.emit(place)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        place = self.place_at(event.position().x(), event.position().y())
        state = next((s for s in self.states if s.place.id == place), None)
        if state is None:
            self.setToolTip("")
            self.unsetCursor()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if state.status is None:
            tip = f"{state.place.name} ({state.place.province}): no change reported by then"
        else:
            since = f"{state.since.day} {state.since:%b %Y}" if state.since else ""
            sources = f" · {state.sources} source(s)" if state.sources else ""
            tip = f"{state.place.name} ({state.place.province}): {state.status} {since}{sources}"
        self.setToolTip(tip + "\nClick to see its events")


class MapPanel(QWidget):
    """The canvas and, under it, the play control and the day slider."""

    place_clicked = Signal(str)
    day_changed = Signal(object)  # dt.date

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.canvas = MapCanvas(self)
        self.content = MapContent.empty()
        self._states_of: MapContent | None = None  # the map whose states are shown
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self._tick)
        self.play_button = QToolButton(self)
        self.play_button.setText("▶ Play")
        self.play_button.setToolTip("Play the period day by day (Space on the map)")
        self.play_button.setAccessibleName("Play the map")
        self.play_button.clicked.connect(self.toggle_play)
        self.back_button = QToolButton(self)
        self.back_button.setText("◀")
        self.back_button.setToolTip("One day back (Left arrow on the map)")
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.forward_button = QToolButton(self)
        self.forward_button.setText("▶")
        self.forward_button.setToolTip("One day on (Right arrow on the map)")
        self.forward_button.clicked.connect(lambda: self.step(1))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setAccessibleName("Day shown on the map")
        self.slider.valueChanged.connect(self._on_slider)
        self.day_label = QLabel(self)
        self.day_label.setMinimumWidth(90)
        controls = QHBoxLayout()
        controls.setContentsMargins(6, 0, 6, 4)
        for widget in (self.play_button, self.back_button, self.forward_button):
            controls.addWidget(widget)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.day_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(controls)
        self.canvas.place_clicked.connect(self.place_clicked)
        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_play),
            (Qt.Key.Key_Left, lambda: self.step(-1)),
            (Qt.Key.Key_Right, lambda: self.step(1)),
            (Qt.Key.Key_Home, lambda: self.set_day(self.first)),
            (Qt.Key.Key_End, lambda: self.set_day(self.last)),
        ):
            shortcut = QShortcut(QKeySequence(key), self.canvas)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._set_enabled(False)

    # --- content
    def prepare(self, content: MapContent) -> None:
        """Draw what ``set_content(content)`` will show, into an image thrown away:
        its first paint then copies the land and the names instead of drawing
        them (20-75 ms at a database's first reading, the window's longest turn),
        when this is called a turn of the event loop before."""
        if not self.isVisible():
            return
        period = content.period
        day = self.canvas.day
        if period is None:
            day, states = None, content.states(dt.date.min)
        else:
            if day is None or not (period[0] <= day <= period[1]):
                day = content.default_day()
            states = content.states(day)
        self.canvas.draw_ahead(content.country_map, states, day, content.country_name)

    def set_content(self, content: MapContent) -> None:
        """What to draw (see ``geography.content``)."""
        self.canvas.country_map = content.country_map
        self.canvas.title = content.country_name
        self.content = content
        period = content.period
        self.first, self.last = period if period else (None, None)
        self._set_enabled(period is not None)
        if period is None:
            self.canvas.day = None
            self.canvas.states = content.states(dt.date.min)
            self.day_label.setText("")
            self.canvas.update()
            return
        self.slider.blockSignals(True)
        self.slider.setRange(0, (self.last - self.first).days)
        self.slider.blockSignals(False)
        day = self.canvas.day
        if day is None or not (self.first <= day <= self.last):
            day = content.default_day()
        self.set_day(day)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.play_button, self.back_button, self.forward_button, self.slider):
            widget.setEnabled(enabled)

    # --- the day
    @property
    def day(self) -> dt.date | None:
        return self.canvas.day

    def set_day(self, day: dt.date | None) -> None:
        if day is None or self.first is None:
            return
        day = min(max(day, self.first), self.last)
        changed = day != self.canvas.day
        if not changed and self._states_of is self.content:
            # (the day and the map shown already: an edit selects its event again,
            # and the map's repaint was 10-20 ms of the edit's answer at 1M events)
            return
        self._states_of = self.content
        self.canvas.day = day
        self.canvas.states = self.content.states(day)
        self.slider.blockSignals(True)
        self.slider.setValue((day - self.first).days)
        self.slider.blockSignals(False)
        self.day_label.setText(f"{day.day} {day:%b %Y}")
        self.canvas.update()
        if changed:
            self.day_changed.emit(day)

    def select_place(self, place_id: str | None) -> None:
        if place_id == self.canvas.selected:
            return
        self.canvas.selected = place_id
        self.canvas.update()

    def step(self, days: int) -> None:
        if self.canvas.day is not None:
            self.set_day(self.canvas.day + dt.timedelta(days=days))

    def _on_slider(self, value: int) -> None:
        if self.first is not None:
            self.set_day(self.first + dt.timedelta(days=value))

    # --- playing
    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def toggle_play(self) -> None:
        if self.first is None:
            return
        if self.playing:
            self.timer.stop()
        else:
            if self.canvas.day is None or self.canvas.day >= self.last:
                self.set_day(self.first)
            self.timer.start()
        self.play_button.setText("⏸ Pause" if self.playing else "▶ Play")

    def _tick(self) -> None:
        if self.canvas.day is None or self.canvas.day >= self.last:
            self.toggle_play()
            return
        self.step(1)
