"""The actor tables of a story: mentions, actors with their prominence and quoted words."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from ..normalize import style_rules, typography
from ..tables import Corpus
from .mentions import (
    Mention,
    base_form,
    candidate_mentions,
)
from .resolver import Resolver

MENTION_COLUMNS = [
    "story_id",
    "article_id",
    "mention_id",
    "actor_id",
    "actor",
    "actor_type",
    "kind",
    "text",
    "start",
    "end",
    "part",
    "paragraph_id",
    "paragraph_index",
    "sentence_id",
    "position",
]
ACTOR_COLUMNS = [
    "story_id",
    "article_id",
    "actor_id",
    "actor",
    "actor_type",
    "n_mentions",
    "n_name",
    "n_description",
    "n_adjective",
    "first_position",
    "first_paragraph_index",
    "first_start",
    "first_text",
    "forms",
    "roles",
    "n_quotes",
    "quoted_words",
    "n_paraphrases",
]


def actor_id(name: str) -> str:
    """A stable id from an actor's display name ("Omar Abdel Rahman" → "omar-abdel-rahman")."""
    return "-".join(re.findall(r"\w+", typography(name).casefold()))


def _position(m: Mention) -> str:
    if m.part == "headline":
        return "headline"
    return "lede" if m.paragraph_index == 1 else "later"


def mentions_table(story_id: str, resolver: Resolver) -> pd.DataFrame:
    """The resolved mentions as a table (columns MENTION_COLUMNS), in text order per article."""
    rows = []
    counters: Counter[str] = Counter()
    for m in sorted(resolver.mentions, key=lambda m: (m.article_id, m.start, -m.end)):
        actor = resolver.actors[m.actor]
        counters[m.article_id] += 1
        rows.append(
            {
                "story_id": story_id,
                "article_id": m.article_id,
                "mention_id": f"{m.article_id}:m{counters[m.article_id]:03d}",
                "actor_id": actor_id(actor.name),
                "actor": actor.name,
                "actor_type": actor.type,
                "kind": "name" if m.kind in ("alias", "title", "honorific") else m.kind,
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "part": m.part,
                "paragraph_id": m.paragraph_id,
                "paragraph_index": m.paragraph_index,
                "sentence_id": m.sentence_id,
                "position": _position(m),
            }
        )
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def resolve_story(corpus: Corpus, story_id: str) -> Resolver:
    """Candidate mentions of every version of a story, resolved to actors (with the story's
    house-style rules, so that its spellings of one name are one actor)."""
    rules = style_rules(corpus.settings(story_id))
    return Resolver(candidate_mentions(corpus, story_id), rules)


def actor_mentions(corpus: Corpus, story_id: str) -> pd.DataFrame:
    """Every resolved actor mention of every version of a story, with offsets (see MENTION_COLUMNS).

    ``kind``: ``name`` (a name, known form, or titled name), ``adjective`` (a country
    adjective or demonym: "Iraqi", "Americans") or ``description`` ("the prime minister").
    ``position``: ``headline``, ``lede`` (first body paragraph) or ``later``.
    """
    return mentions_table(story_id, resolve_story(corpus, story_id))


QUOTED_KINDS = ("direct", "partial")


def quoted_words(
    quotes: pd.DataFrame, resolver: Resolver, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Words each actor is quoted as saying, per version, from a quotes table.

    ``quotes`` has the columns of :func:`analysis.quotes.extract_quotes` plus ``article_id``.
    A speaker is resolved by its ``speaker_name`` (``X's office`` counts for X), else by an
    actor mention inside its speaker span. Quoted words are the words of ``direct`` and
    ``partial`` quotations (those in quotation marks); ``indirect`` rows are paraphrases.
    Columns: article_id, actor_id, n_quotes, quoted_words, n_paraphrases.
    """
    columns = ["article_id", "actor_id", "n_quotes", "quoted_words", "n_paraphrases"]
    if quotes is None or quotes.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for row in quotes.itertuples(index=False):
        index = None
        name = getattr(row, "speaker_name", None)
        if isinstance(name, str) and name:
            index = resolver.resolve_name(name)
        found = actor_id(resolver.actors[index].name) if index is not None else None
        if found is None and mentions is not None and isinstance(row.speaker_start, int | float):
            inside = mentions[
                (mentions["article_id"] == row.article_id)
                & (mentions["start"] >= row.speaker_start)
                & (mentions["end"] <= row.speaker_end)
            ]
            found = inside["actor_id"].iloc[0] if len(inside) else None
        if found is None:
            continue
        quoted = row.kind in QUOTED_KINDS
        words = len(re.findall(r"\w+(?:['’-]\w+)*", row.quote)) if quoted else 0
        rows.append((row.article_id, found, int(quoted), words, int(row.kind == "indirect")))
    table = pd.DataFrame(rows, columns=columns)
    return table.groupby(["article_id", "actor_id"], as_index=False).sum()


def actor_table(
    corpus: Corpus, story_id: str, quotes: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(actors, actor_mentions) of a story: see :func:`actor_rows` and :func:`actor_mentions`."""
    resolver = resolve_story(corpus, story_id)
    mentions = mentions_table(story_id, resolver)
    return actor_rows(corpus, story_id, resolver, mentions, quotes), mentions


def actor_rows(
    corpus: Corpus,
    story_id: str,
    resolver: Resolver,
    mentions: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per actor and version (columns ACTOR_COLUMNS), most mentioned actors first.

    Per version: the actor's mentions (all, and by kind), where it is first mentioned
    (headline, lede or later; paragraph index, offset and text), the forms used, its roles,
    and from ``quotes`` (the columns of :func:`analysis.quotes.extract_quotes` plus
    ``article_id``) its quotations, quoted words and paraphrases. An actor a version never
    mentions has a row with zero mentions, so versions compare.
    """
    quoted = quoted_words(quotes, resolver, mentions) if quotes is not None else None
    roles = {actor_id(a.name): "; ".join(sorted(a.roles)) for a in resolver.actors}
    articles = [a.article_id for a in corpus.story(story_id).articles]
    order = {"headline": 0, "lede": 1, "later": 2}
    records = mentions.to_dict("records")
    by_key: dict[tuple[str, str], list[dict]] = defaultdict(list)
    actors: dict[str, tuple[str, str]] = {}
    for m in records:
        by_key[(m["actor_id"], m["article_id"])].append(m)
        actors.setdefault(m["actor_id"], (m["actor"], m["actor_type"]))
    q_sums: dict[tuple[str, str], tuple[int, int, int]] = {}
    if quoted is not None:
        for r in quoted.itertuples(index=False):
            q_sums[(r.actor_id, r.article_id)] = (r.n_quotes, r.quoted_words, r.n_paraphrases)
    rows = []
    for aid, (name, typ) in actors.items():
        for article_id in articles:
            mine = by_key.get((aid, article_id), [])
            first = min(mine, key=lambda m: (order[m["position"]], m["start"]), default=None)
            kinds = Counter(m["kind"] for m in mine)
            n_quotes, n_words, n_paraphrases = q_sums.get((aid, article_id), (0, 0, 0))
            rows.append(
                {
                    "story_id": story_id,
                    "article_id": article_id,
                    "actor_id": aid,
                    "actor": name,
                    "actor_type": typ,
                    "n_mentions": len(mine),
                    "n_name": kinds["name"],
                    "n_description": kinds["description"],
                    "n_adjective": kinds["adjective"],
                    "first_position": first["position"] if first else "",
                    "first_paragraph_index": first["paragraph_index"] if first else None,
                    "first_start": first["start"] if first else None,
                    "first_text": first["text"] if first else "",
                    "forms": "; ".join(dict.fromkeys(base_form(m["text"]) for m in mine)),
                    "roles": roles.get(aid, ""),
                    "n_quotes": int(n_quotes),
                    "quoted_words": int(n_words),
                    "n_paraphrases": int(n_paraphrases),
                }
            )
    table = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    table["first_paragraph_index"] = table["first_paragraph_index"].astype("Int64")
    table["first_start"] = table["first_start"].astype("Int64")
    total = table.groupby("actor_id")["n_mentions"].transform("sum")
    table = table.assign(_total=total).sort_values(
        ["_total", "actor", "article_id"], ascending=[False, True, True], kind="stable"
    )
    return table.drop(columns="_total").reset_index(drop=True)


def prominence(actors: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Actors side by side: mentions, first position and quoted words in each version.

    One row per actor; for each version ``<article_id> mentions``, ``… first`` and ``… quoted
    words``. Sorted by total mentions; ``top`` keeps the first rows.
    """
    articles = list(dict.fromkeys(actors["article_id"]))
    wide = actors.pivot_table(
        index=["actor_id", "actor", "actor_type"],
        columns="article_id",
        values=["n_mentions", "quoted_words"],
        aggfunc="sum",
    )
    first = actors.pivot(index="actor_id", columns="article_id", values="first_position")
    out = wide.reset_index()[["actor_id", "actor", "actor_type"]]
    out.columns = ["actor_id", "actor", "actor_type"]
    for article_id in articles:
        out[f"{article_id} mentions"] = wide[("n_mentions", article_id)].to_numpy()
        out[f"{article_id} first"] = out["actor_id"].map(first[article_id]).fillna("")
        out[f"{article_id} quoted words"] = wide[("quoted_words", article_id)].to_numpy()
    out["total"] = out[[f"{a} mentions" for a in articles]].sum(axis=1)
    out = out.sort_values(["total", "actor"], ascending=[False, True], kind="stable")
    out = out.drop(columns="total").reset_index(drop=True)
    return out.head(top) if top else out
