"""Actors: the people, institutions, countries and groups a story mentions, resolved across forms.

No named-entity model is used (none is available offline); the rules are general for
English news:

1. **Known forms.** ``data/actors.csv`` lists countries (name, abbreviations, adjectives
   and plural demonyms: "U.S.", "United States", "American", "Americans"), institutions
   ("NATO", "North Atlantic Treaty Organization") and groups ("ISIS", "Islamic State").
2. **Capitalised sequences.** Runs of capitalised tokens (with name particles such as
   "al-" or "bin", and "of" after a title or institution word: "Secretary of State Jane
   Smith") are candidate names. Leading function words ("The", "In") are dropped; a
   single capitalised word at the start of a sentence is kept only if it is a known form
   or occurs capitalised elsewhere in the story. Days and months are not actors.
3. **Titles and honorifics** (``data/actor_titles.csv``) are stripped from a name and
   recorded as the person's roles ("Prime Minister Omar Abdel Rahman" → role prime
   minister); a leading country form is split off ("Iraqi Prime Minister …",
   "U.S. State Department").
4. **Names across forms.** Names are compared on a key: the house-style view
   (:func:`analysis.normalize.style_view`, with a story's spelling rules: "Gadhafi" → "Qaddafi",
   "Abdel Rahman" → "Abdel-Rahman"), case-folded, hyphens as spaces. A shorter name whose words
   end a longer one is the same person ("Mr. Abdel Rahman", "Abdel-Rahman" → "Omar Abdel Rahman";
   "Ms. Smith" → "Jane Smith"); so are names of as many words within a small edit distance
   (transliterations), by rapidfuzz. A surname shared by several people goes to the one mentioned
   most recently.
5. **Descriptions** ("the prime minister", "the Iraqi prime minister", "his secretary of
   state", "the spokeswoman") resolve to the person most recently named with a compatible
   title or role in the same article, else to the story's most mentioned holder; a
   description followed by ", Name," (an appositive) is that person.

Resolution is story-wide, so an actor has one id in every version. Every mention carries
``article_id`` and ``start``/``end`` offsets into the article's original text
(``original[start:end] == text``); mentions may nest (a description containing an
institution).

Modules: :mod:`.known` (word lists, known actors, titles), :mod:`.mentions` (candidate
mentions), :mod:`.resolver` (the name key and :class:`Resolver`), :mod:`.story` (the tables).
"""

from __future__ import annotations

from .known import KnownActor, Title, description_roles, known_actors, titles
from .mentions import Mention, article_tokens, candidate_mentions
from .resolver import Actor, Resolver, house_style_key
from .story import (
    actor_id,
    actor_mentions,
    actor_rows,
    actor_table,
    mentions_table,
    prominence,
    quoted_words,
    resolve_story,
)

__all__ = [
    "Actor",
    "KnownActor",
    "Mention",
    "Resolver",
    "Title",
    "actor_id",
    "actor_mentions",
    "actor_rows",
    "actor_table",
    "article_tokens",
    "candidate_mentions",
    "description_roles",
    "house_style_key",
    "known_actors",
    "mentions_table",
    "prominence",
    "quoted_words",
    "resolve_story",
    "titles",
]
