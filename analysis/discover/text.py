"""The text that discovery compares, and the words and wire credits read from it."""

from __future__ import annotations

import re
import unicodedata

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
WIRE_CREDIT_RE = re.compile(
    r"\((AP|Reuters|AFP|Bloomberg|dpa)\)|\b(Associated Press|Reuters|Agence France-Presse)\b"
)


def body_for_discovery(text: str) -> str:
    """The article body that discovery compares.

    The text as read. Boilerplate that many articles share is dropped later, as shingles
    found in too many articles (:mod:`analysis.discover.frequent`); running the web
    clean-up layer (:mod:`analysis.clean`) here is the next step.
    """
    return text


def words(text: str) -> list[str]:
    """Normalised words of ``text``: NFKC, case-folded, curly apostrophes made straight."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return [w.replace("’", "'") for w in WORD_RE.findall(folded)]


def wire_credit(text: str) -> str:
    """The first wire credit in the first 600 characters, e.g. ``(AP)``; "" if none."""
    match = WIRE_CREDIT_RE.search(text[:600])
    return match.group(0) if match else ""
