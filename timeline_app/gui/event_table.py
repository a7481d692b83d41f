"""The event table: sortable, filtered as you type, one row per event."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from . import style

COLUMNS = ("Place", "Province", "Status", "Date", "Precision", "Sources", "Review")
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EventTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple] = []

    def set_rows(self, rows: list[tuple]) -> None:
        """Rows as ``Store.event_rows()`` gives them."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt's API
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
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
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return (place, province, status, date or "9999", precision, sources, review)[column]
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

    def row_of(self, event_id: int) -> int | None:
        for row, values in enumerate(self._rows):
            if values[0] == event_id:
                return row
        return None


class EventFilterModel(QSortFilterProxyModel):
    """Case-insensitive plain-text filter over every column (any input is safe)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setSortRole(Qt.ItemDataRole.UserRole)

    def set_text(self, text: str) -> None:
        self.setFilterFixedString(text.strip())
