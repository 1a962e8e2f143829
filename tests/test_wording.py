"""Alignment, redline and edit classification on the seeds and on constructed pairs."""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd
import pytest
from conftest import NYT_ID, PRINT_ID, STORY_ID, make_corpus

import analysis
from analysis.align import align_sentences
from analysis.distinctive import fightin_words
from analysis.wording import story_tables


@pytest.fixture(scope="module")
def tables(corpus: analysis.Corpus) -> dict[str, pd.DataFrame]:
    return story_tables(corpus, STORY_ID)


def _edits_where(edits: pd.DataFrame, old: str, new: str) -> pd.DataFrame:
    return edits[
        edits["old_text"].str.contains(old, regex=False)
        & edits["new_text"].str.contains(new, regex=False)
    ]


def _sentence_id(corpus: analysis.Corpus, article_id: str, fragment: str) -> str:
    sentences = corpus["sentences"]
    hit = sentences[
        (sentences["article_id"] == article_id)
        & sentences["text"].str.contains(fragment, regex=False)
    ]
    assert len(hit) == 1, fragment
    return hit["sentence_id"].iloc[0]


def _label(alignment: pd.DataFrame, sentence_id: str) -> str:
    side = "original_sentence_id" if sentence_id.startswith(NYT_ID) else "version_sentence_id"
    return alignment.loc[alignment[side] == sentence_id, "label"].iloc[0]


def test_rejoinder_to_rebuttal_is_substantive_word_choice(tables: dict) -> None:
    hit = _edits_where(tables["edits"], "rejoinder", "rebuttal")
    assert hit[["category", "substantive"]].values.tolist() == [["word_choice", True]]


def test_american_to_us_and_honorifics_are_house_style(
    tables: dict, corpus: analysis.Corpus
) -> None:
    edits = tables["edits"]
    american = edits[(edits["old_text"] == "American") & (edits["new_text"] == "U.S.")]
    assert len(american) >= 5
    assert set(american["category"]) == {"country_naming"} and not american["substantive"].any()
    pompeo = _sentence_id(corpus, NYT_ID, "Mr. Pompeo said at a news conference")
    mr = edits[(edits["original_sentence_id"] == pompeo) & (edits["old_text"] == "Mr.")]
    assert mr[["op", "category", "substantive"]].values.tolist() == [["delete", "honorific", False]]


def test_suleimani_to_soleimani_is_a_spelling_variant(tables: dict) -> None:
    hits = _edits_where(tables["edits"], "Suleimani", "Soleimani")
    assert len(hits) == 2 and not hits["substantive"].any()
    assert "name_spelling" in set(hits["category"])
    assert all("spelling-soleimani" in rule for rule in hits["rule_id"])


def test_ortagus_statement_sentence_is_edited_with_style_only(
    tables: dict, corpus: analysis.Corpus
) -> None:
    nyt = _sentence_id(corpus, NYT_ID, "Morgan Ortagus, released the statement")
    row = tables["alignment"].set_index("original_sentence_id").loc[nyt]
    assert row["version_sentence_id"] == _sentence_id(corpus, PRINT_ID, "Morgan Ortagus, released")
    assert (row["label"], row["edit_kind"]) == ("edited", "style")


def test_soleimani_designation_is_added(tables: dict, corpus: analysis.Corpus) -> None:
    sid = _sentence_id(corpus, PRINT_ID, "Soleimani was designated a terrorist in 2005")
    assert _label(tables["alignment"], sid) == "added"


def test_fox_news_paragraphs_are_deleted(tables: dict, corpus: analysis.Corpus) -> None:
    paragraphs = corpus["paragraphs"]
    fox = paragraphs[paragraphs["text"].str.contains("Fox News|Pressed on the issue")]
    assert len(fox) == 2
    ids = corpus["sentences"][corpus["sentences"]["paragraph_id"].isin(fox["paragraph_id"])][
        "sentence_id"
    ]
    assert len(ids) == 4
    assert {_label(tables["alignment"], sid) for sid in ids} == {"deleted"}


def test_status_of_forces_paragraph_is_added(tables: dict, corpus: analysis.Corpus) -> None:
    paragraphs = corpus["paragraphs"]
    sofa = paragraphs[paragraphs["text"].str.contains("status of forces agreement")]
    ids = corpus["sentences"][corpus["sentences"]["paragraph_id"].isin(sofa["paragraph_id"])][
        "sentence_id"
    ]
    assert len(ids) == 2 and {_label(tables["alignment"], sid) for sid in ids} == {"added"}


def test_every_sentence_has_exactly_one_label(tables: dict, corpus: analysis.Corpus) -> None:
    labels = analysis.align.sentence_labels(tables["alignment"])
    assert len(labels) == len(corpus["sentences"])
    assert set(labels["label"]) <= {"unchanged", "edited", "moved", "added", "deleted"}


def test_edit_offsets_point_into_both_texts(tables: dict, corpus: analysis.Corpus) -> None:
    texts = {a.article_id: a.text for a in corpus.articles}
    for row in tables["redline"].itertuples():
        assert texts[row.original_article_id][row.old_start : row.old_end] == row.old_text
        assert texts[row.version_article_id][row.new_start : row.new_end] == row.new_text


def test_summary_figures_are_consistent(tables: dict) -> None:
    summary = tables["wording_summary"].iloc[0]
    assert 0 < summary["kept_verbatim"] < summary["kept_after_style"] < 1
    assert 0 < summary["substantive_divergence"] < 1
    counts = tables["edit_categories"].set_index("category")["n_edits"]
    assert counts.sum() == len(tables["edits"])
    whole = tables["alignment"]["label"].isin(["added", "deleted"]).sum()
    assert whole == 30 and counts["content"] > whole  # every cut or added sentence, plus insertions


# --- constructed pairs -------------------------------------------------------------------

TEXT = (
    "The council met on Monday to discuss the budget.\n"
    "Members argued about the cost of the new bridge for hours.\n"
    "The mayor said the city could not afford another delay.\n"
    "A vote is expected next week after a public hearing.\n"
)


def _alignment(*texts: str) -> pd.DataFrame:
    return analysis.align.align_story(make_corpus(*texts), "s")


def test_identical_texts_are_unchanged() -> None:
    corpus = make_corpus(TEXT, TEXT)
    tables = story_tables(corpus, "s")
    assert set(tables["alignment"]["label"]) == {"unchanged"}
    assert tables["edits"].empty
    summary = tables["wording_summary"].iloc[0]
    assert (summary["kept_verbatim"], summary["substantive_divergence"]) == (1.0, 0.0)


def test_disjoint_texts_are_deleted_and_added() -> None:
    other = (
        "Rain fell across the region overnight.\n"
        "Farmers welcomed the storm after months of drought.\n"
    )
    alignment = _alignment(TEXT, other)
    assert Counter(alignment["label"]) == {"deleted": 4, "added": 2}
    assert (
        story_tables(make_corpus(TEXT, other), "s")["wording_summary"].iloc[0]["kept_verbatim"] == 0
    )


def test_reordered_paragraphs_are_moved() -> None:
    lines = TEXT.splitlines()
    reordered = "\n".join([lines[2], lines[0], lines[1], lines[3]])
    alignment = _alignment(TEXT, reordered)
    assert "moved" in set(alignment["label"])
    assert not {"added", "deleted"} & set(alignment["label"])
    assert (alignment["label"] == "moved").sum() == 1


ONE = "The mayor said the city could not afford another delay, and she asked the council to act.\n"
TWO = "The mayor said the city could not afford another delay. She asked the council to act.\n"


def test_split_sentence_is_one_to_two() -> None:
    alignment = _alignment(ONE, TWO)
    assert list(alignment["relation"]) == ["split", "split"]
    assert (
        alignment["original_sentence_id"].nunique() == 1
        and alignment["version_sentence_id"].nunique() == 2
    )


def test_merged_sentences_are_two_to_one() -> None:
    assert list(_alignment(TWO, ONE)["relation"]) == ["merge", "merge"]


def test_empty_version_deletes_everything() -> None:
    sentences = make_corpus(TEXT)["sentences"]
    alignment = align_sentences(sentences, sentences.iloc[0:0])
    assert list(alignment["label"]) == ["deleted"] * 4
    assert list(align_sentences(sentences.iloc[0:0], sentences)["label"]) == ["added"] * 4


def test_one_version_story_says_it_needs_two() -> None:
    with pytest.raises(analysis.NeedsTwoVersionsError):
        story_tables(make_corpus(TEXT), "s")


@pytest.mark.parametrize(
    ("old", "new", "category", "substantive"),
    [
        (
            "Officials met Mr. Zelensky in Kyiv on Tuesday.",
            "Officials met Zelenskiy in Kyiv on Tuesday.",
            "name_spelling",
            False,
        ),
        (
            "Senator Warren criticized the plan on Tuesday.",
            "Senator Elizabeth Warren criticized the plan on Tuesday.",
            "name_completion",
            False,
        ),
        (
            "The plan was a stinging rebuke to the senator.",
            "The plan was a stinging reply to the senator.",
            "word_choice",
            True,
        ),
        (
            "Officials said the talks would resume soon, according to two aides.",
            "Officials said the talks would resume soon.",
            "content",
            True,
        ),
        (
            "Troops left on Friday after the ceremony ended.",
            "Troops left Friday after the ceremony ended.",
            "date_style",
            False,
        ),
        (
            "“We will stay,” she said — calmly.",
            '"We will stay," she said -- calmly.',
            "typography",
            False,
        ),
    ],
)
def test_unknown_variants_get_a_sensible_category(
    old: str, new: str, category: str, substantive: bool
) -> None:
    edits = story_tables(make_corpus(old, new), "s")["edits"]
    categories = set(edits["category"]) - ({"typography"} if category != "typography" else set())
    assert categories == {category}
    assert set(edits.loc[edits["category"] == category, "substantive"]) == {substantive}


def test_redline_html_escapes_article_text() -> None:
    corpus = make_corpus("He wrote <script>alert(1)</script> today.", "He wrote <b>bold</b> today.")
    html = analysis.display.redline(story_tables(corpus, "s")["redline"]).data
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html


def test_fightin_words_matches_monroe_et_al() -> None:
    original = Counter({"troops": 6, "american": 4, "said": 5})
    version = Counter({"troops": 5, "u.s.": 4, "said": 6})
    table = fightin_words(original, version, prior_size=10).set_index("word")
    pooled = original + version
    total = sum(pooled.values())
    n_o, n_v = sum(original.values()), sum(version.values())
    for word in pooled:
        a = 10 * pooled[word] / total
        y_o, y_v = original[word], version[word]
        delta = math.log((y_v + a) / (n_v + 10 - y_v - a)) - math.log(
            (y_o + a) / (n_o + 10 - y_o - a)
        )
        z = delta / math.sqrt(1 / (y_v + a) + 1 / (y_o + a))
        assert table.loc[word, "z"] == pytest.approx(z, abs=1e-4)
    assert table["z"].idxmax() == "u.s." and table["z"].idxmin() == "american"


def test_style_normalisation_removes_house_style_from_distinctive_words(tables: dict) -> None:
    words = tables["distinctive_words"]
    raw = words[words["variant"] == "original"].set_index("word")
    normalised = words[words["variant"] == "normalised"].set_index("word")
    assert (
        raw.loc["american", "z"] < -1.96
        and raw.loc["mr", "z"] < -1.96
        and raw.loc["u.s.", "z"] > 1.96
    )
    assert "mr" not in normalised.index  # courtesy titles are gone from the style view
    assert abs(normalised.loc["u.s.", "z"]) < 1.96  # both versions now write "U.S."
    assert "american" not in normalised.index  # every adjectival "American" became "U.S."
    assert (normalised["z"].abs() < 1.96).all()  # after house style nothing stands out
