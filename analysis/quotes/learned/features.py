"""Token features for the learned attribution tagger: one feature list per token of a paragraph.

Tokens are ``analysis.segment`` token spans; features are the lower-case word, its shape
and suffix, the lexicons (reporting verbs, nominal cues), the quote-mark state, the rules'
own outputs (is the token inside a rules quotation, indirect content, cue or speaker) and
the same for the neighbours.
"""

from __future__ import annotations

import pandas as pd

from ...segment import sentence_spans, token_spans
from ..lexicon import nominal_cues, reporting_verbs

QUOTED, INDIRECT, CUE, SPEAKER = 1, 2, 4, 8
OPENING = "“‘«„"
CLOSING = "”’»"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}


def rules_flags(text: str, table: pd.DataFrame) -> bytearray:
    """Per character: bit flags of the rules' quotations, indirect content, cues, speakers."""
    flags = bytearray(len(text))
    speech = table[table["function"] == "speech"]
    for row in speech.itertuples(index=False):
        _mark(flags, row.start, row.end, INDIRECT if row.kind == "indirect" else QUOTED)
        if not pd.isna(row.cue_start):
            _mark(flags, row.cue_start, row.cue_end, CUE)
        if not pd.isna(row.speaker_start):
            _mark(flags, row.speaker_start, row.speaker_end, SPEAKER)
    return flags


def _mark(flags: bytearray, start: object, end: object, bit: int) -> None:
    for i in range(int(start), int(end)):  # type: ignore[call-overload]
        flags[i] |= bit


def paragraph_tokens(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Token spans of a paragraph and, per token, the index of its sentence."""
    tokens: list[tuple[int, int]] = []
    sentence_of: list[int] = []
    for index, (s, e) in enumerate(sentence_spans(text, lo, hi)):
        spans = token_spans(text, s, e)
        tokens.extend(spans)
        sentence_of.extend([index] * len(spans))
    return tokens, sentence_of


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not any(c.isalnum() for c in word):
        return "p"
    if word.isupper():
        return "X"
    if word[:1].isupper():
        return "Xx"
    return "x"


def _base(text: str, span: tuple[int, int], flags: bytearray, in_quote: bool) -> dict[str, str]:
    word = text[span[0] : span[1]]
    low = word.lower()
    bits = flags[span[0]] if span[1] > span[0] else 0
    verb = reporting_verbs().get(low)
    return {
        "w": low,
        "sh": _shape(word),
        "rv": _verb_class(low, verb),
        "q": "1" if in_quote else "0",
        "r": str(bits),
        "pr": "1" if low in PRONOUNS else "0",
    }


def _quote_state(text: str, tokens: list[tuple[int, int]]) -> list[bool]:
    """Per token: inside a pair of quotation marks (toggled by straight quotes)."""
    inside, states = False, []
    for s, e in tokens:
        word = text[s:e]
        if word in OPENING or (word == '"' and not inside):
            inside = True
            states.append(True)
            continue
        states.append(inside)
        if word in CLOSING or word == '"':
            inside = False
    return states


def sequence_features(
    text: str, tokens: list[tuple[int, int]], sentence_of: list[int], flags: bytearray
) -> list[list[str]]:
    """The CRF feature strings of every token of one paragraph."""
    states = _quote_state(text, tokens)
    base = [_base(text, t, flags, q) for t, q in zip(tokens, states, strict=True)]
    verb_at = [i for i, b in enumerate(base) if b["rv"] in ("v", "vw")]
    features = []
    for i, b in enumerate(base):
        f = ["bias", *(f"{k}={v}" for k, v in b.items()), f"suf={b['w'][-3:]}"]
        if i == 0 or sentence_of[i] != sentence_of[i - 1]:
            f.append("sent_start")
        same = [v for v in verb_at if sentence_of[v] == sentence_of[i]]
        f.append(f"rv_left={any(v < i for v in same)}")
        f.append(f"rv_right={any(v > i for v in same)}")
        f.append(f"sent={min(sentence_of[i], 3)}")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(base):
                n = base[j]
                f += [f"{d}w={n['w']}", f"{d}rv={n['rv']}", f"{d}r={n['r']}", f"{d}sh={n['sh']}"]
            else:
                f.append(f"{d}edge")
        f.append(f"w|+1={b['w']}|{base[i + 1]['w'] if i + 1 < len(base) else ''}")
        features.append(f)
    return features


def _verb_class(low: str, verb: object) -> str:
    """``v`` reporting verb, ``vw`` weak one, ``n`` nominal cue, ``-`` other."""
    if verb is not None:
        return "vw" if getattr(verb, "weak", False) else "v"
    return "n" if low in nominal_cues() else "-"
