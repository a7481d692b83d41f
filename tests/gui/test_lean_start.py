"""The window starts without the HTML stack (loaded when a web page is read),
sqlite-utils (the migrations are plain SQL: not even a new file needs it) or
the extraction (loaded to import): each cost the start tens of milliseconds.

In a fresh interpreter (this test process has loaded everything already).
"""

import os
import subprocess
import sys
from pathlib import Path

from timeline_app.storage import Store

HTML_STACK = ("trafilatura", "htmldate", "justext", "lxml")
LATER = ("sqlite_utils", "timeline_app.extraction.extract", "timeline_app.services")
PAGE = Path(__file__).resolve().parent.parent / "data" / "articles" / "page.html"

SCRIPT = f"""
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from timeline_app.gui.main_window import MainWindow
from timeline_app.storage import Store

def html_stack():
    return sorted({{m.split('.')[0] for m in sys.modules}} & set({HTML_STACK!r}))

def later():
    return sorted(set(sys.modules) & set({LATER!r}))

app = QApplication([])
store = Store(sys.argv[1])
window = MainWindow(store, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
app.processEvents()
print("shown:", html_stack(), later())
from timeline_app.services import read_one
Store(sys.argv[4]).close()  # a new file: its tables are made by the migrations
print("after a new file:", later())
from timeline_app.extraction.extract import Extractor  # what extracting loads
print("to extract:", later())
result = read_one(sys.argv[3])
assert result.article is not None, result.error
print("after a page:", html_stack())
window.close()
store.close()
"""


def test_the_window_starts_without_the_html_stack_sqlite_utils_or_the_extraction(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    Store(tmp_path / "w.db").close()  # an existing database, as the window mostly opens
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "w.db"), str(tmp_path / "s.ini"), str(PAGE),
         str(tmp_path / "new.db")],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown, new_file, extracting, after = result.stdout.strip().splitlines()[-4:]
    assert shown == "shown: [] []"
    # The import service and the extraction come when needed: else the line above proves
    # nothing of them; sqlite-utils not even then.  The import service alone does not
    # load the extraction (an import's workers may extract every article).
    assert new_file == "after a new file: ['timeline_app.services']"
    assert extracting == f"to extract: {sorted(set(LATER) - {'sqlite_utils'})}"
    # The stack is still there when needed: else the line above proves nothing.
    assert after == f"after a page: {sorted(HTML_STACK)}"
