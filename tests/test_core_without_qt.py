"""The command line works where Qt is absent: it loads the GUI only when asked.

Which modules may import Qt at all is the import-linter contract in pyproject.toml
(tests/test_architecture.py); this runs the real thing with Qt made unimportable.
"""

import subprocess
import sys

QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "pyqtgraph")

BLOCK_QT = f"""
import sys
QT = {QT!r}
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in QT:
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, BlockQt())
import timeline_app.cli
code = timeline_app.cli.main(['import', '--db', sys.argv[1], sys.argv[2]])
loaded = sorted(m for m in sys.modules if m.split('.')[0] in QT or m.startswith('timeline_app.gui'))
assert not loaded, loaded
sys.exit(code)
"""


def test_cli_imports_and_runs_an_import_with_qt_blocked(tmp_path, sample_path):
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, str(tmp_path / "t.db"), str(sample_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1 imported (9 events)" in result.stdout
