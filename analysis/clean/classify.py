"""Give every paragraph of one scraped article a kind: body or one of the set-aside kinds.

Order of evidence: the general patterns (``data/web_boilerplate.csv``), the form of the
line (byline, timestamp, photo credit), the outlet's furniture (lines recurring across
its articles in the corpus), repeats within the article, the dateline, and finally the
position of short lines around the body.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .dateline import MAX_PARAGRAPH, Dateline, find_dateline
from .furniture import line_key
from .rules import match_rule
from .structure import BIO_RE, HEADLINE_WORDS, form_kind, is_short_line, looks_like_body

KINDS = (
    "body",
    "headline",
    "dateline",
    "byline",
    "timestamp",
    "caption",
    "photo_credit",
    "editors_note",
    "boilerplate",
)
"""Every paragraph kind; all but ``body`` are set aside unless a story keeps them."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: offsets into the original, its kind and the evidence for it."""

    start: int
    end: int
    kind: str
    evidence: str


def classify(
    text: str, spans: Sequence[tuple[int, int]], furniture: frozenset[str] = frozenset()
) -> tuple[list[Paragraph], Dateline | None]:
    """The kind of every paragraph span of ``text``, and the dateline if one was found."""
    kinds: list[tuple[str, str] | None] = [_own_kind(text[s:e], furniture) for s, e in spans]
    _mark_repeats(text, spans, kinds)
    _mark_captions(text, spans, kinds)
    _mark_author_note(text, spans, kinds)
    dateline, at = _dateline(text, spans, kinds)
    _mark_isolated_before_body(text, spans, kinds, at)
    _mark_around_body(text, spans, kinds, at)
    paragraphs = [
        Paragraph(s, e, *(kind or ("body", "remaining")))
        for (s, e), kind in zip(spans, kinds, strict=True)
    ]
    return paragraphs, dateline


def _own_kind(paragraph: str, furniture: frozenset[str]) -> tuple[str, str] | None:
    """The kind a paragraph has on its own evidence (rule, form, furniture), or None."""
    rule = match_rule(paragraph)
    if rule is not None and not (rule.kind == "caption" and len(paragraph.split()) <= 14):
        return rule.kind, f"rule:{rule.rule_id}"
    form = form_kind(paragraph)
    if form is not None:
        return form
    if rule is not None:
        return rule.kind, f"rule:{rule.rule_id}"
    if line_key(paragraph) in furniture:
        return "boilerplate", "outlet:recurring-line"
    return None


def _mark_repeats(text: str, spans: Sequence[tuple[int, int]], kinds: list) -> None:
    """A paragraph repeated within the article: a repeated title is the headline, others aside."""
    seen: dict[str, int] = {}
    for i, (s, e) in enumerate(spans):
        key = line_key(text[s:e])
        if key in seen and kinds[i] is None:
            first = kinds[seen[key]]
            if first is None and is_short_line(text[s:e]):
                kinds[seen[key]] = first = ("headline", "structure:repeated-title")
            kinds[i] = (first[0], "structure:repeat") if first else ("caption", "structure:repeat")
            if first is None:
                kinds[seen[key]] = ("caption", "structure:repeat")
        seen.setdefault(key, i)


def _mark_author_note(text: str, spans: Sequence[tuple[int, int]], kinds: list) -> None:
    """The last body-candidate paragraph may be a note about the author."""
    last = [i for i, k in enumerate(kinds) if k is None][-1:]
    for i in last:
        if BIO_RE.match(text[slice(*spans[i])]):
            kinds[i] = ("byline", "structure:author-note")


CAPTION_WORDS = 50
"""A caption beside a photo credit is at most this long."""


def _mark_captions(text: str, spans: Sequence[tuple[int, int]], kinds: list) -> None:
    """A paragraph next to a photo credit, and not long, is that photo's caption."""
    credits = {i for i, k in enumerate(kinds) if k is not None and k[0] == "photo_credit"}
    for i in range(len(spans)):
        near = (i - 1 in credits) or (i + 1 in credits)
        short = len(text[slice(*spans[i])].split()) <= CAPTION_WORDS
        if kinds[i] is None and near and short and find_dateline(text, spans[i]) is None:
            kinds[i] = ("caption", "structure:beside-photo-credit")


def _dateline(
    text: str, spans: Sequence[tuple[int, int]], kinds: list
) -> tuple[Dateline | None, int | None]:
    """The first dateline among the first paragraphs, and the index of its paragraph.

    A dateline opening a paragraph wins; failing that, a dateline alone on its line just
    before the first body paragraph ("HELSINKI", "Washington (CNN)"), even where the
    line recurs in the outlet (its wire stories share the place).
    """
    open_ = [i for i in range(_dateline_limit(text, spans, kinds)) if _may_be_dateline(kinds[i])]
    for i in open_:
        found = find_dateline(text, spans[i])
        if found is not None and found.end < spans[i][1]:
            return found, i
    for n, i in enumerate(open_):
        following = open_[n + 1] if n + 1 < len(open_) else None
        if following is None or not looks_like_body(text[slice(*spans[following])]):
            continue
        found = find_dateline(text, spans[i], alone=True)
        if found is not None and found.end >= spans[i][1]:
            kinds[i] = ("dateline", "structure:dateline-line")
            return found, i
        if looks_like_body(text[slice(*spans[i])]):
            break
    return None, None


def _dateline_limit(text: str, spans: Sequence[tuple[int, int]], kinds: list) -> int:
    """Datelines are looked for in the first paragraphs, or down to where the story starts
    (its first two body paragraphs in a row) when a gallery or a page header comes first."""
    body = [
        k is None and looks_like_body(text[slice(*span)])
        for k, span in zip(kinds, spans, strict=True)
    ]
    run = next((i for i in range(len(spans) - 1) if body[i] and body[i + 1]), 0)
    return min(len(spans), max(MAX_PARAGRAPH, run + 1))


def _may_be_dateline(kind: tuple[str, str] | None) -> bool:
    return kind is None or kind[1] == "outlet:recurring-line"


DECK_WORDS = 40
"""A deck, teaser or video caption above the story is at most this long."""


def _mark_isolated_before_body(
    text: str, spans: Sequence[tuple[int, int]], kinds: list, dateline_at: int | None
) -> None:
    """Lone sentences amid page furniture above the story are decks, teasers or captions.

    The story starts at its dateline or at the first two body paragraphs in a row; a
    paragraph before that with set-aside paragraphs or title-like lines on both sides is
    not story text.
    """
    free = [
        k is None and not is_short_line(text[slice(*span)], HEADLINE_WORDS)
        for k, span in zip(kinds, spans, strict=True)
    ]
    start = next((i for i in range(len(spans) - 1) if free[i] and free[i + 1]), len(spans))
    if dateline_at is not None:
        start = min(start, dateline_at)
    for i in range(1, start):
        short = len(text[slice(*spans[i])].split()) <= DECK_WORDS
        if free[i] and short and not free[i - 1] and i + 1 < len(spans) and not free[i + 1]:
            kinds[i] = ("headline", "structure:isolated-before-body")


def _mark_around_body(
    text: str, spans: Sequence[tuple[int, int]], kinds: list, dateline_at: int | None
) -> None:
    """Short lines before the first and after the last body paragraph are not body.

    The first such line before the body is the headline; before a dateline, longer
    lines are photo captions (pages put the lead photo between headline and story).
    """
    body = [i for i, k in enumerate(kinds) if k is None and looks_like_body(text[slice(*spans[i])])]
    first = min(body, default=len(spans)) if dateline_at is None else dateline_at
    last = max(body, default=-1)
    has_headline = any(k is not None and k[0] == "headline" for k in kinds)
    for i in range(len(spans)):
        if kinds[i] is not None or first <= i <= last or i == dateline_at:
            continue
        paragraph = text[slice(*spans[i])]
        if i < first and not has_headline and is_short_line(paragraph, HEADLINE_WORDS):
            kinds[i], has_headline = ("headline", "structure:first-short-line"), True
        elif i < first and is_short_line(paragraph):
            kinds[i] = ("boilerplate", "structure:short-line-before-body")
        elif i < first and dateline_at is not None:
            kinds[i] = ("caption", "structure:before-dateline")
        elif i > last and is_short_line(paragraph):
            kinds[i] = ("boilerplate", "structure:short-line-after-body")
