"""Pages that are not articles: galleries, video pages, index pages, error pages.

A flagged page keeps its parts and tables but is not compared as a version; the reason
says which test it failed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .classify import Paragraph

MIN_BODY_WORDS = 80
"""Fewer body words than this is too little text to be an article."""
GALLERY_SHARE = 1.0
"""A gallery has more captions and photo credits than body paragraphs (and at least 3)."""
INDEX_SHARE = 0.6
"""An index page: at least this share of its paragraphs are short lines set aside."""

ERROR_RE = re.compile(
    r"(?i)\b(?:page not found|404 error|error 404|no longer available"
    r"|page (?:you requested )?(?:cannot|can't|could not) be found)\b"
)
VIDEO_RE = re.compile(
    r"(?i)^(?:just watched|must watch|replay|show chapters|cnn video|video|watch:.*|now playing)$"
)


def not_article_reason(text: str, paragraphs: Sequence[Paragraph]) -> str | None:
    """Why this page is not an article, or None if it is one."""
    body = [p for p in paragraphs if p.kind == "body"]
    words = sum(len(text[p.start : p.end].split()) for p in body)
    pictures = sum(p.kind in ("caption", "photo_credit") for p in paragraphs)
    videos = sum(bool(VIDEO_RE.match(text[p.start : p.end])) for p in paragraphs)
    if (
        any(ERROR_RE.search(text[p.start : p.end]) for p in paragraphs[:10])
        and words < 2 * MIN_BODY_WORDS
    ):
        return f"error page: says the page was not found ({words} body words)"
    if pictures >= 3 and pictures > GALLERY_SHARE * len(body):
        return f"gallery: {pictures} captions and photo credits, {len(body)} body paragraphs"
    if videos and words < 2 * MIN_BODY_WORDS:
        return f"video page: video player lines and only {words} body words"
    set_aside = sum(p.kind != "body" for p in paragraphs)
    if (
        len(paragraphs) >= 20
        and set_aside >= INDEX_SHARE * len(paragraphs)
        and words < 4 * MIN_BODY_WORDS
    ):
        return f"index page: {set_aside} of {len(paragraphs)} paragraphs are page furniture"
    if words < MIN_BODY_WORDS:
        return f"too little body text: {words} words (an article has at least {MIN_BODY_WORDS})"
    return None
