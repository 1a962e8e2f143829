"""Distinctive words of two versions: vocabulary overlap and "Fightin' Words".

Fightin' Words is the log-odds ratio with an informative Dirichlet prior of Monroe,
Colaresi and Quinn (2008, *Political Analysis* 16(4), §3.5.1). For word ``w`` with
counts ``y_o`` and ``y_v`` in the original and the version (totals ``n_o``, ``n_v``)
and prior counts ``a_w`` (summing to ``a_0``):

    delta_w = log((y_v + a_w) / (n_v + a_0 - y_v - a_w))
            - log((y_o + a_w) / (n_o + a_0 - y_o - a_w))
    var_w   ≈ 1 / (y_v + a_w) + 1 / (y_o + a_w)
    z_w     = delta_w / sqrt(var_w)

Positive z: the word is characteristic of the version; negative: of the original.
The prior is the two versions pooled, scaled to ``a_0`` pseudo-counts (default 100),
as Monroe et al. do with a background corpus when none larger is at hand. Words are
the comparison words (case-folded, punctuation dropped); with ``style=True`` they are
taken from the house-style view, so two spellings of one name and "Mr." stop
standing out and what remains is substance.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd

from .normalize import Rules, comparison_view, style_rules, style_view
from .tables import Corpus

PRIOR_SIZE = 100.0
_WORD_RE = re.compile(r"(?:\w\.){2,}|\w+(?:['-]\w+)*")  # U.S., al-Assad, Iraq's


def word_counts(texts: list[str], style: bool = False, rules: Rules | None = None) -> Counter[str]:
    """Counts of the comparison words of ``texts`` (house-style view, ``rules``, if ``style``)."""
    view = (lambda t: style_view(t, rules).casefold()) if style else comparison_view
    return Counter(w for text in texts for w in _WORD_RE.findall(view(text)))


def fightin_words(
    original: Counter[str], version: Counter[str], prior_size: float = PRIOR_SIZE
) -> pd.DataFrame:
    """Log-odds ratio with informative Dirichlet prior and its z-score for every word."""
    vocabulary = sorted(set(original) | set(version))
    y_o = np.array([original[w] for w in vocabulary], dtype=float)
    y_v = np.array([version[w] for w in vocabulary], dtype=float)
    n_o, n_v = y_o.sum(), y_v.sum()
    pooled = y_o + y_v
    alpha = prior_size * pooled / pooled.sum() if pooled.sum() else pooled
    a0 = alpha.sum()
    delta = np.log((y_v + alpha) / (n_v + a0 - y_v - alpha)) - np.log(
        (y_o + alpha) / (n_o + a0 - y_o - alpha)
    )
    z = delta / np.sqrt(1 / (y_v + alpha) + 1 / (y_o + alpha))
    table = pd.DataFrame(
        {
            "word": vocabulary,
            "count_original": y_o.astype(int),
            "count_version": y_v.astype(int),
            "log_odds": delta.round(4),
            "z": z.round(4),
        }
    )
    return table.sort_values("z", ascending=False, kind="stable").reset_index(drop=True)


def _texts(corpus: Corpus, article_id: str) -> list[str]:
    sentences = corpus["sentences"]
    return sentences.loc[sentences["article_id"] == article_id, "text"].tolist()


def distinctive_words(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """Fightin' Words of each version against its original, with and without house style."""
    story = corpus.story(story_id)
    rules = style_rules(corpus.settings(story_id))
    tables = []
    for original, version in story.pairs(story_id):
        for style in (False, True):
            table = fightin_words(
                word_counts(_texts(story, original.article_id), style, rules),
                word_counts(_texts(story, version.article_id), style, rules),
            )
            table.insert(0, "variant", "normalised" if style else "original")
            table.insert(0, "version_article_id", version.article_id)
            table.insert(0, "original_article_id", original.article_id)
            table.insert(0, "story_id", story_id)
            tables.append(table)
    return pd.concat(tables, ignore_index=True)


def vocabulary_overlap(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """Shared and exclusive word types (and their tokens) of each version and its original."""
    story = corpus.story(story_id)
    rules = style_rules(corpus.settings(story_id))
    rows = []
    for original, version in story.pairs(story_id):
        for style in (False, True):
            a = word_counts(_texts(story, original.article_id), style, rules)
            b = word_counts(_texts(story, version.article_id), style, rules)
            shared = set(a) & set(b)
            rows.append(
                {
                    "story_id": story_id,
                    "original_article_id": original.article_id,
                    "version_article_id": version.article_id,
                    "variant": "normalised" if style else "original",
                    "types_original": len(a),
                    "types_version": len(b),
                    "types_shared": len(shared),
                    "types_only_original": len(set(a) - shared),
                    "types_only_version": len(set(b) - shared),
                    "jaccard": round(len(shared) / len(set(a) | set(b)), 4) if a or b else 0.0,
                    "tokens_original_shared": round(
                        sum(a[w] for w in shared) / max(1, sum(a.values())), 4
                    ),
                    "tokens_version_shared": round(
                        sum(b[w] for w in shared) / max(1, sum(b.values())), 4
                    ),
                }
            )
    return pd.DataFrame(rows)
