"""Every question the window asks, behind one small function each.

Tests replace these functions instead of clicking through modal dialogs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)  # fmt: skip

from .. import __version__

if TYPE_CHECKING:  # the import service loads the extraction: not at start
    from ..services import ImportReport, ReadResult

ARTICLE_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm *.xhtml);;All files (*)"
DB_FILTER = "Timeline database (*.db *.sqlite *.sqlite3);;All files (*)"


def ask_article_files(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Import articles", "", ARTICLE_FILTER)
    return files


def ask_folder(parent: QWidget) -> str | None:
    return QFileDialog.getExistingDirectory(parent, "Import a folder of articles") or None


def ask_open_database(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open database", "", DB_FILTER)
    return path or None


def ask_new_database(parent: QWidget) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, "New database", "timeline.db", DB_FILTER)
    return path or None


def ask_save_path(parent: QWidget, title: str, default: str, file_filter: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, default, file_filter)
    return path or None


def show_error(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_import_summary(parent: QWidget, report: ImportReport) -> None:
    lines = ([report.stopped] if report.stopped else []) + [report.summary() + "."]
    for problem in report.failed:
        lines.append(f"• failed: {problem.line()}")
    for problem in report.skipped:
        lines.append(f"• skipped: {problem.line()}")
    box = QMessageBox(parent)
    box.setWindowTitle("Import finished")
    trouble = report.failed or report.stopped
    box.setIcon(QMessageBox.Icon.Warning if trouble else QMessageBox.Icon.Information)
    box.setText(lines[0])
    if len(lines) > 1:
        box.setInformativeText("\n".join(lines[1:21]) + ("\n…" if len(lines) > 21 else ""))
    box.exec()


def show_about(parent: QWidget) -> None:
    from importlib.metadata import version

    import pyqtgraph
    import PySide6
    import sqlite_utils  # noqa: F401

    QMessageBox.about(
        parent,
        "About Timeline",
        f"<h3>Timeline {__version__}</h3><p>Which city fell when, according to whom.</p>"
        f"<p>PySide6 {PySide6.__version__} · pyqtgraph {pyqtgraph.__version__} · "
        f"sqlite-utils {version('sqlite-utils')}</p>",
    )


class PublishedDatesDialog(QDialog):
    """Confirm or enter each article's publication date before importing."""

    def __init__(self, results: list[ReadResult], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publication dates")
        self.results = [r for r in results if r.article is not None]
        self.table = QTableWidget(len(self.results), 3)
        self.table.setHorizontalHeaderLabels(["File", "Title", "Published (YYYY-MM-DD)"])
        for row, result in enumerate(self.results):
            article = result.article
            for column, text in enumerate(
                (
                    result.path.name,
                    article.title,
                    article.published.isoformat() if article.published else "",
                )
            ):
                item = QTableWidgetItem(text)
                if column < 2:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column == 2 and not article.published:
                    item.setBackground(QColor("#fff3cd"))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.itemChanged.connect(self._validate)
        missing = sum(1 for r in self.results if r.article.published is None)
        note = QLabel(
            f"No publication date was found in {missing} article(s) (highlighted). Dates "
            "such as “Tuesday” are counted back from it; leave it empty to keep them unknown."
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.resize(760, 420)

    def dates(self) -> dict[Path, dt.date | None]:
        return {r.path: _parse(self.table.item(i, 2).text()) for i, r in enumerate(self.results)}

    def _validate(self) -> None:
        ok = True
        for row in range(self.table.rowCount()):
            text = self.table.item(row, 2).text().strip()
            valid = not text or _parse(text) is not None
            ok &= valid
            self.table.item(row, 2).setForeground(QColor("black" if valid else "#c00000"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


def _parse(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def confirm_publication_dates(parent, results: list[ReadResult]) -> dict | None:
    """Dates per path, or None if the user cancelled the import."""
    dialog = PublishedDatesDialog(results, parent)
    return dialog.dates() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class ExportOptions:
    width: int
    visible_only: bool


class ExportDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PNG")
        self.whole = QRadioButton("Whole timeline")
        self.visible = QRadioButton("Visible range")
        self.whole.setChecked(True)
        scope = QButtonGroup(self)
        scope.addButton(self.whole)
        scope.addButton(self.visible)
        self.width = QSpinBox()
        self.width.setRange(640, 10000)
        self.width.setSingleStep(160)
        self.width.setValue(1920)
        self.width.setSuffix(" px")
        presets = QHBoxLayout()
        for value in (1920, 3840):
            button = QRadioButton(f"{value} px")
            button.toggled.connect(lambda on, v=value: on and self.width.setValue(v))
            presets.addWidget(button)
        form = QFormLayout(self)
        form.addRow("Range", self.whole)
        form.addRow("", self.visible)
        form.addRow("Width", presets)
        form.addRow("Custom width", self.width)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class PeriodDialog(QDialog):
    """The period of the offensive this database follows."""

    def __init__(self, parent, current, suggested) -> None:
        super().__init__(parent)
        self.setWindowTitle("Period of the Offensive")
        shown = current or suggested
        self.start = QLineEdit(shown[0].isoformat() if shown else "")
        self.end = QLineEdit(shown[1].isoformat() if shown else "")
        for field in (self.start, self.end):
            field.setPlaceholderText("YYYY-MM-DD")
        self.message = QLabel(
            "Reports dated outside the period stay in the database but are not drawn,\n"
            "exported or counted in the consensus."
        )
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.message)
        form.addRow("From", self.start)
        form.addRow("To", self.end)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Reset
        )  # fmt: skip
        buttons.button(QDialogButtonBox.StandardButton.Reset).setText("Use the Profile's Period")
        buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self._clear)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_period = None

    def _clear(self) -> None:
        self.result_period = "clear"
        self.accept()

    def _accept(self) -> None:
        period = parse_period(self.start.text(), self.end.text())
        if isinstance(period, str):
            self.error.setText(period)
            return
        self.result_period = period
        self.accept()


def parse_period(start: str, end: str):
    """(from, to), or a one-line reason why not."""
    first, last = _parse(start), _parse(end)
    if first is None or last is None:
        return "Give both dates as YYYY-MM-DD."
    if last < first:
        return "The period ends before it starts."
    return first, last


def ask_period(parent, current, suggested):
    """A new period, "clear" to use the profile's, or None when cancelled."""
    dialog = PeriodDialog(parent, current, suggested)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_period


def ask_conflict(parent, shipped: list[tuple[str, str, Path]]) -> Path | None:
    """Which conflict a new database follows: a places file the app ships, or
    another one (CSV or JSON, as the README documents); None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    other = "Another places file…"
    labels = [f"{conflict} ({name})" for name, conflict, _ in shipped] + [other]
    choice, ok = QInputDialog.getItem(
        parent, "New Database", "Which conflict does this database follow?", labels, 0, False
    )
    if not ok:
        return None
    if choice == other:
        path, _ = QFileDialog.getOpenFileName(
            parent, "Places File", "", "Places (*.csv *.json);;All files (*)"
        )
        return Path(path) if path else None
    return shipped[labels.index(choice)][2]


def ask_export_options(parent) -> ExportOptions | None:
    dialog = ExportDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return ExportOptions(dialog.width.value(), dialog.visible.isChecked())


class EventDialog(QDialog):
    """Place (with completion), status, date and its precision, and a note."""

    def __init__(self, title: str, places: list[tuple[str, str]], values: dict, parent=None):
        from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QPlainTextEdit

        from ..model import PRECISIONS, STATUSES

        super().__init__(parent)
        self.setWindowTitle(title)
        self.places = places  # (place id, "Name (Province)")
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for place_id, label in places:
            self.place.addItem(label, place_id)
        completer = QCompleter([label for _, label in places], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.place.setCompleter(completer)
        self.place.setCurrentIndex(max(0, self.place.findData(values.get("place_id"))))
        self.status = QComboBox()
        self.status.addItems(STATUSES)
        self.status.setCurrentText(values.get("status") or "captured")
        self.date = QLineEdit(values.get("date") or "")
        self.date.setPlaceholderText("YYYY-MM-DD, empty if unknown")
        self.precision = QComboBox()
        self.precision.addItems(PRECISIONS)
        self.precision.setCurrentText(values.get("date_precision") or "day")
        self.note = QPlainTextEdit(values.get("note") or "")
        self.note.setPlaceholderText("Why: which source you trust, what you checked…")
        self.note.setFixedHeight(70)
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Place", self.place)
        form.addRow("Status", self.status)
        form.addRow("Date", self.date)
        form.addRow("Precision", self.precision)
        form.addRow("Note", self.note)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.resize(460, 300)

    def values(self) -> dict:
        date = self.date.text().strip() or None
        return {
            "place_id": self._place_id(),
            "status": self.status.currentText(),
            "date": date,
            "precision": self.precision.currentText() if date else "unknown",
            "note": self.note.toPlainText().strip() or None,
        }

    def _place_id(self) -> str | None:
        text = self.place.currentText().strip().lower()
        for place_id, label in self.places:
            if label.lower() == text or label.lower().split(" (")[0] == text:
                return place_id
        return None

    def _accept_if_valid(self) -> None:
        values = self.values()
        if values["place_id"] is None:
            self.error.setText("Choose a place from the list.")
        elif values["date"] and _parse(values["date"]) is None:
            self.error.setText("Write the date as YYYY-MM-DD, or leave it empty.")
        else:
            self.accept()


def ask_event_values(parent, title: str, places, values: dict) -> dict | None:
    dialog = EventDialog(title, places, values, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_merge_partner(parent, event: dict, candidates: list[dict]) -> int | None:
    """Which other event of the same place is the same event."""
    from PySide6.QtWidgets import QInputDialog

    if not candidates:
        show_error(parent, "Nothing to merge", f"{event['place']} has no other event.")
        return None
    labels = [
        f"{c['status']} {c['date'] or 'date unknown'} · {len(c['sources'])} source(s)"
        for c in candidates
    ]
    choice, ok = QInputDialog.getItem(
        parent, "Merge events",
        f"Merge {event['place']} {event['status']} {event['date']} with:", labels, 0, False,
    )  # fmt: skip
    return candidates[labels.index(choice)]["id"] if ok else None
