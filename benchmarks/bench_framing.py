"""Framing benchmark: every framing table of a story, excluding loading.

Framing reads the wording and quotes tables (``framing.NEEDS``), which the registry
computes once per story; here they are computed once beforehand (they are the wording and
quotes benchmarks' concern) and passed in, as the registry does. For versions 10× as
long, time should grow no faster than the product of the two sentence counts.

Run: .venv/bin/python benchmarks/bench_framing.py
"""

from __future__ import annotations

from bench_wording import scaled
from common import machine, measure, pin_to_one_core

from analysis import registry
from analysis.framing import NEEDS, story_tables

STORY = "iraq-troops-2020-01"


def main() -> None:
    pin_to_one_core()
    print(f"machine: {machine()} (pinned to one core)")
    base = None
    for factor, repeat in ((1, 10), (10, 2)):
        corpus = scaled(factor)
        needs = registry.compute(corpus, STORY, analyses=NEEDS).tables
        counts = corpus["sentences"].groupby("article_id").size().tolist()
        product = counts[0] * counts[1]
        result = measure(
            lambda c=corpus, n=needs: story_tables(c, STORY, needs=n), repeat=repeat, warmup=1
        )
        base = base or (result["median_ms"], product)
        print(
            f"{factor:>4}× ({counts[0]:>5} × {counts[1]:>5} sentences): "
            f"{result['median_ms']:10.1f} ms  time ×{result['median_ms'] / base[0]:8.1f}  "
            f"vs sentence-pair product ×{product / base[1]:8.0f}"
        )


if __name__ == "__main__":
    main()
