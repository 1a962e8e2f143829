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
  ``data/style_rules.csv`` (honorifics, "American" → "U.S.", title forms, …) and of the
  story's settings (e.g. the spellings of its names), which map the forms of two
  outlets to one shared form.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .errors import CorpusError
from .lexicon import data_rows
from .settings import StorySettings

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


@dataclass(frozen=True, eq=False)
class StyleRule:
    """One house-style rule: the form one outlet writes -> the shared (AP) form.

    The library's rules are in ``data/style_rules.csv``; a story adds its own in its
    settings (``style_rules`` in ``story.toml``, the same columns). Rules compare and hash
    by identity (each is compiled once), so a tuple of rules is a cheap cache key.
    """

    rule_id: str
    category: str
    pattern: re.Pattern[str]
    replacement: str
    triggers: tuple[str, ...]  # the rule can only match if one of these strings occurs
    rationale: str


RULE_COLUMNS = ("rule_id", "category", "pattern", "replacement", "triggers", "rationale")
"""The columns of a style rule (``triggers``: strings, ``|``-separated in the CSV)."""


def style_rule(row: Mapping[str, object], where: str) -> StyleRule:
    """A rule from a row with :data:`RULE_COLUMNS`; CorpusError naming ``where`` and the rule.

    ``triggers`` may be a ``|``-separated string or a sequence of strings; a row without
    ``rule_id``, ``category`` or ``pattern``, or with a bad regular expression, is an error.
    """
    rule_id = str(row.get("rule_id") or "")
    missing = [key for key in ("rule_id", "category", "pattern") if not row.get(key)]
    if missing:
        raise CorpusError(
            where, f"style rule {rule_id or '(no rule_id)'} lacks {', '.join(missing)}"
        )
    try:
        pattern = re.compile(str(row["pattern"]))
    except re.error as error:
        raise CorpusError(where, f"style rule {rule_id!r}: bad pattern: {error}") from None
    triggers = row.get("triggers") or ()
    if isinstance(triggers, str):
        triggers = triggers.split("|")
    return StyleRule(
        rule_id,
        str(row["category"]),
        pattern,
        str(row.get("replacement") or ""),
        tuple(str(t) for t in triggers if t),
        str(row.get("rationale") or ""),
    )


@cache
def library_style_rules() -> tuple[StyleRule, ...]:
    """The library's house-style rules (``data/style_rules.csv``), general to news."""
    return tuple(
        style_rule(row, f"data/style_rules.csv: rule {n}")
        for n, row in enumerate(data_rows("style_rules.csv"), start=1)
    )


Rules = tuple[StyleRule, ...]
_RowKey = tuple[tuple[tuple[str, object], ...], ...]


@cache
def _story_rules(rows: _RowKey, where: str) -> Rules:
    """The rules of settings rows, compiled once per distinct rows (hence the hashable key)."""
    return tuple(style_rule(dict(row), where) for row in rows)


BEFORE_STORY_RULES = ("honorific", "rank", "country_naming")
"""Categories of library rules applied before a story's own: they strip what stands before
a name (courtesy titles, ranks, country adjectives), so a story's rules for its names
(spellings, completions) see the bare name; the other library rules (title forms, dates)
come after. When two rules explain one edit, the first names its category."""


def style_rules(settings: StorySettings | None = None) -> Rules:
    """The house-style rules in the order they are applied.

    ``settings``: a story's settings (``corpus.settings(story_id)``). Its ``style_rules``
    rows are validated (a bad regex is a CorpusError naming the settings file and the
    rule) and compiled once; they are applied after the library rules of
    :data:`BEFORE_STORY_RULES` and before the other library rules.
    """
    library = library_style_rules()
    if settings is None or not settings.style_rules:
        return library
    key = tuple(tuple(sorted(row.items())) for row in settings.style_rules)
    story = _story_rules(key, f"{settings.source or 'settings'} [style_rules]")
    before = tuple(r for r in library if r.category in BEFORE_STORY_RULES)
    return before + story + tuple(r for r in library if r.category not in BEFORE_STORY_RULES)


def style_rules_table(rules: Rules | None = None) -> pd.DataFrame:
    """House-style rules as a table (the columns of ``data/style_rules.csv``).

    ``rules``: default the library's.
    """
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
            for r in (library_style_rules() if rules is None else rules)
        ],
        columns=list(RULE_COLUMNS),
    )


def apply_style_counts(text: str, rules: Rules | None = None) -> tuple[str, dict[str, int]]:
    """The style view of ``text`` and how many times each rule fired (every rule is a key).

    ``rules``: the rules to apply (default: the library's, :func:`style_rules`).
    """
    view = typography(text)
    counts = {}
    for rule in library_style_rules() if rules is None else rules:
        if rule.triggers and not any(t in view for t in rule.triggers):
            counts[rule.rule_id] = 0  # a plain substring test is much cheaper than the regex
            continue
        view, counts[rule.rule_id] = rule.pattern.subn(rule.replacement, view)
    return view, counts


def apply_style(text: str, rules: Rules | None = None) -> tuple[str, list[str]]:
    """Text with typography and every house-style rule applied, and the ids of the rules that fired.

    Both versions of a story are mapped to the same (AP-like) form, so what still differs
    afterwards is not house style.
    """
    view, counts = apply_style_counts(text, rules)
    return view, [rule_id for rule_id, n in counts.items() if n]


def style_view(text: str, rules: Rules | None = None) -> str:
    """Text with typography and house style normalised (case kept); ``rules`` as above."""
    return apply_style(text, rules)[0]
