"""Decoding and readers: every input file is decoded one way, right, or refused by name."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, manifest_row, write_manifest
from hypothesis import given, settings
from hypothesis import strategies as st

import analysis
import analysis.decoding
from analysis.decoding import decode
from analysis.errors import CorpusError, CorpusWarning, DecodingError, ManifestError

NYT_FILE = SEEDS / "000_59623ea61105e53b.txt"
PRINT_FILE = SEEDS / "001_162e4b62f291a9b4.txt"


def one_file_story(tmp_path: Path, name: str, data: bytes) -> Path:
    """A manifest listing one article file (the original) and a second plain one."""
    (tmp_path / name).write_bytes(data)
    (tmp_path / "other.txt").write_bytes(PRINT_FILE.read_bytes())
    rows = [
        manifest_row("a", name, role="original", format="nyt-web"),
        manifest_row("b", "other.txt", format="print"),
    ]
    return write_manifest(tmp_path, rows)


def loaded_text(manifest: Path) -> tuple[str, str]:
    """The first article's text and the encoding the loader recorded."""
    corpus = analysis.load(manifest)
    row = corpus["articles"].set_index("article_id").loc["a"]
    return corpus.article("a").text, row["encoding"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_a_bom_decode_right_with_a_warning(
    tmp_path: Path, encoding: str
) -> None:
    text = NYT_FILE.read_text(encoding="utf-8")
    manifest = one_file_story(tmp_path, "wide.txt", text.encode(encoding))
    with pytest.warns(CorpusWarning, match=rf"wide\.txt: no byte-order mark.*{encoding}"):
        got, used = loaded_text(manifest)
    assert got == text and "\x00" not in got
    assert used == encoding


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_other_scripts_in_wide_encodings_without_a_bom(tmp_path: Path, encoding: str) -> None:
    # Cyrillic: no byte of a UTF-16 letter is NUL, only those of spaces, digits and punctuation
    text = (
        "Путин и Трамп встретились в Хельсинки 16 июля 2018 года.\n"
        "Президенты говорили больше двух часов, сообщил Кремль.\n"
    )
    manifest = one_file_story(tmp_path, "russian.txt", text.encode(encoding))
    with pytest.warns(CorpusWarning, match=rf"russian\.txt: no byte-order mark.*{encoding}"):
        got, used = loaded_text(manifest)
    assert (got, used) == (text, encoding)


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
    ],
)
def test_wide_encodings_with_a_bom_decode_right_silently(
    tmp_path: Path, bom: bytes, encoding: str
) -> None:
    text = NYT_FILE.read_text(encoding="utf-8")
    manifest = one_file_story(tmp_path, "bom.txt", bom + text.encode(encoding))
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        got, used = loaded_text(manifest)
    assert got == text
    assert used == encoding


def test_manifest_in_utf16_loads(tmp_path: Path) -> None:
    rows = [
        manifest_row("nyt", str(NYT_FILE.name), role="original", format="nyt-web"),
        manifest_row("print", str(PRINT_FILE.name), format="print"),
    ]
    for source in (NYT_FILE, PRINT_FILE):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    manifest = write_manifest(tmp_path, rows)
    manifest.write_bytes(manifest.read_text(encoding="utf-8").encode("utf-16"))  # with a BOM
    corpus = analysis.load(manifest)
    assert corpus["articles"]["article_id"].tolist() == ["nyt", "print"]
    assert corpus.article("nyt").text == NYT_FILE.read_text(encoding="utf-8")


def test_csv_table_in_utf16_without_bom_loads_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    text = NYT_FILE.read_text(encoding="utf-8")
    with (tmp_path / "plain.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "story_id", "role", "outlet", "date", "text"])
        writer.writerow(["a", "s", "original", "O", "2020-01-01", text])
        writer.writerow(["b", "s", "syndicated", "O", "2020-01-02", text + " More."])
    path.write_bytes((tmp_path / "plain.csv").read_text(encoding="utf-8").encode("utf-16-le"))
    with pytest.warns(CorpusWarning, match=r"articles\.csv: no byte-order mark.*utf-16-le"):
        corpus = analysis.load(path)
    assert corpus.article("a").text == text
    assert set(corpus["articles"]["encoding"]) == {"utf-16-le"}


def test_invalid_utf16_names_the_file(tmp_path: Path) -> None:
    data = b"\xff\xfe" + "Some text ".encode("utf-16-le") + b"\x00\xd8" + "more".encode("utf-16-le")
    manifest = one_file_story(tmp_path, "broken16.txt", data)
    with pytest.raises(DecodingError, match=r"broken16\.txt: has a byte-order mark for utf-16-le"):
        analysis.load(manifest)


def test_nul_bytes_in_no_pattern_are_refused(tmp_path: Path) -> None:
    data = PRINT_FILE.read_bytes()
    data = data[:100] + b"\x00" + data[100:]
    manifest = one_file_story(tmp_path, "binary.txt", data)
    with pytest.raises(
        DecodingError, match=r"binary\.txt: has 1 NUL byte\(s\) \(first at offset 100\)"
    ):
        analysis.load(manifest)


def jsonl_line(text_json: str, article_id: str = "a", date: str = "2020-01-01") -> str:
    """One JSONL record whose text is given as JSON source (so escapes stay as written)."""
    return (
        f'{{"id": "{article_id}", "story_id": "s", "outlet": "O", "date": "{date}", '
        f'"text": {text_json}}}'
    )


def test_jsonl_lone_surrogate_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        jsonl_line('"Fine text."') + "\n" + jsonl_line('"Bad \\ud800 text."', "b") + "\n",
        encoding="utf-8",
    )
    with pytest.raises(
        DecodingError, match=r"articles\.jsonl:line 2: field 'text' holds a lone surrogate U\+D800"
    ):
        analysis.load(path)


SEPARATORS = "Officials met.\u2028Line two.\u0085Line three.\nNew line.\r\nCRLF line."


def test_jsonl_splits_on_newline_only(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        json.dumps({"id": "a", "story_id": "s", "outlet": "O", "date": "2020-01-01",
                    "text": "First. " + SEPARATORS}, ensure_ascii=False),
        json.dumps({"id": "b", "story_id": "s", "outlet": "O", "date": "2020-01-02",
                    "text": "Second. " + SEPARATORS}, ensure_ascii=False),
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(CorpusWarning, match="taken as the original"):
        corpus = analysis.load(path)
    assert corpus.article("a").text == "First. " + SEPARATORS
    assert corpus.article("b").text == "Second. " + SEPARATORS


def test_csv_as_the_csv_module_writes_it_loads(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    texts = {  # a: no delimiter, quote or newline, so the csv module leaves it unquoted
        "a": "First.\u2028Line two.\u0085Line three.\u2029Last.",
        "b": "Second.\r\n\r\n" + SEPARATORS + "\rCR.",
    }
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "story_id", "role", "outlet", "date", "text"])
        for k, (article_id, text) in enumerate(texts.items()):
            writer.writerow([article_id, "s", "original" if k == 0 else "syndicated", "O",
                             "2020-01-01", text])  # fmt: skip
    corpus = analysis.load(path)
    assert {a.article_id: a.text for a in corpus.articles} == texts


def test_manifest_with_path_twice_is_an_error(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(PRINT_FILE.read_bytes() + name.encode())
    (tmp_path / "manifest.csv").write_text(
        "article_id,story_id,role,outlet,published,path,path\n"
        "a,s,original,O,2020-01-01,a.txt,b.txt\n"
        "b,s,syndicated,O,2020-01-02,b.txt,a.txt\n",
        encoding="utf-8",
    )
    with pytest.raises(ManifestError, match=r"manifest\.csv: column\(s\) path given twice"):
        analysis.load(tmp_path)


def test_table_with_id_and_article_id_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text("id,article_id,story_id,outlet,date,text\na,b,s,O,2020-01-01,Text.\n")
    with pytest.raises(ManifestError, match=r"articles\.csv: column\(s\) article_id given twice"):
        analysis.load(path)


def test_jsonl_key_twice_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl_line('"One.", "text": "Two."') + "\n", encoding="utf-8")
    with pytest.raises(
        ManifestError, match=r"articles\.jsonl:line 1: column\(s\) text given twice"
    ):
        analysis.load(path)


LOAD_SCRIPT = """
import sys
import analysis
try:
    analysis.load(sys.argv[1])
except analysis.CorpusError as error:
    print(error)
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="this platform has no FIFOs")
@pytest.mark.parametrize("which", ["article", "manifest"])
def test_fifo_is_refused_and_never_opened(tmp_path: Path, which: str) -> None:
    (tmp_path / "a.txt").write_bytes(PRINT_FILE.read_bytes())
    rows = [manifest_row("a", "a.txt", role="original"), manifest_row("b", "pipe.txt")]
    manifest = write_manifest(tmp_path, rows)
    target = tmp_path / "pipe.txt"
    if which == "manifest":
        target = tmp_path / "pipe.csv"
    os.mkfifo(target)
    done = subprocess.run(
        [sys.executable, "-c", LOAD_SCRIPT, str(manifest if which == "article" else target)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert f"{target}: is a FIFO (named pipe), not a regular file" in done.stdout, done.stderr


def test_device_is_refused_unopened(tmp_path: Path) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null on this platform")
    (tmp_path / "null.txt").symlink_to("/dev/null")  # like /dev/zero, which would never end
    with pytest.raises(CorpusError, match=r"null\.txt: is a device, not a regular file"):
        analysis.decoding.read_text_file(tmp_path / "null.txt")


WIDE = ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
BOM_OF = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
          "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1),
    encoding=st.sampled_from(WIDE),
)
def test_any_text_with_a_bom_round_trips(text: str, encoding: str) -> None:
    assert decode(BOM_OF[encoding] + text.encode(encoding), "t.txt") == (text, encoding, True)


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text("abcdefghijklmnopqrstuvwxyzäöüПутин", min_size=1), min_size=1),
    encoding=st.sampled_from(WIDE),
)
def test_words_without_a_bom_round_trip(words: list[str], encoding: str) -> None:
    text = " ".join(words) + ".\n"  # spaces and punctuation give the NUL pattern
    with pytest.warns(CorpusWarning, match=f"t.txt: no byte-order mark.*{encoding}"):
        got = decode(text.encode(encoding), "t.txt")
    assert got == (text, encoding, False)
