"""Grouping versions into stories without chaining.

1. A link counts when the shorter article is at least ``LINK_THRESHOLD`` contained in
   the longer and they share a passage; a weak link needs only ``CARRIER_LINK``.
2. An article is a *partial carrier* (roundup, live blog, aggregator page) when it is
   not mostly contained in any neighbour and its weakly linked neighbours fall into
   two or more sets whose shared text in it is disjoint
   (neighbours whose shared regions overlap, or that link to each other, are one set).
3. Stories are the connected components of the links between the other articles;
   each carrier is then attached to every story it shares text with, never merging them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from .shingles import Fingerprint
from .verify import MIN_PASSAGE, Link, shared_mask

LINK_THRESHOLD = 0.5
CARRIER_LINK = 0.15
"""A weaker link (shorter article this much contained) that can attach a partial carrier;
an article is a carrier only if it is less than LINK_THRESHOLD contained in every neighbour."""
REGION_OVERLAP = 0.2
"""Two neighbours cover the same part of an article when the overlap of their shared
regions is at least this share of the smaller region."""


@dataclass
class Grouping:
    """Stories (lists of article ids), and each carrier's stories with its links."""

    stories: list[list[str]]
    carriers: dict[str, list[int]] = field(default_factory=dict)
    links: dict[tuple[str, str], Link] = field(default_factory=dict)


def _components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for n in parent:
        groups[root(n)].append(n)
    return [sorted(g) for g in groups.values()]


def _same_part(x: np.ndarray, y: np.ndarray) -> bool:
    smaller = min(int(x.sum()), int(y.sum()))
    return smaller > 0 and int((x & y).sum()) >= REGION_OVERLAP * smaller


def is_carrier(
    article: Fingerprint, neighbours: list[Fingerprint], linked: set[tuple[str, str]]
) -> bool:
    """Whether the neighbours' shared text in ``article`` falls into disjoint parts."""
    masks = [shared_mask(article, n) for n in neighbours]
    keep = [i for i, m in enumerate(masks) if m.sum() >= MIN_PASSAGE]
    ids = [neighbours[i].article_id for i in keep]
    edges = [
        (ids[p], ids[q])
        for p in range(len(keep))
        for q in range(p + 1, len(keep))
        if _same_part(masks[keep[p]], masks[keep[q]])
        or (min(ids[p], ids[q]), max(ids[p], ids[q])) in linked
    ]
    return len(_components(ids, edges)) >= 2


def _own_containment(article_id: str, link: Link) -> float:
    return link.a_in_b if link.a == article_id else link.b_in_a


def group(
    fingerprints: dict[str, Fingerprint],
    links: Iterable[Link],
    threshold: float = LINK_THRESHOLD,
) -> Grouping:
    """Stories and partial carriers from the verified links (see the module docstring)."""
    weak = {
        (link.a, link.b): link
        for link in links
        if link.shorter_contained >= CARRIER_LINK and link.passages >= 1
    }
    strong = {k: v for k, v in weak.items() if v.shorter_contained >= threshold}
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b in weak:
        neighbours[a].append(b)
        neighbours[b].append(a)
    carriers = {
        x
        for x, ns in neighbours.items()
        if len(ns) >= 2
        and max(_own_containment(x, weak[min(x, n), max(x, n)]) for n in ns) < threshold
        and is_carrier(fingerprints[x], [fingerprints[n] for n in ns], set(strong))
    }
    kept = [(a, b) for a, b in strong if a not in carriers and b not in carriers]
    stories = _components([i for i in fingerprints if i not in carriers], kept)
    stories.sort(key=lambda s: s[0])
    story_of = {a: n for n, s in enumerate(stories) for a in s}
    attached = {
        x: sorted({story_of[n] for n in neighbours[x] if n in story_of}) for x in sorted(carriers)
    }
    return Grouping(stories, attached, {**weak, **strong})
