import datetime as dt

from timeline_app.services import discover, import_paths
from timeline_app.storage import Store


def write(folder, name, content):
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_batch_imports_good_files_and_reports_each_bad_one(tmp_path, store, sample_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "good.txt", "Published Aug. 12, 2021\n\nThe Taliban captured Herat on Thursday.")
    write(folder, "empty.txt", "")
    write(folder, "picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(folder, "notes.pdf", b"%PDF-1.4")
    report = import_paths([folder, sample_path], store)
    assert len(report.imported) == 2 and report.events_found == 10
    assert sorted(p.line() for p in report.failed) == [
        "empty.txt: the file is empty",
        "picture.txt: not a text file: it looks like a PNG image",
    ]
    assert [p.line() for p in report.skipped] == ["notes.pdf: not an article type (.pdf)"]
    assert store.counts()["articles"] == 2


def test_reimporting_the_same_content_is_a_no_op(store, sample_path):
    first = import_paths([sample_path], store)
    counts = store.counts()
    second = import_paths([sample_path], store)
    assert len(first.imported) == 1 and second.already_present == [sample_path]
    assert store.counts() == counts


def test_sidecars_in_a_folder_are_not_articles(store, sample_path):
    files, skipped = discover([sample_path.parent])
    assert files == [sample_path] and skipped == []


def test_published_option_fills_only_missing_dates(tmp_path, store):
    undated = write(tmp_path, "undated.txt", "The Taliban captured Herat on Tuesday.")
    dated = write(
        tmp_path, "dated.txt", "Published Aug. 1, 2021\n\nThe Taliban captured Ghazni on Tuesday."
    )
    import_paths([undated, dated], store, published=dt.date(2021, 8, 12))
    articles = {a["source_path"].rsplit("/", 1)[-1]: a for a in store.articles()}
    assert articles["undated.txt"]["published"] == "2021-08-12"
    assert articles["undated.txt"]["flags"] == ["publication date given by the user"]
    assert articles["dated.txt"]["published"] == "2021-08-01"
    dates = {e["place"]: e["date"] for e in store.events()}
    assert dates == {"Herat": "2021-08-10", "Ghazni": "2021-07-27"}


def test_cancel_leaves_only_whole_articles(tmp_path):
    paths = [
        write(
            tmp_path, f"a{i}.txt", f"Published Aug. 12, 2021\n\nArticle {i}: Herat fell on Tuesday."
        )
        for i in range(6)
    ]
    calls = []

    def progress(done, total, label):
        calls.append((done, total))

    with Store(tmp_path / "c.db") as store:
        report = import_paths(paths, store, progress=progress, cancelled=lambda: len(calls) >= 3)
        # the third article, in hand when cancel came, is left out whole
        assert report.cancelled and len(report.imported) == 2
        assert calls[0] == (0, 6)
        counts = store.counts()
        orphans = store._db.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM mentions m WHERE m.article_id = a.id)").fetchone()[0]  # fmt: skip
        assert counts["articles"] == 2 and orphans == 0
    with Store(tmp_path / "c.db") as store:
        again = import_paths(paths, store)
        assert len(again.already_present) == 2 and len(again.imported) == 4
        assert store.counts()["articles"] == 6


def test_results_do_not_depend_on_import_order(tmp_path, sample_path):
    other = write(
        tmp_path, "other.txt", "Published Aug. 13, 2021\n\nGhazni fell on Thursday, officials said."
    )

    def snapshot(order):
        with Store(tmp_path / f"{order[0].stem}.db") as store:
            import_paths(order, store)
            return sorted(
                (e["place"], e["status"], e["date"], len(e["sources"])) for e in store.events()
            )

    assert snapshot([sample_path, other]) == snapshot([other, sample_path])
