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

from collections.abc import Mapping
from functools import cache

import numpy as np
import pandas as pd

from ..errors import NeedsTwoVersionsError
from ..syllables import fallback_evaluation
from ..tables import Article, Corpus
from .presentation import conclusion, difference_table, key_findings_from, metric_table
from .scores import (
    BOOTSTRAP_SEED,
    COMPONENTS,
    COUNTS,
    METRIC_LABELS,
    METRICS,
    MIN_BOOT_SENTENCES,
    MIN_WORDS,
    N_BOOT,
    NAMES,
    SMOG_MIN_SENTENCES,
    VARIANTS,
    Units,
    bootstrap,
    formulas,
    intervals,
    normalised_units,
    original_units,
    versions,
)
from .textstat_check import (
    body_text,
    excluded_parts,
    syllable_disagreements,
    textstat_comparison,
    undercounted_word,
)

__all__ = [
    "BOOTSTRAP_SEED",
    "COMPONENTS",
    "COUNTS",
    "DIFFERENCE_COLUMNS",
    "METRICS",
    "METRIC_LABELS",
    "STYLE_COLUMNS",
    "Units",
    "body_text",
    "bootstrap",
    "conclusion",
    "difference_table",
    "excluded_parts",
    "fallback_evaluation",
    "formulas",
    "key_findings_from",
    "metric_table",
    "normalised_units",
    "original_units",
    "story_tables",
    "syllable_disagreements",
    "textstat_comparison",
    "undercounted_word",
]

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
    "original_article_id",
    "version_article_id",
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
    "original_article_id",
    "version_article_id",
    "metric",
    "difference_as_published",
    "difference_style_normalised",
    "house_style_part",
]
CAVEAT_COLUMNS = ["article_id", "level", "variant", "metric", "caveat"]


# ---------------------------------------------------------------- tables


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
            columns["original_article_id"] += [original_id] * len(NAMES)
            columns["version_article_id"] += [version_id] * len(NAMES)
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
    table = published[["original_article_id", "version_article_id", "metric"]].copy()
    table["difference_as_published"] = published["difference"]
    table["difference_style_normalised"] = normalised["difference"]
    table["house_style_part"] = published["difference"] - normalised["difference"]
    return table[STYLE_COLUMNS]


def story_tables(
    corpus: Corpus, story_id: str, n_boot: int = N_BOOT, seed: int = BOOTSTRAP_SEED
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
    for article in versions(corpus, story_id):
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
