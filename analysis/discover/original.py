"""Proposing a story's original, with its evidence.

The original is the version with the earliest timestamp; ties go to a version with a
wire credit ("(AP)"...), then to the most complete text (most words), then to the
smallest id. The evidence says which rule decided.
"""

from __future__ import annotations

from dataclasses import dataclass

from .table import Record
from .text import wire_credit


@dataclass(frozen=True)
class Proposal:
    """The proposed original and the evidence for it."""

    article_id: str
    evidence: str


def _key(record: Record, n_words: int) -> tuple:
    return (record.when, not wire_credit(record.text), -n_words, record.article_id)


def propose_original(members: list[Record], n_words: dict[str, int]) -> Proposal:
    """The original among ``members`` (one story's versions) and why."""
    ranked = sorted(members, key=lambda r: _key(r, n_words[r.article_id]))
    first = ranked[0]
    credit = wire_credit(first.text)
    full = "T" in first.published or " " in first.published.strip()
    parts = [f"earliest {'timestamp' if full else 'date'} {first.published}"]
    if credit:
        parts.append(f"wire credit {credit}")
    longest = max(n_words[r.article_id] for r in members)
    if n_words[first.article_id] == longest:
        parts.append(f"most complete text ({longest} words)")
    else:
        parts.append(f"{n_words[first.article_id]} words (longest version {longest})")
    if len(ranked) > 1 and ranked[1].when == first.when:
        rule = _tie_rule(first, ranked[1], n_words)
        parts.append(f"tie on timestamp with {ranked[1].article_id}, {rule}")
    return Proposal(first.article_id, "; ".join(parts))


def _tie_rule(first: Record, second: Record, n_words: dict[str, int]) -> str:
    if bool(wire_credit(first.text)) != bool(wire_credit(second.text)):
        return "broken by the wire credit"
    if n_words[first.article_id] != n_words[second.article_id]:
        return "broken by the more complete text"
    return "broken by the smaller id"
