"""The report's index page: the findings ranked, one summary figure, the versions, the sections.

The page is ``templates/index.html.j2`` rendered by Jinja with autoescaping: every value
from the story (headlines, outlets, findings) is escaped.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..atomic import write_text
from .run_record import provenance

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
MAX_LEADING = 8
"""Findings the index leads with; the others are listed folded, and stay in their sections."""

SECTION_OF = {
    "versions": ("05_versions", "version_summary.csv, paragraph_matrix.csv, quote_matrix.csv"),
    "wording": ("01_wording", "wording_summary.csv, alignment.csv"),
    "quotes": ("03_quotes", "quote_matches.csv, share_of_voice.csv"),
    "readability": ("02_readability", "readability_differences.csv"),
    "framing": ("04_framing", "framing_summary.csv"),
    "overview": ("00_overview", "versions.csv"),
}
"""Analysis -> (the notebook that shows its evidence, the tables that hold it), in the order
the index ranks findings: what changed across versions first, then wording and voices."""

VERSION_COLUMNS = ["article_id", "role", "outlet", "published", "n_paragraphs",
                   "n_sentences", "n_words"]  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """A finding as the index shows it: the sentence, its section and evidence tables."""

    sentence: str
    section: str
    page: str | None
    tables: str


def ranked_findings(
    findings: Sequence[tuple[str, str]], pages: Sequence[str]
) -> list[Finding]:
    """The findings in the index's order (:data:`SECTION_OF`), each linked to its section.

    "Not computed" notes come last: they say what the report lacks, not what the story is.
    """
    order = list(SECTION_OF)

    def rank(item: tuple[int, tuple[str, str]]) -> tuple[int, int, int]:
        index, (analysis, sentence) = item
        not_computed = sentence.startswith("Not computed")
        position = order.index(analysis) if analysis in order else len(order)
        return (not_computed, position, index)

    ranked = []
    for _, (analysis, sentence) in sorted(enumerate(findings), key=rank):
        stem, tables = SECTION_OF.get(analysis, (analysis, ""))
        page = f"{stem}.html" if f"{stem}.html" in pages else None
        ranked.append(Finding(sentence, stem, page, tables))
    return ranked


def summary_figure(tables: Mapping[str, pd.DataFrame] | None) -> str | None:
    """The versions' ranking (a PNG, base64) when the story has two versions or more to rank."""
    if not tables or len(tables.get("version_summary", ())) < 2:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from ..plots.versions import version_ranking

    fig = version_ranking(tables["version_summary"])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def write_index(
    out_dir: Path,
    pages: Sequence[Path],
    corpus: object,
    story_id: str,
    skipped: Sequence[Path] = (),
    findings: Sequence[tuple[str, str]] | None = None,
    versions_tables: Mapping[str, pd.DataFrame] | None = None,
) -> Path:
    """Write ``out_dir/index.html``: ranked findings, a summary figure, versions, sections.

    ``pages`` is what :func:`analysis.report.render.render_notebooks` returned (reader then
    code version per notebook); ``skipped`` lists notebooks not run (e.g. comparisons of a
    one-version story). ``findings``: (analysis, sentence) pairs generated from the tables
    (:meth:`analysis.registry.StoryResults.key_findings`; computed here if not given).
    ``versions_tables``: the story's across-versions tables, for the summary figure.
    """
    import jinja2

    from ..overview import versions
    from ..registry import key_findings

    if findings is None:
        findings = key_findings(corpus, story_id)  # type: ignore[arg-type]
    readers = [p.name for p in pages if p.parent.name != "code"]
    ranked = ranked_findings(findings, readers)
    table = versions(corpus, story_id)  # type: ignore[arg-type]
    headline = table["headline"].dropna()
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True, keep_trailing_newline=True
    )
    page = environment.get_template("index.html.j2").render(
        title=f"Versions of a story: {story_id}",
        headline=str(headline.iloc[0]) if len(headline) else "",
        leading=ranked[:MAX_LEADING],
        others=ranked[MAX_LEADING:],
        figure=summary_figure(versions_tables),
        figure_alt="How much each version changed: the share of the original's words it "
        "does not carry, per version",
        columns=VERSION_COLUMNS,
        rows=[[str(row[c]) for c in VERSION_COLUMNS] for _, row in table.iterrows()],
        pages=readers,
        skipped=[p.stem for p in skipped],
        prov=provenance({"story_id": story_id}, (), Path.cwd()),
    )
    return write_text(Path(out_dir) / "index.html", page)
