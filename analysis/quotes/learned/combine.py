"""The model's attributions as quote-table rows, alone or combined with the rules.

``combined``: the rules keep every quotation (direct, partial, scare) where they are
strongest; the model supplies the indirect content, replacing the rules' indirect rows.
Speakers: a model source that overlaps a rules speaker mention takes the rules'
resolved ``speaker_name`` (pronouns, titles, appositives); otherwise the mention itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from .decode import LearnedAttribution, decode
from .tagger import tag_text

METHODS = ("rules", "model", "combined")
QUOTE_MARKS = '“”"„«»'


def learned_attributions(
    text: str, paragraphs: Sequence[tuple[int, int]], rules: pd.DataFrame, model: str | None = None
) -> list[LearnedAttribution]:
    """The model's attributions in ``text`` (the rules' table ``rules`` feeds its features)."""
    return decode(text, tag_text(text, paragraphs, rules, model))


def apply_method(
    method: str,
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    rules: pd.DataFrame,
    model: str | None = None,
) -> pd.DataFrame:
    """The quote table of ``method`` (rules, model or combined), with the columns of ``rules``."""
    if method not in METHODS:
        raise ValueError(f"unknown quote method {method!r}: choose one of {', '.join(METHODS)}")
    if method == "rules":
        return rules
    found = learned_attributions(text, paragraphs, rules, model)
    if method == "model":
        kept = rules.iloc[0:0]
    else:
        kept = rules[rules["kind"] != "indirect"]
        quoted = [(int(s), int(e)) for s, e in zip(kept["start"], kept["end"], strict=True)]
        found = [
            a
            for a in found
            if not _mostly_inside(a, quoted, text) and not _has_marks(text[a.start : a.end])
        ]
    rows = [_row(text, a, rules, n) for n, a in enumerate(found, start=_next_id(kept))]
    table = pd.concat([kept, pd.DataFrame(rows, columns=rules.columns)], ignore_index=True)
    table = table.sort_values(["start", "end"], kind="stable").reset_index(drop=True)
    for column in ("speaker_start", "speaker_end", "cue_start", "cue_end", "attribution_id"):
        table[column] = table[column].astype("Int64")
    return table


def _has_marks(content: str) -> bool:
    return any(m in content for m in QUOTE_MARKS)


def _mostly_inside(a: LearnedAttribution, quoted: list[tuple[int, int]], text: str) -> bool:
    """True if half the model content's letters are inside a rules quotation."""
    letters = [i for i in range(a.start, a.end) if text[i].isalnum()]
    if not letters:
        return True
    inside = sum(1 for i in letters if any(s <= i < e for s, e in quoted))
    return inside * 2 >= len(letters)


def _next_id(table: pd.DataFrame) -> int:
    ids = table["attribution_id"].dropna()
    return int(ids.max()) + 1 if len(ids) else 1


def _resolved(rules: pd.DataFrame, span: tuple[int, int]) -> tuple[str | None, str]:
    """The rules' resolved name and type for a mention overlapping ``span``."""
    hit = rules[
        rules["speaker_start"].notna()
        & (rules["speaker_start"] < span[1])
        & (rules["speaker_end"] > span[0])
    ]
    if len(hit):
        row = hit.iloc[0]
        return row["speaker_name"], row["speaker_type"]
    return None, "unresolved"


def _row(text: str, a: LearnedAttribution, rules: pd.DataFrame, att_id: int) -> dict:
    content = text[a.start : a.end]
    kind = "direct" if _has_marks(content) else "indirect"
    speaker = name = None
    s_type = None
    if a.source is not None:
        speaker = text[a.source[0] : a.source[1]]
        name, s_type = _resolved(rules, a.source)
        name = name if isinstance(name, str) else speaker
    return {
        "quote": content,
        "start": a.start,
        "end": a.end,
        "kind": kind,
        "function": "speech",
        "speaker": speaker,
        "speaker_start": a.source[0] if a.source else None,
        "speaker_end": a.source[1] if a.source else None,
        "speaker_name": name,
        "speaker_type": s_type,
        "cue": text[a.cue[0] : a.cue[1]] if a.cue else None,
        "cue_start": a.cue[0] if a.cue else None,
        "cue_end": a.cue[1] if a.cue else None,
        "cue_type": "model",
        "attribution": "model",
        "attribution_id": att_id,
        "paragraph_index": a.paragraph + 1,
        "n_words": len(re.findall(r"\w+", content)),
    }
