"""From an article's text to events with their evidence and the rules that made them.

The pipeline, one module a stage:

    layout     paragraphs: captions, headlines, datelines, date headings, list entries
    sentences  sentences with exact offsets
    gazetteer  the places file and place mentions ("Kunduz", "the capital of Takhar")
    dates      date expressions resolved against the publication date
    triggers   the words that say what happened and the words that qualify them
    rules      the named rules, in the order they are applied
    extract    the reader that applies them: sentences -> events
    profile    a conflict's actors, spokesmen and period (no conflict in the core)
    highlight  which words of a quote to highlight

Its face is one call: ``extract_events(article, places, profile)``.
"""
