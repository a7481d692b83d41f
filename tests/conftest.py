import datetime as dt
import os
from pathlib import Path

# Before any Qt import: GUI tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pytest

from timeline_app.extraction.extract import Extractor
from timeline_app.extraction.gazetteer import Gazetteer
from timeline_app.model import Article
from timeline_app.paths import seeds_dir
from timeline_app.storage import Store

PUBLISHED = dt.date(2021, 8, 12)  # a Thursday: the sample's publication date


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def extractor(gazetteer) -> Extractor:
    return Extractor(gazetteer)


@pytest.fixture
def sample_path() -> Path:
    return seeds_dir() / "000_44b0846c1f554011.txt"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture
def extract(extractor, gazetteer):
    """Extract from a text; return (place name, status, ISO date or None) triples."""

    def run(text: str, published: dt.date | None = PUBLISHED):
        events = extractor.extract(Article(text=text, published=published))
        return {
            (gazetteer.place(e.place_id).name, e.status, e.date.isoformat() if e.date else None)
            for e in events
        }

    return run
