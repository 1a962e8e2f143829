"""Attribution verbs: the cue verbs of a quotes table, lemmatised and classed.

Classes (``data/cue_verb_classes.csv``): neutral, emphatic, additive, contested, conflict;
a cue the lexicon lacks is ``other``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..actors import Resolver, actor_id
from .words import cue_class

CUE_CLASSES = ("neutral", "emphatic", "additive", "contested", "conflict", "other")


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
