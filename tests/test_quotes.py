"""Quote extraction, attribution, resolution and cross-version matching (analysis.quotes)."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import NYT_ID, PRINT_ID, STORY_ID, make_corpus

import analysis
from analysis import quotes as Q
from analysis.quotes import matching

# --------------------------------------------------------------------------------------
# constructed text: one hard case each
# --------------------------------------------------------------------------------------


def marked(text: str) -> pd.DataFrame:
    """The quotations in quote marks of ``text``."""
    table = Q.extract_quotes(text)
    return table[table["kind"] != "indirect"].reset_index(drop=True)


def only(table: pd.DataFrame, fragment: str) -> pd.Series:
    rows = table[table["quote"].str.contains(fragment, regex=False)]
    assert len(rows) == 1, table[["quote", "kind"]]
    return rows.iloc[0]


def test_offsets_point_into_the_text() -> None:
    text = "WASHINGTON — “We are ready,” Mr. Pompeo said on Friday.\nHe added: “We will go.”"
    table = Q.extract_quotes(text)
    assert len(table) == 2
    for row in table.itertuples():
        assert text[row.start : row.end] == row.quote
        assert text[row.speaker_start : row.speaker_end] == row.speaker
        assert text[row.cue_start : row.cue_end] == row.cue


@pytest.mark.parametrize(
    "text",
    [
        "“We are ready,” she said.",  # curly
        '"We are ready," she said.',  # straight
        '“We are ready," she said.',  # mixed: curly opening, straight closing
        "''We are ready,'' she said.",  # two apostrophes (NYT archive text)
    ],
)
def test_every_quote_mark_style(text: str) -> None:
    row = only(marked(text), "We are ready")
    assert (row.quote, row.kind, row.speaker, row.cue) == ("We are ready", "direct", "she", "said")


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("Mr. Smith said: “Taxes will fall.”", ["Taxes will fall."]),  # before
        ("“Taxes will fall,” Mr. Smith said.", ["Taxes will fall"]),  # after
        ("“Taxes will fall,” Mr. Smith said, “and jobs will come.”", ["Taxes", "and jobs"]),
    ],
)
def test_attribution_before_after_and_in_the_middle(text: str, quotes: list[str]) -> None:
    table = marked(text)
    assert len(table) == len(quotes)
    for fragment in quotes:
        row = only(table, fragment)
        assert (row.speaker, row.speaker_name, row.cue) == ("Mr. Smith", "Smith", "said")
    assert table["attribution_id"].nunique() == 1


def test_inverted_cue() -> None:
    row = only(
        marked("“This is a turning point,” said Mr. Pompeo, the secretary of state."), "turning"
    )
    assert row.cue == "said" and row.speaker.startswith("Mr. Pompeo")


def test_multi_paragraph_quote() -> None:
    text = (
        "Secretary of State Mike Pompeo spoke on Friday.\n"
        "“We will not discuss a withdrawal. Our mission stays.\n"
        "“We are committed to our partners,” he said."
    )
    table = marked(text)
    assert len(table) == 1
    row = table.iloc[0]
    assert row.quote.startswith("We will not discuss") and row.quote.endswith("our partners")
    assert text[row.start : row.end].count("\n") == 1
    assert (row.speaker, row.speaker_name, row.kind) == ("he", "Mike Pompeo", "direct")


def test_floating_quote_belongs_to_the_previous_speaker() -> None:
    text = (
        "“We are committed to protecting our partners,” said Morgan Ortagus, a spokeswoman.\n"
        "“At this time, any delegation would discuss our strategic partnership.”"
    )
    row = only(marked(text), "At this time")
    assert (row.speaker_name, row.attribution, row.kind) == ("Morgan Ortagus", "floating", "direct")


def test_pronoun_resolved_to_the_compatible_person() -> None:
    text = (
        "Mr. Pompeo met the State Department spokeswoman, Morgan Ortagus, on Friday.\n"
        "“Our presence is about training,” she said.\n"
        "“We will stay,” he said."
    )
    table = marked(text)
    assert only(table, "Our presence").speaker_name == "Morgan Ortagus"
    assert only(table, "We will stay").speaker_name == "Pompeo"


def test_descriptions_resolve_to_the_titled_person() -> None:
    text = (
        "Secretary of State Mike Pompeo and President Trump met on Friday.\n"
        "“We are happy,” the secretary said.\n"
        "“I'm O.K. with it,” the president said."
    )
    table = marked(text)
    assert only(table, "happy").speaker_name == "Mike Pompeo"
    assert only(table, "O.K.").speaker_name == "Trump"


def test_title_and_appositive_in_the_mention() -> None:
    text = "The State Department spokeswoman, Morgan Ortagus, said, “We want a friend in Iraq.”"
    row = only(marked(text), "friend")
    assert row.speaker == "The State Department spokeswoman, Morgan Ortagus"
    assert row.speaker_name == "Morgan Ortagus" and row.speaker_type == "person"


def test_institutional_speakers_and_according_to() -> None:
    text = (
        "“Iraq is keen on good relations,” the prime minister’s office said in a statement.\n"
        "Iraq’s priority is to “fight terrorism,” according to the statement.\n"
        "“Talks will go on,” the State Department said."
    )
    table = marked(text)
    office = only(table, "keen")
    assert office.speaker == "the prime minister’s office" and office.speaker_type == "organisation"
    statement = only(table, "fight terrorism")
    assert (statement.cue, statement.kind) == ("according to", "partial")
    assert statement.speaker_name == office.speaker_name
    assert only(table, "Talks").speaker_name == "State Department"


def test_office_of_a_named_person() -> None:
    text = (
        "Prime Minister Adel Abdul Mahdi of Iraq spoke.\n"
        "“We object,” the prime minister’s office said."
    )
    assert only(marked(text), "object").speaker_name == "Adel Abdul Mahdi's office"


def test_partial_and_scare_quotes_are_kept_and_labelled() -> None:
    text = (
        "Mr. Trump said he would impose “very big sanctions” on Iraq.\n"
        "The so-called “deal” collapsed in the night."
    )
    table = marked(text)
    partial = only(table, "very big sanctions")
    assert (partial.kind, partial.function, partial.speaker_name) == ("partial", "speech", "Trump")
    scare = only(table, "deal")
    assert scare.function == "scare" and pd.isna(scare.speaker)


def test_indirect_speech() -> None:
    text = "The prime minister said that he had asked Mr. Pompeo to send a delegation."
    table = Q.extract_quotes(text)
    row = table[table["cue"] == "said"].iloc[0]
    assert row.kind == "indirect" and row.speaker == "The prime minister"
    assert row.quote == "he had asked Mr. Pompeo to send a delegation"


def indirect(text: str) -> list[tuple[str, str, str]]:
    """(speaker, cue, content) of the indirect rows of ``text``."""
    table = Q.extract_quotes(text)
    rows = table[table["kind"] == "indirect"]
    return [(r.speaker, r.cue, r.quote) for r in rows.itertuples()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an infinitive is the content of a stance verb
        (
            "Hillary Clinton plans to call on young people to join national service.",
            [("Hillary Clinton", "plans", "to call on young people to join national service")],
        ),
        # a raising verb before "to" + cue: the subject is the speaker
        (
            "He appeared to suggest that veterans are weaker.",
            [("He", "suggest", "veterans are weaker")],
        ),
        # "pointed out that": a weak verb with a that-clause is a cue
        (
            "The campaign has pointed out that the tax breaks helped him.",
            [("The campaign", "pointed", "the tax breaks helped him")],
        ),
        # quantified speakers before a base-form verb
        (
            "Many of them say the claims are unfounded.",
            [("Many of them", "say", "the claims are unfounded")],
        ),
        # a noun-phrase content ends before a time or occasion phrase
        (
            "Clinton has not mentioned Machado since the Monday night debate.",
            [("Clinton", "mentioned", "Machado")],
        ),
        # nominal cues
        (
            "It was Trump's latest effort to bounce back from the debate.",
            [("Trump's", "effort", "to bounce back from the debate")],
        ),
        (
            "Leaders met amid concerns that they are too dependent on the United States.",
            [(None, "concerns", "they are too dependent on the United States")],
        ),
        ("The claims that appeared in the press were false.", []),  # a relative clause
        # according to a plural document, with the content after the comma
        (
            "According to exit polls, Mr. Romney had a lead among wealthy voters.",
            [("exit polls", "According to", "Mr. Romney had a lead among wealthy voters")],
        ),
        # a passive with "by": the agent speaks about the subject
        (
            "The Democratic nominee has been endorsed by dozens of papers.",
            [("dozens of papers", "endorsed", "The Democratic nominee")],
        ),
        # a cue inside another cue's reported content is part of that content
        (
            "He said Obama hopes that his successor will push for the same goals.",
            [("He", "said", "Obama hopes that his successor will push for the same goals")],
        ),
        # not cues: a noun after a possessive, a verb that needs an infinitive
        ("The candidate's call came after the debate.", []),
        ("Its approval rating has declined slightly from 58 percent.", []),
    ],
)
def test_indirect_attribution_rules(text: str, expected: list) -> None:
    got = [(None if pd.isna(s) else s, c, q) for s, c, q in indirect(text)]
    assert got == expected


def test_the_package_keeps_its_public_api() -> None:
    """analysis.quotes is a package of one concern per module; the API stays in one place."""
    for name in (
        "extract_quotes", "article_quotes", "quotes_table", "match_quotes", "quote_matches",
        "share_of_voice", "voice_by_side", "voice_changes", "attribution_changes",
        "quote_view", "match_view", "story_tables", "key_findings_from", "similarity",
        "edit_kind", "side_of", "speaker_key", "name_key", "find_quote_marks",
        "split_paragraphs", "reporting_verbs", "speaker_words", "speaker_sides",
        "nominal_cues",
    ):  # fmt: skip
        assert name in analysis.quotes.__all__ and hasattr(analysis.quotes, name), name
    assert not [n for n in analysis.quotes.__all__ if n.isupper()]  # constants stay in modules
    assert 0 < matching.MATCH_THRESHOLD < 100 and "kept" in matching.STATUSES
    assert Q.reporting_verbs()["said"].lemma == "say"  # the data files are found
    assert Q.nominal_cues()["decision"].complements == frozenset({"to"})


@pytest.mark.parametrize(
    "text",
    [
        'Dwayne "The Rock" Johnson arrived in the city.',  # nickname
        "She starred in the film “Gone With the Wind” in 1939.",  # title
        "He watched “Meet the Press” on Sunday.",  # title in Title Case
    ],
)
def test_titles_and_nicknames_are_not_quotations(text: str) -> None:
    assert marked(text).empty


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The students' union and Iraq’s leaders met in the ’90s; they don’t agree."
    assert Q.extract_quotes(text).empty


# --------------------------------------------------------------------------------------
# the seed story
# --------------------------------------------------------------------------------------

SEED_SPEAKERS = {
    "Mike Pompeo",
    "Donald Trump",
    "Trump",
    "Morgan Ortagus",
    "State Department",
    "Adel Abdul Mahdi",
    "Adel Abdul-Mahdi",
    "Adel Abdul Mahdi's office",
    "Adel Abdul-Mahdi's office",
}


@pytest.fixture(scope="module")
def tables(corpus: analysis.Corpus) -> dict[str, pd.DataFrame]:
    return Q.story_tables(corpus, STORY_ID)


def seed_quotes(tables: dict[str, pd.DataFrame], article_id: str) -> pd.DataFrame:
    quotes = tables["quotes"]
    return quotes[(quotes["article_id"] == article_id) & (quotes["kind"] != "indirect")]


@pytest.mark.parametrize("article_id", [NYT_ID, PRINT_ID])
def test_every_seed_quotation_has_a_known_speaker(
    tables: dict[str, pd.DataFrame], article_id: str, corpus: analysis.Corpus
) -> None:
    quotes = seed_quotes(tables, article_id)
    text = corpus.article(article_id).text
    # every pair of quote marks in the body is found
    assert len(quotes) >= 14
    assert set(quotes["function"]) == {"speech"}
    assert set(quotes["speaker_name"]) <= SEED_SPEAKERS, set(quotes["speaker_name"])
    for row in quotes.itertuples():
        if "\n" not in text[row.start : row.end]:
            assert text[row.start : row.end] == row.quote


@pytest.mark.parametrize(
    ("article_id", "fragment", "speaker"),
    [
        (NYT_ID, "Our military presence", "Morgan Ortagus"),  # “… partners," she said
        (NYT_ID, "At this time, any delegation", "Morgan Ortagus"),  # floating
        (NYT_ID, "We are happy to continue", "Mike Pompeo"),
        (NYT_ID, "But as times change", "Mike Pompeo"),  # he added
        (NYT_ID, "I’m O.K. with it", "Trump"),
        (NYT_ID, "They don’t say that privately", "Trump"),  # the president also said
        (NYT_ID, "very big sanctions", "Trump"),
        (NYT_ID, "Iraq is keen", "Adel Abdul Mahdi's office"),
        (NYT_ID, "fight terrorism", "Adel Abdul Mahdi's office"),  # according to the statement
        (NYT_ID, "troop withdrawal", "State Department"),  # …, saying that
        (NYT_ID, "without permission", "Adel Abdul Mahdi"),
        (PRINT_ID, "fantastic job", "Donald Trump"),
        (PRINT_ID, "There does, however", "Morgan Ortagus"),
        (PRINT_ID, "We want to be a friend", "Morgan Ortagus"),  # floating
        (PRINT_ID, "how best to recommit", "State Department"),
        (PRINT_ID, "appropriate force posture", "State Department"),  # the State Department said,
    ],
)
def test_seed_speakers(
    tables: dict[str, pd.DataFrame], article_id: str, fragment: str, speaker: str
) -> None:
    quotes = seed_quotes(tables, article_id)
    rows = quotes[quotes["quote"].str.startswith(fragment)]
    if rows.empty:
        rows = quotes[quotes["quote"].str.contains(fragment, regex=False)]
    assert len(rows) == 1
    assert rows.iloc[0]["speaker_name"] == speaker


def test_mixed_marks_quotation_in_the_seed(tables: dict[str, pd.DataFrame]) -> None:
    row = only(seed_quotes(tables, NYT_ID), "Our military presence")
    assert row.quote.endswith("our coalition partners")
    assert (row.kind, row.speaker, row.cue) == ("direct", "she", "said")


def test_quote_ids_and_body_only(tables: dict[str, pd.DataFrame], corpus: analysis.Corpus) -> None:
    quotes = tables["quotes"]
    for article_id, rows in quotes.groupby("article_id"):
        article = corpus.article(article_id)
        body = article.parsed.part("body")
        assert rows["quote_id"].tolist() == [
            f"{article_id}:q{i:02d}" for i in range(1, len(rows) + 1)
        ]
        assert (rows["start"] >= body.start).all() and (rows["end"] <= body.end).all()
    assert quotes["quote_id"].is_unique


@pytest.mark.parametrize(
    ("fragment", "status"),
    [
        ("I’m O.K. with it", "only in original"),
        ("very big sanctions", "only in original"),
        ("fantastic job", "only in syndicated"),
        ("There does, however, need to be a conversation", "only in syndicated"),
        ("Our military presence", "kept"),
        ("But as times change", "edited"),
    ],
)
def test_seed_matching(tables: dict[str, pd.DataFrame], fragment: str, status: str) -> None:
    matches = tables["quote_matches"]
    text = matches["original_quote"].fillna(matches["version_quote"])
    rows = matches[text.str.contains(fragment, regex=False)]
    assert len(rows) == 1
    assert rows.iloc[0]["status"] == status


def test_seed_quote_repeated_under_another_speaker(tables: dict[str, pd.DataFrame]) -> None:
    """The print version gives the "At this time" quotation to the State Department in the
    lead and to Ortagus later: one is kept, the lead's copy is a re-attributed duplicate."""
    matches = tables["quote_matches"]
    rows = matches[matches["original_quote"].fillna("").str.startswith("At this time")]
    assert sorted(rows["status"]) == ["kept", "re-attributed"]
    duplicate = rows[rows["duplicate"]].iloc[0]
    assert duplicate["version_speaker"] == "State Department"
    assert "trimmed" in duplicate["edit"] and "reworded" in duplicate["edit"]


def test_similarity_tolerates_rewording_and_trims() -> None:
    assert (
        Q.similarity(
            "how to best recommit to our partnership", "how best to recommit to our partnership"
        )
        > 85
    )
    long = "At this time, any delegation would be dedicated to discussing our partnership."
    assert (
        Q.similarity(long, "any delegation would be dedicated to discussing our partnership") > 85
    )
    assert Q.similarity("very big sanctions", "fantastic job") < matching.MATCH_THRESHOLD
    assert (
        Q.edit_kind("But as times change we will do so", "As times change we will do so")
        == "trimmed"
    )


def test_share_of_voice(corpus: analysis.Corpus, tables: dict[str, pd.DataFrame]) -> None:
    share = tables["share_of_voice"]
    quotes = tables["quotes"]
    for article_id, rows in share.groupby("article_id"):
        quoted = quotes[
            (quotes["article_id"] == article_id)
            & (quotes["kind"] != "indirect")
            & (quotes["function"] == "speech")
        ]
        assert rows["quoted_words"].sum() == quoted["n_words"].sum()
        assert rows["share"].sum() == pytest.approx(1, abs=0.01)
    sides = dict(zip(share["speaker_name"], share["side"], strict=False))
    assert sides["Mike Pompeo"] == "U.S. officials"
    assert sides["State Department"] == "U.S. officials"
    assert "Iraqi officials" in set(share["side"])
    sides_of_story = corpus.settings(STORY_ID).speaker_sides
    assert Q.side_of("Somebody Unknown", Q.speaker_sides(sides_of_story)) == "other"
    assert Q.side_of("Mike Pompeo", ()) == "not set"
    changes = Q.voice_changes(share).set_index("speaker_name")["change"]
    assert changes["Mike Pompeo"] < 0 and changes["State Department"] > 0


def test_one_version_story_has_no_matches(tmp_path) -> None:
    (tmp_path / "solo.txt").write_text("“We are ready,” Mr. Smith said.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "article_id,story_id,role,outlet,published,format,path\n"
        "solo,s1,original,Gazette,2020-01-01,plain,solo.txt\n",
        encoding="utf-8",
    )
    corpus = analysis.load(str(tmp_path / "manifest.csv"))
    tables = Q.story_tables(corpus, "s1")
    assert len(tables["quotes"]) == 1 and tables["quote_matches"].empty


def test_a_story_without_speaker_sides_says_sides_are_not_set(corpus: analysis.Corpus) -> None:
    original, printed = (a.text for a in corpus.articles)
    bare = make_corpus(original, printed, fmt="auto")
    story_id = bare.story_ids[0]
    assert bare.settings(story_id).speaker_sides == ()
    quotes = Q.story_tables(bare, story_id)["quotes"]
    attributed = quotes["side"].dropna()
    assert len(attributed) > 10 and set(attributed) == {"not set"}
    seed = Q.story_tables(corpus, STORY_ID)["quotes"]
    assert quotes["speaker_name"].tolist() == seed["speaker_name"].tolist()


def test_speaker_sides_rows_need_speaker_and_side() -> None:
    with pytest.raises(ValueError, match="row 2"):
        Q.speaker_sides([{"speaker": "Jane Smith", "side": "a"}, {"speaker": "John Doe"}])
