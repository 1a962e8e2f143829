"""Web clean-up as a derived layer: what of a scraped page is the story, and what is set aside.

See ``docs/article-formats.md``. Public API: :func:`clean_all` (a corpus at once, for the
outlet evidence), :class:`WebText`, :class:`CleanedArticle`, :data:`KINDS`,
:func:`body_kinds`, :func:`detect_separator`.
"""

from .article import CleanedArticle, WebText, body_kinds, clean_all, clean_one
from .classify import KINDS, Paragraph
from .dateline import Dateline
from .separator import detect_separator, split_paragraphs

__all__ = [
    "KINDS",
    "CleanedArticle",
    "Dateline",
    "Paragraph",
    "WebText",
    "body_kinds",
    "clean_all",
    "clean_one",
    "detect_separator",
    "split_paragraphs",
]
