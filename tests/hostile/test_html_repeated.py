"""trafilatura's deduplication remembered, for the whole process, every article body
it had seen: from the fourth time a page was read (the same folder imported again in
one window session, or copies of a page in one batch), it found 'no article text'."""

from timeline_app.services import import_paths

PAGE = (
    "<html><head><title>Herat falls</title></head><body><article><h1>Herat falls</h1>"
    + "".join(
        f"<p>Paragraph {n} of a page read again and again: the Taliban captured Herat on "
        "Tuesday after a week of fighting, officials said.</p>"
        for n in range(5)
    )
    + "</article></body></html>"
)


def test_a_page_read_many_times_in_one_process_keeps_its_text(tmp_path, store):
    path = tmp_path / "herat.html"
    path.write_text(PAGE)
    first = import_paths([path], store)
    assert len(first.imported) == 1
    for _ in range(5):
        again = import_paths([path], store)
        assert not again.failed, again.failed
        assert again.already_present == [path]


def test_copies_in_one_batch_are_each_read(tmp_path, store):
    for number in range(5):
        (tmp_path / f"copy{number}.html").write_text(PAGE.replace("again and again", "in copies"))
    report = import_paths([tmp_path], store)
    assert not report.failed, report.failed
    assert len(report.imported) == 1 and len(report.already_present) == 4
