"""The framing-shift summary: one row per measure and version, and the findings it gives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import pandas as pd

from ..tables import Corpus
from .attribution import CUE_CLASSES
from .frames import DIMENSIONS
from .words import version_pairs

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

Measure = tuple[str, str, object, object, str]
"""(aspect, measure, original value, version value, detail)."""

Tables = Mapping[str, pd.DataFrame]


def _names(items: Iterable[str]) -> str:
    """Items joined with commas, or "none"."""
    return ", ".join(items) or "none"


def _word_choice(tables: Tables, original_id: str, version_id: str) -> list[Measure]:
    wc = tables["word_choice"]
    wc = wc[wc["version_article_id"] == version_id]
    subs = wc[wc["kind"] == "substitution"]
    pairs = zip(subs["original_text"], subs["version_text"], strict=True)
    loaded = wc[wc["kind"] == "loaded"]
    only = {
        s: loaded.loc[loaded["status"] == s, f"{s[5:]}_text"]
        for s in ("only_original", "only_version")
    }
    return [
        (
            "word choice",
            "substitutions",
            len(subs),
            len(subs),
            "; ".join(f"{a} → {b}" for a, b in pairs),
        ),
        (
            "word choice",
            "loaded words",
            int(loaded["status"].isin(["both", "only_original"]).sum()),
            int(loaded["status"].isin(["both", "only_version"]).sum()),
            f"only original: {_names(only['only_original'])}; "
            f"only version: {_names(only['only_version'])}",
        ),
    ]


def _terms(tables: Tables, original_id: str, version_id: str) -> list[Measure]:
    out: list[Measure] = []
    for term, group in tables["term_counts"].groupby("term", sort=False):
        n = group.set_index("article_id")["n"]
        forms = "; ".join(f for f in group["forms"] if f)
        out.append(
            ("terms", f"“{term}”", int(n.get(original_id, 0)), int(n.get(version_id, 0)), forms)
        )
    return out


def _attribution(tables: Tables, original_id: str, version_id: str) -> list[Measure]:
    classes = tables["attribution_classes"]
    if not len(classes):
        return []
    c = classes.set_index(["article_id", "cue_class"])
    return [
        (
            "attribution",
            f"share of {cls} cue verbs",
            float(c["share"].get((original_id, cls), 0.0)),
            float(c["share"].get((version_id, cls), 0.0)),
            f"original: {c['lemmas'].get((original_id, cls), '')}; "
            f"version: {c['lemmas'].get((version_id, cls), '')}",
        )
        for cls in CUE_CLASSES[:-1]
    ]


def _frames(tables: Tables, original_id: str, version_id: str) -> list[Measure]:
    profile = tables["frame_profile"]
    tops = {}
    for article_id in (original_id, version_id):
        p = profile[profile["article_id"] == article_id]
        tops[article_id] = p.sort_values("n_terms", ascending=False, kind="stable").iloc[0][
            "dimension"
        ]
    out: list[Measure] = [("frames", "top frame", tops[original_id], tops[version_id], "")]
    shift = tables["frame_shift"]
    shift = shift[shift["version_article_id"] == version_id]
    largest = shift.reindex(shift["difference"].abs().sort_values(ascending=False).index).head(3)
    for row in largest.itertuples():
        out.append(
            (
                "frames",
                f"share of {row.dimension}",
                float(row.share_original),
                float(row.share_version),
                f"only original: {row.terms_only_original}; only version: {row.terms_only_version}",
            )
        )
    return out


def _context(tables: Tables, original_id: str, version_id: str) -> list[Measure]:
    ctx = tables["context"]
    ctx = ctx[ctx["version_article_id"] == version_id]
    out: list[Measure] = []
    for side, label in (
        ("only_original", "words only in the original"),
        ("only_version", "words only in the version"),
    ):
        mine = ctx[ctx["side"] == side]
        frames_ = Counter(mine["primary_frame"])
        value = int(mine["n_words"].sum())
        detail = f"{len(mine)} units; primary frames: " + ", ".join(
            f"{d} {n}" for d, n in frames_.most_common(4)
        )
        o, v = (value, 0) if side == "only_original" else (0, value)
        out.append(("context", label, o, v, detail))
    return out


def _actors(tables: Tables, original_id: str, version_id: str) -> list[Measure]:
    actors = tables["actors"]
    a = actors.pivot_table(
        index="actor", columns="article_id", values="n_mentions", aggfunc="sum"
    ).fillna(0)
    if original_id not in a or version_id not in a:
        return []
    only_o = a[(a[original_id] > 0) & (a[version_id] == 0)].index.tolist()
    only_v = a[(a[version_id] > 0) & (a[original_id] == 0)].index.tolist()
    out: list[Measure] = [
        (
            "actors",
            "actors named",
            int((a[original_id] > 0).sum()),
            int((a[version_id] > 0).sum()),
            f"only original: {_names(only_o)}; only version: {_names(only_v)}",
        )
    ]
    change = (a[version_id] - a[original_id]).sort_values()
    for name in [*change.head(2).index, *change.tail(1).index]:
        if change[name]:
            o, v = int(a.at[name, original_id]), int(a.at[name, version_id])
            out.append(("actors", f"mentions of {name}", o, v, ""))
    lede = actors[actors["first_position"].isin(["headline", "lede"])]
    named = {
        aid: ", ".join(lede.loc[lede["article_id"] == aid, "actor"])
        for aid in (original_id, version_id)
    }
    out.append(
        (
            "actors",
            "actors in headline or lede",
            int((lede["article_id"] == original_id).sum()),
            int((lede["article_id"] == version_id).sum()),
            f"original: {named[original_id]}; version: {named[version_id]}",
        )
    )
    return out


def _tone(tables: Tables, original_id: str, version_id: str) -> list[Measure]:
    ts = tables["tone_summary"].set_index("article_id")
    o, v = float(ts.at[original_id, "mean_compound"]), float(ts.at[version_id, "mean_compound"])
    return [("tone", "mean VADER compound", o, v, "secondary signal; see the caveats")]


ASPECTS = (_word_choice, _terms, _attribution, _frames, _context, _actors, _tone)
"""The measures of the summary, aspect by aspect, in the order they are listed."""


def framing_summary(corpus: Corpus, story_id: str, tables: Tables) -> pd.DataFrame:
    """The framing-shift summary: one row per measure and version, generated from the tables.

    ``original`` and ``version`` are the measure's values (numbers, or text for the top
    frame); ``difference`` is version minus original where both are numbers.
    """
    rows = []
    for original_id, version_id in version_pairs(corpus, story_id):
        for measures in ASPECTS:
            for aspect, measure, o, v, detail in measures(tables, original_id, version_id):
                numeric = isinstance(o, int | float) and isinstance(v, int | float)
                rows.append(
                    {
                        "story_id": story_id,
                        "original_article_id": original_id,
                        "version_article_id": version_id,
                        "aspect": aspect,
                        "measure": measure,
                        "original": o,
                        "version": v,
                        "difference": round(v - o, 4) if numeric else None,  # type: ignore[operator]
                        "detail": detail,
                    }
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
