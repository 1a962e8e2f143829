"""Outlet furniture: paragraphs that recur across many different articles of one outlet.

The corpus is the evidence. A paragraph is furniture of its outlet when, within the
corpus, it occurs in at least :data:`MIN_ARTICLES` articles of that outlet, in at least
:data:`MIN_SHARE` of the outlet's articles, and in at least :data:`MIN_STORIES`
*different* stories. Different stories are told apart by each article's longest
paragraph, which is nearly always story text; versions of one wire story share it, so
their shared body paragraphs are not mistaken for furniture.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

MIN_ARTICLES = 3
MIN_SHARE = 0.2
MIN_STORIES = 3
MAX_WORDS = 40
"""Longer paragraphs are never furniture: page furniture is short."""

_SPACE_RE = re.compile(r"\s+")
_DIGITS_RE = re.compile(r"\d+")


def line_key(paragraph: str) -> str:
    """The paragraph as compared across articles: case, spacing and digits folded."""
    return _DIGITS_RE.sub("0", _SPACE_RE.sub(" ", paragraph.strip().lower()))


def outlet_furniture(
    articles: Iterable[tuple[str, Sequence[str]]],
) -> dict[str, frozenset[str]]:
    """For ``(outlet, paragraphs)`` of every article, each outlet's furniture (line keys)."""
    by_outlet: dict[str, list[Sequence[str]]] = defaultdict(list)
    for outlet, paragraphs in articles:
        if paragraphs:
            by_outlet[outlet].append(paragraphs)
    return {outlet: _furniture(texts) for outlet, texts in by_outlet.items()}


def _furniture(articles: list[Sequence[str]]) -> frozenset[str]:
    if len(articles) < MIN_ARTICLES:
        return frozenset()
    stories: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for paragraphs in articles:
        story = line_key(max(paragraphs, key=len))
        for key in {line_key(p) for p in paragraphs if len(p.split()) <= MAX_WORDS}:
            counts[key] += 1
            stories[key].add(story)
    needed = max(MIN_ARTICLES, MIN_SHARE * len(articles))
    return frozenset(
        key for key, n in counts.items() if n >= needed and len(stories[key]) >= MIN_STORIES
    )
