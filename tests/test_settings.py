"""Story settings (story.toml): reading, merging, errors that name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

import analysis
from analysis.errors import CorpusError
from analysis.settings import EMPTY, read_settings, settings_beside

SEED_STORY = "iraq-troops-2020-01"


def test_seed_story_settings_are_read_beside_its_manifest() -> None:
    settings = analysis.load().settings(SEED_STORY)
    assert settings.terms == ("rebuffed", "rebuttal", "rejoinder", "withdrawal", "sovereignty")
    rule_ids = [row["rule_id"] for row in settings.style_rules]
    assert "spelling-soleimani" in rule_ids
    assert settings.sha256 is not None and settings.source.endswith("story.toml")


def test_a_story_without_settings_gets_the_empty_settings(tmp_path: Path) -> None:
    assert settings_beside(tmp_path) is None
    assert analysis.load().settings("no-such-story").terms is None
    assert EMPTY.style_rules == () and EMPTY.terms is None


def test_story_values_override_and_rows_add_to_the_top_level(tmp_path: Path) -> None:
    path = tmp_path / "story.toml"
    path.write_text(
        'paragraph_separator = " ### "\nterms = ["a"]\n'
        '[[speaker_sides]]\nspeaker = "X"\nside = "one"\n'
        '[stories.s1]\nterms = ["b", "c"]\n'
        '[[stories.s1.speaker_sides]]\nspeaker = "Y"\nside = "two"\n',
        encoding="utf-8",
    )
    settings = read_settings(path)
    s1, other = settings.for_story("s1"), settings.for_story("s2")
    assert s1.terms == ("b", "c") and other.terms == ("a",)
    assert [row["speaker"] for row in s1.speaker_sides] == ["X", "Y"]
    assert [row["speaker"] for row in other.speaker_sides] == ["X"]
    assert s1.paragraph_separator == " ### "
    assert s1.with_terms(("z",)).terms == ("z",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("terms = [", "not a valid TOML"),
        ("colour = 'red'", "unknown setting(s) colour"),
        ("[stories.s1]\nterms = 'rebuffed'", "'terms' must be a list of strings"),
        ("style_rules = 'x'", "'style_rules' must be a list of tables"),
        ("paragraph_separator = ''", "'paragraph_separator' must be a non-empty string"),
    ],
)
def test_bad_settings_name_the_file_and_the_problem(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "story.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        read_settings(path)
    assert str(path) in str(caught.value) and problem in str(caught.value)
