"""Resolving mentions to actors: one name key, names across forms, descriptions and
headlines (:class:`Resolver`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz.distance import Levenshtein

from ..normalize import Rules, style_view, typography
from ..segment import is_word, token_spans
from ..wording import function_words
from .known import (
    INSTITUTION_WORDS,
    NAME_SIMILARITY,
    PLACE_WORDS,
    SURNAME_SIMILARITY,
    KnownActor,
    alias_index,
    token_texts,
)
from .mentions import (
    Mention,
    NameToken,
    base_form,
)

# --------------------------------------------------------------------------------------


@cache
def house_style_key(name: str, rules: Rules | None = None) -> str:
    """A name in the house style (``rules``: the story's, default the library's), case-folded,
    hyphens and dots as spaces: what actors' names are compared on.
    (:func:`analysis.quotes.name_key`, the speaker key, keeps spellings and only drops a
    leading article.)
    """
    view = style_view(base_form(typography(name)), rules).casefold()
    return " ".join(re.sub(r"[-‐.’']", " ", view).split())


def _without_initials(key: str) -> str:
    return " ".join(w for w in key.split() if len(w) > 1)


@cache
def _alias_keys(known: KnownActor, rules: Rules | None = None) -> frozenset[str]:
    return frozenset(house_style_key(a, rules) for a in known.aliases)


@dataclass
class Actor:
    """A resolved actor (a cluster of mentions)."""

    name: str
    type: str = ""
    key: str = ""
    known: KnownActor | None = None
    roles: set[str] = field(default_factory=set)
    forms: Counter[str] = field(default_factory=Counter)
    titled: bool = False


class Resolver:
    """Story-wide resolution of candidate mentions to actors (module docstring, rules 4-5)."""

    def __init__(self, mentions: list[Mention], rules: Rules | None = None) -> None:
        self.rules = rules  # the story's house-style rules, for name keys and display names
        self.actors: list[Actor] = []
        self._known: dict[str, int] = {}
        self._keys: dict[str, int] = {}
        self.mentions = mentions
        self._resolve_known()
        self._resolve_names()
        self._resolve_headlines()
        self._resolve_descriptions()
        self._set_types()
        self.mentions = [m for m in mentions if m.actor >= 0]

    # -- clusters --------------------------------------------------------------------
    def _known_actor(self, known: KnownActor) -> int:
        if known.name not in self._known:
            self.actors.append(
                Actor(known.name, known.type, house_style_key(known.name, self.rules), known)
            )
            self._known[known.name] = len(self.actors) - 1
        return self._known[known.name]

    def _resolve_known(self) -> None:
        for m in self.mentions:
            if m.known is not None:
                m.actor = self._known_actor(m.known)

    def _match_name(self, key: str) -> list[int]:
        """Clusters a name key can belong to: equal, a suffix of the words, or a close spelling."""
        words = key.split()
        hits = []
        for index, actor in enumerate(self.actors):
            if actor.known is not None or not actor.key:
                if actor.known is not None and key in _alias_keys(actor.known, self.rules):
                    return [index]
                continue
            a_words = actor.key.split()
            if key == actor.key or _without_initials(key) == _without_initials(actor.key):
                return [index]
            if (
                (len(words) < len(a_words) and a_words[-len(words) :] == words)
                or (
                    len(words) == len(a_words) > 0
                    and Levenshtein.normalized_similarity(key, actor.key) >= NAME_SIMILARITY
                    and Levenshtein.normalized_similarity(words[-1], a_words[-1])
                    >= SURNAME_SIMILARITY
                )
                or (
                    len(words) == 1
                    and len(a_words) > 1
                    and Levenshtein.normalized_similarity(words[0], a_words[-1]) >= NAME_SIMILARITY
                    and words[0][:1] == a_words[-1][:1]
                )
            ):
                hits.append(index)
        return hits

    def _resolve_names(self) -> None:
        named = [m for m in self.mentions if m.kind in ("name", "title", "honorific")]
        # Longest names first, so that "Ms. Smith" finds "Jane Smith".
        named.sort(
            key=lambda m: (-len(house_style_key(m.name, self.rules).split()), m.article_id, m.start)
        )
        last_seen: dict[tuple[str, int], int] = {}
        for m in named:
            key = house_style_key(m.name, self.rules)
            if not key:
                continue
            hits = self._match_name(key)
            if not hits:
                self.actors.append(Actor(m.name, key=key))
                index = len(self.actors) - 1
            elif len(hits) == 1:
                index = hits[0]
            else:
                index = self._most_recent(hits, m)
            m.actor = index
            actor = self.actors[index]
            actor.forms[m.name] += 1
            if m.role:
                actor.roles.add(m.role)
            if m.kind in ("title", "honorific"):
                actor.titled = True
            last_seen[(m.article_id, m.start)] = index
        for actor in self.actors:  # the display name: the fullest form, in house style
            if actor.forms and actor.known is None:
                fullest = max(actor.forms, key=lambda f: (len(f.split()), actor.forms[f]))
                actor.name = style_view(fullest, self.rules)

    def _most_recent(self, hits: list[int], m: Mention) -> int:
        """Of several candidate actors, the one mentioned last before ``m`` in its article."""
        before = [
            o
            for o in self.mentions
            if o.actor in hits and o.article_id == m.article_id and o.start < m.start
        ]
        if before:
            return max(before, key=lambda o: o.start).actor
        counts = Counter(o.actor for o in self.mentions if o.actor in hits)
        return max(hits, key=lambda h: counts[h])

    def _resolve_headlines(self) -> None:
        for m in self.mentions:
            if m.kind != "headline_word":
                continue
            key = house_style_key(m.name, self.rules)
            hits = [h for h in self._match_name(key) if self.actors[h].forms] if key else []
            if hits:
                m.actor = self._most_recent(hits, m) if len(hits) > 1 else hits[0]
                m.kind = "name"

    def _resolve_descriptions(self) -> None:
        by_start = {(m.article_id, m.start): m for m in self.mentions if m.actor >= 0}
        for m in self.mentions:
            if m.kind != "description":
                continue
            # An appositive: "The State Department spokeswoman, Maria Lopez, said".
            appositive = by_start.get((m.article_id, m.end + 2))
            if appositive is not None and self.actors[appositive.actor].known is None:
                m.actor = appositive.actor
                self.actors[m.actor].roles |= set(m.roles)
                continue
            holders = [i for i, a in enumerate(self.actors) if a.roles & m.roles]
            if holders:
                m.actor = self._most_recent(holders, m)

    def _set_types(self) -> None:
        described = {m.actor for m in self.mentions if m.kind == "description" and m.actor >= 0}
        for index, actor in enumerate(self.actors):
            if actor.type:
                continue
            words = set(actor.name.split())
            if words & INSTITUTION_WORDS:
                actor.type = "institution"
            elif words & PLACE_WORDS:
                actor.type = "place"
            elif actor.titled or actor.roles or index in described:
                actor.type = "person"
            else:
                actor.type = "other"

    # -- lookups ---------------------------------------------------------------------
    def resolve_name(self, name: str) -> int | None:
        """The actor a free-text name refers to ("Omar Abdel Rahman's office" → Omar Abdel Rahman).

        Tries the known forms, then names (dropping words from the end: "Iraqi officials" →
        Iraq); None if nothing matches.
        """
        toks = [
            NameToken(t, base_form(t), s, e, False)
            for t, (s, e) in zip(token_texts(name), token_spans(name, 0, len(name)), strict=True)
            if is_word(t)
        ]
        while toks and toks[0].base.casefold() in function_words():
            toks = toks[1:]
        for n in range(len(toks), 0, -1):
            part = toks[:n]
            hit = alias_index().get(tuple(t.base for t in part))
            if hit is not None:
                return self._known.get(hit[0].name)
            key = house_style_key(" ".join(t.base for t in part), self.rules)
            hits = [h for h in self._match_name(key) if self.actors[h].forms]
            if len(hits) == 1:
                return hits[0]
            if part[-1].text != part[-1].base:  # a possessive ends the name: "X's office"
                break
        return None
