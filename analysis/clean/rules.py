"""General web boilerplate patterns, read from ``data/web_boilerplate.csv`` (a rationale a row)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent.parent / "data" / "web_boilerplate.csv"
RULE_COLUMNS = ("rule_id", "kind", "pattern", "rationale")


@dataclass(frozen=True)
class Rule:
    """One pattern: the part kind a matching paragraph is, and why."""

    rule_id: str
    kind: str
    pattern: re.Pattern[str]
    rationale: str


@cache
def load_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    """The rules of ``path``; a bad row raises ValueError naming the file, row and problem."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in RULE_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        rules = []
        for line, row in enumerate(reader, start=2):
            if not row["rationale"].strip():
                raise ValueError(f"{path}:{line}: rule {row['rule_id']!r} has no rationale")
            try:
                pattern = re.compile(row["pattern"])
            except re.error as error:
                raise ValueError(f"{path}:{line}: rule {row['rule_id']!r}: {error}") from None
            rules.append(Rule(row["rule_id"], row["kind"], pattern, row["rationale"]))
    return tuple(rules)


def match_rule(paragraph: str, rules: tuple[Rule, ...] | None = None) -> Rule | None:
    """The first rule whose pattern is found in ``paragraph``, or None."""
    for rule in load_rules() if rules is None else rules:
        if rule.pattern.search(paragraph):
            return rule
    return None
