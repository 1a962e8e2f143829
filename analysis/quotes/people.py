"""The people of a text: names, titles, roles and gender, where each is mentioned, and
the clean-up of a speaker mention into a name (titles, possessives, determiners).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import (
    DETERMINERS,
    STOP,
    name_key,
    speaker_words,
    title_re,
)


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
        titles_pattern = title_re()
        for m in titles_pattern.finditer(self.text, lo, hi):
            if m.start() > lo and self.text[m.start() - 1].isalnum():
                continue
            rest = self.text[m.end() : hi]
            if not rest.startswith(" "):
                continue
            name = NAME_RE.match(self.text, m.end() + 1, hi)
            if name is None:
                continue
            value = clean_name(name.group(0))
            if not value or is_org(value) or value.split()[0] in titles:
                continue
            title = m.group(0)
            entity = self.person(value)
            gender = titles.get(title, "")
            if gender and not entity.gender:
                entity.gender = gender
            if title in words["title"]:
                entity.roles |= role_words(title)
        # appositives: "the State Department spokeswoman, Maria Lopez," / "X, a professor,"
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
        value = clean_name(name)
        if not value or is_org(value) or len(value.split()) < 2:
            return
        roles = speaker_words()["role"]
        words = description.lower().split()
        found = {w for w in words if w in roles}
        if not found:
            return
        entity = self.person(value)
        entity.roles |= role_words(description)
        for w in words:
            if roles.get(w) and not entity.gender:
                entity.gender = roles[w]

    def _scan_mentions(self, lo: int, hi: int) -> None:
        for m in NAME_RE.finditer(self.text, lo, hi):
            value = clean_name(m.group(0))
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


def role_words(title: str) -> set[str]:
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
def clean_name(value: str) -> str:
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


def is_org(value: str) -> bool:
    orgs = speaker_words()["organisation"]
    words = value.split()
    return any(w.strip(".,") in orgs for w in words) or (len(words) == 1 and value.isupper())


def looks_personal(part: str, value: str) -> bool:
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
    return bool(re.search(r"[A-Z][a-z]", value)) and not is_org(value)


GROUP_RE = re.compile(r"(?:ans|ats|ists|ites|is|ese|ers)$")  # Iraqis, Democrats, Republicans


def strip_det(value: str) -> str:
    return re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", value.strip())
