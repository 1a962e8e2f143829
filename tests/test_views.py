"""Line endings and comparison views: how a text is encoded on disk is never an edit."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import NYT_ID, PRINT_ID, make_corpus, manifest_row, write_manifest

import analysis
from analysis.normalize import comparison_view, typography
from analysis.wording import story_tables


@pytest.mark.parametrize("ending", ["\r", "\r\n"], ids=["CR", "CRLF"])
@pytest.mark.parametrize(("article_id", "fmt"), [(PRINT_ID, "print"), (NYT_ID, "nyt-web")])
def test_cr_only_and_crlf_give_the_same_parts_as_lf(
    tmp_path: Path, corpus: analysis.Corpus, ending: str, article_id: str, fmt: str
) -> None:
    seed = corpus.article(article_id)
    converted = seed.text.replace("\n", ending)
    (tmp_path / "cr.txt").write_bytes(converted.encode("utf-8"))
    row = manifest_row("cr", "cr.txt", role="original", format=fmt)
    article = analysis.load(write_manifest(tmp_path, [row])).article("cr")
    assert article.text == converted  # byte-exact: the line endings are kept
    names = [span.part for span in seed.parsed.parts]
    assert names == [span.part for span in article.parsed.parts]
    assert {"body", "credits", "page_line"} <= set(names) or {"headline", "body"} <= set(names)
    for name in names:
        assert article.part_text(name) == seed.part_text(name).replace("\n", ending), name
    paragraphs = [converted[s:e] for s, e in article.parsed.paragraphs]
    assert paragraphs == [seed.text[s:e].replace("\n", ending) for s, e in seed.parsed.paragraphs]
    assert len(paragraphs) > 10


def test_views_normalise_unicode_and_drop_invisible_characters() -> None:
    assert typography(unicodedata.normalize("NFD", "Café Zürich")) == "Café Zürich"
    for invisible in "\u200d\u200c\u2060\u00ad\u200e\u200f\u202a\u202c\u200b\ufeff\u2066":
        assert comparison_view(f"tro{invisible}ops") == "troops", repr(invisible)


def substantive(tables: dict) -> list[str]:
    """The substantive edits of a story's wording tables, as 'old -> new'."""
    edits = tables["edits"]
    rows = edits[edits["substantive"]]
    return [f"{r.old_text!r} -> {r.new_text!r}" for r in rows.itertuples()]


def added_or_deleted(tables: dict) -> list[str]:
    """The sentences the alignment says were added or deleted."""
    alignment = tables["alignment"]
    return alignment[alignment["label"].isin(["added", "deleted"])]["label"].tolist()


def test_nfc_and_nfd_copies_give_no_edit(corpus: analysis.Corpus) -> None:
    # The seed is ASCII apart from quotes and dashes: accent it, as names in other languages are
    text = corpus.article(NYT_ID).text.replace("e", "é").replace("a", "ä").replace("c", "ç")
    decomposed = unicodedata.normalize("NFD", text)
    assert len(decomposed) > len(text)
    story = make_corpus(text, decomposed, fmt="nyt-web")
    tables = story_tables(story, "s")
    assert added_or_deleted(tables) == []
    assert substantive(tables) == []
    tokens = story["tokens"]
    version = tokens[tokens["article_id"] == "v1"]
    assert version["norm"].tolist() == tokens[tokens["article_id"] == "v0"]["norm"].tolist()
    assert all(
        decomposed[s:e] == t
        for s, e, t in zip(version["start"], version["end"], version["text"], strict=True)
    )


def test_zero_width_joiner_is_no_word_choice_edit() -> None:
    text = "The troops will stay in Iraq, officials said. They gave no date for leaving."
    joined = text.replace("troops", "tro\u200dops")
    tables = story_tables(make_corpus(text, joined), "s")
    assert substantive(tables) == []
    assert added_or_deleted(tables) == []
    redline = tables["redline"]
    changed = redline[redline["op"] != "equal"]
    assert changed["category"].tolist() == ["typography"]
    assert changed["new_text"].tolist() == ["tro\u200dops"]  # the original text, as written
    start, end = changed[["new_start", "new_end"]].iloc[0]
    assert joined[start:end] == "tro\u200dops"
