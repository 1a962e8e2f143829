"""Command line: ``python -m analysis export|report``.

    python -m analysis export --out DIR [--story ID] [--manifest PATH]
    python -m analysis report --out DIR [--story ID] [--manifest PATH]

Without --manifest the seed story is used; without --story, the first story of the
manifest.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .corpus import SEED_MANIFEST
from .errors import CorpusError, ReportError
from .tables import load

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
    from .discover.cli import add_commands

    add_commands(commands)
    return parser


def export_command(out: Path, story: str | None, manifest: Path | None) -> list[Path]:
    """Write the story's tables to ``out``; return the files written."""
    from .export import write_tables
    from .registry import story_tables

    corpus = load(manifest)
    story_id = story or corpus.story_ids[0]
    return write_tables(story_tables(corpus, story_id), out)


def report_command(out: Path, story: str | None, manifest: Path | None) -> list[Path]:
    """Run and render the analysis notebooks for the story into ``out``.

    Notebooks whose metadata says ``{"analysis": {"requires_versions": 2}}`` are skipped,
    with a note on the index page, when the story has a single version.
    """
    import nbformat

    from .bundle import reserve, share
    from .report import render_notebooks, write_index

    manifest = (manifest or SEED_MANIFEST).resolve()
    corpus = load(manifest)
    story_id = story or corpus.story_ids[0]
    chosen = corpus.story(story_id)
    inputs = [manifest] + [
        Path(a.source.source) for a in chosen.articles if Path(a.source.source).exists()
    ]
    n_versions = len(chosen.articles)
    notebooks, skipped = [], []
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        needs = (
            nbformat.read(path, as_version=4)
            .metadata.get("analysis", {})
            .get("requires_versions", 1)
        )
        (notebooks if n_versions >= needs else skipped).append(path)
    # Every table is computed once, here, and handed to the notebooks in a bundle (see
    # analysis.bundle), while their kernels start; the index's findings use the same tables.
    bundle = reserve(out / "executed" / "bundle.pickle").resolve()
    parameters = {"story_id": story_id, "manifest": str(manifest), "bundle": str(bundle)}

    with ThreadPoolExecutor(max_workers=1) as pool:
        shared = pool.submit(share, bundle, chosen, story_id, manifest, inputs)
        try:
            pages = render_notebooks(
                notebooks, out, parameters, inputs=inputs, cwd=NOTEBOOKS.parent
            )
        except ReportError:
            shared.result()  # a failure to compute the tables is the real error: raise it
            raise
        results = shared.result()
    index = write_index(
        out, pages, chosen, story_id, skipped=skipped, findings=results.key_findings()
    )
    return [index, *pages]


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    args = _parser().parse_args(argv)
    command = export_command if args.command == "export" else report_command
    try:
        if hasattr(args, "run"):  # discover, compare-all (analysis.discover.cli)
            written = args.run(args)
        else:
            written = command(args.out, args.story, args.manifest)
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
