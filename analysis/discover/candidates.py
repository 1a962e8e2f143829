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


def estimated_containment(
    pairs: list[tuple[str, str]], signatures: dict[str, np.ndarray], sizes: dict[str, int]
) -> np.ndarray:
    """For each pair, the MinHash estimate of the shorter article's containment in the other.

    From the estimated Jaccard J: |A ∩ B| ≈ J (|A| + |B|) / (1 + J), over min(|A|, |B|).
    Vectorised over all pairs; used to skip exact verification of hopeless candidates.
    """
    if not pairs:
        return np.zeros(0)
    ids = sorted(signatures)
    row = {article_id: n for n, article_id in enumerate(ids)}
    matrix = np.stack([signatures[i] for i in ids])
    size = np.array([sizes[i] for i in ids], dtype=float)
    left = np.array([row[a] for a, _ in pairs])
    right = np.array([row[b] for _, b in pairs])
    estimates = np.empty(len(pairs))
    for start in range(0, len(pairs), 100_000):  # bounded memory: 100k pairs at a time
        a, b = left[start : start + 100_000], right[start : start + 100_000]
        jaccard = (matrix[a] == matrix[b]).mean(axis=1)
        shared = jaccard * (size[a] + size[b]) / (1 + jaccard)
        estimates[start : start + 100_000] = shared / np.maximum(np.minimum(size[a], size[b]), 1)
    return estimates
