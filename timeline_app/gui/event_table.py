"""The event table: sortable, filtered as you type, one row per event.

The model holds no row per event: it holds the events' sort and filter keys
as codes (``table_order.EventTable``) and the order of the rows as an array of
positions, and reads the rows it shows from the database a page at a time,
keeping the last few pages.  A million events cost tens of megabytes and no
Python loop over them; a sort of a big table runs in a thread of its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ..storage import EventRow, EventTableColumns
from ..table_order import COLUMNS, EventTable
from . import style

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 128  # rows read from the database at a time
PAGES_KEPT = 16
# Above this many rows a sort runs in a thread (about 0.1 s at a million).
BACKGROUND_SORT = 100_000


class EventTableModel(QAbstractTableModel):
    sorted_in_background = Signal(int, object)  # (generation, order)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._table = EventTable.empty()
        self._order = np.zeros(0, dtype="i8")  # positions in the table, sorted
        self._shown = self._order  # those the quick filter lets through
        self._rows: np.ndarray | None = None  # the row of each position, once asked
        self._only = None
        self._text = ""
        self._sort = (3, Qt.SortOrder.AscendingOrder)
        self._pages: OrderedDict[int, dict[int, EventRow]] = OrderedDict()
        self._fetch: Callable[[list[int]], list[EventRow]] = lambda ids: []
        self._sorts = 0  # sorts asked for; an older background result is dropped
        self.sorted_in_background.connect(self._on_sorted)

    # -- what is shown ----------------------------------------------------------------
    def set_source(self, fetch: Callable[[list[int]], list[EventRow]]) -> None:
        """Where the rows are read: ``fetch(ids)`` gives the rows of those events."""
        self._fetch = fetch

    def set_table(self, table: EventTable, order: np.ndarray, only=None) -> None:
        """The events (``only``: those the filter bar lets through) and the order
        of the rows, sorted as ``sort_order`` says (off the GUI thread)."""
        self.beginResetModel()
        self._sorts += 1
        self._table, self._order, self._only = table, order, only
        self._pages.clear()
        self._filter()
        self.endResetModel()

    @property
    def sort_order(self) -> tuple[int, bool]:
        """The column the table is sorted by, and whether descending."""
        return self._sort[0], self._sort[1] == Qt.SortOrder.DescendingOrder

    def set_text_filter(self, text: str) -> None:
        """Keep rows whose place, province, status, date, precision or review
        contain the text."""
        self.beginResetModel()
        self._text = text.strip().lower()
        self._pages.clear()
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self._rows = None
        if self._text:
            self._shown = self._order[self._table.matching(self._text)[self._order]]
        else:
            self._shown = self._order

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # Qt calls this
        self._sort = (column, order)
        self._sorts += 1
        table, only, generation = self._table, self._only, self._sorts
        if len(table) <= BACKGROUND_SORT:
            self._on_sorted(generation, table.order(*self.sort_order, only=only))
            return
        sort_order = self.sort_order

        def work() -> None:
            self.sorted_in_background.emit(generation, table.order(*sort_order, only=only))

        threading.Thread(target=work, name="sort", daemon=True).start()

    def _on_sorted(self, generation: int, order: np.ndarray) -> None:
        if generation != self._sorts:
            return  # a newer table or sort came meanwhile
        self.layoutAboutToBeChanged.emit()
        self._order = order
        self._pages.clear()
        self._filter()
        self.layoutChanged.emit()

    def total(self) -> int:
        return len(self._order)

    def update_events(self, columns: EventTableColumns) -> None:
        """Show the events' new state in their rows (after an edit): the rows are
        read again and their review and sources keys follow; their places in the
        order stay until the next sort or refresh."""
        for position in self._table.update(columns):
            row = self._row_of_position(position)
            if row is None:
                continue
            self._pages.pop(row // PAGE, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def row_of(self, event_id: int) -> int | None:
        """The row showing the event, if one does."""
        position = self._table.position_of(event_id)
        return None if position is None else self._row_of_position(position)

    def _row_of_position(self, position: int) -> int | None:
        # The row of every position, made once per order shown: a search of
        # the million rows took 2-6 ms at each lookup (an edit makes several).
        if self._rows is None:
            self._rows = np.full(len(self._table), -1, dtype="i8")
            self._rows[self._shown] = np.arange(len(self._shown))
        row = int(self._rows[position]) if 0 <= position < len(self._rows) else -1
        return None if row < 0 else row

    def event_id(self, row: int) -> int:
        return int(self._table.ids[self._shown[row]])

    def _row(self, row: int) -> EventRow | None:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._table.ids[self._shown[page * PAGE : (page + 1) * PAGE]].tolist()
            try:
                rows = {values.id: values for values in self._fetch(ids)}
            except Exception:  # the database went away: blank rows, not a crash per paint
                rows = {}
            self._pages[page] = rows
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows.get(self.event_id(row))

    # -- Qt's model interface ------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._row(index.row())
        if row is None:
            return None
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
