"""Extraction: :func:`extract_quotes` (one row per quotation or attribution) and the quote
table of an article or story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from ..tables import Article, Corpus
from .attribution import participle_speaker, resolve_speakers
from .cues import (
    Attribution,
    content_owner,
    cue_function,
    find_attributions,
    is_counted,
    is_nested,
    set_content,
)
from .lexicon import nominal_cues, reporting_verbs, side_of, speaker_sides
from .marks import (
    QuoteSpan,
    Tok,
    count_words,
    find_quote_marks,
    frame_tokens,
    is_name_or_title,
    not_speech,
    quoted_text,
    sentence_units,
    split_paragraphs,
)
from .people import People

COLUMNS = [
    "quote",
    "start",
    "end",
    "kind",
    "function",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "speaker_type",
    "cue",
    "cue_start",
    "cue_end",
    "cue_type",
    "attribution",
    "attribution_id",
    "paragraph_index",
    "n_words",
]


@dataclass
class _Row:
    start: int
    end: int
    kind: str
    function: str
    att: Attribution | None
    how: str
    paragraph: int
    text: str = ""


def extract_quotes(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> pd.DataFrame:
    """The quotations of an article text: one row per quotation (see the module docstring).

    ``paragraphs``: spans of ``text`` to read (default: every paragraph, see
    ``analysis.parse.blocks``); offsets always point into ``text``.
    """
    spans = list(paragraphs) if paragraphs is not None else split_paragraphs(text)
    rows = _extract(text, spans)
    return _to_frame(text, rows)


def _extract(text: str, paragraphs: list[tuple[int, int]]) -> list[_Row]:
    quotes = [q for q in find_quote_marks(text, paragraphs) if not is_name_or_title(text, q)]
    by_paragraph: dict[int, list[tuple[int, int, int]]] = {}
    for index, q in enumerate(quotes):
        for p, seg in zip(q.paragraphs, q.segments, strict=True):
            by_paragraph.setdefault(p, []).append((seg[0], seg[3], index))
    people = People(text, paragraphs)
    attributions: list[Attribution] = []
    quote_att: dict[int, Attribution] = {}
    quote_context: dict[int, tuple[list[Tok], Attribution | None, int]] = {}
    unit_index = 0
    frames: list[tuple[int, list[Tok], list[Attribution]]] = []
    for p_index, (lo, hi) in enumerate(paragraphs):
        segments = by_paragraph.get(p_index, [])
        for us, ue in sentence_units(text, lo, hi, [(a, b) for a, b, _ in segments]):
            toks = frame_tokens(text, us, ue, segments)
            atts = find_attributions(toks)
            for a in atts:
                low = toks[a.cue[0]].low
                a.verb = reporting_verbs().get(low) or (
                    nominal_cues().get(low) if a.mode == "nominal" else None
                )
                a.unit, a.paragraph, a.unit_start = unit_index, p_index, us
                a.cue_span = (toks[a.cue[0]].start, toks[a.cue[1] - 1].end)
                if a.speaker is not None:
                    a.speaker_span = (toks[a.speaker[0]].start, toks[a.speaker[1] - 1].end)
            set_content(toks, atts)
            atts = [a for a in atts if (a.content or a.colon) and is_counted(a, toks)]
            atts = [a for a in atts if not is_nested(a, atts, toks)]
            for a in atts:
                if a.mode == "participle":
                    participle_speaker(a, toks, atts, attributions)
            frames.append((p_index, toks, atts))
            attributions.extend(atts)
            for t_index, t in enumerate(toks):
                if t.q is None:
                    continue
                owner = content_owner(t_index, atts)
                if owner is not None and t.q not in quote_att:
                    quote_att[t.q] = owner
                quote_context.setdefault(t.q, (toks, owner, t_index))
            unit_index += 1
    resolve_speakers(people, attributions, text)
    rows = _rows(text, quotes, frames, quote_att, quote_context, attributions, people)
    rows += _colon_rows(text, paragraphs, quotes, attributions)
    rows.sort(key=lambda r: (r.start, r.kind != "indirect"))
    return rows


def _colon_rows(
    text: str,
    paragraphs: list[tuple[int, int]],
    quotes: list[QuoteSpan],
    attributions: list[Attribution],
) -> list[_Row]:
    """``He said:`` ending a paragraph: an unquoted next paragraph is his indirect content."""
    rows = []
    starts = {q.segments[0][0] for q in quotes}
    for a in attributions:
        if not a.colon or a.paragraph + 1 >= len(paragraphs):
            continue
        lo, hi = paragraphs[a.paragraph + 1]
        if lo in starts:
            continue
        rows.append(_Row(lo, hi, "indirect", "speech", a, "colon", a.paragraph + 1, text[lo:hi]))
    return rows


def _rows(
    text: str,
    quotes: list[QuoteSpan],
    frames: list[tuple[int, list[Tok], list[Attribution]]],
    quote_att: dict[int, Attribution],
    quote_context: dict[int, tuple[list[Tok], Attribution | None, int]],
    attributions: list[Attribution],
    people: People,
) -> list[_Row]:
    """The rows of one text: its quotations in quote marks, then its indirect contents."""
    rows = _quote_rows(text, quotes, quote_att, quote_context, attributions)
    rows += _indirect_rows(text, frames)
    rows.sort(key=lambda r: (r.start, r.kind != "indirect"))
    return rows


def _floating_attribution(
    index: int,
    quotes: list[QuoteSpan],
    by_paragraph: dict[int, list[Attribution]],
    last_speaker: dict[int, Attribution],
) -> Attribution | None:
    """A whole quoted sentence without a cue: the speaker before it in its paragraph, else
    after it, else the last of the previous paragraph, else the previous quote's speaker."""
    q = quotes[index]
    p = q.paragraphs[0]
    before = [a for a in by_paragraph.get(p, []) if a.cue_span[0] < q.start and a.speaker_span]
    after = [a for a in by_paragraph.get(p, []) if a.cue_span[0] > q.start and a.speaker_span]
    previous = [a for a in by_paragraph.get(p - 1, []) if a.speaker_span]
    chained = last_speaker.get(index - 1)
    if before:
        return before[-1]
    if after:
        return after[0]
    if previous:
        return previous[-1]
    if chained is not None and quotes[index - 1].paragraphs[-1] == p - 1:
        return chained
    return None


def _partial_floating(
    text: str, q: QuoteSpan, by_paragraph: dict[int, list[Attribution]]
) -> Attribution | None:
    """Quoted words (two or more) without a cue: the speaker before them in the paragraph."""
    p = q.paragraphs[0]
    before = [a for a in by_paragraph.get(p, []) if a.cue_span[0] < q.start and a.speaker_span]
    return before[-1] if before and count_words(q, text) >= 2 else None


def _quote_rows(
    text: str,
    quotes: list[QuoteSpan],
    quote_att: dict[int, Attribution],
    quote_context: dict[int, tuple[list[Tok], Attribution | None, int]],
    attributions: list[Attribution],
) -> list[_Row]:
    """One row per quotation in quote marks: its cue's attribution, else a floating one."""
    rows: list[_Row] = []
    by_paragraph: dict[int, list[Attribution]] = {}
    for a in attributions:
        by_paragraph.setdefault(a.paragraph, []).append(a)
    last_speaker: dict[int, Attribution] = {}  # quote index → attribution used
    for index, q in enumerate(quotes):
        toks, _, t_index = quote_context[index]
        att = quote_att.get(index)
        full = _whole_sentence(toks, t_index, att) or len(q.segments) > 1
        how = "cue" if att is not None else ""
        if att is None:
            if not_speech(text, toks, t_index, q):
                continue
            if full:
                att = _floating_attribution(index, quotes, by_paragraph, last_speaker)
            else:
                att = _partial_floating(text, q, by_paragraph)
            how = "floating" if att is not None else ""
        if att is not None:
            last_speaker[index] = att
        kind = "direct" if full else "partial"
        function = "speech" if att is not None else "scare"
        rows.append(
            _Row(q.start, q.end, kind, function, att, how or "none", q.paragraphs[0],
                 quoted_text(text, q))
        )  # fmt: skip
    return rows


def _indirect_rows(text: str, frames: list[tuple[int, list[Tok], list[Attribution]]]) -> list[_Row]:
    """One row per reported clause of a cue with at least one word (and three if quoted)."""
    rows: list[_Row] = []
    for _, toks, atts in frames:
        for a in atts:
            for s, e in a.content:
                inside = toks[s:e]
                words = [t for t in inside if t.is_word]
                quoted = [t for t in inside if t.q is not None]
                if (quoted and len(words) < 3) or not words:
                    continue
                start, end = inside[0].start, inside[-1].end
                rows.append(
                    _Row(start, end, "indirect", "speech", a, "cue", a.paragraph, text[start:end])
                )
    return rows


def _whole_sentence(toks: list[Tok], t_index: int, att: Attribution | None) -> bool:
    """A quotation that is a whole sentence: only punctuation, other quotes or its cue around it."""
    chunk = att.chunk if att is not None else (-1, -1)
    lo = t_index - 1
    while lo >= 0:
        t = toks[lo]
        if chunk[0] <= lo < chunk[1]:
            lo = chunk[0] - 1
            if toks[t_index - 1].low == "that":
                return False
            break
        if t.q is not None:
            break
        if t.is_word and t.low not in {"and", "but"}:
            return False
        lo -= 1
    hi = t_index + 1
    while hi < len(toks):
        t = toks[hi]
        if chunk[0] <= hi < chunk[1] or t.q is not None:
            break
        if t.is_word:
            return False
        hi += 1
    content = toks[t_index].text
    inner = content.lstrip("“\"'„«‘ ")
    return bool(inner[:1]) and (inner[:1].isupper() or not inner[:1].isalpha())


def _to_frame(text: str, rows: list[_Row]) -> pd.DataFrame:
    records = []
    ids: dict[int, int] = {}
    for r in rows:
        a = r.att
        speaker = cue = None
        s_start = s_end = c_start = c_end = None
        name = s_type = None
        att_id = None
        if a is not None:
            att_id = ids.setdefault(id(a), len(ids) + 1)
            c_start, c_end = a.cue_span
            cue = text[c_start:c_end]
            if a.speaker_span is not None:
                s_start, s_end = a.speaker_span
                speaker = text[s_start:s_end]
                name = a.speaker_name
                s_type = a.entity.kind if a.entity is not None else "unresolved"
        records.append(
            {
                "quote": r.text,
                "start": r.start,
                "end": r.end,
                "kind": r.kind,
                "function": r.function,
                "speaker": speaker,
                "speaker_start": s_start,
                "speaker_end": s_end,
                "speaker_name": name,
                "speaker_type": s_type,
                "cue": cue,
                "cue_start": c_start,
                "cue_end": c_end,
                "cue_type": None if a is None else cue_function(a),
                "attribution": r.how,
                "attribution_id": att_id,
                "paragraph_index": r.paragraph + 1,
                "n_words": len(re.findall(r"\w+", r.text)),
            }
        )
    frame = pd.DataFrame(records, columns=COLUMNS)
    for column in ("speaker_start", "speaker_end", "cue_start", "cue_end", "attribution_id"):
        frame[column] = frame[column].astype("Int64")
    return frame


QUOTE_COLUMNS = ["article_id", "quote_id", "role", *COLUMNS, "side"]


def article_quotes(article: Article, sides: Sequence[tuple[str, str]] = ()) -> pd.DataFrame:
    """The quote table of one version: extract_quotes on its body paragraphs, with ids.

    Offsets point into ``article.text``; ids are ``<article_id>:qNN`` in text order.
    ``sides``: the story's speaker sides (:func:`.lexicon.speaker_sides`; none: "not set").
    """
    table = extract_quotes(article.text, article.parsed.paragraphs)
    table.insert(0, "role", article.source.role)
    table.insert(
        0, "quote_id", [f"{article.article_id}:q{i:02d}" for i in range(1, len(table) + 1)]
    )
    table.insert(0, "article_id", article.article_id)
    table["attribution_id"] = [
        None if pd.isna(a) else f"{article.article_id}:a{int(a):02d}"
        for a in table["attribution_id"]
    ]
    table["side"] = [
        side_of(name, sides) if isinstance(name, str) else None for name in table["speaker_name"]
    ]
    return table[QUOTE_COLUMNS]


def quotes_table(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The quote tables of every version of a story, original first.

    Sides come from the story's settings (``corpus.settings(story_id).speaker_sides``).
    """
    versions = sorted(corpus.story(story_id).articles, key=lambda a: a.source.role != "original")
    sides = speaker_sides(corpus.settings(story_id).speaker_sides)
    tables = [article_quotes(a, sides) for a in versions]
    if not tables:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    return pd.concat(tables, ignore_index=True)


def quote_view(quotes: pd.DataFrame, kinds: Iterable[str] = ("direct", "partial")) -> pd.DataFrame:
    """The readable columns of a quote table, for the notebook: who says what, with which cue."""
    chosen = quotes[quotes["kind"].isin(list(kinds))]
    columns = ["quote_id", "kind", "function", "quote", "speaker", "speaker_name", "side", "cue"]
    return chosen[columns].fillna("").reset_index(drop=True)
