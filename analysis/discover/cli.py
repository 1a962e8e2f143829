"""The ``discover`` and ``compare-all`` commands of ``python -m analysis``.

    python -m analysis discover CORPUS --out DIR [--id-column id --text-column text
        --outlet-column publisher --published-column scrape_time] [--scheduler ADDRESS]
    python -m analysis compare-all --manifest DIR/manifest.csv --out DIR [--scheduler ADDRESS]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .table import Columns

SCHEDULER_HELP = (
    "address of a running Dask scheduler (default: a local cluster, one worker per core)"
)


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``discover`` and ``compare-all`` on the CLI's subparsers."""
    sub = subparsers.add_parser("discover", help="find the versions of every story in a corpus")
    sub.add_argument("corpus", type=Path, help="CSV, JSONL or Parquet table, or a folder of .txt")
    sub.add_argument("--out", type=Path, required=True, help="output folder")
    for field, default in (("id", "id"), ("text", "text"), ("outlet", "outlet"),
                           ("published", "published"), ("headline", "")):
        sub.add_argument(f"--{field}-column", default=default, help=f"column of the {field}")
    sub.add_argument("--scheduler", default=None, help=SCHEDULER_HELP)
    sub.set_defaults(run=discover_command)
    sub = subparsers.add_parser("compare-all", help="compute every story's tables on Dask")
    sub.add_argument("--manifest", type=Path, required=True, help="manifest.csv (from discover)")
    sub.add_argument("--out", type=Path, required=True, help="output folder")
    sub.add_argument("--scheduler", default=None, help=SCHEDULER_HELP)
    sub.set_defaults(run=compare_all_command)


def discover_command(args: argparse.Namespace) -> list[Path]:
    """Run discovery with the parsed options; return the files written."""
    from .pipeline import discover

    columns = Columns(
        id=args.id_column, text=args.text_column, outlet=args.outlet_column,
        published=args.published_column, headline=args.headline_column,
    )
    return discover(args.corpus, args.out, columns, scheduler=args.scheduler)


def compare_all_command(args: argparse.Namespace) -> list[Path]:
    """Run compare-all with the parsed options; return the files written."""
    from ..compare_all import compare_all

    return compare_all(args.manifest, args.out, scheduler=args.scheduler)
