"""Quotations: extraction, attribution, speaker resolution, cross-version matching, share of voice.

Rules only, on a plain Python stack (no parser, no model), so it runs offline:

1. **Quote marks.** Curly, straight, double-apostrophe (``''``) and low (``„``) marks are
   read by their context (a mark after a space and before a letter opens), so that a
   quotation may open with one style and close with another. A paragraph that ends
   inside a quotation continues it when the next paragraph opens with a mark
   (multi-paragraph quotes). Single marks are quotation marks only outside double ones.
2. **Units.** Punkt sentences of each paragraph, merged where a boundary falls inside a
   quotation, so that ``“A. B,” he said.`` is one unit.
3. **Attribution.** In each unit the quotations are masked and the remaining *frame* is
   searched for reporting verbs (``data/reporting_verbs.txt``) and ``according to``. For
   each cue the speaker is the noun phrase before it (``Ms. Smith said``, with
   appositives ``The State Department spokeswoman, Maria Lopez, said``), after it
   (``said Ms. Smith``, ``according to the statement``) or, for a participle after a
   comma (``…, saying that``), the subject of the sentence. The cue's content is what the
   speaker says: the quotation before or after the cue, or the reported clause.
4. **Kinds.** ``direct``: a quotation that is a whole sentence (only its attribution and
   punctuation around it); ``partial``: quoted words inside other words; ``indirect``:
   the reported clause of a cue (it may contain partial quotes).
5. **Floating quotes.** A quoted sentence without a cue belongs to the previous speaker
   in the paragraph, else to the last speaker of the previous paragraph. Quoted words
   without any speaker are kept as ``scare`` quotes; titles and nicknames in quote marks
   are not quotations and are dropped.
6. **Resolution.** Names, titles and roles of people are collected from the whole text;
   a mention is resolved to the fullest name of its person (``Ms. Smith`` → ``Jane
   Smith``), a pronoun to the most recent compatible person (gender from honorifics,
   role nouns and earlier pronouns), a description (``the secretary``) to the most
   recent person with that title, ``the prime minister's office`` to that person's
   office, ``the statement`` to whoever made the statement.

Matching compares the quotations (in quote marks) of two versions with rapidfuzz;
share of voice counts quoted words per speaker and side (the story's settings:
``corpus.settings(story_id).speaker_sides``; without them every side is "not set").

Modules, one concern each:

- :mod:`.lexicon`: the word lists (``data/reporting_verbs.txt``, ``data/speaker_words.csv``),
  speaker sides from a story's settings, and closed-class words;
- :mod:`.marks`: quote marks, paragraphs, sentence units and token frames;
- :mod:`.phrases`: the noun-phrase grammar of speakers (before/after a cue, appositives);
- :mod:`.people`: the people of a text (names, titles, roles, gender, mentions);
- :mod:`.attribution`: an attribution (cue, speaker, content) and resolving its speaker;
- :mod:`.cues`: cue detection (verbs, nominal cues, ``according to``, dashes, passives)
  and the content each cue owns;
- :mod:`.extract`: :func:`extract_quotes` and the quote tables of articles and stories;
- :mod:`.matching`: matching quotations across versions, share of voice;
- :mod:`.story`: :func:`story_tables` and :func:`key_findings_from`.
"""

from __future__ import annotations

from .cues import Attribution
from .extract import article_quotes, extract_quotes, quote_view, quotes_table
from .lexicon import (
    Verb,
    name_key,
    nominal_cues,
    reporting_verbs,
    side_of,
    speaker_sides,
    speaker_words,
)
from .marks import QuoteSpan, find_quote_marks, split_paragraphs
from .matching import (
    attribution_changes,
    edit_kind,
    match_quotes,
    match_view,
    quote_matches,
    share_of_voice,
    similarity,
    speaker_key,
    voice_by_side,
    voice_changes,
)
from .people import Entity, People
from .story import key_findings_from, story_tables

# The public API: functions and classes a researcher or another module calls. Constants
# and patterns (STATUSES, MATCH_THRESHOLD, QUOTE_COLUMNS, …) stay in their modules.
__all__ = [
    "Attribution",
    "Entity",
    "People",
    "QuoteSpan",
    "Verb",
    "article_quotes",
    "attribution_changes",
    "edit_kind",
    "extract_quotes",
    "find_quote_marks",
    "key_findings_from",
    "match_quotes",
    "match_view",
    "name_key",
    "nominal_cues",
    "quote_matches",
    "quote_view",
    "quotes_table",
    "reporting_verbs",
    "share_of_voice",
    "side_of",
    "similarity",
    "speaker_key",
    "speaker_sides",
    "speaker_words",
    "split_paragraphs",
    "story_tables",
    "voice_by_side",
    "voice_changes",
]
