"""Framing: word choice, term comparison, attribution verbs, frame dimensions, context, tone.

Every table is computed from the story's tables and the wording comparison (alignment and
edits, :mod:`analysis.wording`), with offsets into the original texts, so each row can be
traced. The README's "Framing" section explains every choice; in short:

- **Stems.** Words are compared on Snowball (Porter2) stems from NLTK (no download), with
  one repair: a final doubled consonant is undoubled, because the stemmer undoubles before
  -ed/-ing but not in the bare form ("rebuffed" → rebuf, "rebuff" → rebuff → rebuf).
- **Word choice.** Substitutions of the ``word_choice`` edits (content words, not only
  function words), and *loaded words* (``data/cue_verb_classes.csv``, ``loaded`` = yes:
  "rebuffed", "defying", "pushed back", "condemnation") wherever either version uses them,
  each with its sentence in both versions (the aligned counterpart).
- **Attribution verbs.** The cue verbs of a quotes table (:mod:`analysis.quotes`), lemmatised
  through the stems and classed as neutral, emphatic, additive, contested or conflict.
- **Frames.** Paragraphs are scored on the 15 dimensions of the Media Frames Corpus (Card
  et al. 2015) with ``data/frame_lexicon.csv`` (Empath categories mapped to dimensions plus
  curated news terms; :mod:`analysis.build_frame_lexicon` rebuilds it).
- **Context.** Sentences only one version has (alignment labels ``deleted``/``added``) and
  substantive passages cut from or added to kept sentences (``content`` edits), each tagged
  with its frame dimensions and actors (:mod:`analysis.actors`).
- **Tone.** VADER compound scores per sentence (the lexicon ships with vaderSentiment), a
  secondary signal only: VADER was built for social media, and news verbs such as
  "stressed" carry emotion scores in it.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources

import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from .actors import Resolver, actor_id, article_tokens, quoted_words, resolve_story
from .align import align_story
from .errors import NeedsTwoVersionsError
from .normalize import typography
from .segment import is_word, token_spans
from .tables import Corpus
from .wording import edits as edit_rows
from .wording import function_words, redline

DIMENSIONS: dict[str, str] = {
    "economic": "Economic",
    "capacity_and_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_and_equality": "Fairness and equality",
    "legality": "Legality, constitutionality and jurisprudence",
    "policy": "Policy prescription and evaluation",
    "crime_and_punishment": "Crime and punishment",
    "security_and_defense": "Security and defense",
    "health_and_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation": "External regulation and reputation",
    "other": "Other",
}
DEFAULT_TERMS = ("rebuffed", "rebuttal", "rejoinder", "withdrawal", "sovereignty")
CUE_CLASSES = ("neutral", "emphatic", "additive", "contested", "conflict", "other")
CONCORDANCE_WIDTH = 60
MIN_PASSAGE_WORDS = 3  # a content edit inside a kept sentence counts as context from 3 words
TONE_THRESHOLD = 0.05  # VADER's own convention for positive / negative compound scores
SIDES = ("only_original", "only_version")
_VOWELS = set("aeiouy")
_POSSESSIVE_RE = re.compile(r"'s?$")

# --------------------------------------------------------------------------------------
# Stems and words
# --------------------------------------------------------------------------------------


@cache
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


@cache
def stem(word: str) -> str:
    """The stem words are compared on: typography normalised, case-folded, possessive dropped,
    Snowball stem, final doubled consonant undoubled ("rebuff", "rebuffed", "rebuffs" → rebuf)."""
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


def _find(
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


def _norm(text: str) -> str:
    """Typography normalised and case-folded (so that "alliance’s" equals "alliance's")."""
    return typography(text).casefold()


def _texts(corpus: Corpus) -> dict[str, str]:
    return {a.article_id: a.text for a in corpus.articles}


def _pairs(corpus: Corpus, story_id: str) -> list[tuple[str, str]]:
    """(original id, version id) of every comparison; raises NeedsTwoVersionsError."""
    return [(o.article_id, v.article_id) for o, v in corpus.pairs(story_id)]


# --------------------------------------------------------------------------------------
# Term comparison
# --------------------------------------------------------------------------------------


def term_counts(
    corpus: Corpus,
    story_id: str,
    terms: Sequence[str] = DEFAULT_TERMS,
    words: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often each term occurs in each version (inflections grouped by their stems).

    Columns: story_id, term, stem, article_id, n (headline and body), n_headline, forms
    (the forms written, ``; ``-separated). Every term has a row for every version.
    """
    words = story_words(corpus, story_id) if words is None else words
    phrases = {stem_phrase(t): [t] for t in terms}
    hits = _find(words, phrases)
    articles = [a.article_id for a in corpus.story(story_id).articles]
    texts = _texts(corpus)
    rows = []
    for term in terms:
        mine = [(i, j) for i, j, t in hits if t == term]
        for article_id in articles:
            here = [(i, j) for i, j in mine if words.at[i, "article_id"] == article_id]
            forms = [
                texts[article_id][words.at[i, "start"] : words.at[j - 1, "end"]] for i, j in here
            ]
            rows.append(
                {
                    "story_id": story_id,
                    "term": term,
                    "stem": " ".join(stem_phrase(term)),
                    "article_id": article_id,
                    "n": len(here),
                    "n_headline": sum(words.at[i, "part"] == "headline" for i, _ in here),
                    "forms": "; ".join(dict.fromkeys(forms)),
                }
            )
    return pd.DataFrame(
        rows, columns=["story_id", "term", "stem", "article_id", "n", "n_headline", "forms"]
    )


def _flat(text: str) -> str:
    return " ".join(text.split())


def concordance(
    corpus: Corpus,
    story_id: str,
    terms: Sequence[str] = DEFAULT_TERMS,
    width: int = CONCORDANCE_WIDTH,
    words: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keyword-in-context lines for each term in each version, in text order.

    ``left`` and ``right`` are up to ``width`` characters of the same part (headline or body
    paragraph) on each side, whitespace flattened; ``start``/``end`` locate the match.
    """
    words = story_words(corpus, story_id) if words is None else words
    texts = _texts(corpus)
    paragraphs = corpus.story(story_id)["paragraphs"].set_index("paragraph_id")
    headlines = {a.article_id: a.parsed.part("headline") for a in corpus.story(story_id).articles}
    rows = []
    for i, j, term in _find(words, {stem_phrase(t): [t] for t in terms}):
        w = words.iloc[i]
        article_id, start, end = w["article_id"], int(w["start"]), int(words.at[j - 1, "end"])
        if w["part"] == "headline":
            lo, hi = headlines[article_id].start, headlines[article_id].end
        else:
            lo, hi = paragraphs.loc[w["paragraph_id"], ["start", "end"]]
        text = texts[article_id]
        rows.append(
            {
                "story_id": story_id,
                "term": term,
                "article_id": article_id,
                "part": w["part"],
                "sentence_id": w["sentence_id"],
                "start": start,
                "end": end,
                "left": _flat(text[max(lo, start - width) : start]),
                "match": text[start:end],
                "right": _flat(text[end : min(hi, end + width)]),
            }
        )
    columns = ["story_id", "term", "article_id", "part", "sentence_id", "start", "end"]
    table = pd.DataFrame(rows, columns=[*columns, "left", "match", "right"])
    order = {t: k for k, t in enumerate(terms)}
    return table.sort_values(
        ["term", "article_id", "start"], key=lambda c: c.map(order) if c.name == "term" else c
    ).reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Cue verbs and word choice
# --------------------------------------------------------------------------------------


def _data_rows(name: str) -> list[dict[str, str]]:
    text = resources.files("analysis").joinpath(f"data/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


@cache
def cue_verb_classes() -> dict[tuple[str, ...], tuple[str, str, bool]]:
    """Stems of every cue verb form → (lemma, class, loaded), from ``data/cue_verb_classes.csv``."""
    index: dict[tuple[str, ...], tuple[str, str, bool]] = {}
    for row in _data_rows("cue_verb_classes.csv"):
        value = (row["lemma"], row["class"], row["loaded"] == "yes")
        for form in [row["lemma"], *(f for f in (row["irregular"] or "").split("|") if f)]:
            index[stem_phrase(form)] = value
    return index


@cache
def not_cue_forms() -> frozenset[str]:
    """Words that share a cue verb's stem but are not the verb ("critics"; column not_forms)."""
    rows = _data_rows("cue_verb_classes.csv")
    return frozenset(f for row in rows for f in (row["not_forms"] or "").split("|") if f)


def cue_verb_table() -> pd.DataFrame:
    """``data/cue_verb_classes.csv`` as a table (lemma, class, loaded, irregular)."""
    return pd.DataFrame(_data_rows("cue_verb_classes.csv"))


def cue_class(cue: str) -> tuple[str, str]:
    """(lemma, class) of a cue ("stressed" → ("stress", "emphatic")); ("", "other") if unknown."""
    if _norm(cue) in not_cue_forms():
        return "", "other"
    hit = cue_verb_classes().get(stem_phrase(cue))
    return (hit[0], hit[1]) if hit else ("", "other")


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


def _word_class(text: str) -> str:
    return "" if _norm(text) in not_cue_forms() else cue_class(text)[1].replace("other", "")


def word_choice(
    corpus: Corpus,
    story_id: str,
    alignment: pd.DataFrame,
    edits: pd.DataFrame,
    words: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Word-choice contrasts between each version and its original, with context in both.

    - ``substitution`` rows: the ``word_choice`` replacements of the edits that change a
      content word ("rejoinder" → "rebuttal", "added" → "said"); status ``substituted``.
    - ``loaded`` rows: every occurrence of a loaded word (``data/cue_verb_classes.csv``) in
      either version; status ``both`` when the aligned counterpart sentence (or the other
      headline) uses the same word, else ``only_original`` / ``only_version``; the other
      side's context is then the counterpart sentence, so the rewording shows.

    ``class_*`` is the cue-verb class of each side's word, ``valence_*`` its VADER valence.
    """
    words = story_words(corpus, story_id) if words is None else words
    sentences = corpus.story(story_id)["sentences"].set_index("sentence_id")["text"]
    texts = _texts(corpus)
    headline_text = {
        a.article_id: a.part_text("headline") or "" for a in corpus.story(story_id).articles
    }

    def context(ids: Iterable[str]) -> str:
        out = []
        for sid in ids:
            out.append(
                headline_text[sid.rsplit(":", 1)[0]]
                if sid.endswith(":headline")
                else sentences[sid]
            )
        return " ".join(out)

    rows = []
    fw = function_words()
    for original_id, version_id in _pairs(corpus, story_id):
        base = {
            "story_id": story_id,
            "original_article_id": original_id,
            "version_article_id": version_id,
        }
        chosen = edits[
            (edits["version_article_id"] == version_id)
            & (edits["category"] == "word_choice")
            & (edits["op"] == "replace")
        ]
        for e in chosen.itertuples(index=False):
            content = [
                w
                for w in re.findall(r"\w+", f"{e.old_text} {e.new_text}")
                if w.casefold() not in fw
            ]
            if not content:
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
        mine = [r for r in rows if r["version_article_id"] == version_id]
        substituted = {(r["version_start"], r["version_end"]) for r in mine}
        substituted |= {(r["original_start"], r["original_end"]) for r in mine}
        for row in _loaded_rows(
            base, words, alignment[alignment["version_article_id"] == version_id], texts, context
        ):  # a loaded word that is a substitution is shown once, as the substitution
            spans = {
                (row["version_start"], row["version_end"]),
                (row["original_start"], row["original_end"]),
            }
            if not spans & substituted:
                rows.append(row)
    table = pd.DataFrame(rows, columns=WORD_CHOICE_COLUMNS)
    for column in ("original_start", "original_end", "version_start", "version_end"):
        table[column] = table[column].astype("Int64")
    return table


def _loaded_rows(
    base: dict, words: pd.DataFrame, alignment: pd.DataFrame, texts: dict[str, str], context
) -> list[dict]:
    """The ``loaded`` rows of word_choice for one pair (see there)."""
    original_id, version_id = base["original_article_id"], base["version_article_id"]
    phrases = {k: [v] for k, v in cue_verb_classes().items() if v[2]}
    pair_words = words[words["article_id"].isin([original_id, version_id])].reset_index(drop=True)
    to_version, to_original = _counterparts(alignment)
    headlines = set(pair_words.loc[pair_words["part"] == "headline", "sentence_id"])
    o_head, v_head = f"{original_id}:headline", f"{version_id}:headline"
    if o_head in headlines and v_head in headlines:  # headlines are each other's counterparts
        to_version[o_head], to_original[v_head] = [v_head], [o_head]
    occurrences = []  # (article, sentence, lemma, class, start, end)
    for i, j, (lemma, cls, _) in _find(pair_words, phrases):  # type: ignore[misc]
        start, end = int(pair_words.at[i, "start"]), int(pair_words.at[j - 1, "end"])
        if j - i == 1 and _norm(pair_words.at[i, "text"]) in not_cue_forms():
            continue  # "critics" shares the stem of "criticize" but takes no stance
        occurrences.append(
            (
                pair_words.at[i, "article_id"],
                pair_words.at[i, "sentence_id"],
                lemma,
                cls,
                start,
                end,
            )
        )
    version_occ = [o for o in occurrences if o[0] == version_id]
    used: set[int] = set()
    rows = []

    def row(o: tuple | None, v: tuple | None, partners: list[str]) -> dict:
        status = "both" if o and v else ("only_original" if o else "only_version")
        o_text = texts[original_id][o[4] : o[5]] if o else ""
        v_text = texts[version_id][v[4] : v[5]] if v else ""
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

    for o in occurrences:
        if o[0] != original_id:
            continue
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
        rows.append(row(o, version_occ[match] if match is not None else None, partners))
    for k, v in enumerate(version_occ):
        if k not in used:
            rows.append(row(None, v, to_original.get(v[1], [])))
    return rows


# --------------------------------------------------------------------------------------
# Attribution verbs
# --------------------------------------------------------------------------------------

ATTRIBUTION_COLUMNS = [
    "story_id",
    "article_id",
    "cue",
    "lemma",
    "cue_class",
    "speaker",
    "speaker_name",
    "actor_id",
    "cue_start",
    "cue_end",
    "n_quotes",
    "quote",
]


def attribution_verbs(
    quotes: pd.DataFrame, story_id: str = "", resolver: Resolver | None = None
) -> pd.DataFrame:
    """One row per attribution cue of a quotes table, with its lemma and class.

    ``quotes``: the columns of :func:`analysis.quotes.extract_quotes` plus ``article_id``.
    Rows sharing a cue (a paraphrase and the partial quotation inside it) are one
    attribution; ``n_quotes`` counts them and ``quote`` is the first. ``speaker_name`` is
    the quotes table's resolved speaker; ``actor_id`` is its actor (if ``resolver`` is given
    and the name resolves). Quotations without a cue are not attributions and are left out.
    """
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=ATTRIBUTION_COLUMNS)
    cued = quotes[quotes["cue"].fillna("").astype(str).str.strip() != ""]
    rows = []
    keys = ["article_id", "cue_start", "cue_end"]
    for (article_id, cue_start, cue_end), group in cued.groupby(keys, sort=False):
        first = group.iloc[0]
        lemma, cls = cue_class(str(first["cue"]))
        name = first.get("speaker_name")
        name = name if isinstance(name, str) else ""
        index = resolver.resolve_name(name) if resolver is not None and name else None
        rows.append(
            {
                "story_id": story_id,
                "article_id": article_id,
                "cue": first["cue"],
                "lemma": lemma or str(first["cue"]).casefold(),
                "cue_class": cls,
                "speaker": first.get("speaker") if isinstance(first.get("speaker"), str) else "",
                "speaker_name": name,
                "actor_id": actor_id(resolver.actors[index].name) if index is not None else "",
                "cue_start": int(cue_start),
                "cue_end": int(cue_end),
                "n_quotes": len(group),
                "quote": first["quote"],
            }
        )
    table = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return table.sort_values(["article_id", "cue_start"], kind="stable").reset_index(drop=True)


def _lemma_list(lemmas: pd.Series) -> str:
    return "; ".join(f"{lemma} {n}" for lemma, n in lemmas.value_counts().items())


def attribution_classes(
    verbs: pd.DataFrame, articles: Sequence[str] | None = None, story_id: str = ""
) -> pd.DataFrame:
    """Attributions per version and cue class: count, share of the version's, and the lemmas.

    Every class has a row for every version (``articles``, default: those in ``verbs``).
    """
    articles = list(articles) if articles is not None else list(dict.fromkeys(verbs["article_id"]))
    rows = []
    for article_id in articles:
        mine = verbs[verbs["article_id"] == article_id]
        for cls in CUE_CLASSES:
            chosen = mine[mine["cue_class"] == cls]
            rows.append(
                {
                    "story_id": story_id or (mine["story_id"].iloc[0] if len(mine) else ""),
                    "article_id": article_id,
                    "cue_class": cls,
                    "n": len(chosen),
                    "share": round(len(chosen) / len(mine), 4) if len(mine) else 0.0,
                    "lemmas": _lemma_list(chosen["lemma"]),
                }
            )
    return pd.DataFrame(
        rows, columns=["story_id", "article_id", "cue_class", "n", "share", "lemmas"]
    )


def attribution_by_speaker(verbs: pd.DataFrame, resolver: Resolver | None = None) -> pd.DataFrame:
    """Attributions per version, speaker and cue class, with the lemmas used.

    The speaker is the resolved actor's name when there is one, else the quotes table's
    ``speaker_name``.
    """
    columns = ["story_id", "article_id", "speaker", "cue_class", "n", "lemmas"]
    if verbs.empty:
        return pd.DataFrame(columns=columns)
    names = {actor_id(a.name): a.name for a in resolver.actors} if resolver is not None else {}
    speaker = verbs["actor_id"].map(names).astype(object).fillna("")
    speaker = speaker.where(speaker != "", verbs["speaker_name"])
    table = verbs.assign(speaker=speaker)
    grouped = table.groupby(["story_id", "article_id", "speaker", "cue_class"], sort=False)
    out = grouped.agg(n=("lemma", "size"), lemmas=("lemma", _lemma_list)).reset_index()
    return out.sort_values(["article_id", "n"], ascending=[True, False], kind="stable")[
        columns
    ].reset_index(drop=True)


# --------------------------------------------------------------------------------------
# Frame dimensions
# --------------------------------------------------------------------------------------


@cache
def frame_lexicon() -> pd.DataFrame:
    """``data/frame_lexicon.csv``: dimension, term, stem, source."""
    return pd.DataFrame(_data_rows("frame_lexicon.csv"))


@cache
def _frame_phrases() -> dict[tuple[str, ...], list[tuple[str, str]]]:
    phrases: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
    for row in frame_lexicon().itertuples(index=False):
        value = (row.dimension, row.term)
        key = tuple(row.stem.split())
        if value[0] not in [d for d, _ in phrases[key]]:
            phrases[key].append(value)
    return dict(phrases)


FRAME_TERM_COLUMNS = [
    "story_id",
    "article_id",
    "part",
    "paragraph_id",
    "paragraph_index",
    "sentence_id",
    "start",
    "end",
    "text",
    "term",
    "dimension",
]


def frame_terms(corpus: Corpus, story_id: str, words: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every occurrence of a frame-lexicon term in every version, with its dimension and offsets.

    A word may signal two dimensions ("terrorist": security and defense, crime and
    punishment). Within one dimension a longer term wins over a term inside it ("force
    posture" over "posture").
    """
    words = story_words(corpus, story_id) if words is None else words
    texts = _texts(corpus)
    hits = _find(words, _frame_phrases())
    longest: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, j, (dimension, _) in hits:  # type: ignore[misc]
        longest[dimension].append((i, j))
    rows = []
    for i, j, (dimension, term) in hits:  # type: ignore[misc]
        if any(a <= i and j <= b and (a, b) != (i, j) for a, b in longest[dimension]):
            continue
        w = words.iloc[i]
        start, end = int(w["start"]), int(words.at[j - 1, "end"])
        rows.append(
            {
                "story_id": story_id,
                "article_id": w["article_id"],
                "part": w["part"],
                "paragraph_id": w["paragraph_id"],
                "paragraph_index": int(w["paragraph_index"]),
                "sentence_id": w["sentence_id"],
                "start": start,
                "end": end,
                "text": texts[w["article_id"]][start:end],
                "term": term,
                "dimension": dimension,
            }
        )
    table = pd.DataFrame(rows, columns=FRAME_TERM_COLUMNS)
    return table.sort_values(["article_id", "start", "dimension"], kind="stable").reset_index(
        drop=True
    )


def _primary(counts: Counter[str]) -> str:
    """The dimension with most terms (ties: the first in DIMENSIONS); ``other`` if none."""
    if not counts:
        return "other"
    return max(DIMENSIONS, key=lambda d: (counts.get(d, 0), -list(DIMENSIONS).index(d)))


def _frame_list(counts: Counter[str]) -> str:
    order = list(DIMENSIONS)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.index(kv[0])))
    return "; ".join(f"{d} {n}" for d, n in ranked)


def _trigger_list(terms: pd.DataFrame) -> str:
    """ "dimension: word, word 2 | dimension: …", in order of first trigger."""
    written: dict[str, Counter[str]] = {}
    for dimension, text in zip(terms["dimension"], terms["text"], strict=True):
        written.setdefault(dimension, Counter())[_norm(text)] += 1
    return " | ".join(
        f"{d}: " + ", ".join(f"{w} {n}" if n > 1 else w for w, n in counts.items())
        for d, counts in written.items()
    )


def frames(
    corpus: Corpus, story_id: str, terms: pd.DataFrame, words: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per paragraph (the headline is paragraph 0) with its frame-term counts.

    Columns: ids and position, ``n_words``, ``n_frame_terms``, ``primary_frame`` (most terms;
    ``other`` if none), ``frames`` (dimensions with counts), ``triggers`` (the words that
    triggered each dimension), one count column per dimension, and the text.
    """
    words = story_words(corpus, story_id) if words is None else words
    story = corpus.story(story_id)
    paragraph_text = story["paragraphs"].set_index("paragraph_id")["text"]
    headlines = {a.article_id: a.part_text("headline") or "" for a in story.articles}
    rows = []
    by_paragraph = dict(list(terms.groupby("paragraph_id", sort=False)))
    for (article_id, paragraph_id), group in words.groupby(
        ["article_id", "paragraph_id"], sort=False
    ):
        mine = by_paragraph.get(paragraph_id, terms.iloc[0:0])
        counts = Counter(mine["dimension"])
        index = int(group["paragraph_index"].iloc[0])
        rows.append(
            {
                "story_id": story_id,
                "article_id": article_id,
                "paragraph_id": paragraph_id,
                "paragraph_index": index,
                "part": group["part"].iloc[0],
                "n_words": len(group),
                "n_frame_terms": len(mine),
                "primary_frame": _primary(counts),
                "frames": _frame_list(counts),
                "triggers": _trigger_list(mine),
                **{d: counts.get(d, 0) for d in DIMENSIONS if d != "other"},
                "text": headlines[article_id] if index == 0 else paragraph_text[paragraph_id],
            }
        )
    return pd.DataFrame(rows)


def frame_profile(paragraph_frames: pd.DataFrame, terms: pd.DataFrame) -> pd.DataFrame:
    """Each version's frame profile: per dimension, terms, share, rate and primary paragraphs.

    ``share``: the dimension's terms over all frame terms of the version; ``per_1000_words``:
    over its words (headline and body); ``n_primary``: paragraphs whose primary frame it is;
    ``top_terms``: its most frequent triggers.
    """
    rows = []
    for article_id, group in paragraph_frames.groupby("article_id", sort=False):
        mine = terms[terms["article_id"] == article_id]
        total, n_words = len(mine), int(group["n_words"].sum())
        for dimension, label in DIMENSIONS.items():
            chosen = mine[mine["dimension"] == dimension]
            written = Counter(_norm(t) for t in chosen["text"])
            rows.append(
                {
                    "story_id": group["story_id"].iloc[0],
                    "article_id": article_id,
                    "dimension": dimension,
                    "label": label,
                    "n_terms": len(chosen),
                    "share": round(len(chosen) / total, 4) if total else 0.0,
                    "per_1000_words": round(1000 * len(chosen) / n_words, 2) if n_words else 0.0,
                    "n_primary": int((group["primary_frame"] == dimension).sum()),
                    "top_terms": ", ".join(f"{w} {n}" for w, n in written.most_common(6)),
                }
            )
    return pd.DataFrame(rows)


def frame_shift(
    corpus: Corpus, story_id: str, profile: pd.DataFrame, terms: pd.DataFrame
) -> pd.DataFrame:
    """Per version compared with its original and per dimension: the change in frame share.

    ``difference`` is the version's share minus the original's, in percentage points;
    ``terms_only_original`` / ``terms_only_version`` are the triggers one side lacks.
    """
    rows = []
    for original_id, version_id in _pairs(corpus, story_id):
        o = profile[profile["article_id"] == original_id].set_index("dimension")
        v = profile[profile["article_id"] == version_id].set_index("dimension")
        for dimension, label in DIMENSIONS.items():
            chosen = terms[terms["dimension"] == dimension]
            o_terms = {_norm(t) for t in chosen.loc[chosen["article_id"] == original_id, "text"]}
            v_terms = {_norm(t) for t in chosen.loc[chosen["article_id"] == version_id, "text"]}
            rows.append(
                {
                    "story_id": story_id,
                    "original_article_id": original_id,
                    "version_article_id": version_id,
                    "dimension": dimension,
                    "label": label,
                    "share_original": o.at[dimension, "share"],
                    "share_version": v.at[dimension, "share"],
                    "difference": round(
                        100 * (v.at[dimension, "share"] - o.at[dimension, "share"]), 2
                    ),
                    "n_terms_original": int(o.at[dimension, "n_terms"]),
                    "n_terms_version": int(v.at[dimension, "n_terms"]),
                    "terms_only_original": ", ".join(sorted(o_terms - v_terms)),
                    "terms_only_version": ", ".join(sorted(v_terms - o_terms)),
                }
            )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------
# Context added or omitted
# --------------------------------------------------------------------------------------

CONTEXT_COLUMNS = [
    "story_id",
    "original_article_id",
    "version_article_id",
    "side",
    "unit",
    "article_id",
    "paragraph_id",
    "sentence_id",
    "paragraph_whole",
    "start",
    "end",
    "n_words",
    "text",
    "primary_frame",
    "frames",
    "frame_terms",
    "actors",
]


def _inside(table: pd.DataFrame, article_id: str, start: int, end: int) -> pd.DataFrame:
    """Rows of ``table`` (with article_id, start, end) lying within ``[start, end)``."""
    mask = (table["start"].to_numpy() >= start) & (table["end"].to_numpy() <= end)
    mask &= table["article_id"].to_numpy() == article_id
    return table[mask]


def context(
    corpus: Corpus,
    story_id: str,
    alignment: pd.DataFrame,
    edits: pd.DataFrame,
    terms: pd.DataFrame,
    mentions: pd.DataFrame,
) -> pd.DataFrame:
    """What only one version tells, tagged with frame dimensions and actors.

    Units: ``sentence`` (alignment label ``deleted``: only the original has it; ``added``:
    only the version) and ``passage`` (a ``content`` edit of at least MIN_PASSAGE_WORDS
    words inside a sentence both versions keep). ``paragraph_whole``: every sentence of the
    unit's paragraph is one-sided (a whole paragraph cut or added). ``frames``: dimensions
    with their term counts; ``actors``: the actors mentioned, in order of first mention.
    """
    story = corpus.story(story_id)
    sentences = story["sentences"].set_index("sentence_id")
    texts = _texts(corpus)
    rows = []
    for original_id, version_id in _pairs(corpus, story_id):
        pair = alignment[alignment["version_article_id"] == version_id]
        one_sided = set(pair.loc[pair["label"] == "deleted", "original_sentence_id"]) | set(
            pair.loc[pair["label"] == "added", "version_sentence_id"]
        )
        whole = {
            pid
            for pid, group in sentences[sentences["article_id"].isin([original_id, version_id])]
            .reset_index()
            .groupby("paragraph_id")
            if set(group["sentence_id"]) <= one_sided
        }
        units = []
        for label, side, column, article_id in (
            ("deleted", "only_original", "original_sentence_id", original_id),
            ("added", "only_version", "version_sentence_id", version_id),
        ):
            for sid in pair.loc[pair["label"] == label, column]:
                s = sentences.loc[sid]
                units.append(
                    (
                        side,
                        "sentence",
                        article_id,
                        s["paragraph_id"],
                        sid,
                        int(s["start"]),
                        int(s["end"]),
                    )
                )
        passages = edits[
            (edits["version_article_id"] == version_id)
            & (edits["category"] == "content")
            & ~edits["label"].isin(["added", "deleted"])
        ]
        for e in passages.itertuples(index=False):
            for side, n, article_id, sids, start, end in (
                (
                    "only_original",
                    e.n_old_words,
                    original_id,
                    e.original_sentence_id,
                    e.old_start,
                    e.old_end,
                ),
                (
                    "only_version",
                    e.n_new_words,
                    version_id,
                    e.version_sentence_id,
                    e.new_start,
                    e.new_end,
                ),
            ):
                if n >= MIN_PASSAGE_WORDS:
                    sid = sids.split()[0]
                    pid = sentences.at[sid, "paragraph_id"]
                    units.append((side, "passage", article_id, pid, sids, int(start), int(end)))
        for side, unit, article_id, pid, sid, start, end in units:
            mine = _inside(terms, article_id, start, end)
            counts = Counter(mine["dimension"])
            actors = _inside(mentions, article_id, start, end)
            text = texts[article_id][start:end]
            rows.append(
                {
                    "story_id": story_id,
                    "original_article_id": original_id,
                    "version_article_id": version_id,
                    "side": side,
                    "unit": unit,
                    "article_id": article_id,
                    "paragraph_id": pid,
                    "sentence_id": sid,
                    "paragraph_whole": unit == "sentence" and pid in whole,
                    "start": start,
                    "end": end,
                    "n_words": sum(is_word(text[s:e]) for s, e in token_spans(text, 0, len(text))),
                    "text": text,
                    "primary_frame": _primary(counts),
                    "frames": _frame_list(counts),
                    "frame_terms": _trigger_list(mine),
                    "actors": "; ".join(dict.fromkeys(actors["actor"])),
                }
            )
    table = pd.DataFrame(rows, columns=CONTEXT_COLUMNS)
    order = {s: k for k, s in enumerate(SIDES)}
    return table.sort_values(
        ["version_article_id", "side", "start"],
        key=lambda c: c.map(order) if c.name == "side" else c,
        kind="stable",
    ).reset_index(drop=True)


def context_summary(context_table: pd.DataFrame) -> pd.DataFrame:
    """Per version and side: how much context only one side has, its frames and its actors.

    One row per (version, side, facet, value): facet ``total`` (value ``all``), ``frame``
    (a dimension) or ``actor``; ``n_units`` units (sentences and passages) and ``n_words``
    words carry that frame or name that actor.
    """
    rows = []
    keys = ["story_id", "original_article_id", "version_article_id", "side"]
    for key, group in context_table.groupby(keys, sort=False):
        base = dict(zip(keys, key, strict=True))
        rows.append(
            {
                **base,
                "facet": "total",
                "value": "all",
                "n_units": len(group),
                "n_sentences": int((group["unit"] == "sentence").sum()),
                "n_words": int(group["n_words"].sum()),
            }
        )
        facets: dict[tuple[str, str], list[int]] = defaultdict(list)
        for unit in group.itertuples(index=False):
            for item in unit.frames.split("; ") if unit.frames else ["other 0"]:
                facets[("frame", item.rsplit(" ", 1)[0])].append(unit.n_words)
            for actor in unit.actors.split("; ") if unit.actors else []:
                facets[("actor", actor)].append(unit.n_words)
        for (facet, value), n_words in facets.items():
            rows.append(
                {
                    **base,
                    "facet": facet,
                    "value": value,
                    "n_units": len(n_words),
                    "n_sentences": None,
                    "n_words": sum(n_words),
                }
            )
    table = pd.DataFrame(
        rows, columns=[*keys, "facet", "value", "n_units", "n_sentences", "n_words"]
    )
    table["n_sentences"] = table["n_sentences"].astype("Int64")
    facet_order = {"total": 0, "frame": 1, "actor": 2}
    side_order = {s: k for k, s in enumerate(SIDES)}
    table = table.assign(_f=table["facet"].map(facet_order), _s=table["side"].map(side_order))
    return (
        table.sort_values(
            ["version_article_id", "_s", "_f", "n_units", "n_words"],
            ascending=[True, True, True, False, False],
            kind="stable",
        )
        .drop(columns=["_f", "_s"])
        .reset_index(drop=True)
    )


def _top(summary: pd.DataFrame, facet: str, k: int = 4, label: bool = False) -> str:
    chosen = summary[summary["facet"] == facet].head(k)
    names = [DIMENSIONS[v].lower() if label else v for v in chosen["value"]]
    return ", ".join(f"{n} ({u})" for n, u in zip(names, chosen["n_units"], strict=True))


def context_findings(summary: pd.DataFrame) -> list[str]:
    """Sentences: "what the syndicated reader is not told" and "what only they are told"."""
    out = []
    for (original_id, version_id), pair in summary.groupby(
        ["original_article_id", "version_article_id"], sort=False
    ):
        for side in SIDES:
            group = pair[pair["side"] == side]
            if group.empty:
                continue
            total = group[group["facet"] == "total"].iloc[0]
            passages = int(total["n_units"] - total["n_sentences"])
            frames_ = group[(group["facet"] == "frame") & (group["value"] != "other")]
            head = (
                f"What readers of {version_id} are not told"
                if side == "only_original"
                else f"What only readers of {version_id} are told"
            )
            source = original_id if side == "only_original" else version_id
            out.append(
                f"{head}: {int(total['n_sentences'])} sentences"
                + (f" and {passages} passages inside kept sentences" if passages else "")
                + f" ({int(total['n_words'])} words of {source}), "
                + (
                    f"framed mostly as {_top(frames_, 'frame', label=True)}"
                    if len(frames_)
                    else "with no frame terms"
                )
                + (
                    f"; naming {_top(group, 'actor', k=5)}"
                    if (group["facet"] == "actor").any()
                    else ""
                )
                + " (units in brackets)."
            )
    return out


# --------------------------------------------------------------------------------------
# Tone
# --------------------------------------------------------------------------------------

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
    texts = _texts(corpus)
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
            names |= {w for w in re.findall(r"[\w']+", _norm(text)) if w in lexicon}
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


# --------------------------------------------------------------------------------------
# Summary
# --------------------------------------------------------------------------------------


def _names(items: Iterable[str]) -> str:
    """Items joined with commas, or "none"."""
    return ", ".join(items) or "none"


SUMMARY_COLUMNS = [
    "story_id",
    "original_article_id",
    "version_article_id",
    "aspect",
    "measure",
    "original",
    "version",
    "difference",
    "detail",
]


def framing_summary(corpus: Corpus, story_id: str, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The framing-shift summary: one row per measure and version, generated from the tables.

    ``original`` and ``version`` are the measure's values (numbers, or text for the top
    frame); ``difference`` is version minus original where both are numbers.
    """
    rows = []
    for original_id, version_id in _pairs(corpus, story_id):
        base = {
            "story_id": story_id,
            "original_article_id": original_id,
            "version_article_id": version_id,
        }

        def add(
            aspect: str, measure: str, o: object, v: object, detail: str = "", base: dict = base
        ) -> None:
            numeric = isinstance(o, int | float) and isinstance(v, int | float)
            rows.append(
                {
                    **base,
                    "aspect": aspect,
                    "measure": measure,
                    "original": o,
                    "version": v,
                    "difference": round(v - o, 4) if numeric else None,
                    "detail": detail,
                }  # type: ignore[operator]
            )

        wc = tables["word_choice"]
        wc = wc[wc["version_article_id"] == version_id]
        subs = wc[wc["kind"] == "substitution"]
        add(
            "word choice",
            "substitutions",
            len(subs),
            len(subs),
            "; ".join(
                f"{a} → {b}"
                for a, b in zip(subs["original_text"], subs["version_text"], strict=True)
            ),
        )
        loaded = wc[wc["kind"] == "loaded"]
        add(
            "word choice",
            "loaded words",
            int(loaded["status"].isin(["both", "only_original"]).sum()),
            int(loaded["status"].isin(["both", "only_version"]).sum()),
            "only original: "
            + _names(loaded.loc[loaded["status"] == "only_original", "original_text"])
            + "; only version: "
            + _names(loaded.loc[loaded["status"] == "only_version", "version_text"]),
        )
        tc = tables["term_counts"]
        for term, group in tc.groupby("term", sort=False):
            n = group.set_index("article_id")["n"]
            add(
                "terms",
                f"“{term}”",
                int(n.get(original_id, 0)),
                int(n.get(version_id, 0)),
                "; ".join(f for f in group["forms"] if f),
            )
        classes = tables["attribution_classes"]
        if len(classes):
            c = classes.set_index(["article_id", "cue_class"])
            for cls in CUE_CLASSES[:-1]:
                o = c["share"].get((original_id, cls), 0.0)
                v = c["share"].get((version_id, cls), 0.0)
                add(
                    "attribution",
                    f"share of {cls} cue verbs",
                    float(o),
                    float(v),
                    f"original: {c['lemmas'].get((original_id, cls), '')}; "
                    f"version: {c['lemmas'].get((version_id, cls), '')}",
                )
        profile = tables["frame_profile"]
        tops = {}
        for article_id in (original_id, version_id):
            p = profile[profile["article_id"] == article_id]
            tops[article_id] = p.sort_values("n_terms", ascending=False, kind="stable").iloc[0][
                "dimension"
            ]
        add("frames", "top frame", tops[original_id], tops[version_id])
        shift = tables["frame_shift"]
        shift = shift[shift["version_article_id"] == version_id]
        for row in (
            shift.reindex(shift["difference"].abs().sort_values(ascending=False).index)
            .head(3)
            .itertuples()
        ):
            add(
                "frames",
                f"share of {row.dimension}",
                float(row.share_original),
                float(row.share_version),
                f"only original: {row.terms_only_original}; only version: {row.terms_only_version}",
            )
        ctx = tables["context"]
        ctx = ctx[ctx["version_article_id"] == version_id]
        for side, label in (
            ("only_original", "words only in the original"),
            ("only_version", "words only in the version"),
        ):
            mine = ctx[ctx["side"] == side]
            frames_ = Counter(d for f in mine["primary_frame"] for d in [f])
            value = int(mine["n_words"].sum())
            add(
                "context",
                label,
                value if side == "only_original" else 0,
                value if side == "only_version" else 0,
                f"{len(mine)} units; primary frames: "
                + ", ".join(f"{d} {n}" for d, n in frames_.most_common(4)),
            )
        actors = tables["actors"]
        a = actors.pivot_table(
            index="actor", columns="article_id", values="n_mentions", aggfunc="sum"
        ).fillna(0)
        if original_id in a and version_id in a:
            only_o = a[(a[original_id] > 0) & (a[version_id] == 0)].index.tolist()
            only_v = a[(a[version_id] > 0) & (a[original_id] == 0)].index.tolist()
            add(
                "actors",
                "actors named",
                int((a[original_id] > 0).sum()),
                int((a[version_id] > 0).sum()),
                f"only original: {_names(only_o)}; only version: {_names(only_v)}",
            )
            change = (a[version_id] - a[original_id]).sort_values()
            for name in [*change.head(2).index, *change.tail(1).index]:
                if change[name]:
                    add(
                        "actors",
                        f"mentions of {name}",
                        int(a.at[name, original_id]),
                        int(a.at[name, version_id]),
                    )
            lede = actors[actors["first_position"].isin(["headline", "lede"])]
            add(
                "actors",
                "actors in headline or lede",
                int((lede["article_id"] == original_id).sum()),
                int((lede["article_id"] == version_id).sum()),
                f"original: {', '.join(lede.loc[lede['article_id'] == original_id, 'actor'])}; "
                f"version: {', '.join(lede.loc[lede['article_id'] == version_id, 'actor'])}",
            )
        ts = tables["tone_summary"].set_index("article_id")
        add(
            "tone",
            "mean VADER compound",
            float(ts.at[original_id, "mean_compound"]),
            float(ts.at[version_id, "mean_compound"]),
            "secondary signal; see the caveats",
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def findings(summary: pd.DataFrame) -> list[str]:
    """Plain-language key findings for each version, generated from the summary table."""
    out = []
    for (original_id, version_id), s in summary.groupby(
        ["original_article_id", "version_article_id"], sort=False
    ):
        get = s.set_index("measure")
        subs = get.at["substitutions", "detail"]
        loaded = get.at["loaded words", "detail"]
        text = (
            f"{version_id} against {original_id}: "
            + (f"word-choice substitutions {subs}. " if subs else "no word-choice substitutions. ")
            + f"Loaded words — {loaded}. "
        )
        top_o, top_v = get.at["top frame", "original"], get.at["top frame", "version"]
        text += (
            f"Both versions are framed mostly as {DIMENSIONS[top_o].lower()}"
            if top_o == top_v
            else f"The top frame moves from {DIMENSIONS[top_o].lower()} to "
            f"{DIMENSIONS[top_v].lower()}"
        )
        frame_rows = s[(s["aspect"] == "frames") & (s["measure"] != "top frame")]
        if len(frame_rows):
            r = frame_rows.iloc[0]
            dimension = DIMENSIONS[r["measure"].removeprefix("share of ")].lower()
            text += (
                f"; the largest shift is {dimension} "
                f"({100 * r['original']:.0f}% → {100 * r['version']:.0f}% of frame terms). "
            )
        else:
            text += ". "
        text += (
            f"{int(get.at['words only in the original', 'original'])} words of the original are "
            f"missing from the version and {int(get.at['words only in the version', 'version'])} "
            "words are new. "
        )
        if "actors named" in get.index:
            text += f"Actors: {get.at['actors named', 'detail']}."
        out.append(text)
    return out


# --------------------------------------------------------------------------------------
# Quotes and all tables of a story
# --------------------------------------------------------------------------------------


def story_quotes(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The quotes table of a story from :mod:`analysis.quotes` (with ``article_id``).

    Uses ``analysis.quotes.story_tables(corpus, story_id)["quotes"]``; where that is not
    available, ``extract_quotes`` on each version's body paragraphs.
    """
    from . import quotes as quotes_module

    if hasattr(quotes_module, "story_tables"):
        return quotes_module.story_tables(corpus, story_id)["quotes"]
    tables = []
    for article in corpus.story(story_id).articles:
        table = quotes_module.extract_quotes(article.text, list(article.parsed.paragraphs))
        table.insert(0, "article_id", article.article_id)
        tables.append(table)
    return pd.concat(tables, ignore_index=True)


def story_tables(
    corpus: Corpus,
    story_id: str,
    terms: Sequence[str] = DEFAULT_TERMS,
    quotes: pd.DataFrame | None = None,
) -> dict[str, pd.DataFrame]:
    """Every framing table of one story, as exported (see the README's data dictionary).

    ``terms``: the terms to compare; ``quotes``: a quotes table (default: :func:`story_quotes`).
    Raises NeedsTwoVersionsError for a story with one version.
    """
    _pairs(corpus, story_id)  # fails early for a one-version story
    from .wording import edit_kinds

    alignment = align_story(corpus, story_id)
    ops = redline(corpus, story_id, alignment)
    alignment["edit_kind"] = edit_kinds(alignment, ops)
    changed = edit_rows(ops)
    words = story_words(corpus, story_id)
    quotes = story_quotes(corpus, story_id) if quotes is None else quotes
    resolver = resolve_story(corpus, story_id)
    from .actors import actor_rows, mentions_table

    mentions = mentions_table(story_id, resolver)
    actors = actor_rows(corpus, story_id, resolver, mentions, quotes)
    terms_found = frame_terms(corpus, story_id, words)
    paragraph_frames = frames(corpus, story_id, terms_found, words)
    profile = frame_profile(paragraph_frames, terms_found)
    verbs = attribution_verbs(quotes, story_id, resolver)
    articles = [a.article_id for a in corpus.story(story_id).articles]
    ctx = context(corpus, story_id, alignment, changed, terms_found, mentions)
    tone_table = tone(corpus, story_id)
    tables = {
        "word_choice": word_choice(corpus, story_id, alignment, changed, words),
        "term_counts": term_counts(corpus, story_id, terms, words),
        "concordance": concordance(corpus, story_id, terms, words=words),
        "attribution_verbs": verbs,
        "attribution_classes": attribution_classes(verbs, articles, story_id),
        "attribution_speakers": attribution_by_speaker(verbs, resolver),
        "frame_terms": terms_found,
        "frames": paragraph_frames,
        "frame_profile": profile,
        "frame_shift": frame_shift(corpus, story_id, profile, terms_found),
        "context": ctx,
        "context_summary": context_summary(ctx),
        "actors": actors,
        "actor_mentions": mentions,
        "tone": tone_table,
        "tone_summary": tone_summary(tone_table),
    }
    tables["framing_summary"] = framing_summary(corpus, story_id, tables)
    tables["vader_caveats"] = pd.DataFrame(
        {"story_id": story_id, "caveat": vader_caveats(tone_table, mentions)}
    )
    return tables


__all__ = [
    "DEFAULT_TERMS",
    "DIMENSIONS",
    "NeedsTwoVersionsError",
    "attribution_by_speaker",
    "attribution_classes",
    "attribution_verbs",
    "concordance",
    "context",
    "context_findings",
    "context_summary",
    "cue_class",
    "cue_verb_table",
    "findings",
    "frame_lexicon",
    "frame_profile",
    "frame_shift",
    "frame_terms",
    "frames",
    "framing_summary",
    "key_findings",
    "key_findings_from",
    "not_cue_forms",
    "quoted_words",
    "stem",
    "story_quotes",
    "story_tables",
    "term_counts",
    "tone",
    "tone_summary",
    "vader_caveats",
    "valence",
    "word_choice",
]


def key_findings(corpus: Corpus, story_id: str) -> list[str]:
    """The framing findings and the context findings, generated from the tables."""
    return key_findings_from(story_tables(corpus, story_id))


def key_findings_from(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """:func:`key_findings` from the tables of :func:`story_tables`."""
    return findings(tables["framing_summary"]) + context_findings(tables["context_summary"])
