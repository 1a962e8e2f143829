"""Word lists of quote extraction: reporting verbs and nominal cues, speaker words and
sides (the data files in ``analysis/data``), and the closed-class words the rules use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import data_lines, data_rows, names
from ..normalize import comparison_view


@dataclass(frozen=True)
class Verb:
    """A reporting verb: its lemma and flags from ``data/reporting_verbs.txt``."""

    lemma: str
    weak: bool = False
    takes_object: bool = False
    stance: bool = False
    complements: frozenset[str] = frozenset()
    """For a nominal cue (``noun`` lines): what may follow it (``that``, ``to``, ``about`` …)."""


@cache
def reporting_verbs() -> dict[str, Verb]:
    """Every inflected form of every reporting verb (lower case) → its Verb."""
    return _cue_words(nouns=False)


@cache
def nominal_cues() -> dict[str, Verb]:
    """Nouns that report speech or belief (``noun`` lines of the file) → their Verb.

    "his decision to …", "Trump's claim that …", "her criticism of …": the complements
    each noun takes are listed after ``noun:`` (``that``, ``to``, prepositions).
    """
    return _cue_words(nouns=True)


def _cue_words(nouns: bool) -> dict[str, Verb]:
    forms: dict[str, Verb] = {}
    for line in data_lines("reporting_verbs.txt"):
        words, _, flags = line.partition("|")
        noun = re.search(r"\bnoun:(\S+)", flags)
        if (noun is not None) != nouns:
            continue
        names = [w.strip().lower() for w in words.split(",") if w.strip()]
        complements = frozenset(noun.group(1).split("/")) if noun else frozenset()
        verb = Verb(names[0], "weak" in flags, "object" in flags, "stance" in flags, complements)
        for name in names:
            forms[name] = verb
    return forms


@cache
def speaker_words() -> dict[str, dict[str, str]]:
    """``data/speaker_words.csv`` as {kind: {word: gender}}."""
    table: dict[str, dict[str, str]] = {}
    rows = data_rows("speaker_words.csv")
    for row in rows:
        table.setdefault(row["kind"], {})[row["word"]] = row["gender"] or ""
    return table


@cache
def title_re() -> re.Pattern[str]:
    """Titles and honorifics before a name, longest first."""
    words = speaker_words()
    titles = sorted({**words["title"], **words["honorific"]}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(t) for t in titles) + r")(?=\s)")


NO_SIDES = "not set"
"""The ``side`` of every speaker of a story whose settings give no speaker sides."""

UNKNOWN_SIDE = "other"
"""The ``side`` of a speaker the story's speaker sides do not list."""


def speaker_sides(rows: Sequence[Mapping[str, object]]) -> tuple[tuple[str, str], ...]:
    """A story's speaker-sides rows (``speaker``, ``side``, optional ``note``) as
    (normalised speaker, side), in order; a row without a speaker or side raises ValueError.
    """
    sides = []
    for number, row in enumerate(rows, start=1):
        speaker, side = str(row.get("speaker") or "").strip(), str(row.get("side") or "").strip()
        if not speaker or not side:
            raise ValueError(f"speaker_sides row {number}: needs both 'speaker' and 'side': {row}")
        sides.append((name_key(speaker), side))
    return tuple(sides)


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


DAYS = {day.lower() for day in names.DAYS}


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


AGENT_RE = re.compile(r"[a-z]{3,}(?:ers|ors|ists|ians|ants|ents|ials|ees|men|women|ives)$")


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A form of a name for comparing: typography normalised, case-folded, no "the", no hyphens."""
    view = comparison_view(name).replace("-", " ").replace("’", "'")
    view = re.sub(r"^(?:the|a|an)\s+", "", view)
    return re.sub(r"\s+", " ", view).strip(" ,.")


FINITE = {
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can",
    "should", "may", "might", "must", "did", "does", "do", "’s", "'s", "won't", "isn't",
    "wasn't", "don't", "doesn't", "didn't",
}  # fmt: skip


MONTHS = {month.lower() for month in names.MONTHS}


def side_of(speaker_name: str, sides: Sequence[tuple[str, str]]) -> str:
    """The side of a resolved speaker among a story's ``sides`` (see :func:`speaker_sides`).

    Matches the whole name, a surname ("Smith" in the sides matches "Jane Smith"), and
    "X's office"/"X's statement" take the side of X. A speaker not listed gets
    :data:`UNKNOWN_SIDE`; with no sides at all every speaker gets :data:`NO_SIDES`.
    """
    if not sides:
        return NO_SIDES
    key = name_key(speaker_name)
    owner = re.match(r"(.+?)'s\s+\w+$", key)
    candidates = [key] + ([owner.group(1)] if owner else [])
    for candidate in candidates:
        for name, side in sides:
            if (
                candidate == name
                or candidate.endswith(" " + name)
                or name.endswith(" " + candidate)
            ):
                return side
    return UNKNOWN_SIDE
