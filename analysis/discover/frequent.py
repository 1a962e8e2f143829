"""Shingles too common to be evidence of shared copy (boilerplate the clean-up missed).

A shingle found in more than ``max(MIN_DOCUMENTS, SHARE * N)`` of N articles is dropped
from every fingerprint before LSH: share bars, subscription prompts and copyright lines
repeat across outlets, while a story's text repeats only across its versions.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .shingles import Fingerprint, signature

MIN_DOCUMENTS = 50
SHARE = 0.01


def frequent_shingles(
    fingerprints: list[Fingerprint], min_documents: int = MIN_DOCUMENTS, share: float = SHARE
) -> np.ndarray:
    """The sorted shingle hashes found in more articles than the cap."""
    if not fingerprints:
        return np.zeros(0, dtype=np.uint32)
    values, counts = np.unique(np.concatenate([f.unique for f in fingerprints]), return_counts=True)
    cap = max(min_documents, int(share * len(fingerprints)))
    return values[counts > cap]


def without_frequent(batch: list[Fingerprint], frequent: np.ndarray) -> list[Fingerprint]:
    """The batch's fingerprints without the frequent shingles (signatures recomputed)."""
    out = []
    for f in batch:
        drop = np.isin(f.unique, frequent, assume_unique=True)
        if not drop.any():
            out.append(f)
            continue
        unique = f.unique[~drop]
        ordered = f.ordered[~np.isin(f.ordered, frequent)]
        out.append(replace(f, unique=unique, ordered=ordered, signature=signature(unique)))
    return out
