"""Quote marks and units: quotations in quote marks (read by their context, across
paragraphs), paragraphs of a plain text, sentence units, and the token frames the
attribution rules read (each quotation one token).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..parse import blocks
from ..segment import sentence_spans, token_spans
from .lexicon import STOP, reporting_verbs

WORK_NOUNS = {
    "book", "film", "movie", "song", "album", "show", "series", "article", "headline", "essay",
    "column", "program", "programme", "play", "poem", "episode", "novel", "titled", "entitled",
    "magazine", "newspaper", "painting", "documentary", "slogan", "hashtag", "chant", "motto",
}  # fmt: skip


NICKNAME_CUES = {"nicknamed", "dubbed", "known", "called", "alias", "aka", "named"}


SCARE_CUES = {"so-called", "quote-unquote", "the", "a", "an"}


OPEN_DOUBLE = "“„«"


CLOSE_DOUBLE = "”»"


DOUBLE_RE = re.compile(r"''|[\"“”„«»]")


OPEN_CONTEXT = set("([{—–-/:;") | set(OPEN_DOUBLE) | {"‘", "'"}


CLOSE_CONTEXT = set(".,;:!?)]}—–-…") | set(CLOSE_DOUBLE) | {"’", "'"}


SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–\-/\"“]))[‘'](?=[A-Za-z])")


SINGLE_CLOSE_RE = re.compile(r"(?<=[\w.,!?])[’'](?![\w])")


WORD_RE = re.compile(r"\w")


LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass
class QuoteSpan:
    """A quotation in quote marks: one segment per paragraph it spans."""

    segments: list[tuple[int, int, int, int]] = field(default_factory=list)
    """(open_start, content_start, content_end, close_end) in each paragraph."""
    paragraphs: list[int] = field(default_factory=list)
    marks: str = "double"

    @property
    def start(self) -> int:
        return self.segments[0][1]

    @property
    def end(self) -> int:
        return self.segments[-1][2]


def _direction(text: str, i: int, length: int, lo: int, hi: int) -> str:
    """``open``, ``close`` or ``either`` for the mark ``text[i:i+length]`` by its context."""
    if i == lo:
        return "open"
    prev = text[i - 1]
    nxt = text[i + length] if i + length < hi else " "
    opens = (prev.isspace() or prev in OPEN_CONTEXT) and not nxt.isspace()
    closes = not prev.isspace() and (nxt.isspace() or nxt in CLOSE_CONTEXT)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    glyph = text[i]
    if glyph in OPEN_DOUBLE:
        return "open"
    if glyph in CLOSE_DOUBLE:
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a quotation's content: no outer spaces, no comma before the closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def find_quote_marks(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """The quotations in quote marks of ``paragraphs`` (spans of ``text``), in text order."""
    quotes: list[QuoteSpan] = []
    current: QuoteSpan | None = None
    opened = content_start = 0
    for p_index, (lo, hi) in enumerate(paragraphs):
        marks = [(m.start(), m.end() - m.start()) for m in DOUBLE_RE.finditer(text, lo, hi)]
        if current is not None:  # the previous paragraph ended inside a quotation
            if marks and not text[lo : marks[0][0]].strip():
                opened, content_start = marks[0][0], marks[0][0] + marks[0][1]
                marks = marks[1:]
            else:
                current = None
        spans_here: list[tuple[int, int]] = []
        for i, length in marks:
            direction = _direction(text, i, length, lo, hi)
            if current is None:
                if direction != "close":
                    current = QuoteSpan()
                    opened, content_start = i, i + length
                continue
            if direction == "open":  # an opening mark inside a quotation: close it unclosed
                current.segments.append((opened, *_trim(text, content_start, i), i))
                current.paragraphs.append(p_index)
                quotes.append(current)
                spans_here.append((opened, i))
                current = QuoteSpan()
                opened, content_start = i, i + length
                continue
            current.segments.append((opened, *_trim(text, content_start, i), i + length))
            current.paragraphs.append(p_index)
            quotes.append(current)
            spans_here.append((opened, i + length))
            current = None
        if current is not None:
            current.segments.append((opened, *_trim(text, content_start, hi), hi))
            current.paragraphs.append(p_index)
            spans_here.append((opened, hi))
            nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
            continues = nxt is not None and DOUBLE_RE.match(text, nxt[0]) is not None
            if not continues:
                quotes.append(current)
                current = None
        quotes.extend(_single_quotes(text, lo, hi, spans_here, p_index))
    if current is not None:
        quotes.append(current)
    quotes = [q for q in quotes if all(s[2] > s[1] for s in q.segments)]
    return sorted(quotes, key=lambda q: q.segments[0][0])


def _single_quotes(
    text: str, lo: int, hi: int, taken: list[tuple[int, int]], p_index: int
) -> list[QuoteSpan]:
    """Quotations in single marks outside double ones (headlines, British style)."""
    found: list[QuoteSpan] = []

    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in taken)

    chunk = text[lo:hi]
    opens = [lo + m.start() for m in SINGLE_OPEN_RE.finditer(chunk) if free(lo + m.start())]
    closes = [lo + m.start() for m in SINGLE_CLOSE_RE.finditer(chunk) if free(lo + m.start())]
    position = lo
    for o in opens:
        if o < position:
            continue
        close = next((c for c in closes if o + 1 < c <= o + 160), None)
        if close is None or any(a > o and a < close for a, _ in taken):
            continue
        words = len(re.findall(r"\w+", text[o + 1 : close]))
        if words == 0:
            continue
        span = QuoteSpan([(o, *_trim(text, o + 1, close), close + 1)], [p_index], "single")
        found.append(span)
        position = close + 1
    return found


@dataclass
class Tok:
    """A token of a frame: a word or mark, or a whole quotation (``q`` = its index)."""

    start: int
    end: int
    text: str
    q: int | None = None

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.q is None and WORD_RE.search(self.text) is not None

    @property
    def is_cap(self) -> bool:
        return self.q is None and self.text[:1].isupper()


def sentence_units(
    text: str, lo: int, hi: int, segments: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sentences of one paragraph, merged where a boundary falls inside a quotation."""
    spans = sentence_spans(text, lo, hi)
    units: list[list[int]] = []
    for s, e in spans:
        inside = any(a < s < b for a, b in segments)
        starts_low = text[s].islower() or text[s] in CLOSE_DOUBLE or text[s] in "―—–"
        tail = re.search(r"[?!][”\"']\s*$", text[units[-1][0] : units[-1][1]]) if units else None
        short_cue = (
            tail is not None
            and len(text[s:e].split()) <= 10
            and any(w.lower().strip(".,") in reporting_verbs() for w in text[s:e].split())
        )
        if units and (inside or starts_low or short_cue):
            units[-1][1] = e
        else:
            units.append([s, e])
    return [(s, e) for s, e in units]


def frame_tokens(
    text: str, start: int, end: int, segments: list[tuple[int, int, int]]
) -> list[Tok]:
    """Tokens of ``text[start:end]`` with each quotation segment (a, b, index) as one token."""
    toks: list[Tok] = []
    position = start
    for a, b, index in sorted(segments):
        if b <= start or a >= end:
            continue
        for s, e in token_spans(text, position, max(position, a)):
            toks.append(Tok(s, e, text[s:e]))
        toks.append(Tok(a, b, text[a:b], index))
        position = max(position, b)
    for s, e in token_spans(text, position, end):
        toks.append(Tok(s, e, text[s:e]))
    return _merge_initials(toks)


def _merge_initials(toks: list[Tok]) -> list[Tok]:
    """``D`` + ``.`` → ``D.``: an initial in a name is one token."""
    merged: list[Tok] = []
    for t in toks:
        last = merged[-1] if merged else None
        if (
            t.text == "."
            and last is not None
            and last.q is None
            and len(last.text) == 1
            and last.text.isupper()
            and last.end == t.start
        ):
            merged[-1] = Tok(last.start, t.end, last.text + ".")
        else:
            merged.append(t)
    return merged


def is_punct(tok: Tok) -> bool:
    return tok.q is None and not tok.is_word


LINE_END_RE = re.compile(r"[.!?:”\"'’…)]\s*$")


LINE_START_RE = re.compile(r"^\s*[“\"„«‘'―—\-•*]")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs of a plain text: ``parse.blocks``, and lines inside a block that end a sentence.

    Blocks separated by blank lines may still hold one paragraph per line (lists of
    quotes, web copy); a line break after sentence-final punctuation, or before a quote
    mark or dash, starts a new paragraph, while a line wrapped mid-sentence does not.
    """
    spans: list[tuple[int, int]] = []
    for lo, hi in blocks(text):
        start = lo
        for m in re.finditer(r"\n", text[lo:hi]):
            cut = lo + m.start()
            before, after = text[start:cut], text[cut + 1 : hi]
            if LINE_END_RE.search(before) or LINE_START_RE.match(after):
                s, e = _strip_space(text, start, cut)
                if e > s:
                    spans.append((s, e))
                start = cut + 1
        s, e = _strip_space(text, start, hi)
        if e > s:
            spans.append((s, e))
    return spans


def _strip_space(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quoted_text(text: str, q: QuoteSpan) -> str:
    """The content of a quotation without marks; paragraphs joined by a space."""
    return " ".join(text[s[1] : s[2]] for s in q.segments)


def count_words(q: QuoteSpan, text: str) -> int:
    return len(re.findall(r"\w+", quoted_text(text, q)))


def is_name_or_title(text: str, q: QuoteSpan) -> bool:
    """A nickname inside a name (Marcia "Cia" Price) or a title in Title Case: not a quotation."""
    if len(q.segments) > 1:
        return False
    o, s, e, c = q.segments[0]
    content = text[s:e]
    before = re.search(r"([A-Z][\w.’'\-]*)\s+$", text[max(0, o - 30) : o])
    after = re.match(r"\s+[A-Z]", text[c : c + 3])
    if before and after and len(content.split()) <= 3 and before.group(1).lower() not in STOP:
        return True
    words = re.findall(r"[\w’'\-]+", content)
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at", "by"}
    big = [w for w in words if w.lower() not in small]
    return (
        len(words) >= 2
        and bool(big)
        and all(w[:1].isupper() or w[:1].isdigit() for w in big)
        and not content.rstrip().endswith((".", "?", "!", ","))
        and not re.search(r"\b(?:I|We|You)\b", content)
    )


def not_speech(text: str, toks: list[Tok], t_index: int, q: QuoteSpan) -> bool:
    """Titles and nicknames in quote marks are not quotations."""
    content = quoted_text(text, q)
    prev = toks[t_index - 1] if t_index > 0 else None
    nxt = toks[t_index + 1] if t_index + 1 < len(toks) else None
    if (
        prev is not None
        and nxt is not None
        and prev.is_cap
        and nxt.is_cap
        and prev.low not in STOP
        and len(content.split()) <= 3
    ):
        return True  # Marcia "Cia" Price
    window = {t.low for t in toks[max(0, t_index - 3) : t_index]}
    if window & NICKNAME_CUES and len(content.split()) <= 4:
        return True
    if window & WORK_NOUNS:
        return True
    words = re.findall(r"[\w’'\-]+", content)
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "with", "at", "by"}
    big = [w for w in words if w.lower() not in small]
    if len(words) >= 2 and big and all(w[:1].isupper() or w[:1].isdigit() for w in big):
        return not content.rstrip().endswith((".", "?", "!", ","))
    return False
