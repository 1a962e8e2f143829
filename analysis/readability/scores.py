"""Readability scores: word counts, the nine formulas, segmentation and the bootstrap.

The counts come from the project's own segmentation (body sentences and word tokens of
:mod:`analysis.tables`), never from textstat's regex counters; syllables come from the
CMU dictionary as textstat loads it, with the fallbacks of :mod:`analysis.syllables`.
The formulas are the published ones (see :func:`formulas`), computed from summed
counts so that one vectorised function serves articles, paragraphs, sentences and
bootstrap replicates alike. Intervals come from resampling sentences (seeded, vectorised).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np
from textstat.backend.utils import get_lang_easy_words

from ..corpus import published_at
from ..normalize import style_rules, style_view, typography
from ..segment import is_word, sentence_spans, token_spans
from ..syllables import LANG, syllables
from ..tables import Article, Corpus

METRICS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog",
    "coleman_liau",
    "ari",
    "dale_chall",
    "linsear_write",
    "consensus_grade",
)
COMPONENTS = (
    "words",
    "sentences",
    "syllables_per_word",
    "words_per_sentence",
    "pct_polysyllabic",
    "pct_difficult",
)
# Per-sentence counts that every formula is computed from (summed over any set of sentences).
COUNTS = (
    "sentences",
    "words",
    "syllables",
    "letters",
    "characters",
    "polysyllables",
    "complex_words",
    "difficult_words",
    "linsear_points",
    "fallback_words",
)
METRIC_LABELS = {
    "flesch_reading_ease": "Flesch Reading Ease",
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning Fog",
    "smog": "SMOG",
    "coleman_liau": "Coleman–Liau",
    "ari": "Automated Readability Index",
    "dale_chall": "Dale–Chall",
    "linsear_write": "Linsear Write",
    "consensus_grade": "consensus grade (textstat's vote)",
    "words": "words",
    "sentences": "sentences",
    "syllables_per_word": "syllables per word",
    "words_per_sentence": "words per sentence",
    "pct_polysyllabic": "% polysyllabic words (3+ syllables)",
    "pct_difficult": "% difficult words (not on the Dale–Chall list)",
}
VARIANTS = ("original", "normalised")
LEVELS = ("article", "paragraph", "sentence")
N_BOOT = 2000
BOOTSTRAP_SEED = 20200110  # the bootstrap's random seed
CONFIDENCE = 0.95
SMOG_MIN_SENTENCES = 30
MIN_WORDS = 100
MIN_BOOT_SENTENCES = 10


# ---------------------------------------------------------------- words


@cache
def _easy_words() -> frozenset[str]:
    """The Dale–Chall list of familiar words, as textstat ships it."""
    return frozenset(get_lang_easy_words(LANG))


_INFLECTIONS = (
    ("iest", "y"),
    ("ier", "y"),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("est", ""),
    ("es", ""),
    ("ed", ""),
    ("er", ""),
    ("st", ""),
    ("s", ""),
    ("d", ""),
    ("r", ""),
)


def _familiar_part(word: str) -> bool:
    """True if ``word`` or the root of a regular inflection of it is on the Dale–Chall list."""
    easy = _easy_words()
    if word in easy:
        return True
    if word.endswith(("'s", "s'")):
        word = word[:-2] if word.endswith("'s") else word[:-1]
        if word in easy:
            return True
    for suffix, replacement in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            if stem + replacement in easy:
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in easy:
                return True  # stopped, running, bigger
    return False


def is_difficult(token: str) -> bool:
    """Dale–Chall: a word with a letter that is not familiar (see :func:`_familiar_part`).

    Numbers are familiar; a compound is familiar if each part is ("two-car").
    """
    word = typography(token).lower()
    if not any(c.isalpha() for c in word):
        return False
    parts = [p for p in word.split("-") if p]
    return not all(_familiar_part(p) for p in parts)


_SUFFIX_SYLLABLE_RE = re.compile(r"(?:\w{2}ing|[td]ed|(?:[sxz]|ch|sh|[cg])es)$")


@cache
def word_counts(token: str, initial: bool) -> tuple[int, ...]:
    """The counts of :data:`COUNTS` (minus ``sentences``) for one word token.

    ``initial``: the word opens its sentence (a capital there does not mark a name).
    """
    n_syllables, rule = syllables(token)
    word = typography(token)
    polysyllabic = n_syllables >= 3
    name = word[:1].isupper() and not initial
    suffix = 1 if _SUFFIX_SYLLABLE_RE.search(word.lower()) else 0
    complex_word = polysyllabic and "-" not in word and not name and n_syllables - suffix >= 3
    return (
        1,
        n_syllables,
        sum(c.isalpha() for c in word),
        sum(c.isalnum() for c in word),
        int(polysyllabic),
        int(complex_word),
        int(is_difficult(word)),
        3 if polysyllabic else 1,
        int(rule == "heuristic"),
    )


def sentence_counts(words: Iterable[str]) -> np.ndarray:
    """The :data:`COUNTS` of one sentence, given its word tokens in order."""
    return counts_by_sentence([list(words)])[0]


def counts_by_sentence(sentences: list[list[str]]) -> np.ndarray:
    """The :data:`COUNTS` of each sentence (one row each), given its word tokens in order."""
    rows = [word_counts(w, i == 0) for words in sentences for i, w in enumerate(words)]
    codes = np.repeat(np.arange(len(sentences)), [len(words) for words in sentences])
    total = np.zeros((len(sentences), len(COUNTS)))
    total[:, 0] = 1
    if rows:
        np.add.at(total[:, 1:], codes, np.array(rows, dtype=float))
    return total


# ---------------------------------------------------------------- formulas


def _ratio(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a / b, NaN where b is 0."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return np.divide(a, b, out=np.full(np.broadcast(a, b).shape, np.nan), where=b > 0)


def formulas(c: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every metric and component from summed counts (arrays of any shape, NaN if no words).

    - Flesch Reading Ease = 206.835 − 1.015·W/S − 84.6·Syl/W (Flesch 1948)
    - Flesch–Kincaid grade = 0.39·W/S + 11.8·Syl/W − 15.59 (Kincaid et al. 1975)
    - Gunning Fog = 0.4·(W/S + 100·complex/W) (Gunning 1952)
    - SMOG = 1.0430·√(polysyllables·30/S) + 3.1291 (McLaughlin 1969)
    - Coleman–Liau = 0.0588·L − 0.296·S100 − 15.8, L letters and S100 sentences per
      100 words (Coleman & Liau 1975)
    - ARI = 4.71·characters/W + 0.5·W/S − 21.43 (Smith & Senter 1967)
    - Dale–Chall = 0.1579·%difficult + 0.0496·W/S, + 3.6365 if %difficult > 5
      (Dale & Chall 1948)
    - Linsear Write: r = (easy + 3·hard)/S; (r − 2)/2 if r ≤ 20, else r/2
    - consensus grade: textstat's vote over the rounded grades (:func:`consensus`)
    """
    words, sentences = c["words"], c["sentences"]
    wps = _ratio(words, sentences)
    spw = _ratio(c["syllables"], words)
    pct_poly = 100 * _ratio(c["polysyllables"], words)
    pct_difficult = 100 * _ratio(c["difficult_words"], words)
    pct_complex = 100 * _ratio(c["complex_words"], words)
    linsear = _ratio(c["linsear_points"], sentences)
    out = {
        "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
        "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
        "gunning_fog": 0.4 * (wps + pct_complex),
        "smog": 1.0430 * np.sqrt(30 * _ratio(c["polysyllables"], sentences)) + 3.1291,
        "coleman_liau": 0.0588 * 100 * _ratio(c["letters"], words)
        - 0.296 * 100 * _ratio(sentences, words)
        - 15.8,
        "ari": 4.71 * _ratio(c["characters"], words) + 0.5 * wps - 21.43,
        "dale_chall": 0.1579 * pct_difficult
        + 0.0496 * wps
        + np.where(pct_difficult > 5, 3.6365, 0),
        "linsear_write": np.where(linsear > 20, linsear / 2, (linsear - 2) / 2),
    }
    out["consensus_grade"] = consensus(out)
    empty = np.asarray(words) == 0
    out = {k: np.where(empty, np.nan, v) for k, v in out.items()}
    out.update(
        {
            "words": np.asarray(words, dtype=float),
            "sentences": np.asarray(sentences, dtype=float),
            "syllables_per_word": spw,
            "words_per_sentence": wps,
            "pct_polysyllabic": pct_poly,
            "pct_difficult": pct_difficult,
        }
    )
    return out


def consensus(scores: Mapping[str, np.ndarray]) -> np.ndarray:
    """textstat's ``text_standard`` vote, vectorised over any array shape.

    Each grade-level formula casts its floor, ceiling and rounded value; Reading Ease
    casts its band's grade (≥ 90 → 5, 80 → 6, 70 → 7, 60 → 8 and 9, 50 → 10, 40 → 11,
    30 → 12, below 30 → 13; textstat also gives 13 to scores of 100 or more, an evident
    slip: we give 5). The most frequent grade wins (ties: the one cast first, as
    ``Counter.most_common`` does), clamped to 1–18 as ``textstat.text_standard`` does.
    """
    fre = np.asarray(scores["flesch_reading_ease"], dtype=float)

    def three(name: str) -> list[np.ndarray]:
        value = np.asarray(scores[name], dtype=float)
        return [np.floor(value), np.ceil(value), np.round(value)]

    bands = [fre >= 90, fre >= 80, fre >= 70, fre >= 60, fre >= 50, fre >= 40, fre >= 30]
    band = np.where(np.isnan(fre), np.nan, np.select(bands, [5, 6, 7, 8, 10, 11, 12], 13))
    second = np.where((fre >= 60) & (fre < 70), 9.0, np.nan)  # the 60–70 band's second vote
    votes = [*three("flesch_kincaid_grade"), band, second]
    for name in ("smog", "coleman_liau", "ari", "dale_chall", "linsear_write", "gunning_fog"):
        votes += three(name)
    grid = np.stack(np.broadcast_arrays(*votes), axis=-1)
    shape, n_votes = grid.shape[:-1], grid.shape[-1]
    flat = grid.reshape(-1, n_votes)
    cast = ~np.isnan(flat)
    if not cast.any():
        return np.full(shape, np.nan)
    grades = np.where(cast, flat, 0).astype(np.int64)
    low = grades.min()
    span = int(grades.max() - low) + 1
    # How often each row casts each grade (one bincount), read back at every vote.
    keys = (grades - low) + span * np.arange(len(flat))[:, None]
    tally = np.bincount(keys.ravel(), weights=cast.ravel(), minlength=span * len(flat))
    counts = np.where(cast, tally[keys], -1)
    winner = flat[np.arange(len(flat)), counts.argmax(axis=-1)]
    missing = ~np.delete(cast, 4, axis=-1).all(axis=-1)
    return np.where(missing, np.nan, np.clip(winner, 1, 18)).reshape(shape)


# ---------------------------------------------------------------- segmentation


@dataclass(frozen=True)
class Units:
    """The sentences of one version in one variant, with their counts."""

    article_id: str
    variant: str
    sentence_ids: tuple[str, ...]
    paragraph_ids: tuple[str, ...]
    counts: np.ndarray  # one row per sentence, columns COUNTS

    def sums(self, rows: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Counts summed over all sentences (or per row of a weight matrix ``rows``)."""
        total = self.counts.sum(axis=0) if rows is None else rows @ self.counts
        return {name: total[..., i] for i, name in enumerate(COUNTS)}

    def paragraph_sums(self) -> tuple[list[str], dict[str, np.ndarray]]:
        """Paragraph ids in order and the counts summed per paragraph."""
        order = list(dict.fromkeys(self.paragraph_ids))
        codes = np.array([order.index(p) for p in self.paragraph_ids], dtype=int)
        total = np.zeros((len(order), len(COUNTS)))
        np.add.at(total, codes, self.counts)
        return order, {name: total[:, i] for i, name in enumerate(COUNTS)}


def original_units(corpus: Corpus, article_id: str) -> Units:
    """The version's body sentences and word tokens as the corpus tables segment them."""
    sentences = corpus["sentences"]
    chosen = sentences["article_id"].to_numpy() == article_id
    sentence_ids = sentences["sentence_id"].to_numpy()[chosen]
    tokens = corpus["tokens"]
    mine = (tokens["article_id"].to_numpy() == article_id) & tokens["is_word"].to_numpy()
    words: dict[str, list[str]] = {sid: [] for sid in sentence_ids}
    for sid, text in zip(
        tokens["sentence_id"].to_numpy()[mine], tokens["text"].to_numpy()[mine], strict=True
    ):
        words[sid].append(text)
    return Units(
        article_id,
        "original",
        tuple(sentence_ids),
        tuple(sentences["paragraph_id"].to_numpy()[chosen]),
        counts_by_sentence(list(words.values())),
    )


def normalised_units(corpus: Corpus, article_id: str) -> Units:
    """The version's body paragraphs in house-style view, re-segmented into sentences and words.

    Sentence ids are ``<article_id>:nsNNN`` (their own numbering: offsets no longer apply).
    """
    paragraphs = corpus["paragraphs"]
    chosen = paragraphs["article_id"].to_numpy() == article_id
    rules = style_rules(corpus.settings(corpus.article(article_id).source.story_id))
    pids: list[str] = []
    sentences: list[list[str]] = []
    for pid, text in zip(
        paragraphs["paragraph_id"].to_numpy()[chosen],
        paragraphs["text"].to_numpy()[chosen],
        strict=True,
    ):
        view = style_view(text, rules)
        for start, end in sentence_spans(view, 0, len(view)):
            tokens = (view[a:b] for a, b in token_spans(view, start, end))
            sentences.append([t for t in tokens if is_word(t)])
            pids.append(pid)
    ids = tuple(f"{article_id}:ns{i:03d}" for i in range(1, len(sentences) + 1))
    return Units(article_id, "normalised", ids, tuple(pids), counts_by_sentence(sentences))


# ---------------------------------------------------------------- bootstrap

NAMES = METRICS + COMPONENTS


def _rng(seed: int, units: Units) -> np.random.Generator:
    """A generator that depends only on the seed and the version.

    Both variants of a version draw the same sentence indices, so where style
    normalisation keeps the sentences, the two variants are resampled in pairs.
    """
    return np.random.default_rng([seed, zlib.crc32(units.article_id.encode())])


def bootstrap(
    units: Units, n_boot: int = N_BOOT, seed: int = BOOTSTRAP_SEED
) -> dict[str, np.ndarray]:
    """Every metric and component on ``n_boot`` resamples of the sentences (with replacement).

    Each replicate draws n sentence indices; counting how often each sentence was drawn
    gives a weight matrix, so one matrix product sums the counts of all replicates.
    """
    n = len(units.counts)
    if n == 0:
        return {name: np.full(n_boot, np.nan) for name in NAMES}
    draws = _rng(seed, units).integers(0, n, size=(n_boot, n))
    flat = (draws + n * np.arange(n_boot)[:, None]).ravel()
    weights = np.bincount(flat, minlength=n_boot * n).reshape(n_boot, n)
    return formulas(units.sums(weights.astype(float)))


def intervals(samples: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Percentile intervals (CONFIDENCE) of the samples of each name in NAMES, in that order.

    Counts (words, sentences) get no interval: they are facts of the text, not estimates.
    """
    stacked = np.stack([np.asarray(samples[name], dtype=float) for name in NAMES])
    tail = (1 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(stacked, [tail, 100 - tail], axis=1)
    counted = np.isin(np.array(NAMES), ["words", "sentences"])
    return np.where(counted, np.nan, low), np.where(counted, np.nan, high)


def versions(corpus: Corpus, story_id: str) -> list[Article]:
    """The story's versions, original first, then by moment of publication."""
    articles = corpus.story(story_id).articles
    return sorted(
        articles,
        key=lambda a: (
            a.source.role != "original",
            published_at(a.source.published, a.source.source),
        ),
    )
