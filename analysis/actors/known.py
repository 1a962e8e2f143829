"""Known forms of actors: the word lists (particles, days and months, institution and place
words), the known actors of ``data/actors.csv`` and the titles of ``data/actor_titles.csv``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..lexicon import data_rows
from ..lexicon.names import DAYS, MONTHS, NAME_PARTICLES
from ..segment import token_spans

NAME_SIMILARITY = 0.85  # names of as many words: normalised Levenshtein similarity of the keys
SURNAME_SIMILARITY = 0.75  # ... and of their last words
PARTICLES = NAME_PARTICLES
CONNECTORS = {"of"}  # inside a name only after a title or institution word
DAYS_MONTHS = frozenset(DAYS + MONTHS)
NOT_NAMES = {"O.K.", "OK", "A.M.", "P.M.", "a.m.", "p.m."}
INSTITUTION_WORDS = {
    *[
        "Department",
        "Ministry",
        "Council",
        "Organization",
        "Organisation",
        "Agency",
        "Party",
        "Army",
        "Navy",
    ],
    *[
        "Corps",
        "Guard",
        "Guards",
        "Parliament",
        "Congress",
        "Senate",
        "Court",
        "Committee",
        "Commission",
        "Union",
    ],
    *[
        "Association",
        "Office",
        "Bank",
        "University",
        "Company",
        "Corporation",
        "Group",
        "Institute",
        "Force",
        "Forces",
    ],
    *[
        "News",
        "Times",
        "Post",
        "Press",
        "Journal",
        "Network",
        "Service",
        "Administration",
        "Authority",
        "Assembly",
    ],
    *[
        "Bureau",
        "Fund",
        "Federation",
        "Coalition",
        "Alliance",
        "Front",
        "Movement",
        "Brigade",
        "Brigades",
    ],
}
PLACE_WORDS = {
    *[
        "Airport",
        "East",
        "West",
        "North",
        "South",
        "Gulf",
        "Sea",
        "Ocean",
        "River",
        "Street",
        "Square",
        "Province",
        "City",
    ],
    *[
        "Island",
        "Islands",
        "Mountains",
        "Valley",
        "Strait",
        "Canal",
        "Bay",
        "Desert",
        "Zone",
        "Base",
    ],
}
DETERMINERS = r"[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur"
POSSESSIVE_RE = re.compile(r"['’]s?$")
# --------------------------------------------------------------------------------------
# Data files
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownActor:
    """A row of ``data/actors.csv``."""

    name: str
    type: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]


@cache
def known_actors() -> tuple[KnownActor, ...]:
    """The known actors of ``data/actors.csv``."""
    return tuple(
        KnownActor(
            row["actor"],
            row["type"],
            tuple(a for a in row["aliases"].split("|") if a),
            tuple(a for a in (row["adjectives"] or "").split("|") if a),
        )
        for row in data_rows("actors.csv")
    )


@cache
def alias_index() -> dict[tuple[str, ...], tuple[KnownActor, str]]:
    """Token sequence of every alias → (actor, kind: "name" or "adjective")."""
    index: dict[tuple[str, ...], tuple[KnownActor, str]] = {}
    for actor in known_actors():
        for forms, kind in ((actor.aliases, "name"), (actor.adjectives, "adjective")):
            for form in forms:
                index[token_texts(form)] = (actor, kind)
    return index


@dataclass(frozen=True)
class Title:
    """A row of ``data/actor_titles.csv``."""

    form: str
    kind: str  # honorific, title or role
    role: str


@cache
def titles() -> tuple[Title, ...]:
    """Titles, honorifics and role nouns, longest first."""
    rows = [Title(r["form"], r["kind"], r["role"]) for r in data_rows("actor_titles.csv")]
    return tuple(sorted(rows, key=lambda t: len(token_texts(t.form)), reverse=True))


@cache
def title_index() -> dict[tuple[str, ...], Title]:
    return {token_texts(t.form): t for t in titles() if t.kind in ("honorific", "title")}


@cache
def description_roles() -> dict[str, frozenset[str]]:
    """Lower-case descriptions ("prime minister", "secretary") → the roles they refer to."""
    roles: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("actor_titles.csv"):
        if row["kind"] == "honorific":
            continue
        phrases = [p for p in (row["also"] or "").split("|") if p]
        if "." not in row["form"]:
            phrases.append(row["form"].lower())
        for phrase in phrases:
            roles[phrase].add(row["role"])
    return {phrase: frozenset(r) for phrase, r in roles.items()}


@cache
def description_re() -> re.Pattern[str]:
    phrases = sorted(description_roles(), key=len, reverse=True)
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(
        rf"\b(?:{DETERMINERS})\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}(?:former\s+|then-)?"
        rf"(?P<role>{alternatives})\b(?!\s+[A-Z])"
    )


# --------------------------------------------------------------------------------------
# Tokens of the headline and body


def token_texts(text: str) -> tuple[str, ...]:
    return tuple(text[s:e] for s, e in token_spans(text, 0, len(text)))
