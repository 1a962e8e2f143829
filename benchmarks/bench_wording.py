"""Wording benchmark: alignment, redline and classification, excluding loading.

Targets (issue 3): ≤ 20 ms on one core for the seed story; for versions 10× and 100× as
long, time must grow no faster than the product of the two sentence counts.

Run: .venv/bin/python benchmarks/bench_wording.py
"""

from __future__ import annotations

from dataclasses import replace

from common import machine, measure, pin_to_one_core

from analysis.align import align_story
from analysis.corpus import SEED_MANIFEST, read_sources
from analysis.settings import read_settings, settings_beside
from analysis.tables import Corpus
from analysis.wording import edit_kinds, redline

STORY = "iraq-troops-2020-01"


def scaled(factor: int) -> Corpus:
    """The seed story with each version's body repeated ``factor`` times (also used by
    bench_framing)."""
    sources = []
    for source in read_sources():
        body = source.text if factor == 1 else "\n\n".join([source.text] * factor)
        sources.append(replace(source, text=body, fmt="plain" if factor > 1 else source.fmt))
    settings = settings_beside(SEED_MANIFEST)  # the seed's own house-style rules and terms
    corpus = Corpus.from_sources(sources, read_settings(settings) if settings else None)
    _ = corpus.tables  # segmentation is loading, not part of the timing
    return corpus


def run(corpus: Corpus) -> None:
    alignment = align_story(corpus, STORY)
    ops = redline(corpus, STORY, alignment)
    edit_kinds(alignment, ops)


def main() -> None:
    pin_to_one_core()
    print(f"machine: {machine()} (pinned to one core)")
    base = None
    for factor, repeat in ((1, 30), (10, 5), (100, 1)):
        corpus = scaled(factor)
        counts = corpus["sentences"].groupby("article_id").size().tolist()
        product = counts[0] * counts[1]
        result = measure(lambda c=corpus: run(c), repeat=repeat, warmup=1 if factor > 1 else 3)
        base = base or (result["median_ms"], product)
        growth = result["median_ms"] / base[0]
        print(
            f"{factor:>4}× ({counts[0]:>5} × {counts[1]:>5} sentences): "
            f"{result['median_ms']:10.1f} ms  time ×{growth:8.1f}  "
            f"vs sentence-pair product ×{product / base[1]:8.0f}"
        )


if __name__ == "__main__":
    main()
