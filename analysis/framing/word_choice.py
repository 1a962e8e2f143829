"""Word choice: the substitutions of the wording edits, and loaded words, with context in both.

- ``substitution`` rows: the ``word_choice`` replacements of the edits that change a
  content word (not only function words); status ``substituted``.
- ``loaded`` rows: every occurrence of a loaded word (``data/cue_verb_classes.csv``,
  ``loaded`` = yes) in either version, paired with the same word in the aligned
  counterpart sentence where there is one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable

import pandas as pd

from ..tables import Corpus
from ..wording import function_words
from .tone import valence
from .words import (
    article_texts,
    cue_class,
    cue_verb_classes,
    find_phrases,
    folded,
    not_cue_forms,
    pair_keys,
    story_words,
    version_pairs,
)

WORD_CHOICE_COLUMNS = [
    "story_id",
    "original_article_id",
    "version_article_id",
    "kind",
    "status",
    "original_text",
    "version_text",
    "class_original",
    "class_version",
    "valence_original",
    "valence_version",
    "original_sentence_id",
    "version_sentence_id",
    "original_start",
    "original_end",
    "version_start",
    "version_end",
    "original_context",
    "version_context",
]

ContextOf = Callable[[Iterable[str]], str]
"""Sentence ids → their text joined (the headline for ``<article>:headline``)."""

Occurrence = tuple[str, str, str, str, int, int]
"""A loaded word found: (article id, sentence id, lemma, class, start, end)."""


def _counterparts(alignment: pd.DataFrame) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Original sentence → its version sentences, and version sentence → original sentences."""
    to_version: dict[str, list[str]] = defaultdict(list)
    to_original: dict[str, list[str]] = defaultdict(list)
    for o, v in zip(
        alignment["original_sentence_id"], alignment["version_sentence_id"], strict=True
    ):
        if isinstance(o, str) and isinstance(v, str):
            to_version[o].append(v)
            to_original[v].append(o)
    return to_version, to_original


def _word_class(text: str) -> str:
    return "" if folded(text) in not_cue_forms() else cue_class(text)[1].replace("other", "")


def _context_of(corpus: Corpus, story_id: str) -> ContextOf:
    """A function giving the text of some sentence ids of the story."""
    sentences = corpus.story(story_id)["sentences"].set_index("sentence_id")["text"]
    headline_text = {
        a.article_id: a.part_text("headline") or "" for a in corpus.story(story_id).articles
    }

    def context(ids: Iterable[str]) -> str:
        return " ".join(
            headline_text[sid.rsplit(":", 1)[0]] if sid.endswith(":headline") else sentences[sid]
            for sid in ids
        )

    return context


def _substitution_rows(base: dict, edits: pd.DataFrame, context: ContextOf) -> list[dict]:
    """The ``substitution`` rows of one pair: word-choice replacements with a content word."""
    chosen = edits[
        (edits["version_article_id"] == base["version_article_id"])
        & (edits["category"] == "word_choice")
        & (edits["op"] == "replace")
    ]
    fw = function_words()
    rows = []
    for e in chosen.itertuples(index=False):
        words = re.findall(r"\w+", f"{e.old_text} {e.new_text}")
        if not any(w.casefold() not in fw for w in words):
            continue
        rows.append(
            {
                **base,
                "kind": "substitution",
                "status": "substituted",
                "original_text": e.old_text,
                "version_text": e.new_text,
                "class_original": _word_class(e.old_text),
                "class_version": _word_class(e.new_text),
                "valence_original": valence(e.old_text),
                "valence_version": valence(e.new_text),
                "original_sentence_id": e.original_sentence_id,
                "version_sentence_id": e.version_sentence_id,
                "original_start": e.old_start,
                "original_end": e.old_end,
                "version_start": e.new_start,
                "version_end": e.new_end,
                "original_context": context(e.original_sentence_id.split()),
                "version_context": context(e.version_sentence_id.split()),
            }
        )
    return rows


def _spans(row: dict) -> set[tuple[object, object]]:
    return {
        (row["version_start"], row["version_end"]),
        (row["original_start"], row["original_end"]),
    }


def word_choice(
    corpus: Corpus,
    story_id: str,
    alignment: pd.DataFrame,
    edits: pd.DataFrame,
    words: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Word-choice contrasts between each version and its original, with context in both.

    ``substitution`` and ``loaded`` rows (see the module docstring). A loaded row's status
    is ``both`` when the aligned counterpart sentence (or the other headline) uses the
    same word, else ``only_original`` / ``only_version``; the other side's context is then
    the counterpart sentence, so the rewording shows. A loaded word that is a substitution
    is shown once, as the substitution. ``class_*`` is the cue-verb class of each side's
    word, ``valence_*`` its VADER valence.
    """
    words = story_words(corpus, story_id) if words is None else words
    texts, context = article_texts(corpus), _context_of(corpus, story_id)
    rows = []
    for original_id, version_id in version_pairs(corpus, story_id):
        base = pair_keys(story_id, original_id, version_id)
        substitutions = _substitution_rows(base, edits, context)
        substituted = set().union(*map(_spans, substitutions))
        pair = alignment[alignment["version_article_id"] == version_id]
        loaded = _loaded_rows(base, words, pair, texts, context)
        rows += substitutions + [row for row in loaded if not _spans(row) & substituted]
    table = pd.DataFrame(rows, columns=WORD_CHOICE_COLUMNS)
    for column in ("original_start", "original_end", "version_start", "version_end"):
        table[column] = table[column].astype("Int64")
    return table


def _loaded_occurrences(pair_words: pd.DataFrame) -> list[Occurrence]:
    """Every loaded word in the words of a pair (:data:`Occurrence`), in text order."""
    phrases = {k: [v] for k, v in cue_verb_classes().items() if v[2]}
    occurrences = []
    for i, j, (lemma, cls, _) in find_phrases(pair_words, phrases):  # type: ignore[misc]
        if j - i == 1 and folded(pair_words.at[i, "text"]) in not_cue_forms():
            continue  # "critics" shares the stem of "criticize" but takes no stance
        first = pair_words.iloc[i]
        start, end = int(first["start"]), int(pair_words.at[j - 1, "end"])
        occurrences.append((first["article_id"], first["sentence_id"], lemma, cls, start, end))
    return occurrences


def _pair_counterparts(
    pair_words: pd.DataFrame, alignment: pd.DataFrame, original_id: str, version_id: str
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """:func:`_counterparts`, with the two headlines each other's counterparts."""
    to_version, to_original = _counterparts(alignment)
    headlines = set(pair_words.loc[pair_words["part"] == "headline", "sentence_id"])
    o_head, v_head = f"{original_id}:headline", f"{version_id}:headline"
    if o_head in headlines and v_head in headlines:
        to_version[o_head], to_original[v_head] = [v_head], [o_head]
    return to_version, to_original


def _loaded_row(
    base: dict,
    texts: dict[str, str],
    context: ContextOf,
    o: Occurrence | None,
    v: Occurrence | None,
    partners: list[str],
) -> dict:
    """One ``loaded`` row: an occurrence in the original, the version, or both."""
    status = "both" if o and v else ("only_original" if o else "only_version")
    o_text = texts[base["original_article_id"]][o[4] : o[5]] if o else ""
    v_text = texts[base["version_article_id"]][v[4] : v[5]] if v else ""
    o_ids = [o[1]] if o else partners
    v_ids = [v[1]] if v else partners
    return {
        **base,
        "kind": "loaded",
        "status": status,
        "original_text": o_text,
        "version_text": v_text,
        "class_original": o[3] if o else "",
        "class_version": v[3] if v else "",
        "valence_original": valence(o_text) if o else None,
        "valence_version": valence(v_text) if v else None,
        "original_sentence_id": " ".join(o_ids),
        "version_sentence_id": " ".join(v_ids),
        "original_start": o[4] if o else None,
        "original_end": o[5] if o else None,
        "version_start": v[4] if v else None,
        "version_end": v[5] if v else None,
        "original_context": context(o_ids),
        "version_context": context(v_ids),
    }


def _loaded_rows(
    base: dict,
    words: pd.DataFrame,
    alignment: pd.DataFrame,
    texts: dict[str, str],
    context: ContextOf,
) -> list[dict]:
    """The ``loaded`` rows of word_choice for one pair (see there).

    An original occurrence pairs with the first unused version occurrence of the same
    lemma in a counterpart sentence; version occurrences left over are ``only_version``.
    """
    original_id, version_id = base["original_article_id"], base["version_article_id"]
    pair_words = words[words["article_id"].isin([original_id, version_id])].reset_index(drop=True)
    to_version, to_original = _pair_counterparts(pair_words, alignment, original_id, version_id)
    occurrences = _loaded_occurrences(pair_words)
    version_occ = [o for o in occurrences if o[0] == version_id]
    used: set[int] = set()
    rows = []
    for o in (o for o in occurrences if o[0] == original_id):
        partners = to_version.get(o[1], [])
        match = next(
            (
                k
                for k, v in enumerate(version_occ)
                if k not in used and v[1] in partners and v[2] == o[2]
            ),
            None,
        )
        if match is not None:
            used.add(match)
        v = version_occ[match] if match is not None else None
        rows.append(_loaded_row(base, texts, context, o, v, partners))
    for k, v in enumerate(version_occ):
        if k not in used:
            rows.append(_loaded_row(base, texts, context, None, v, to_original.get(v[1], [])))
    return rows
