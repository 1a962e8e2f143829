"""Where the clean-up meets loading: sources in, parsed articles and clean-up tables out.

``analysis.tables.Corpus.from_sources`` calls :func:`clean_sources` over all sources at
once (the outlet evidence needs the whole corpus) and :func:`web_parsed` for each
cleaned article. Only texts that use a paragraph separator (detected, or given as the
story's ``paragraph_separator`` setting) are cleaned; other formats are parsed as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from ..corpus import Source
from ..errors import CorpusError
from ..parse import Contributor, ParsedArticle, Span
from ..settings import StorySettings
from .article import CleanedArticle, WebText, body_kinds, clean_all

CLEANUP_COLUMNS = [
    "article_id",
    "separator",
    "separator_source",
    "is_article",
    "not_article_reason",
    "dateline",
    "dateline_place",
    "dateline_wire",
    "n_set_aside",
    "set_aside_by_kind",
]
SET_ASIDE_COLUMNS = ["article_id", "part", "start", "end", "text", "evidence"]


def clean_sources(
    sources: Sequence[Source], settings_for: Callable[[str], StorySettings]
) -> dict[str, CleanedArticle]:
    """The clean-up of every source whose text has a paragraph separator, by article id."""
    items = [
        WebText(s.article_id, s.outlet, s.text, settings_for(s.story_id).paragraph_separator)
        for s in sources
        if s.fmt in ("auto", "plain")
    ]
    return clean_all(items)


def story_body_kinds(settings: StorySettings, where: str) -> frozenset[str]:
    """The kinds a story keeps as body; an unknown kind in the settings is a CorpusError."""
    try:
        return body_kinds(settings.keep_parts, settings.drop_parts)
    except ValueError as error:
        raise CorpusError(settings.source or where, f"keep_parts/drop_parts: {error}") from None


def web_parsed(cleaned: CleanedArticle, kinds: frozenset[str]) -> ParsedArticle:
    """The parts and body paragraphs of a cleaned article, as the tables expect them.

    A page with no body at all (flagged as not an article) gets no body part and no
    paragraphs.
    """
    body = cleaned.body(kinds)
    parts = [Span(p.kind, p.start, p.end) for p in cleaned.paragraphs if p.kind not in kinds]
    if cleaned.dateline is not None and cleaned.dateline.end < _paragraph_end(cleaned):
        parts.append(Span("dateline", cleaned.dateline.start, cleaned.dateline.end))
    if body:
        parts.append(Span("body", body[0][0], body[-1][1]))
    parts.sort(key=lambda span: (span.start, span.end))
    note = f"paragraph separator {cleaned.separator!r} ({cleaned.separator_source})"
    return ParsedArticle(parts=tuple(parts), paragraphs=tuple(body), notes=(note,))


def _paragraph_end(cleaned: CleanedArticle) -> int:
    """End of the paragraph the dateline opens (a dateline alone is already a part)."""
    assert cleaned.dateline is not None
    return next(p.end for p in cleaned.paragraphs if p.start <= cleaned.dateline.start < p.end)


def contributors(cleaned: CleanedArticle) -> tuple[Contributor, ...]:
    """Bylines' names and wire credits as contributors (organisation-only: empty name)."""
    return tuple(
        Contributor(name, org, start, end) for name, org, start, end in cleaned.contributors
    )


def cleanup_tables(
    cleaned: Sequence[CleanedArticle], texts: dict[str, str]
) -> dict[str, pd.DataFrame]:
    """The ``cleanup`` table (one row an article) and ``set_aside`` (one row a part set aside)."""
    rows: list[dict[str, Any]] = []
    aside: list[dict[str, Any]] = []
    for article in cleaned:
        text = texts[article.article_id]
        out = [p for p in article.paragraphs if p.kind != "body"]
        aside += [
            {
                "article_id": article.article_id,
                "part": p.kind,
                "start": p.start,
                "end": p.end,
                "text": text[p.start : p.end],
                "evidence": p.evidence,
            }
            for p in out
        ]
        counts = pd.Series([p.kind for p in out], dtype=object).value_counts()
        d = article.dateline
        rows.append(
            {
                "article_id": article.article_id,
                "separator": article.separator,
                "separator_source": article.separator_source,
                "is_article": article.is_article,
                "not_article_reason": article.not_article_reason,
                "dateline": None if d is None else text[d.start : d.end],
                "dateline_place": None if d is None else d.place,
                "dateline_wire": None if d is None else d.wire,
                "n_set_aside": len(out),
                "set_aside_by_kind": "; ".join(f"{k}: {n}" for k, n in counts.items()),
            }
        )
    return {
        "cleanup": pd.DataFrame(rows, columns=CLEANUP_COLUMNS),
        "set_aside": pd.DataFrame(aside, columns=SET_ASIDE_COLUMNS),
    }
