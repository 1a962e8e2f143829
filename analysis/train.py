"""Training of the shipped models.

Run::

    python -m analysis.train quotes [--polnear-train DIR] [--out FILE] [--limit N]

trains the CRF attribution tagger on PolNeAR train minus its held-back tuning part
(one article in 10 by md5 of its name) with fixed parameters, so the shipped model
``data/models/quotes-crf-v1.crfsuite`` is reproduced exactly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .evaluate import Document, load_polnear
from .quotes import extract_quotes
from .quotes.learned.tagger import shipped_model_path
from .quotes.learned.training import GoldRoles, article_sequences, is_held_back, train_crf
from .quotes.marks import split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TRAIN = ROOT.parent / "shared" / "polnear-train"


def gold_roles(doc: Document) -> list[GoldRoles]:
    """The gold attributions of a PolNeAR document as character ranges per role."""
    return [
        GoldRoles(
            g.content.ranges,
            g.source.ranges if g.source is not None else [],
            g.cue.ranges if g.cue is not None else [],
        )
        for g in doc.gold
    ]


def training_documents(directory: Path, limit: int | None = None) -> list[Document]:
    """The train articles that are not held back for tuning (first ``limit`` of them)."""
    return [d for d in load_polnear(directory) if not is_held_back(d.name)][:limit]


def train_quotes(directory: Path, out: Path, limit: int | None = None) -> Path:
    """Train the attribution CRF on ``directory`` and write it to ``out``."""
    sequences = []
    for doc in training_documents(directory, limit):
        paragraphs = split_paragraphs(doc.text)
        rules = extract_quotes(doc.text, paragraphs)
        sequences += article_sequences(doc.text, paragraphs, rules, gold_roles(doc))
    return train_crf(sequences, out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.train", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="task", required=True)
    quotes = sub.add_parser("quotes", help="train the CRF attribution tagger on PolNeAR train")
    quotes.add_argument(
        "--polnear-train", type=Path, default=DEFAULT_TRAIN, help="PolNeAR train folder"
    )
    quotes.add_argument(
        "--out", type=Path, default=shipped_model_path(), help="model file to write"
    )
    quotes.add_argument(
        "--limit", type=int, default=None, help="only the first N training articles"
    )
    args = parser.parse_args(argv)
    if not args.polnear_train.is_dir():
        print(f"{args.polnear_train}: no such folder (the PolNeAR train split)", file=sys.stderr)
        return 2
    print(train_quotes(args.polnear_train, args.out, args.limit))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
