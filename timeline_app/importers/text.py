from ..model import Article
from .base import Importer


class TextImporter(Importer):
    EXTENSIONS = (".txt", ".text")
    NAME = "Plain text"

    def parse(self, text: str) -> Article:
        return Article(text=text)
