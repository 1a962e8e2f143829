"""Framing: word choice, term comparison, attribution verbs, frame dimensions, context, tone.

Every table is computed from the story's tables, the wording comparison (alignment and
edits, :mod:`analysis.wording`) and the quotes table (:mod:`analysis.quotes`), with
offsets into the original texts, so each row can be traced. One module per table family:

- :mod:`.words`: stems, the story's words, the cue-verb lexicon;
- :mod:`.word_choice`: substitutions and loaded words, with their context in both versions;
- :mod:`.terms`: counts and keyword-in-context lines of the terms compared;
- :mod:`.attribution`: the quotes' cue verbs, lemmatised and classed;
- :mod:`.frames`: paragraphs scored on the 15 Media Frames Corpus dimensions;
- :mod:`.context`: what only one version tells;
- :mod:`.tone`: VADER scores, a secondary signal, and their caveats;
- :mod:`.summary`: the framing-shift summary and its findings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from .. import registry
from ..actors import Resolver, actor_rows, mentions_table, resolve_story
from ..errors import NeedsTwoVersionsError
from ..tables import Corpus
from .attribution import attribution_by_speaker, attribution_classes, attribution_verbs
from .context import context, context_findings, context_summary
from .frames import DIMENSIONS, frame_lexicon, frame_profile, frame_shift, frame_terms, frames
from .summary import findings, framing_summary
from .terms import chosen_terms, concordance, term_counts
from .tone import tone, tone_summary, vader_caveats, valence
from .word_choice import word_choice
from .words import cue_class, stem, story_words, version_pairs

NEEDS = ("wording", "quotes")
"""The analyses whose tables framing reads: wording's alignment and edits, the quotes."""


def _frame_tables(corpus: Corpus, story_id: str, words: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """frame_terms, frames, frame_profile and frame_shift."""
    found = frame_terms(corpus, story_id, words)
    paragraph_frames = frames(corpus, story_id, found, words)
    profile = frame_profile(paragraph_frames, found)
    return {
        "frame_terms": found,
        "frames": paragraph_frames,
        "frame_profile": profile,
        "frame_shift": frame_shift(corpus, story_id, profile, found),
    }


def _attribution_tables(
    corpus: Corpus, story_id: str, quotes: pd.DataFrame, resolver: Resolver
) -> dict[str, pd.DataFrame]:
    """attribution_verbs, attribution_classes and attribution_speakers."""
    verbs = attribution_verbs(quotes, story_id, resolver)
    articles = [a.article_id for a in corpus.story(story_id).articles]
    return {
        "attribution_verbs": verbs,
        "attribution_classes": attribution_classes(verbs, articles, story_id),
        "attribution_speakers": attribution_by_speaker(verbs, resolver),
    }


def story_tables(
    corpus: Corpus,
    story_id: str,
    terms: Sequence[str] | None = None,
    needs: Mapping[str, Mapping[str, pd.DataFrame]] | None = None,
) -> dict[str, pd.DataFrame]:
    """Every framing table of one story, as exported (see the data dictionary).

    ``terms``: the terms to compare; without them, the story's settings name them, else
    the words the versions' substitutions changed (:func:`chosen_terms`). ``needs``: the
    tables of :data:`NEEDS` by analysis (what :func:`analysis.registry.compute` passes);
    without it they are computed here. Raises NeedsTwoVersionsError for a one-version story.
    """
    version_pairs(corpus, story_id)  # fails early for a one-version story
    if needs is None:
        needs = registry.compute(corpus, story_id, analyses=NEEDS).tables
    alignment, edits = needs["wording"]["alignment"], needs["wording"]["edits"]
    quotes = needs["quotes"]["quotes"]
    words = story_words(corpus, story_id)
    resolver = resolve_story(corpus, story_id)
    mentions = mentions_table(story_id, resolver)
    choices = word_choice(corpus, story_id, alignment, edits, words)
    compared = chosen_terms(terms, corpus.settings(story_id), choices)
    tables = {
        "word_choice": choices,
        "term_counts": term_counts(corpus, story_id, compared, words),
        "concordance": concordance(corpus, story_id, compared, words=words),
        **_attribution_tables(corpus, story_id, quotes, resolver),
        **_frame_tables(corpus, story_id, words),
    }
    tables["context"] = context(corpus, story_id, alignment, edits, tables["frame_terms"], mentions)
    tables["context_summary"] = context_summary(tables["context"])
    tables["actors"] = actor_rows(corpus, story_id, resolver, mentions, quotes)
    tables["actor_mentions"] = mentions
    tables["tone"] = tone(corpus, story_id)
    tables["tone_summary"] = tone_summary(tables["tone"])
    tables["framing_summary"] = framing_summary(corpus, story_id, tables)
    caveats = vader_caveats(tables["tone"], mentions)
    tables["vader_caveats"] = pd.DataFrame({"story_id": story_id, "caveat": caveats})
    return tables


def key_findings_from(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The framing findings and the context findings, generated from the tables."""
    return findings(tables["framing_summary"]) + context_findings(tables["context_summary"])


__all__ = [
    "DIMENSIONS",
    "NEEDS",
    "NeedsTwoVersionsError",
    "attribution_by_speaker",
    "attribution_classes",
    "attribution_verbs",
    "chosen_terms",
    "concordance",
    "context",
    "context_findings",
    "context_summary",
    "cue_class",
    "findings",
    "frame_lexicon",
    "frame_profile",
    "frame_shift",
    "frame_terms",
    "frames",
    "framing_summary",
    "key_findings_from",
    "stem",
    "story_tables",
    "story_words",
    "term_counts",
    "tone",
    "tone_summary",
    "vader_caveats",
    "valence",
    "word_choice",
]
