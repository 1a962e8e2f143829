"""Terms: how often chosen words occur in each version, and their keyword-in-context lines.

Inflections are grouped by their stems (:func:`analysis.framing.words.stem`). Which terms
are compared is :func:`chosen_terms`'s choice.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..settings import StorySettings
from ..tables import Corpus
from .words import article_texts, find_phrases, flat, stem_phrase, story_words

CONCORDANCE_WIDTH = 60


def chosen_terms(
    terms: Sequence[str] | None, settings: StorySettings, word_choice: pd.DataFrame
) -> tuple[str, ...]:
    """The terms framing compares, the first of these that gives some:

    1. ``terms``, the option (``--terms`` on the command line);
    2. the story's settings (``terms`` in its ``story.toml``);
    3. the words that the versions' word-choice substitutions changed: both sides of every
       ``substitution`` row of ``word_choice``, in order of first appearance, case-folded.
    """
    if terms is not None:
        return tuple(terms)
    if settings.terms is not None:
        return settings.terms
    substituted = word_choice[word_choice["kind"] == "substitution"]
    sides = zip(substituted["original_text"], substituted["version_text"], strict=True)
    words = [text.casefold() for pair in sides for text in pair if text.strip()]
    return tuple(dict.fromkeys(words))


def term_counts(
    corpus: Corpus,
    story_id: str,
    terms: Sequence[str],
    words: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often each term occurs in each version (inflections grouped by their stems).

    Columns: story_id, term, stem, article_id, n (headline and body), n_headline, forms
    (the forms written, ``; ``-separated). Every term has a row for every version.
    """
    words = story_words(corpus, story_id) if words is None else words
    phrases = {stem_phrase(t): [t] for t in terms}
    hits = find_phrases(words, phrases)
    articles = [a.article_id for a in corpus.story(story_id).articles]
    texts = article_texts(corpus)
    rows = []
    for term in terms:
        mine = [(i, j) for i, j, t in hits if t == term]
        for article_id in articles:
            here = [(i, j) for i, j in mine if words.at[i, "article_id"] == article_id]
            forms = [
                texts[article_id][words.at[i, "start"] : words.at[j - 1, "end"]] for i, j in here
            ]
            rows.append(
                {
                    "story_id": story_id,
                    "term": term,
                    "stem": " ".join(stem_phrase(term)),
                    "article_id": article_id,
                    "n": len(here),
                    "n_headline": sum(words.at[i, "part"] == "headline" for i, _ in here),
                    "forms": "; ".join(dict.fromkeys(forms)),
                }
            )
    return pd.DataFrame(
        rows, columns=["story_id", "term", "stem", "article_id", "n", "n_headline", "forms"]
    )


def concordance(
    corpus: Corpus,
    story_id: str,
    terms: Sequence[str],
    width: int = CONCORDANCE_WIDTH,
    words: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keyword-in-context lines for each term in each version, in text order.

    ``left`` and ``right`` are up to ``width`` characters of the same part (headline or body
    paragraph) on each side, whitespace flattened; ``start``/``end`` locate the match.
    """
    words = story_words(corpus, story_id) if words is None else words
    texts = article_texts(corpus)
    paragraphs = corpus.story(story_id)["paragraphs"].set_index("paragraph_id")
    headlines = {a.article_id: a.parsed.part("headline") for a in corpus.story(story_id).articles}
    rows = []
    for i, j, term in find_phrases(words, {stem_phrase(t): [t] for t in terms}):
        w = words.iloc[i]
        article_id, start, end = w["article_id"], int(w["start"]), int(words.at[j - 1, "end"])
        if w["part"] == "headline":
            lo, hi = headlines[article_id].start, headlines[article_id].end
        else:
            lo, hi = paragraphs.loc[w["paragraph_id"], ["start", "end"]]
        text = texts[article_id]
        rows.append(
            {
                "story_id": story_id,
                "term": term,
                "article_id": article_id,
                "part": w["part"],
                "sentence_id": w["sentence_id"],
                "start": start,
                "end": end,
                "left": flat(text[max(lo, start - width) : start]),
                "match": text[start:end],
                "right": flat(text[end : min(hi, end + width)]),
            }
        )
    columns = ["story_id", "term", "article_id", "part", "sentence_id", "start", "end"]
    table = pd.DataFrame(rows, columns=[*columns, "left", "match", "right"])
    order = {t: k for k, t in enumerate(terms)}
    return table.sort_values(
        ["term", "article_id", "start"], key=lambda c: c.map(order) if c.name == "term" else c
    ).reset_index(drop=True)
