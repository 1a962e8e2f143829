"""The shipped CRF tagger: load once (cached), tag the paragraphs of a text.

Labels are BIO tags over our tokens for the three PolNeAR roles: ``C`` content,
``S`` source (speaker mention), ``V`` cue; ``O`` outside.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd
import pycrfsuite

from .features import paragraph_tokens, rules_flags, sequence_features

MODEL_NAME = "quotes-crf-v1.crfsuite"


@dataclass
class TaggedParagraph:
    """One paragraph: its tokens (char spans), their sentence index and their labels."""

    tokens: list[tuple[int, int]]
    sentence_of: list[int]
    labels: list[str]
    confidence: list[float]


def shipped_model_path() -> Path:
    """Where the shipped model file lives inside the package."""
    return Path(str(resources.files("analysis").joinpath(f"data/models/{MODEL_NAME}")))


@cache
def load_tagger(path: str | None = None) -> pycrfsuite.Tagger:
    """The CRF tagger of ``path`` (default: the shipped model), opened once."""
    model = Path(path) if path is not None else shipped_model_path()
    if not model.is_file():
        raise FileNotFoundError(f"{model}: no attribution model (python -m analysis.train quotes)")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger


def tag_text(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    rules: pd.DataFrame,
    model: str | None = None,
) -> list[TaggedParagraph]:
    """Tag every paragraph of ``text``, with the rules' table ``rules`` as features."""
    tagger = load_tagger(model)
    flags = rules_flags(text, rules)
    tagged = []
    for lo, hi in paragraphs:
        tokens, sentence_of = paragraph_tokens(text, lo, hi)
        if not tokens:
            continue
        labels = tagger.tag(sequence_features(text, tokens, sentence_of, flags))
        confidence = [tagger.marginal(label, i) for i, label in enumerate(labels)]
        tagged.append(TaggedParagraph(tokens, sentence_of, labels, confidence))
    return tagged
