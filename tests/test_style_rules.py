"""House-style rules: the library's are general; a story's own come from its settings."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import ROOT, STORY_ID, make_corpus

import analysis
from analysis import normalize, wording
from analysis.settings import read_settings

SEED_NAMES = ("Suleimani", "Soleimani", "Pompeo", "Abdul Mahdi", "Ortagus", "Muhandis")


def with_settings(corpus: analysis.Corpus, tmp_path: Path, toml: str) -> analysis.Corpus:
    path = tmp_path / "story.toml"
    path.write_text(toml, encoding="utf-8")
    return dataclasses.replace(corpus, settings_file=read_settings(path))


def test_library_rules_name_no_one_story() -> None:
    text = (ROOT / "analysis" / "data" / "style_rules.csv").read_text("utf-8")
    assert not [name for name in SEED_NAMES if name.casefold() in text.casefold()]
    ids = {r.rule_id for r in normalize.library_style_rules()}
    assert "honorific-courtesy-title" in ids and "spelling-soleimani" not in ids


def test_the_seed_rules_come_from_its_settings(corpus: analysis.Corpus) -> None:
    rules = normalize.style_rules(corpus.settings(STORY_ID))
    ids = [r.rule_id for r in rules]
    assert {"spelling-soleimani", "completion-president-trump"} <= set(ids)
    assert ids.index("honorific-courtesy-title") < ids.index("spelling-abdul-mahdi")
    assert ids.index("spelling-abdul-mahdi") < ids.index("title-of-country")
    assert normalize.style_view("General Qassim Suleimani", rules) == "Qassem Soleimani"
    assert normalize.style_view("General Qassim Suleimani") == "Qassim Suleimani"
    assert normalize.style_rules(corpus.settings(STORY_ID)) is not rules  # a new tuple...
    assert normalize.style_rules(corpus.settings(STORY_ID))[5] is rules[5]  # ...of cached rules


def test_a_story_rule_changes_how_its_edits_are_classed(tmp_path: Path) -> None:
    plain = make_corpus("Officials met Mr. Smyth on Monday.", "Officials met Smith on Monday.")
    ruled = with_settings(
        plain,
        tmp_path,
        '[[stories.s.style_rules]]\nrule_id = "spelling-smith"\ncategory = "name_spelling"\n'
        'pattern = \'\\bSmyth\\b\'\nreplacement = "Smith"\ntriggers = ["Smyth"]\n',
    )
    before = wording.story_tables(plain, "s")["edits"]
    after = wording.story_tables(ruled, "s")["edits"]
    smith = after[after["new_text"] == "Smith"]
    assert smith["rule_id"].tolist() == ["honorific-courtesy-title;spelling-smith"]
    assert "spelling-smith" not in ";".join(before["rule_id"])


def test_a_bad_story_rule_names_the_file_and_the_rule(tmp_path: Path) -> None:
    corpus = with_settings(
        make_corpus("One.", "Two."),
        tmp_path,
        '[[stories.s.style_rules]]\nrule_id = "broken"\ncategory = "name_spelling"\n'
        "pattern = '(unclosed'\nreplacement = \"x\"\n",
    )
    message = rf"{re.escape(str(tmp_path / 'story.toml'))} \[style_rules\]: style rule 'broken'"
    with pytest.raises(analysis.CorpusError, match=message):
        normalize.style_rules(corpus.settings("s"))
    with pytest.raises(analysis.CorpusError, match="lacks pattern"):
        normalize.style_rule({"rule_id": "r", "category": "c"}, "here")
