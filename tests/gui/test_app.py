"""The real entry point in a subprocess: first launch, --screenshot, headless export."""

import os
import sqlite3
import subprocess
import sys

from PySide6.QtGui import QImage


def run_app(tmp_path, *args, display=True):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # QSettings stay in the test's folder
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["TIMELINE_APP_DB"] = str(tmp_path / "default.db")
    if display:
        env["QT_QPA_PLATFORM"] = "offscreen"
    else:
        env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", *map(str, args)],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


def test_first_launch_imports_the_sample_and_screenshot_saves_the_window(tmp_path):
    shot = tmp_path / "window.png"
    result = run_app(tmp_path, "--screenshot", shot)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() > 600 and image.height() > 400
    with sqlite3.connect(tmp_path / "default.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 9
    # Second launch: nothing imported twice.
    assert run_app(tmp_path, "--screenshot", shot).returncode == 0
    with sqlite3.connect(tmp_path / "default.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_export_png_needs_no_display(tmp_path, sample_path):
    db = tmp_path / "t.db"
    assert run_app(tmp_path, "import", "--db", db, sample_path).returncode == 0
    out = tmp_path / "timeline.png"
    result = run_app(
        tmp_path, "export-png", out, "--db", db, "--width", 3840, "--title", "Test", display=False
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert image.width() == 3840 and image.height() > 600


def test_a_database_that_cannot_be_opened_is_a_message(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database" * 100)
    result = run_app(tmp_path, "export-png", tmp_path / "x.png", "--db", bad)
    assert result.returncode == 2 and "is not a Timeline database" in result.stderr
    assert "Traceback" not in result.stderr
