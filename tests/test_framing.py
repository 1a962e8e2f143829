"""Framing tables on the seeds (issue 6 acceptance) and on constructed stories."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import NYT_ID, PRINT_ID, STORY_ID, make_corpus

import analysis
from analysis import framing
from analysis.build_frame_lexicon import OUTPUT, build


@pytest.fixture(scope="module")
def tables(corpus: analysis.Corpus) -> dict[str, pd.DataFrame]:
    return framing.story_tables(corpus, STORY_ID)


# --------------------------------------------------------------------------------------
# Seeds: the acceptance criteria
# --------------------------------------------------------------------------------------


def test_rejoinder_to_rebuttal_is_a_word_choice_contrast(tables: dict) -> None:
    wc = tables["word_choice"]
    hit = wc[(wc["original_text"] == "rejoinder") & (wc["version_text"] == "rebuttal")]
    assert hit[["kind", "status", "class_version"]].values.tolist() == [
        ["substitution", "substituted", "conflict"]
    ]
    row = hit.iloc[0]
    assert "a direct rejoinder to Prime Minister" in row["original_context"]
    assert "a direct rebuttal to Iraqi Prime Minister" in row["version_context"]


def test_loaded_words_with_their_status(tables: dict) -> None:
    wc = tables["word_choice"]
    loaded = wc[wc["kind"] == "loaded"]
    status = {(r.original_text or r.version_text): r.status for r in loaded.itertuples(index=False)}
    assert status["rebuffed"] == "both"
    assert status["pushed back"] == "both"
    assert status["condemnation"] == "only_original"
    assert status["Defying"] == "only_original"  # the NYT headline; the print text has none
    both = loaded[loaded["original_text"] == "pushed back"].iloc[0]
    assert "Abdul-Mahdi's request" in both["version_context"]


def test_terms_come_from_the_story_settings(corpus: analysis.Corpus, tables: dict) -> None:
    counts = tables["term_counts"].set_index(["term", "article_id"])["n"]
    assert counts[("rebuffed", NYT_ID)] == 1 and counts[("rebuffed", PRINT_ID)] == 1
    assert counts[("rebuttal", NYT_ID)] == 0 and counts[("rebuttal", PRINT_ID)] == 1
    assert counts[("rejoinder", NYT_ID)] == 1 and counts[("rejoinder", PRINT_ID)] == 0
    terms = corpus.settings(STORY_ID).terms
    assert terms is not None and list(dict.fromkeys(tables["term_counts"]["term"])) == list(terms)
    lines = tables["concordance"]
    rebuffed = lines[lines["term"] == "rebuffed"]
    assert set(rebuffed["article_id"]) == {NYT_ID, PRINT_ID}
    assert all(left.endswith("The State Department on Friday") for left in rebuffed["left"])
    rebuttal = lines[lines["term"] == "rebuttal"]
    assert rebuttal["article_id"].tolist() == [PRINT_ID]
    assert rebuttal["right"].iloc[0].startswith("to Iraqi Prime Minister Adel Abdul-Mahdi")


def _context_row(tables: dict, fragment: str) -> pd.Series:
    ctx = tables["context"]
    rows = ctx[ctx["text"].str.contains(fragment, regex=False)]
    assert len(rows) == 1, fragment
    return rows.iloc[0]


def test_soleimani_designation_is_syndicated_only_context(tables: dict) -> None:
    row = _context_row(tables, "Soleimani was designated a terrorist in 2005")
    assert (row["side"], row["unit"], row["article_id"]) == ("only_version", "sentence", PRINT_ID)
    frames = {f.rsplit(" ", 1)[0] for f in row["frames"].split("; ")}
    assert frames & {"security_and_defense", "legality"}
    assert row["primary_frame"] in ("security_and_defense", "legality")
    assert "Qassem Soleimani" in row["actors"].split("; ")
    assert "terrorist" in row["frame_terms"] and "designated" in row["frame_terms"]


def test_the_2003_invasion_paragraph_is_nyt_only_context(tables: dict, corpus) -> None:
    row = _context_row(tables, "President George W. Bush ordered an invasion of Iraq in 2003")
    assert (row["side"], row["article_id"], row["paragraph_whole"]) == (
        "only_original",
        NYT_ID,
        True,
    )
    paragraph = tables["context"][tables["context"]["paragraph_id"] == row["paragraph_id"]]
    sentences = corpus["sentences"]
    assert len(paragraph) == (sentences["paragraph_id"] == row["paragraph_id"]).sum() == 3
    assert "George W. Bush" in row["actors"]
    sanctions = _context_row(tables, "very big sanctions")
    assert sanctions["side"] == "only_original"


def test_context_findings_name_both_sides(tables: dict) -> None:
    text = " ".join(framing.context_findings(tables["context_summary"]))
    assert f"What readers of {PRINT_ID} are not told: 19 sentences" in text
    assert f"What only readers of {PRINT_ID} are told: 11 sentences" in text


def test_attribution_verbs_of_the_seeds(tables: dict) -> None:
    classes = tables["attribution_classes"].set_index(["article_id", "cue_class"])
    # "He stressed …" and "Mr. Pompeo stressed …" in the NYT; the print version cut the second.
    assert "stress 2" in classes.loc[(NYT_ID, "emphatic"), "lemmas"].split("; ")
    assert "stress 1" in classes.loc[(PRINT_ID, "emphatic"), "lemmas"].split("; ")
    assert classes.loc[(NYT_ID, "additive"), "n"] > classes.loc[(PRINT_ID, "additive"), "n"]
    for article_id in (NYT_ID, PRINT_ID):
        assert classes.loc[article_id, "share"].sum() == pytest.approx(1.0, abs=1e-3)
    speakers = tables["attribution_speakers"]
    pompeo = speakers[(speakers["article_id"] == NYT_ID) & (speakers["speaker"] == "Mike Pompeo")]
    assert set(pompeo["cue_class"]) >= {"emphatic", "additive"}


def test_frame_profile_and_shift(tables: dict) -> None:
    profile = tables["frame_profile"]
    assert set(profile["dimension"]) == set(framing.DIMENSIONS)
    for _, group in profile.groupby("article_id"):
        assert group["share"].sum() == pytest.approx(1.0, abs=1e-3)
        top = group.sort_values("n_terms", ascending=False).iloc[0]
        assert top["dimension"] == "security_and_defense"
    shift = tables["frame_shift"]
    expected = 100 * (shift["share_version"] - shift["share_original"])
    assert (shift["difference"] - expected).abs().max() < 0.01
    frames = tables["frames"]
    assert frames[frames["paragraph_index"] == 0]["article_id"].tolist() == [NYT_ID]  # headline
    assert frames["triggers"].str.contains("security_and_defense: troops").any()


def test_tables_are_spans_of_the_originals(tables: dict, corpus: analysis.Corpus) -> None:
    text = {a.article_id: a.text for a in corpus.articles}
    for name, column in (("frame_terms", "text"), ("concordance", "match"), ("context", "text")):
        for row in tables[name].itertuples(index=False):
            assert text[row.article_id][row.start : row.end] == getattr(row, column), name
    for row in tables["tone"].itertuples(index=False):
        assert text[row.article_id][row.start : row.end] == row.text
    wc = tables["word_choice"]
    for row in wc.dropna(subset=["original_start"]).itertuples(index=False):
        assert text[NYT_ID][row.original_start : row.original_end] == row.original_text
    for row in wc.dropna(subset=["version_start"]).itertuples(index=False):
        assert text[PRINT_ID][row.version_start : row.version_end] == row.version_text


def test_summary_and_findings(tables: dict) -> None:
    summary = tables["framing_summary"]
    assert set(summary["aspect"]) == {
        "word choice",
        "terms",
        "attribution",
        "frames",
        "context",
        "actors",
        "tone",
    }
    row = summary.set_index("measure").loc["“rebuttal”"]
    assert (row["original"], row["version"], row["difference"]) == (0, 1, 1)
    text = " ".join(framing.findings(summary))
    assert "rejoinder → rebuttal" in text and "George W. Bush" in text


def test_vader_caveat_names_stressed(tables: dict) -> None:
    caveats = " ".join(tables["vader_caveats"]["caveat"])
    assert "“stressed” (-1.4" in caveats and "“united”" in caveats
    tone = tables["tone"]
    assert tone["lexicon_words"].str.contains("stressed -1.4").any()
    assert set(tables["tone_summary"]["article_id"]) == {NYT_ID, PRINT_ID}


# --------------------------------------------------------------------------------------
# Lexicons and rules
# --------------------------------------------------------------------------------------


def test_committed_frame_lexicon_equals_the_build() -> None:
    assert OUTPUT.read_text(encoding="utf-8") == build()


def test_frame_lexicon_covers_every_dimension() -> None:
    lexicon = framing.frame_lexicon()
    counts = lexicon["dimension"].value_counts()
    assert set(counts.index) == set(framing.DIMENSIONS) - {"other"}
    assert counts.min() >= 5
    assert lexicon["source"].str.fullmatch(r"(empath:\w+;)*(empath:\w+|curated)").all()
    generic = {"general", "united", "president", "house", "office"}
    assert not generic & set(lexicon["term"])


def test_stemmer_groups_inflections() -> None:
    assert framing.stem("rebuff") == framing.stem("rebuffed") == framing.stem("rebuffs")
    assert framing.stem("Withdrawal") == framing.stem("withdrawing")
    assert framing.stem("country’s") == framing.stem("country")
    assert framing.stem("rebuttal") != framing.stem("rejoinder")


def test_cue_classes() -> None:
    assert framing.cue_class("said") == ("say", "neutral")
    assert framing.cue_class("told") == ("tell", "neutral")
    assert framing.cue_class("reiterated") == ("reiterate", "emphatic")
    assert framing.cue_class("added") == ("add", "additive")
    assert framing.cue_class("insisted") == ("insist", "contested")
    assert framing.cue_class("rebuffed") == ("rebuff", "conflict")
    assert framing.cue_class("pushed back") == ("push back", "conflict")
    assert framing.cue_class("according to") == ("according to", "neutral")
    assert framing.cue_class("mentioned") == ("", "other")


# --------------------------------------------------------------------------------------
# Constructed stories
# --------------------------------------------------------------------------------------

ORIGINAL = (
    "Officials rebuffed the plan on Monday. The army fired missiles at the base.\n"
    "The minister said the talks were a rejoinder to critics.\n"
    "Voters rebuff such plans often."
)
VERSION = (
    "Officials rebuffed the plan on Monday.\n"
    "The minister said the talks were a rebuttal to critics.\n"
    "The court ruled the plan illegal under the constitution."
)


@pytest.fixture(scope="module")
def constructed() -> dict[str, pd.DataFrame]:
    return framing.story_tables(make_corpus(ORIGINAL, VERSION), "s", terms=["rebuff", "rebuttal"])


def test_constructed_term_counts_group_inflections(constructed: dict) -> None:
    counts = constructed["term_counts"].set_index(["term", "article_id"])
    assert counts.loc[("rebuff", "v0"), "n"] == 2
    assert counts.loc[("rebuff", "v0"), "forms"] == "rebuffed; rebuff"
    assert counts.loc[("rebuff", "v1"), "n"] == 1
    assert counts.loc[("rebuttal", "v0"), "n"] == 0


def test_constructed_word_choice_and_context(constructed: dict) -> None:
    wc = constructed["word_choice"]
    subs = wc[wc["kind"] == "substitution"]
    assert subs[["original_text", "version_text"]].values.tolist() == [["rejoinder", "rebuttal"]]
    loaded = wc[wc["kind"] == "loaded"].set_index("original_text")["status"]
    assert loaded.to_dict() == {"rebuffed": "both", "rebuff": "only_original"}  # not "critics"
    ctx = constructed["context"].set_index("text")
    missiles = ctx.loc["The army fired missiles at the base."]
    assert (missiles["side"], missiles["primary_frame"]) == (
        "only_original",
        "security_and_defense",
    )
    court = ctx.loc["The court ruled the plan illegal under the constitution."]
    assert (court["side"], court["primary_frame"]) == ("only_version", "legality")


def test_constructed_frames_per_paragraph() -> None:
    corpus = make_corpus("Troops and missiles moved.\n\nIt rained.", "It rained.")
    words = framing.story_words(corpus, "s")
    terms = framing.frame_terms(corpus, "s", words)
    frames = framing.frames(corpus, "s", terms, words).set_index("paragraph_id")
    assert frames.loc["v0:p01", "primary_frame"] == "security_and_defense"
    assert frames.loc["v0:p01", "security_and_defense"] == 2
    assert frames.loc["v0:p01", "triggers"] == "security_and_defense: troops, missiles"
    assert frames.loc["v0:p02", "primary_frame"] == "other"


def test_attribution_verbs_from_a_constructed_quotes_table() -> None:
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a", "b", "b"],
            "quote": ["x", "x y", "z", "w", "v", "u"],
            "kind": ["indirect", "partial", "direct", "direct", "direct", "direct"],
            "speaker": ["Ann", "Ann", "Bo", "Bo", "Ann", "Cy"],
            "speaker_name": ["Ann Lee", "Ann Lee", "Bo Tan", "Bo Tan", "Ann Lee", ""],
            "cue": ["insisted", "insisted", "denied", "added", "said", None],
            "cue_start": [10, 10, 40, 70, 5, None],
            "cue_end": [18, 18, 46, 75, 9, None],
        }
    )
    verbs = framing.attribution_verbs(quotes, "s")
    assert verbs[["article_id", "lemma", "cue_class", "n_quotes"]].values.tolist() == [
        ["a", "insist", "contested", 2],
        ["a", "deny", "conflict", 1],
        ["a", "add", "additive", 1],
        ["b", "say", "neutral", 1],
    ]
    classes = framing.attribution_classes(verbs).set_index(["article_id", "cue_class"])
    assert classes.loc[("a", "conflict"), "share"] == pytest.approx(1 / 3, abs=1e-3)
    assert classes.loc[("b", "neutral"), "n"] == 1 and classes.loc[("b", "conflict"), "n"] == 0
    speakers = framing.attribution_by_speaker(verbs)
    assert speakers[speakers["speaker"] == "Bo Tan"]["cue_class"].tolist() == [
        "conflict",
        "additive",
    ]


def test_one_version_story_needs_two_versions() -> None:
    with pytest.raises(analysis.NeedsTwoVersionsError):
        framing.story_tables(make_corpus("Only one version of the story."), "s")


def test_without_terms_framing_follows_the_substituted_words() -> None:
    tables = framing.story_tables(make_corpus(ORIGINAL, VERSION), "s")  # no settings, no terms
    counts = tables["term_counts"].set_index(["term", "article_id"])["n"]
    assert list(dict.fromkeys(tables["term_counts"]["term"])) == ["rejoinder", "rebuttal"]
    assert (counts[("rejoinder", "v0")], counts[("rejoinder", "v1")]) == (1, 0)
    assert (counts[("rebuttal", "v0")], counts[("rebuttal", "v1")]) == (0, 1)


def test_terms_option_overrides_the_settings_through_the_registry(
    corpus: analysis.Corpus,
) -> None:
    results = analysis.registry.compute(
        corpus, STORY_ID, options={"framing": {"terms": ("troops",)}}, analyses=["framing"]
    )
    assert results.options["framing"] == {"terms": ("troops",)}
    assert set(results.tables["framing"]["term_counts"]["term"]) == {"troops"}
    assert list(results.tables) == ["wording", "quotes", "framing"]  # what framing needs, once


def test_framing_reads_the_wording_tables_it_is_given(corpus: analysis.Corpus) -> None:
    needs = analysis.registry.compute(corpus, STORY_ID, analyses=framing.NEEDS).tables
    edits = needs["wording"]["edits"]
    renamed = edits.assign(new_text=edits["new_text"].replace("rebuttal", "riposte"))
    given = {**needs, "wording": {**needs["wording"], "edits": renamed}}
    wc = framing.story_tables(corpus, STORY_ID, needs=given)["word_choice"]
    assert "riposte" in set(wc["version_text"])  # the given edits, not an alignment of its own


def test_the_registry_aligns_each_version_pair_once(
    corpus: analysis.Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    align_sentences = analysis.align.align_sentences

    def counted(original: pd.DataFrame, version: pd.DataFrame, *args: object) -> pd.DataFrame:
        calls.append(str(version["article_id"].iloc[0]))
        return align_sentences(original, version, *args)

    monkeypatch.setattr(analysis.align, "align_sentences", counted)
    results = analysis.registry.compute(corpus, STORY_ID)
    assert {"wording", "framing"} <= set(results.tables)
    assert calls == [PRINT_ID]  # wording's alignment, which framing reads
