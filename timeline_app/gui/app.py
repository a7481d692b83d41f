"""Start the window: pick the database, seed it on first launch, show, run."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..paths import default_db_path, resources_dir, seeds_dir
from ..storage import Store, StoreError
from .main_window import MainWindow

SCREENSHOT_DELAY_MS = 1500


def open_store(args) -> tuple[Store, bool]:
    """The database to show and whether it should receive the sample."""
    if args.demo:
        folder = Path(tempfile.mkdtemp(prefix="timeline-demo-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)  # throwaway, as promised
        return Store(folder / "demo.db"), True
    if args.db:
        return Store(args.db), False
    return Store(default_db_path()), True


def run(args) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("timeline-app")
    app.setApplicationName("Timeline")
    app.setWindowIcon(QIcon(str(resources_dir() / "timeline.svg")))
    try:
        store, may_seed = open_store(args)
    except StoreError as exc:
        print(f"timeline-app: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "Cannot open database", str(exc))
        return 2
    settings = QSettings()
    if may_seed and store.counts()["articles"] == 0 and (args.demo or not settings.value("seeded")):
        from ..services import import_paths  # the extraction: loaded only to seed

        import_paths([seeds_dir()], store)
        settings.setValue("seeded", True)
    window = MainWindow(store, settings)
    window.show()
    if args.screenshot:
        QTimer.singleShot(
            SCREENSHOT_DELAY_MS, lambda: _screenshot_and_quit(window, args.screenshot)
        )
    quit_after = _quit_after_ms()
    if quit_after is not None:  # scripted checks (CI) run the README's command as written
        QTimer.singleShot(quit_after, lambda: _report_and_quit(window))
    return app.exec()


def _quit_after_ms() -> int | None:
    value = os.environ.get("TIMELINE_APP_QUIT_AFTER_MS", "").strip()
    return int(value) if value.isdigit() else None


def _report_and_quit(window: MainWindow) -> None:
    window.grab()  # paint once for real before reporting
    counts = window.store.counts()
    print(f"window shown: {counts['articles']} article(s), {counts['events']} event(s)")
    window.close()
    QApplication.instance().quit()


def _screenshot_and_quit(window: MainWindow, path: Path) -> None:
    window.grab().save(str(path), "PNG")
    print(f"saved {path}")
    window.close()
    QApplication.instance().quit()
