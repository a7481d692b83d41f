"""Database files that are not what they seem: refused with a message and
left exactly as they were, or opened safely."""

import sqlite3

import pytest
from PySide6.QtCore import QSettings

from timeline_app.services import import_paths
from timeline_app.storage import Store, StoreError
from timeline_app.storage import store as store_module
from timeline_app.storage.schema import SCHEMA_VERSION


@pytest.fixture
def filled_db(tmp_path, sample_path):
    path = tmp_path / "work.db"
    with Store(path) as store:
        import_paths([sample_path], store)
        for number in range(60):
            article = tmp_path / f"a{number}.txt"
            article.write_text(
                f"Published Aug. 12, 2021\n\n{number}. Ghazni fell on Tuesday. " * 30
            )
            import_paths([article], store)
    return path


def test_truncated_database_is_refused_untouched(filled_db):
    size = filled_db.stat().st_size
    with filled_db.open("r+b") as handle:
        handle.truncate(size * 6 // 10)
    before = filled_db.read_bytes()
    with pytest.raises(StoreError, match="is damaged .*it was not changed"):
        Store(filled_db)
    assert filled_db.read_bytes() == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "contacts.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ann')")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    assert path.read_bytes() == before


def test_read_only_database_opens_for_reading(filled_db):
    before = filled_db.read_bytes()
    with Store(filled_db, readonly=True) as store:
        assert store.readonly and store.counts()["articles"] == 61
        with pytest.raises(StoreError, match="open read-only"):
            import_paths([filled_db.parent / "a1.txt"], store)
    assert filled_db.read_bytes() == before


def test_unwritable_file_is_opened_read_only_by_itself(filled_db, monkeypatch):
    # As root here, file modes do not stop writing: the check itself is replaced.
    monkeypatch.setattr(store_module, "_writable", lambda path: False)
    with Store(filled_db) as store:
        assert store.readonly


def test_read_only_window_shows_a_banner_and_disables_import(qtbot, filled_db, tmp_path):
    from timeline_app.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Store(filled_db, readonly=True), settings)
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible() and "read-only" in window.banner.text()
    assert not window.import_action.isEnabled() and not window.acceptDrops()
    assert not window.edit_action.isEnabled() and not window.reject_action.isEnabled()
    assert window.table_model.rowCount() == 10
    window.store.close()


def test_newer_database_is_refused_untouched(filled_db):
    with sqlite3.connect(filled_db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    before = filled_db.read_bytes()
    with pytest.raises(StoreError, match="newer version of Timeline"):
        Store(filled_db)
    assert filled_db.read_bytes() == before


def test_two_instances_on_one_database(filled_db, tmp_path):
    first, second = Store(filled_db), Store(filled_db)
    try:
        seen_before = second.counts()["articles"]
        extra = tmp_path / "extra.txt"
        extra.write_text("Published Aug. 13, 2021\n\nHerat fell on Friday, officials said.")
        import_paths([extra], first)
        assert second.counts()["articles"] == seen_before + 1  # visible on the next read
        import_paths([tmp_path / "a3.txt"], second)  # both may write, one at a time
    finally:
        first.close()
        second.close()
    with sqlite3.connect(filled_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
