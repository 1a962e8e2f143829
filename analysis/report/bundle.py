"""A story's tables computed once and shared: what the report hands to its notebooks.

``python -m analysis report`` computes every table of the story once
(:func:`analysis.registry.compute`), writes them with the story's corpus to a *bundle*
file, and passes its path to every notebook as the papermill parameter ``bundle``. Each
notebook opens its story with :func:`open_story`, which reads the bundle when one is given
and still matches, and otherwise loads the files and computes the tables itself: a
notebook gives the same tables with or without a bundle, and runs on its own.

A bundle matches when it was written for the same story and manifest, every input file
still has the SHA-256 recorded in it, the library's source is unchanged (a fingerprint
of ``analysis/``) and the notebook asks for the options the tables were computed with.
Otherwise :class:`StaleBundleWarning` says why and the tables are computed afresh.

The report starts the notebooks while it computes the tables: it first *reserves* the
bundle (a ``<bundle>.pending`` file holding its process id), and :func:`open_story` waits
for a reserved bundle to appear (at most :data:`WAIT_SECONDS`, and only while the writing
process lives).

The bundle is a pickle, so it is signed: its first line is an HMAC-SHA256 of the rest
made with a random key that lives only in the environment of the run that wrote it
(:data:`KEY_VARIABLE`, inherited by the notebook kernels the run starts, never written to
disk). :func:`open_story` checks the signature *before* unpickling: a bundle written by
another run, planted, or altered in any byte (tables included) is refused with a
:class:`StaleBundleWarning` and the tables are computed afresh; nothing of it is unpickled.
"""

from __future__ import annotations

import hashlib
import hmac
import inspect
import os
import pickle
import secrets
import time
import warnings
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path

import pandas as pd

from ..corpus import SEED_MANIFEST, file_sha256
from ..errors import CorpusError
from ..registry import ANALYSES, StoryResults, compute, module
from ..tables import Corpus, load

__all__ = [
    "BUNDLE_FORMAT",
    "StaleBundleWarning",
    "abandon",
    "compute_with",
    "open_story",
    "reserve",
    "run_key",
    "share",
    "write_bundle",
]

BUNDLE_FORMAT = 1
"""Version of the bundle layout; a bundle of another format is not used."""

KEY_VARIABLE = "ANALYSIS_BUNDLE_KEY"
"""Environment variable holding this run's signing key (hex); see :func:`run_key`."""

SIGNATURE_PREFIX = b"analysis-bundle-hmac-sha256 "

PACKAGE_DIR = Path(__file__).resolve().parent.parent

WAIT_SECONDS = 600.0
"""How long :func:`open_story` waits for a reserved bundle before giving up."""


class StaleBundleWarning(UserWarning):
    """A bundle was given but does not match; the tables were computed afresh."""


@cache
def source_fingerprint() -> str:
    """SHA-256 over the library's source and data files (paths and contents)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _sha256(path: Path) -> str | None:
    """Hex SHA-256 of a file, or None if it cannot be read."""
    try:
        return file_sha256(path)
    except OSError:
        return None


def _manifest_path(manifest: str | Path | None) -> str:
    """The manifest as an absolute path string (None: the seed manifest)."""
    return str(Path(manifest if manifest is not None else SEED_MANIFEST).resolve())


def run_key(*, fresh: bool = False) -> bytes:
    """This run's bundle key: from :data:`KEY_VARIABLE`, made (random) if absent or ``fresh``.

    The report calls it with ``fresh=True`` before starting its notebooks, which inherit it.
    """
    if fresh or not os.environ.get(KEY_VARIABLE):
        os.environ[KEY_VARIABLE] = secrets.token_hex(32)
    return bytes.fromhex(os.environ[KEY_VARIABLE])


def _signature(data: bytes, key: bytes) -> bytes:
    return hmac.new(key, data, hashlib.sha256).hexdigest().encode("ascii")


def sign(data: bytes) -> bytes:
    """``data`` preceded by its signature line (this run's key)."""
    return SIGNATURE_PREFIX + _signature(data, run_key()) + b"\n" + data


def verified(signed: bytes) -> bytes | None:
    """The data of a bundle signed with this run's key, or None (unsigned, foreign, altered)."""
    key = os.environ.get(KEY_VARIABLE)
    header, newline, data = signed.partition(b"\n")
    if not key or not newline or not header.startswith(SIGNATURE_PREFIX):
        return None
    try:
        expected = _signature(data, bytes.fromhex(key))
    except ValueError:
        return None
    return data if hmac.compare_digest(header[len(SIGNATURE_PREFIX) :], expected) else None


def _pending(path: Path) -> Path:
    """The marker that says ``path`` is being written."""
    return path.with_name(path.name + ".pending")


def reserve(path: str | Path) -> Path:
    """Say that the bundle at ``path`` is being computed: readers wait for it.

    Removes any earlier bundle at ``path``. Follow with :func:`write_bundle` or, if the
    computation fails, :func:`abandon`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    _pending(path).write_text(str(os.getpid()), encoding="ascii")
    return path


def abandon(path: str | Path) -> None:
    """Withdraw a reservation: readers stop waiting and report the bundle missing."""
    _pending(Path(path)).unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    """Whether a process with this id exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def _wait_for(path: Path, timeout: float = WAIT_SECONDS) -> None:
    """Return once ``path`` exists, its reservation is withdrawn, its writer died, or timeout."""
    deadline = time.monotonic() + timeout
    pending = _pending(path)
    while not path.exists() and time.monotonic() < deadline:
        try:
            writer = int(pending.read_text(encoding="ascii"))
        except (OSError, ValueError):
            return  # not reserved (or withdrawn)
        if not _alive(writer):
            return
        time.sleep(0.02)


def write_bundle(
    path: str | Path,
    corpus: Corpus,
    results: StoryResults,
    manifest: str | Path | None,
    inputs: Sequence[Path],
) -> Path:
    """Write the story's corpus and computed tables to ``path`` (a pickle); return it.

    ``corpus`` is the story's corpus, ``results`` what :func:`analysis.registry.compute`
    gave for it, ``manifest`` what the notebooks receive as their ``manifest`` parameter,
    ``inputs`` every file the tables depend on (manifest and article files).
    """
    path = Path(path)
    payload = {
        "format": BUNDLE_FORMAT,
        "story_id": results.story_id,
        "manifest": _manifest_path(manifest),
        "inputs": {str(Path(p).resolve()): _sha256(Path(p)) for p in inputs},
        "source": source_fingerprint(),
        "corpus": corpus.story(results.story_id),
        "results": results,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(sign(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)))
    partial.replace(path)  # a reader never sees half a bundle
    abandon(path)  # the reservation, if any, is fulfilled
    return path


def share(
    path: str | Path,
    corpus: Corpus,
    story_id: str,
    manifest: str | Path | None,
    inputs: Sequence[Path],
    options: Mapping[str, Mapping[str, object]] | None = None,
) -> StoryResults:
    """Compute every table of the story once and write its bundle to ``path``.

    Returns the results (:func:`compute_with`). If the computation fails, a
    reservation of ``path`` (:func:`reserve`) is withdrawn, so no reader waits in vain.
    """
    try:
        results = compute_with(corpus, story_id, options)
        write_bundle(path, corpus, results, manifest, inputs)
    finally:
        abandon(path)  # no-op once written
    return results


def compute_with(
    corpus: Corpus, story_id: str, options: Mapping[str, Mapping[str, object]] | None = None
) -> StoryResults:
    """:func:`analysis.registry.compute` with per-analysis ``options`` (e.g. framing terms).

    Uses ``compute``'s own ``options`` argument where it has one; otherwise recomputes the
    analyses whose options differ from their defaults.
    """
    options = {name: dict(values) for name, values in (options or {}).items()}
    if "options" in inspect.signature(compute).parameters:
        return compute(corpus, story_id, options=options)  # type: ignore[call-arg]
    results = compute(corpus, story_id)
    story = corpus.story(story_id)
    for name, values in options.items():
        if name in results.skipped or not values:
            continue
        chosen = {**results.options.get(name, {}), **values}
        extra = {"quotes": results.tables["quotes"]["quotes"]} if name == "framing" else {}
        results.tables[name] = module(name).story_tables(story, story_id, **chosen, **extra)
        results.options[name] = chosen
    return results


def _same_options(requested: Mapping[str, object], recorded: Mapping[str, object]) -> bool:
    """Whether ``requested`` options match ``recorded`` ones (sequences compared as lists).

    A requested None is the analysis's default: it matches an option not recorded (the
    registry records only the options given or defaulted to a value).
    """

    def plain(value: object) -> object:
        return list(value) if isinstance(value, list | tuple) else value

    return all(
        plain(value) == plain(recorded.get(key)) if key in recorded else value is None
        for key, value in requested.items()
    )


class ForeignBundle(Exception):
    """The bundle is not signed by this run: it is never unpickled."""


def _read(path: Path) -> dict:
    """The bundle's payload; CorpusError naming the file if it is missing or unreadable.

    Waits for a bundle that is reserved (see :func:`reserve`) but not yet written.
    ForeignBundle if it is not signed with this run's key (checked before unpickling).
    """
    _wait_for(path)
    if not path.is_file():
        raise CorpusError(path, "bundle not found (it is written by `python -m analysis report`)")
    data = verified(path.read_bytes())
    if data is None:
        raise ForeignBundle("it is not signed by this run (foreign, planted or altered)")
    try:
        payload = pickle.loads(data)
    except Exception as error:  # any unpickling failure means the file is not a bundle
        raise CorpusError(
            path, f"not a readable bundle ({type(error).__name__}: {error})"
        ) from None
    if not isinstance(payload, dict) or "format" not in payload:
        raise CorpusError(path, "not a bundle written by `python -m analysis report`")
    return payload


def _mismatch(payload: dict, manifest: str | Path | None, story_id: str) -> str | None:
    """Why the bundle does not fit this story and these files, or None if it does."""
    if payload["format"] != BUNDLE_FORMAT:
        return f"it has format {payload['format']}, this library reads {BUNDLE_FORMAT}"
    if payload["story_id"] != story_id:
        return f"it was written for story {payload['story_id']!r}, not {story_id!r}"
    if payload["manifest"] != _manifest_path(manifest):
        return f"it was written for the manifest {payload['manifest']}"
    for name, digest in payload["inputs"].items():
        if _sha256(Path(name)) != digest:
            return f"{name} changed since it was written"
    if payload["source"] != source_fingerprint():
        return "the library's source changed since it was written"
    return None


def _fresh(
    manifest: str | Path | None, story_id: str, name: str, options: dict[str, object]
) -> tuple[Corpus, dict[str, pd.DataFrame]]:
    """Load the story and compute one analysis's tables."""
    corpus = load(None if manifest is None else str(manifest), story=story_id)
    return corpus, module(name).story_tables(corpus, story_id, **options)


def _warn_stale(bundle: str | Path, why: str) -> None:
    warnings.warn(
        f"{bundle}: bundle not used, {why}; computing the tables afresh",
        StaleBundleWarning,
        stacklevel=3,
    )


def open_story(
    manifest: str | Path | None,
    story_id: str,
    analysis: str,
    bundle: str | Path | None = None,
    **options: object,
) -> tuple[Corpus, dict[str, pd.DataFrame]]:
    """The story's corpus and the tables of one analysis (``"wording"``, ``"framing"``...).

    Without ``bundle`` this is ``corpus = load(manifest, story=story_id)`` followed by
    ``analysis.<analysis>.story_tables(corpus, story_id, **options)``. With a bundle that
    matches (see the module docstring), both come from the bundle; with one that does not,
    a :class:`StaleBundleWarning` says why and they are computed afresh. A missing or
    unreadable bundle raises CorpusError naming the file. Errors of the analysis itself
    (e.g. NeedsTwoVersionsError) are raised as without a bundle.
    """
    if analysis not in ANALYSES:
        raise ValueError(f"unknown analysis {analysis!r}; the analyses are {', '.join(ANALYSES)}")
    if bundle is None:
        return _fresh(manifest, story_id, analysis, options)
    try:
        payload = _read(Path(bundle))
    except ForeignBundle as refused:
        _warn_stale(bundle, str(refused))
        return _fresh(manifest, story_id, analysis, options)
    why = _mismatch(payload, manifest, story_id)
    results: StoryResults = payload["results"]
    recorded = results.options.get(analysis, {})
    if why is None and not _same_options(options, recorded):
        why = f"its {analysis} tables were computed with other options ({recorded})"
    if why is None and analysis in results.skipped:  # e.g. a one-version story: say why
        return _fresh(manifest, story_id, analysis, options)
    if why is None and analysis not in results.tables:
        why = f"it has no {analysis} tables"
    if why is not None:
        _warn_stale(bundle, why)
        return _fresh(manifest, story_id, analysis, options)
    return payload["corpus"], dict(results.tables[analysis])
