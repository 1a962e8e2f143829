"""Verifying a candidate pair: containment each way and the passages the two share."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .shingles import Fingerprint

MIN_PASSAGE = 3
"""Shortest shared run, in shingles, that counts as a passage (3 five-word shingles = 7 words)."""


@dataclass(frozen=True)
class Link:
    """A verified pair: how much of each is in the other, and their shared passages."""

    a: str
    b: str
    a_in_b: float
    b_in_a: float
    passages: int

    @property
    def shorter_contained(self) -> float:
        """Containment of the shorter article in the longer (the larger of the two)."""
        return max(self.a_in_b, self.b_in_a)

    def other(self, article_id: str) -> str:
        return self.b if article_id == self.a else self.a


def shared_mask(fingerprint: Fingerprint, other: Fingerprint) -> np.ndarray:
    """For each shingle of ``fingerprint`` in text order, whether ``other`` has it."""
    return np.isin(fingerprint.ordered, other.unique, assume_unique=False)


def passages(mask: np.ndarray, min_run: int = MIN_PASSAGE) -> int:
    """Number of runs of at least ``min_run`` consecutive shared shingles."""
    if not mask.any():
        return 0
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    lengths = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    return int((lengths >= min_run).sum())


def containment(a: Fingerprint, b: Fingerprint) -> tuple[float, float]:
    """(share of a's shingles in b, share of b's shingles in a)."""
    if not len(a.unique) or not len(b.unique):
        return 0.0, 0.0
    shared = len(np.intersect1d(a.unique, b.unique, assume_unique=True))
    return shared / len(a.unique), shared / len(b.unique)


def verify(a: Fingerprint, b: Fingerprint) -> Link:
    """The Link between two fingerprints (passages counted in the shorter one)."""
    a_in_b, b_in_a = containment(a, b)
    shorter, longer = (a, b) if len(a.ordered) <= len(b.ordered) else (b, a)
    count = passages(shared_mask(shorter, longer)) if max(a_in_b, b_in_a) > 0 else 0
    return Link(a.article_id, b.article_id, a_in_b, b_in_a, count)
