"""Our counts and scores beside textstat's own, and the parts left out of every score."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd
import textstat

from ..normalize import typography
from ..segment import is_word, token_spans
from ..syllables import syllables, textstat_syllables
from ..tables import Corpus
from .scores import COUNTS, Units, formulas, original_units, sentence_counts, versions

# ---------------------------------------------------------------- textstat and excluded parts

WHY = {
    "sentences": "textstat splits at every '.', '!' and '?' (so inside 'U.S.', 'Gen.', "
    "'Dec. 29', 'O.K.') and drops pieces of two words or fewer; we use Punkt with the "
    "project's news abbreviations, within paragraphs.",
    "words": "textstat splits on spaces after deleting punctuation, so a dash between spaces "
    "is dropped but 'U.S.' and '5,200' survive; we count tokens with a letter or digit.",
    "syllables": "textstat gives a word missing from the CMU dictionary pyphen's hyphenation "
    "points + 1{example} and every number 1; we read numbers aloud, expand "
    "abbreviations and use the vowel-group heuristic.",
    "polysyllables": "follows from the syllable counts.",
    "difficult_words": "textstat counts inflected forms of listed words as difficult "
    "('troops', 'voted'); we accept regular inflections, as Dale and Chall did.",
    "flesch_reading_ease": "follows from sentences, words and syllables.",
    "flesch_kincaid_grade": "follows from sentences, words and syllables.",
    "gunning_fog": "textstat's hard words are 3+ syllable words not on the Dale–Chall list; "
    "Gunning's are 3+ syllable words other than names, hyphenated compounds and words "
    "made long by -es, -ed or -ing.",
    "smog": "follows from sentences and polysyllables.",
    "coleman_liau": "textstat uses 0.058 per 100 letters; Coleman and Liau published 0.0588.",
    "ari": "textstat counts every non-space character, punctuation included; ARI counts "
    "letters and digits.",
    "dale_chall": "follows from the difficult words and sentence length.",
    "linsear_write": "textstat scores the first 100 words only; we score every sentence "
    "(the same rate per sentence, with all the text's evidence).",
    "consensus_grade": "the vote follows the grades above.",
}


def body_text(corpus: Corpus, article_id: str) -> str:
    """The body as paragraphs joined by blank lines (headline, dateline etc. excluded)."""
    paragraphs = corpus["paragraphs"]
    return "\n\n".join(paragraphs.loc[paragraphs["article_id"] == article_id, "text"])


def _textstat_scores(text: str) -> dict[str, float]:
    """textstat's own counts and scores for a text."""
    return {
        "sentences": textstat.sentence_count(text),
        "words": textstat.lexicon_count(text),
        "syllables": textstat.syllable_count(text),
        "polysyllables": textstat.polysyllabcount(text),
        "difficult_words": textstat.difficult_words(text, syllable_threshold=0, unique=False),
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog": textstat.smog_index(text),
        "coleman_liau": textstat.coleman_liau_index(text),
        "ari": textstat.automated_readability_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "linsear_write": textstat.linsear_write_formula(text),
        "consensus_grade": textstat.text_standard(text, float_output=True),
    }


def undercounted_word(corpus: Corpus, article_id: str) -> str:
    """`` (Word: n)``: the version's word missing from the CMU dictionary that textstat
    undercounts most (ties: the more frequent, then the first in the text), as written,
    with textstat's count; "" if it has none."""
    tokens = corpus["tokens"]
    mine = (tokens["article_id"].to_numpy() == article_id) & tokens["is_word"].to_numpy()
    forms = dict.fromkeys(tokens["text"].to_numpy()[mine])
    counts = Counter(typography(t).lower() for t in tokens["text"].to_numpy()[mine])
    best: tuple[int, int, int] | None = None
    chosen = ""
    for position, form in enumerate(forms):
        word = typography(form).lower()
        ours, rule = syllables(word)
        theirs = textstat_syllables(word)
        rank = (ours - theirs, counts[word], -position)
        if rule == "heuristic" and theirs < ours and (best is None or rank > best):
            best, chosen = rank, f" ({form}: {theirs})"
    return chosen


def textstat_comparison(
    corpus: Corpus, story_id: str, units: Mapping[tuple[str, str], Units] | None = None
) -> pd.DataFrame:
    """Our counts and scores beside textstat's own, run on the same body text, with the reason.

    ``units``: the segmented versions already computed by :func:`story_tables`, if any.
    """
    columns: dict[str, list] = {
        name: [] for name in ("article_id", "quantity", "ours", "textstat", "difference", "why")
    }
    for article in versions(corpus, story_id):
        aid = article.article_id
        u = units[aid, "original"] if units else original_units(corpus, aid)
        sums = u.sums()
        ours = {**{k: float(v) for k, v in sums.items()}, **_scalars(formulas(sums))}
        example = undercounted_word(corpus, aid)
        for quantity, value in _textstat_scores(body_text(corpus, aid)).items():
            columns["article_id"].append(aid)
            columns["quantity"].append(quantity)
            columns["ours"].append(ours[quantity])
            columns["textstat"].append(float(value))
            columns["difference"].append(float(value) - ours[quantity])
            columns["why"].append(WHY[quantity].format(example=example))
    return pd.DataFrame(columns)


def _scalars(scores: Mapping[str, np.ndarray]) -> dict[str, float]:
    return {name: float(value) for name, value in scores.items()}


def syllable_disagreements(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The story's words whose syllable count differs from textstat's, with the rule we used."""
    tokens = corpus.story(story_id)["tokens"]
    words: Counter[str] = Counter()
    for text, n in Counter(tokens["text"].to_numpy()[tokens["is_word"]]).items():
        words[typography(text).lower()] += n
    rows = []
    for word, n in words.items():
        ours, rule = syllables(word)
        theirs = textstat_syllables(word)
        if ours != theirs:
            rows.append(
                {"word": word, "occurrences": n, "ours": ours, "rule": rule, "textstat": theirs}
            )
    table = pd.DataFrame(rows, columns=["word", "occurrences", "ours", "rule", "textstat"])
    return table.sort_values(["rule", "word"], ignore_index=True)


def excluded_parts(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The parts left out of every score (headline, date line, dateline, credits, page line)."""
    parts = corpus.story(story_id)["parts"]
    parts = parts[parts["part"] != "body"]
    rows = []
    for aid, part, text in zip(parts["article_id"], parts["part"], parts["text"], strict=True):
        view = typography(text)
        words = [view[a:b] for a, b in token_spans(view, 0, len(view)) if is_word(view[a:b])]
        counts = sentence_counts(words)
        n_words = int(counts[COUNTS.index("words")])
        n_syllables = int(counts[COUNTS.index("syllables")])
        rows.append(
            {
                "article_id": aid,
                "part": part,
                "text": text,
                "words": n_words,
                "syllables": n_syllables,
                "syllables_per_word": n_syllables / n_words if n_words else np.nan,
            }
        )
    return pd.DataFrame(
        rows, columns=["article_id", "part", "text", "words", "syllables", "syllables_per_word"]
    )
