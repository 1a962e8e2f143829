"""The report of a story: notebooks run and rendered to self-contained HTML, and their index.

One module per concern, each imported on first use (rendering needs papermill and
nbconvert, which ``import analysis`` should not pay for):

- :mod:`analysis.report.bundle`: the story's tables computed once and handed, signed, to
  the notebooks (:func:`~analysis.report.bundle.open_story`);
- :mod:`analysis.report.render`: papermill execution and nbconvert rendering
  (:func:`~analysis.report.render.render_notebooks`);
- :mod:`analysis.report.offline_html`: the check that a page loads nothing from outside;
- :mod:`analysis.report.run_record`: the provenance of a run: version, commit, input
  checksums, parameters, time;
- :mod:`analysis.report.index`: the index page, from ``templates/index.html.j2``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ..errors import ReportError

if TYPE_CHECKING:
    from .bundle import StaleBundleWarning, open_story
    from .index import write_index
    from .offline_html import external_references
    from .render import render_notebooks
    from .run_record import DISTRIBUTION, provenance

WHERE = {
    "StaleBundleWarning": "bundle",
    "open_story": "bundle",
    "write_index": "index",
    "external_references": "offline_html",
    "DISTRIBUTION": "run_record",
    "provenance": "run_record",
    "render_notebooks": "render",
}
"""Each public name of the package and the module that defines it."""


def __getattr__(name: str) -> object:
    if name in WHERE:
        return getattr(importlib.import_module(f"{__name__}.{WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DISTRIBUTION",
    "ReportError",
    "StaleBundleWarning",
    "external_references",
    "open_story",
    "provenance",
    "render_notebooks",
    "write_index",
]
