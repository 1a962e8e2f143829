"""Command line: ``python -m analysis export|report``.

    python -m analysis export --out DIR [--story ID] [--manifest PATH]
        [--settings TOML] [--terms a,b]
    python -m analysis report --out DIR [--story ID] [--manifest PATH]
        [--settings TOML] [--terms a,b]

Without --manifest the seed story is used; without --story, the first story of the
manifest; without --settings, the ``story.toml`` beside the manifest (if any); without
--terms, framing's default terms. The report is built in a staging folder and replaces
``--out`` only when every page succeeded; a second run into the same folder is refused.
Exit status: 0 done, 1 a notebook failed, 2 bad input or an unwritable output folder.
"""

from __future__ import annotations

import argparse
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .atomic import locked, staged
from .corpus import SEED_MANIFEST
from .errors import CorpusError, OutputError, ReportError
from .tables import Corpus, load

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("export", "write every table of a story as CSV"),
        ("report", "run the notebooks for a story and render them as self-contained HTML"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--out", type=Path, required=True, help="output folder")
        sub.add_argument("--story", help="story id (default: the manifest's first story)")
        sub.add_argument(
            "--manifest",
            type=Path,
            default=None,
            help="manifest CSV, folder with manifest.csv, or CSV/JSONL article table "
            f"(default: {SEED_MANIFEST})",
        )
        sub.add_argument("--settings", type=Path, default=None, help="story.toml to use")
        sub.add_argument(
            "--terms", type=_terms, default=None, help="framing terms, comma-separated"
        )
    from .discover.cli import add_commands

    add_commands(commands)
    return parser


def _terms(text: str) -> tuple[str, ...]:
    """``"a, b,c"`` → ``("a", "b", "c")``; at least one term."""
    terms = tuple(t.strip() for t in text.split(",") if t.strip())
    if not terms:
        raise argparse.ArgumentTypeError("give at least one term, e.g. --terms troops,withdrawal")
    return terms


def _options(terms: tuple[str, ...] | None) -> dict[str, dict[str, object]]:
    """The analyses' options from the command line (``registry.compute``'s ``options``)."""
    return {"framing": {"terms": terms}} if terms else {}


def export_command(
    out: Path,
    story: str | None,
    manifest: Path | None,
    settings: Path | None = None,
    terms: tuple[str, ...] | None = None,
) -> list[Path]:
    """Write the story's tables to ``out``; return the files written."""
    import warnings

    from .errors import CorpusWarning
    from .export import write_tables
    from .report.bundle import compute_with

    corpus = load(manifest, settings=settings)
    story_id = story or corpus.story_ids[0]
    results = compute_with(corpus, story_id, _options(terms))
    for name, problem in results.skipped.items():
        warnings.warn(
            f"{name} tables not written: {story_id}: {problem}", CorpusWarning, stacklevel=2
        )
    with locked(out):
        return write_tables({**corpus.story(story_id).tables, **results.flat()}, out)


def report_command(
    out: Path,
    story: str | None,
    manifest: Path | None,
    settings: Path | None = None,
    terms: tuple[str, ...] | None = None,
) -> list[Path]:
    """Run and render the analysis notebooks for the story; replace ``out`` with them.

    Notebooks whose metadata says ``{"analysis": {"requires_versions": 2}}`` are skipped,
    with a note on the index page, when the story has a single version.
    """
    manifest = (manifest or SEED_MANIFEST).resolve()
    corpus = load(manifest, settings=settings)
    story_id = story or corpus.story_ids[0]
    chosen = corpus.story(story_id)
    inputs = [manifest] + [
        Path(a.source.source) for a in chosen.articles if Path(a.source.source).exists()
    ]
    if settings is not None:
        inputs.append(Path(settings).resolve())
    notebooks, skipped = _choose_notebooks(len(chosen.articles))
    parameters: dict[str, object] = {"story_id": story_id, "manifest": str(manifest)}
    if terms:
        parameters["terms"] = list(terms)
    out = Path(out).resolve()
    with locked(out), staged(out) as staging:
        written = _build(staging, chosen, story_id, (notebooks, skipped), parameters, inputs, terms)
    return [out / path.relative_to(staging) for path in written]


def _choose_notebooks(n_versions: int) -> tuple[list[Path], list[Path]]:
    """The notebooks to run for a story of ``n_versions`` versions, and those skipped."""
    import nbformat

    notebooks, skipped = [], []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        needs = (
            nbformat.read(path, as_version=4)
            .metadata.get("analysis", {})
            .get("requires_versions", 1)
        )
        (notebooks if n_versions >= needs else skipped).append(path)
    return notebooks, skipped


def _build(
    staging: Path,
    chosen: Corpus,
    story_id: str,
    notebooks_and_skipped: tuple[list[Path], list[Path]],
    parameters: dict[str, object],
    inputs: list[Path],
    terms: tuple[str, ...] | None,
) -> list[Path]:
    """Compute the tables, run and render the notebooks, write the index, all in ``staging``."""
    from .report.bundle import reserve, run_key, share
    from .report.index import write_index
    from .report.render import render_notebooks

    notebooks, skipped = notebooks_and_skipped
    # Every table is computed once, here, and handed to the notebooks in a bundle (see
    # analysis.report.bundle), while their kernels start; the index's findings use the same tables.
    run_key(fresh=True)  # the notebooks (our child processes) trust only this run's bundle
    bundle = reserve(staging / "executed" / "bundle.pickle")
    parameters = {**parameters, "bundle": str(bundle)}
    manifest = parameters["manifest"]
    with ThreadPoolExecutor(max_workers=1) as pool:
        shared = pool.submit(share, bundle, chosen, story_id, manifest, inputs, _options(terms))
        try:
            pages = render_notebooks(
                notebooks, staging, parameters, inputs=inputs, cwd=NOTEBOOKS.parent
            )
        except ReportError:
            shared.result()  # a failure to compute the tables is the real error: raise it
            raise
        results = shared.result()
    bundle.unlink(missing_ok=True)  # the report keeps no pickle
    index = write_index(
        staging,
        pages,
        chosen,
        story_id,
        skipped=skipped,
        findings=results.key_findings(),
        versions_tables=results.tables.get("versions"),
    )
    return [index, *pages]


def _stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so that an interrupted report cleans its staging folder."""

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = _parser().parse_args(argv)
    command = export_command if args.command == "export" else report_command
    _stop_on_sigterm()
    try:
        if hasattr(args, "run"):  # discover, compare-all (analysis.discover.cli)
            written = args.run(args)
        else:
            written = command(args.out, args.story, args.manifest, args.settings, args.terms)
    except OutputError as error:  # unwritable, full or busy output folder
        print(f"error: output folder {error}", file=sys.stderr)
        return 2
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except ReportError as error:  # a notebook failed; the message names it, with its error
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
