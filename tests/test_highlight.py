from timeline_app.extraction.highlight import highlight_spans


def test_places_and_trigger_words_are_marked(gazetteer):
    quote = "Ghazni's governor fled the city as it fell and was arrested on the road to Kabul."
    marked = [(quote[s:e], kind) for s, e, kind in highlight_spans(quote, gazetteer)]
    assert marked == [("Ghazni", "place"), ("fell", "trigger"), ("Kabul", "place")]


def test_only_the_events_place_when_asked(gazetteer):
    quote = "Ghazni fell, a five-hour drive from Kabul."
    marked = [quote[s:e] for s, e, _ in highlight_spans(quote, gazetteer, "afghanistan-ghazni")]
    assert marked == ["Ghazni", "fell"]
