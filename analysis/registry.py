"""The analyses of a story, in order: where the export, the report and the CLI find them.

Each analysis module offers ``story_tables(corpus, story_id, **options) -> dict[str,
DataFrame]`` and may offer ``key_findings_from(tables) -> list[str]``. Comparisons of a
story with one version raise NeedsTwoVersionsError; here that becomes a warning (tables)
or a "not computed" finding that says so.
"""

from __future__ import annotations

import importlib
import inspect
import warnings
from dataclasses import dataclass, field
from types import ModuleType

import pandas as pd

from .errors import CorpusWarning, NeedsTwoVersionsError
from .tables import Corpus

ANALYSES = ("overview", "wording", "readability", "quotes", "framing")
"""Modules of ``analysis`` that compute a story's tables, in the order they are reported."""


def module(name: str) -> ModuleType:
    """The analysis module ``analysis.<name>``, imported; ValueError for an unknown name."""
    if name not in ANALYSES:
        raise ValueError(f"unknown analysis {name!r}; the analyses are {', '.join(ANALYSES)}")
    return importlib.import_module(f"analysis.{name}")


def modules() -> list[ModuleType]:
    """The analysis modules, imported."""
    return [module(name) for name in ANALYSES]


def default_options(name: str) -> dict[str, object]:
    """The keyword options of an analysis's ``story_tables`` with their defaults.

    E.g. ``{"terms": (...)}`` for framing; a table computed with these options is what a
    notebook that passes the same values would compute.
    """
    signature = inspect.signature(module(name).story_tables)
    return {
        key: p.default
        for key, p in signature.parameters.items()
        if p.default is not inspect.Parameter.empty and p.default is not None
    }


@dataclass
class StoryResults:
    """Every analysis's tables for one story, computed once.

    ``tables`` maps an analysis name to its tables (keyed by export name); ``skipped``
    maps an analysis that could not run (e.g. a comparison of a one-version story) to
    the reason; ``options`` records the options each analysis ran with.
    """

    story_id: str
    tables: dict[str, dict[str, pd.DataFrame]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, object]] = field(default_factory=dict)

    def flat(self) -> dict[str, pd.DataFrame]:
        """All tables in one dict keyed by export file name, in the analyses' order."""
        return {name: table for tables in self.tables.values() for name, table in tables.items()}

    def key_findings(self) -> list[tuple[str, str]]:
        """(analysis, sentence) pairs generated from the tables; skipped analyses say why."""
        found: list[tuple[str, str]] = []
        for name in ANALYSES:
            if name in self.skipped:
                found.append((name, f"Not computed: {self.skipped[name]}."))
            elif name in self.tables and hasattr(module(name), "key_findings_from"):
                found += [(name, s) for s in module(name).key_findings_from(self.tables[name])]
        return found


def compute(corpus: Corpus, story_id: str) -> StoryResults:
    """Run every analysis on one story with its default options (see :class:`StoryResults`).

    Framing reuses the quote table of the quotes analysis instead of extracting the
    quotations a second time.
    """
    story = corpus.story(story_id)
    results = StoryResults(story_id)
    for name in ANALYSES:
        options = default_options(name)
        extra = {}
        if name == "framing" and "quotes" in results.tables:
            extra["quotes"] = results.tables["quotes"]["quotes"]
        try:
            results.tables[name] = module(name).story_tables(story, story_id, **options, **extra)
        except NeedsTwoVersionsError as error:
            results.skipped[name] = error.problem
        results.options[name] = options
    return results


def story_tables(corpus: Corpus, story_id: str) -> dict[str, pd.DataFrame]:
    """Every table the library computes for one story, keyed by its export file name.

    Includes the corpus tables of the story (articles, paragraphs, sentences, tokens...).
    An analysis that cannot run on the story is left out with a CorpusWarning that says why.
    """
    results = compute(corpus, story_id)
    for name, problem in results.skipped.items():
        warnings.warn(
            f"{name} tables not written: {story_id}: {problem}", CorpusWarning, stacklevel=2
        )
    return {**corpus.story(story_id).tables, **results.flat()}


def key_findings(
    corpus: Corpus, story_id: str, results: StoryResults | None = None
) -> list[tuple[str, str]]:
    """(analysis, sentence) pairs: the key findings each analysis generates from its tables.

    ``results``: the story's :func:`compute` results if already at hand.
    """
    return (results or compute(corpus, story_id)).key_findings()
