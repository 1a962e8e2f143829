"""Readability tables for reading: formatted metric and difference tables, the conclusion."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .scores import COMPONENTS, METRIC_LABELS, METRICS, MIN_BOOT_SENTENCES

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
                f"{b} − {a}"
                for a, b in zip(
                    rows["original_article_id"], rows["version_article_id"], strict=True
                )
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
    style = tables["readability_style"].set_index(["version_article_id", "metric"])
    for (original_id, version_id), rows in differences.groupby(
        ["original_article_id", "version_article_id"], sort=False
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
