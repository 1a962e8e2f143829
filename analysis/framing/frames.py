"""Frame dimensions: paragraphs scored on the 15 dimensions of the Media Frames Corpus.

Card et al. 2015; the lexicon is ``data/frame_lexicon.csv`` (Empath categories mapped to
dimensions plus curated news terms; :mod:`analysis.build_frame_lexicon` rebuilds it).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

import pandas as pd

from ..lexicon import data_rows
from ..tables import Corpus
from .words import (
    article_texts,
    find_phrases,
    folded,
    story_words,
    version_pairs,
)

DIMENSIONS: dict[str, str] = {
    "economic": "Economic",
    "capacity_and_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_and_equality": "Fairness and equality",
    "legality": "Legality, constitutionality and jurisprudence",
    "policy": "Policy prescription and evaluation",
    "crime_and_punishment": "Crime and punishment",
    "security_and_defense": "Security and defense",
    "health_and_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation": "External regulation and reputation",
    "other": "Other",
}


@cache
def frame_lexicon() -> pd.DataFrame:
    """``data/frame_lexicon.csv``: dimension, term, stem, source."""
    return pd.DataFrame(data_rows("frame_lexicon.csv"))


@cache
def _frame_phrases() -> dict[tuple[str, ...], list[tuple[str, str]]]:
    phrases: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for row in frame_lexicon().itertuples(index=False):
        value = (row.dimension, row.term)
        key = tuple(row.stem.split())
        if value[0] not in [d for d, _ in phrases[key]]:
            phrases[key].append(value)
    return dict(phrases)


FRAME_TERM_COLUMNS = [
    "story_id",
    "article_id",
    "part",
    "paragraph_id",
    "paragraph_index",
    "sentence_id",
    "start",
    "end",
    "text",
    "term",
    "dimension",
]


def frame_terms(corpus: Corpus, story_id: str, words: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every occurrence of a frame-lexicon term in every version, with its dimension and offsets.

    A word may signal two dimensions ("terrorist": security and defense, crime and
    punishment). Within one dimension a longer term wins over a term inside it ("force
    posture" over "posture").
    """
    words = story_words(corpus, story_id) if words is None else words
    texts = article_texts(corpus)
    hits = find_phrases(words, _frame_phrases())
    longest: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, j, (dimension, _) in hits:  # type: ignore[misc]
        longest[dimension].append((i, j))
    rows = []
    for i, j, (dimension, term) in hits:  # type: ignore[misc]
        if any(a <= i and j <= b and (a, b) != (i, j) for a, b in longest[dimension]):
            continue
        w = words.iloc[i]
        start, end = int(w["start"]), int(words.at[j - 1, "end"])
        rows.append(
            {
                "story_id": story_id,
                "article_id": w["article_id"],
                "part": w["part"],
                "paragraph_id": w["paragraph_id"],
                "paragraph_index": int(w["paragraph_index"]),
                "sentence_id": w["sentence_id"],
                "start": start,
                "end": end,
                "text": texts[w["article_id"]][start:end],
                "term": term,
                "dimension": dimension,
            }
        )
    table = pd.DataFrame(rows, columns=FRAME_TERM_COLUMNS)
    return table.sort_values(["article_id", "start", "dimension"], kind="stable").reset_index(
        drop=True
    )


def primary_frame(counts: Counter[str]) -> str:
    """The dimension with most terms (ties: the first in DIMENSIONS); ``other`` if none."""
    if not counts:
        return "other"
    return max(DIMENSIONS, key=lambda d: (counts.get(d, 0), -list(DIMENSIONS).index(d)))


def frame_list(counts: Counter[str]) -> str:
    order = list(DIMENSIONS)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    return "; ".join(f"{d} {n}" for d, n in ranked)


def trigger_list(terms: pd.DataFrame) -> str:
    """ "dimension: word, word 2 | dimension: …", in order of first trigger."""
    written: dict[str, Counter[str]] = {}
    for dimension, text in zip(terms["dimension"], terms["text"], strict=True):
        written.setdefault(dimension, Counter())[folded(text)] += 1
    return " | ".join(
        f"{d}: " + ", ".join(f"{w} {n}" if n > 1 else w for w, n in counts.items())
        for d, counts in written.items()
    )


def frames(
    corpus: Corpus, story_id: str, terms: pd.DataFrame, words: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per paragraph (the headline is paragraph 0) with its frame-term counts.

    Columns: ids and position, ``n_words``, ``n_frame_terms``, ``primary_frame`` (most terms;
    ``other`` if none), ``frames`` (dimensions with counts), ``triggers`` (the words that
    triggered each dimension), one count column per dimension, and the text.
    """
    words = story_words(corpus, story_id) if words is None else words
    story = corpus.story(story_id)
    paragraph_text = story["paragraphs"].set_index("paragraph_id")["text"]
    headlines = {a.article_id: a.part_text("headline") or "" for a in story.articles}
    rows = []
    by_paragraph = dict(list(terms.groupby("paragraph_id", sort=False)))
    for (article_id, paragraph_id), group in words.groupby(
        ["article_id", "paragraph_id"], sort=False
    ):
        mine = by_paragraph.get(paragraph_id, terms.iloc[0:0])
        counts = Counter(mine["dimension"])
        index = int(group["paragraph_index"].iloc[0])
        rows.append(
            {
                "story_id": story_id,
                "article_id": article_id,
                "paragraph_id": paragraph_id,
                "paragraph_index": index,
                "part": group["part"].iloc[0],
                "n_words": len(group),
                "n_frame_terms": len(mine),
                "primary_frame": primary_frame(counts),
                "frames": frame_list(counts),
                "triggers": trigger_list(mine),
                **{d: counts.get(d, 0) for d in DIMENSIONS if d != "other"},
                "text": headlines[article_id] if index == 0 else paragraph_text[paragraph_id],
            }
        )
    return pd.DataFrame(rows)


def frame_profile(paragraph_frames: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
    """Each version's frame profile: per dimension, terms, share, rate and primary paragraphs.

    ``share``: the dimension's terms over all frame terms of the version; ``per_1000_words``:
    over its words (headline and body); ``n_primary``: paragraphs whose primary frame it is;
    ``top_terms``: its most frequent triggers.
    """
    rows = []
    for article_id, group in paragraph_frames.groupby("article_id", sort=False):
        mine = terms[terms["article_id"] == article_id]
        total, n_words = len(mine), int(group["n_words"].sum())
        for dimension, label in DIMENSIONS.items():
            chosen = mine[mine["dimension"] == dimension]
            written = Counter(folded(t) for t in chosen["text"])
            rows.append(
                {
                    "story_id": group["story_id"].iloc[0],
                    "article_id": article_id,
                    "dimension": dimension,
                    "label": label,
                    "n_terms": len(chosen),
                    "share": round(len(chosen) / total, 4) if total else 0.0,
                    "per_1000_words": round(1000 * len(chosen) / n_words, 2) if n_words else 0.0,
                    "n_primary": int((group["primary_frame"] == dimension).sum()),
                    "top_terms": ", ".join(f"{w} {n}" for w, n in written.most_common(6)),
                }
            )
    return pd.DataFrame(rows)


def frame_shift(
    corpus: Corpus, story_id: str, profile: pd.DataFrame, terms: pd.DataFrame
) -> pd.DataFrame:
    """Per version compared with its original and per dimension: the change in frame share.

    ``difference`` is the version's share minus the original's, in percentage points;
    ``terms_only_original`` / ``terms_only_version`` are the triggers one side lacks.
    """
    rows = []
    for original_id, version_id in version_pairs(corpus, story_id):
        o = profile[profile["article_id"] == original_id].set_index("dimension")
        v = profile[profile["article_id"] == version_id].set_index("dimension")
        for dimension, label in DIMENSIONS.items():
            chosen = terms[terms["dimension"] == dimension]
            o_terms = {folded(t) for t in chosen.loc[chosen["article_id"] == original_id, "text"]}
            v_terms = {folded(t) for t in chosen.loc[chosen["article_id"] == version_id, "text"]}
            rows.append(
                {
                    "story_id": story_id,
                    "original_article_id": original_id,
                    "version_article_id": version_id,
                    "dimension": dimension,
                    "label": label,
                    "share_original": o.at[dimension, "share"],
                    "share_version": v.at[dimension, "share"],
                    "difference": round(
                        100 * (v.at[dimension, "share"] - o.at[dimension, "share"]), 2
                    ),
                    "n_terms_original": int(o.at[dimension, "n_terms"]),
                    "n_terms_version": int(v.at[dimension, "n_terms"]),
                    "terms_only_original": ", ".join(sorted(o_terms - v_terms)),
                    "terms_only_version": ", ".join(sorted(v_terms - o_terms)),
                }
            )
    return pd.DataFrame(rows)
