"""Speakers: the noun phrases that can be speakers (before or after a cue, appositives,
subjects), the people of a text, and the resolution of a mention to a person,
organisation or description.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import (
    ADVERBS,
    AGENT_RE,
    AUXILIARIES,
    DAYS,
    DETERMINERS,
    FINITE,
    NP_PREPOSITIONS,
    PRONOUNS,
    QUANTIFIER_SPEAKERS,
    STOP,
    TIME_WORDS,
    _title_re,
    name_key,
    reporting_verbs,
    speaker_words,
)
from .marks import Tok, _is_punct

if TYPE_CHECKING:
    from .cues import Attribution


NAME_PARTICLES = {"al", "al-", "bin", "ibn", "de", "da", "del", "der", "van", "von", "la", "le",
                  "du", "dos", "el", "abu", "st.", "bint", "ben", "di", "mac", "o'"}  # fmt: skip


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
        if low.endswith("s") and low[:-1] in kinds["document"]:
            return True  # "exit polls", "court records"
        if AGENT_RE.match(low) or low in QUANTIFIER_SPEAKERS or low == "percent":
            return True
    return False


def _np_back(toks: list[Tok], j: int, lo: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (inclusive), not reaching before ``lo``."""
    if j < lo or toks[j].q is not None or (_is_punct(toks[j]) and toks[j].text != ")"):
        return None
    if (
        toks[j].low in {"whom", "them", "us"}
        and j - 2 >= lo
        and toks[j - 1].low == "of"
        and toks[j - 2].low in QUANTIFIER_SPEAKERS
    ):
        return (j - 2, j + 1)  # "many of whom", "some of them"
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
            if before.is_word and before.low in QUANTIFIER_SPEAKERS:
                k -= 2  # "many of whom", "some of them", "those close to him"
                break
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
        documents = speaker_words()["document"]
        if (
            j > k
            and not t.is_cap
            and toks[j - 1].is_cap
            and low not in speaker_words()["role"]
            and low not in documents
            and not (j + 1 < hi and toks[j + 1].q is None and toks[j + 1].low in documents)
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
        if (
            m > end + 1
            and _description_like(toks[end + 1 : m])
            and m - end <= 16
            and not any(t.low in FINITE for t in toks[end + 1 : m])
        ):
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
