"""Split an article's text into its parts: headline, date line, dateline, body, credits, page line.

Every part is a span ``(start, end)`` into the original text; nothing is copied or
changed. What lies outside every part is whitespace (line breaks, the space after a
dateline), so the parts plus that whitespace account for every character.

Formats (the manifest's ``format`` column):

- ``nyt-web``: the first line is the headline; the body may open with a dateline
  (``WASHINGTON —``).
- ``print``: syndicated print text; it may open with a ``date YYYY-MM-DD`` line and
  a dateline (``WASHINGTON --``) and end with a contributor-credit paragraph
  ("Information for this article was contributed by …") and a page line
  (``A Section on 01/11/2020``).
- ``plain``: all of the text is body.
- ``auto``: look for every part; the first line is a headline only if it is a short
  single line without sentence-final punctuation followed by more text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FORMATS = ("auto", "nyt-web", "print", "plain")
PART_NAMES = ("headline", "date_line", "dateline", "body", "credits", "page_line")

DATE_LINE_RE = re.compile(r"(?i:date):?[ \t]+(?P<date>\d{4}-\d{2}-\d{2})(?=\s|$)")
DATELINE_RE = re.compile(
    r"""(?P<dateline>
        [A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+)*                  # WASHINGTON, NEW YORK
        (?:,[ ][A-Z][A-Za-z.'’\-]*(?:[ ][A-Z][A-Za-z.'’\-]*)*)?   # , Iraq
        (?:[ ]\([A-Za-z. ]+\))?                                   # (AP)
        [ \t\u00a0]+(?:—|–|--))
    (?=\s)""",
    re.VERBOSE,
)
CREDITS_RE = re.compile(
    r"(?:Information for this article was contributed by\s"
    r"|.{1,300}?\scontributed\s(?:reporting|research|to this (?:article|report))\b)",
    re.DOTALL,
)
PAGE_LINE_RE = re.compile(r"[A-Z][A-Za-z]* Section on \d{1,2}/\d{1,2}/\d{4}")
HEADLINE_MAX_CHARS = 200
LINE_BREAK = r"(?:\r\n|\r(?!\n)|\n)"  # CRLF, CR alone (old Mac files) or LF: one line break
LINE_BREAK_RE = re.compile(LINE_BREAK)
BLANK_LINE_RE = re.compile(LINE_BREAK + r"[ \t\f\v\u00a0]*" + LINE_BREAK)
_SENTENCE_FINAL = tuple(".!?…\"”'’,;:")


@dataclass(frozen=True)
class Span:
    """One part of an article: its name and its offsets into the original text."""

    part: str
    start: int
    end: int


@dataclass(frozen=True)
class ParsedArticle:
    """The parts of one article and the spans of its body paragraphs."""

    parts: tuple[Span, ...]
    paragraphs: tuple[tuple[int, int], ...]
    date_line_date: str | None = None
    notes: tuple[str, ...] = field(default=())

    def part(self, name: str) -> Span | None:
        """The span of part ``name``, or None where the article has no such part."""
        return next((span for span in self.parts if span.part == name), None)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so that it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph candidates: blocks separated by blank lines if the text has any, else lines.

    Web text puts one paragraph on each line; print and wire text separate paragraphs
    with blank lines and may wrap lines inside a paragraph. A line ends with LF, CRLF or
    CR alone.
    """
    separator = BLANK_LINE_RE if BLANK_LINE_RE.search(text) else LINE_BREAK_RE
    spans, start = [], 0
    for match in separator.finditer(text):
        spans.append(_strip(text, start, match.start()))
        start = match.end()
    spans.append(_strip(text, start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _looks_like_headline(text: str, block: tuple[int, int], following: int) -> bool:
    """Auto-detection: a short single line, no sentence-final punctuation, more text after."""
    line = text[block[0] : block[1]]
    return (
        following > 0
        and LINE_BREAK_RE.search(line) is None
        and len(line) <= HEADLINE_MAX_CHARS
        and not line.endswith(_SENTENCE_FINAL)
        and DATELINE_RE.match(line) is None
    )


def parse_article(text: str, fmt: str = "auto") -> ParsedArticle:
    """Find the parts of ``text`` (see the module docstring for the formats).

    Raises ValueError if the format is unknown or the text has no body; the loader
    turns that into a ParseError that names the file.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    todo = blocks(text)
    if not todo:
        raise ValueError("the text is empty or only whitespace")
    if fmt == "plain":
        return ParsedArticle(parts=(Span("body", todo[0][0], todo[-1][1]),), paragraphs=tuple(todo))

    parts: list[Span] = []
    date = None

    def take_prefix(name: str, match: re.Match[str]) -> None:
        """Record a part that opens the first block; what follows stays in that block."""
        parts.append(Span(name, match.start(), match.end()))
        rest = _strip(text, match.end(), todo[0][1])
        todo[0:1] = [rest] if rest[1] > rest[0] else []

    if fmt in ("auto", "print") and (m := DATE_LINE_RE.match(text, *todo[0])):
        date = m.group("date")
        take_prefix("date_line", m)
    if todo and (
        fmt == "nyt-web" or (fmt == "auto" and _looks_like_headline(text, todo[0], len(todo) - 1))
    ):
        if line_break := LINE_BREAK_RE.search(text, *todo[0]):
            line_end = line_break.start()
            parts.append(Span("headline", *_strip(text, todo[0][0], line_end)))
            todo[0] = _strip(text, line_end, todo[0][1])
        else:
            parts.append(Span("headline", *todo.pop(0)))
    if todo and (m := DATELINE_RE.match(text, *todo[0])):
        take_prefix("dateline", m)

    tail: list[Span] = []
    if todo and PAGE_LINE_RE.fullmatch(text, *todo[-1]):
        tail.insert(0, Span("page_line", *todo.pop()))
    if len(todo) > 1 and CREDITS_RE.match(text, *todo[-1]):
        tail.insert(0, Span("credits", *todo.pop()))
    if not todo:
        found = ", ".join(span.part for span in parts + tail) or "nothing"
        raise ValueError(f"no body text (found only: {found})")
    parts.append(Span("body", todo[0][0], todo[-1][1]))
    return ParsedArticle(parts=tuple(parts + tail), paragraphs=tuple(todo), date_line_date=date)


@dataclass(frozen=True)
class Contributor:
    """A person named in the credits, the organisation they wrote for, and their offsets."""

    name: str
    organisation: str | None
    start: int
    end: int


_CREDIT_GROUP_RE = re.compile(
    r"(?:(?:and\s+)?by\s+)?(?P<names>.+?)\s+of\s+(?P<org>.+?)\s*$", re.DOTALL
)
_CREDIT_LEAD_RE = re.compile(r"Information for this article was contributed by\s+")
_CREDIT_SPLIT_RE = re.compile(r"[^;]+")
_CONTRIBUTED_RE = re.compile(r"(?P<names>.+?)\s+contributed\s", re.DOTALL)
_NAME_SEPARATOR_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the names in ``text[start:end]``, a list like "A, B and C"."""
    spans, cursor = [], start
    for sep in _NAME_SEPARATOR_RE.finditer(text, start, end):
        spans.append(_strip(text, cursor, sep.start()))
        cursor = sep.end()
    spans.append(_strip(text, cursor, end))
    return [(s, e) for s, e in spans if e > s]


def parse_credits(text: str, span: Span) -> list[Contributor]:
    """The contributors named in a credits paragraph, grouped by organisation.

    Handles the print form "Information for this article was contributed by A and B
    of The New York Times; by C of The Associated Press; and by D of The Washington
    Post." and the newsroom form "A and B contributed reporting." (organisation None:
    the article's own outlet).
    """
    end = span.end - 1 if text.endswith(".", span.start, span.end) else span.end
    lead = _CREDIT_LEAD_RE.match(text, span.start, end)
    if lead is None:
        m = _CONTRIBUTED_RE.match(text, span.start, end)
        if m is None:
            return []
        return [Contributor(text[a:b], None, a, b) for a, b in _names(text, *m.span("names"))]
    contributors: list[Contributor] = []
    for group in _CREDIT_SPLIT_RE.finditer(text, lead.end(), end):
        s, e = _strip(text, *group.span())
        m = _CREDIT_GROUP_RE.match(text, s, e)
        names, org = (m.span("names"), m.group("org")) if m else ((s, e), None)
        contributors += [Contributor(text[a:b], org, a, b) for a, b in _names(text, *names)]
    return contributors
