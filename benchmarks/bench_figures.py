"""Figure benchmark: every figure the notebooks draw for the seed story, built and rasterised.

Each figure is timed as the notebooks display it: built by its plot function, then written as a
PNG at the figure's dpi with ``bbox_inches="tight"`` (what IPython's inline backend does). The
tables are computed once beforehand; they are not part of the timing. Median of a few repeats
after a warm-up, on one core.

Run: .venv/bin/python benchmarks/bench_figures.py
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from common import machine, measure, pin_to_one_core
from matplotlib.figure import Figure

import analysis
from analysis import plots


def render(build: Callable[[], Figure]) -> tuple[float, float]:
    """Build one figure and write it as the inline backend does; (build, png) in seconds."""
    start = time.perf_counter()
    fig = build()
    built = time.perf_counter()
    fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")
    done = time.perf_counter()
    plt.close(fig)
    return built - start, done - built


def main(repeat: int = 5) -> None:
    pin_to_one_core()
    corpus = analysis.load(None)
    story_id = corpus.story_ids[0]
    print(f"machine: {machine()} (pinned to one core)")
    print(f"figures of the notebooks for {story_id}: build + PNG (bbox tight), median of {repeat}")
    total = {"build": 0.0, "png": 0.0, "all": 0.0}
    for name, build in plots.story.story_figures(corpus, story_id).items():
        parts: list[tuple[float, float]] = []
        result = measure(lambda b=build, p=parts: p.append(render(b)), repeat=repeat, warmup=1)
        parts = parts[1:]  # the warm-up call
        build_ms = 1000 * sorted(b for b, _ in parts)[len(parts) // 2]
        png_ms = 1000 * sorted(p for _, p in parts)[len(parts) // 2]
        total["build"] += build_ms
        total["png"] += png_ms
        total["all"] += result["median_ms"]
        print(
            f"  {name:<28} {result['median_ms']:7.1f} ms  "
            f"(build {build_ms:6.1f}, png {png_ms:6.1f})"
        )
    print(
        f"  {'total':<28} {total['all']:7.1f} ms  "
        f"(build {total['build']:6.1f}, png {total['png']:6.1f})"
    )


if __name__ == "__main__":
    main()
