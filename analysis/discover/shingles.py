"""Word shingles hashed to 32 bits, and their MinHash signatures (datasketch, affine32).

Word hashes are stable across processes (CRC-32), so Dask workers agree; shingle hashes
combine ``k`` word hashes with numpy, and the signature applies datasketch's own
permutations in one vectorised step (``MinHash.update_batch`` hashes in Python).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from .text import body_for_discovery, words

SHINGLE_SIZE = 5
NUM_PERM = 128
SEED = 1
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class Fingerprint:
    """An article's ordered shingle hashes (uint32), their sorted set, and its signature."""

    article_id: str
    ordered: np.ndarray
    unique: np.ndarray
    signature: np.ndarray
    n_words: int


@lru_cache(maxsize=4)
def permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """datasketch's affine32 permutation parameters ``[a, b]`` for ``num_perm``/``seed``."""
    return MinHash(num_perm=num_perm, seed=seed).permutations


def shingle_hashes(tokens: list[str], size: int = SHINGLE_SIZE) -> np.ndarray:
    """The 32-bit hashes of the word ``size``-grams, in text order (one shingle if shorter)."""
    if not tokens:
        return np.zeros(0, dtype=np.uint32)
    cache: dict[str, int] = {}
    word_hash = np.fromiter(
        (cache.setdefault(w, zlib.crc32(w.encode())) for w in tokens), np.uint64, len(tokens)
    )
    span = min(size, len(word_hash))
    combined = np.zeros(len(word_hash) - span + 1, dtype=np.uint64)
    for offset in range(span):
        combined = combined * _MIX + word_hash[offset : offset + len(combined)]
    combined ^= combined >> np.uint64(29)
    return (combined & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def signature(unique: np.ndarray, num_perm: int = NUM_PERM, seed: int = SEED) -> np.ndarray:
    """The MinHash values (affine32, as datasketch computes them) of a set of hashes."""
    a, b = permutations(num_perm, seed)
    if len(unique) == 0:
        return np.full(num_perm, np.iinfo(np.uint32).max, dtype=np.uint32)
    with np.errstate(over="ignore"):
        return (np.outer(unique, a) + b).min(axis=0).astype(np.uint32)


def fingerprint(
    article_id: str, text: str, size: int = SHINGLE_SIZE, num_perm: int = NUM_PERM
) -> Fingerprint:
    """The fingerprint of one article's discovery body."""
    tokens = words(body_for_discovery(text))
    ordered = shingle_hashes(tokens, size)
    unique = np.unique(ordered)
    return Fingerprint(article_id, ordered, unique, signature(unique, num_perm), len(tokens))


def fingerprint_batch(
    rows: list[tuple[str, str]], size: int = SHINGLE_SIZE, num_perm: int = NUM_PERM
) -> list[Fingerprint]:
    """Fingerprints of a batch of ``(article_id, text)`` rows: one Dask task."""
    return [fingerprint(article_id, text, size, num_perm) for article_id, text in rows]


def as_minhash(values: np.ndarray, seed: int = SEED) -> MinHash:
    """A datasketch MinHash holding ``values`` (for MinHashLSH)."""
    return MinHash(seed=seed, hashvalues=values, scheme="affine32")
