"""The domain core must work where Qt is absent: block PySide6 and import it all."""

import subprocess
import sys

BLOCK_QT = """
import sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'pyqtgraph'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, BlockQt())
import timeline_app.cli, timeline_app.services, timeline_app.extraction.extract
import timeline_app.extraction.dates, timeline_app.extraction.gazetteer, timeline_app.importers
import timeline_app.storage, timeline_app.extraction.layout
from timeline_app.cli import main
sys.exit(main(['import', '--db', sys.argv[1], sys.argv[2]]))
"""


def test_core_imports_and_runs_with_qt_blocked(tmp_path, sample_path):
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, str(tmp_path / "t.db"), str(sample_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1 imported (9 events)" in result.stdout
