"""Tone: VADER scores per sentence, a secondary signal only, with the caveats that say why.

The lexicon ships with vaderSentiment. VADER was built for social media, and news verbs
such as "stressed" carry emotion scores in it; :func:`vader_caveats` names them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import pandas as pd

from ..normalize import typography
from ..tables import Corpus
from .words import article_texts, cue_verb_classes, folded, stem

TONE_THRESHOLD = 0.05  # VADER's own convention for positive / negative compound scores


@cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence(text: str) -> float | None:
    """Mean VADER lexicon valence of the words of ``text`` that the lexicon has (None if none)."""
    lexicon = _vader().lexicon
    values = [
        lexicon[w] for w in re.findall(r"[\w']+", typography(text).casefold()) if w in lexicon
    ]
    return round(sum(values) / len(values), 3) if values else None


TONE_COLUMNS = [
    "story_id",
    "article_id",
    "sentence_id",
    "part",
    "start",
    "end",
    "compound",
    "positive",
    "neutral",
    "negative",
    "tone",
    "lexicon_words",
    "text",
]


def tone(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """VADER scores of every sentence (and headline) of every version.

    ``compound`` is VADER's normalised score in [-1, 1]; ``tone`` is ``positive`` (≥ 0.05),
    ``negative`` (≤ -0.05) or ``neutral``, VADER's own thresholds; ``lexicon_words`` are the
    words VADER's lexicon scores, with their valence (what drives the score).
    """
    story = corpus.story(story_id)
    analyzer = _vader()
    rows = []
    units = []
    for article in story.articles:
        head = article.parsed.part("headline")
        if head is not None:
            units.append(
                (
                    article.article_id,
                    f"{article.article_id}:headline",
                    "headline",
                    head.start,
                    head.end,
                )
            )
    for s in story["sentences"].itertuples(index=False):
        units.append((s.article_id, s.sentence_id, "body", s.start, s.end))
    texts = article_texts(corpus)
    for article_id, sid, part, start, end in units:
        text = texts[article_id][start:end]
        scores = analyzer.polarity_scores(typography(text))
        words = re.findall(r"[\w']+", typography(text).casefold())
        found = dict.fromkeys(w for w in words if w in analyzer.lexicon)
        rows.append(
            {
                "story_id": story_id,
                "article_id": article_id,
                "sentence_id": sid,
                "part": part,
                "start": start,
                "end": end,
                "compound": scores["compound"],
                "positive": scores["pos"],
                "neutral": scores["neu"],
                "negative": scores["neg"],
                "tone": "positive"
                if scores["compound"] >= TONE_THRESHOLD
                else ("negative" if scores["compound"] <= -TONE_THRESHOLD else "neutral"),
                "lexicon_words": "; ".join(f"{w} {analyzer.lexicon[w]:+.1f}" for w in found),
                "text": text,
            }
        )
    return pd.DataFrame(rows, columns=TONE_COLUMNS)


def tone_summary(tone_table: pd.DataFrame) -> pd.DataFrame:
    """Per version: sentences, mean compound score, shares of negative and positive sentences."""
    rows = []
    for article_id, group in tone_table.groupby("article_id", sort=False):
        rows.append(
            {
                "story_id": group["story_id"].iloc[0],
                "article_id": article_id,
                "n_sentences": len(group),
                "mean_compound": round(float(group["compound"].mean()), 4),
                "share_negative": round(float((group["tone"] == "negative").mean()), 4),
                "share_positive": round(float((group["tone"] == "positive").mean()), 4),
                "most_negative": group.loc[group["compound"].idxmin(), "sentence_id"],
                "most_positive": group.loc[group["compound"].idxmax(), "sentence_id"],
            }
        )
    return pd.DataFrame(rows)


def vader_caveats(tone_table: pd.DataFrame, mentions: pd.DataFrame | None = None) -> list[str]:
    """Sentences naming what VADER scores as emotion although news uses it neutrally.

    - Reporting verbs of the neutral, emphatic and additive classes
      (``data/cue_verb_classes.csv``) that VADER's lexicon scores, such as "stressed";
    - words of the lexicon inside actors' names (``mentions``), such as "united" in
      "United States".

    Each is listed with its valence and the number of sentences whose score it moves.
    """
    lexicon = _vader().lexicon
    reporting = {
        phrase[0]
        for phrase, (_, cls, _) in cue_verb_classes().items()
        if len(phrase) == 1 and cls in ("neutral", "emphatic", "additive")
    }
    names: set[str] = set()
    if mentions is not None:
        for text in mentions.loc[mentions["kind"] == "name", "text"]:
            names |= {w for w in re.findall(r"[\w']+", folded(text)) if w in lexicon}
    verbs: Counter[str] = Counter()
    in_names: Counter[str] = Counter()
    for sentence, words in zip(tone_table["text"], tone_table["lexicon_words"], strict=True):
        for item in words.split("; ") if words else []:
            word = item.rsplit(" ", 1)[0]
            if stem(word) in reporting:
                verbs[word] += 1
            if word in names and re.search(rf"\b{re.escape(word)}\b", sentence, re.IGNORECASE):
                in_names[word] += 1

    def listed(counts: Counter[str]) -> str:
        return ", ".join(
            f"“{w}” ({lexicon[w]:+.1f}, {n} sentence{'s' if n > 1 else ''})"
            for w, n in counts.most_common()
        )

    out = []
    if verbs:
        out.append(
            "VADER was built for social media and scores words out of context. Here it gives "
            f"emotional valence to reporting verbs: {listed(verbs)}; a reporter's “stressed” "
            "says how something was said, not that anyone was under stress."
        )
    if in_names:
        out.append(f"It also scores words inside names: {listed(in_names)}.")
    return out
