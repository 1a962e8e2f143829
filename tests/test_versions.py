"""Views across all versions: a 30-version story built from the seed, and the seed pair."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from conftest import NYT_ID, PRINT_ID, SHARED, STORY_ID
from many_versions import ALONE_CUT, LAST, MOST_CUT, N_VERSIONS, OWN_UPDATE, UPDATE, many_versions

import analysis
from analysis import registry, versions


@pytest.fixture(scope="module")
def many() -> tuple[analysis.Corpus, dict[str, dict[str, pd.DataFrame]]]:
    corpus = many_versions()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return corpus, registry.compute(corpus, "many", analyses=("versions",)).tables


def paragraph_id(corpus: analysis.Corpus, line: str) -> str:
    """The original's paragraph whose text is the seed line ``line``."""
    paragraphs = corpus["paragraphs"]
    hit = paragraphs[(paragraphs["article_id"] == "v00") & (paragraphs["text"] == line)]
    return str(hit["paragraph_id"].iloc[0])


def seed_lines() -> list[str]:
    from many_versions import SEED_NYT

    return SEED_NYT.read_text(encoding="utf-8").split("\n")


def test_the_version_that_cut_the_most_ranks_first(many) -> None:
    corpus, tables = many
    summary = tables["versions"]["version_summary"]
    assert len(summary) == N_VERSIONS and summary["rank"].tolist() == list(range(1, 31))
    (heavy,) = MOST_CUT
    assert summary.iloc[0]["version_article_id"] == f"v{heavy:02d}"
    sentences = corpus["sentences"]
    cut_paragraphs = {paragraph_id(corpus, seed_lines()[i]) for i in [*MOST_CUT[heavy], LAST]}
    expected = int(sentences["paragraph_id"].isin(cut_paragraphs).sum())
    assert summary.iloc[0]["sentences_cut"] == expected
    assert summary.iloc[0]["changed_share"] > summary.iloc[1]["changed_share"]


def test_house_style_versions_count_style_edits_and_no_substantive_ones(many) -> None:
    summary = many[1]["versions"]["version_summary"].set_index("version_article_id")
    styled = [f"v{k:02d}" for k in range(3, N_VERSIONS + 1, 3) if k not in MOST_CUT]
    assert (summary.loc[styled, "style_edits"] > 0).all()
    assert (summary.loc[styled, "substantive_edits"] == 0).all()
    assert summary.loc["v05", "sentences_moved"] > 0 and summary.loc["v05", "sentences_cut"] == 0


def test_the_paragraph_most_versions_cut_and_the_one_cut_by_one_outlet(many) -> None:
    corpus, tables = many
    matrix = tables["versions"]["paragraph_matrix"]
    most = matrix.sort_values("n_versions_cut", ascending=False).iloc[0]
    assert most["original_paragraph_id"] == paragraph_id(corpus, seed_lines()[LAST])
    assert most["n_versions_cut"] == N_VERSIONS - 5
    cut_by = set(matrix.loc[(matrix["original_paragraph_id"] == most["original_paragraph_id"])
                            & (matrix["status"] == "cut"), "version_article_id"])  # fmt: skip
    assert cut_by == {f"v{k:02d}" for k in range(6, N_VERSIONS + 1)}
    ((alone, line),) = ALONE_CUT.items()
    consensus = tables["versions"]["consensus"]
    alone_rows = consensus[consensus["consensus"] == "cut by one outlet alone"]
    sentences = corpus["sentences"]
    in_paragraph = sentences.loc[
        sentences["paragraph_id"] == paragraph_id(corpus, seed_lines()[line]), "sentence_id"
    ]
    assert set(in_paragraph) <= set(alone_rows["original_sentence_id"])
    assert set(alone_rows.set_index("original_sentence_id").loc[in_paragraph, "cut_by"]) == {
        f"v{alone:02d}"
    }


def test_what_most_versions_added_is_one_addition(many) -> None:
    added = many[1]["versions"]["added_material"]
    first = added[added["addition_id"] == added["addition_id"].iloc[0]]
    assert set(first["text"]) == {UPDATE} and first["n_versions"].iloc[0] == 20
    assert set(first["version_article_id"]) == {f"v{k:02d}" for k in range(1, 21)}
    own = added[added["text"] == OWN_UPDATE]
    assert own["n_versions"].tolist() == [1] and not own["shared"].any()


def test_which_quotes_were_dropped_and_by_which_outlets(many) -> None:
    corpus, tables = many
    matrix = tables["versions"]["quote_matrix"]
    quotes = tables["quotes"]["quotes"]
    last = corpus["paragraphs"].set_index("paragraph_id").loc[
        paragraph_id(corpus, seed_lines()[LAST])
    ]
    in_last = quotes[
        (quotes["article_id"] == "v00")
        & (quotes["start"] >= last["start"])
        & (quotes["end"] <= last["end"])
        & quotes["quote_id"].isin(matrix["quote_id"])  # the matched ones: quote-marked
    ]
    assert not in_last.empty
    for quote_id in in_last["quote_id"]:
        rows = matrix[matrix["quote_id"] == quote_id]
        dropped = rows.loc[rows["status"] == "dropped", "outlet"]
        assert set(dropped) == {f"Outlet {k:02d}" for k in range(6, N_VERSIONS + 1)}
        assert rows["n_versions_dropped"].iloc[0] == N_VERSIONS - 5


def test_voice_by_version_gives_each_versions_change_from_the_original(many) -> None:
    tables = many[1]
    voice = tables["versions"]["voice_by_version"]
    assert set(voice["version_article_id"]) == {f"v{k:02d}" for k in range(1, N_VERSIONS + 1)}
    per_speaker = voice.groupby("speaker_name")["version_article_id"].nunique()
    assert (per_speaker == N_VERSIONS).all(), "every speaker has a row in every version"
    heavy = voice[voice["version_article_id"] == "v07"]
    assert (heavy["change_words"] < 0).any()
    assert (heavy["change_words"] == heavy["quoted_words"] - heavy["original_words"]).all()


def test_the_key_findings_name_the_answers(many) -> None:
    found = " ".join(versions.key_findings_from(many[1]["versions"]))
    assert "v07 (Outlet 07) changed the most" in found
    assert f"cut by {N_VERSIONS - 5} of {N_VERSIONS} versions" in found
    assert "20 versions added the same text" in found


def test_the_seed_pair_summary_agrees_with_the_pair_tables(corpus: analysis.Corpus) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = registry.compute(corpus, STORY_ID, analyses=("versions",)).tables
    (row,) = tables["versions"]["version_summary"].to_dict("records")
    wording = tables["wording"]["wording_summary"].iloc[0]
    alignment = tables["wording"]["alignment"]
    assert (row["version_article_id"], row["original_article_id"]) == (PRINT_ID, NYT_ID)
    assert row["kept_after_style"] == wording["kept_after_style"]
    assert row["sentences_cut"] == int((alignment["label"] == "deleted").sum()) == 19
    matches = tables["quotes"]["quote_matches"]
    assert row["quotes_dropped"] == int((matches["status"] == "only in original").sum())
    assert row["quotes_added"] == int((matches["status"] == "only in syndicated").sum())


def overlapping_labels(fig) -> list[tuple[str, str]]:
    """Pairs of tick labels of one axis whose drawn boxes overlap."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    pairs = []
    for ax in fig.axes:
        for labels in (ax.get_xticklabels(), ax.get_yticklabels()):
            shown = [t for t in labels if t.get_visible() and t.get_text()]
            boxes = [t.get_window_extent(renderer) for t in shown]
            for i in range(len(boxes)):
                for j in range(i + 1, len(boxes)):
                    if boxes[i].overlaps(boxes[j]):
                        pairs.append((shown[i].get_text(), shown[j].get_text()))
    return pairs


def test_figures_of_thirty_versions_keep_every_label_apart(many) -> None:
    import matplotlib.pyplot as plt

    from analysis.plots import versions as figures

    tables = many[1]
    v = tables["versions"]
    drawn = {
        "ranking": figures.version_ranking(v["version_summary"]),
        "paragraphs": figures.paragraph_heatmap(v["paragraph_matrix"], v["version_summary"]),
        "quotes": figures.quote_heatmap(v["quote_matrix"], v["version_summary"]),
        "alignment": figures.alignment_overview(
            v["sentence_matrix"], v["version_summary"], v["added_material"]
        ),
    }
    for name, fig in drawn.items():
        labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
        labels += [t.get_text() for ax in fig.axes for t in ax.get_xticklabels()]
        assert sum("v07" in label for label in labels) == 1, f"{name}: every version shown once"
        assert not overlapping_labels(fig), f"{name}: overlapping labels"
        plt.close(fig)
    heatmap = drawn["paragraphs"].axes[0]
    order = [t.get_text() for t in heatmap.get_xticklabels()]
    assert order[-1] == "v07" and len(order) == N_VERSIONS, "least changed first, v07 last"


def test_the_overlap_check_sees_crowded_labels() -> None:
    """The check above would pass vacuously if it could not see an overlap."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 1))
    ax.set_yticks(range(30), [f"version {k}" for k in range(30)])
    assert overlapping_labels(fig)
    plt.close(fig)


WEB_NEWS = SHARED / "web-news"


@pytest.fixture(scope="module")
def gold_story() -> tuple[analysis.Corpus, str, dict[str, pd.DataFrame]]:
    """The largest gold story of the Helsinki scrape (16 outlets carrying one AP story)."""
    if not (WEB_NEWS / "helsinki_2018-07-15.csv").is_file():
        pytest.skip(f"web-news development data not found at {WEB_NEWS} (../shared is absent)")
    from analysis.clean.webnews import gold_stories, load_web_news

    gold = gold_stories(WEB_NEWS / "helsinki_2018-07-15_gold_stories.json")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_web_news(WEB_NEWS / "helsinki_2018-07-15.csv", gold)
        story_id = pd.Series(gold).value_counts().index[0]
        story = corpus.story(story_id)
        tables = registry.compute(story, story_id, analyses=("versions",)).tables["versions"]
    return story, story_id, tables


def test_gold_story_summary_ranks_every_compared_version(gold_story) -> None:
    story, story_id, tables = gold_story
    compared = {v.article_id for _, v in story.pairs(story_id)}
    summary = tables["version_summary"]
    assert set(summary["version_article_id"]) == compared and len(compared) >= 10
    assert summary["changed_share"].is_monotonic_decreasing
    assert summary["outlet"].notna().all()


def test_gold_story_a_wire_update_is_one_shared_addition_replacing_a_paragraph(gold_story) -> None:
    """Outlets that took a later AP update carry its new lede and cut the old one."""
    _, _, tables = gold_story
    added = tables["added_material"]
    update = added[added["addition_id"] == added["addition_id"].iloc[0]]
    assert update["n_versions"].iloc[0] >= 5 and update["shared"].all()
    matrix = tables["paragraph_matrix"]
    most_cut = matrix.sort_values("n_versions_cut", ascending=False).iloc[0]
    cut_by = set(matrix.loc[(matrix["original_paragraph_id"] == most_cut["original_paragraph_id"])
                            & (matrix["status"] == "cut"), "version_article_id"])  # fmt: skip
    took_update = set(update["version_article_id"])
    assert len(cut_by & took_update) >= 0.75 * len(took_update)
