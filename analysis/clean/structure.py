"""Paragraph kinds recognised by their form: bylines, timestamps, photo credits, short lines.

These are the general shapes of web page furniture; they need no knowledge of an outlet.
"""

from __future__ import annotations

import re

SENTENCE_END = tuple(".!?…\"”’'):")
SHORT_WORDS = 12
"""A line of at most this many words without sentence punctuation is a short line."""

WIRE_NAMES = (
    "The Associated Press",
    "Associated Press",
    "AP",
    "Reuters",
    "Agence France-Presse",
    "AFP",
    "CNN",
    "Bloomberg",
    "New York Times",
    "The New York Times",
    "The Washington Post",
    "Washington Post",
    "USA TODAY",
    "Fox News",
)
_WIRE = "|".join(re.escape(name) for name in sorted(WIRE_NAMES, key=len, reverse=True))
AGENCIES = (
    r"(?:AP|Associated Press|The Associated Press|AFP|Getty Images|Getty|Reuters|EPA-EFE|EPA|PA|"
    r"Invision|Shutterstock|Sputnik|TASS|Bloomberg|Kremlin Pool|Pool|CNN|NurPhoto|Zuma|REX|TNS)"
)

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})"
)
TIME = (
    r"(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?|[AP]\.?M\.?)?"
    r"(?:\s*\(?(?:ET|EDT|EST|CT|CDT|PT|PDT|UTC|GMT|BST)\)?)?)"
)

TIMESTAMP_RE = re.compile(
    r"(?i)^(?:(?:posted|published|updated|originally published|last updated|modified)"
    r"\b:?\s*(?:at|on)?\s*|[\w/]+\s+)?"
    rf"(?:(?:{DATE}|{TIME}|\w+day,?)[\s,|@—–-]*(?:at\s+)?){{1,4}}(?:\|?\s*updated.*)?$"
    rf"|^(?:\d+\s*(?:m|h|min|mins|minutes?|hours?|days?)\s+ago|published|updated)$"
    rf"|^(?:published|updated|posted)\b:?.{{0,20}}{DATE}.{{0,40}}$"
)
BYLINE_RE = re.compile(
    rf"^(?:(?:{_WIRE})\s*[—–-]\s*)?(?i:by)\s+\S.{{0,150}}$"
    rf"|^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){{0,3}}(?:\s*(?:,|and)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]*){{0,3}})*\s*[,|]?\s*(?:{_WIRE})\b.{{0,60}}$"
    rf"|^(?:{_WIRE})\s*•?$"
    rf"|^[\w .'-]{{2,40}}•$"
    rf"|^/?\s*Source:\s*(?:{_WIRE})$"
    rf"|^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{1,3}}\s+is\s+(?:an?|the)\s+.{{0,80}}(?:writer|correspondent|reporter|editor|contributor)\b.*$"
    rf"|^[\w.'-]+(?:\s+[\w.'-]+){{0,8}}\s+(?:reported|contributed)\s+(?:from|to|reporting)\b.{{0,80}}$"
    rf"|^(?:from|via)\s+(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+){{0,3}}$"
    rf"|^[–—-]\s*this post authored by\b.*$"
    rf"|^.{{0,80}}\b(?:produced|edited|adapted)\b.{{0,30}}\b(?:this|it)\s+(?:interview|story|report|article|for)\b.*$"
    r"|^\S+@\S+\.\w+$"
)
NAME_LINE_RE = re.compile(r"^[A-Z][a-zA-Z.'’-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][a-zA-Z.'’-]+){1,2}$")
PHOTO_CREDIT_RE = re.compile(
    rf"^\(?(?:Photo|Credit|Image|Picture)s?:\s*.{{0,80}}\)?$"
    rf"|^(?i:(?:pool |file |staff )?(?:photo|photograph|image)s? by)\s+[A-Z].{{0,60}}$"
    rf"|^\([^()]{{0,80}}\b{AGENCIES}(?:\s+Photo)?\)$"
    rf"|^(?:[A-Z][\w.'’-]*\s*){{1,5}}(?:,|\||/|via)\s*.{{0,40}}\b{AGENCIES}(?:/\w+)?\s*(?:Photo)?$"
    rf"|^(?:[A-Z][\w.'’-]*\s*){{0,5}}(?:via\s+)?{AGENCIES}(?:\s*(?:Photo|Images))?(?:/file)?$"
    rf"|^©\s*\w+(?:\s+\w+)?$"
)


HEADLINE_WORDS = 20
"""A headline may be longer than a short line: up to this many words."""


BIO_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,5}[A-Z][\w.'’-]+,?[^.]{0,60}?\bis\s+(?:an?\s+|the\s+)?"
    r"(?:former|senior|retired|professor|fellow|author|editor|writer|reporter|correspondent|"
    r"director|contributor|columnist|host|lecturer|analyst|associate)\b"
)
"""An author's note at the end of an article: "VADM John Bird, USN (ret.) is former commander…"."""


def is_short_line(paragraph: str, max_words: int = SHORT_WORDS) -> bool:
    """At most ``max_words`` words and no sentence-final punctuation."""
    return len(paragraph.split()) <= max_words and not paragraph.rstrip().endswith(SENTENCE_END)


def looks_like_body(paragraph: str) -> bool:
    """A paragraph that reads as story text: a sentence of some length."""
    stripped = paragraph.rstrip()
    return len(stripped.split()) >= 8 and stripped.endswith((*SENTENCE_END, "—"))


def form_kind(paragraph: str) -> tuple[str, str] | None:
    """(kind, evidence) for a paragraph recognised by its form, or None."""
    text = paragraph.strip()
    words = len(text.split())
    writer = text.lower().startswith("by ") or text.endswith("Associated Press")
    if words <= 25 and writer and BYLINE_RE.match(text):
        return "byline", "form:byline"
    if words <= 14 and PHOTO_CREDIT_RE.match(text):
        return "photo_credit", "form:photo-credit"
    if words <= 25 and BYLINE_RE.match(text):
        return "byline", "form:byline"
    if words <= 16 and TIMESTAMP_RE.match(text):
        return "timestamp", "form:timestamp"
    return None
