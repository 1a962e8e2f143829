"""A story of 30 versions built from the seed's NYT text: per-version cuts, moves, house style.

The plan is written down, so tests can check the tables against what each version did:
- every version cuts the last paragraph (22) except versions 1–5 (so 25 of 30 cut it);
- version 7 cuts paragraphs 6–12 as well: it changed the most;
- version 12 alone cuts paragraph 2;
- versions 1–20 add the same update paragraph (a later wire update), version 30 one of its own;
- versions 3, 6, 9, … apply AP house style to courtesy titles ("Mr. Pompeo" -> "Pompeo");
- version 5 moves paragraph 4 to the end.
"""

from __future__ import annotations

import re
from pathlib import Path

import analysis
from analysis.corpus import Source

SEED_NYT = Path(__file__).resolve().parent.parent / "seeds" / "000_59623ea61105e53b.txt"
N_VERSIONS = 30
LAST = 22
MOST_CUT = {7: range(6, 13)}
ALONE_CUT = {12: 2}
UPDATE = (
    "Later on Friday, the State Department said a NATO delegation would travel to Baghdad "
    "next week to discuss the alliance's training mission in the country."
)
OWN_UPDATE = "A local official said the city council would debate the deployment on Monday."
MOVED = {5: 4}


def version_lines(k: int, lines: list[str]) -> list[str]:
    """The paragraphs (lines) of version ``k`` by the plan above (line 0 is the headline)."""
    cut = set()
    if k > 5:
        cut.add(LAST)
    cut |= set(MOST_CUT.get(k, ()))
    if k in ALONE_CUT:
        cut.add(ALONE_CUT[k])
    kept = [line for i, line in enumerate(lines) if i not in cut]
    if k in MOVED:
        moved = lines[MOVED[k]]
        kept = [line for line in kept if line != moved] + [moved]
    if k % 3 == 0:
        kept = [re.sub(r"\b(?:Mr|Ms)\. (?=[A-Z])", "", line) for line in kept]
    if k <= 20:
        kept.append(UPDATE)
    if k == N_VERSIONS:
        kept.append(OWN_UPDATE)
    return kept


def many_versions() -> analysis.Corpus:
    """The 30-version story ``many`` (original ``v00``, versions ``v01``…``v30``)."""
    lines = SEED_NYT.read_text(encoding="utf-8").split("\n")
    texts = {0: lines} | {k: version_lines(k, lines) for k in range(1, N_VERSIONS + 1)}
    sources = [
        Source(f"v{k:02d}", "many", "original" if k == 0 else "syndicated",
               f"Outlet {k:02d}", f"2020-01-{10 + (k > 0):02d}", "plain", "\n".join(paragraphs),
               f"constructed-{k}", str(k), "utf-8")
        for k, paragraphs in texts.items()
    ]  # fmt: skip
    return analysis.Corpus.from_sources(sources)
