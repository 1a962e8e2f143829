"""Discovery from start to end: fingerprints on Dask by batch, LSH and verification,
grouping, originals, outputs (see :func:`discover`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from ..engine import connect, run
from ..errors import CorpusError
from .candidates import candidate_pairs, estimated_containment
from .frequent import frequent_shingles, without_frequent
from .group import CARRIER_LINK, Grouping, group
from .original import Proposal, propose_original
from .shingles import Fingerprint, fingerprint_batch
from .table import BATCH_SIZE, Columns, Record, iter_batches
from .verify import Link, verify
from .write import (
    CARRIER_COLUMNS,
    MANIFEST_COLUMNS,
    STORIES_COLUMNS,
    atomic_write_csv,
    write_article,
)

DEFAULT_COLUMNS = Columns()
KEEP_CHARS = 600
PREFILTER = CARRIER_LINK / 2
"""Candidates whose MinHash-estimated containment is below this are not verified."""
"""Characters of each text the client keeps (where a wire credit is looked for)."""


@dataclass
class Discovery:
    """What discovery found: the articles (text cut to KEEP_CHARS), stories, originals."""

    records: dict[str, Record]
    fingerprints: dict[str, Fingerprint]
    grouping: Grouping
    story_ids: list[str]
    originals: list[Proposal]


def _rows(batch: list[Record]) -> list[tuple[str, str]]:
    return [(r.article_id, r.text) for r in batch]


def verified_links(
    fingerprints: dict[str, Fingerprint], pairs: list[tuple[str, str]]
) -> list[Link]:
    """Exact links for the candidates whose estimated containment could reach a weak link."""
    estimates = estimated_containment(
        pairs,
        {i: f.signature for i, f in fingerprints.items()},
        {i: len(f.unique) for i, f in fingerprints.items()},
    )
    hopeful = [pair for pair, e in zip(pairs, estimates, strict=True) if e >= PREFILTER]
    return [verify(fingerprints[a], fingerprints[b]) for a, b in hopeful]


def find_stories(
    corpus: Path, columns: Columns = DEFAULT_COLUMNS, scheduler: str | None = None,
    batch_size: int = BATCH_SIZE,
) -> Discovery:
    """Read ``corpus``, fingerprint it on Dask and group its articles into stories."""
    records: dict[str, Record] = {}

    def batches():
        for batch in iter_batches(corpus, columns, batch_size):
            records.update({r.article_id: replace(r, text=r.text[:KEEP_CHARS]) for r in batch})
            yield _rows(batch)

    with connect(scheduler) as client:
        results = run(client, fingerprint_batch, batches(), label="fingerprints")
        if not records:
            raise CorpusError(corpus, "has no articles with text: nothing to discover")
        frequent = frequent_shingles([f for batch in results for f in batch])
        if len(frequent):
            results = run(client, without_frequent, results, frequent, label="boilerplate")
    fingerprints = {f.article_id: f for batch in results for f in batch}
    pairs = candidate_pairs((i, f.signature) for i, f in fingerprints.items())
    links = verified_links(fingerprints, sorted(pairs))
    grouping = group(fingerprints, links)
    n_words = {i: f.n_words for i, f in fingerprints.items()}
    originals = [
        propose_original([records[i] for i in story], n_words) for story in grouping.stories
    ]
    story_ids = [f"story-{p.article_id}" for p in originals]
    return Discovery(records, fingerprints, grouping, story_ids, originals)


def _linked_by(found: Discovery, article_id: str, story: list[str], proposal: Proposal) -> str:
    if article_id == proposal.article_id:
        return f"proposed original: {proposal.evidence}"
    links = [
        link for (a, b), link in found.grouping.links.items()
        if article_id in (a, b) and link.other(article_id) in story
    ]
    best = max(links, key=lambda x: x.shorter_contained)
    return (
        f"contained {best.shorter_contained:.2f} with {best.other(article_id)} "
        f"({best.passages} shared passages)"
    )


def _story_rows(found: Discovery) -> list[dict]:
    rows = []
    for story, story_id, proposal in zip(
        found.grouping.stories, found.story_ids, found.originals, strict=True
    ):
        original = found.fingerprints[proposal.article_id]
        for article_id in story:
            link = verify(found.fingerprints[article_id], original)
            record = found.records[article_id]
            rows.append({
                "article_id": article_id, "source_id": record.source_id, "story_id": story_id,
                "role": "original" if article_id == proposal.article_id else "syndicated",
                "outlet": record.outlet, "published": record.published,
                "version_in_original": round(link.a_in_b, 4),
                "original_in_version": round(link.b_in_a, 4),
                "shared_passages": link.passages if len(story) > 1 else 0,
                "linked_by": _linked_by(found, article_id, story, proposal)
                if len(story) > 1 else "no other version found",
            })
    return rows


def _carrier_rows(found: Discovery) -> list[dict]:
    rows = []
    for carrier, story_numbers in found.grouping.carriers.items():
        record = found.records[carrier]
        for number in story_numbers:
            members = [
                link for (a, b), link in found.grouping.links.items()
                if carrier in (a, b) and link.other(carrier) in found.grouping.stories[number]
            ]
            best = max(members, key=lambda x: x.shorter_contained)
            story_in_carrier = best.b_in_a if best.a == carrier else best.a_in_b
            rows.append({
                "article_id": carrier, "source_id": record.source_id,
                "story_id": found.story_ids[number], "outlet": record.outlet,
                "published": record.published, "story_in_carrier": round(story_in_carrier, 4),
                "carrier_in_story": round(best.shorter_contained if story_in_carrier
                                          != best.shorter_contained else
                                          min(best.a_in_b, best.b_in_a), 4),
                "shared_passages": best.passages,
                "linked_to": ";".join(sorted(link.other(carrier) for link in members)),
            })
    return rows


def _manifest_rows(found: Discovery, paths: dict[str, tuple[str, str]]) -> list[dict]:
    rows = []
    for row in _story_rows(found):
        record = found.records[row["article_id"]]
        path, sha = paths[row["article_id"]]
        rows.append({
            "article_id": row["article_id"], "story_id": row["story_id"], "role": row["role"],
            "outlet": record.outlet or "unknown",
            "published": record.published,
            "format": "auto", "path": path, "sha256": sha,
        })
    return rows


def write_outputs(found: Discovery, corpus: Path, columns: Columns, out: Path,
                  batch_size: int = BATCH_SIZE) -> list[Path]:
    """Write the article texts (read again, batch by batch), then the three tables."""
    wanted = {a for story in found.grouping.stories for a in story}
    paths: dict[str, tuple[str, str]] = {}
    for batch in iter_batches(corpus, columns, batch_size):
        for record in batch:
            if record.article_id in wanted:
                paths[record.article_id] = write_article(out, record.article_id, record.text)
    return [
        atomic_write_csv(out / "stories.csv", STORIES_COLUMNS, _story_rows(found)),
        atomic_write_csv(out / "partial_carriers.csv", CARRIER_COLUMNS, _carrier_rows(found)),
        atomic_write_csv(out / "manifest.csv", MANIFEST_COLUMNS, _manifest_rows(found, paths)),
    ]


def discover(corpus: Path | str, out: Path | str, columns: Columns = DEFAULT_COLUMNS,
             scheduler: str | None = None) -> list[Path]:
    """Find the stories of ``corpus`` and write manifest.csv, stories.csv and
    partial_carriers.csv (and the texts) into ``out``; return the tables written."""
    corpus, out = Path(corpus), Path(out)
    found = find_stories(corpus, columns, scheduler)
    return write_outputs(found, corpus, columns, out)
