"""analysis.lexicon: one reader for the package's data files."""

from __future__ import annotations

import pytest

from analysis.lexicon import data_lines, data_rows


def test_data_lines_skip_comments_and_blank_lines() -> None:
    lines = data_lines("reporting_verbs.txt")
    assert lines and not any(line.startswith("#") or not line.strip() for line in lines)
    assert any(line.split(",")[0].strip() == "say" for line in lines)


def test_data_rows_read_the_header_after_the_comments() -> None:
    rows = data_rows("actors.csv")
    assert {"actor", "type", "aliases", "adjectives"} == set(rows[0])
    assert any(row["actor"] == "United States" for row in rows)


def test_a_missing_data_file_is_named() -> None:
    with pytest.raises(FileNotFoundError, match=r"analysis/data/no_such\.csv"):
        data_rows("no_such.csv")


def test_quotes_and_actors_share_one_list_of_particles_days_and_months() -> None:
    from analysis.actors import known
    from analysis.lexicon import names
    from analysis.quotes import lexicon as quote_words
    from analysis.quotes import phrases

    assert known.PARTICLES is names.NAME_PARTICLES is phrases.NAME_PARTICLES
    assert {"bin", "al-", "van"} <= names.NAME_PARTICLES
    assert set(names.DAYS) | set(names.MONTHS) == known.DAYS_MONTHS
    assert {m.lower() for m in names.MONTHS} == quote_words.MONTHS and "sept." in quote_words.MONTHS
    assert {"monday", "tuesday", "wednesday", "thursday", "friday"} | {
        "saturday",
        "sunday",
    } == quote_words.DAYS
