import datetime as dt
import sqlite3
import sys

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage

from timeline_app import services
from timeline_app.gui import main_window as main_window_module
from timeline_app.gui.dialogs import ExportOptions
from timeline_app.services import store_articles as real_store_articles
from timeline_app.timeline_data import to_x

from .conftest import import_and_wait, new_database


def marker_position(window, event_id):
    """Where a user would click to hit an event's marker, in viewport pixels."""
    view = window.timeline
    index = view.data.index_of(event_id)
    scene = view.view.mapViewToScene(QPointF(view.data.x[index], float(view.data.lane[index])))
    return view.graphics.mapFromScene(scene)


def event_id_of(window, place, status):
    return next(
        e["id"] for e in window.store.events() if e["place"] == place and e["status"] == status
    )


def test_import_the_sample_through_the_file_menu(qtbot, window, answers, sample_path):
    report = import_and_wait(qtbot, window, answers, [sample_path])
    assert len(report.imported) == 1 and not report.failed
    assert len(window.timeline.data) == 9
    assert window.table_model.rowCount() == 9
    lanes = [lane.name for lane in window.timeline.data.lanes]
    assert lanes[:3] == ["Farah", "Fayzabad", "Pul-e-Khumri"]  # first captures, Tuesday
    assert "9 events" in window.counts_label.text()


def test_click_a_marker_shows_its_quote(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    kunduz = event_id_of(window, "Kunduz", "surrendered")
    window.timeline.fit_all()
    qtbot.mouseClick(
        window.timeline.graphics.viewport(),
        Qt.MouseButton.LeftButton,
        pos=marker_position(window, kunduz),
    )
    text = window.detail.toPlainText()
    assert "Kunduz" in text and "surrendered" in text
    assert "hundreds of Afghan forces surrendered after a deal was brokered" in text
    assert "The Washington Post" in text and "2021-08-11" in text
    current = window.table.currentIndex()
    assert window.table_model.index(current.row(), 0).data() == "Kunduz"


def test_arrow_keys_step_through_events_in_time(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert "besieged" in window.detail.toPlainText()  # the earliest: Ghazni's siege from May
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.detail.toPlainText().splitlines()[0] in {"Farah", "Fayzabad", "Pul-e-Khumri"}


def test_filter_the_table_as_you_type(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    qtbot.keyClicks(window.filter_edit, "contested")
    assert window.table_model.rowCount() == 2
    window.filter_edit.clear()
    window.filter_edit.setText(('AND( "*" NEAR 🙂 ' * 700)[:10_000])  # pasted, not typed
    assert window.table_model.rowCount() == 0
    window.filter_edit.clear()
    assert window.table_model.rowCount() == 9


def test_table_selection_drives_the_detail_pane_and_timeline(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    qtbot.keyClicks(window.filter_edit, "Herat")
    window.table.selectRow(0)
    assert "Clashes pushed into the center" in window.detail.toPlainText()
    selected = window.timeline.selected_event()
    assert selected == event_id_of(window, "Herat", "contested")


def test_source_link_opens_the_article_at_the_quote(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    event = window.store.event(event_id_of(window, "Kunduz", "surrendered"))
    source = event["sources"][0]
    window.detail.show_event(event)
    window.detail.anchorClicked.emit(
        QUrl(f"article:{source['article_id']}:{source['start']}:{source['end']}")
    )
    dialog = window.article_dialog
    qtbot.addWidget(dialog)
    assert dialog.highlighted_text() == source["quote"]


def test_export_png_from_the_menu(qtbot, window, answers, sample_path, tmp_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    answers["export"] = ExportOptions(width=1920, visible_only=False)
    answers["save"] = str(tmp_path / "timeline.png")
    window.export_png_action.trigger()
    image = QImage(str(tmp_path / "timeline.png"))
    assert image.width() == 1920 and image.height() > 300
    colours = {image.pixel(x, y) for x in range(0, 1920, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # text, lanes, markers of several colours: not blank


def test_export_csv_from_the_menu(qtbot, window, answers, sample_path, tmp_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    answers["save"] = str(tmp_path / "events.csv")
    window.export_csv_action.trigger()  # in the background: the window stays live
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20_000)
    text = (tmp_path / "events.csv").read_text()
    assert text.count("\n") == 15 and "Kunduz" in text
    assert window.statusBar().currentMessage() == "Saved events.csv"
    assert not (tmp_path / "events.csv.part").exists()


def test_export_csv_that_cannot_be_written_says_why_and_leaves_nothing(
    qtbot, window, answers, sample_path, tmp_path
):
    import_and_wait(qtbot, window, answers, [sample_path])
    answers["shown"].clear()
    answers["save"] = str(tmp_path / "no such folder" / "events.csv")
    window.export_csv_action.trigger()
    qtbot.waitUntil(lambda: not window.is_busy() and bool(answers["shown"]), timeout=20_000)
    title, text = answers["shown"][-1]
    assert title == "Export failed" and "Cannot write events.csv" in text
    assert not (tmp_path / "no such folder").exists()


def test_a_cancelled_csv_export_writes_nothing(
    qtbot, window, answers, sample_path, tmp_path, monkeypatch
):
    import threading

    from timeline_app.gui import main_window

    pressed = threading.Event()

    def endless(store, out):  # an export of a million events, cut short
        while True:
            out.write("a line\n")
            pressed.wait(10)  # the next line comes once Cancel is pressed

    monkeypatch.setattr(main_window, "write_events_csv", endless)
    import_and_wait(qtbot, window, answers, [sample_path])
    answers["save"] = str(tmp_path / "events.csv")
    window.export_csv_action.trigger()
    qtbot.waitUntil(lambda: (tmp_path / "events.csv.part").exists(), timeout=20_000)
    window.job.cancel()  # as the progress dialog's Cancel does
    pressed.set()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20_000)
    assert list(tmp_path.glob("events.csv*")) == []
    assert window.statusBar().currentMessage() == "Export cancelled: nothing written"


def test_cancel_an_import_half_way_leaves_a_consistent_database(
    qtbot, window, answers, tmp_path, monkeypatch
):
    paths = []
    for number in range(40):
        path = tmp_path / f"article-{number:02d}.txt"
        path.write_text(
            f"Published Aug. 12, 2021\n\nReport {number}: the Taliban captured Herat on Tuesday."
        )
        paths.append(path)

    def store_articles_cancelled_at_10(results, store, extractor, *, progress, cancelled, report):
        def progress_then_cancel(done, total, label):
            if done == 10:
                window.job.cancel()  # what the progress dialog's Cancel button does
            progress(done, total, label)

        return real_store_articles(
            results,
            store,
            extractor,
            progress=progress_then_cancel,
            cancelled=cancelled,
            report=report,
        )

    # (the window loads the import service when an import starts)
    monkeypatch.setattr(services, "store_articles", store_articles_cancelled_at_10)
    report = import_and_wait(qtbot, window, answers, paths)
    # Cancel arrives while the 11th article is in hand: it is left unstored (cancel is
    # heard inside an article, which may be long), no more are started.
    assert report.cancelled and len(report.imported) == 10
    with sqlite3.connect(window.store.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        without_events = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)"  # noqa: E501
        ).fetchone()[0]
    assert articles == 10 and without_events == 0
    assert window.table_model.rowCount() == 1 and "10 quotes" in window.counts_label.text()


def test_undated_articles_take_the_dates_the_user_enters(qtbot, window, answers, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("The Taliban captured Herat on Tuesday.")
    import datetime as dt

    answers["dates"] = {path: dt.date(2021, 8, 12)}
    import_and_wait(qtbot, window, answers, [path])
    [event] = window.store.events()
    assert event["date"] == "2021-08-10"


def test_bad_files_are_reported_and_the_rest_imported(
    qtbot, window, answers, tmp_path, sample_path
):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    report = import_and_wait(qtbot, window, answers, [empty, sample_path])
    assert [p.line() for p in report.failed] == ["empty.txt: the file is empty"]
    assert len(report.imported) == 1 and window.table_model.rowCount() == 9


def test_dropping_files_imports_them(qtbot, window, answers, sample_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_path))])
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: not window.is_busy() and bool(answers["shown"]), timeout=20_000)
    assert window.table_model.rowCount() == 9


def test_lane_order_can_change(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    window.order_actions["name"].trigger()
    names = [lane.name for lane in window.timeline.data.lanes]
    assert names == sorted(names, key=str.lower)
    window.order_actions["north_south"].trigger()
    assert window.timeline.data.lanes[0].name == "Fayzabad"  # the northernmost of the eight


def test_zoom_changes_only_the_time_range(qtbot, window, answers, sample_path):
    import_and_wait(qtbot, window, answers, [sample_path])
    (x0, x1), y_range = window.timeline.view.viewRange()
    window.zoom_in_action.trigger()
    (z0, z1), z_y = window.timeline.view.viewRange()
    assert (z1 - z0) < (x1 - x0) * 0.7 and z_y == y_range


def test_settings_remember_the_database(qtbot, window):
    window.close()
    recent = window.settings.value("recent_databases")
    assert recent and recent[0].endswith("gui.db")


def test_painting_does_not_drain_the_refcount_of_none(qtbot, window, answers, sample_path):
    """PySide6 6.12.0 on CPython 3.11 lowers None's refcount on every paint call."""
    import_and_wait(qtbot, window, answers, [sample_path])
    window.grab()
    before = sys.getrefcount(None)
    for _ in range(30):
        window.timeline.grab()
    assert abs(sys.getrefcount(None) - before) < 200


def test_open_a_file_that_is_not_a_database(qtbot, window, answers, tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are notes" * 100)
    window.switch_database(bad, create=False)
    assert answers["shown"][-1][0] == "Cannot open database"
    assert window.store.path.name == "gui.db"
    window.refresh()  # still usable


def test_about_names_the_versions(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    assert "Timeline 0.1.0" in shown[0] and "PySide6" in shown[0] and "sqlite-utils" in shown[0]


def test_consensus_view_is_the_default_and_v_shows_every_report(
    qtbot, window, answers, sample_path, tmp_path
):
    import_and_wait(qtbot, window, answers, [sample_path])
    recap = tmp_path / "recap.txt"
    recap.write_text(
        "Published Aug. 16, 2021\n\nThe militants overran Ghazni on Thursday, Aug. 12, and "
        "Herat fell on Aug. 13, residents said.\n\nSome said Ghazni fell on Aug. 13."
    )
    import_and_wait(qtbot, window, answers, [recap])
    data = window.timeline.data
    assert data.consensus
    ghazni = [i for i in range(len(data)) if data.lanes[data.lane[i]].name == "Ghazni"
              and data.sources[i] > 0]  # fmt: skip
    assert len(ghazni) == 1  # one change of control, however many reports
    (index,) = ghazni
    assert data.sources[index] == 2 and data.low[index] < data.high[index]
    window.timeline.fit_all()
    qtbot.mouseClick(window.timeline.graphics.viewport(), Qt.MouseButton.LeftButton,
                     pos=marker_position(window, int(data.ids[index])))  # fmt: skip
    text = window.detail.toPlainText()
    assert "Fell 12 Aug 2021 · 2 sources · 1 says 13 Aug" in text
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert not window.timeline.data.consensus
    assert len(window.timeline.data) == window.table_model.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert window.timeline.data.consensus


def test_a_period_set_from_the_window_hides_what_lies_outside(
    qtbot, window, answers, sample_path, monkeypatch
):
    import_and_wait(qtbot, window, answers, [sample_path])
    drawn = len(window.timeline.data)
    asked = []

    def ask(parent, current, suggested):
        asked.append((current, suggested))
        return dt.date(2021, 8, 11), dt.date(2021, 9, 10)

    monkeypatch.setattr(main_window_module.dialogs, "ask_period", ask)
    window.period_action.trigger()
    assert asked[0][0] is None and asked[0][1] == (dt.date(2021, 5, 1), dt.date(2021, 9, 10))
    assert window.store.period() == (dt.date(2021, 8, 11), dt.date(2021, 9, 10))
    data = window.timeline.data
    assert 0 < len(data) < drawn and data.hidden > 0
    assert all(x >= to_x(dt.date(2021, 8, 10)) for x in data.x)
    assert "outside the conflict's period" in window.timeline.legend.undated_text
    monkeypatch.setattr(main_window_module.dialogs, "ask_period", lambda *a: "clear")
    window.period_action.trigger()
    assert window.store.period() is None and len(window.timeline.data) == drawn


def test_a_new_database_for_another_conflict_reads_its_articles(
    qtbot, window, answers, tmp_path, monkeypatch
):
    new_database(window, monkeypatch, tmp_path / "congo.db", "drc.csv")
    assert window.store.path.name == "congo.db"
    article = tmp_path / "goma.txt"
    article.write_text("Published Jan. 29, 2025\n\nM23 rebels captured Goma on Monday, "
                       "residents said.")  # fmt: skip
    import_and_wait(qtbot, window, answers, [article])
    assert [lane.name for lane in window.timeline.data.lanes] == ["Goma"]
    assert window.timeline.data.x[0] == to_x(dt.date(2025, 1, 27))


def test_new_database_offers_every_shipped_conflict(qtbot, window, answers, tmp_path,
                                                    monkeypatch):  # fmt: skip
    offered = []

    def ask_conflict(parent, shipped):
        offered.extend(name for name, _, _ in shipped)
        return dict((name, path) for name, _, path in shipped)["sudan.csv"]

    monkeypatch.setattr(main_window_module.dialogs, "ask_new_database",
                        lambda parent: str(tmp_path / "sudan.db"))  # fmt: skip
    monkeypatch.setattr(main_window_module.dialogs, "ask_conflict", ask_conflict)
    window.new_db_action.trigger()
    assert offered == ["afghanistan.csv", "drc.csv", "myanmar.csv", "sudan.csv", "syria.csv",
                       "ukraine.csv"]  # fmt: skip
    article = tmp_path / "fasher.txt"
    article.write_text("Published Oct. 28, 2025\n\nThe Rapid Support Forces seized El Fasher "
                       "on Sunday, residents said.")  # fmt: skip
    import_and_wait(qtbot, window, answers, [article])
    assert [lane.name for lane in window.timeline.data.lanes] == ["El Fasher"]
    assert window.timeline.data.x[0] == to_x(dt.date(2025, 10, 26))


def test_an_undated_article_dated_by_other_reports_says_so(qtbot, window, answers, tmp_path):
    dated = tmp_path / "dated.md"
    dated.write_text("---\npublished: 2021-08-12\noutlet: Wire One\n---\n"
                     "Insurgents seized Farah on Tuesday.\n", encoding="utf-8")  # fmt: skip
    undated = tmp_path / "undated.txt"
    undated.write_text("Fighters took control of Kunar province on Tuesday evening.\n\n"
                       "Farah has fallen to the militants.\n", encoding="utf-8")  # fmt: skip
    import_and_wait(qtbot, window, answers, [dated])
    answers["shown"].clear()
    report = import_and_wait(qtbot, window, answers, [undated])  # the date question: no answer
    assert "1 undated dated from other reports" in report.summary()
    window.detail.show_event(window.store.event(event_id_of(window, "Asadabad", "captured")))
    text = window.detail.toPlainText()
    assert "on or after 2021-08-10 (inferred from other reports)" in text


def test_the_last_events_day_label_fits_inside_the_fitted_view(qtbot, window, answers,
                                                               sample_path):
    # fitting the view leaves room after the last event for its "12 Aug" beside it
    import_and_wait(qtbot, window, answers, [sample_path])
    view = window.timeline
    for fit in (view.fit_all, view.fit_busiest):
        fit()
        last = int(view.data.x.argmax())
        (low, high), _ = view.view.viewRange()
        width = view.view.width()
        marker_px = (view.data.x[last] - low) / (high - low) * width
        assert width - marker_px >= 56, fit.__name__
