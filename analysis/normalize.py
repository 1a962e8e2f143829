"""Comparison views of text. The single place that maps text to a normalised form.

Views are derived strings for comparing versions; they are never written back and
never used for offsets (offsets always point into the original text).

- :func:`typography`: straight quotes for curly ones, one dash style (``--`` for em
  dashes, ``-`` for en dashes), ``...`` for the ellipsis character, NBSP and other
  spaces as a plain space, soft hyphens removed, runs of whitespace as one space.
- :func:`comparison_view`: typography, then case folding.

House-style rules (honorifics, "American" → "U.S.") are added by the wording module
on top of these views.
"""

from __future__ import annotations

import re

TYPOGRAPHY_TABLE = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark / apostrophe
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u2033": '"',  # double prime
        "\u00ab": '"',  # guillemets
        "\u00bb": '"',
        "\u2014": "--",  # em dash
        "\u2015": "--",  # horizontal bar
        "\u2013": "-",  # en dash
        "\u2012": "-",  # figure dash
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2026": "...",  # ellipsis
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,  # zero-width no-break space (stray BOM)
    }
)
_SPACES_RE = re.compile(r"\s+")


def typography(text: str) -> str:
    """Text with quotes, dashes, ellipses and spaces in one style (see module docstring)."""
    return _SPACES_RE.sub(" ", text.translate(TYPOGRAPHY_TABLE)).strip()


def comparison_view(text: str) -> str:
    """The view versions are compared on: typography normalised, then case-folded."""
    return typography(text).casefold()
