"""Scoring discovered stories against a partial gold, only on the gold's listed members.

    python -m analysis.discover.scoring STORIES_CSV GOLD_JSON

Pairwise precision/recall over member pairs, and B-cubed precision/recall; a gold
member discovered as a partial carrier (in no story) counts as a story of its own.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(predicted: Mapping[str, str], gold: Mapping[str, Sequence[str]]) -> dict[str, float]:
    """Pairwise and B-cubed P/R/F1 of ``predicted`` (article -> story) on gold members."""
    truth = {a: story for story, members in gold.items() for a in members}
    guess = {a: predicted.get(a, f"alone:{a}") for a in truth}
    both = Counter((truth[a], guess[a]) for a in truth)
    per_true, per_guess = Counter(truth.values()), Counter(guess.values())
    hit = sum(_pairs(n) for n in both.values())
    same_true, same_guess = (sum(_pairs(n) for n in c.values()) for c in (per_true, per_guess))
    pp = hit / same_guess if same_guess else 1.0
    pr = hit / same_true if same_true else 1.0
    bp = sum(n * n / per_guess[g] for (_, g), n in both.items()) / len(truth)
    br = sum(n * n / per_true[t] for (t, _), n in both.items()) / len(truth)
    return {
        "pairwise_precision": pp, "pairwise_recall": pr, "pairwise_f1": _f1(pp, pr),
        "bcubed_precision": bp, "bcubed_recall": br, "bcubed_f1": _f1(bp, br),
    }


def read_predicted(stories_csv: Path) -> dict[str, str]:
    """source id -> story id, from discovery's stories.csv."""
    with Path(stories_csv).open(encoding="utf-8") as rows:
        return {row["source_id"]: row["story_id"] for row in csv.DictReader(rows)}


def read_gold(gold_json: Path) -> dict[str, list[str]]:
    """story -> member ids, from a gold file shaped like the web-news gold."""
    return json.loads(Path(gold_json).read_text(encoding="utf-8"))["stories"]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    result = score(read_predicted(Path(args[0])), read_gold(Path(args[1])))
    for name, value in result.items():
        print(f"{name:20} {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
