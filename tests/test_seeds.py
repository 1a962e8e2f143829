"""The seed story loads exactly: parts, credits, sentence boundaries, tokens, offsets."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import NYT_ID, PRINT_ID, SEEDS, SHARED, STORY_ID

import analysis

# Counted by hand from the seed files (one sentence per line in the README's
# "Methodological choices" section explains the rules): every sentence boundary
# inside a quotation counts ("… affairs ... . At some point, …").
NYT_SENTENCES = 37
PRINT_SENTENCES = 29


def test_seed_files_are_byte_identical_to_shared() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"shared seeds not found at {SHARED / 'seeds'}; nothing to compare with")
    for name in ("000_59623ea61105e53b.txt", "001_162e4b62f291a9b4.txt"):
        assert (SEEDS / name).read_bytes() == (SHARED / "seeds" / name).read_bytes()


def test_manifest_checksums_match_files(corpus: analysis.Corpus) -> None:
    for article in corpus.articles:
        data = Path(article.source.source).read_bytes()
        assert hashlib.sha256(data).hexdigest() == article.source.sha256
        assert data.decode("utf-8") == article.text  # loaded exactly as stored


def test_story_and_roles(corpus: analysis.Corpus) -> None:
    assert corpus.story_ids == [STORY_ID]
    articles = corpus["articles"].set_index("article_id")
    assert articles.loc[NYT_ID, "role"] == "original"
    assert articles.loc[PRINT_ID, "role"] == "syndicated"
    assert [(a.article_id, b.article_id) for a, b in corpus.pairs(STORY_ID)] == [(NYT_ID, PRINT_ID)]


def test_nyt_parts(nyt: analysis.Article) -> None:
    assert nyt.part_text("headline") == (
        "U.S. Says It Won’t Discuss Withdrawing Troops From Iraq, Defying Baghdad’s Request"
    )
    assert nyt.part_text("dateline") == "WASHINGTON —"
    assert nyt.part_text("credits") is None and nyt.part_text("page_line") is None
    assert nyt.part_text("body").startswith("The State Department on Friday rebuffed")
    assert nyt.part_text("body").endswith("“without permission from the Iraqi government.”")
    assert len(nyt.parsed.paragraphs) == 22


def test_print_parts(printed: analysis.Article) -> None:
    assert printed.part_text("date_line") == "date 2020-01-11"
    assert printed.parsed.date_line_date == "2020-01-11"
    assert printed.part_text("headline") is None
    assert printed.part_text("dateline") == "WASHINGTON --"
    assert printed.part_text("page_line") == "A Section on 01/11/2020"
    assert printed.part_text("credits").startswith(
        "Information for this article was contributed by"
    )
    assert printed.part_text("body").endswith(
        "would find it difficult to operate without U.S. capabilities."
    )
    assert len(printed.parsed.paragraphs) == 20


def test_non_body_parts_are_not_body_text(corpus: analysis.Corpus) -> None:
    body = " ".join(corpus["paragraphs"]["text"])
    for text in (
        "WASHINGTON",
        "date 2020",
        "A Section on",
        "Information for this article",
        "Won’t Discuss",
    ):
        assert text not in body


def test_credits_become_data(corpus: analysis.Corpus) -> None:
    credits = corpus["contributors"]
    assert set(credits["article_id"]) == {PRINT_ID}
    by_org = credits.groupby("organisation", sort=False)["name"].apply(list).to_dict()
    assert by_org == {
        "The New York Times": ["Edward Wong", "Megan Specia"],
        "The Associated Press": [
            "Samya Kullab",
            "Qassim Abdul-Zahra",
            "Joe Krauss",
            "Darlene Superville",
        ],
        "The Washington Post": [
            "Karen DeYoung",
            "Louisa Loveluck",
            "Mustafa Salim",
            "Sarah Dadouch",
        ],
    }
    text = corpus.article(PRINT_ID).text
    assert all(text[r.start : r.end] == r.name for r in credits.itertuples())


def test_sentence_counts_match_hand_count(corpus: analysis.Corpus) -> None:
    counts = corpus["sentences"].groupby("article_id").size().to_dict()
    assert counts == {NYT_ID: NYT_SENTENCES, PRINT_ID: PRINT_SENTENCES}


def _sentences(corpus: analysis.Corpus, article_id: str) -> list[str]:
    table = corpus["sentences"]
    return table[table["article_id"] == article_id]["text"].tolist()


@pytest.mark.parametrize(
    ("article_id", "fragment"),
    [
        (NYT_ID, "— Maj. Gen. Qassim Suleimani, a top Iranian commander,"),
        (NYT_ID, "with airstrikes on Dec. 29 on five sites"),
        (NYT_ID, "in a Dec. 27 rocket attack"),
        (NYT_ID, "the American drone strike of Jan. 3 on a convoy"),
        (NYT_ID, "“I’m O.K. with it,” Mr. Trump said."),
        (NYT_ID, "President George W. Bush ordered an invasion"),
        (NYT_ID, "Ms. Ortagus said Thursday that Mr. Pompeo and Mr. Abdul Mahdi"),
        (PRINT_ID, "any U.S. officials going to Baghdad"),
        (PRINT_ID, "convoy: Gen. Qassem Soleimani, a top Iranian commander;"),
        (PRINT_ID, 'Trump said the U.S. had done a "fantastic job"'),
        (PRINT_ID, "designated a terrorist in 2005 by the U.S. State Department."),
    ],
)
def test_abbreviations_never_break_a_sentence(
    corpus: analysis.Corpus, article_id: str, fragment: str
) -> None:
    assert any(fragment in sentence for sentence in _sentences(corpus, article_id)), fragment


@pytest.mark.parametrize(
    ("article_id", "sentence"),
    [
        (
            NYT_ID,
            "The State Department on Friday rebuffed the Iraqi government’s request to begin "
            "discussions on pulling out troops, saying that any American officials going to "
            "Baghdad during a state of heightened tensions would not discuss a “troop withdrawal.”",
        ),
        (
            NYT_ID,
            "Instead, discussions would be about the “appropriate force posture in the "
            "Middle East.”",
        ),
        (
            NYT_ID,
            "“Our military presence in Iraq is to continue the fight against ISIS and as the "
            "secretary has said, we are committed to protecting Americans, Iraqis, and our "
            'coalition partners," she said.',
        ),
        (
            PRINT_ID,
            '"We want to be a friend and partner to a sovereign, prosperous and stable Iraq."',
        ),
        (PRINT_ID, "But this isn't the right point.\""),
    ],
)
def test_closing_quote_stays_with_its_sentence(
    corpus: analysis.Corpus, article_id: str, sentence: str
) -> None:
    sentences = _sentences(corpus, article_id)
    assert sentence in sentences
    assert not any(s[0] in '”"' and len(s) < 3 for s in sentences)


def test_headline_is_never_merged_into_the_first_sentence(corpus: analysis.Corpus) -> None:
    first = corpus["sentences"].groupby("article_id")["text"].first()
    assert first[NYT_ID].startswith("The State Department on Friday")
    assert first[PRINT_ID].startswith("The State Department on Friday")


def test_every_span_points_into_the_original(corpus: analysis.Corpus) -> None:
    originals = {a.article_id: a.text for a in corpus.articles}
    for name in ("parts", "paragraphs", "sentences", "tokens", "contributors"):
        table = corpus[name]
        text_column = "name" if name == "contributors" else "text"
        for row in table.itertuples():
            assert originals[row.article_id][row.start : row.end] == getattr(row, text_column), (
                name,
                row,
            )


def test_ids_are_unique_and_name_their_article(corpus: analysis.Corpus) -> None:
    for name, id_column in [
        ("paragraphs", "paragraph_id"),
        ("sentences", "sentence_id"),
        ("tokens", "token_id"),
        ("parts", "part_id"),
        ("contributors", "contributor_id"),
    ]:
        table = corpus[name]
        assert table[id_column].is_unique, name
        assert (table[id_column].str.split(":").str[0] == table["article_id"]).all(), name
    assert corpus["sentences"]["sentence_id"].iloc[11] == f"{NYT_ID}:s012"


def test_tokens(corpus: analysis.Corpus) -> None:
    tokens = corpus["tokens"]["text"].tolist()
    for token in (
        "U.S.",
        "Mr.",
        "Maj.",
        "Gen.",
        "Dec.",
        "5,200",
        "Abdul-Mahdi",
        "don’t",
        "isn't",
        "country’s",
        "al-Muhandis",
        "O.K.",
        "--",
        "—",
        "81-nation",
    ):
        assert token in tokens, token
    assert "Mr" not in tokens and "U.S" not in tokens


def test_word_counts_add_up(corpus: analysis.Corpus) -> None:
    tokens = corpus["tokens"]
    words = tokens[tokens["is_word"]].groupby("article_id").size()
    articles = corpus["articles"].set_index("article_id")
    assert (articles["n_words"] == words).all()
    assert (
        corpus["sentences"].groupby("article_id")["n_words"].sum().equals(words.rename("n_words"))
    )


def test_normalised_views_are_extra_columns(corpus: analysis.Corpus, nyt: analysis.Article) -> None:
    sentences = corpus["sentences"].set_index("sentence_id")
    first = sentences.loc[f"{NYT_ID}:s001"]
    assert first["text"].endswith("“troop withdrawal.”")
    assert first["norm_text"].endswith('"troop withdrawal."')
    assert "’" not in " ".join(sentences["norm_text"]) and "—" not in " ".join(
        sentences["norm_text"]
    )
    assert nyt.text[first["start"] : first["end"]] == first["text"]


def test_original_text_is_never_changed(corpus: analysis.Corpus) -> None:
    articles = corpus["articles"].set_index("article_id")
    for article in corpus.articles:
        assert articles.loc[article.article_id, "original"] == article.text
        assert Path(article.source.source).read_text(encoding="utf-8") == article.text
