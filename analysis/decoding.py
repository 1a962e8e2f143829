"""Reading input files as text: one decoding for manifests, article files and tables.

- A byte-order mark says the encoding: UTF-8, UTF-16 LE/BE or UTF-32 LE/BE. The mark
  is not text and is dropped.
- Without a mark, NUL bytes in a regular pattern mean UTF-16 or UTF-32 (LE or BE):
  the file is decoded so, with a warning naming the file and the encoding used.
- Otherwise UTF-8; failing that, cp1252 with a warning. NUL bytes in any other
  pattern are refused (the file is binary or in an encoding that cannot be told).
- A path that is not a regular file (a FIFO, device or socket) is refused before
  it is opened, so reading never blocks.
"""

from __future__ import annotations

import hashlib
import os
import stat
import warnings
from pathlib import Path

from .errors import CorpusError, CorpusWarning, DecodingError, EmptyFileError, MissingFileError

BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
NUL_SHARE = 0.3  # share of NULs at one byte position (of 2 or 4) that says UTF-16/32
MIN_UTF16_NUL_SHARE = 0.02  # NULs (spaces, digits…) in one position only, e.g. Cyrillic text


def _nul_share(data: bytes, position: int, width: int) -> float:
    """Share of the bytes at ``position`` modulo ``width`` that are NUL."""
    column = data[position::width]
    return column.count(0) / len(column) if column else 0.0


def guess_wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 (LE or BE) told from the pattern of NUL bytes, or None.

    UTF-32 text has NULs in (nearly) every high byte of each 4; UTF-16 text has NULs
    only in one byte of each 2 (mostly-ASCII text in most of them, other scripts at
    least in the spaces and punctuation). The caller decodes strictly, so a wrong guess
    is an error, never garbage.
    """
    if b"\x00" not in data:
        return None
    if len(data) % 4 == 0:
        shares = [_nul_share(data, k, 4) for k in range(4)]
        if min(shares[2:]) > 1 - NUL_SHARE and shares[0] < NUL_SHARE:
            return "utf-32-le"
        if min(shares[:2]) > 1 - NUL_SHARE and shares[3] < NUL_SHARE:
            return "utf-32-be"
    if len(data) % 2 == 0:
        even, odd = _nul_share(data, 0, 2), _nul_share(data, 1, 2)
        if _one_sided(odd, even):
            return "utf-16-le"
        if _one_sided(even, odd):
            return "utf-16-be"
    return None


def _one_sided(share: float, other: float) -> bool:
    """NULs at one position of each 2 and (almost) none at the other."""
    return (share >= MIN_UTF16_NUL_SHARE and other == 0) or (
        share > NUL_SHARE and other < NUL_SHARE / 3
    )


def _strict(data: bytes, encoding: str, source: str | Path, how: str) -> str:
    """Decode strictly; a bad sequence (e.g. a lone surrogate) is a DecodingError."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodingError(
            source,
            f"{how} {encoding} but not valid {encoding} at byte offset {error.start} "
            f"({error.reason}); re-save the file as UTF-8",
        ) from None


def _cp1252(data: bytes, source: str | Path, utf8_error: UnicodeDecodeError) -> str:
    """The cp1252 fallback for bytes that are not UTF-8, with its warning."""
    where = f"byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as cp_error:
        raise DecodingError(
            source,
            f"not valid UTF-8 ({where}) and not cp1252 either "
            f"(byte 0x{data[cp_error.start]:02x} at offset {cp_error.start})",
        ) from None
    warnings.warn(
        f"{source}: not valid UTF-8 ({where}); decoded as cp1252. "
        "Check the result, or re-save the file as UTF-8.",
        CorpusWarning,
        stacklevel=4,
    )
    return text


def decode(data: bytes, source: str | Path) -> tuple[str, str, bool]:
    """Decode a file's bytes (see the module docstring): (text, encoding used, had a BOM)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], encoding, source, "has a byte-order mark for")
            return text, encoding, True
    wide = guess_wide_encoding(data)
    if wide is not None:
        text = _strict(data, wide, source, "has NUL bytes in the pattern of")
        warnings.warn(
            f"{source}: no byte-order mark, but its NUL bytes say {wide}; decoded as {wide}. "
            "Check the result, or re-save the file as UTF-8.",
            CorpusWarning,
            stacklevel=3,
        )
        return text, wide, False
    if b"\x00" in data:
        raise DecodingError(
            source,
            f"has {data.count(0)} NUL byte(s) (first at offset {data.index(0)}) in no UTF-16 "
            "or UTF-32 pattern: not a text file, or in an encoding that cannot be told; "
            "re-save it as UTF-8",
        )
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as utf8_error:
        return _cp1252(data, source, utf8_error), "cp1252", False


def check_regular_file(path: Path) -> None:
    """Raise unless ``path`` is a regular file (it is never opened to find out)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise MissingFileError(path, "file not found") from None
    except OSError as error:
        raise CorpusError(path, f"cannot be read ({error.strerror})") from None
    if stat.S_ISDIR(mode):
        raise CorpusError(path, "is a folder, not a text file")
    if not stat.S_ISREG(mode):
        kind = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "not a regular file"
        )
        raise CorpusError(path, f"is {kind}, not a regular file; it was not opened")


def read_text_file(path: Path) -> tuple[str, str, bool, str]:
    """Read and decode a text file: (text, encoding, had_bom, sha256 of the bytes)."""
    path = Path(path)
    check_regular_file(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CorpusError(path, f"cannot be read ({error.strerror})") from None
    text, encoding, had_bom = decode(data, path)
    if not text.strip():
        raise EmptyFileError(path, "file is empty" if not data else "file has only whitespace")
    return text, encoding, had_bom, hashlib.sha256(data).hexdigest()
