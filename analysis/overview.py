"""The versions of one story side by side: metadata, lengths, contributors, openings."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from .clean.summary import set_aside_by_kind
from .corpus import published_at
from .errors import NeedsTwoVersionsError
from .tables import Corpus

VERSION_COLUMNS = [
    "article_id",
    "role",
    "outlet",
    "published",
    "headline",
    "dateline",
    "date_line_date",
    "page_line",
    "n_paragraphs",
    "n_sentences",
    "n_words",
    "words_per_sentence",
    "contributing_organisations",
    "n_contributors",
]


def versions(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """One row per version of the story, original first: metadata and lengths."""
    table = corpus.story(story_id)["articles"].copy()
    table["words_per_sentence"] = (table["n_words"] / table["n_sentences"]).round(1)
    order = table["role"].map({"original": 0}).fillna(1)
    moment = [
        published_at(value, article_id)
        for value, article_id in zip(table["published"], table["article_id"], strict=True)
    ]
    ordered = table.assign(_order=order, _moment=moment).sort_values(["_order", "_moment"])
    return ordered[VERSION_COLUMNS]


def parts(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """The non-body parts (headline, date line, dateline, credits, page line) of each version.

    Rows are parts, columns are article ids; a missing part is empty.
    """
    table = corpus.story(story_id)["parts"]
    # web pages have many set-aside parts of a kind (issue 12): the first of each is shown
    table = table[table["part"] != "body"].drop_duplicates(["part", "article_id"])
    wide = table.pivot(index="part", columns="article_id", values="text")
    order = [
        p for p in ("headline", "date_line", "dateline", "credits", "page_line") if p in wide.index
    ]
    return wide.reindex(index=order, columns=_article_order(corpus, story_id)).fillna("")


def contributors(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """Who contributed to each version, grouped by organisation, in credit order."""
    table = corpus.story(story_id)["contributors"]
    grouped = table.groupby(["article_id", "organisation"], sort=False)["name"]
    return (
        grouped.agg(lambda names: ", ".join(names))
        .reset_index(name="contributors")
        .assign(n_contributors=grouped.size().to_numpy())
    )


def openings(corpus: Corpus, story_id: str, n: int = 3, wide: bool = True) -> pd.DataFrame:
    """The first ``n`` body paragraphs of each version.

    ``wide``: side by side (rows: paragraph number, columns: article ids), as the
    notebook shows them; otherwise one row per paragraph, as exported.
    """
    table = corpus.story(story_id)["paragraphs"]
    table = table[table["paragraph_index"] <= n]
    if not wide:
        return table[["article_id", "paragraph_id", "paragraph_index", "text"]].reset_index(
            drop=True
        )
    wide = table.pivot(index="paragraph_index", columns="article_id", values="text")
    wide.index.name = "paragraph"
    return wide.reindex(columns=_article_order(corpus, story_id)).fillna("")


def paragraph_lengths(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """Words per body paragraph for each version, in reading order (long format)."""
    table = corpus.story(story_id)["paragraphs"]
    return table[["article_id", "paragraph_id", "paragraph_index", "n_sentences", "n_words"]]


def comparison_status(corpus: Corpus, story_id: str) -> str:
    """A sentence saying whether the story can be compared, and if not, why."""
    try:
        pairs = corpus.pairs(story_id)
    except NeedsTwoVersionsError as error:
        return f"Comparisons are not available: {error.problem}."
    names = ", ".join(version.article_id for _, version in pairs)
    return (
        f"{len(pairs) + 1} versions: each comparison sets the original "
        f"({pairs[0][0].article_id}) against {names}."
    )


def _article_order(corpus: Corpus, story_id: str) -> list[str]:
    """Article ids of the story, original first."""
    return versions(corpus, story_id)["article_id"].tolist()


def story_tables(corpus: Corpus, story_id: str) -> dict[str, pd.DataFrame]:
    """The overview tables of one story, as exported (see the README's data dictionary)."""
    tables = {
        "versions": versions(corpus, story_id),
        "openings": openings(corpus, story_id, wide=False),
        "contributors_by_organisation": contributors(corpus, story_id),
    }
    if "set_aside" in corpus.tables:  # web clean-up (issue 12): what was set aside, by kind
        tables["set_aside_by_kind"] = set_aside_by_kind(
            corpus.tables, _article_order(corpus, story_id)
        )
    return tables


def key_findings_from(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """:func:`key_findings` from the tables of :func:`story_tables` (uses ``versions``)."""
    sentences = []
    for row in tables["versions"].itertuples(index=False):
        credit = (
            f", with copy credited to {row.contributing_organisations}"
            if row.contributing_organisations
            else ""
        )
        sentences.append(
            f"{row.article_id} ({row.role}, {row.outlet}, {row.published}) has "
            f"{row.n_paragraphs} paragraphs, {row.n_sentences} sentences and {row.n_words} "
            f"words{credit}."
        )
    return sentences
