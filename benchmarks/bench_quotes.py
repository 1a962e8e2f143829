"""Quote benchmark: extraction on the seed story, and throughput on the PolNeAR dev split.

Run: .venv/bin/python benchmarks/bench_quotes.py
"""

from __future__ import annotations

import time

from common import machine, measure, pin_to_one_core

import analysis
from analysis.evaluate import DEFAULT_POLNEAR, load_polnear
from analysis.quotes import extract_quotes, story_tables


def main() -> None:
    pin_to_one_core()
    corpus = analysis.load()
    articles = corpus.articles
    seeds = measure(lambda: [extract_quotes(a.text, a.parsed.paragraphs) for a in articles])
    story = corpus.story_ids[0]
    tables = measure(lambda: story_tables(corpus, story), repeat=10)
    print(f"machine: {machine()}")
    print(f"seed story, extract_quotes (2 versions):        {seeds['median_ms']:8.1f} ms median")
    print(f"seed story, quotes + matches + share of voice:  {tables['median_ms']:8.1f} ms median")
    if not (DEFAULT_POLNEAR / "text").is_dir():
        print(f"PolNeAR: skipped ({DEFAULT_POLNEAR} not found)")
        return
    documents = load_polnear(DEFAULT_POLNEAR)
    extract_quotes(documents[0].text)  # warm-up
    started = time.perf_counter()
    for doc in documents:
        extract_quotes(doc.text)
    elapsed = time.perf_counter() - started
    print(
        f"PolNeAR dev split, extract_quotes ({len(documents)} articles): "
        f"{len(documents) / elapsed:8.1f} articles/s"
    )


if __name__ == "__main__":
    main()
