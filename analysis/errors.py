"""The errors and warnings the library raises about its input.

Every message starts with the file (or ``file:row``) it is about, then the problem,
so a researcher with a corpus of hundreds of files can find the culprit at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path


class CorpusError(ValueError):
    """Bad input: the message names the file (or file and row) and the problem."""

    def __init__(self, source: str | Path, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"{self.source}: {problem}")


class MissingFileError(CorpusError, FileNotFoundError):
    """A file named by the caller or a manifest does not exist."""


class EmptyFileError(CorpusError):
    """A file, or an article's text, is empty or only whitespace."""


class DecodingError(CorpusError):
    """A file cannot be decoded (see analysis/decoding.py), or a JSONL string holds a lone
    surrogate."""


class DuplicateIdError(CorpusError):
    """Two articles share an article id."""


class ManifestError(CorpusError):
    """A manifest or article table is malformed (columns, values, paths)."""


class PathEscapeError(ManifestError):
    """A manifest path points outside the manifest's folder."""


class ChecksumError(CorpusError):
    """A file's SHA-256 differs from the one the manifest records."""


class ParseError(CorpusError):
    """An article's text cannot be split into its parts (e.g. no body)."""


class NeedsTwoVersionsError(CorpusError):
    """A comparison was asked of a story that does not have two versions."""


class OfflineError(RuntimeError):
    """Something tried to download a resource; this project never does."""


class ReportError(RuntimeError):
    """One or more notebooks failed to execute or render.

    ``failures`` maps each failed notebook to its error message; ``html_paths`` lists the
    pages that were written for the notebooks that succeeded.
    """

    def __init__(
        self,
        message: str,
        failures: Mapping[Path, str] | None = None,
        html_paths: Sequence[Path] = (),
    ) -> None:
        super().__init__(message)
        self.failures: dict[Path, str] = dict(failures or {})
        self.html_paths: list[Path] = list(html_paths)


class CorpusWarning(UserWarning):
    """Input was accepted but with a caveat the researcher must see (e.g. cp1252)."""


class OutputError(OSError):
    """An output folder cannot be written (read-only, permission denied, full, or busy)."""

    def __init__(self, folder: str | Path, problem: str) -> None:
        super().__init__(f"{folder}: {problem}")
        self.folder = Path(folder)
        self.problem = problem
