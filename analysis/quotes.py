"""Quotations: extraction, attribution, speaker resolution, cross-version matching, share of voice.

Rules only, on a plain Python stack (no parser, no model), so it runs offline:

1. **Quote marks.** Curly, straight, double-apostrophe (``''``) and low (``„``) marks are
   read by their context (a mark after a space and before a letter opens), so that a
   quotation may open with one style and close with another. A paragraph that ends
   inside a quotation continues it when the next paragraph opens with a mark
   (multi-paragraph quotes). Single marks are quotation marks only outside double ones.
2. **Units.** Punkt sentences of each paragraph, merged where a boundary falls inside a
   quotation, so that ``“A. B,” he said.`` is one unit.
3. **Attribution.** In each unit the quotations are masked and the remaining *frame* is
   searched for reporting verbs (``data/reporting_verbs.txt``) and ``according to``. For
   each cue the speaker is the noun phrase before it (``Mr. Pompeo said``, with
   appositives ``The State Department spokeswoman, Morgan Ortagus, said``), after it
   (``said Mr. Pompeo``, ``according to the statement``) or, for a participle after a
   comma (``…, saying that``), the subject of the sentence. The cue's content is what the
   speaker says: the quotation before or after the cue, or the reported clause.
4. **Kinds.** ``direct``: a quotation that is a whole sentence (only its attribution and
   punctuation around it); ``partial``: quoted words inside other words; ``indirect``:
   the reported clause of a cue (it may contain partial quotes).
5. **Floating quotes.** A quoted sentence without a cue belongs to the previous speaker
   in the paragraph, else to the last speaker of the previous paragraph. Quoted words
   without any speaker are kept as ``scare`` quotes; titles and nicknames in quote marks
   are not quotations and are dropped.
6. **Resolution.** Names, titles and roles of people are collected from the whole text;
   a mention is resolved to the fullest name of its person (``Mr. Pompeo`` → ``Mike
   Pompeo``), a pronoun to the most recent compatible person (gender from honorifics,
   role nouns and earlier pronouns), a description (``the secretary``) to the most
   recent person with that title, ``the prime minister's office`` to that person's
   office, ``the statement`` to whoever made the statement.

Matching compares the quotations (in quote marks) of two versions with rapidfuzz;
share of voice counts quoted words per speaker and side (``data/speaker_sides.csv``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources

import pandas as pd
from rapidfuzz import fuzz

from .normalize import comparison_view
from .parse import blocks
from .segment import sentence_spans, token_spans, word_tokenizer
from .tables import Article, Corpus

# --------------------------------------------------------------------------------------
# Lexicons
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verb:
    """A reporting verb: its lemma and flags from ``data/reporting_verbs.txt``."""

    lemma: str
    weak: bool = False
    takes_object: bool = False
    stance: bool = False


def _data_lines(name: str) -> list[str]:
    text = resources.files("analysis").joinpath(f"data/{name}").read_text("utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def reporting_verbs() -> dict[str, Verb]:
    """Every inflected form of every reporting verb (lower case) → its Verb."""
    forms: dict[str, Verb] = {}
    for line in _data_lines("reporting_verbs.txt"):
        words, _, flags = line.partition("|")
        names = [w.strip().lower() for w in words.split(",") if w.strip()]
        verb = Verb(names[0], "weak" in flags, "object" in flags, "stance" in flags)
        for name in names:
            forms[name] = verb
    return forms


@cache
def speaker_words() -> dict[str, dict[str, str]]:
    """``data/speaker_words.csv`` as {kind: {word: gender}}."""
    table: dict[str, dict[str, str]] = {}
    rows = csv.DictReader(io.StringIO("\n".join(_data_lines("speaker_words.csv"))))
    for row in rows:
        table.setdefault(row["kind"], {})[row["word"]] = row["gender"] or ""
    return table


@cache
def _title_re() -> re.Pattern[str]:
    """Titles and honorifics before a name, longest first."""
    words = speaker_words()
    titles = sorted({**words["title"], **words["honorific"]}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(t) for t in titles) + r")(?=\s)")


@cache
def speaker_sides() -> list[tuple[str, str]]:
    """``data/speaker_sides.csv`` as (normalised speaker, side), in file order."""
    rows = csv.DictReader(io.StringIO("\n".join(_data_lines("speaker_sides.csv"))))
    return [(name_key(row["speaker"]), row["side"]) for row in rows]


PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "it": "o",
    "i": "",
    "we": "p",
    "who": "",
}
DETERMINERS = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "my", "your", "some", "many", "several", "both", "all", "most", "other", "another", "each",
    "few", "no", "any", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "one", "more", "much",
}  # fmt: skip
QUANTIFIER_SPEAKERS = {
    "those", "some", "many", "others", "few", "most", "several", "both", "all", "someone",
    "somebody", "everyone", "everybody", "nobody", "anyone", "one", "none",
}  # fmt: skip
AUXILIARIES = {
    "has", "have", "had", "would", "will", "did", "does", "do", "may", "might", "could",
    "should", "must", "can", "shall", "'s", "’s", "reportedly", "not", "n't", "never",
}  # fmt: skip
ADVERBS = {
    "also", "later", "earlier", "previously", "recently", "repeatedly", "once", "again", "often",
    "then", "still", "even", "already", "publicly", "privately", "separately", "first",
    "further", "subsequently", "immediately", "simply", "flatly", "quickly", "frequently",
    "specifically", "explicitly", "bluntly", "clearly", "plainly", "openly", "directly",
    "personally", "just", "now", "today", "yesterday", "tonight", "last", "week", "month",
    "year", "night", "morning", "afternoon", "evening", "ago", "year's", "this", "only",
    "however", "though", "meanwhile", "too", "long", "since", "has", "in", "interview",
}  # fmt: skip
TIME_WORDS = {"week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"}
DAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
STOP = {
    "and", "but", "or", "nor", "so", "yet", "because", "while", "when", "whether", "if",
    "although", "though", "as", "that", "which", "where", "after", "before", "since", "until",
    "than", "then", "is", "was", "were", "are", "be", "been", "being", "am", "said", "says",
    "to", "in", "on", "at", "by", "with", "from", "for", "into", "about", "over", "under",
    "against", "during", "without", "through", "between", "among", "like", "of", "not", "also",
    "what", "how", "why", "there", "here", "instead", "however", "meanwhile", "even", "just",
    "asked", "pressed", "speaking", "writing", "according", "let", "lets", "let's",
    "made", "make", "makes", "gave", "give", "gives", "took", "take", "takes", "got", "get",
    "went", "go", "goes", "did", "do", "does", "has", "had", "have", "won", "lost", "put",
    "who", "whom", "whose", "it", "they", "he", "she", "we", "i", "you",
}  # fmt: skip
NP_PREPOSITIONS = {"of", "from", "at", "in", "for", "close", "to", "with", "familiar", "on"}
NAME_PARTICLES = {"al", "al-", "bin", "ibn", "de", "da", "del", "der", "van", "von", "la", "le",
                  "du", "dos", "el", "abu", "st.", "bint", "ben", "di", "mac", "o'"}  # fmt: skip
AGENT_RE = re.compile(r"[a-z]{3,}(?:ers|ors|ists|ians|ants|ents|ials|ees|men|women|ives)$")
WORK_NOUNS = {
    "book", "film", "movie", "song", "album", "show", "series", "article", "headline", "essay",
    "column", "program", "programme", "play", "poem", "episode", "novel", "titled", "entitled",
    "magazine", "newspaper", "painting", "documentary", "slogan", "hashtag", "chant", "motto",
}  # fmt: skip
NICKNAME_CUES = {"nicknamed", "dubbed", "known", "called", "alias", "aka", "named"}
SCARE_CUES = {"so-called", "quote-unquote", "the", "a", "an"}

DASHES = {"―", "—", "--", "–"}
OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
DOUBLE_RE = re.compile(r"''|[\"“”„«»]")
OPEN_CONTEXT = set("([{—–-/:;") | set(OPEN_DOUBLE) | {"‘", "'"}
CLOSE_CONTEXT = set(".,;:!?)]}—–-…") | set(CLOSE_DOUBLE) | {"’", "'"}
SINGLE_OPEN_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–\-/\"“]))[‘'](?=[A-Za-z])")
SINGLE_CLOSE_RE = re.compile(r"(?<=[\w.,!?])[’'](?![\w])")
WORD_RE = re.compile(r"\w")
LETTER_RE = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A form of a name for comparing: typography normalised, case-folded, no "the", no hyphens."""
    view = comparison_view(name).replace("-", " ").replace("’", "'")
    view = re.sub(r"^(?:the|a|an)\s+", "", view)
    return re.sub(r"\s+", " ", view).strip(" ,.")


# --------------------------------------------------------------------------------------
# Quote marks
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Units and frames
# --------------------------------------------------------------------------------------


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


def _units(text: str, lo: int, hi: int, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


@cache
def _token_re() -> re.Pattern[str] | None:
    """The tokenizer's pattern compiled with ``re`` (NLTK's ReDoS guard is slow per call)."""
    pattern = getattr(word_tokenizer(), "_pattern", None)
    flags = getattr(word_tokenizer(), "_flags", None)
    return re.compile(pattern, flags) if isinstance(pattern, str) and flags is not None else None


def _token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``segment.token_spans``, the same tokens, faster."""
    compiled = _token_re()
    if compiled is None:
        return token_spans(text, start, end)
    return [m.span() for m in compiled.finditer(text, start, end) if m.end() > m.start()]


def _frame(text: str, start: int, end: int, segments: list[tuple[int, int, int]]) -> list[Tok]:
    """Tokens of ``text[start:end]`` with each quotation segment (a, b, index) as one token."""
    toks: list[Tok] = []
    position = start
    for a, b, index in sorted(segments):
        if b <= start or a >= end:
            continue
        for s, e in _token_spans(text, position, max(position, a)):
            toks.append(Tok(s, e, text[s:e]))
        toks.append(Tok(a, b, text[a:b], index))
        position = max(position, b)
    for s, e in _token_spans(text, position, end):
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


# --------------------------------------------------------------------------------------
# Attribution in a frame
# --------------------------------------------------------------------------------------


@dataclass
class Attribution:
    """One cue in one unit: its speaker mention and content, as token ranges of the frame."""

    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    chunk: tuple[int, int]
    mode: str  # "before" (speaker before cue), "inverted", "according", "participle"
    content: list[tuple[int, int]] = field(default_factory=list)
    trailing: bool = False
    unit: int = 0
    paragraph: int = 0
    verb: Verb | None = None
    speaker_span: tuple[int, int] | None = None  # char offsets
    cue_span: tuple[int, int] = (0, 0)
    speaker_name: str | None = None
    entity: Entity | None = None
    unit_start: int = 0
    colon: bool = False  # "He said:" ending a paragraph: the next paragraph is the content


def _is_punct(tok: Tok) -> bool:
    return tok.q is None and not tok.is_word


def _skip_adverbials_back(toks: list[Tok], j: int) -> int:
    """Index of the last token before ``j`` that is not an adverb, auxiliary or time phrase."""
    while j >= 0:
        t = toks[j]
        low = t.low
        if t.q is not None:
            return j
        if (
            (
                low in {"is", "are", "was", "were"}
                and j + 1 < len(toks)
                and toks[j + 1].low.endswith("ing")
            )
            or (
                low in {"this", "last", "next"}
                and j + 1 < len(toks)
                and toks[j + 1].low in TIME_WORDS
            )
            or low in AUXILIARIES
            or (low in ADVERBS and low not in {"in", "since", "this", "has"})
            or (low.endswith("ly") and len(low) > 4 and t.text.islower())
        ):
            j -= 1
        elif low in DAYS and j > 0 and toks[j - 1].low in {"on", "last"}:
            j -= 2
        elif low in DAYS:
            j -= 1
        else:
            return j
    return j


def _name_like(toks: Sequence[Tok]) -> bool:
    """Capitalised words, initials and name particles only (a name, maybe with titles)."""
    if any(t.text == "(" for t in toks):  # a party label: Rep. Jim Jordan (R-Ohio)
        opening = next(i for i, t in enumerate(toks) if t.text == "(")
        toks = toks[:opening]
    words = [t for t in toks if t.is_word]
    if not words or len(words) > 7:
        return False
    if any(_is_punct(t) and t.text not in {".", "-", "’", "'", '"', "“", "”"} for t in toks):
        return False
    return all(t.is_cap or t.low in NAME_PARTICLES or t.low.startswith("al-") for t in words) and (
        words[-1].is_cap
    )


def _description_like(toks: Sequence[Tok]) -> bool:
    """A description: starts with a determiner, "who", a title or a role noun."""
    words = [t for t in toks if t.is_word]
    if not words or len(words) > 18:
        return False
    first = words[0].low
    roles = speaker_words()["role"]
    return (
        first in DETERMINERS
        or first == "who"
        or first in roles
        or words[0].text in speaker_words()["title"]
        or (words[0].is_cap and any(t.low in roles for t in words))
    )


def _valid_speaker(toks: Sequence[Tok]) -> bool:
    """A plausible speaker: a pronoun, a name, an organisation or a role noun phrase."""
    words = [t for t in toks if t.is_word]
    if not words:
        return False
    if len(words) == 1 and words[0].low in PRONOUNS:
        return True
    if len(words) >= 2 and words[0].low in {"the", "a", "an", "this", "its", "his", "her", "their"}:
        return words[-1].low not in STOP and not words[-1].low.endswith("ly")
    kinds = speaker_words()
    for t in words:
        low = t.low.rstrip("’'s") if t.low.endswith(("’s", "'s")) else t.low
        if t.is_cap and low not in STOP and low not in DETERMINERS:
            return True
        if low in kinds["role"] or low in kinds["document"] or low in kinds["organisation"]:
            return True
        if AGENT_RE.match(low) or low in QUANTIFIER_SPEAKERS or low == "percent":
            return True
    return False


def _np_back(toks: list[Tok], j: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (inclusive), not reaching before ``lo``."""
    if j < lo or toks[j].q is not None or (_is_punct(toks[j]) and toks[j].text != ")"):
        return None
    if toks[j].low in PRONOUNS or toks[j].low == "which":
        if toks[j].low in {"who", "which"} and j - 1 >= lo:
            k = j - 2 if toks[j - 1].text == "," else j - 1
            return _np_back(toks, k, lo) if k >= lo else None
        return (j, j + 1)
    k = j
    while k >= lo:
        t = toks[k]
        if t.text == ")":  # a party label: Gov. Pat McCrory (R)
            opening = next(
                (m for m in range(k - 1, max(lo, k - 8) - 1, -1) if toks[m].text == "("), None
            )
            if opening is None or opening == lo:
                break
            k = opening - 1
            continue
        if t.q is None and t.text in {'"', "“", "”"} and k - 1 >= lo and toks[k - 1].is_cap:
            k -= 1  # the marks around a nickname: Marcia "Cia" Price
            continue
        if t.q is not None or (_is_punct(t) and t.text not in {"-"}):
            break
        low = t.low
        if low in NP_PREPOSITIONS and k < j and k - 1 >= lo:
            before = toks[k - 1]
            if before.is_word and before.low not in STOP and before.low not in DETERMINERS:
                k -= 1
                continue
            break
        if low in STOP or low in PRONOUNS or low in AUXILIARIES:
            if low in {"him", "her", "them"}:
                k -= 1
                continue
            break
        if low.endswith("ly") and not t.is_cap and len(low) > 4:
            break
        k -= 1
        if low in DETERMINERS:
            # "a narrator in the Clinton ad", "Mr. Morgan of the Sierra Club": go on
            attached = (
                k - 1 >= lo
                and toks[k].low in {"of", "in", "at", "from", "for", "with"}
                and toks[k - 1].is_word
                and toks[k - 1].low not in STOP | DETERMINERS | AUXILIARIES
            )
            if not attached:
                break
        if j - k >= 12:
            break
    start = k + 1
    while start <= j and toks[start].low in NP_PREPOSITIONS:
        start += 1
    if start > j:
        return None
    return (start, j + 1)


def _np_forward(
    toks: list[Tok], k: int, hi: int, appositive: bool = True
) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k`` (with an appositive after a comma)."""
    if k >= hi or toks[k].q is not None or _is_punct(toks[k]):
        return None
    if toks[k].low in PRONOUNS:
        return (k, k + 1)
    j = k
    while j < hi:
        t = toks[j]
        if t.q is not None or _is_punct(t):
            break
        low = t.low
        if low in NP_PREPOSITIONS and j > k:
            if low == "of" or (low in {"at", "from", "for", "with"} and j + 1 < hi):
                nxt = toks[j + 1] if j + 1 < hi else None
                if nxt is not None and nxt.is_word and nxt.low not in STOP:
                    j += 1
                    continue
            break
        if j > k and (
            low in STOP or low in AUXILIARIES or (low in reporting_verbs() and not t.is_cap)
        ):
            break
        if j > k and low in DAYS:
            break
        if (
            j > k
            and not t.is_cap
            and toks[j - 1].is_cap
            and low not in speaker_words()["role"]
            and not AGENT_RE.match(low)
        ):
            break
        j += 1
        if j - k >= 10:
            break
    if j == k:
        return None
    end = j
    if appositive and end + 1 < hi and toks[end].text == ",":
        m = end + 1
        while m < hi and toks[m].q is None and toks[m].text not in {",", ".", ";", ":"}:
            m += 1
        if m > end + 1 and _description_like(toks[end + 1 : m]) and m - end <= 16:
            end = m
    return (k, end)


def _unit_subject(toks: list[Tok], hi: int) -> tuple[int, int] | None:
    """The subject noun phrase of a unit: after an introductory phrase and dateline."""
    k = 0
    while k < hi and (_is_punct(toks[k]) and toks[k].q is None):
        k += 1
    # dateline: capitals followed by a dash
    for m in range(k, min(hi, k + 6)):
        if toks[m].text in {"—", "--", "–"} and all(
            t.text.isupper() or _is_punct(t) for t in toks[k:m]
        ):
            k = m + 1
            break
    while k < hi and toks[k].low in {"but", "and", "so", "yet", "still", "instead", "meanwhile"}:
        k += 1
    if k < hi and (toks[k].low in STOP or toks[k].low.endswith("ly") or toks[k].low in DAYS):
        comma = next((m for m in range(k, hi) if toks[m].text == ","), None)
        if comma is None:
            return None
        k = comma + 1
    span = _np_forward(toks, k, hi, appositive=True)
    if span is None or not _valid_speaker(toks[span[0] : span[1]]):
        return None
    return span


def _appositive_back(toks: list[Tok], comma: int, lo: int) -> tuple[int, int] | None:
    """``NAME, DESCRIPTION,`` or ``DESCRIPTION, NAME,`` (up to three segments) before a cue."""
    end = comma
    segments: list[Sequence[Tok]] = []
    for _ in range(3):
        first = next((m for m in range(end - 1, lo - 1, -1) if toks[m].text == ","), None)
        if first is None or any(t.q is not None for t in toks[first:end]):
            return None
        segments.insert(0, toks[first + 1 : end])
        if not segments[0]:
            return None
        outer = _np_back(toks, first - 1, lo)
        if outer is not None:
            outer_toks = toks[outer[0] : outer[1]]
            names = [_name_like(seg) for seg in segments]
            described = all(_name_like(seg) or _description_like(seg) for seg in segments)
            if described and _valid_speaker(outer_toks) and (_name_like(outer_toks) or any(names)):
                return (outer[0], comma)
            if len(segments) == 1 and _name_like(outer_toks) and _valid_speaker(outer_toks):
                return outer
        end = first
    return None


def _skip_forward_adverbials(toks: list[Tok], k: int, hi: int) -> int:
    """Skip time phrases and ``in a statement``-like phrases after a cue, up to the content."""
    start = k
    for _ in range(4):
        if k >= hi:
            return k
        t = toks[k]
        if t.low in DAYS or t.low in {"earlier", "later", "again", "also", "repeatedly", "today"}:
            k += 1
            continue
        if t.low.endswith("ly") and t.text.islower() and len(t.low) > 4:
            k += 1
            continue
        if t.low in {"on", "in", "at", "during", "to", "last", "this", "via", "over", "through"}:
            # a prepositional phrase followed by "that", ":", a quote or a comma
            m = k + 1
            while (
                m < hi
                and m - k <= 12
                and toks[m].q is None
                and toks[m].low
                not in {
                    "that",
                    ",",
                    ":",
                    ".",
                }
            ):
                m += 1
            if (
                m < hi
                and m - k <= 12
                and (toks[m].q is not None or toks[m].low in {"that", ",", ":"})
            ):
                k = m
                continue
            if m - k <= 12 and all(_is_punct(x) for x in toks[m:hi]):
                return hi  # a phrase that ends the sentence: "…, he said in an interview."
            if t.low in {"last", "this"} and k + 1 < hi and toks[k + 1].low in ADVERBS:
                k += 2
                continue
            if t.low == "on" and k + 1 < hi and toks[k + 1].low in DAYS:
                k += 2
                continue
            return k
        return k
    return max(k, start)


def _ends_clause(toks: list[Tok], k: int, n: int) -> bool:
    """True if nothing but punctuation, a quotation, a comma clause or an adverbial follows."""
    if k >= n or toks[k].q is not None or toks[k].text in {",", ";", ":", "—", "--", "("}:
        return True
    if all(_is_punct(t) for t in toks[k:n]):
        return True
    return _skip_forward_adverbials(toks, k, n) >= n


def _base_form_subject(prev: Tok, before: Sequence[Tok] = ()) -> bool:
    """A base-form verb ("say", "note") needs a plural or pronoun subject or an auxiliary."""
    if prev.is_cap and any(t.low == "and" for t in before[-3:]):
        return True  # "Obama and Clinton call"
    low = prev.low
    return (
        prev.q is not None
        or _is_punct(prev)
        or low in {"i", "we", "you", "they", "to", "who", "that", "which"}
        or low in AUXILIARIES
        or low in ADVERBS
        or low in DAYS
        or low.endswith("s")
        or low.endswith("ly")
        or low in {"people", "police", "men", "women", "children"}
        or low in speaker_words()["document"]
    )


def _find_attributions(toks: list[Tok]) -> list[Attribution]:
    """Every cue with its speaker and chunk in one unit's frame (content is set later)."""
    found: list[Attribution] = []
    verbs = reporting_verbs()
    n = len(toks)
    for i, t in enumerate(toks):
        if t.q is not None:
            continue
        low = t.low
        if low == "according" and i + 1 < n and toks[i + 1].low == "to":
            speaker = _np_forward(toks, i + 2, n)
            if speaker is not None and _valid_speaker(toks[speaker[0] : speaker[1]]):
                found.append(Attribution((i, i + 2), speaker, (i, speaker[1]), "according"))
            continue
        if (
            low in DASHES
            and i > 0
            and (
                toks[i - 1].q is not None
                or (i > 1 and _is_punct(toks[i - 1]) and toks[i - 2].q is not None)
            )
        ):
            speaker = _np_forward(toks, i + 1, n)
            rest = toks[speaker[1] :] if speaker is not None else []
            if (
                speaker is not None
                and toks[i + 1].is_cap
                and _name_like(toks[speaker[0] : speaker[1]])
                and all(_is_punct(x) for x in rest)
            ):
                found.append(Attribution((i, i + 1), speaker, (i, speaker[1]), "inverted"))
            continue
        verb = verbs.get(low)
        if verb is None:
            continue
        prev_low = toks[i - 1].low if i > 0 else ""
        next_low = toks[i + 1].low if i + 1 < n else ""
        passive = {"was", "were", "is", "are", "be", "been", "being", "get", "got"}
        if prev_low in passive and not low.endswith("ing"):
            continue  # passive: "was asked"
        if prev_low == "to" and i > 1 and toks[i - 2].low not in {"continued", "continues", "went"}:
            continue  # "declined to say"
        if prev_low in DETERMINERS and not low.endswith("ing") and prev_low not in {"that"}:
            continue  # "the report", "a statement"
        if (
            low == verb.lemma
            and i > 0
            and not _base_form_subject(toks[i - 1], toks[max(0, i - 4) : i - 1])
        ):
            continue  # "a diplomatic note": a noun, not a verb
        if verb.lemma == "put" and next_low != "it":
            continue  # only "as the memo put it"
        if verb.lemma == "add" and next_low in {"to", "up", "on"}:
            continue
        if (
            low.endswith("s")
            and low != "says"
            and i > 0
            and toks[i - 1].is_word
            and not toks[i - 1].is_cap
            and toks[i - 1].low not in PRONOUNS
            and toks[i - 1].low not in speaker_words()["role"]
            and toks[i - 1].low not in speaker_words()["document"]
            and not AGENT_RE.match(toks[i - 1].low)
        ):
            continue  # "campaign promises", "news reports": a noun, not a verb
        if verb.lemma == "call" and next_low in {"off", "up", "in", "out", "back"}:
            continue
        if verb.lemma in {
            "state",
            "post",
            "report",
            "charge",
            "call",
            "label",
            "fear",
            "hope",
        } and (i > 0 and toks[i - 1].is_word and toks[i - 1].low in DETERMINERS):
            continue
        if (
            t.text[:1].isupper()
            and i > 0
            and toks[i - 1].is_cap
            and verb.lemma
            in {
                "state",
                "post",
                "report",
            }
        ):
            continue  # "Islamic State", "Washington Post"
        j = _skip_adverbials_back(toks, i - 1)
        # inverted: “…,” said Mr. Pompeo / …, said Mr. Barrett, the lawyer / , says the report
        if (j < 0 or toks[j].q is not None or toks[j].text in {",", ":", "—", "--"}) and not (
            low.endswith("ing")
        ):
            k = i + 1
            speaker = _np_forward(toks, k, n)
            if (
                speaker is not None
                and toks[k].low not in {"that", "this", "these", "those", "no"}
                and (toks[k].is_cap or toks[k].low in DETERMINERS or toks[k].text[:1].isdigit())
                and toks[k].low not in PRONOUNS
                and _valid_speaker(toks[speaker[0] : speaker[1]])
                and _ends_clause(toks, speaker[1], n)
            ):
                found.append(Attribution((i, i + 1), speaker, (i, speaker[1]), "inverted"))
                continue
        if j >= 0 and toks[j].text == "," and low.endswith("ing"):
            found.append(Attribution((i, i + 1), None, (i, i + 1), "participle"))
            continue
        if j >= 0 and toks[j].text == ",":
            speaker = _appositive_back(toks, j, 0)
            if speaker is not None:
                found.append(Attribution((i, i + 1), speaker, (speaker[0], i + 1), "before"))
            elif i > 0 and toks[0].q is None:
                subject = _unit_subject(toks, j)
                if subject is not None and subject[1] <= j:
                    found.append(Attribution((i, i + 1), subject, (j + 1, i + 1), "subject"))
            continue
        if j >= 0 and toks[j].low in {"and", "but"} and j > 0:
            subject = _unit_subject(toks, j)
            if subject is not None:
                found.append(Attribution((i, i + 1), subject, (j + 1, i + 1), "subject"))
            continue
        speaker = _np_back(toks, j, 0) if j >= 0 else None
        if speaker is None:
            if i == 0 and low.endswith("ed") and t.is_cap:
                continue  # "Asked about …," a participle opening the sentence
            continue
        if not _valid_speaker(toks[speaker[0] : speaker[1]]):
            continue
        found.append(Attribution((i, i + 1), speaker, (speaker[0], i + 1), "before"))
    return found


def _set_content(toks: list[Tok], atts: list[Attribution]) -> None:
    """The content (token ranges) of each cue: its quotation(s) or reported clause."""
    n = len(toks)
    atts.sort(key=lambda a: a.chunk[0])
    for index, a in enumerate(atts):
        cs, ce = a.chunk
        verb = a.verb
        # the end of the after-content: the next attribution that is set off by a comma
        limit = n
        for other in atts[index + 1 :]:
            os_ = other.chunk[0]
            if os_ >= ce and os_ > 0 and toks[os_ - 1].text in {",", "—", "--", ";"}:
                limit = os_ - 1
                break
            if os_ >= ce and os_ > 0 and toks[os_ - 1].q is not None:
                limit = os_
                break
        after = ce
        if a.mode != "according":
            if verb is not None and verb.takes_object and after < limit:
                obj = _np_forward(toks, after, limit, appositive=False)
                if obj is not None and toks[after].low not in {"that"} and toks[after].q is None:
                    after = obj[1]
            after = _skip_forward_adverbials(toks, after, limit)
        while after < limit and (
            _is_punct(toks[after]) or toks[after].low in {"that", "whether", "if"}
        ):
            if toks[after].low in {"whether", "if"}:
                break
            after += 1
        limit = _clause_end(toks, after, limit)
        if cs > 0 and toks[cs - 1].low in SUBORDINATORS:
            # "while officials may call for X in public, “…”": the clause ends at its comma
            comma = next((k for k in range(after, limit) if toks[k].text == ","), None)
            limit = comma if comma is not None else limit
        after_words = [t for t in toks[after:limit] if t.is_word or t.q is not None]
        prev = toks[cs - 1] if cs > 0 else None
        prev2 = toks[cs - 2] if cs > 1 else None
        before_start = 0
        for other in atts[:index]:
            if other.trailing and other.chunk[1] <= cs:
                before_start = other.chunk[1]
        before_toks = [t for t in toks[before_start:cs] if t.is_word or t.q is not None]
        first_after = toks[ce] if ce < n else None
        after_is_quote = bool(after_words) and after_words[0].q is not None
        content: list[tuple[int, int]] = []
        if a.mode == "participle":
            if after_words:
                content.append((after, limit))
        elif prev is not None and (
            prev.q is not None or (prev.text == "," and prev2 and prev2.q is not None)
        ):
            a.trailing = True
            content.append((before_start, cs))
            if after_is_quote and first_after is not None and first_after.text in {",", ":", "—"}:
                content.append((after, limit))
        elif prev is not None and prev.text in {",", "—", "--"} and cs > 1:
            if not after_words:
                a.trailing = True
                content.append((before_start, cs - 1))
            elif first_after is not None and first_after.text == "," and before_toks:
                a.trailing = True
                if _has_content(before_toks):
                    content.append((before_start, cs - 1))
                content.append((after, limit))
            else:
                content.append((after, limit))
        elif a.mode == "according" and not after_words and cs > 0:
            a.trailing = True
            content.append((before_start, cs))
        elif after_words:
            content.append((after, limit))
        a.content = [_strip_range(toks, s, e) for s, e in content if e > s]
        a.content = [(s, e) for s, e in a.content if e > s]
        if not a.content and not a.trailing and after > ce and toks[after - 1].text == ":":
            a.colon = all(_is_punct(t) for t in toks[after:])


SUBORDINATORS = {
    "while", "although", "though", "if", "when", "because", "since", "after", "before",
    "whereas", "unless", "until", "once",
}  # fmt: skip
CLAUSE_BREAKS = {"but", "while", "although", "whereas", "though"}


def _clause_end(toks: list[Tok], start: int, limit: int) -> int:
    """Where reported content ends: before ``, but``/``; ``/a new sentence inside the unit."""
    words = 0
    for k in range(start, limit):
        t = toks[k]
        words += t.is_word or t.q is not None
        if words < 3:
            continue
        if t.text == ";":
            return k
        if (
            (t.text == "," or t.q is not None)
            and k + 1 < limit
            and toks[k + 1].low in CLAUSE_BREAKS
        ):
            return k + (t.q is not None)
        if t.text in DASHES or t.text == "-":
            return k
        if (
            t.low == "and"
            and k + 1 < limit
            and toks[k + 1].low in reporting_verbs()
            and toks[k + 1].low.endswith("ed")
        ):
            return k
        if (
            t.text == ","
            and k + 2 < limit
            and toks[k + 1].low == "and"
            and toks[k + 2].low in {"he", "she", "they", "it", "we", "i"}
        ):
            return k
        if t.text in {".", "?", "!"} and k + 1 < limit and toks[k + 1].q is not None:
            return k + 1
    return limit


def _has_content(toks: list[Tok]) -> bool:
    """More than a leading adverb or conjunction."""
    words = [t for t in toks if t.q is not None or (t.is_word and t.low not in STOP | ADVERBS)]
    return bool(words)


def _strip_range(toks: list[Tok], s: int, e: int) -> tuple[int, int]:
    """Drop punctuation and conjunctions at both ends of a content range."""
    while s < e and (_is_punct(toks[s]) or toks[s].low in {"and", "but", "that"}):
        s += 1
    while e > s and _is_punct(toks[e - 1]) and toks[e - 1].text not in {"?", "!"}:
        e -= 1
    while e > s and toks[e - 1].low in {"and", "but"}:
        e -= 1
    return s, e


# --------------------------------------------------------------------------------------
# People and speaker resolution
# --------------------------------------------------------------------------------------


@dataclass(eq=False)
class Entity:
    """A person, organisation or description that speaks or is mentioned."""

    name: str
    kind: str  # person, organisation, description
    gender: str = ""
    roles: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return name_key(self.name).split(" ")[-1]


CAP_WORD = r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)"
NAME_RE = re.compile(
    rf"{CAP_WORD}(?:\s+(?:(?:al|bin|ibn|de|da|del|der|van|von|la|le|du|el|abu|bint|ben|di)\s+|al-)?{CAP_WORD})*"
)


class People:
    """The people of one text: names, titles, roles and gender, and where they are mentioned."""

    def __init__(self, text: str, paragraphs: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self.events: list[tuple[int, Entity, bool]] = []  # (offset, entity, is_subject)
        self.documents: list[tuple[int, str, Entity]] = []
        for lo, hi in paragraphs:
            self._scan_titles(lo, hi)
        for lo, hi in paragraphs:
            self._scan_mentions(lo, hi)
        self.events.sort(key=lambda e: e[0])

    def _scan_titles(self, lo: int, hi: int) -> None:
        words = speaker_words()
        titles = {**words["title"], **words["honorific"]}
        title_re = _title_re()
        for m in title_re.finditer(self.text, lo, hi):
            if m.start() > lo and self.text[m.start() - 1].isalnum():
                continue
            rest = self.text[m.end() : hi]
            if not rest.startswith(" "):
                continue
            name = NAME_RE.match(self.text, m.end() + 1, hi)
            if name is None:
                continue
            value = _clean_name(name.group(0))
            if not value or _is_org(value) or value.split()[0] in titles:
                continue
            title = m.group(0)
            entity = self.person(value)
            gender = titles.get(title, "")
            if gender and not entity.gender:
                entity.gender = gender
            if title in words["title"]:
                entity.roles |= _role_words(title)
        # appositives: "the State Department spokeswoman, Morgan Ortagus," / "X, a professor,"
        for m in re.finditer(
            rf"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er)\s+((?:[\w.’'\-]+\s+){{0,5}}?([a-z]+)),\s+({CAP_WORD}(?:\s+{CAP_WORD}){{1,3}}),",
            self.text[lo:hi],
        ):
            self._role_from(m.group(3), m.group(1))
        for m in re.finditer(
            rf"({CAP_WORD}(?:\s+{CAP_WORD}){{1,3}}),\s+(?:the|a|an)\s+((?:[\w.’'\-]+\s+){{0,6}}?[a-z]+)[,.]",
            self.text[lo:hi],
        ):
            self._role_from(m.group(1), m.group(2))

    def _role_from(self, name: str, description: str) -> None:
        value = _clean_name(name)
        if not value or _is_org(value) or len(value.split()) < 2:
            return
        roles = speaker_words()["role"]
        words = description.lower().split()
        found = {w for w in words if w in roles}
        if not found:
            return
        entity = self.person(value)
        entity.roles |= _role_words(description)
        for w in words:
            if roles.get(w) and not entity.gender:
                entity.gender = roles[w]

    def _scan_mentions(self, lo: int, hi: int) -> None:
        for m in NAME_RE.finditer(self.text, lo, hi):
            value = _clean_name(m.group(0))
            if not value:
                continue
            entity = self.lookup(value, create=False)
            if entity is not None:
                self.events.append((m.start(), entity, self._is_subject(lo, m.start())))

    def _is_subject(self, lo: int, position: int) -> bool:
        """True if the mention at ``position`` is in the subject noun phrase of its sentence."""
        start = max(lo, *(self.text.rfind(mark, lo, position) + 2 for mark in (". ", "? ", "! ")))
        prefix = self.text[start:position].split()
        roles = speaker_words()["role"]
        return len(prefix) <= 7 and all(
            w[:1].isupper() or w.lower().strip(",") in DETERMINERS or w.strip(",") in roles
            for w in prefix
        )

    def person(self, name: str) -> Entity:
        """The person called ``name`` (created if new; a longer name replaces a shorter one)."""
        found = self.lookup(name, create=False)
        if found is not None:
            if len(name) > len(found.name) and name_key(name).endswith(name_key(found.name)):
                found.name = name
            return found
        entity = Entity(name, "person")
        self.entities.append(entity)
        return entity

    def lookup(self, name: str, create: bool = True, before: int | None = None) -> Entity | None:
        """The person whose full name is, or ends with, ``name`` (the most recent if several)."""
        key = name_key(name)
        if not key:
            return None
        candidates = [
            e
            for e in self.entities
            if e.kind == "person"
            and (
                name_key(e.name) == key
                or name_key(e.name).endswith(" " + key)
                or key.endswith(" " + name_key(e.name))
            )
        ]
        if len(candidates) > 1 and before is not None:
            last = {
                id(e): max((p for p, x, _ in self.events if x is e and p < before), default=-1)
                for e in candidates
            }
            candidates.sort(key=lambda e: last[id(e)], reverse=True)
        if candidates:
            return candidates[0]
        if not create:
            return None
        return self.person(name)

    def by_role(self, words: set[str], before: int) -> Entity | None:
        """The most recently mentioned person with one of the role ``words``."""
        best, best_pos = None, -1
        for entity in self.entities:
            if entity.kind != "person" or not (entity.roles & words):
                continue
            pos = max((p for p, e, _ in self.events if e is entity and p < before), default=-1)
            if pos > best_pos:
                best, best_pos = entity, pos
        return best

    def recent(self, before: int, gender: str, window: int, unit_start: int) -> Entity | None:
        """The person a pronoun at ``before`` refers to.

        In order: a compatible person earlier in the same sentence; the most recent
        compatible subject (of a sentence or a cue); the most recent compatible mention.
        """
        events = [e for e in self.events if before - window <= e[0] < before]
        people = [(pos, e, subject) for pos, e, subject in events if e.kind == "person"]
        for pos, entity, _ in reversed(people):
            if pos >= unit_start and _compatible(entity, gender):
                return entity
        for subjects_only in (True, False):
            for _, entity, subject in reversed(people):
                if (subject or not subjects_only) and _compatible(entity, gender):
                    return entity
        return None

    def recent_group(self, before: int, window: int) -> Entity | None:
        """The most recent organisation or group speaker (for "they", "it", "we")."""
        for pos, entity, _ in reversed(self.events):
            if pos < before - window:
                break
            if pos < before and entity.kind != "person":
                return entity
        return None


def _compatible(entity: Entity, gender: str) -> bool:
    return not gender or not entity.gender or entity.gender == gender


def _role_words(title: str) -> set[str]:
    """Role words of a title or description (``Secretary of State`` → secretary, …)."""
    low = title.lower().rstrip(".")
    roles = speaker_words()["role"]
    found = {low}
    found |= {w for w in re.findall(r"[a-z\-]+", low) if w in roles}
    for phrase in roles:
        if " " in phrase and phrase in low:
            found.add(phrase)
    return found


@lru_cache(maxsize=8192)
def _clean_name(value: str) -> str:
    """A name without a trailing possessive, titles, or sentence-initial function words."""
    value = re.sub(r"[’']s$", "", value.strip())
    words = value.split()
    titles = {**speaker_words()["title"], **speaker_words()["honorific"]}
    while words and (words[0] in titles or words[0].lower() in STOP | DETERMINERS):
        words = words[1:]
    # multiword titles
    joined = " ".join(words)
    for title in sorted(titles, key=len, reverse=True):
        if joined.startswith(title + " "):
            joined = joined[len(title) + 1 :]
            break
    words = joined.split()
    if not words or not words[-1][:1].isupper() or (words[-1].isupper() and len(words) == 1):
        return (
            joined
            if words and words[-1].isupper() and len(words[-1]) > 1
            else (joined if words and words[-1][:1].isupper() else "")
        )
    return joined


def _is_org(value: str) -> bool:
    orgs = speaker_words()["organisation"]
    words = value.split()
    return any(w.strip(".,") in orgs for w in words) or (len(words) == 1 and value.isupper())


# --------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------

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


def _extract(text: str, paragraphs: list[tuple[int, int]]) -> list[_Row]:
    quotes = [q for q in find_quote_marks(text, paragraphs) if not _is_name_or_title(text, q)]
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
        for us, ue in _units(text, lo, hi, [(a, b) for a, b, _ in segments]):
            toks = _frame(text, us, ue, segments)
            atts = _find_attributions(toks)
            for a in atts:
                a.verb = reporting_verbs().get(toks[a.cue[0]].low)
                a.unit, a.paragraph, a.unit_start = unit_index, p_index, us
                a.cue_span = (toks[a.cue[0]].start, toks[a.cue[1] - 1].end)
                if a.speaker is not None:
                    a.speaker_span = (toks[a.speaker[0]].start, toks[a.speaker[1] - 1].end)
            _set_content(toks, atts)
            atts = [a for a in atts if (a.content or a.colon) and _keep(a, toks)]
            for a in atts:
                if a.mode == "participle":
                    _participle_speaker(a, toks, atts, attributions)
            frames.append((p_index, toks, atts))
            attributions.extend(atts)
            for t_index, t in enumerate(toks):
                if t.q is None:
                    continue
                owner = _owner(t_index, atts)
                if owner is not None and t.q not in quote_att:
                    quote_att[t.q] = owner
                quote_context.setdefault(t.q, (toks, owner, t_index))
            unit_index += 1
    _resolve_all(people, attributions, text)
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


def _keep(a: Attribution, toks: list[Tok]) -> bool:
    """Weak cues ("called") count only when their content holds quoted words."""
    if a.verb is None or not a.verb.weak or a.colon:
        return True
    return any(toks[i].q is not None for s, e in a.content for i in range(s, e))


def _owner(t_index: int, atts: list[Attribution]) -> Attribution | None:
    """The innermost attribution whose content holds token ``t_index``."""
    best, size = None, 10**9
    for a in atts:
        for s, e in a.content:
            if s <= t_index < e and e - s < size:
                best, size = a, e - s
    return best


def _participle_speaker(
    a: Attribution, toks: list[Tok], atts: list[Attribution], earlier: list[Attribution]
) -> None:
    """``…, saying that``: the speaker of an earlier cue in the unit, else the subject."""
    before = [b for b in atts if b is not a and b.chunk[0] < a.chunk[0] and b.speaker_span]
    if before:
        a.speaker_span = before[-1].speaker_span
        a.speaker = before[-1].speaker
        return
    subject = _unit_subject(toks, a.chunk[0])
    if subject is not None:
        a.speaker = subject
        a.speaker_span = (toks[subject[0]].start, toks[subject[1] - 1].end)


def _resolve_all(people: People, attributions: list[Attribution], text: str) -> None:
    """Resolve every speaker mention, in text order, learning gender from pronouns."""
    for a in sorted(attributions, key=lambda x: x.cue_span[0]):
        if a.speaker_span is None:
            continue
        mention = text[a.speaker_span[0] : a.speaker_span[1]]
        a.entity = _resolve(people, mention, a.speaker_span[0], attributions, a.unit_start)
        if a.entity is not None:
            a.speaker_name = a.entity.name
            if a.entity.kind == "person" or a.entity.kind == "organisation":
                people.events.append((a.speaker_span[0], a.entity, True))
                people.events.sort(key=lambda e: e[0])
            low = mention.lower()
            if low in {"he", "she"} and not a.entity.gender and a.entity.kind == "person":
                a.entity.gender = PRONOUNS[low]
        else:
            a.speaker_name = mention


def _resolve(
    people: People,
    mention: str,
    position: int,
    attributions: list[Attribution],
    unit_start: int = 0,
) -> Entity | None:
    """The entity a speaker mention refers to (see the module docstring)."""
    words = speaker_words()
    low = mention.lower().strip()
    window = 4000
    if low in PRONOUNS:
        if low in {"he", "she"}:
            return people.recent(position, PRONOUNS[low], window, unit_start)
        if low in {"they", "it", "we"}:
            return people.recent_group(position, window)
        return None
    core = mention.split(",")[0] if "," in mention else mention
    # appositive: take the part that is a name
    parts = [p.strip() for p in mention.split(",") if p.strip()]
    for part in parts:
        value = _clean_name(part)
        if value and not _is_org(value) and _looks_personal(part, value):
            entity = people.lookup(value, create=True, before=position)
            if entity is not None:
                entity.mentions.append(position)
                for other in parts:
                    if other is not part:
                        entity.roles |= _role_words(other)
                        for w in other.lower().split():
                            if words["role"].get(w) and not entity.gender:
                                entity.gender = words["role"][w]
                return entity
    core = parts[0] if parts else mention
    possessive = re.match(r"(.+?)[’']s\s+(\w+(?:\s+\w+)?)$", core)
    if possessive:
        owner = _resolve(people, possessive.group(1), position, attributions)
        thing = possessive.group(2)
        owner_name = owner.name if owner is not None else _strip_det(possessive.group(1))
        return Entity(f"{owner_name}'s {thing}", "organisation")
    tokens = re.findall(r"[\w\-]+", core.lower())
    if tokens and tokens[-1] in words["document"]:
        for pos, noun, entity in reversed(people.documents):
            if pos < position and noun == tokens[-1]:
                return entity
        for a in sorted(attributions, key=lambda x: -x.cue_span[0]):
            if a.cue_span[0] < position and a.entity is not None and a.speaker_span:
                context = people.text[a.cue_span[1] : a.cue_span[1] + 60].lower()
                if tokens[-1] in context:
                    return a.entity
        return Entity(_strip_det(core), "organisation")
    roles = {t for t in tokens if t in words["role"]}
    roles |= {phrase for phrase in words["role"] if " " in phrase and phrase in core.lower()}
    capitals = [w for w in re.findall(r"[\w.\-’']+", core) if w[:1].isupper()]
    if (roles and core[:1].islower()) or (roles and core.split()[0].lower() in DETERMINERS):
        singular = not any(t.endswith("s") and t in words["role"] for t in tokens[-1:])
        if singular and tokens[0] in {"the", "his", "her", "its", "their"}:
            head = {r for r in roles if " " in r} or roles
            entity = people.by_role(head, position)
            if entity is not None:
                return entity
        return Entity(_strip_det(core), "description")
    if capitals:
        return Entity(_strip_det(core), "organisation")
    return Entity(_strip_det(core), "description")


def _looks_personal(part: str, value: str) -> bool:
    """A name of a person rather than of a place, a group or an organisation."""
    first = part.split()[0] if part.split() else ""
    if (first.lower() in DETERMINERS and not first[:1].isupper()) or first.lower() in {
        "the",
        "a",
        "an",
    }:
        return False
    if " " not in value and GROUP_RE.search(value):
        return False
    return bool(re.search(r"[A-Z][a-z]", value)) and not _is_org(value)


GROUP_RE = re.compile(r"(?:ans|ats|ists|ites|is|ese|ers)$")  # Iraqis, Democrats, Republicans


def _strip_det(value: str) -> str:
    return re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", value.strip())


def _rows(
    text: str,
    quotes: list[QuoteSpan],
    frames: list[tuple[int, list[Tok], list[Attribution]]],
    quote_att: dict[int, Attribution],
    quote_context: dict[int, tuple[list[Tok], Attribution | None, int]],
    attributions: list[Attribution],
    people: People,
) -> list[_Row]:
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
            if _not_speech(text, toks, t_index, q):
                continue
            p = q.paragraphs[0]
            before = [
                a for a in by_paragraph.get(p, []) if a.cue_span[0] < q.start and a.speaker_span
            ]
            after = [
                a for a in by_paragraph.get(p, []) if a.cue_span[0] > q.start and a.speaker_span
            ]
            if full:
                previous = [a for a in by_paragraph.get(p - 1, []) if a.speaker_span]
                chained = last_speaker.get(index - 1)
                if before:
                    att = before[-1]
                elif after:
                    att = after[0]
                elif previous:
                    att = previous[-1]
                elif chained is not None and quotes[index - 1].paragraphs[-1] == p - 1:
                    att = chained
                how = "floating" if att is not None else ""
            elif before and _n_words(q, text) >= 2:
                att, how = before[-1], "floating"
        if att is not None:
            last_speaker[index] = att
        kind = "direct" if full else "partial"
        function = "speech" if att is not None else "scare"
        rows.append(
            _Row(
                q.start,
                q.end,
                kind,
                function,
                att,
                how or "none",
                q.paragraphs[0],
                _quote_text(text, q),
            )
        )
    # indirect content
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
                    _Row(
                        start,
                        end,
                        "indirect",
                        "speech",
                        a,
                        "cue",
                        a.paragraph,
                        text[start:end],
                    )
                )
    rows.sort(key=lambda r: (r.start, r.kind != "indirect"))
    return rows


def _quote_text(text: str, q: QuoteSpan) -> str:
    """The content of a quotation without marks; paragraphs joined by a space."""
    return " ".join(text[s[1] : s[2]] for s in q.segments)


def _n_words(q: QuoteSpan, text: str) -> int:
    return len(re.findall(r"\w+", _quote_text(text, q)))


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


def _is_name_or_title(text: str, q: QuoteSpan) -> bool:
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


def _not_speech(text: str, toks: list[Tok], t_index: int, q: QuoteSpan) -> bool:
    """Titles and nicknames in quote marks are not quotations."""
    content = _quote_text(text, q)
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


def _cue_type(a: Attribution) -> str:
    """``speech`` for verbs of saying, ``according to`` and dashes; ``stance`` for the others."""
    return "stance" if a.verb is not None and a.verb.stance else "speech"


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
                "cue_type": None if a is None else _cue_type(a),
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


# --------------------------------------------------------------------------------------
# Articles and stories
# --------------------------------------------------------------------------------------

QUOTE_COLUMNS = ["article_id", "quote_id", "role", *COLUMNS, "side"]
MATCH_COLUMNS = [
    "story_id",
    "original_id",
    "version_id",
    "original_quote_id",
    "version_quote_id",
    "status",
    "edit",
    "similarity",
    "duplicate",
    "original_quote",
    "version_quote",
    "original_speaker",
    "version_speaker",
    "original_cue",
    "version_cue",
    "speaker_changed",
    "cue_changed",
]
SOV_COLUMNS = [
    "article_id",
    "role",
    "side",
    "speaker_name",
    "n_quotes",
    "quoted_words",
    "share",
    "n_indirect",
    "indirect_words",
]
MATCH_THRESHOLD = 70.0


def article_quotes(article: Article) -> pd.DataFrame:
    """The quote table of one version: extract_quotes on its body paragraphs, with ids.

    Offsets point into ``article.text``; ids are ``<article_id>:qNN`` in text order.
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
        side_of(name) if isinstance(name, str) else None for name in table["speaker_name"]
    ]
    return table[QUOTE_COLUMNS]


def quotes_table(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The quote tables of every version of a story, original first."""
    versions = sorted(corpus.story(story_id).articles, key=lambda a: a.source.role != "original")
    tables = [article_quotes(a) for a in versions]
    if not tables:
        return pd.DataFrame(columns=QUOTE_COLUMNS)
    return pd.concat(tables, ignore_index=True)


def side_of(speaker_name: str) -> str:
    """The side of a resolved speaker from ``data/speaker_sides.csv``; unknown → ``other``.

    Matches the whole name, a surname ("Pompeo" in the file matches "Mike Pompeo"), and
    "X's office"/"X's statement" take the side of X.
    """
    key = name_key(speaker_name)
    owner = re.match(r"(.+?)'s\s+\w+$", key)
    candidates = [key] + ([owner.group(1)] if owner else [])
    for candidate in candidates:
        for name, side in speaker_sides():
            if (
                candidate == name
                or candidate.endswith(" " + name)
                or name.endswith(" " + candidate)
            ):
                return side
    return "other"


def speaker_key(name: object, kind: object = "person") -> str:
    """What two versions' speakers are compared on: a person's surname, else the whole name.

    "Donald Trump" and "Trump" are one speaker, "Adel Abdul Mahdi's office" and
    "Adel Abdul-Mahdi's office" too.
    """
    if not isinstance(name, str) or not name:
        return ""
    key = name_key(name)
    owner = re.match(r"(.+?)'s\s+(\w+)$", key)
    if owner:
        return speaker_key(owner.group(1)) + "'s " + owner.group(2)
    if kind == "person":
        return key.split(" ")[-1]
    return key


def _words(text: str) -> list[str]:
    view = comparison_view(text).replace("...", " ").replace("…", " ")
    return re.findall(r"[\w'’]+", view)


def similarity(a: str, b: str) -> float:
    """How alike two quotations are (0-100): whole-text ratio, or containment for trims."""
    x, y = " ".join(_words(a)), " ".join(_words(b))
    if not x or not y:
        return 0.0
    score = fuzz.ratio(x, y)
    shorter = min(len(x.split()), len(y.split()))
    if shorter >= 3:
        score = max(score, 0.95 * fuzz.partial_ratio(x, y))
    return float(score)


def edit_kind(original: str, version: str) -> str:
    """How a kept quotation changed: ``trimmed``, ``extended``, ``reworded`` (comma-separated)."""
    a, b = _words(original), _words(version)
    if a == b:
        return ""
    kinds: list[str] = []
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (op, *_) in enumerate(ops):
        at_end = index in (0, len(ops) - 1)
        if op == "delete":
            kinds.append("trimmed" if at_end else "reworded")
        elif op == "insert":
            kinds.append("extended" if at_end else "reworded")
        elif op == "replace":
            kinds.append("reworded")
    return ", ".join(dict.fromkeys(k for k in ("trimmed", "extended", "reworded") if k in kinds))


def _cue_lemma(cue: object) -> str:
    if not isinstance(cue, str):
        return ""
    verb = reporting_verbs().get(cue.lower().split()[-1]) if cue.split() else None
    return verb.lemma if verb is not None else cue.lower()


def match_quotes(original: pd.DataFrame, version: pd.DataFrame) -> list[dict]:
    """Match the quotations (in quote marks) of two versions; see :func:`quote_matches`."""
    o_rows = original[original["kind"] != "indirect"].to_dict("records")
    v_rows = version[version["kind"] != "indirect"].to_dict("records")
    scores = [
        (
            similarity(o["quote"], v["quote"]),
            -abs(i / max(len(o_rows), 1) - j / max(len(v_rows), 1)),
            i,
            j,
        )
        for i, o in enumerate(o_rows)
        for j, v in enumerate(v_rows)
    ]
    scores = [s for s in scores if s[0] >= MATCH_THRESHOLD]
    scores.sort(reverse=True)
    o_used: dict[int, int] = {}
    v_used: dict[int, int] = {}
    pairs: list[tuple[int, int, float, bool]] = []
    for score, _, i, j in scores:
        if i not in o_used and j not in v_used:
            o_used[i], v_used[j] = j, i
            pairs.append((i, j, score, False))
    # a version quotation that repeats an already matched original one (a duplicate)
    for score, _, i, j in scores:
        if j not in v_used and len(_words(v_rows[j]["quote"])) >= 5:
            v_used[j] = i
            pairs.append((i, j, score, True))
    rows = []
    for i, j, score, duplicate in pairs:
        o, v = o_rows[i], v_rows[j]
        speaker_changed = speaker_key(o["speaker_name"], o["speaker_type"]) != speaker_key(
            v["speaker_name"], v["speaker_type"]
        )
        cue_changed = _cue_lemma(o["cue"]) != _cue_lemma(v["cue"])
        edit = edit_kind(o["quote"], v["quote"])
        if speaker_changed or (not edit and cue_changed):
            status = "re-attributed"
        elif edit:
            status = "edited"
        else:
            status = "kept"
        rows.append(_match_row(o, v, status, edit, score, duplicate, speaker_changed, cue_changed))
    for i, o in enumerate(o_rows):
        if i not in o_used:
            rows.append(_match_row(o, None, "only in original", "", None, False, None, None))
    for j, v in enumerate(v_rows):
        if j not in v_used:
            rows.append(_match_row(None, v, "only in syndicated", "", None, False, None, None))
    return rows


def _match_row(
    o: dict | None,
    v: dict | None,
    status: str,
    edit: str,
    score: float | None,
    duplicate: bool,
    speaker_changed: bool | None,
    cue_changed: bool | None,
) -> dict:
    def get(row: dict | None, key: str) -> object:
        return None if row is None else row[key]

    return {
        "original_quote_id": get(o, "quote_id"),
        "version_quote_id": get(v, "quote_id"),
        "status": status,
        "edit": edit,
        "similarity": None if score is None else round(score, 1),
        "duplicate": duplicate,
        "original_quote": get(o, "quote"),
        "version_quote": get(v, "quote"),
        "original_speaker": get(o, "speaker_name"),
        "version_speaker": get(v, "speaker_name"),
        "original_cue": get(o, "cue"),
        "version_cue": get(v, "cue"),
        "speaker_changed": speaker_changed,
        "cue_changed": cue_changed,
    }


def quote_matches(
    corpus: Corpus, story_id: str, quotes: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Each quotation of the original matched to its counterpart in every other version.

    Status: ``kept``, ``edited`` (trimmed, extended or reworded), ``re-attributed``
    (different speaker, or same words with a different cue), ``only in original`` or
    ``only in syndicated``. Story with one version: an empty table.
    """
    quotes = quotes_table(corpus, story_id) if quotes is None else quotes
    versions = corpus.story(story_id).articles
    original = corpus.original(story_id)
    if original is None or len(versions) < 2:
        return pd.DataFrame(columns=MATCH_COLUMNS)
    rows = []
    for _, version in corpus.pairs(story_id):
        o = quotes[quotes["article_id"] == original.article_id]
        v = quotes[quotes["article_id"] == version.article_id]
        for row in match_quotes(o, v):
            row.update(
                story_id=story_id, original_id=original.article_id, version_id=version.article_id
            )
            rows.append(row)
    table = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    order = {
        s: k
        for k, s in enumerate(
            ["kept", "edited", "re-attributed", "only in original", "only in syndicated"]
        )
    }
    table["_o"] = table["status"].map(order)
    table["_q"] = table["original_quote_id"].fillna(table["version_quote_id"])
    return (
        table.sort_values(["version_id", "_o", "_q"])
        .drop(columns=["_o", "_q"])
        .reset_index(drop=True)
    )


def share_of_voice(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quoted words per speaker per version (direct and partial quotations with a speaker).

    Speakers are grouped by :func:`speaker_key` and shown by their fullest name in the
    story. ``share`` is the speaker's part of the version's quoted words; ``n_indirect``
    and ``indirect_words`` count the speaker's reported speech without quote marks.
    """
    speech = quotes[(quotes["function"] == "speech") & quotes["speaker_name"].notna()].copy()
    speech["key"] = [
        speaker_key(n, k)
        for n, k in zip(speech["speaker_name"], speech["speaker_type"], strict=True)
    ]
    names = speech.assign(length=speech["speaker_name"].str.len()).sort_values("length")
    display = names.groupby("key")["speaker_name"].last()
    quoted = speech[speech["kind"] != "indirect"]
    indirect = speech[speech["kind"] == "indirect"]
    keys = ["article_id", "role", "side", "key"]
    q = quoted.groupby(keys, dropna=False).agg(
        n_quotes=("quote_id", "size"), quoted_words=("n_words", "sum")
    )
    i = indirect.groupby(keys, dropna=False).agg(
        n_indirect=("quote_id", "size"), indirect_words=("n_words", "sum")
    )
    table = q.join(i, how="outer").fillna(0).reset_index()
    table["speaker_name"] = table["key"].map(display)
    for column in ("n_quotes", "quoted_words", "n_indirect", "indirect_words"):
        table[column] = table[column].astype(int)
    totals = table.groupby("article_id")["quoted_words"].transform("sum")
    table["share"] = (table["quoted_words"] / totals.where(totals > 0)).fillna(0).round(3)
    table["_o"] = table["role"].map({"original": 0}).fillna(1)
    table = table.sort_values(["_o", "article_id", "quoted_words"], ascending=[True, True, False])
    return table.drop(columns="_o")[SOV_COLUMNS].reset_index(drop=True)


def voice_by_side(share: pd.DataFrame) -> pd.DataFrame:
    """Quoted words per side (rows) and version (columns)."""
    wide = share.pivot_table(
        index="side", columns="article_id", values="quoted_words", aggfunc="sum"
    )
    order = list(dict.fromkeys(share["article_id"]))
    return wide.reindex(columns=order).fillna(0).astype(int)


def voice_changes(share: pd.DataFrame) -> pd.DataFrame:
    """Who lost and who gained voice: quoted words per speaker in each version, and the change.

    Only speakers quoted in some version; ``change`` = last version minus the original,
    most lost first.
    """
    quoted = share[share["quoted_words"] > 0]
    wide = quoted.pivot_table(
        index=["side", "speaker_name"], columns="article_id", values="quoted_words", aggfunc="sum"
    )
    order = list(dict.fromkeys(share["article_id"]))
    wide = wide.reindex(columns=[o for o in order if o in wide.columns]).fillna(0).astype(int)
    if wide.shape[1] >= 2:
        wide["change"] = wide.iloc[:, -1] - wide.iloc[:, 0]
        wide = wide.sort_values("change", kind="stable")
    wide.columns.name = None
    return wide.reset_index()


def attribution_changes(matches: pd.DataFrame) -> pd.DataFrame:
    """The matched quotations whose speaker or cue changed between versions."""
    changed = matches[(matches["speaker_changed"] == True) | (matches["cue_changed"] == True)]  # noqa: E712
    columns = [
        "version_id",
        "original_quote",
        "original_speaker",
        "original_cue",
        "version_speaker",
        "version_cue",
        "status",
    ]
    return changed[columns].reset_index(drop=True)


def story_tables(corpus: Corpus, story_id: str) -> dict[str, pd.DataFrame]:
    """The quote tables of one story, as exported: quotes, quote_matches, share_of_voice."""
    quotes = quotes_table(corpus, story_id)
    return {
        "quotes": quotes,
        "quote_matches": quote_matches(corpus, story_id, quotes),
        "share_of_voice": share_of_voice(quotes),
    }


def quote_view(quotes: pd.DataFrame, kinds: Iterable[str] = ("direct", "partial")) -> pd.DataFrame:
    """The readable columns of a quote table, for the notebook: who says what, with which cue."""
    chosen = quotes[quotes["kind"].isin(list(kinds))]
    columns = ["quote_id", "kind", "function", "quote", "speaker", "speaker_name", "side", "cue"]
    return chosen[columns].fillna("").reset_index(drop=True)


def match_view(matches: pd.DataFrame) -> pd.DataFrame:
    """The readable columns of the quote matches, for the notebook."""
    columns = [
        "status",
        "edit",
        "original_quote",
        "version_quote",
        "original_speaker",
        "version_speaker",
    ]
    return matches[columns].fillna("").reset_index(drop=True)


STATUSES = ("kept", "edited", "re-attributed", "only in original", "only in syndicated")


def key_findings(corpus: Corpus, story_id: str) -> list[str]:
    """Who kept, lost and gained voice in each version, generated from the quote tables."""
    tables = story_tables(corpus, story_id)
    matches, share = tables["quote_matches"], tables["share_of_voice"]
    sentences = []
    for (original_id, version_id), rows in matches.groupby(
        ["original_id", "version_id"], sort=False
    ):
        counts = rows["status"].value_counts()
        parts = [f"{counts[s]} {s}" for s in STATUSES if counts.get(s, 0)]
        changes = voice_changes(share[share["article_id"].isin([original_id, version_id])])
        lost = changes[changes.get("change", 0) < 0].head(2)
        gained = (
            changes[changes.get("change", 0) > 0].sort_values("change", ascending=False).head(2)
        )
        voice = "; ".join(
            [f"{r.speaker_name} loses {-r.change} quoted words" for r in lost.itertuples()]
            + [f"{r.speaker_name} gains {r.change}" for r in gained.itertuples()]
        )
        sentences.append(
            f"Of the quotations in quote marks, {', '.join(parts)} between {original_id} and "
            f"{version_id}." + (f" Share of voice: {voice}." if voice else "")
        )
    return sentences
