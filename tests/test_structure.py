"""The library's shape: module sizes, long functions, imports, and no seed story in its defaults."""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path

import pytest
from conftest import ROOT, STORY_ID
from seed_reference import fingerprints

import analysis
from analysis.export import write_tables
from analysis.registry import story_tables

LIBRARY = ROOT / "analysis"
MAX_MODULE_LINES = 800
MAX_FUNCTION_LINES = 80
MAX_LONG_FUNCTIONS = 3
LONG_FUNCTION_NOTE = "# Long because"
INTENDED_CHANGES = {
    "readability_textstat.why": "its syllable example is each version's own most undercounted "
    "word, no longer a name typed into the library",
}
"""Cells of the seed's tables that the reshape changed on purpose, with the reason."""
SEED_WORDS = re.compile(
    r"suleimani|soleimani|pompeo|abdul[\s-]+mahdi|ortagus|muhandis|rebuffed|rejoinder", re.I
)


def library_modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the analysis package."""
    found = {}
    for path in sorted(LIBRARY.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = library_modules()


def imported_modules(name: str, path: Path) -> set[str]:
    """The analysis modules that module ``name`` imports, TYPE_CHECKING imports included."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            for alias in node.names:
                submodule = f"{origin}.{alias.name}"
                targets.add(submodule if submodule in MODULES else origin)
    return {t for t in targets if t in MODULES and t != name}


def test_no_module_is_over_800_lines() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_at_most_three_long_functions_each_saying_why() -> None:
    long = []
    for name, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_FUNCTION_LINES:
                    body = "\n".join(lines[node.lineno - 1 : node.end_lineno])
                    long.append((f"{name}.{node.name}", size, LONG_FUNCTION_NOTE in body))
    assert len(long) <= MAX_LONG_FUNCTIONS, f"functions over {MAX_FUNCTION_LINES} lines: {long}"
    unexplained = [f for f in long if not f[2]]
    assert not unexplained, f"long functions need a {LONG_FUNCTION_NOTE!r} comment: {unexplained}"


def test_no_import_cycle_among_analysis_modules() -> None:
    graph = {name: imported_modules(name, path) for name, path in MODULES.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def test_the_import_walk_sees_relative_and_type_checking_imports() -> None:
    """The cycle test would be empty if the walk missed these (the package's own imports)."""
    edges = imported_modules("analysis", MODULES["analysis"])
    assert {"analysis.errors", "analysis.tables"} <= edges


def test_no_private_name_is_imported_from_another_module() -> None:
    found = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(
                "analysis"
            )):
                private = [
                    a.name
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
                if private:
                    found.append((name, node.module, private))
    assert not found, f"private names imported across modules: {found}"


def test_no_seed_story_name_in_the_library_code_or_data() -> None:
    """The seed's people and terms live in seeds/story.toml, never in the library."""
    hits = []
    for path in sorted(LIBRARY.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".txt", ".toml", ".json", ".tpl"}:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if SEED_WORDS.search(line):
                    hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not hits, "seed story names in the library:\n" + "\n".join(hits)


def test_the_seed_story_settings_hold_its_names() -> None:
    """The check above would pass on an empty tree; the names must be somewhere: the settings."""
    text = (ROOT / "seeds" / "story.toml").read_text(encoding="utf-8")
    assert SEED_WORDS.search(text)


def test_seed_tables_equal_those_before_the_reshape(tmp_path: Path) -> None:
    """Every exported table of the seed story equals the one of commit 5e0c174 (pair keys renamed).

    The reference was recorded with tests/seed_reference.py from that commit's export.
    Columns added since are not compared; every recorded column and row count is.
    """
    import json

    reference = json.loads((ROOT / "tests" / "data" / "seed_tables_reference.json").read_text())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        write_tables(story_tables(analysis.load(), STORY_ID), tmp_path)
    now = fingerprints(tmp_path, renamed=False)
    missing = sorted(set(reference) - set(now))
    assert not missing, f"tables no longer exported: {missing}"
    differences = []
    for table, expected in reference.items():
        got = now[table]
        if got["rows"] != expected["rows"]:
            differences.append(f"{table}: {got['rows']} rows, was {expected['rows']}")
            continue
        for column, digest in expected["columns"].items():
            if f"{table}.{column}" in INTENDED_CHANGES:
                continue
            if column not in got["columns"]:
                differences.append(f"{table}.{column}: column missing")
            elif got["columns"][column] != digest:
                differences.append(f"{table}.{column}: values differ")
    assert not differences, "\n".join(differences)
