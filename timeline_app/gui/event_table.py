"""The event table: sortable, filtered as you type, one row per event.

The model sorts and filters its own rows with Python's sort and a prepared
lower-case text per row.  A QSortFilterProxyModel asks ``data()`` once per
comparison: 1.7 million calls and 6 s for 100k events; this takes
a fraction of a second.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..snapshot import sort_rows
from ..storage import EventRow
from . import style
from .workers import release_in_background

COLUMNS = ("Place", "Province", "Status", "Date", "Precision", "Sources", "Review")
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _searchable(row: EventRow) -> str:
    return " ".join(
        str(v)
        for v in (row.place, row.province, row.status, row.date or "unknown", row.precision,
                  row.review)
    ).lower()


class EventTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[EventRow] = []
        self._search: list[str] = []
        self._rows: list[EventRow] = []
        self._index: dict[int, int] | None = None  # event id -> row
        self._text = ""
        self._sort = (3, Qt.SortOrder.AscendingOrder)

    # -- what is shown ----------------------------------------------------------------
    def set_rows(
        self, rows: list[EventRow], *, sorted_as_shown: bool = False, index: dict | None = None
    ) -> None:
        """Rows as ``Store.event_rows()`` gives them; ``sorted_as_shown`` when they
        are already in the table's order (sorted off the GUI thread).  The model
        owns the list from now on: the old rows are let go in the background."""
        old = [self._all, self._rows, self._search, self._index or {}]
        self._all = rows
        self._search = []  # built when the quick filter is first used
        self._apply(sorted_as_shown and not self._text)
        if sorted_as_shown and not self._text and index is not None:
            self._index = index  # made with the rows, off the GUI thread
        release_in_background(*{id(c): c for c in old if c is not rows}.values())

    @property
    def sort_order(self) -> tuple[int, bool]:
        """The column the table is sorted by, and whether descending."""
        return self._sort[0], self._sort[1] == Qt.SortOrder.DescendingOrder

    def set_text_filter(self, text: str) -> None:
        """Keep rows whose place, province, status, date or review contain the text."""
        self._text = text.strip().lower()
        self._apply()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # Qt calls this
        self._sort = (column, order)
        self._apply()

    def total(self) -> int:
        return len(self._all)

    def _apply(self, sorted_as_shown: bool = False) -> None:
        self.beginResetModel()
        if self._text:
            if len(self._search) != len(self._all):
                self._search = [_searchable(row) for row in self._all]
            rows = [
                row for row, text in zip(self._all, self._search, strict=True) if self._text in text
            ]
        else:
            rows = self._all if sorted_as_shown else list(self._all)
        if not sorted_as_shown:
            sort_rows(rows, *self.sort_order)
        self._rows = rows
        self._index = None
        self.endResetModel()

    def row_of(self, event_id: int) -> int | None:
        """The row showing the event (an index made on first use after a change:
        a scan of a million rows took 0.1 s at every selection)."""
        if self._index is None:
            self._index = {values.id: row for row, values in enumerate(self._rows)}
        return self._index.get(event_id)

    def event_id(self, row: int) -> int:
        return self._rows[row].id

    # -- Qt's model interface ------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        event_id, place, province, status, date, end_date, precision, sources, review = row
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            when = f"{date} – {end_date}" if end_date else (date or "unknown")
            return (place, province, status, when, precision, sources, review)[column]
        if role == EVENT_ID_ROLE:
            return event_id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 2:
                return QBrush(style.colour(status).darker(120))
            if (column == 3 and not date) or review == "rejected":
                return QBrush(QColor("#999999"))
            if column == 6 and "disagree" in review:
                return QBrush(QColor("#a33b00"))
        return None
