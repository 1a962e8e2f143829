"""Safe outputs: files renamed into place, folders replaced whole, one writer per folder.

- :func:`write_text` / :func:`write_bytes` / :func:`replacing` write to a temporary name
  in the file's own folder and rename it into place: a reader sees the old file or the
  new one, never half of one.
- :func:`staged` builds a folder's new content in a fresh staging folder beside it and
  swaps it in only when the whole build succeeded: an interrupted or failed run leaves
  the previous complete folder (or nothing), never a mix.
- :func:`locked` holds ``<folder>.lock`` (``fcntl.flock``) beside the folder: a second
  run into the same folder is refused with :class:`~analysis.errors.OutputError`.
- A read-only, permission-denied or full folder is an :class:`OutputError` naming it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import OutputError

OUTPUT_ERRNOS = frozenset(
    {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
)
"""Errors that mean "this folder cannot take the output", not a bug."""

STAGING_PREFIX = ".staging-"
RETIRED_PREFIX = ".retired-"


def output_problem(error: BaseException) -> OSError | None:
    """The OSError of an unwritable/full folder behind ``error`` (its causes too), if any."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno in OUTPUT_ERRNOS:
            return current
        current = current.__cause__ or current.__context__
    return None


@contextmanager
def replacing(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it onto ``path`` if the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; return the path."""
    with replacing(path) as temporary:
        temporary.write_bytes(data)
    return Path(path)


def write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically; return the path."""
    return write_bytes(path, text.encode("utf-8"))


def _lock_path(folder: Path) -> Path:
    return folder.with_name(folder.name + ".lock")


@contextmanager
def locked(folder: str | Path) -> Iterator[Path]:
    """Hold the lock of ``folder`` (``<folder>.lock``); OutputError if another run holds it."""
    folder = Path(folder).resolve()
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        handle = open(_lock_path(folder), "a+b")  # noqa: SIM115 (held for the whole block)
    except OSError as error:
        raise OutputError(folder, f"cannot be written ({error.strerror})") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(
                folder, "another run is writing to this folder now; wait for it to finish"
            ) from None
        yield folder
    finally:
        handle.close()  # releases the lock


def _remove_leftovers(folder: Path) -> None:
    """Staging and retired folders of earlier runs that were killed (call under the lock)."""
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for old in folder.parent.glob(f".{folder.name}{prefix}*"):
            shutil.rmtree(old, ignore_errors=True)


def _swap_in(staging: Path, folder: Path) -> None:
    """Put ``staging`` where ``folder`` is; the previous folder is removed after."""
    retired = None
    if folder.exists():
        retired = Path(
            tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}{RETIRED_PREFIX}")
        )
        os.replace(folder, retired / folder.name)
    os.replace(staging, folder)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


@contextmanager
def staged(folder: str | Path) -> Iterator[Path]:
    """Yield a fresh, private staging folder beside ``folder``; swap it in on success.

    Hold :func:`locked` around it. On any error (or interruption) the staging folder is
    removed and ``folder`` is left as it was. OutputError if the folder cannot be written.
    """
    folder = Path(folder).resolve()
    _remove_leftovers(folder)
    try:
        staging = Path(
            tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}{STAGING_PREFIX}")
        )
    except OSError as error:
        raise OutputError(folder.parent, f"cannot be written ({error.strerror})") from None
    try:
        yield staging
        os.chmod(staging, 0o755)
        _swap_in(staging, folder)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        problem = output_problem(error)
        if problem is not None and not isinstance(error, OutputError):
            raise OutputError(folder, f"cannot be written ({problem.strerror})") from None
        raise
