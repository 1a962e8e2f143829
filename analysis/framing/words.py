"""Words as framing compares them: stems, the story's words, phrase search, the cue-verb lexicon.

Words are compared on Snowball (Porter2) stems from NLTK (no download), with one repair:
a final doubled consonant is undoubled, because the stemmer undoubles before -ed/-ing
but not in the bare form ("bluffed" → bluf, "bluff" → bluff → bluf).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from ..actors import article_tokens
from ..lexicon import data_rows
from ..normalize import typography
from ..segment import is_word, token_spans
from ..tables import Corpus

_VOWELS = set("aeiouy")
_POSSESSIVE_RE = re.compile(r"'s?$")


@cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@cache
def stem(word: str) -> str:
    """The stem words are compared on: typography normalised, case-folded, possessive dropped,
    Snowball stem, final doubled consonant undoubled ("bluff", "bluffed", "bluffs" → bluf)."""
    w = typography(word).casefold()
    if len(w) > 3:
        w = _POSSESSIVE_RE.sub("", w)
    s = _stemmer().stem(w)
    if len(s) >= 3 and s[-1] == s[-2] and s[-1].isalpha() and s[-1] not in _VOWELS:
        s = s[:-1]
    return s


def stem_phrase(text: str) -> tuple[str, ...]:
    """The stems of the words of ``text`` ("pushed back" → ("push", "back"))."""
    spans = token_spans(text, 0, len(text))
    return tuple(stem(text[s:e]) for s, e in spans if is_word(text[s:e]))


def folded(text: str) -> str:
    """Typography normalised and case-folded (so that "alliance’s" equals "alliance's")."""
    return typography(text).casefold()


def article_texts(corpus: Corpus) -> dict[str, str]:
    """Article id → the article's original text."""
    return {a.article_id: a.text for a in corpus.articles}


def version_pairs(corpus: Corpus, story_id: str) -> list[tuple[str, str]]:
    """(original id, version id) of every comparison; raises NeedsTwoVersionsError."""
    return [(o.article_id, v.article_id) for o, v in corpus.pairs(story_id)]


def pair_keys(story_id: str, original_id: str, version_id: str) -> dict[str, str]:
    """The key columns of a row about one version pair."""
    return {
        "story_id": story_id,
        "original_article_id": original_id,
        "version_article_id": version_id,
    }


def story_words(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The words of every version's headline and body, with their stems (one row per word).

    Columns: those of :func:`analysis.actors.article_tokens` and ``stem``.
    """
    story = corpus.story(story_id)
    tables = [article_tokens(story, a.article_id) for a in story.articles]
    words = pd.concat(tables, ignore_index=True)
    words = words[words["is_word"]].reset_index(drop=True)
    words["stem"] = [stem(t) for t in words["text"]]
    return words


def find_phrases(
    words: pd.DataFrame, phrases: dict[tuple[str, ...], list[object]]
) -> list[tuple[int, int, object]]:
    """(first row, last row + 1, payload) of every occurrence of a phrase's stems in ``words``.

    A phrase never crosses a sentence (or the headline's end).
    """
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for phrase in phrases:
        if phrase:
            by_first[phrase[0]].append(phrase)
    stems, sentences = words["stem"].tolist(), words["sentence_id"].tolist()
    found = []
    for i, s in enumerate(stems):
        for phrase in by_first.get(s, ()):
            j = i + len(phrase)
            if tuple(stems[i:j]) == phrase and sentences[j - 1] == sentences[i]:
                found.extend((i, j, payload) for payload in phrases[phrase])
    return found


def flat(text: str) -> str:
    """Whitespace runs as one space."""
    return " ".join(text.split())


@cache
def cue_verb_classes() -> dict[tuple[str, ...], tuple[str, str, bool]]:
    """Stems of every cue verb form → (lemma, class, loaded), from ``data/cue_verb_classes.csv``."""
    index: dict[tuple[str, ...], tuple[str, str, bool]] = {}
    for row in data_rows("cue_verb_classes.csv"):
        value = (row["lemma"], row["class"], row["loaded"] == "yes")
        for form in [row["lemma"], *(f for f in (row["irregular"] or "").split("|") if f)]:
            index[stem_phrase(form)] = value
    return index


@cache
def not_cue_forms() -> frozenset[str]:
    """Words that share a cue verb's stem but are not the verb ("critics"; column not_forms)."""
    rows = data_rows("cue_verb_classes.csv")
    return frozenset(f for row in rows for f in (row["not_forms"] or "").split("|") if f)


def cue_class(cue: str) -> tuple[str, str]:
    """(lemma, class) of a cue ("stressed" → ("stress", "emphatic")); ("", "other") if unknown."""
    if folded(cue) in not_cue_forms():
        return "", "other"
    hit = cue_verb_classes().get(stem_phrase(cue))
    return (hit[0], hit[1]) if hit else ("", "other")
