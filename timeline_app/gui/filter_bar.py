"""Filters that apply to the timeline and the table together."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)  # fmt: skip

from ..filters import REVIEW_STATES, EventFilter
from ..model import STATUSES

_ANY_DATE = QDate(1900, 1, 1)


class FilterBar(QWidget):
    changed = Signal(object)  # EventFilter

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.status = QComboBox()
        self.status.addItem("All statuses", "")
        for status in STATUSES:
            self.status.addItem(status, status)
        self.province = QComboBox()
        self.outlet = QComboBox()
        self.review = QComboBox()
        for key, label in REVIEW_STATES.items():
            self.review.addItem(label, key)
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search quotes and articles…")
        self.search.setClearButtonEnabled(True)
        self.clear_button = QPushButton("Clear filters")
        self._debounce = QTimer(self, singleShot=True, interval=300)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (None, self.status), (None, self.province), ("from", self.date_from),
            ("to", self.date_to), (None, self.outlet), (None, self.review),
        ):  # fmt: skip
            if label:
                layout.addWidget(QLabel(label))
            layout.addWidget(widget)
        widths = {self.province: 140, self.outlet: 150, self.review: 140, self.status: 120}
        widths |= {self.date_from: 100, self.date_to: 100}
        for widget, width in widths.items():
            widget.setMaximumWidth(width)
        for widget in (self.status, self.province, self.outlet, self.review):
            widget.setMinimumWidth(112)
        self.search.setMinimumWidth(140)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.clear_button)
        self.set_facets({"provinces": [], "outlets": []})
        self._connect_signals()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY_DATE)
        edit.setSpecialValueText("any")
        edit.setDate(_ANY_DATE)
        return edit

    def _connect_signals(self) -> None:
        for combo in (self.status, self.province, self.outlet, self.review):
            combo.currentIndexChanged.connect(self._emit)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        self._debounce.timeout.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    def set_facets(self, facets: dict[str, list[str]]) -> None:
        """Fill the province and outlet menus, keeping the current choices."""
        for combo, everything, values in (
            (self.province, "All provinces", facets["provinces"]),
            (self.outlet, "All outlets", facets["outlets"]),
        ):
            current = combo.currentData()
            if [combo.itemData(i) for i in range(1, combo.count())] == values:
                continue
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current(self) -> EventFilter:
        return EventFilter(
            statuses=frozenset({self.status.currentData()} - {""}),
            province=self.province.currentData() or "",
            date_from=_date(self.date_from),
            date_to=_date(self.date_to),
            outlet=self.outlet.currentData() or "",
            review=self.review.currentData(),
            text=self.search.text(),
        )

    def clear(self) -> None:
        for widget in (self.status, self.province, self.outlet, self.review):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setDate(_ANY_DATE)
            edit.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._emit()

    def _emit(self, *_args) -> None:
        self.changed.emit(self.current())


def _date(edit: QDateEdit) -> dt.date | None:
    if edit.date() == _ANY_DATE:
        return None
    return edit.date().toPython()
