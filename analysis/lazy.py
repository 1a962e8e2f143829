"""Import a package's submodules on first use (PEP 562), so that importing it stays cheap."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module
from typing import Any


def lazy_submodules(
    package: str, names: Iterable[str], namespace: dict[str, Any]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package whose ``names`` load on first access."""
    submodules = frozenset(names)

    def __getattr__(name: str) -> object:
        if name in submodules:
            module = import_module(f"{package}.{name}")
            namespace[name] = module
            return module
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(namespace) | submodules)

    return __getattr__, __dir__
