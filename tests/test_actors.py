"""Actor extraction and resolution, on the seeds and on constructed stories."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import NYT_ID, PRINT_ID, STORY_ID, make_corpus

import analysis
from analysis.actors import (
    actor_mentions,
    actor_table,
    prominence,
    quoted_words,
    resolve_story,
)


@pytest.fixture(scope="module")
def seed_actors(corpus: analysis.Corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    return actor_table(corpus, STORY_ID)


def _actor_of(mentions: pd.DataFrame, article_id: str, text: str) -> set[str]:
    rows = mentions[(mentions["article_id"] == article_id) & (mentions["text"] == text)]
    assert len(rows), (article_id, text)
    return set(rows["actor_id"])


def test_the_prime_minister_in_every_form_is_one_person(seed_actors: tuple) -> None:
    _, mentions = seed_actors
    ids = (
        _actor_of(mentions, NYT_ID, "Mr. Abdul Mahdi")
        | _actor_of(mentions, PRINT_ID, "Abdul-Mahdi")
        | _actor_of(mentions, NYT_ID, "the prime minister")
        | _actor_of(mentions, PRINT_ID, "the prime minister")
        | _actor_of(mentions, NYT_ID, "Prime Minister Adel Abdul Mahdi")
        | _actor_of(mentions, NYT_ID, "the Iraqi prime minister")
    )
    assert ids == {"adel-abdul-mahdi"}
    person = mentions[mentions["actor_id"] == "adel-abdul-mahdi"]
    assert set(person["actor_type"]) == {"person"} and set(person["actor"]) == {"Adel Abdul-Mahdi"}


def test_names_resolve_across_forms_and_versions(seed_actors: tuple) -> None:
    _, mentions = seed_actors
    assert _actor_of(mentions, NYT_ID, "Mr. Pompeo") == _actor_of(mentions, PRINT_ID, "Pompeo")
    assert _actor_of(mentions, NYT_ID, "Mr. Pompeo") == {"mike-pompeo"}
    # The NYT writes "President Trump" and "Mr. Trump"; the print version gives the full name.
    assert _actor_of(mentions, NYT_ID, "Mr. Trump") == {"donald-trump"}
    assert _actor_of(mentions, NYT_ID, "General Suleimani") == _actor_of(
        mentions, PRINT_ID, "Soleimani"
    )
    assert _actor_of(mentions, NYT_ID, "the secretary") == {"mike-pompeo"}
    assert _actor_of(mentions, NYT_ID, "his secretary of state") == {"mike-pompeo"}
    # An appositive: "The State Department spokeswoman, Morgan Ortagus, released …"
    assert _actor_of(mentions, NYT_ID, "The State Department spokeswoman") == {"morgan-ortagus"}
    assert _actor_of(mentions, NYT_ID, "Ms. Ortagus") == {"morgan-ortagus"}


def test_countries_and_institutions(seed_actors: tuple) -> None:
    _, mentions = seed_actors
    assert _actor_of(mentions, NYT_ID, "American") == {"united-states"}
    assert _actor_of(mentions, PRINT_ID, "U.S.") == {"united-states"}
    assert _actor_of(mentions, NYT_ID, "United States") == {"united-states"}
    assert _actor_of(mentions, NYT_ID, "Iraqi") == {"iraq"}
    assert _actor_of(mentions, NYT_ID, "North Atlantic Treaty Organization") == {"nato"}
    assert _actor_of(mentions, NYT_ID, "ISIS") == _actor_of(mentions, NYT_ID, "Islamic State")
    kinds = mentions.set_index(["article_id", "text"])["kind"]
    assert set(kinds.loc[(NYT_ID, "American")]) == {"adjective"}
    # Not actors: capitalised first words of sentences, days, months.
    assert not mentions["text"].isin(["Pressed", "Instead", "Friday", "Dec.", "Although"]).any()


def test_first_mention_positions(seed_actors: tuple) -> None:
    actors, _ = seed_actors
    first = actors.set_index(["actor_id", "article_id"])["first_position"]
    assert first[("iraq", NYT_ID)] == "headline"
    assert first[("adel-abdul-mahdi", NYT_ID)] == "later"  # paragraph 2
    assert first[("adel-abdul-mahdi", PRINT_ID)] == "lede"  # "as the Iraqi prime minister had …"
    assert first[("george-w-bush", PRINT_ID)] == ""  # never mentioned: a row with zero mentions
    counts = actors.set_index(["actor_id", "article_id"])["n_mentions"]
    assert counts[("george-w-bush", NYT_ID)] == 2 and counts[("george-w-bush", PRINT_ID)] == 0


def test_every_mention_is_a_span_of_its_article(
    seed_actors: tuple, corpus: analysis.Corpus
) -> None:
    _, mentions = seed_actors
    for row in mentions.itertuples(index=False):
        assert corpus.article(row.article_id).text[row.start : row.end] == row.text
    assert mentions["mention_id"].is_unique


def test_prominence_is_one_row_per_actor(seed_actors: tuple) -> None:
    actors, _ = seed_actors
    wide = prominence(actors)
    assert wide["actor_id"].is_unique
    row = wide.set_index("actor_id").loc["adel-abdul-mahdi"]
    assert row[f"{PRINT_ID} first"] == "lede" and row[f"{NYT_ID} mentions"] == 10


def test_constructed_story_titles_surnames_and_descriptions() -> None:
    corpus = make_corpus(
        "Prime Minister Jane Doe of Freedonia met Foreign Minister Tom Roe on Monday. "
        "Pressed on the issue, Ms. Doe said the talks went well. "
        "The prime minister later flew home, and Mr. Roe stayed.",
        "Freedonian Prime Minister Jane Doe met Tom Roe. Doe said the talks went well.",
    )
    mentions = actor_mentions(corpus, "s")
    doe = mentions[mentions["actor_id"] == "jane-doe"]
    assert set(doe["text"]) == {
        "Prime Minister Jane Doe",
        "Ms. Doe",
        "The prime minister",
        "Doe",
    }
    assert set(doe["article_id"]) == {"v0", "v1"}
    assert set(mentions.loc[mentions["text"] == "Mr. Roe", "actor_id"]) == {"tom-roe"}
    assert "Pressed" not in set(mentions["text"]) and "Monday" not in set(mentions["text"])


def test_transliterations_and_shared_surnames() -> None:
    corpus = make_corpus(
        "President Volodymyr Zelensky spoke. Later Mr. Zelenskiy spoke again. "
        "George W. Bush and Jeb Bush met. Jeb Bush left first, and then Mr. Bush spoke.",
        "President Volodymyr Zelenskiy spoke.",
    )
    mentions = actor_mentions(corpus, "s")
    assert set(mentions.loc[mentions["text"].str.contains("Zelensk"), "actor_id"]) == {
        "volodymyr-zelensky"
    }
    last = mentions[mentions["text"] == "Mr. Bush"]
    assert last["actor_id"].tolist() == ["jeb-bush"]  # the most recently named Bush


def test_quoted_words_from_a_quotes_table() -> None:
    corpus = make_corpus(
        'Secretary Ann Lee said the plan works. "We will win this," Ms. Lee said.',
        '"We will win," Lee said.',
    )
    resolver = resolve_story(corpus, "s")
    quotes = pd.DataFrame(
        [
            ("v0", "the plan works", 24, 38, "indirect", "Secretary Ann Lee", 0, 17, "Ann Lee"),
            ("v0", "We will win this", 41, 57, "direct", "Ms. Lee", 60, 67, "Ann Lee"),
            ("v1", "We will win", 1, 12, "direct", "Lee", 15, 18, "Ann Lee's office"),
            ("v1", "nothing", 0, 0, "direct", "someone", 0, 0, "Nobody Known"),
        ],
        columns=[
            "article_id",
            "quote",
            "start",
            "end",
            "kind",
            "speaker",
            "speaker_start",
            "speaker_end",
            "speaker_name",
        ],
    )
    table = quoted_words(quotes, resolver).set_index(["article_id", "actor_id"])
    assert table.loc[("v0", "ann-lee"), "quoted_words"] == 4
    assert table.loc[("v0", "ann-lee"), "n_paraphrases"] == 1
    assert table.loc[("v1", "ann-lee"), "quoted_words"] == 3  # "X's office" counts for X
    assert len(table) == 2  # the unknown speaker is left out


def test_speaker_names_resolve(corpus: analysis.Corpus) -> None:
    resolver = resolve_story(corpus, STORY_ID)
    names = {
        text: resolver.actors[index].name
        if (index := resolver.resolve_name(text)) is not None
        else None
        for text in ("Iraqi officials", "Adel Abdul Mahdi's office", "Trump", "the militia")
    }
    assert names == {
        "Iraqi officials": "Iraq",
        "Adel Abdul Mahdi's office": "Adel Abdul-Mahdi",
        "Trump": "Donald Trump",
        "the militia": None,
    }
