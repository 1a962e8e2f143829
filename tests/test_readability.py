"""Readability: syllables, published formulas, body only, house-style control, intervals."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import NYT_ID, PRINT_ID, STORY_ID, make_corpus, manifest_row, write_manifest

import analysis
from analysis import readability, syllables
from analysis.normalize import apply_style


@pytest.fixture(scope="module")
def tables(corpus: analysis.Corpus) -> dict[str, pd.DataFrame]:
    return readability.story_tables(corpus, STORY_ID)


def article_value(tables: dict, aid: str, metric: str, variant: str = "original") -> float:
    t = tables["readability"]
    row = t[
        (t["level"] == "article")
        & (t["article_id"] == aid)
        & (t["variant"] == variant)
        & (t["metric"] == metric)
    ]
    assert len(row) == 1
    return float(row["value"].iloc[0])


def components(tables: dict, aid: str, level: str = "article", variant: str = "original"):
    t = tables["readability_components"]
    return t[(t["article_id"] == aid) & (t["level"] == level) & (t["variant"] == variant)]


def one_version_corpus(tmp_path: Path, text: str) -> analysis.Corpus:
    (tmp_path / "solo.txt").write_text(text, encoding="utf-8")
    manifest = write_manifest(
        tmp_path, [manifest_row("solo", "solo.txt", role="original", format="plain")]
    )
    return analysis.load(str(manifest))


# A plain text without any of the house-style rules' forms (no titles, no "American", …).
PLAIN = (
    "The city council met on a cold morning to talk about the new bridge. "
    "Members said the old bridge had carried traffic for sixty years and needed repair. "
    "Some residents asked for a wider path for bicycles, and others worried about the cost. "
    "The council agreed to publish the plans next month and to hold two public meetings. "
    "Work could begin in the spring if the state approves the money. "
    "A spokeswoman for the transport department said the request would be reviewed quickly. "
    "Drivers will use a temporary road while the bridge is closed."
)


# ---------------------------------------------------------------- syllables


@pytest.mark.parametrize(
    ("word", "expected"), [("Suleimani", 4), ("Soleimani", 4), ("Muhandis", 3), ("Ortagus", 3)]
)
def test_names_missing_from_cmu_get_sensible_syllables(word: str, expected: int) -> None:
    assert syllables.cmu_syllables(word) is None  # so the fallback is what is tested
    assert syllables.syllable_count(word) == expected
    assert syllables.syllables(word)[1] == "heuristic"


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("5,200", 6),  # five thou-sand two hun-dred
        ("2016", 4),  # twen-ty six-teen
        ("2003", 4),  # two thou-sand three
        ("10%", 3),  # ten per-cent
        ("Gen.", 3),  # gen-er-al
        ("Dec.", 3),  # de-cem-ber
        ("Suleimani’s", 4),  # possessive after a vowel adds nothing
        ("Abdul-Mahdi", 4),  # ab-dul + mah-di
        ("troops", 1),  # CMU
    ],
)
def test_numbers_abbreviations_and_compounds_are_read_aloud(token: str, expected: int) -> None:
    assert syllables.syllable_count(token) == expected


def test_fallback_agrees_with_cmu_on_held_out_words() -> None:
    evaluation = syllables.fallback_evaluation(n=2000, seed=7).set_index("method")
    assert (evaluation["sample"] == "held-out").all()
    assert evaluation.loc["heuristic", "exact"] >= 0.88
    assert evaluation.loc["heuristic", "within_one"] >= 0.98
    assert evaluation.loc["heuristic", "exact"] > evaluation.loc["pyphen", "exact"] + 0.2


def test_held_out_words_are_not_the_tuning_words() -> None:
    dev, held_out = syllables._evaluation_words()
    assert not set(dev) & set(held_out)
    assert len(held_out) > 8 * len(dev)


# ---------------------------------------------------------------- components and formulas


@pytest.mark.parametrize("aid", [NYT_ID, PRINT_ID])
def test_components_come_from_our_segmentation(
    corpus: analysis.Corpus, tables: dict, aid: str
) -> None:
    tokens = corpus["tokens"]
    words = tokens[(tokens["article_id"] == aid) & tokens["is_word"]]["text"]
    row = components(tables, aid).iloc[0]
    assert row["sentences"] == (corpus["sentences"]["article_id"] == aid).sum()
    assert row["words"] == len(words)
    assert row["syllables"] == sum(syllables.syllable_count(w) for w in words)
    assert row["polysyllables"] == sum(syllables.syllable_count(w) >= 3 for w in words)
    assert row["letters"] == sum(c.isalpha() for w in words for c in w)
    assert row["characters"] == sum(c.isalnum() for w in words for c in w)
    assert row["linsear_points"] == sum(3 if syllables.syllable_count(w) >= 3 else 1 for w in words)


def test_hand_counted_sentences(tables: dict) -> None:
    assert components(tables, NYT_ID).iloc[0]["sentences"] == 37
    assert components(tables, PRINT_ID).iloc[0]["sentences"] == 29


def published(c: pd.Series) -> dict[str, float]:
    """The published definitions, written out from the counts."""
    w, s = c["words"], c["sentences"]
    pdw = 100 * c["difficult_words"] / w
    r = c["linsear_points"] / s
    return {
        "flesch_reading_ease": 206.835 - 1.015 * (w / s) - 84.6 * (c["syllables"] / w),
        "flesch_kincaid_grade": 0.39 * (w / s) + 11.8 * (c["syllables"] / w) - 15.59,
        "gunning_fog": 0.4 * ((w / s) + 100 * (c["complex_words"] / w)),
        "smog": 1.0430 * math.sqrt(c["polysyllables"] * (30 / s)) + 3.1291,
        "coleman_liau": 0.0588 * (100 * c["letters"] / w) - 0.296 * (100 * s / w) - 15.8,
        "ari": 4.71 * (c["characters"] / w) + 0.5 * (w / s) - 21.43,
        "dale_chall": 0.1579 * pdw + 0.0496 * (w / s) + (3.6365 if pdw > 5 else 0),
        "linsear_write": r / 2 if r > 20 else (r - 2) / 2,
        "syllables_per_word": c["syllables"] / w,
        "words_per_sentence": w / s,
        "pct_polysyllabic": 100 * c["polysyllables"] / w,
        "pct_difficult": pdw,
    }


@pytest.mark.parametrize("variant", ["original", "normalised"])
@pytest.mark.parametrize("aid", [NYT_ID, PRINT_ID])
def test_each_formula_matches_its_published_definition(
    tables: dict, aid: str, variant: str
) -> None:
    counts = components(tables, aid, variant=variant).iloc[0]
    for metric, expected in published(counts).items():
        assert article_value(tables, aid, metric, variant) == pytest.approx(expected), metric


def test_formulas_hold_per_paragraph_and_per_sentence(tables: dict) -> None:
    t = tables["readability"]
    for level in ("paragraph", "sentence"):
        rows = components(tables, PRINT_ID, level=level)
        for _, counts in rows.iloc[[0, len(rows) // 2, -1]].iterrows():
            values = t[(t["unit_id"] == counts["unit_id"]) & (t["variant"] == "original")]
            values = values.set_index("metric")["value"]
            for metric, expected in published(counts).items():
                assert values[metric] == pytest.approx(expected), (level, metric)


def textstat_consensus(v: dict[str, float]) -> float:
    """textstat's text_standard procedure, written out (Reading Ease ≥ 100 counted as grade 5)."""
    grades: list[float] = []
    for name in ("flesch_kincaid_grade",):
        grades += [math.floor(v[name]), math.ceil(v[name]), round(v[name])]
    fre = v["flesch_reading_ease"]
    bands = [(90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])]
    grades += next((g for low, g in bands if fre >= low), [13])
    for name in ("smog", "coleman_liau", "ari", "dale_chall", "linsear_write", "gunning_fog"):
        grades += [math.floor(v[name]), math.ceil(v[name]), round(v[name])]
    return float(max(1, min(Counter(grades).most_common(1)[0][0], 18)))


def test_consensus_is_textstats_vote(tables: dict) -> None:
    t = tables["readability"]
    rows = t[
        (t["level"] == "sentence") & (t["article_id"] == NYT_ID) & (t["variant"] == "original")
    ]
    wide = rows.pivot(index="unit_id", columns="metric", values="value")
    wide = wide.loc[~wide["flesch_kincaid_grade"].isna()]
    assert len(wide) == 37
    for _, v in wide.iterrows():
        assert v["consensus_grade"] == textstat_consensus(v.to_dict())
    article = {m: article_value(tables, NYT_ID, m) for m in readability.METRICS}
    assert article["consensus_grade"] == textstat_consensus(article)


# ---------------------------------------------------------------- body only


def test_non_body_parts_are_excluded(corpus: analysis.Corpus, tables: dict) -> None:
    articles = corpus["articles"].set_index("article_id")
    sentences = corpus["sentences"]
    t = tables["readability"]
    for aid in (NYT_ID, PRINT_ID):
        assert components(tables, aid).iloc[0]["words"] == articles.loc[aid, "n_words"]
        scored = t[(t["article_id"] == aid) & (t["level"] == "sentence")]
        scored = scored[scored["variant"] == "original"]
        assert set(scored["unit_id"]) == set(
            sentences.loc[sentences["article_id"] == aid, "sentence_id"]
        )
    # the text textstat is run on is the body too
    nyt_body = readability.body_text(corpus, NYT_ID)
    print_body = readability.body_text(corpus, PRINT_ID)
    assert "Defying" not in nyt_body and not nyt_body.startswith("WASHINGTON")
    assert nyt_body.startswith("The State Department on Friday rebuffed")
    for excluded in ("date 2020-01-11", "WASHINGTON --", "Information for this", "A Section on"):
        assert excluded not in print_body
    # and the parts are shown separately
    parts = tables["readability_parts"].set_index(["article_id", "part"])
    assert parts.loc[(NYT_ID, "headline"), "text"].startswith("U.S. Says It Won’t Discuss")
    assert "Karen DeYoung" in parts.loc[(PRINT_ID, "credits"), "text"]
    assert parts.loc[(PRINT_ID, "page_line"), "text"] == "A Section on 01/11/2020"
    assert parts.loc[(PRINT_ID, "credits"), "words"] > 40
    assert "body" not in set(tables["readability_parts"]["part"])


def test_scoring_the_whole_file_would_differ(corpus: analysis.Corpus, tables: dict) -> None:
    """With credits and page line the print version would have more words than we count."""
    whole = len(corpus.article(PRINT_ID).text.split())
    assert components(tables, PRINT_ID).iloc[0]["words"] < whole - 40


# ---------------------------------------------------------------- house style


def test_style_normalisation_changes_the_nyt_scores(tables: dict) -> None:
    nyt = components(tables, NYT_ID)
    normalised = components(tables, NYT_ID, variant="normalised")
    # "Mr. Pompeo" -> "Pompeo": the honorifics go, so there are fewer words
    assert normalised.iloc[0]["words"] < nyt.iloc[0]["words"] - 20
    for metric in ("flesch_kincaid_grade", "flesch_reading_ease", "dale_chall"):
        before = article_value(tables, NYT_ID, metric)
        after = article_value(tables, NYT_ID, metric, "normalised")
        assert abs(before - after) > 0.1, metric


def test_style_normalisation_leaves_a_plain_text_alone(tmp_path: Path) -> None:
    assert apply_style(PLAIN)[1] == []  # no rule fires on it
    solo = one_version_corpus(tmp_path, PLAIN)
    t = readability.story_tables(solo, "story-1")["readability"]
    original = t[t["variant"] == "original"].reset_index(drop=True)
    normalised = t[t["variant"] == "normalised"].reset_index(drop=True)
    assert len(original) == len(normalised) > 0
    pd.testing.assert_series_equal(original["value"], normalised["value"])
    pd.testing.assert_series_equal(original["ci_low"], normalised["ci_low"])


def test_style_table_splits_each_difference(tables: dict) -> None:
    style = tables["readability_style"].set_index("metric")
    d = tables["readability_differences"].set_index(["variant", "metric"])
    for metric in readability.METRICS:
        assert style.loc[metric, "house_style_part"] == pytest.approx(
            d.loc[("original", metric), "difference"] - d.loc[("normalised", metric), "difference"]
        )


# ---------------------------------------------------------------- uncertainty


def test_intervals_are_seeded_reproducible_and_contain_the_estimate(
    corpus: analysis.Corpus, tables: dict
) -> None:
    again = readability.story_tables(corpus, STORY_ID)
    pd.testing.assert_frame_equal(again["readability"], tables["readability"])
    other = readability.story_tables(corpus, STORY_ID, seed=1)["readability"]
    assert not np.allclose(other["ci_low"].fillna(0), tables["readability"]["ci_low"].fillna(0))
    t = tables["readability"]
    article = t[(t["level"] == "article") & ~t["metric"].isin(["words", "sentences"])]
    assert article["ci_low"].notna().all()
    assert (article["ci_low"] <= article["value"] + 1e-9).all()
    assert (article["value"] <= article["ci_high"] + 1e-9).all()
    assert (article["ci_high"] > article["ci_low"]).all()


def test_difference_interval_is_that_of_the_difference(tables: dict) -> None:
    d = tables["readability_differences"]
    row = d[(d["variant"] == "original") & (d["metric"] == "flesch_kincaid_grade")].iloc[0]
    assert row["difference"] == pytest.approx(
        article_value(tables, PRINT_ID, "flesch_kincaid_grade")
        - article_value(tables, NYT_ID, "flesch_kincaid_grade")
    )
    assert row["ci_low"] < row["difference"] < row["ci_high"]
    # the difference of two noisy estimates is wider than either estimate's interval
    t = tables["readability"]
    own = t[
        (t["level"] == "article")
        & (t["variant"] == "original")
        & (t["metric"] == "flesch_kincaid_grade")
    ]
    assert row["ci_high"] - row["ci_low"] > (own["ci_high"] - own["ci_low"]).max()


def test_caveats_flag_short_samples(tables: dict, tmp_path: Path) -> None:
    c = tables["readability_caveats"]
    smog = c[(c["metric"] == "smog") & (c["variant"] == "original")]
    assert set(smog["article_id"]) == {PRINT_ID}  # 29 sentences < 30; the NYT has 37
    solo = one_version_corpus(tmp_path, "Officials met on Friday. They said little.")
    short = readability.story_tables(solo, "story-1")["readability_caveats"]
    assert short["caveat"].str.contains("Only 7 words").any()


# ---------------------------------------------------------------- textstat, tables, one version


def test_textstat_disagreement_is_shown(tables: dict) -> None:
    ts = tables["readability_textstat"].set_index(["article_id", "quantity"])
    assert ts.loc[(NYT_ID, "sentences"), "ours"] == 37
    assert ts.loc[(NYT_ID, "sentences"), "textstat"] > 37  # it splits at U.S., Gen., Dec.
    assert ts["why"].str.len().min() > 20
    disagreements = tables["readability_syllables"].set_index("word")
    assert disagreements.loc["suleimani", "textstat"] == 1
    assert disagreements.loc["suleimani", "ours"] == 4


def test_export_table_has_the_documented_columns(tables: dict) -> None:
    t = tables["readability"]
    assert list(t.columns) == [
        "article_id",
        "level",
        "unit_id",
        "variant",
        "metric",
        "value",
        "ci_low",
        "ci_high",
    ]
    assert set(t["level"]) == {"article", "paragraph", "sentence"}
    assert set(t["variant"]) == {"original", "normalised"}
    assert set(t["metric"]) == set(readability.METRICS + readability.COMPONENTS)
    rows = t[
        (t["level"] == "paragraph") & (t["article_id"] == NYT_ID) & (t["variant"] == "original")
    ]
    assert rows["unit_id"].nunique() == 22


def test_one_version_story(tmp_path: Path) -> None:
    solo = one_version_corpus(tmp_path, PLAIN)
    result = readability.story_tables(solo, "story-1")
    assert result["readability_differences"].empty
    assert list(result["readability_differences"].columns) == readability.DIFFERENCE_COLUMNS
    assert result["readability_style"].empty
    assert list(result["readability_style"].columns) == readability.STYLE_COLUMNS
    assert article_value(result, "solo", "sentences") == 7
    assert "Only one version" in readability.conclusion(result)


def test_conclusion_is_generated_from_the_numbers(tables: dict) -> None:
    text = readability.conclusion(tables)
    fkgl = article_value(tables, NYT_ID, "flesch_kincaid_grade")
    assert f"{fkgl:.1f}" in text
    assert "not reliably different" in text  # the FKGL interval of the difference includes 0
    assert "House style accounts for" in text


def test_textstat_syllable_note_uses_each_version_s_own_words(tables: dict) -> None:
    why = tables["readability_textstat"].set_index(["article_id", "quantity"])["why"]
    assert "(Suleimani: 1)" in why[(NYT_ID, "syllables")]  # the NYT spelling, in the NYT row
    assert "(Soleimani: 1)" in why[(PRINT_ID, "syllables")]  # the print spelling, in its row
    plain = make_corpus("The cat sat on the mat. It was a good mat.")
    note = readability.story_tables(plain, "s", n_boot=10)["readability_textstat"]
    assert readability.undercounted_word(plain, "v0") == ""
    assert "points + 1 and every number 1" in note.set_index("quantity").at["syllables", "why"]
