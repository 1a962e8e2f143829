"""Readability benchmark: every readability table of the seed story, after warm-up, on one core.

Target (issue 4): ≤ 50 ms. Also times the parts (segmenting both variants, the bootstrap,
textstat's own scores) and the one-off cold start (CMU dictionary, caches).

Run: .venv/bin/python benchmarks/bench_readability.py
"""

from __future__ import annotations

import time

from common import machine, measure, pin_to_one_core

import analysis
from analysis import readability

STORY = "iraq-troops-2020-01"


def main() -> None:
    pin_to_one_core()
    corpus = analysis.load()
    corpus.tables  # noqa: B018  (the corpus tables are loading, not readability: build them first)
    start = time.perf_counter()
    readability.story_tables(corpus, STORY)
    cold_ms = (time.perf_counter() - start) * 1000
    ids = [a.article_id for a in corpus.articles]
    every = measure(lambda: readability.story_tables(corpus, STORY), repeat=30, warmup=3)
    original = measure(lambda: [readability.original_units(corpus, i) for i in ids])
    normalised = measure(lambda: [readability.normalised_units(corpus, i) for i in ids])
    units = [readability.original_units(corpus, i) for i in ids]
    boot = measure(lambda: [readability.bootstrap(u) for u in units])
    textstat = measure(lambda: readability.textstat_comparison(corpus, STORY))
    print(f"machine: {machine()}")
    print(
        f"every readability table, seed story (target ≤ 50 ms): {every['median_ms']:7.1f} ms median"
    )
    print(f"  (min {every['min_ms']:.1f}, max {every['max_ms']:.1f}; first call {cold_ms:.0f} ms)")
    print(f"  counts from the corpus tables, 2 versions:        {original['median_ms']:7.1f} ms")
    print(f"  style view + re-segmentation, 2 versions:         {normalised['median_ms']:7.1f} ms")
    print(f"  bootstrap, 2000 replicates, 2 versions:           {boot['median_ms']:7.1f} ms")
    print(f"  textstat's own scores (its cache warm):           {textstat['median_ms']:7.1f} ms")


if __name__ == "__main__":
    main()
