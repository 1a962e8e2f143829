"""Readability of each version: nine formulas and their components, with bootstrap intervals.

The counts come from the project's own segmentation (body sentences and word tokens of
:mod:`analysis.tables`), never from textstat's regex counters; syllables come from the
CMU dictionary as textstat loads it, with the fallbacks of :mod:`analysis.syllables`.
The formulas are the published ones (see :func:`formulas`), computed from summed
counts so that one vectorised function serves articles, paragraphs, sentences and
bootstrap replicates alike.

Every score exists in two variants: ``original`` (the text as printed) and
``normalised`` (house style removed with :func:`analysis.normalize.style_view`, then
re-segmented), so that a difference between versions can be split into house style
and substance. Intervals come from resampling sentences (seeded, vectorised).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
import textstat
from textstat.backend.utils import get_lang_easy_words

from .errors import NeedsTwoVersionsError
from .normalize import style_view, typography
from .segment import is_word, sentence_spans, token_spans
from .syllables import LANG, fallback_evaluation, syllables, textstat_syllables
from .tables import Article, Corpus

__all__ = [
    "COMPONENTS",
    "COUNTS",
    "METRICS",
    "conclusion",
    "difference_table",
    "fallback_evaluation",
    "formulas",
    "key_findings_from",
    "metric_table",
    "story_tables",
]

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
SEED = 20200110
CONFIDENCE = 0.95
SMOG_MIN_SENTENCES = 30
MIN_WORDS = 100
MIN_BOOT_SENTENCES = 10

READABILITY_COLUMNS = [
    "article_id",
    "level",
    "unit_id",
    "variant",
    "metric",
    "value",
    "ci_low",
    "ci_high",
]
DIFFERENCE_COLUMNS = [
    "original_id",
    "article_id",
    "variant",
    "metric",
    "original_value",
    "version_value",
    "difference",
    "ci_low",
    "ci_high",
    "interval_excludes_zero",
]
STYLE_COLUMNS = [
    "original_id",
    "article_id",
    "metric",
    "difference_as_published",
    "difference_style_normalised",
    "house_style_part",
]
CAVEAT_COLUMNS = ["article_id", "level", "variant", "metric", "caveat"]


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
    pids: list[str] = []
    sentences: list[list[str]] = []
    for pid, text in zip(
        paragraphs["paragraph_id"].to_numpy()[chosen],
        paragraphs["text"].to_numpy()[chosen],
        strict=True,
    ):
        view = style_view(text)
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


def bootstrap(units: Units, n_boot: int = N_BOOT, seed: int = SEED) -> dict[str, np.ndarray]:
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


# ---------------------------------------------------------------- tables


def _versions(corpus: Corpus, story_id: str) -> list[Article]:
    """The story's versions, original first, then by publication date."""
    articles = corpus.story(story_id).articles
    return sorted(articles, key=lambda a: (a.source.role != "original", a.source.published))


def _levels(units: Units) -> list[tuple[str, list[str], dict[str, np.ndarray]]]:
    """(level, unit ids, summed counts) for the article, its paragraphs and its sentences."""
    article = {name: total[None] for name, total in units.sums().items()}
    pids, paragraphs = units.paragraph_sums()
    sentences = {name: units.counts[:, i] for i, name in enumerate(COUNTS)}
    return [
        ("article", [units.article_id], article),
        ("paragraph", pids, paragraphs),
        ("sentence", list(units.sentence_ids), sentences),
    ]


def _caveats(units: Units, scores: Mapping[str, float]) -> list[dict]:
    """Caveat flags for one version and variant."""
    aid, variant = units.article_id, units.variant
    words, sentences = int(scores["words"]), int(scores["sentences"])
    rows = []

    def flag(metric: str, text: str, level: str = "article") -> None:
        rows.append(
            {
                "article_id": aid,
                "level": level,
                "variant": variant,
                "metric": metric,
                "caveat": text,
            }
        )

    if sentences < SMOG_MIN_SENTENCES:
        flag(
            "smog",
            f"SMOG was calibrated on samples of 30 sentences; this text has {sentences}, "
            "so its polysyllable count is scaled up to 30 sentences.",
        )
    if words < MIN_WORDS:
        flag(
            "all",
            f"Only {words} words: the formulas were calibrated on passages of 100 words or more.",
        )
    if 0 < sentences < MIN_BOOT_SENTENCES:
        flag(
            "all",
            f"Only {sentences} sentences: intervals from resampling so few sentences are "
            "unreliable.",
        )
    fallback = int(units.counts[:, COUNTS.index("fallback_words")].sum())
    if fallback:
        flag(
            "syllables",
            f"{fallback} of {words} words ({100 * fallback / max(words, 1):.1f}%) are not in the "
            "CMU dictionary; their syllables come from the vowel-group heuristic.",
        )
    flag(
        "dale_chall",
        "Names, places and abbreviations are not on the Dale–Chall list, so they count as "
        "difficult words; news text with many names scores harder than its vocabulary is.",
    )
    flag(
        "consensus_grade",
        "The consensus grade is a vote among rounded grades, not an average; a small change "
        "can move it by a whole grade.",
    )
    for level in ("paragraph", "sentence"):
        flag(
            "all",
            f"Each {level} is far shorter than the 100 words the formulas assume: read the "
            f"{level} scores as a distribution, not as grades; they have no intervals.",
            level,
        )
    return rows


def _pairs(corpus: Corpus, story_id: str) -> list[tuple[Article, Article]]:
    """(original, version) pairs, or none when the story cannot be compared."""
    try:
        return corpus.pairs(story_id)
    except NeedsTwoVersionsError:
        return []


def _differences(
    pairs: list[tuple[str, str]],
    point: Mapping[tuple[str, str], Mapping[str, np.ndarray]],
    boots: Mapping[tuple[str, str], Mapping[str, np.ndarray]],
) -> pd.DataFrame:
    """version − original for each pair, variant and metric, with bootstrap intervals.

    The two versions are resampled independently (they are different samples of sentences).
    """
    columns: dict[str, list] = {name: [] for name in DIFFERENCE_COLUMNS}
    for original_id, version_id in pairs:
        for variant in VARIANTS:
            a, b = point[original_id, variant], point[version_id, variant]
            low, high = intervals(
                {m: boots[version_id, variant][m] - boots[original_id, variant][m] for m in NAMES}
            )
            original = np.array([float(a[m][0]) for m in NAMES])
            version = np.array([float(b[m][0]) for m in NAMES])
            columns["original_id"] += [original_id] * len(NAMES)
            columns["article_id"] += [version_id] * len(NAMES)
            columns["variant"] += [variant] * len(NAMES)
            columns["metric"] += list(NAMES)
            columns["original_value"] += list(original)
            columns["version_value"] += list(version)
            columns["difference"] += list(version - original)
            columns["ci_low"] += list(low)
            columns["ci_high"] += list(high)
            columns["interval_excludes_zero"] += list((low > 0) | (high < 0))
    return pd.DataFrame(columns, columns=DIFFERENCE_COLUMNS)


def _style_table(differences: pd.DataFrame) -> pd.DataFrame:
    """How much of each difference disappears when house style is normalised."""
    published = differences[differences["variant"] == "original"].reset_index(drop=True)
    normalised = differences[differences["variant"] == "normalised"].reset_index(drop=True)
    table = published[["original_id", "article_id", "metric"]].copy()
    table["difference_as_published"] = published["difference"]
    table["difference_style_normalised"] = normalised["difference"]
    table["house_style_part"] = published["difference"] - normalised["difference"]
    return table[STYLE_COLUMNS]


def story_tables(
    corpus: Corpus, story_id: str, n_boot: int = N_BOOT, seed: int = SEED
) -> dict[str, pd.DataFrame]:
    """Every readability table of one story, keyed by export name (see the README).

    ``readability`` (long: every metric and component, per article, paragraph and
    sentence, both variants; intervals at article level), ``readability_components``,
    ``readability_differences`` and ``readability_style`` (empty with their columns when
    the story has one version), ``readability_caveats``, ``readability_textstat``,
    ``readability_syllables``, ``readability_parts`` and ``readability_fallback`` (the
    evaluation of the syllable fallbacks, :func:`analysis.syllables.fallback_evaluation`).
    """
    units: dict[tuple[str, str], Units] = {}
    for article in _versions(corpus, story_id):
        aid = article.article_id
        units[aid, "original"] = original_units(corpus, aid)
        units[aid, "normalised"] = normalised_units(corpus, aid)
    long: dict[str, list[np.ndarray]] = {name: [] for name in READABILITY_COLUMNS}
    components: dict[str, list[np.ndarray]] = {
        name: [] for name in ("article_id", "level", "unit_id", "variant", *COUNTS, *COMPONENTS[2:])
    }
    point: dict[tuple[str, str], dict[str, np.ndarray]] = {}
    boots: dict[tuple[str, str], dict[str, np.ndarray]] = {}
    caveats: list[dict] = []
    for (aid, variant), u in units.items():
        for level, ids, sums in _levels(u):
            scores = formulas(sums)
            m, k = len(ids), len(NAMES)
            if level == "article":
                point[aid, variant] = scores
                boots[aid, variant] = bootstrap(u, n_boot, seed)
                low, high = intervals(boots[aid, variant])
                caveats += _caveats(u, {n: float(v[0]) for n, v in scores.items()})
            else:
                low = high = np.full(k, np.nan)
            long["article_id"].append(np.full(m * k, aid, dtype=object))
            long["level"].append(np.full(m * k, level, dtype=object))
            long["unit_id"].append(np.tile(np.array(ids, dtype=object), k))
            long["variant"].append(np.full(m * k, variant, dtype=object))
            long["metric"].append(np.repeat(np.array(NAMES, dtype=object), m))
            long["value"].append(np.concatenate([np.asarray(scores[n], float) for n in NAMES]))
            long["ci_low"].append(np.repeat(low, m))
            long["ci_high"].append(np.repeat(high, m))
            components["article_id"].append(np.full(m, aid, dtype=object))
            components["level"].append(np.full(m, level, dtype=object))
            components["unit_id"].append(np.array(ids, dtype=object))
            components["variant"].append(np.full(m, variant, dtype=object))
            for name in COUNTS:
                components[name].append(np.asarray(sums[name]).astype(int))
            for name in COMPONENTS[2:]:
                components[name].append(scores[name])
    pairs = [(a.article_id, b.article_id) for a, b in _pairs(corpus, story_id)]
    differences = _differences(pairs, point, boots)
    return {
        "readability": pd.DataFrame({k: np.concatenate(v) for k, v in long.items()}),
        "readability_components": pd.DataFrame(
            {k: np.concatenate(v) for k, v in components.items()}
        ),
        "readability_differences": differences,
        "readability_style": _style_table(differences),
        "readability_caveats": pd.DataFrame(caveats, columns=CAVEAT_COLUMNS),
        "readability_textstat": textstat_comparison(corpus, story_id, units),
        "readability_syllables": syllable_disagreements(corpus, story_id),
        "readability_parts": excluded_parts(corpus, story_id),
        "readability_fallback": _fallback_table().copy(),
    }


@cache
def _fallback_table() -> pd.DataFrame:
    """The syllable fallbacks' evaluation (the same for every story, so computed once)."""
    return fallback_evaluation()


# ---------------------------------------------------------------- textstat and excluded parts

_WHY = {
    "sentences": "textstat splits at every '.', '!' and '?' (so inside 'U.S.', 'Gen.', "
    "'Dec. 29', 'O.K.') and drops pieces of two words or fewer; we use Punkt with the "
    "project's news abbreviations, within paragraphs.",
    "words": "textstat splits on spaces after deleting punctuation, so a dash between spaces "
    "is dropped but 'U.S.' and '5,200' survive; we count tokens with a letter or digit.",
    "syllables": "textstat gives a word missing from the CMU dictionary pyphen's hyphenation "
    "points + 1 (Suleimani: 1) and every number 1; we read numbers aloud, expand "
    "abbreviations and use the vowel-group heuristic.",
    "polysyllables": "follows from the syllable counts.",
    "difficult_words": "textstat counts inflected forms of listed words as difficult "
    "('troops', 'voted'); we accept regular inflections, as Dale and Chall did.",
    "flesch_reading_ease": "follows from sentences, words and syllables.",
    "flesch_kincaid_grade": "follows from sentences, words and syllables.",
    "gunning_fog": "textstat's hard words are 3+ syllable words not on the Dale–Chall list; "
    "Gunning's are 3+ syllable words other than names, hyphenated compounds and words "
    "made long by -es, -ed or -ing.",
    "smog": "follows from sentences and polysyllables.",
    "coleman_liau": "textstat uses 0.058 per 100 letters; Coleman and Liau published 0.0588.",
    "ari": "textstat counts every non-space character, punctuation included; ARI counts "
    "letters and digits.",
    "dale_chall": "follows from the difficult words and sentence length.",
    "linsear_write": "textstat scores the first 100 words only; we score every sentence "
    "(the same rate per sentence, with all the text's evidence).",
    "consensus_grade": "the vote follows the grades above.",
}


def _body_text(corpus: Corpus, article_id: str) -> str:
    """The body as paragraphs joined by blank lines (headline, dateline etc. excluded)."""
    paragraphs = corpus["paragraphs"]
    return "\n\n".join(paragraphs.loc[paragraphs["article_id"] == article_id, "text"])


def _textstat_scores(text: str) -> dict[str, float]:
    """textstat's own counts and scores for a text."""
    return {
        "sentences": textstat.sentence_count(text),
        "words": textstat.lexicon_count(text),
        "syllables": textstat.syllable_count(text),
        "polysyllables": textstat.polysyllabcount(text),
        "difficult_words": textstat.difficult_words(text, syllable_threshold=0, unique=False),
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog": textstat.smog_index(text),
        "coleman_liau": textstat.coleman_liau_index(text),
        "ari": textstat.automated_readability_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "linsear_write": textstat.linsear_write_formula(text),
        "consensus_grade": textstat.text_standard(text, float_output=True),
    }


def textstat_comparison(
    corpus: Corpus, story_id: str, units: Mapping[tuple[str, str], Units] | None = None
) -> pd.DataFrame:
    """Our counts and scores beside textstat's own, run on the same body text, with the reason.

    ``units``: the segmented versions already computed by :func:`story_tables`, if any.
    """
    columns: dict[str, list] = {
        name: [] for name in ("article_id", "quantity", "ours", "textstat", "difference", "why")
    }
    for article in _versions(corpus, story_id):
        aid = article.article_id
        u = units[aid, "original"] if units else original_units(corpus, aid)
        sums = u.sums()
        ours = {**{k: float(v) for k, v in sums.items()}, **_scalars(formulas(sums))}
        for quantity, value in _textstat_scores(_body_text(corpus, aid)).items():
            columns["article_id"].append(aid)
            columns["quantity"].append(quantity)
            columns["ours"].append(ours[quantity])
            columns["textstat"].append(float(value))
            columns["difference"].append(float(value) - ours[quantity])
            columns["why"].append(_WHY[quantity])
    return pd.DataFrame(columns)


def _scalars(scores: Mapping[str, np.ndarray]) -> dict[str, float]:
    return {name: float(value) for name, value in scores.items()}


def syllable_disagreements(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The story's words whose syllable count differs from textstat's, with the rule we used."""
    tokens = corpus.story(story_id)["tokens"]
    words: Counter[str] = Counter()
    for text, n in Counter(tokens["text"].to_numpy()[tokens["is_word"]]).items():
        words[typography(text).lower()] += n
    rows = []
    for word, n in words.items():
        ours, rule = syllables(word)
        theirs = textstat_syllables(word)
        if ours != theirs:
            rows.append(
                {"word": word, "occurrences": n, "ours": ours, "rule": rule, "textstat": theirs}
            )
    table = pd.DataFrame(rows, columns=["word", "occurrences", "ours", "rule", "textstat"])
    return table.sort_values(["rule", "word"], ignore_index=True)


def excluded_parts(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The parts left out of every score (headline, date line, dateline, credits, page line)."""
    parts = corpus.story(story_id)["parts"]
    parts = parts[parts["part"] != "body"]
    rows = []
    for aid, part, text in zip(parts["article_id"], parts["part"], parts["text"], strict=True):
        view = typography(text)
        words = [view[a:b] for a, b in token_spans(view, 0, len(view)) if is_word(view[a:b])]
        counts = sentence_counts(words)
        n_words = int(counts[COUNTS.index("words")])
        n_syllables = int(counts[COUNTS.index("syllables")])
        rows.append(
            {
                "article_id": aid,
                "part": part,
                "text": text,
                "words": n_words,
                "syllables": n_syllables,
                "syllables_per_word": n_syllables / n_words if n_words else np.nan,
            }
        )
    return pd.DataFrame(
        rows, columns=["article_id", "part", "text", "words", "syllables", "syllables_per_word"]
    )


# ---------------------------------------------------------------- presentation


def metric_table(
    readability: pd.DataFrame, variant: str = "original", digits: int = 1
) -> pd.DataFrame:
    """Article-level values with intervals, one row per metric and one column per version.

    Cells read ``12.3 [11.1, 13.6]`` (value and 95% interval).
    """
    rows = readability[(readability["level"] == "article") & (readability["variant"] == variant)]
    cells = [
        f"{v:.{digits}f}" + ("" if np.isnan(lo) else f" [{lo:.{digits}f}, {hi:.{digits}f}]")
        for v, lo, hi in zip(rows["value"], rows["ci_low"], rows["ci_high"], strict=True)
    ]
    table = rows.assign(cell=cells, label=rows["metric"].map(METRIC_LABELS))
    wide = table.pivot(index="label", columns="article_id", values="cell")
    order = [METRIC_LABELS[m] for m in METRICS + COMPONENTS]
    wide = wide.reindex(index=order, columns=list(dict.fromkeys(rows["article_id"])))
    wide.index.name = "metric"
    wide.columns.name = None
    return wide


def difference_table(
    differences: pd.DataFrame, variant: str = "original", digits: int = 2
) -> pd.DataFrame:
    """The differences (version − original) of one variant, formatted for reading.

    One row per compared version and metric: both values, the difference with its 95%
    interval, and whether the interval excludes zero.
    """
    rows = differences[differences["variant"] == variant]
    return pd.DataFrame(
        {
            "comparison": [
                f"{b} − {a}" for a, b in zip(rows["original_id"], rows["article_id"], strict=True)
            ],
            "metric": rows["metric"].map(METRIC_LABELS).to_numpy(),
            "original": rows["original_value"].round(digits).to_numpy(),
            "version": rows["version_value"].round(digits).to_numpy(),
            "difference [95% interval]": [
                f"{d:+.{digits}f}"
                + ("" if np.isnan(lo) else f" [{lo:+.{digits}f}, {hi:+.{digits}f}]")
                for d, lo, hi in zip(
                    rows["difference"], rows["ci_low"], rows["ci_high"], strict=True
                )
            ],
            "interval excludes 0": np.where(
                rows["ci_low"].isna(), "", np.where(rows["interval_excludes_zero"], "yes", "no")
            ),
        }
    )


def _grade(value: float) -> str:
    return f"{value:.1f}"


def conclusion(tables: Mapping[str, pd.DataFrame], metric: str = "flesch_kincaid_grade") -> str:
    """A plain-language summary generated from the tables of :func:`story_tables`."""
    readability = tables["readability"]
    article = readability[
        (readability["level"] == "article") & (readability["variant"] == "original")
    ].set_index(["article_id", "metric"])
    label = METRIC_LABELS[metric]
    ids = list(dict.fromkeys(article.index.get_level_values(0)))

    def describe(aid: str) -> str:
        row = article.loc[(aid, metric)]
        wps = article.loc[(aid, "words_per_sentence"), "value"]
        n = article.loc[(aid, "sentences"), "value"]
        shaky = (
            f", too few sentences ({n:.0f}) for a reliable interval"
            if n < MIN_BOOT_SENTENCES
            else ""
        )
        return (
            f"{aid} scores {_grade(row['value'])} on the {label} "
            f"(95% interval {_grade(row['ci_low'])} to {_grade(row['ci_high'])}{shaky}), "
            f"with {wps:.1f} words per sentence"
        )

    differences = tables["readability_differences"]
    if differences.empty:
        return (
            f"Only one version can be scored: {describe(ids[0])}. "
            "A comparison needs a second version of the story." + _textstat_note(tables, metric)
        )
    sentences = [describe(aid) for aid in ids]
    text = "; ".join(sentences) + "."
    style = tables["readability_style"].set_index(["article_id", "metric"])
    for (original_id, version_id), rows in differences.groupby(
        ["original_id", "article_id"], sort=False
    ):
        by_variant = rows.set_index(["variant", "metric"])
        d = by_variant.loc[("original", metric)]
        direction = (
            "harder" if (d["difference"] > 0) != (metric == "flesch_reading_ease") else "easier"
        )
        if d["interval_excludes_zero"]:
            verdict = (
                f"{version_id} reads {direction} than {original_id} by "
                f"{abs(d['difference']):.1f} points (95% interval {d['ci_low']:.1f} to "
                f"{d['ci_high']:.1f}), more than resampling its sentences explains."
            )
        else:
            verdict = (
                f"The difference between {version_id} and {original_id} "
                f"({d['difference']:+.1f}, 95% interval {d['ci_low']:+.1f} to {d['ci_high']:+.1f}) "
                "is within what the choice of sentences alone could produce: the two versions "
                f"are not reliably different on the {label}."
            )
        grade_metrics = [m for m in METRICS if m not in ("flesch_reading_ease", "consensus_grade")]
        original_rows = by_variant.loc["original"]
        harder = sum(original_rows.loc[m, "difference"] > 0 for m in grade_metrics)
        agree = (
            f" {harder} of the {len(grade_metrics)} grade-level formulas put {version_id} "
            f"above {original_id}, {len(grade_metrics) - harder} below"
        )
        significant = sum(
            bool(original_rows.loc[m, "interval_excludes_zero"]) for m in grade_metrics
        )
        agree += f"; {significant} of those differences have intervals that exclude zero."
        s = style.loc[(version_id, metric)]
        share = (
            f" House style accounts for {s['house_style_part']:+.2f} of the {label} difference "
            f"({s['difference_as_published']:+.2f} as published, "
            f"{s['difference_style_normalised']:+.2f} once both versions are put in the same "
            "style); the rest is substance: different sentences, cuts and additions."
        )
        text += " " + verdict + agree + share
    return text + _textstat_note(tables, metric)


def _sentences(n: float) -> str:
    return f"{n:.0f} sentence" + ("" if n == 1 else "s")


def _textstat_note(tables: Mapping[str, pd.DataFrame], metric: str) -> str:
    """A sentence on how far textstat's own counting would move the first version's score."""
    comparison = tables["readability_textstat"]
    if comparison.empty or metric not in set(comparison["quantity"]):
        return ""
    rows = comparison[comparison["article_id"] == comparison["article_id"].iloc[0]]
    rows = rows.set_index("quantity")
    aid = comparison["article_id"].iloc[0]
    theirs, ours = rows.loc["sentences", "textstat"], rows.loc["sentences", "ours"]
    if theirs == ours:
        reason = f"both count {_sentences(ours)}; the rest comes from words and syllables."
    else:
        why = (
            'it splits at abbreviations such as "U.S."'
            if theirs > ours
            else "it drops pieces of two words or fewer"
        )
        reason = (
            f"its sentence counter finds {_sentences(theirs)} where our segmentation finds "
            f"{_sentences(ours)}, because {why}."
        )
    return (
        f" Run on the same body text, textstat's own counting would give {aid} "
        f"{rows.loc[metric, 'textstat']:.1f} instead of {rows.loc[metric, 'ours']:.1f}: {reason}"
    )


def key_findings_from(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The key findings, generated from the tables of :func:`story_tables`."""
    return [conclusion(tables)]
