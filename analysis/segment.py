"""Sentences and tokens of a paragraph, as spans into the original text.

Sentences come from NLTK's Punkt with parameters we supply (no trained model, so no
download): the news abbreviations in ``data/abbreviations.txt`` never end a sentence,
and a closing quotation mark stays with its sentence. Tokens come from NLTK's
RegexpTokenizer with a news-aware pattern: abbreviations ("Mr.", "U.S."), numbers
("5,200"), hyphenated names ("Jean-Pierre") and contractions ("won’t") are one token.
"""

from __future__ import annotations

import re
from functools import cache

from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicon import data_lines


@cache
def abbreviations() -> tuple[str, ...]:
    """The abbreviations of ``data/abbreviations.txt``, as written (with final period)."""
    lines = (line.strip() for line in data_lines("abbreviations.txt"))
    return tuple(line for line in lines if not line.startswith("#"))


@cache
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Punkt with the news abbreviations as its parameters."""
    params = PunktParameters()
    params.abbrev_types = {a.lower().rstrip(".") for a in abbreviations()}
    return PunktSentenceTokenizer(params)


IN_WORD = (
    r"\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # combining marks
    r"\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"  # invisible marks
)
"""Characters that continue a word although ``\\w`` does not match them: the combining
accents of decomposed (NFD) text and invisible format characters (soft hyphen, ZWJ,
ZWNJ, word joiner, bidi marks). "tro\u200dops" and a decomposed "é" stay one token."""


@cache
def token_pattern() -> str:
    """The token pattern (verbose regex): words, numbers, abbreviations or punctuation."""
    abbrevs = "|".join(re.escape(a) for a in sorted(abbreviations(), key=len, reverse=True))
    apostrophe = "['’]"
    word = rf"\w[\w{IN_WORD}]*"
    return rf"""
        (?:{abbrevs})(?!\w)                        # Mr. U.S. Jan. a.m.
        | (?:[A-Za-z]\.){{2,}}(?!\w)               # other initialisms: F.B.I.
        | \d+(?:[.,:/]\d+)*(?:%|(?:st|nd|rd|th)\b)?(?:-\w+)*  # 5,200 2.5 10% 2nd 81-nation
        | {word}(?:(?:-|{apostrophe}){word})*     # words, Jean-Pierre, won't, Iraq's
        | \.\.\.|…|--|—|–                         # ellipsis and dashes
        | \S                                      # any other mark
    """


TOKEN_FLAGS = re.VERBOSE | re.UNICODE


@cache
def token_regex() -> re.Pattern[str]:
    """:func:`token_pattern` compiled with ``re`` (what :func:`token_spans` runs)."""
    return re.compile(token_pattern(), TOKEN_FLAGS)


@cache
def word_tokenizer() -> RegexpTokenizer:
    """NLTK's RegexpTokenizer with :func:`token_pattern`: the same tokens as :func:`token_spans`."""
    return RegexpTokenizer(token_pattern(), flags=TOKEN_FLAGS)


NUMBER_SIGN_END = re.compile(r"\bNos?\.$")
"""A sentence that Punkt ended at "No." / "Nos." ("the No. | 1 item")."""

NAME_INITIALS_END = re.compile(r"(?:^|\b[A-Z][\w'’-]*\s+)((?:[A-Z]\.){2,})$")
"""A sentence that Punkt ended at a name's initials ("George H.W. | Bush", "J.R.R. | Tolkien")."""


def continues_after_number_sign(before: str, after: str) -> bool:
    """"wasn't the No." + "1 item": a number sign followed by its number."""
    return bool(NUMBER_SIGN_END.search(before)) and after[:1].isdigit()


def continues_after_initials(before: str, after: str) -> bool:
    """"George H.W." + "Bush met…": initials after a name (or opening it) and before one.

    Known abbreviations ("U.S.", "D.C.") are left to Punkt: "in the U.S. The…" ends there.
    """
    match = NAME_INITIALS_END.search(before)
    return (
        match is not None
        and match.group(1) not in abbreviations()
        and after[:1].isupper()
    )


def continues_in_lower_case(before: str, after: str) -> bool:
    """"He finished 2nd." + "in the race.": a sentence never starts in lower case."""
    return before.endswith(".") and after[:1].islower()


SENTENCE_CONTINUES = (
    continues_after_number_sign,
    continues_after_initials,
    continues_in_lower_case,
)
"""Predicates on (sentence, next sentence) under which Punkt's boundary is not one."""


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text``.

    Punkt's boundaries are kept unless one of :data:`SENTENCE_CONTINUES` says the sentence
    goes on ("No. 1", "George H.W. Bush", "2nd. in").
    """
    chunk = text[start:end]
    spans: list[tuple[int, int]] = []
    for s, e in sentence_tokenizer().span_tokenize(chunk):
        while s < e and chunk[s].isspace():
            s += 1
        while e > s and chunk[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if spans and any(
            rule(chunk[spans[-1][0] : spans[-1][1]], chunk[s:e]) for rule in SENTENCE_CONTINUES
        ):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return [(start + s, start + e) for s, e in spans]


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Token spans of ``text[start:end]`` as offsets into ``text``.

    The regex runs on ``text`` between ``start`` and ``end`` (no slice, no NLTK per-call
    overhead); the tokens are those of ``word_tokenizer().span_tokenize(text[start:end])``.
    """
    return [m.span() for m in token_regex().finditer(text, start, end) if m.end() > m.start()]


WORD_RE = re.compile(r"\w")


def is_word(token: str) -> bool:
    """True for tokens that count as words (they contain a letter or digit)."""
    return WORD_RE.search(token) is not None
