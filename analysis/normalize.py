"""Comparison views of text. The single place that maps text to a normalised form.

Views are derived strings for comparing versions; they are never written back and
never used for offsets (offsets always point into the original text).

- :func:`typography`: Unicode NFC (so composed and decomposed accents compare equal),
  invisible format characters removed (every character of category Cf: soft hyphen,
  zero-width space, ZWNJ, ZWJ, word joiner, bidi marks, stray BOM…), straight quotes
  for curly ones, one dash style (``--`` for em dashes, ``-`` for en dashes), ``...``
  for the ellipsis character, NBSP and other spaces as a plain space, runs of
  whitespace as one space. NFC can change a string's length: a view is never used
  to compute an offset.
- :func:`comparison_view`: typography, then case folding.

- :func:`style_view`: typography, then the house-style rules of
  ``data/style_rules.csv`` (honorifics, "American" → "U.S.", "Suleimani" →
  "Soleimani", …), which map the NYT and AP forms to one shared form.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd

INVISIBLE_CHARACTERS = "".join(  # every format character (Unicode category Cf)
    chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"
)  # soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, bidi marks and controls, BOM, tag characters…
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
    }
    | {char: None for char in INVISIBLE_CHARACTERS}
)
_SPACES_RE = re.compile(r"\s+")


def typography(text: str) -> str:
    """Text in NFC, without invisible format characters, and with quotes, dashes, ellipses
    and spaces in one style (see module docstring)."""
    return _SPACES_RE.sub(
        " ", unicodedata.normalize("NFC", text).translate(TYPOGRAPHY_TABLE)
    ).strip()


def comparison_view(text: str) -> str:
    """The view versions are compared on: typography normalised, then case-folded."""
    return typography(text).casefold()


@dataclass(frozen=True)
class StyleRule:
    """One house-style rule from ``data/style_rules.csv``: NYT form -> the shared (AP) form."""

    rule_id: str
    category: str
    pattern: re.Pattern[str]
    replacement: str
    triggers: tuple[str, ...]  # the rule can only match if one of these strings occurs
    rationale: str


@cache
def style_rules() -> tuple[StyleRule, ...]:
    """The house-style rules, in the order they are applied."""
    text = resources.files("analysis").joinpath("data/style_rules.csv").read_text("utf-8")
    rules = []
    for row in csv.DictReader(io.StringIO(text)):
        rules.append(
            StyleRule(
                row["rule_id"],
                row["category"],
                re.compile(row["pattern"]),
                row["replacement"],
                tuple(t for t in row["triggers"].split("|") if t),
                row["rationale"],
            )
        )
    return tuple(rules)


def style_rules_table() -> pd.DataFrame:
    """The house-style rules as a table (the columns of ``data/style_rules.csv``)."""
    return pd.DataFrame(
        [
            {
                "rule_id": r.rule_id,
                "category": r.category,
                "pattern": r.pattern.pattern,
                "replacement": r.replacement,
                "triggers": "|".join(r.triggers),
                "rationale": r.rationale,
            }
            for r in style_rules()
        ]
    )


def apply_style_counts(text: str) -> tuple[str, dict[str, int]]:
    """The style view of ``text`` and how many times each rule fired (every rule is a key)."""
    view = typography(text)
    counts = {}
    for rule in style_rules():
        if rule.triggers and not any(t in view for t in rule.triggers):
            counts[rule.rule_id] = 0  # a plain substring test is much cheaper than the regex
            continue
        view, counts[rule.rule_id] = rule.pattern.subn(rule.replacement, view)
    return view, counts


def apply_style(text: str) -> tuple[str, list[str]]:
    """Text with typography and every house-style rule applied, and the ids of the rules that fired.

    Both versions of a story are mapped to the same (AP-like) form, so what still differs
    afterwards is not house style.
    """
    view, counts = apply_style_counts(text)
    return view, [rule_id for rule_id, n in counts.items() if n]


def style_view(text: str) -> str:
    """Text with typography and house style normalised (case kept)."""
    return apply_style(text)[0]
