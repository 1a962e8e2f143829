"""The quote tables of one story, as exported, and the key findings drawn from them."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..tables import Corpus
from .extract import quotes_table
from .matching import STATUSES, quote_matches, share_of_voice, voice_changes


def story_tables(corpus: Corpus, story_id: str) -> dict[str, pd.DataFrame]:
    """The quote tables of one story, as exported: quotes, quote_matches, share_of_voice."""
    quotes = quotes_table(corpus, story_id)
    return {
        "quotes": quotes,
        "quote_matches": quote_matches(corpus, story_id, quotes),
        "share_of_voice": share_of_voice(quotes),
    }


def key_findings_from(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """Who kept, lost and gained voice in each version, from the tables of :func:`story_tables`."""
    matches, share = tables["quote_matches"], tables["share_of_voice"]
    sentences = []
    for (original_id, version_id), rows in matches.groupby(
        ["original_article_id", "version_article_id"], sort=False
    ):
        counts = rows["status"].value_counts()
        parts = [f"{counts[s]} {s}" for s in STATUSES if counts.get(s, 0)]
        changes = voice_changes(share[share["article_id"].isin([original_id, version_id])])
        if "change" not in changes:  # one of the two versions quotes nobody
            changes = changes.assign(change=0)
        lost = changes[changes["change"] < 0].head(2)
        gained = changes[changes["change"] > 0].sort_values("change", ascending=False).head(2)
        voice = "; ".join(
            [f"{r.speaker_name} loses {-r.change} quoted words" for r in lost.itertuples()]
            + [f"{r.speaker_name} gains {r.change}" for r in gained.itertuples()]
        )
        sentences.append(
            f"Of the quotations in quote marks, {', '.join(parts)} between {original_id} and "
            f"{version_id}." + (f" Share of voice: {voice}." if voice else "")
        )
    return sentences
