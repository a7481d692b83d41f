import pytest
from PySide6.QtCore import QSettings

from timeline_app.gui import dialogs
from timeline_app.gui.main_window import MainWindow
from timeline_app.storage import Store


@pytest.fixture
def answers(monkeypatch):
    """What the (patched) dialogs answer, and what they were shown."""
    state = {"files": [], "folder": None, "save": None, "export": None, "dates": {}, "shown": []}
    monkeypatch.setattr(dialogs, "ask_article_files", lambda parent: state["files"])
    monkeypatch.setattr(dialogs, "ask_folder", lambda parent: state["folder"])
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, *a: state["save"])
    monkeypatch.setattr(dialogs, "ask_export_options", lambda parent: state["export"])
    monkeypatch.setattr(
        dialogs, "show_import_summary", lambda parent, report: state["shown"].append(report)
    )
    monkeypatch.setattr(
        dialogs, "show_error", lambda parent, title, text: state["shown"].append((title, text))
    )
    monkeypatch.setattr(
        dialogs, "confirm_publication_dates", lambda parent, results: state["dates"]
    )
    return state


@pytest.fixture
def window(qtbot, tmp_path, answers):
    store = Store(tmp_path / "gui.db")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.job is not None:
        win.job.cancel()
        qtbot.waitUntil(lambda: win.job is None, timeout=10_000)
    win.store.close()


def import_and_wait(qtbot, window, answers, paths):
    answers["files"] = [str(p) for p in paths]
    window.import_action.trigger()
    qtbot.waitUntil(lambda: not window.is_busy() and bool(answers["shown"]), timeout=20_000)
    return answers["shown"][-1]


def new_database(window, monkeypatch, path, places_file: str) -> None:
    """File > New Database... for ``path``, answering the conflict question with
    one of the places files that ship with the app (dialogs patched)."""
    from timeline_app.paths import package_data

    monkeypatch.setattr(dialogs, "ask_new_database", lambda parent: str(path))
    monkeypatch.setattr(dialogs, "ask_conflict",
                        lambda parent, shipped: package_data() / places_file)  # fmt: skip
    window.new_db_action.trigger()
