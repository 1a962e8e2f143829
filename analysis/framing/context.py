"""Context: what only one version tells, tagged with its frame dimensions and actors.

Units are sentences only one version has (alignment labels ``deleted``/``added``) and
substantive passages cut from or added to kept sentences (``content`` edits of at least
:data:`MIN_PASSAGE_WORDS` words); actors come from :mod:`analysis.actors`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from ..segment import is_word, token_spans
from ..tables import Corpus
from .frames import DIMENSIONS, frame_list, primary_frame, trigger_list
from .words import article_texts, pair_keys, version_pairs

MIN_PASSAGE_WORDS = 3  # a content edit inside a kept sentence counts as context from 3 words
SIDES = ("only_original", "only_version")

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

Unit = tuple[str, str, str, str, str, int, int]
"""A one-sided unit: (side, unit, article id, paragraph id, sentence id(s), start, end)."""


def _inside(table: pd.DataFrame, article_id: str, start: int, end: int) -> pd.DataFrame:
    """Rows of ``table`` (with article_id, start, end) lying within ``[start, end)``."""
    mask = (table["start"].to_numpy() >= start) & (table["end"].to_numpy() <= end)
    mask &= table["article_id"].to_numpy() == article_id
    return table[mask]


def _whole_paragraphs(sentences: pd.DataFrame, pair: pd.DataFrame, ids: list[str]) -> set[str]:
    """Paragraphs of the pair's articles whose every sentence is one-sided."""
    one_sided = set(pair.loc[pair["label"] == "deleted", "original_sentence_id"]) | set(
        pair.loc[pair["label"] == "added", "version_sentence_id"]
    )
    chosen = sentences[sentences["article_id"].isin(ids)].reset_index()
    return {
        pid
        for pid, group in chosen.groupby("paragraph_id")
        if set(group["sentence_id"]) <= one_sided
    }


def _sentence_units(
    sentences: pd.DataFrame, pair: pd.DataFrame, original_id: str, version_id: str
) -> list[Unit]:
    """The sentences only one version of the pair has."""
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
    return units


def _passage_units(
    sentences: pd.DataFrame, edits: pd.DataFrame, original_id: str, version_id: str
) -> list[Unit]:
    """Content edits of at least MIN_PASSAGE_WORDS words inside sentences both versions keep."""
    passages = edits[
        (edits["version_article_id"] == version_id)
        & (edits["category"] == "content")
        & ~edits["label"].isin(["added", "deleted"])
    ]
    units = []
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
                pid = sentences.at[sids.split()[0], "paragraph_id"]
                units.append((side, "passage", article_id, pid, sids, int(start), int(end)))
    return units


def _unit_row(
    base: dict, unit: Unit, text: str, terms: pd.DataFrame, mentions: pd.DataFrame, whole: set
) -> dict:
    """One context row: the unit with its words, frames and actors."""
    side, kind, article_id, pid, sid, start, end = unit
    mine = _inside(terms, article_id, start, end)
    counts = Counter(mine["dimension"])
    actors = _inside(mentions, article_id, start, end)
    return {
        **base,
        "side": side,
        "unit": kind,
        "article_id": article_id,
        "paragraph_id": pid,
        "sentence_id": sid,
        "paragraph_whole": kind == "sentence" and pid in whole,
        "start": start,
        "end": end,
        "n_words": sum(is_word(text[s:e]) for s, e in token_spans(text, 0, len(text))),
        "text": text,
        "primary_frame": primary_frame(counts),
        "frames": frame_list(counts),
        "frame_terms": trigger_list(mine),
        "actors": "; ".join(dict.fromkeys(actors["actor"])),
    }


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
    sentences = corpus.story(story_id)["sentences"].set_index("sentence_id")
    texts = article_texts(corpus)
    rows = []
    for original_id, version_id in version_pairs(corpus, story_id):
        base = pair_keys(story_id, original_id, version_id)
        pair = alignment[alignment["version_article_id"] == version_id]
        whole = _whole_paragraphs(sentences, pair, [original_id, version_id])
        units = _sentence_units(sentences, pair, original_id, version_id)
        units += _passage_units(sentences, edits, original_id, version_id)
        for unit in units:
            text = texts[unit[2]][unit[5] : unit[6]]
            rows.append(_unit_row(base, unit, text, terms, mentions, whole))
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
