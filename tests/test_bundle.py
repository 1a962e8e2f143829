"""Tables computed once and shared with the notebooks: same tables, and never stale."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import SEEDS, STORY_ID, manifest_row, write_manifest

import analysis
import analysis.report.bundle as bundle_module
from analysis import registry
from analysis.errors import CorpusError, NeedsTwoVersionsError
from analysis.report.bundle import (
    StaleBundleWarning,
    abandon,
    open_story,
    reserve,
    share,
    write_bundle,
)


def _bundle(manifest: Path, folder: Path, story_id: str = STORY_ID) -> Path:
    """Compute every table of the story and write its bundle, as the report does."""
    corpus = analysis.load(str(manifest), story=story_id)
    inputs = [manifest] + [Path(a.source.source) for a in corpus.articles]
    share(folder / "bundle.pickle", corpus, story_id, manifest, inputs)
    return folder / "bundle.pickle"


@pytest.fixture(scope="module")
def seed_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seed folder (so tests may edit it) and its manifest."""
    folder = tmp_path_factory.mktemp("seeds")
    for path in SEEDS.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    return folder / "manifest.csv"


@pytest.fixture(scope="module")
def seed_bundle(seed_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _bundle(seed_copy, tmp_path_factory.mktemp("bundle"))


@pytest.mark.parametrize("name", registry.ANALYSES)
def test_bundle_gives_the_tables_a_notebook_computes(
    name: str, seed_copy: Path, seed_bundle: Path
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", StaleBundleWarning)
        corpus, shared = open_story(seed_copy, STORY_ID, name, seed_bundle)
    fresh_corpus, fresh = open_story(seed_copy, STORY_ID, name)
    assert list(shared) == list(fresh) and shared
    for table in fresh:
        pd.testing.assert_frame_equal(shared[table], fresh[table], obj=table)
    pd.testing.assert_frame_equal(corpus["sentences"], fresh_corpus["sentences"])


def test_findings_from_the_shared_tables_match_each_analysis(corpus: analysis.Corpus) -> None:
    results = registry.compute(corpus, STORY_ID)
    expected = [
        (module.__name__.rsplit(".", 1)[-1], sentence)
        for module in registry.modules()
        for sentence in module.key_findings_from(module.story_tables(corpus, STORY_ID))
    ]
    assert results.key_findings() == expected
    assert any("rebuttal" in s for _, s in expected)  # the findings say something real


def test_changed_input_makes_the_bundle_stale(tmp_path: Path) -> None:
    for path in SEEDS.iterdir():
        if path.is_file() and path.suffix == ".txt":
            shutil.copy(path, tmp_path / path.name)
    names = sorted(p.name for p in tmp_path.glob("*.txt"))
    manifest = write_manifest(
        tmp_path,
        [
            manifest_row("nyt", names[0], role="original", story_id=STORY_ID),
            manifest_row("print", names[1], story_id=STORY_ID),
        ],
    )
    bundle = _bundle(manifest, tmp_path / "out")
    edited = tmp_path / names[1]
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("direct rebuttal", "direct riposte"),
        encoding="utf-8",
    )
    with pytest.warns(StaleBundleWarning, match=rf"{names[1]} changed"):
        _, tables = open_story(manifest, STORY_ID, "wording", bundle)
    assert "riposte" in set(tables["edits"]["new_text"])  # computed from the edited file


def test_other_options_or_story_are_not_served_from_the_bundle(
    seed_copy: Path, seed_bundle: Path
) -> None:
    with pytest.warns(StaleBundleWarning, match="other options"):
        _, tables = open_story(seed_copy, STORY_ID, "framing", seed_bundle, terms=["troops"])
    assert set(tables["term_counts"]["term"]) == {"troops"}
    with (
        pytest.warns(StaleBundleWarning, match="written for story"),
        pytest.raises(CorpusError, match="no such story"),
    ):
        open_story(seed_copy, "another-story", "overview", seed_bundle)
    with pytest.warns(StaleBundleWarning, match="manifest"):
        open_story(None, STORY_ID, "overview", seed_bundle)


def test_default_options_are_served_from_the_bundle(seed_copy: Path, seed_bundle: Path) -> None:
    with warnings.catch_warnings():  # notebook 04 passes no terms: the story's settings name them
        warnings.simplefilter("error", StaleBundleWarning)
        _, tables = open_story(seed_copy, STORY_ID, "framing", seed_bundle)
    assert list(dict.fromkeys(tables["term_counts"]["term"]))[:2] == ["rebuffed", "rebuttal"]


def test_missing_bundle_is_a_clear_error_and_garbage_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.pickle"
    with pytest.raises(CorpusError, match=r"nothing\.pickle: bundle not found"):
        open_story(None, STORY_ID, "overview", missing)
    garbage = tmp_path / "garbage.pickle"
    garbage.write_text("<html>not a pickle</html>", encoding="utf-8")
    with pytest.warns(StaleBundleWarning, match=r"garbage\.pickle: .*not signed by this run"):
        _, tables = open_story(None, STORY_ID, "overview", garbage)
    assert len(tables["versions"]) == 2
    with pytest.raises(ValueError, match="unknown analysis"):
        open_story(None, STORY_ID, "sentiment")


def test_one_version_story_raises_as_without_a_bundle(tmp_path: Path) -> None:
    (tmp_path / "solo.txt").write_text("A Headline\nOfficials said nothing.\n", encoding="utf-8")
    manifest = write_manifest(tmp_path, [manifest_row("solo", "solo.txt", role="original")])
    bundle = _bundle(manifest, tmp_path, "story-1")
    _, tables = open_story(manifest, "story-1", "overview", bundle)
    assert tables["versions"]["article_id"].tolist() == ["solo"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", StaleBundleWarning)
        with pytest.raises(NeedsTwoVersionsError, match="only one version"):
            open_story(manifest, "story-1", "wording", bundle)


def test_a_reserved_bundle_is_waited_for(seed_copy: Path, tmp_path: Path) -> None:
    """The report starts the notebooks while it computes: they wait for the bundle."""
    target = reserve(tmp_path / "bundle.pickle")
    corpus = analysis.load(str(seed_copy), story=STORY_ID)
    results = registry.compute(corpus, STORY_ID)
    inputs = [seed_copy] + [Path(a.source.source) for a in corpus.articles]
    writer = threading.Timer(0.5, write_bundle, (target, corpus, results, seed_copy, inputs))
    writer.start()
    start = time.monotonic()
    with warnings.catch_warnings():
        warnings.simplefilter("error", StaleBundleWarning)
        _, tables = open_story(seed_copy, STORY_ID, "quotes", target)
    writer.join()
    assert time.monotonic() - start >= 0.4
    assert not (tmp_path / "bundle.pickle.pending").exists()
    pd.testing.assert_frame_equal(tables["quotes"], results.tables["quotes"]["quotes"])


def test_an_abandoned_or_orphaned_reservation_is_not_waited_for(tmp_path: Path) -> None:
    target = reserve(tmp_path / "bundle.pickle")
    abandon(target)
    with pytest.raises(CorpusError, match="bundle not found"):
        open_story(None, STORY_ID, "overview", target)
    dead = subprocess.Popen(["true"])  # a process id that no longer runs
    dead.wait()
    (tmp_path / "bundle.pickle.pending").write_text(str(dead.pid), encoding="ascii")
    start = time.monotonic()
    with pytest.raises(CorpusError, match="bundle not found"):
        open_story(None, STORY_ID, "overview", target)
    assert time.monotonic() - start < 5


class _Payload:
    """Unpickling this runs a command that writes a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple:
        return (Path.write_text, (self.marker, "payload ran"))


def _refused(bundle: Path) -> dict:
    with pytest.warns(StaleBundleWarning, match="not signed by this run"):
        _, tables = open_story(None, STORY_ID, "overview", bundle)
    return tables


def test_planted_payload_bundle_never_runs(tmp_path: Path) -> None:
    import pickle

    marker = tmp_path / "marker"
    planted = tmp_path / "bundle.pickle"
    planted.write_bytes(pickle.dumps(_Payload(marker)))
    assert len(_refused(planted)["versions"]) == 2
    # Even with a well-formed signature line made with another key.
    forged = bundle_module.SIGNATURE_PREFIX + b"0" * 64 + b"\n" + pickle.dumps(_Payload(marker))
    planted.write_bytes(forged)
    _refused(planted)
    assert not marker.exists()


def test_bundle_of_another_run_or_altered_is_refused(
    seed_copy: Path, seed_bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    signed = seed_bundle.read_bytes()
    altered = tmp_path / "altered.pickle"
    flipped = bytearray(signed)
    flipped[-100] ^= 0x01  # one bit inside the pickled tables
    altered.write_bytes(bytes(flipped))
    _refused(altered)
    monkeypatch.setenv(bundle_module.KEY_VARIABLE, "ab" * 32)  # another run's key
    _refused(seed_bundle)
    monkeypatch.delenv(bundle_module.KEY_VARIABLE)  # no run at all: nothing is trusted
    _refused(seed_bundle)
