"""Datelines ("HELSINKI (AP) —", "WASHINGTON —", "(CNN)") opening a paragraph; bylines' names.

A dateline's place is exposed so that quote and actor code can exclude it: a dateline
word is never a speaker or an actor. Wire credits in a dateline or byline become
contributor metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .structure import WIRE_NAMES

WIRE_CODES = {"AP": "The Associated Press", "CNN": "CNN", "Reuters": "Reuters", "AFP": "AFP"}
_CAPS = r"[A-Z][A-Z.'’\-]+(?:[ /][A-Z][A-Z.'’\-]+)*"
_REGION = r"(?:,[ ][A-Z][A-Za-z.'’\-]*(?:[ ][A-Z][A-Za-z.'’\-]*)*)?"
_WIRE = r"(?:[ ]?\((?P<wire{n}>AP|CNN|Reuters|AFP)\))"
_DASH = r"[ \t\u00a0]*(?:—|–|--|-)(?=\s)"
DATELINE_RE = re.compile(
    rf"^(?:(?P<place>{_CAPS}{_REGION}){_WIRE.format(n=1)}?{_DASH}"
    rf"|(?P<place2>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)*{_REGION}){_WIRE.format(n=2)}(?:{_DASH})?"
    rf"|(?P<place3>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)*,[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)*){_DASH}"
    rf"|{_WIRE.format(n=3)}(?:{_DASH})?)"
)
ALONE_RE = re.compile(rf"^(?P<place>{_CAPS}{_REGION})$")
"""A dateline on its own line ("HELSINKI", "GLASGOW, Scotland") before the first body paragraph."""
MAX_PARAGRAPH = 15
"""Datelines are looked for in the first paragraphs only."""


@dataclass(frozen=True)
class Dateline:
    """Where a dateline is (offsets into the original), its place and its wire, if any."""

    start: int
    end: int
    place: str | None
    place_start: int | None
    wire: str | None


def find_dateline(text: str, paragraph: tuple[int, int], alone: bool = False) -> Dateline | None:
    """The dateline that opens ``text[paragraph]``; ``alone``: the whole paragraph may be one."""
    start, end = paragraph
    if alone and (m := ALONE_RE.match(text[start:end])) and len(m.group(0).split()) <= 4:
        return Dateline(start, end, m.group("place"), start, None)
    m = DATELINE_RE.match(text[start:end])
    if m is None:
        return None
    group = next((g for g in ("place", "place2", "place3") if m.group(g)), None)
    place = m.group(group) if group else None
    code = next((m.group(g) for g in ("wire1", "wire2", "wire3") if m.group(g)), "")
    wire = WIRE_CODES.get(code)
    return Dateline(start, start + m.end(), place, start + m.start(group) if group else None, wire)


_NAMES_RE = re.compile(r"\s*(?:,|\band\b|&)\s*")
_BY_RE = re.compile(r"(?i)^(?:.*?\bby\s+)")
_WIRE_TAIL_RE = re.compile(
    r"[\s,|•-]*(?:"
    + "|".join(re.escape(w) for w in sorted(WIRE_NAMES, key=len, reverse=True))
    + r")\b"
)


def byline_contributors(byline: str) -> tuple[list[str], str | None]:
    """(names, organisation) in: "By JILL COLVIN and VLADIMIR ISACHENKOV Associated Press"."""
    text = _BY_RE.sub("", byline.strip(), count=1).rstrip(" •")
    organisation = None
    wire = _WIRE_TAIL_RE.search(text)
    if wire:
        organisation = wire.group(0).strip(" ,|•-")
        text = text[: wire.start()]
    names = [n.strip(" -—") for n in _NAMES_RE.split(text) if n.strip(" -—")]
    names = [n for n in names if 1 <= len(n.split()) <= 4 and not any(c.isdigit() for c in n)]
    if organisation in ("Associated Press", "AP"):
        organisation = "The Associated Press"
    return names, organisation
