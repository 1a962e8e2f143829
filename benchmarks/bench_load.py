"""Loading benchmark: read, parse and segment the seed story, and a corpus 100× its size.

Run: .venv/bin/python benchmarks/bench_load.py
"""

from __future__ import annotations

from dataclasses import replace

from common import machine, measure, pin_to_one_core

import analysis
from analysis.corpus import read_sources
from analysis.tables import Corpus


def main() -> None:
    pin_to_one_core()
    sources = read_sources()
    seed = measure(lambda: Corpus.from_sources(sources).tables, repeat=20)
    many = [
        replace(s, article_id=f"{s.article_id}-{i}", story_id=f"{s.story_id}-{i}")
        for i in range(100)
        for s in sources
    ]
    hundred = measure(lambda: Corpus.from_sources(many).tables, repeat=3, warmup=1)
    full = measure(lambda: analysis.load().tables, repeat=10)
    print(f"machine: {machine()}")
    print(f"seed story, parse + all tables (2 versions):   {seed['median_ms']:8.1f} ms median")
    print(f"seed story, read files + parse + all tables:   {full['median_ms']:8.1f} ms median")
    print(f"200 versions (100 stories), parse + tables:    {hundred['median_ms']:8.1f} ms median")


if __name__ == "__main__":
    main()
