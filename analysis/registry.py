"""The analyses of a story, in order: where the export, the report index and the CLI find them.

Each analysis module offers ``story_tables(corpus, story_id) -> dict[str, DataFrame]``
and may offer ``key_findings(corpus, story_id) -> list[str]``. Comparisons of a story
with one version raise NeedsTwoVersionsError; here that becomes a warning that says so.
"""

from __future__ import annotations

import importlib
import warnings
from types import ModuleType

import pandas as pd

from .errors import CorpusWarning, NeedsTwoVersionsError
from .tables import Corpus

ANALYSES = ("overview", "wording", "readability", "quotes", "framing")
"""Modules of ``analysis`` that compute a story's tables, in the order they are reported."""


def modules() -> list[ModuleType]:
    """The analysis modules, imported."""
    return [importlib.import_module(f"analysis.{name}") for name in ANALYSES]


def story_tables(corpus: Corpus, story_id: str) -> dict[str, pd.DataFrame]:
    """Every table the library computes for one story, keyed by its export file name."""
    story = corpus.story(story_id)
    tables = dict(story.tables)
    for module in modules():
        try:
            tables.update(module.story_tables(story, story_id))
        except NeedsTwoVersionsError as error:
            name = module.__name__.rsplit(".", 1)[-1]
            warnings.warn(f"{name} tables not written: {error}", CorpusWarning, stacklevel=2)
    return tables


def key_findings(corpus: Corpus, story_id: str) -> list[tuple[str, str]]:
    """(analysis, sentence) pairs: the key findings each analysis generates from its tables."""
    story = corpus.story(story_id)
    found = []
    for module in modules():
        if not hasattr(module, "key_findings"):
            continue
        name = module.__name__.rsplit(".", 1)[-1]
        try:
            found += [(name, sentence) for sentence in module.key_findings(story, story_id)]
        except NeedsTwoVersionsError as error:
            found.append((name, f"Not computed: {error.problem}."))
    return found
