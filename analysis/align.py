"""Sentence alignment between two versions of a story.

Sentences are compared on their *comparison words*: the words of the style view
(typography and house style normalised, case-folded, punctuation dropped), so that
neither typography nor house style hides a match. Two scores are computed for every
pair with rapidfuzz:

- ``similarity``: the normalised Indel similarity of the two word sequences,
  ``2·LCS / (len_a + len_b)`` (1 = same words in the same order);
- ``containment``: ``LCS / min(len_a, len_b)``, high when one sentence is a trimmed
  copy of the other.

A pair is a candidate when ``similarity ≥ 0.5``, or ``containment ≥ 0.8`` and the
shorter sentence has at least five words. Candidates are linked greedily, best
first, each sentence at most once. Then splits (one original sentence ↔ two
adjacent version sentences) and merges (two ↔ one) are added where the joined text
matches clearly better than the single sentence. Links that break the reading order
(outside the longest order-preserving chain) are *moved*.

Labels, one per sentence: ``unchanged`` (same comparison view: only typography or
case differ), ``edited`` (linked, other differences), ``moved`` (linked but
reordered), ``deleted`` (only in the original), ``added`` (only in the version).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

import numpy as np
import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Indel, LCSseq

from .normalize import Rules, comparison_view, style_rules, style_view
from .tables import Corpus

SIMILARITY_THRESHOLD = 0.5
CONTAINMENT_THRESHOLD = 0.8
CONTAINMENT_MIN_WORDS = 5
JOIN_MARGIN = 0.05
ALIGNMENT_COLUMNS = [
    "story_id",
    "original_article_id",
    "version_article_id",
    "original_sentence_id",
    "version_sentence_id",
    "relation",
    "label",
    "similarity",
    "containment",
]
WORD_RE = re.compile(r"\w+")
"""A word of a comparison view."""


def comparison_words(text: str, rules: Rules | None = None) -> list[str]:
    """The words sentences are compared on: style view, case-folded, no punctuation.

    ``rules``: the house-style rules (default: the library's; a story's come from
    :func:`analysis.normalize.style_rules` of its settings).
    """
    return WORD_RE.findall(style_view(text, rules).casefold())


def _scores(a: Sequence[list[str]], b: Sequence[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Similarity and containment matrices (len(a) × len(b))."""
    if not a or not b:
        empty = np.zeros((len(a), len(b)))
        return empty, empty
    similarity = process.cdist(a, b, scorer=Indel.normalized_similarity, workers=1)
    lcs = process.cdist(a, b, scorer=LCSseq.similarity, workers=1, dtype=np.int32)
    shorter = np.minimum.outer([len(x) for x in a], [len(x) for x in b])
    containment = np.where(shorter > 0, lcs / np.maximum(shorter, 1), 0.0)
    return similarity, containment


def _greedy_links(
    similarity: np.ndarray, containment: np.ndarray, shorter: np.ndarray
) -> list[tuple[int, int]]:
    """One-to-one links, best candidate pairs first."""
    candidate = (similarity >= SIMILARITY_THRESHOLD) | (
        (containment >= CONTAINMENT_THRESHOLD) & (shorter >= CONTAINMENT_MIN_WORDS)
    )
    rows, cols = np.nonzero(candidate)
    score = np.maximum(similarity[rows, cols], 0.9 * containment[rows, cols])
    order = np.lexsort((cols, rows, -score))
    used_a: set[int] = set()
    used_b: set[int] = set()
    links = []
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            links.append((i, j))
    return sorted(links)


def _joined_similarity(words: list[str], first: list[str], second: list[str]) -> float:
    return Indel.normalized_similarity(words, first + second)


def _splits_and_merges(
    a: Sequence[list[str]], b: Sequence[list[str]], links: list[tuple[int, int]]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Groups of linked sentences: 1-1 links, upgraded to splits or merges where better."""
    linked_a = {i for i, _ in links}
    linked_b = {j for _, j in links}
    groups: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    for i, j in links:
        single = Indel.normalized_similarity(a[i], b[j])
        best, group = single + JOIN_MARGIN, ((i,), (j,))
        for nb in (j - 1, j + 1):  # split: the original sentence became two
            if 0 <= nb < len(b) and nb not in linked_b:
                pair = (min(j, nb), max(j, nb))
                score = _joined_similarity(a[i], b[pair[0]], b[pair[1]])
                if score > best:
                    best, group = score, ((i,), pair)
        for na in (i - 1, i + 1):  # merge: two original sentences became one
            if 0 <= na < len(a) and na not in linked_a:
                pair = (min(i, na), max(i, na))
                score = _joined_similarity(b[j], a[pair[0]], a[pair[1]])
                if score > best:
                    best, group = score, (pair, (j,))
        linked_a.update(group[0])
        linked_b.update(group[1])
        groups.append(group)
    return groups


def _in_order(groups: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> set[int]:
    """Indices of the groups on the longest chain that keeps both reading orders."""
    keys = [g[1][0] for g in groups]  # groups are sorted by their first original sentence
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(keys)
    for index, key in enumerate(keys):
        pos = bisect_left(tails, key)
        if pos == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[pos] = key
            tail_index[pos] = index
        parent[index] = tail_index[pos - 1] if pos else -1
    chain, index = set(), tail_index[-1] if tail_index else -1
    while index != -1:
        chain.add(index)
        index = parent[index]
    return chain


def align_sentences(
    original: pd.DataFrame, version: pd.DataFrame, rules: Rules | None = None
) -> pd.DataFrame:
    """Align two sentence tables (columns ``sentence_id``, ``text``) of one story.

    Returns one row per link (``original_sentence_id``, ``version_sentence_id``,
    ``relation``, ``label``, ``similarity``, ``containment``); deleted sentences have no
    version id, added ones no original id.
    """
    a_ids, b_ids = original["sentence_id"].tolist(), version["sentence_id"].tolist()
    a_text, b_text = original["text"].tolist(), version["text"].tolist()
    a = [comparison_words(t, rules) for t in a_text]
    b = [comparison_words(t, rules) for t in b_text]
    similarity, containment = _scores(a, b)
    shorter = np.minimum.outer([len(x) for x in a], [len(x) for x in b]) if a and b else similarity
    groups = _splits_and_merges(a, b, _greedy_links(similarity, containment, shorter))
    chain = _in_order(groups)
    rows = []
    for index, (ga, gb) in enumerate(groups):
        relation = "1:1" if len(ga) == len(gb) == 1 else ("split" if len(gb) > 1 else "merge")
        joined_a = [word for i in ga for word in a[i]]
        joined_b = [word for j in gb for word in b[j]]
        sim = float(Indel.normalized_similarity(joined_a, joined_b))
        lcs = LCSseq.similarity(joined_a, joined_b)
        cont = lcs / max(1, min(len(joined_a), len(joined_b)))
        same = comparison_view(" ".join(a_text[i] for i in ga)) == comparison_view(
            " ".join(b_text[j] for j in gb)
        )
        label = "moved" if index not in chain else ("unchanged" if same else "edited")
        for i in ga:
            for j in gb:
                rows.append((a_ids[i], b_ids[j], relation, label, round(sim, 4), round(cont, 4)))
    linked_a = {i for ga, _ in groups for i in ga}
    anchor_of_b = {j: min(ga) for ga, gb in groups for j in gb}
    rows += [
        (a_ids[i], None, "none", "deleted", 0.0, 0.0) for i in range(len(a)) if i not in linked_a
    ]
    anchor, keys = -0.5, []
    for j in range(len(b)):  # an added sentence sits after its predecessor's counterpart
        if j in anchor_of_b:
            anchor = anchor_of_b[j]
        else:
            rows.append((None, b_ids[j], "none", "added", 0.0, 0.0))
            keys.append((anchor + 0.5, j))
    a_pos = {sid: k for k, sid in enumerate(a_ids)}
    b_pos = {sid: k for k, sid in enumerate(b_ids)}
    linked_keys = [
        (a_pos[o], b_pos[v] if v is not None else -1) for o, v, *_ in rows[: len(rows) - len(keys)]
    ]
    order = sorted(range(len(rows)), key=(linked_keys + keys).__getitem__)
    return pd.DataFrame([rows[k] for k in order], columns=ALIGNMENT_COLUMNS[3:])


def align_story(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """Alignment of every version of a story with its original (see align_sentences)."""
    sentences = corpus.story(story_id)["sentences"]
    rules = style_rules(corpus.settings(story_id))
    tables = []
    for original, version in corpus.pairs(story_id):
        table = align_sentences(
            sentences[sentences["article_id"] == original.article_id],
            sentences[sentences["article_id"] == version.article_id],
            rules,
        )
        table.insert(0, "version_article_id", version.article_id)
        table.insert(0, "original_article_id", original.article_id)
        table.insert(0, "story_id", story_id)
        tables.append(table)
    return pd.concat(tables, ignore_index=True)[ALIGNMENT_COLUMNS]


def sentence_labels(alignment: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of each version with its label and its counterpart(s)."""
    rows = []
    for side, other in (("original", "version"), ("version", "original")):
        linked = alignment.dropna(subset=[f"{side}_sentence_id"])
        for (article_id, sentence_id), group in linked.groupby(
            [f"{side}_article_id", f"{side}_sentence_id"], sort=False
        ):
            counterparts = [c for c in group[f"{other}_sentence_id"] if isinstance(c, str)]
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_id": sentence_id,
                    "side": side,
                    "version_article_id": group["version_article_id"].iloc[0],
                    "label": group["label"].iloc[0],
                    "relation": group["relation"].iloc[0],
                    "similarity": group["similarity"].max(),
                    "counterparts": " ".join(counterparts),
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "article_id",
            "sentence_id",
            "side",
            "version_article_id",
            "label",
            "relation",
            "similarity",
            "counterparts",
        ],
    )
