"""Text without full stops (a flattened table, a transcript, a hostile file) is
read in clauses of bounded length: each quote stays a readable piece of text
and a place named again further on keeps the date said there."""

import datetime as dt

from timeline_app.extraction.sentences import LONGEST, split_sentences
from timeline_app.model import Article

DAYS = ["Monday", "Tuesday", "Wednesday"]


def unpunctuated(parts: int) -> str:
    return "".join(
        f"fighters captured {['Herat', 'Ghazni', 'Farah'][n % 3]} on {DAYS[n // 40 % 3]}, "
        for n in range(parts)
    )


def test_an_unpunctuated_run_is_cut_at_commas_into_bounded_pieces():
    text = unpunctuated(200)  # about 7,000 characters, no full stop
    pieces = split_sentences(text, 0, len(text))
    assert len(pieces) > 1
    assert all(s.end - s.start <= LONGEST for s in pieces)
    assert all(text[s.end - 1] == "," for s in pieces[:-1])  # cut after a clause
    covered = "".join(text[s.start : s.end] for s in pieces).replace(" ", "")
    assert covered == text.replace(" ", "")  # nothing lost between the pieces


def test_each_quote_is_a_piece_and_later_days_are_kept(extractor, gazetteer):
    text = unpunctuated(120)  # Herat on Monday, then again on Tuesday and Wednesday
    events = extractor.extract(Article(text=text, published=dt.date(2021, 8, 12)))
    herat = {e.date for e in events if gazetteer.place(e.place_id).name == "Herat"}
    assert herat == {dt.date(2021, 8, 9), dt.date(2021, 8, 10), dt.date(2021, 8, 11)}
    assert all(len(q.quote) <= LONGEST for e in events for q in e.evidence)


def test_a_sentence_of_news_is_not_cut():
    text = (
        "The Taliban, who had surrounded the city for weeks, captured Herat, "
        "Afghanistan's third-largest city, on Thursday, officials said; "
    ) * 4 + "the governor fled."
    assert len(text) < LONGEST
    assert len(split_sentences(text, 0, len(text))) == 1
