"""The analyses of a story, in order: where the export, the report and the CLI find them.

Each analysis module offers ``story_tables(corpus, story_id, **options) -> dict[str,
DataFrame]`` and may offer ``key_findings_from(tables) -> list[str]``. A module that reads
other analyses' tables declares them, ``NEEDS = ("wording", "quotes")``, and takes them as
``story_tables(..., needs={"wording": {...}, "quotes": {...}})``: each analysis is
computed once per story, in dependency order. Comparisons of a
story with one version raise NeedsTwoVersionsError; here that becomes a warning (tables)
or a "not computed" finding that says so.
"""

from __future__ import annotations

import importlib
import inspect
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType

import pandas as pd

from .errors import CorpusWarning, NeedsTwoVersionsError
from .tables import Corpus

ANALYSES = ("overview", "wording", "readability", "quotes", "framing", "versions")
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
    """The keyword options of an analysis's ``story_tables`` with their (non-None) defaults.

    ``needs`` is not an option: it is how the registry passes the tables an analysis reads.
    """
    signature = inspect.signature(module(name).story_tables)
    return {
        key: p.default
        for key, p in signature.parameters.items()
        if key != "needs" and p.default is not inspect.Parameter.empty and p.default is not None
    }


def needs(name: str) -> tuple[str, ...]:
    """The analyses whose tables ``name`` reads (its module's ``NEEDS``; none by default)."""
    return tuple(getattr(module(name), "NEEDS", ()))


def dependency_order(names: Iterable[str] = ANALYSES) -> list[str]:
    """``names`` and everything they need, each after what it needs (else in ANALYSES order)."""
    order: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            raise ValueError(f"analyses need each other: {' -> '.join([*path, name])}")
        if name in order:
            return
        for needed in needs(name):
            visit(needed, (*path, name))
        order.append(name)

    for name in sorted(names, key=ANALYSES.index):
        visit(name, ())
    return order


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


def _check_options(options: Mapping[str, Mapping[str, object]]) -> None:
    """ValueError for options of an unknown analysis or an option its story_tables lacks."""
    for name, given in options.items():
        known = inspect.signature(module(name).story_tables).parameters
        unknown = sorted(set(given) - set(known) | ({"needs"} & set(given)))
        if unknown:
            raise ValueError(f"unknown option(s) {', '.join(unknown)} for analysis {name!r}")


def compute(
    corpus: Corpus,
    story_id: str,
    options: Mapping[str, Mapping[str, object]] | None = None,
    analyses: Iterable[str] = ANALYSES,
) -> StoryResults:
    """Run the analyses on one story, each once, in dependency order (see :class:`StoryResults`).

    ``options`` overrides an analysis's default options (``{"framing": {"terms": ("a",)}}``);
    ``analyses`` limits the run to those analyses and what they need. An analysis that
    declares ``NEEDS`` gets their tables as ``needs={name: tables}``; if one of them was
    skipped, it is skipped too, for the same reason.
    """
    options = options or {}
    _check_options(options)
    story = corpus.story(story_id)
    results = StoryResults(story_id)
    for name in dependency_order(analyses):
        chosen = {**default_options(name), **options.get(name, {})}
        results.options[name] = chosen
        missing = [n for n in needs(name) if n in results.skipped]
        if missing:
            results.skipped[name] = results.skipped[missing[0]]  # the same reason holds
            continue
        extra = {"needs": {n: results.tables[n] for n in needs(name)}} if needs(name) else {}
        try:
            results.tables[name] = module(name).story_tables(story, story_id, **chosen, **extra)
        except NeedsTwoVersionsError as error:
            results.skipped[name] = error.problem
    results.tables = {n: results.tables[n] for n in ANALYSES if n in results.tables}
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
