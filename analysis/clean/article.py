"""Clean every scraped article of a corpus at once: the outlet evidence needs all of them.

The result is a derived layer: every paragraph keeps its offsets into the original text,
nothing is removed from it, and the body is what remains once the set-aside kinds are
taken out (a story may keep some kinds, see :func:`body_kinds`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .classify import KINDS, Paragraph, classify
from .dateline import Dateline, byline_contributors
from .furniture import outlet_furniture
from .pages import not_article_reason
from .separator import detect_separator, split_paragraphs


@dataclass(frozen=True)
class WebText:
    """One scraped article as the clean-up needs it."""

    article_id: str
    outlet: str
    text: str
    separator: str | None = None  # given by the story's settings; None: detect it


@dataclass(frozen=True)
class CleanedArticle:
    """The clean-up of one article: kinds of its paragraphs, dateline, credits, and verdict."""

    article_id: str
    separator: str
    separator_source: str  # "setting" or "detected"
    paragraphs: tuple[Paragraph, ...]
    dateline: Dateline | None
    contributors: tuple[tuple[str, str | None, int, int], ...] = field(default=())
    not_article_reason: str | None = None
    text: str = field(default="", repr=False, compare=False)  # the original, for offsets

    @property
    def is_article(self) -> bool:
        return self.not_article_reason is None

    def body(self, kinds: frozenset[str] = frozenset({"body"})) -> list[tuple[int, int]]:
        """Spans of the body paragraphs (a dateline that opens one is not part of it)."""
        spans = []
        for p in self.paragraphs:
            if p.kind in kinds:
                start = (
                    self.dateline.end
                    if self.dateline and p.start <= self.dateline.start < p.end
                    else p.start
                )
                spans.append((_skip_space(self.text, start, p.end), p.end))
        return [(s, e) for s, e in spans if e > s]


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def body_kinds(keep_parts: Iterable[str] = (), drop_parts: Iterable[str] = ()) -> frozenset[str]:
    """The paragraph kinds a story's body is made of: body, plus kept kinds, minus dropped ones.

    Raises ValueError naming an unknown kind.
    """
    unknown = sorted((set(keep_parts) | set(drop_parts)) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown part kind(s) {', '.join(unknown)}; known: {', '.join(KINDS)}")
    return frozenset({"body", *keep_parts}) - frozenset(drop_parts)


def separator_of(item: WebText) -> tuple[str, str] | None:
    """(separator, where it came from) for one article, or None if it has none."""
    if item.separator:
        return item.separator, "setting"
    found = detect_separator(item.text)
    return None if found is None else (found, "detected")


def clean_all(items: Sequence[WebText]) -> dict[str, CleanedArticle]:
    """The clean-up of every item that has a paragraph separator, keyed by article id."""
    split = {}
    for item in items:
        found = separator_of(item)
        if found is not None:
            split[item.article_id] = (found, split_paragraphs(item.text, found[0]))
    furniture = outlet_furniture(
        (item.outlet, [item.text[s:e] for s, e in split[item.article_id][1]])
        for item in items
        if item.article_id in split
    )
    return {
        item.article_id: clean_one(
            item, *split[item.article_id], furniture.get(item.outlet, frozenset())
        )
        for item in items
        if item.article_id in split
    }


def clean_one(
    item: WebText,
    separator: tuple[str, str],
    spans: Sequence[tuple[int, int]],
    furniture: frozenset[str] = frozenset(),
) -> CleanedArticle:
    """The clean-up of one article whose paragraph spans are known."""
    paragraphs, dateline = classify(item.text, spans, furniture)
    contributors = []
    for p in paragraphs:
        if p.kind == "byline":
            names, organisation = byline_contributors(item.text[p.start : p.end])
            contributors += [(name, organisation, p.start, p.end) for name in names]
            if not names and organisation:
                contributors.append(("", organisation, p.start, p.end))
    if (
        dateline is not None
        and dateline.wire
        and not any(c[1] == dateline.wire for c in contributors)
    ):
        contributors.append(("", dateline.wire, dateline.start, dateline.end))
    return CleanedArticle(
        article_id=item.article_id,
        separator=separator[0],
        separator_source=separator[1],
        paragraphs=tuple(paragraphs),
        dateline=dateline,
        contributors=tuple(contributors),
        not_article_reason=not_article_reason(item.text, paragraphs),
        text=item.text,
    )
