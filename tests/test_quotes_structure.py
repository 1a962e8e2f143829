"""The quotes package's structure: no import cycle (TYPE_CHECKING included), no private imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "analysis" / "quotes"
OWNED = [*PACKAGE.glob("*.py"), *(ROOT / "analysis" / "lexicon").glob("*.py")]
OWNED += [*(ROOT / "analysis" / "actors").glob("*.py"), ROOT / "analysis" / "segment.py"]


def sibling_imports(path: Path) -> set[str]:
    """Modules of analysis.quotes that ``path`` imports with ``from .x import``, anywhere."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module
    }


@pytest.mark.parametrize("package", [PACKAGE, ROOT / "analysis" / "actors"], ids=lambda p: p.name)
def test_no_import_cycle_among_the_package_modules(package: Path) -> None:
    graph = {p.stem: sibling_imports(p) for p in package.glob("*.py") if p.stem != "__init__"}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        if module in done:
            return
        for target in graph.get(module, ()):
            visit(target, (*path, module))
        done.add(module)

    for module in graph:
        visit(module, ())
    assert len(graph) >= 4


@pytest.mark.parametrize("path", OWNED, ids=lambda p: p.name)
def test_no_private_name_is_imported_from_another_module(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level > 0
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]
    assert private == [], f"{path.name} imports private names {private}"
