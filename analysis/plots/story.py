"""Every figure the analysis notebooks draw for a story, by name: to save, test or time them."""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure

from ..overview import paragraph_lengths
from ..quotes import voice_by_side as voice_by_side_table
from ..registry import StoryResults, compute
from ..tables import Corpus
from . import framing, overview, quotes, readability, wording
from . import versions as across_versions

__all__ = ["story_figures"]


def story_figures(
    corpus: Corpus, story_id: str, results: StoryResults | None = None
) -> dict[str, Callable[[], Figure]]:
    """Builders of the figures of notebooks 00–05, keyed ``"<notebook> <function>"``.

    Each value, called, draws the figure as its notebook does (same function, same
    tables, default options). ``results``: the story's tables from
    :func:`analysis.registry.compute`, if already at hand. Analyses that cannot run on the
    story (comparisons of a one-version story) contribute no figures.
    """
    story = corpus.story(story_id)
    tables = (results or compute(story, story_id)).tables
    figures: dict[str, Callable[[], Figure]] = {}
    if "overview" in tables:
        versions = tables["overview"]["versions"]
        paragraphs = paragraph_lengths(story, story_id)
        figures["00 lengths"] = lambda: overview.lengths(versions)
        figures["00 paragraph_profile"] = lambda: overview.paragraph_profile(
            paragraphs, versions["article_id"].tolist()
        )
    if "wording" in tables:
        w = tables["wording"]
        figures["01 alignment_diagram"] = lambda: wording.alignment_diagram(
            w["alignment"], story["sentences"]
        )
        figures["01 edit_categories"] = lambda: wording.edit_categories(w["edit_categories"])
        figures["01 distinctive_words"] = lambda: wording.distinctive_words(w["distinctive_words"])
    if "readability" in tables:
        r = tables["readability"]
        figures["02 metric_intervals"] = lambda: readability.metric_intervals(r["readability"])
        figures["02 difference_intervals"] = lambda: readability.difference_intervals(
            r["readability_differences"]
        )
        figures["02 paragraph_distributions"] = lambda: readability.paragraph_distributions(
            r["readability"]
        )
        figures["02 sentence_lengths"] = lambda: readability.sentence_lengths(
            r["readability_components"]
        )
    if "quotes" in tables:
        q = tables["quotes"]
        figures["03 match_status"] = lambda: quotes.match_status(q["quote_matches"])
        figures["03 share_of_voice"] = lambda: quotes.share_of_voice(q["share_of_voice"])
        figures["03 voice_by_side"] = lambda: quotes.voice_by_side(
            voice_by_side_table(q["share_of_voice"])
        )
    if "framing" in tables:
        f = tables["framing"]
        for name, table in (
            ("term_counts", "term_counts"),
            ("attribution_classes", "attribution_classes"),
            ("frame_profile", "frame_profile"),
            ("frame_shift", "frame_shift"),
            ("frame_map", "frames"),
            ("context_frames", "context_summary"),
            ("actor_prominence", "actors"),
            ("tone", "tone"),
        ):
            figures[f"04 {name}"] = _builder(getattr(framing, name), f[table])
    if "versions" in tables:
        v = tables["versions"]
        summary = v["version_summary"]
        figures["05 version_ranking"] = lambda: across_versions.version_ranking(summary)
        figures["05 paragraph_heatmap"] = lambda: across_versions.paragraph_heatmap(
            v["paragraph_matrix"], summary
        )
        figures["05 alignment_overview"] = lambda: across_versions.alignment_overview(
            v["sentence_matrix"], summary, v["added_material"]
        )
        figures["05 quote_heatmap"] = lambda: across_versions.quote_heatmap(
            v["quote_matrix"], summary
        )
    return figures


def _builder(plot: Callable[..., Figure], *args: object) -> Callable[[], Figure]:
    """``plot(*args)``, deferred."""
    return lambda: plot(*args)
