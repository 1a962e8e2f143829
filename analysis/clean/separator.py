"""Paragraph separators: markers such as " ### " that scraped text puts between paragraphs."""

from __future__ import annotations

import re

KNOWN_SEPARATORS = (" ### ", " ¶ ", " || ", " | ")
"""Markers tried in this order; the first that splits the text into enough paragraphs wins."""

MIN_SEPARATORS = 2
"""A marker must occur at least this often (three paragraphs) to count as a separator."""

_MARKER_RE = re.compile(r" ([#¶|~*=]{2,5}) ")


def detect_separator(text: str) -> str | None:
    """The paragraph marker ``text`` uses, or None where it has line breaks or no marker.

    A text with line breaks between paragraphs needs no marker. Otherwise a known marker
    (or any run of 2-5 ``# ¶ | ~ * =`` between spaces) occurring at least
    :data:`MIN_SEPARATORS` times is the separator.
    """
    if "\n" in text.strip():
        return None
    for marker in KNOWN_SEPARATORS[:3]:
        if text.count(marker) >= MIN_SEPARATORS:
            return marker
    runs = [m.group(0) for m in _MARKER_RE.finditer(text)]
    best = max(set(runs), key=runs.count, default=None)
    return best if best is not None and runs.count(best) >= MIN_SEPARATORS else None


def split_paragraphs(text: str, separator: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs between ``separator`` markers (trimmed; empty ones dropped)."""
    spans, start = [], 0
    while True:
        end = text.find(separator, start)
        stop = len(text) if end < 0 else end
        s, e = start, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        if end < 0:
            return spans
        start = end + len(separator)
