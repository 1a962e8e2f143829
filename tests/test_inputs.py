"""Bad input gets a clear error naming the file; odd but valid input loads correctly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import manifest_row, write_manifest

import analysis
from analysis.errors import (
    ChecksumError,
    CorpusWarning,
    DecodingError,
    DuplicateIdError,
    EmptyFileError,
    ManifestError,
    MissingFileError,
    NeedsTwoVersionsError,
    ParseError,
    PathEscapeError,
)

BODY = (
    "WASHINGTON — The State Department said on Friday that it would not talk.\n"
    "“We will stay,” she said.\n"
)


def story(tmp_path: Path, files: dict[str, bytes], **row_overrides: str) -> Path:
    """Write files and a manifest listing each of them; the first is the original."""
    rows = []
    for index, (name, data) in enumerate(files.items()):
        (tmp_path / name).write_bytes(data)
        role = "original" if index == 0 else "syndicated"
        rows.append(manifest_row(Path(name).stem, name, role=role, **row_overrides))
    return write_manifest(tmp_path, rows)


def test_missing_article_file_names_it(tmp_path: Path) -> None:
    manifest = write_manifest(tmp_path, [manifest_row("a", "nowhere.txt", role="original")])
    with pytest.raises(MissingFileError) as error:
        analysis.load(manifest)
    assert "nowhere.txt" in str(error.value) and "not found" in str(error.value)


def test_missing_manifest_names_it(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError, match=r"absent\.csv"):
        analysis.load(tmp_path / "absent.csv")


def test_folder_without_manifest_names_it(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    with pytest.raises(MissingFileError, match=r"manifest\.csv"):
        analysis.load(tmp_path)


@pytest.mark.parametrize("data", [b"", b" \n\r\n\t "], ids=["zero-bytes", "whitespace"])
def test_empty_file_names_it(tmp_path: Path, data: bytes) -> None:
    manifest = story(tmp_path, {"empty.txt": data})
    with pytest.raises(EmptyFileError) as error:
        analysis.load(manifest)
    assert "empty.txt" in str(error.value)


def test_cp1252_falls_back_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    text = "WASHINGTON — “We will stay,” she said. It’s final."
    manifest = story(tmp_path, {"legacy.txt": text.encode("cp1252"), "b.txt": BODY.encode()})
    with pytest.warns(CorpusWarning, match=r"legacy\.txt.*cp1252"):
        corpus = analysis.load(manifest)
    article = corpus.article("legacy")
    assert article.text == text
    assert corpus["articles"].set_index("article_id").loc["legacy", "encoding"] == "cp1252"


def test_undecodable_bytes_name_the_file(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252 and invalid as a UTF-8 start byte.
    manifest = story(tmp_path, {"broken.txt": b"Some text \x81 here."})
    with pytest.raises(DecodingError) as error:
        analysis.load(manifest)
    assert "broken.txt" in str(error.value) and "0x81" in str(error.value)


def test_duplicate_article_ids_in_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY + "More.\n", encoding="utf-8")
    manifest = write_manifest(
        tmp_path, [manifest_row("same", "a.txt", role="original"), manifest_row("same", "b.txt")]
    )
    with pytest.raises(DuplicateIdError) as error:
        analysis.load(manifest)
    assert "b.txt" in str(error.value) and "a.txt" in str(error.value)
    assert "'same'" in str(error.value)


def test_duplicate_ids_in_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    records = [
        {"id": "x", "story_id": "s", "outlet": "O", "date": "2020-01-01", "text": BODY},
        {"id": "x", "story_id": "s", "outlet": "P", "date": "2020-01-02", "text": BODY + "2"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with pytest.raises(DuplicateIdError, match=r"articles\.jsonl:line 2"):
        analysis.load(path)


@pytest.mark.parametrize("bad_path", ["../outside.txt", "sub/../../outside.txt"])
def test_manifest_path_escaping_the_folder(tmp_path: Path, bad_path: str) -> None:
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (tmp_path / "outside.txt").write_text(BODY, encoding="utf-8")
    manifest = write_manifest(corpus_dir, [manifest_row("a", bad_path, role="original")])
    with pytest.raises(PathEscapeError) as error:
        analysis.load(manifest)
    assert str(manifest) in str(error.value) and "outside" in str(error.value)


def test_absolute_path_outside_the_folder(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text(BODY, encoding="utf-8")
    manifest = write_manifest(corpus_dir, [manifest_row("a", str(outside), role="original")])
    with pytest.raises(PathEscapeError, match=r"manifest\.csv:row 2"):
        analysis.load(manifest)


def test_bom_and_crlf_are_handled_silently(
    tmp_path: Path, recwarn: pytest.WarningsRecorder
) -> None:
    text = (
        "Headline of the story\r\n"
        "WASHINGTON — First sentence here. Second one.\r\nNext paragraph.\r\n"
    )
    manifest = story(
        tmp_path, {"bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8")}, format="nyt-web"
    )
    corpus = analysis.load(manifest)
    assert not [w for w in recwarn if issubclass(w.category, CorpusWarning)]
    article = corpus.article("bom")
    assert article.text == text  # the BOM is not text; CRLF is kept as it is
    assert article.part_text("headline") == "Headline of the story"
    assert article.part_text("dateline") == "WASHINGTON —"
    paragraphs = corpus["paragraphs"]["text"].tolist()
    assert paragraphs == ["First sentence here. Second one.", "Next paragraph."]
    assert corpus["articles"]["had_bom"].tolist() == [True]
    assert all("\r" not in t for t in corpus["tokens"]["text"])


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "manifest.csv"
    path.write_text("article_id,path\na,a.txt\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"manifest\.csv: missing column\(s\): story_id, role"):
        analysis.load(path)


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"role": "copy"}, "role 'copy'"),
        ({"published": "11/01/2020"}, "published '11/01/2020'"),
        ({"format": "pdf"}, "format 'pdf'"),
        ({"outlet": ""}, "empty value for outlet"),
        ({"article_id": "has space"}, "ids may use"),
    ],
)
def test_malformed_manifest_rows_name_the_row(tmp_path: Path, override: dict, message: str) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    row = {**manifest_row("a", "a.txt"), **override}
    manifest = write_manifest(tmp_path, [row])
    with pytest.raises(ManifestError) as error:
        analysis.load(manifest)
    assert "manifest.csv:row 2" in str(error.value) and message in str(error.value)


def test_two_originals_in_a_story(tmp_path: Path) -> None:
    manifest = story(tmp_path, {"a.txt": BODY.encode(), "b.txt": (BODY + "x").encode()})
    text = manifest.read_text().replace("syndicated", "original")
    manifest.write_text(text)
    with pytest.raises(ManifestError, match="two originals"):
        analysis.load(manifest)


def test_checksum_mismatch_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    row = manifest_row("a", "a.txt", role="original", sha256="0" * 64)
    with pytest.raises(ChecksumError, match=r"a\.txt: SHA-256 is"):
        analysis.load(write_manifest(tmp_path, [row]))


def test_jsonl_bad_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        '{"id": "a", "story_id": "s", "outlet": "O", "date": "2020-01-01", "text": "x"}\n{oops\n'
    )
    with pytest.raises(ManifestError, match=r"articles\.jsonl:line 2: not valid JSON"):
        analysis.load(path)


def test_csv_table_empty_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(
        "id,story_id,outlet,date,text\na,s,O,2020-01-01,Some text.\nb,s,O,2020-01-02,\n"
    )
    with pytest.raises(EmptyFileError, match=r"articles\.csv:row 3: the text is empty"):
        analysis.load(path)


def test_csv_without_path_or_text_column(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ManifestError, match=r"other\.csv: a CSV needs"):
        analysis.load(path)


def test_text_with_no_body_names_the_file(tmp_path: Path) -> None:
    manifest = story(tmp_path, {"onlyhead.txt": b"Just a headline\n"}, format="nyt-web")
    with pytest.raises(ParseError, match=r"onlyhead\.txt: no body text"):
        analysis.load(manifest)


def test_unlisted_files_are_reported_not_dropped_silently(tmp_path: Path) -> None:
    manifest = story(tmp_path, {"a.txt": BODY.encode()})
    (tmp_path / "forgotten.txt").write_text(BODY + "x", encoding="utf-8")
    with pytest.warns(CorpusWarning, match=r"forgotten\.txt"):
        analysis.load(manifest)


def test_identical_texts_warn_but_both_load(tmp_path: Path) -> None:
    manifest = story(tmp_path, {"a.txt": BODY.encode(), "b.txt": BODY.encode()})
    with pytest.warns(CorpusWarning, match=r"b\.txt: same text as"):
        corpus = analysis.load(manifest)
    assert len(corpus.articles) == 2


def test_one_version_story_loads_and_comparisons_say_they_need_two(tmp_path: Path) -> None:
    manifest = story(tmp_path, {"solo.txt": BODY.encode()})
    corpus = analysis.load(manifest)
    assert corpus["sentences"].shape[0] == 2
    with pytest.raises(NeedsTwoVersionsError, match=r"only one version.*need two"):
        corpus.pairs("story-1")
    assert "not available" in analysis.overview.comparison_status(corpus, "story-1")


def test_unknown_story_lists_the_known_ones(corpus: analysis.Corpus) -> None:
    with pytest.raises(analysis.CorpusError, match="iraq-troops-2020-01"):
        corpus.story("no-such-story")


def test_csv_and_jsonl_tables_load_like_a_manifest(tmp_path: Path) -> None:
    seeds = analysis.load()
    records = [
        {
            "id": a.article_id,
            "story_id": "s1",
            "outlet": a.source.outlet,
            "date": a.source.published,
            "text": a.text,
            "format": a.source.fmt,
        }
        for a in seeds.articles
    ]
    jsonl = tmp_path / "t.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    import pandas as pd

    csv_path = tmp_path / "t.csv"
    pd.DataFrame(records).to_csv(csv_path, index=False)
    for path in (jsonl, csv_path):
        with pytest.warns(CorpusWarning, match="taken as the original"):
            loaded = analysis.load(path)
        assert loaded["articles"]["role"].tolist() == ["original", "syndicated"]
        for name in ("paragraphs", "sentences", "tokens"):
            left = loaded[name][["start", "end", "text"]].reset_index(drop=True)
            right = seeds[name][["start", "end", "text"]].reset_index(drop=True)
            assert left.equals(right), name
