"""Views across all versions of a story: which changed most, what most versions cut or added.

The other analyses compare each version with the original, one pair at a time. These
tables put the pairs side by side, so that a story carried by many outlets answers its
questions without a pivot by the reader:

- ``version_summary``: one row per version, ranked by how much it changed (rank 1: the
  most); words kept, sentences cut/added/edited/moved, style and substantive edits,
  quotations kept/edited/re-attributed/dropped/added, the Flesch–Kincaid difference with
  its bootstrap interval.
- ``paragraph_matrix``: each paragraph of the original × each version: kept, edited,
  moved, partly cut or cut.
- ``added_material``: the sentences the versions added, grouped across versions when they
  carry the same text: a sentence that 5 of 7 versions added is a later wire update, not
  5 separate additions.
- ``quote_matrix``: each quotation of the original (and each added one) × each version:
  kept, edited, re-attributed, dropped or added, with its speaker.
- ``voice_by_version``: quoted words per speaker and version, and each version's change
  from the original.
- ``sentence_matrix``: each sentence of the original × each version: its alignment label
  (unchanged, edited, moved, deleted).
- ``consensus``: each sentence of the original, how many versions kept or cut it, and a
  label: kept by every version, cut by most versions, or cut by one outlet alone.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from rapidfuzz import fuzz

from .normalize import comparison_view
from .tables import Corpus

NEEDS = ("wording", "readability", "quotes")

CHANGE_MEASURE = "changed_share"
"""The ranking measure: the share of the original's words a version does not carry, after
house style (1 − ``kept_after_style`` of the wording summary)."""

SAME_ADDITION = 85.0
"""rapidfuzz ratio (0–100) of comparison views at or above which two added sentences of
different versions are one addition (a wire update carried by both)."""

READABILITY_METRIC = "flesch_kincaid_grade"

QUOTE_STATUS = {
    "kept": "kept",
    "edited": "edited",
    "re-attributed": "re-attributed",
    "only in original": "dropped",
}
"""Status of a quote match -> its cell in the quotation × version matrix ("only in <role>"
of the version: added)."""

SUMMARY_COLUMNS = [
    "story_id",
    "rank",
    "version_article_id",
    "outlet",
    "original_article_id",
    CHANGE_MEASURE,
    "kept_verbatim",
    "kept_after_style",
    "sentences_cut",
    "sentences_added",
    "sentences_edited",
    "sentences_moved",
    "style_edits",
    "substantive_edits",
    "quotes_kept",
    "quotes_edited",
    "quotes_reattributed",
    "quotes_dropped",
    "quotes_added",
    "fkgl_difference",
    "fkgl_ci_low",
    "fkgl_ci_high",
]

Tables = Mapping[str, pd.DataFrame]


def _outlets(corpus: Corpus, story_id: str) -> dict[str, str]:
    return {a.article_id: a.source.outlet for a in corpus.story(story_id).articles}


def sentence_counts(alignment: pd.DataFrame) -> pd.DataFrame:
    """Sentences cut, added, edited and moved per version (from the alignment)."""
    labels = {"deleted": "sentences_cut", "added": "sentences_added",
              "edited": "sentences_edited", "moved": "sentences_moved"}  # fmt: skip
    counts = pd.crosstab(alignment["version_article_id"], alignment["label"])
    return counts.reindex(columns=list(labels), fill_value=0).rename(columns=labels)


def edit_counts(edits: pd.DataFrame) -> pd.DataFrame:
    """Style and substantive edits per version, within sentences both versions carry."""
    within = edits[~edits["label"].isin(["deleted", "added"])]
    counts = pd.crosstab(within["version_article_id"], within["substantive"].astype(bool))
    counts = counts.reindex(columns=[False, True], fill_value=0)
    counts.columns = ["style_edits", "substantive_edits"]
    return counts


def quote_counts(matches: pd.DataFrame) -> pd.DataFrame:
    """Quotations kept, edited, re-attributed, dropped and added per version."""
    cells = matches["status"].map(QUOTE_STATUS).fillna("added")
    counts = pd.crosstab(matches["version_article_id"], cells)
    names = {"kept": "quotes_kept", "edited": "quotes_edited",
             "re-attributed": "quotes_reattributed", "dropped": "quotes_dropped",
             "added": "quotes_added"}  # fmt: skip
    return counts.reindex(columns=list(names), fill_value=0).rename(columns=names)


def readability_shift(differences: pd.DataFrame) -> pd.DataFrame:
    """The Flesch–Kincaid difference (version − original) and its interval, per version."""
    rows = differences[
        (differences["variant"] == "original") & (differences["metric"] == READABILITY_METRIC)
    ]
    names = {"difference": "fkgl_difference", "ci_low": "fkgl_ci_low", "ci_high": "fkgl_ci_high"}
    return rows.set_index("version_article_id")[list(names)].rename(columns=names)


def version_summary(corpus: Corpus, story_id: str, needs: Mapping[str, Tables]) -> pd.DataFrame:
    """One row per version, ranked by :data:`CHANGE_MEASURE` (rank 1: changed most).

    Ties are broken by sentences cut, then sentences added. Columns: :data:`SUMMARY_COLUMNS`.
    """
    wording, quotes = needs["wording"], needs["quotes"]
    summary = wording["wording_summary"].set_index("version_article_id")
    table = summary[["story_id", "original_article_id", "kept_verbatim", "kept_after_style"]]
    table = table.join(sentence_counts(wording["alignment"]))
    table = table.join(edit_counts(wording["edits"]))
    table = table.join(quote_counts(quotes["quote_matches"]))
    table = table.join(readability_shift(needs["readability"]["readability_differences"]))
    counts = [c for c in SUMMARY_COLUMNS if c.startswith(("sentences_", "quotes_")) or
              c.endswith("_edits")]  # fmt: skip
    table[counts] = table[counts].fillna(0).astype(int)
    table[CHANGE_MEASURE] = (1 - table["kept_after_style"]).round(4)
    table["outlet"] = table.index.map(_outlets(corpus, story_id))
    table = table.reset_index().sort_values(
        [CHANGE_MEASURE, "sentences_cut", "sentences_added", "version_article_id"],
        ascending=[False, False, False, True],
        kind="stable",
    )
    table["rank"] = range(1, len(table) + 1)
    return table[SUMMARY_COLUMNS].reset_index(drop=True)


def paragraph_status(labels: list[str]) -> str:
    """The status of an original paragraph in one version from its sentences' labels."""
    cut = sum(label == "deleted" for label in labels)
    if cut == len(labels):
        return "cut"
    if cut:
        return "partly cut"
    if "moved" in labels:
        return "moved"
    return "kept" if all(label == "unchanged" for label in labels) else "edited"


def paragraph_matrix(
    corpus: Corpus, story_id: str, alignment: pd.DataFrame
) -> pd.DataFrame:
    """Each paragraph of the original × each version, with its status and counts.

    Columns: story_id, original_paragraph_id, paragraph_index, version_article_id, outlet,
    status (kept, edited, moved, partly cut, cut), n_sentences, n_cut, n_versions_cut
    (versions that cut the paragraph whole), text (the paragraph's original text).
    """
    story = corpus.story(story_id)
    original = corpus.original(story_id)
    sentences = story["sentences"]
    sentences = sentences[sentences["article_id"] == original.article_id]
    paragraph_of = dict(zip(sentences["sentence_id"], sentences["paragraph_id"], strict=True))
    paragraphs = story["paragraphs"].set_index("paragraph_id")
    linked = alignment[alignment["original_sentence_id"].notna()].copy()
    linked["paragraph_id"] = linked["original_sentence_id"].map(paragraph_of)
    outlets = _outlets(corpus, story_id)
    rows = []
    for (paragraph_id, version), group in linked.groupby(
        ["paragraph_id", "version_article_id"], sort=False
    ):
        labels = group.drop_duplicates("original_sentence_id")["label"].tolist()
        rows.append(
            {
                "story_id": story_id,
                "original_paragraph_id": paragraph_id,
                "paragraph_index": int(paragraphs.loc[paragraph_id, "paragraph_index"]),
                "version_article_id": version,
                "outlet": outlets[version],
                "status": paragraph_status(labels),
                "n_sentences": len(labels),
                "n_cut": sum(label == "deleted" for label in labels),
                "text": paragraphs.loc[paragraph_id, "text"],
            }
        )
    table = pd.DataFrame(rows)
    if table.empty:
        return pd.DataFrame(columns=PARAGRAPH_COLUMNS)
    cut = table[table["status"] == "cut"].groupby("original_paragraph_id").size()
    table["n_versions_cut"] = table["original_paragraph_id"].map(cut).fillna(0).astype(int)
    return table.sort_values(["paragraph_index", "version_article_id"])[
        PARAGRAPH_COLUMNS
    ].reset_index(drop=True)


PARAGRAPH_COLUMNS = [
    "story_id",
    "original_paragraph_id",
    "paragraph_index",
    "version_article_id",
    "outlet",
    "status",
    "n_sentences",
    "n_cut",
    "n_versions_cut",
    "text",
]


def added_material(corpus: Corpus, story_id: str, alignment: pd.DataFrame) -> pd.DataFrame:
    """The sentences the versions added, grouped across versions when they are the same text.

    Two added sentences of different versions are one addition when their comparison views
    score at least :data:`SAME_ADDITION` (rapidfuzz ratio). Columns: story_id, addition_id,
    n_versions, versions (ids joined by "; "), shared (carried by two or more versions),
    version_article_id, version_sentence_id, text. One row per added sentence; rows of one
    addition share its id, and the additions most versions carry come first.
    """
    added = alignment[alignment["label"] == "added"]
    groups: list[dict[str, object]] = []  # each: a representative view and its members
    for row in added.itertuples(index=False):
        view = comparison_view(row.version_text)
        group = next(
            (g for g in groups
             if row.version_article_id not in g["versions"]
             and fuzz.ratio(view, g["view"]) >= SAME_ADDITION),
            None,
        )  # fmt: skip
        if group is None:
            group = {"view": view, "versions": [], "rows": []}
            groups.append(group)
        group["versions"].append(row.version_article_id)
        group["rows"].append(row)
    groups.sort(key=lambda g: -len(g["versions"]))
    rows = []
    for number, group in enumerate(groups, start=1):
        versions = list(dict.fromkeys(group["versions"]))
        for member in group["rows"]:
            rows.append(
                {
                    "story_id": story_id,
                    "addition_id": f"{story_id}:a{number:03d}",
                    "n_versions": len(versions),
                    "versions": "; ".join(versions),
                    "shared": len(versions) > 1,
                    "version_article_id": member.version_article_id,
                    "version_sentence_id": member.version_sentence_id,
                    "text": member.version_text,
                }
            )
    return pd.DataFrame(rows, columns=ADDED_COLUMNS)


ADDED_COLUMNS = [
    "story_id",
    "addition_id",
    "n_versions",
    "versions",
    "shared",
    "version_article_id",
    "version_sentence_id",
    "text",
]


def quote_matrix(corpus: Corpus, story_id: str, matches: pd.DataFrame) -> pd.DataFrame:
    """Each quotation × each version: kept, edited, re-attributed, dropped or added.

    Columns: story_id, quote_id (the original's quote id, or the version's for an added
    quotation), speaker, quote, version_article_id, outlet, status, n_versions_dropped
    (for a quotation of the original: how many versions dropped it).
    """
    outlets = _outlets(corpus, story_id)
    in_original = matches["original_quote_id"].notna()
    table = pd.DataFrame(
        {
            "story_id": story_id,
            "quote_id": matches["original_quote_id"].where(
                in_original, matches["version_quote_id"]
            ),
            "speaker": matches["original_speaker"].where(in_original, matches["version_speaker"]),
            "quote": matches["original_quote"].where(in_original, matches["version_quote"]),
            "version_article_id": matches["version_article_id"],
            "outlet": matches["version_article_id"].map(outlets),
            "status": matches["status"].map(QUOTE_STATUS).fillna("added"),
        }
    )
    dropped = table[table["status"] == "dropped"].groupby("quote_id").size()
    table["n_versions_dropped"] = table["quote_id"].map(dropped).fillna(0).astype(int)
    return table.reset_index(drop=True)


def voice_by_version(share: pd.DataFrame, original_article_id: str) -> pd.DataFrame:
    """Quoted words per speaker and version, with each version's change from the original.

    Columns: side, speaker_name, version_article_id, quoted_words, share, original_words,
    original_share, change_words, change_share. Every speaker quoted in some version has a
    row for every version (0 words where it is not quoted).
    """
    quoted = share[share["quoted_words"] > 0]
    articles = list(dict.fromkeys(share["article_id"]))
    speakers = quoted[["side", "speaker_name"]].drop_duplicates()
    index = pd.MultiIndex.from_product(
        [articles, [tuple(s) for s in speakers.itertuples(index=False)]]
    )
    words = quoted.groupby(["article_id", "side", "speaker_name"])["quoted_words"].sum()
    shares = quoted.groupby(["article_id", "side", "speaker_name"])["share"].sum()
    rows = []
    for article_id, (side, speaker) in index:
        key = (article_id, side, speaker)
        rows.append(
            {
                "side": side,
                "speaker_name": speaker,
                "version_article_id": article_id,
                "quoted_words": int(words.get(key, 0)),
                "share": float(shares.get(key, 0.0)),
            }
        )
    table = pd.DataFrame(rows, columns=["side", "speaker_name", "version_article_id",
                                        "quoted_words", "share"])  # fmt: skip
    base = table[table["version_article_id"] == original_article_id].set_index(
        ["side", "speaker_name"]
    )
    keys = list(zip(table["side"], table["speaker_name"], strict=True))
    table["original_words"] = [int(base["quoted_words"].get(k, 0)) for k in keys]
    table["original_share"] = [float(base["share"].get(k, 0.0)) for k in keys]
    table["change_words"] = table["quoted_words"] - table["original_words"]
    table["change_share"] = (table["share"] - table["original_share"]).round(4)
    versions = table[table["version_article_id"] != original_article_id]
    return versions.sort_values(["change_words", "speaker_name"], kind="stable").reset_index(
        drop=True
    )


def sentence_matrix(story_id: str, alignment: pd.DataFrame) -> pd.DataFrame:
    """Each sentence of the original × each version: its alignment label.

    Columns: story_id, original_sentence_id, version_article_id, label (unchanged, edited,
    moved, deleted; a sentence split or merged counts once, with its first link's label).
    """
    linked = alignment[alignment["original_sentence_id"].notna()].drop_duplicates(
        ["original_sentence_id", "version_article_id"]
    )
    table = linked[["original_sentence_id", "version_article_id", "label"]].assign(
        story_id=story_id
    )
    return table[["story_id", "original_sentence_id", "version_article_id", "label"]].reset_index(
        drop=True
    )


def consensus(corpus: Corpus, story_id: str, alignment: pd.DataFrame) -> pd.DataFrame:
    """Each sentence of the original: how many versions kept or cut it, and what that says.

    Columns: story_id, original_sentence_id, n_versions, n_kept, n_cut, cut_by (versions
    that cut it, "; "-joined), consensus ("kept by every version", "cut by most versions",
    "cut by one outlet alone" or ""), text. "Most" is more than half.
    """
    linked = alignment[alignment["original_sentence_id"].notna()].drop_duplicates(
        ["original_sentence_id", "version_article_id"]
    )
    n_versions = linked["version_article_id"].nunique()
    rows = []
    for sentence_id, group in linked.groupby("original_sentence_id", sort=True):
        cut_by = group.loc[group["label"] == "deleted", "version_article_id"].tolist()
        n_cut = len(cut_by)
        if n_cut == 0:
            label = "kept by every version"
        elif n_cut > n_versions / 2:
            label = "cut by most versions"
        elif n_cut == 1 and n_versions > 2:
            label = "cut by one outlet alone"
        else:
            label = ""
        rows.append(
            {
                "story_id": story_id,
                "original_sentence_id": sentence_id,
                "n_versions": n_versions,
                "n_kept": n_versions - n_cut,
                "n_cut": n_cut,
                "cut_by": "; ".join(cut_by),
                "consensus": label,
                "text": group["original_text"].iloc[0],
            }
        )
    return pd.DataFrame(rows, columns=CONSENSUS_COLUMNS)


CONSENSUS_COLUMNS = [
    "story_id",
    "original_sentence_id",
    "n_versions",
    "n_kept",
    "n_cut",
    "cut_by",
    "consensus",
    "text",
]


def story_tables(
    corpus: Corpus, story_id: str, needs: Mapping[str, Tables] | None = None
) -> dict[str, pd.DataFrame]:
    """Every across-versions table of one story (see the module docstring).

    ``needs``: the wording, readability and quotes tables (what the registry passes);
    without it they are computed. Raises NeedsTwoVersionsError for a one-version story.
    """
    from . import registry

    original = corpus.pairs(story_id)[0][0]  # raises NeedsTwoVersionsError
    if needs is None:
        needs = registry.compute(corpus, story_id, analyses=NEEDS).tables
    alignment = needs["wording"]["alignment"]
    quotes = needs["quotes"]
    return {
        "version_summary": version_summary(corpus, story_id, needs),
        "paragraph_matrix": paragraph_matrix(corpus, story_id, alignment),
        "added_material": added_material(corpus, story_id, alignment),
        "quote_matrix": quote_matrix(corpus, story_id, quotes["quote_matches"]),
        "sentence_matrix": sentence_matrix(story_id, alignment),
        "voice_by_version": voice_by_version(quotes["share_of_voice"], original.article_id),
        "consensus": consensus(corpus, story_id, alignment),
    }


def key_findings_from(tables: Tables) -> list[str]:
    """The across-versions findings: who changed most, what most versions cut and added.

    None for a story with one version compared: the pair analyses already say it all.
    """
    found: list[str] = []
    summary = tables["version_summary"]
    if len(summary) < 2:
        return found
    top = summary.iloc[0]
    found.append(
        f"{top['version_article_id']} ({top['outlet']}) changed the most: it does not carry "
        f"{top[CHANGE_MEASURE]:.0%} of the original's words after house style, and cut "
        f"{top['sentences_cut']} sentences."
    )
    paragraphs = tables["paragraph_matrix"]
    if not paragraphs.empty and paragraphs["n_versions_cut"].max() > 0:
        most = paragraphs.sort_values("n_versions_cut", ascending=False, kind="stable").iloc[0]
        n = paragraphs["version_article_id"].nunique()
        found.append(
            f"Paragraph {most['paragraph_index']} of the original was cut by "
            f"{most['n_versions_cut']} of {n} versions: “{most['text'][:90]}”."
        )
    added = tables["added_material"]
    shared = added[added["shared"]]
    if not shared.empty:
        top = shared.iloc[0]
        found.append(
            f"{top['n_versions']} versions added the same text (a later update): "
            f"“{top['text'][:90]}”."
        )
    quotes = tables["quote_matrix"]
    dropped = quotes[quotes["status"] == "dropped"]
    if not dropped.empty:
        top = dropped.sort_values("n_versions_dropped", ascending=False, kind="stable").iloc[0]
        found.append(
            f"A quotation of {top['speaker'] or 'an unnamed speaker'} was dropped by "
            f"{top['n_versions_dropped']} version(s): “{str(top['quote'])[:80]}”."
        )
    return found
