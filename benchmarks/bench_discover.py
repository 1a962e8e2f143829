"""Discovery benchmark: synthetic corpora of 10k and 100k articles built from real texts.

Run: nice -n 10 .venv/bin/python benchmarks/bench_discover.py [N ...]   (default: 10000)

Each story's base text is a mix of real paragraphs (web-news CSVs) with half of its words
replaced by random real words, so that bases do not share 5-grams by accident. Its
versions get random cuts (paragraphs dropped from the end or the middle), insertions
(a paragraph from elsewhere), house-style edits and boilerplate; a third of the
articles are unrelated (one-version stories). The scoring compares the discovered
stories with the generated ones (pairwise and B-cubed), over all articles.
"""

from __future__ import annotations

import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from common import machine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's analysis

from analysis.discover.pipeline import find_stories
from analysis.discover.scoring import score
from analysis.discover.table import Columns

WEB = Path(__file__).resolve().parent.parent.parent / "shared" / "web-news"
SOURCES = ("helsinki_2018-07-15.csv", "census_articles.csv", "spotify_articles.csv")
BOILERPLATE = ("Advertisement", "Subscribe to our newsletter for the latest news.",
               "Share this story on Facebook Twitter Email", "Copyright 2018. All rights reserved.")
STYLE = (("President Donald Trump", "President Trump"), (" percent", "%"), ("Mr. ", ""),
         ("U.S.", "US"), ("said", "says"))


def real_paragraphs() -> list[str]:
    paragraphs = []
    for name in SOURCES:
        with (WEB / name).open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows):
                paragraphs += [p for p in row["text"].split(" ### ") if len(p.split()) >= 15]
    return paragraphs


def base_text(rng: random.Random, paragraphs: list[str], vocabulary: list[str]) -> list[str]:
    chosen = rng.sample(paragraphs, rng.randint(6, 18))
    return [" ".join(w if rng.random() < 0.5 else rng.choice(vocabulary) for w in p.split())
            for p in chosen]


def version(rng: random.Random, base: list[str], paragraphs: list[str]) -> str:
    kept = base[: max(3, int(len(base) * rng.uniform(0.5, 1.0)))]
    if len(kept) > 4 and rng.random() < 0.3:
        del kept[rng.randrange(1, len(kept))]
    if rng.random() < 0.3:
        kept.insert(rng.randrange(1, len(kept)), rng.choice(paragraphs))
    text = " ### ".join(kept)
    for old, new in rng.sample(STYLE, 2):
        text = text.replace(old, new)
    return " ### ".join([*rng.sample(BOILERPLATE, 2), text, rng.choice(BOILERPLATE)])


def build(n: int, path: Path, seed: int = 15) -> dict[str, str]:
    """Write an n-article CSV; return article id -> true story."""
    rng = random.Random(seed)
    paragraphs = real_paragraphs()
    vocabulary = sorted({w for p in paragraphs[:2000] for w in p.split()})
    truth: dict[str, str] = {}
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "publisher", "scrape_time", "text"])
        story = 0
        while len(truth) < n:
            base = base_text(rng, paragraphs, vocabulary)
            copies = 1 if rng.random() < 0.33 else rng.randint(2, 8)
            for _ in range(min(copies, n - len(truth))):
                article_id = f"a{len(truth)}"
                truth[article_id] = f"s{story}"
                stamp = f"2018-07-{rng.randint(10, 20)}T{rng.randint(0, 23):02d}:00:00+00:00"
                writer.writerow([article_id, f"outlet{rng.randint(1, 300)}.com", stamp,
                                 version(rng, base, paragraphs)])
            story += 1
    return truth


def run(n: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.csv"
        truth = build(n, path)
        columns = Columns(id="id", text="text", outlet="publisher", published="scrape_time")
        start = time.perf_counter()
        found = find_stories(path, columns)
        wall = time.perf_counter() - start
    client_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    predicted = {a: str(k) for k, story in enumerate(found.grouping.stories) for a in story}
    gold: dict[str, list[str]] = {}
    for article_id, story in truth.items():
        gold.setdefault(story, []).append(article_id)
    result = score(predicted, gold)
    print(f"{n:7d} articles: {wall:6.1f} s wall (find_stories), client peak {client_mb:.0f} MB, "
          f"largest worker peak {worker_mb:.0f} MB, {len(found.grouping.stories)} stories, "
          f"{len(found.grouping.carriers)} carriers; "
          + " ".join(f"{k}={v:.3f}" for k, v in result.items()), flush=True)


def main() -> None:
    print(f"machine: {machine()}")
    for n in [int(a) for a in sys.argv[1:]] or [10000]:
        run(n)


if __name__ == "__main__":
    main()
