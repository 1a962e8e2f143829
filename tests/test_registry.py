"""A story with more than two versions: every comparison sets each version against the original."""

from __future__ import annotations

import pytest
from conftest import make_corpus

import analysis
from analysis import registry
from analysis.registry import key_findings, story_tables

COMPARISONS = {
    "alignment": "version_article_id",
    "edits": "version_article_id",
    "wording_summary": "version_article_id",
    "readability_differences": "version_article_id",
    "quote_matches": "version_article_id",
    "frame_shift": "version_article_id",
    "context": "version_article_id",
}


@pytest.fixture(scope="module")
def three_versions() -> analysis.Corpus:
    seed = analysis.load()
    original, printed = (a.text for a in seed.articles)
    third = printed.replace("direct rebuttal", "direct riposte")
    return make_corpus(original, printed, third, fmt="auto")


def test_each_version_is_compared_with_the_original(three_versions: analysis.Corpus) -> None:
    tables = story_tables(three_versions, "s")
    for name, column in COMPARISONS.items():
        assert set(tables[name][column].dropna()) == {"v1", "v2"}, name
    edits = tables["edits"]
    riposte = edits[(edits["old_text"] == "rejoinder") & (edits["version_article_id"] == "v2")]
    assert riposte["new_text"].tolist() == ["riposte"]


def test_key_findings_cover_every_version(three_versions: analysis.Corpus) -> None:
    findings = key_findings(three_versions, "s")
    wording = [sentence for section, sentence in findings if section == "wording"]
    assert [s.split()[0] for s in wording] == ["v1", "v2"]


def test_analyses_run_in_dependency_order() -> None:
    assert registry.needs("framing") == ("wording", "quotes")
    assert registry.dependency_order(["framing"]) == ["wording", "quotes", "framing"]
    assert registry.dependency_order() == list(registry.ANALYSES)


def test_unknown_options_are_a_clear_error(three_versions: analysis.Corpus) -> None:
    with pytest.raises(ValueError, match=r"unknown option.*colour.*framing"):
        registry.compute(three_versions, "s", options={"framing": {"colour": "red"}})
    with pytest.raises(ValueError, match="unknown analysis 'tone'"):
        registry.compute(three_versions, "s", options={"tone": {}})


def test_a_one_version_story_skips_what_needs_two() -> None:
    results = registry.compute(make_corpus("Only one version of the story."), "s")
    assert set(results.skipped) >= {"wording", "framing"}
    assert "wording" not in results.tables and "overview" in results.tables
