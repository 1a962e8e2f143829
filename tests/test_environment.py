"""environment.yml, requirements.txt and constraints.txt agree on every pin."""

from __future__ import annotations

import re

from conftest import ROOT

PIN = re.compile(r"^\s*(?:-\s+)?([A-Za-z0-9_.\-]+)==([^\s#]+)")


def pins(text: str) -> dict[str, str]:
    found = {}
    for line in text.splitlines():
        match = PIN.match(line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def test_environment_yml_pip_section_equals_requirements() -> None:
    yml = (ROOT / "environment.yml").read_text(encoding="utf-8")
    pip_section = yml.split("- pip:", 1)[1]
    assert pins(pip_section) == pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert re.search(r"^\s*-\s*python=3\.11\s*$", yml, re.M)
    assert "conda-forge" in yml


def test_every_requirement_is_pinned_and_constrained() -> None:
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    lines = [
        line for line in requirements.splitlines() if line.strip() and not line.startswith("#")
    ]
    assert all("==" in line for line in lines), "every requirement must be pinned with =="
    constraints = pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    for name, version in pins(requirements).items():
        assert constraints.get(name) == version, (
            f"{name}: constraints.txt has {constraints.get(name)}"
        )


def test_the_installed_environment_matches_the_pins() -> None:
    from importlib.metadata import version

    for name, pinned in pins((ROOT / "requirements.txt").read_text(encoding="utf-8")).items():
        assert version(name) == pinned, name
