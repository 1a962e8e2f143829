"""Training data and training of the CRF: gold PolNeAR roles as BIO labels over our tokens."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pycrfsuite

from .features import paragraph_tokens, rules_flags, sequence_features

PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}
HELD_BACK_SHARE = 10  # one article in 10, by hash of its name


@dataclass
class GoldRoles:
    """One gold attribution: its content, source and cue character ranges."""

    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]


def is_held_back(name: str) -> bool:
    """The fixed tuning split of train: an article is held back by the md5 of its name."""
    return int(hashlib.md5(name.encode("utf-8")).hexdigest(), 16) % HELD_BACK_SHARE == 0


def char_roles(length: int, gold: Iterable[GoldRoles]) -> list[tuple[str, int]]:
    """Per character: (role, span id); cue beats source beats content where they nest."""
    roles: list[tuple[str, int]] = [("O", -1)] * length
    span_id = 0
    for role in ("C", "S", "V"):
        for g in gold:
            ranges = {"C": g.content, "S": g.source, "V": g.cue}[role]
            for a, b in ranges:
                span_id += 1
                for i in range(a, min(b, length)):
                    roles[i] = (role, span_id)
    return roles


def bio_labels(tokens: Sequence[tuple[int, int]], roles: list[tuple[str, int]]) -> list[str]:
    """BIO labels of tokens from the character roles (a token takes its first character's)."""
    labels, previous = [], ("O", -1)
    for s, _ in tokens:
        role = roles[s]
        if role[0] == "O":
            labels.append("O")
        else:
            labels.append(("I-" if role == previous else "B-") + role[0])
        previous = role
    return labels


def article_sequences(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    rules: pd.DataFrame,
    gold: Iterable[GoldRoles],
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) of every paragraph of one annotated article."""
    flags = rules_flags(text, rules)
    roles = char_roles(len(text), list(gold))
    sequences = []
    for lo, hi in paragraphs:
        tokens, sentence_of = paragraph_tokens(text, lo, hi)
        if tokens:
            features = sequence_features(text, tokens, sentence_of, flags)
            sequences.append((features, bio_labels(tokens, roles)))
    return sequences


def train_crf(
    sequences: Iterable[tuple[list[list[str]], list[str]]], out: Path, params: dict | None = None
) -> Path:
    """Train the CRF (L-BFGS, fixed params, deterministic) and write it to ``out``."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, labels in sequences:
        trainer.append(features, labels)
    trainer.set_params(dict(PARAMS if params is None else params))
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return out
