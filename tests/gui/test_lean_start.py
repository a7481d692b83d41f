"""The window starts without the HTML stack: it is loaded when a web page is read.

In a fresh interpreter (this test process has loaded everything already).
"""

import os
import subprocess
import sys
from pathlib import Path

HTML_STACK = ("trafilatura", "htmldate", "justext", "lxml")
PAGE = Path(__file__).resolve().parent.parent / "data" / "articles" / "page.html"

SCRIPT = f"""
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from timeline_app.gui.main_window import MainWindow
from timeline_app.services import read_one
from timeline_app.storage import Store

def html_stack():
    return sorted({{m.split('.')[0] for m in sys.modules}} & set({HTML_STACK!r}))

app = QApplication([])
store = Store(sys.argv[1])
window = MainWindow(store, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
app.processEvents()
print("shown:", html_stack())
result = read_one(sys.argv[3])
assert result.article is not None, result.error
print("after a page:", html_stack())
window.close()
store.close()
"""


def test_the_window_loads_no_html_stack_until_a_page_is_read(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "w.db"), str(tmp_path / "s.ini"), str(PAGE)],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shown, after = result.stdout.strip().splitlines()[-2:]
    assert shown == "shown: []"
    # The stack is still there when needed: else the line above proves nothing.
    assert after == f"after a page: {sorted(HTML_STACK)}"
