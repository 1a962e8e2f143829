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

# The terms notebook 04 compares by default.
TERMS = ["rebuffed", "rebuttal", "rejoinder", "withdrawal", "sovereignty"]


def figures(corpus: analysis.Corpus, story_id: str) -> dict[str, Callable[[], Figure]]:
    """Each figure of notebooks 00–04, by name, as a call with the notebook's arguments."""
    versions = analysis.overview.versions(corpus, story_id)
    paragraphs = analysis.overview.paragraph_lengths(corpus, story_id)
    wording = analysis.wording.story_tables(corpus, story_id)
    readability = analysis.readability.story_tables(corpus, story_id)
    quotes = analysis.quotes.quotes_table(corpus, story_id)
    matches = analysis.quotes.quote_matches(corpus, story_id, quotes)
    share = analysis.quotes.share_of_voice(quotes)
    by_side = analysis.quotes.voice_by_side(share)
    framing = analysis.framing.story_tables(corpus, story_id, terms=TERMS)
    order = versions["article_id"].tolist()
    return {
        "00 lengths": lambda: plots.lengths(versions),
        "00 paragraph_profile": lambda: plots.paragraph_profile(paragraphs, order),
        "01 alignment_diagram": lambda: plots.wording.alignment_diagram(
            wording["alignment"], corpus["sentences"], None
        ),
        "01 edit_categories": lambda: plots.wording.edit_categories(wording["edit_categories"]),
        "01 distinctive_words": lambda: plots.wording.distinctive_words(
            wording["distinctive_words"]
        ),
        "02 metric_intervals": lambda: plots.readability.metric_intervals(
            readability["readability"]
        ),
        "02 difference_intervals": lambda: plots.readability.difference_intervals(
            readability["readability_differences"]
        ),
        "02 paragraph_distributions": lambda: plots.readability.paragraph_distributions(
            readability["readability"]
        ),
        "02 sentence_lengths": lambda: plots.readability.sentence_lengths(
            readability["readability_components"]
        ),
        "03 match_status": lambda: plots.quotes.match_status(matches),
        "03 share_of_voice": lambda: plots.quotes.share_of_voice(share),
        "03 voice_by_side": lambda: plots.quotes.voice_by_side(by_side),
        "04 term_counts": lambda: plots.framing.term_counts(framing["term_counts"]),
        "04 attribution_classes": lambda: plots.framing.attribution_classes(
            framing["attribution_classes"]
        ),
        "04 frame_profile": lambda: plots.framing.frame_profile(framing["frame_profile"]),
        "04 frame_shift": lambda: plots.framing.frame_shift(framing["frame_shift"]),
        "04 frame_map": lambda: plots.framing.frame_map(framing["frames"]),
        "04 context_frames": lambda: plots.framing.context_frames(framing["context_summary"]),
        "04 actor_prominence": lambda: plots.framing.actor_prominence(framing["actors"]),
        "04 tone": lambda: plots.framing.tone(framing["tone"]),
    }


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
    for name, build in figures(corpus, story_id).items():
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
