"""Candidate pairs of versions from MinHash LSH (datasketch) over the articles' signatures."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from datasketch import MinHashLSH

from .shingles import NUM_PERM, as_minhash

LSH_THRESHOLD = 0.05
"""Jaccard threshold of the LSH index: low, because a cut version of a long story has a low
Jaccard similarity but a high containment (see docs/discovery.md)."""


def candidate_pairs(
    signatures: Iterable[tuple[str, np.ndarray]],
    threshold: float = LSH_THRESHOLD,
    num_perm: int = NUM_PERM,
) -> set[tuple[str, str]]:
    """Pairs ``(a, b)`` with ``a < b`` that share at least one LSH band."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    pairs: set[tuple[str, str]] = set()
    for article_id, values in signatures:
        minhash = as_minhash(values)
        for other in lsh.query(minhash):
            pairs.add((other, article_id) if other < article_id else (article_id, other))
        lsh.insert(article_id, minhash)
    return pairs
