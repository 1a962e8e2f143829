"""Attributions (a cue with its speaker mention and content) and the resolution of each
speaker mention to a person, organisation or description of :class:`.people.People`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import (
    DETERMINERS,
    PRONOUNS,
    Verb,
    speaker_words,
)
from .marks import Tok
from .people import Entity, People, clean_name, is_org, looks_personal, role_words, strip_det
from .phrases import unit_subject


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


def participle_speaker(
    a: Attribution, toks: list[Tok], atts: list[Attribution], earlier: list[Attribution]
) -> None:
    """``…, saying that``: the speaker of an earlier cue in the unit, else the subject."""
    before = [b for b in atts if b is not a and b.chunk[0] < a.chunk[0] and b.speaker_span]
    if before:
        a.speaker_span = before[-1].speaker_span
        a.speaker = before[-1].speaker
        return
    subject = unit_subject(toks, a.chunk[0])
    if subject is not None:
        a.speaker = subject
        a.speaker_span = (toks[subject[0]].start, toks[subject[1] - 1].end)


def resolve_speakers(people: People, attributions: list[Attribution], text: str) -> None:
    """Resolve every speaker mention, in text order, learning gender from pronouns."""
    for a in sorted(attributions, key=lambda x: x.cue_span[0]):
        if a.speaker_span is None:
            continue
        mention = text[a.speaker_span[0] : a.speaker_span[1]]
        a.entity = resolve_mention(people, mention, a.speaker_span[0], attributions, a.unit_start)
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


def resolve_mention(
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
        value = clean_name(part)
        if value and not is_org(value) and looks_personal(part, value):
            entity = people.lookup(value, create=True, before=position)
            if entity is not None:
                entity.mentions.append(position)
                for other in parts:
                    if other is not part:
                        entity.roles |= role_words(other)
                        for w in other.lower().split():
                            if words["role"].get(w) and not entity.gender:
                                entity.gender = words["role"][w]
                return entity
    core = parts[0] if parts else mention
    possessive = re.match(r"(.+?)[’']s\s+(\w+(?:\s+\w+)?)$", core)
    if possessive:
        owner = resolve_mention(people, possessive.group(1), position, attributions)
        thing = possessive.group(2)
        owner_name = owner.name if owner is not None else strip_det(possessive.group(1))
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
        return Entity(strip_det(core), "organisation")
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
        return Entity(strip_det(core), "description")
    if capitals:
        return Entity(strip_det(core), "organisation")
    return Entity(strip_det(core), "description")
